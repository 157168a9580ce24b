//! The patched Yew (src/vendor/yew, PATCHED.md) looks a listener kind's DOM name up in a table
//! by its discriminant and clones kinds by copying the tag: every kind must still name its own
//! event, and a clone must equal its original.

use std::borrow::Cow;

use yew::virtual_dom::ListenerKind;

#[test]
fn every_kind_names_its_own_event() {
    let kinds = [
        (ListenerKind::onabort, "abort"),
        (ListenerKind::onclick, "click"),
        (ListenerKind::onkeydown, "keydown"),
        (ListenerKind::oninput, "input"),
        (ListenerKind::onchange, "change"),
        (ListenerKind::onsubmit, "submit"),
        (ListenerKind::onpointerdown, "pointerdown"),
        (ListenerKind::ondragover, "dragover"),
        (ListenerKind::ondrop, "drop"),
        (ListenerKind::onfocusout, "focusout"),
        (ListenerKind::ontransitionend, "transitionend"),
    ];
    for (kind, name) in kinds {
        assert_eq!(kind.type_name(), name);
        assert_eq!(kind.as_ref(), format!("on{name}"));
        assert_eq!(kind.clone(), kind);
    }
}

#[test]
fn a_custom_kind_keeps_its_name_through_a_clone() {
    let custom = ListenerKind::other(Cow::Owned("ai-readiness:custom".to_string()));
    let copy = custom.clone();
    assert_eq!(copy, custom);
    assert_eq!(copy.type_name(), "ai-readiness:custom");
    assert_eq!(copy.as_ref(), "ai-readiness:custom");
    assert_ne!(copy, ListenerKind::onclick);
}
