//! The vendored Yew's listener kinds (`vendor/yew.patch`): a kind Yew knows is named from a table
//! by its position, so a table out of step with the kinds would attach listeners to the wrong
//! DOM events. Each kind must name its own event, as upstream's one-arm-per-kind match did.

use std::collections::HashSet;

use yew::virtual_dom::ListenerKind;

/// Kinds the widget listens to and a spread of others, with the event each must name.
const SAMPLE: [(ListenerKind, &str); 12] = [
    (ListenerKind::onabort, "abort"),
    (ListenerKind::onclick, "click"),
    (ListenerKind::onkeydown, "keydown"),
    (ListenerKind::oninput, "input"),
    (ListenerKind::onchange, "change"),
    (ListenerKind::onsubmit, "submit"),
    (ListenerKind::onfocusin, "focusin"),
    (ListenerKind::onpointerdown, "pointerdown"),
    (ListenerKind::ondragover, "dragover"),
    (ListenerKind::ondrop, "drop"),
    (ListenerKind::ontransitionend, "transitionend"),
    (ListenerKind::onwheel, "wheel"),
];

#[test]
fn each_known_kind_names_its_own_event() {
    for (kind, event) in SAMPLE {
        assert_eq!(kind.type_name(), event);
        assert_eq!(kind.as_ref(), format!("on{event}"));
    }
}

#[test]
fn kinds_stay_distinct_and_clone_to_themselves() {
    let names: HashSet<String> = SAMPLE.iter().map(|(k, _)| k.type_name().into()).collect();
    assert_eq!(names.len(), SAMPLE.len());
    let kinds: HashSet<ListenerKind> = SAMPLE.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(kinds.len(), SAMPLE.len());
    assert_ne!(ListenerKind::onclick, ListenerKind::onkeydown);
}

#[test]
fn another_event_keeps_its_own_name() {
    let custom = ListenerKind::other("widget-ready".into());
    assert_eq!(custom.type_name(), "widget-ready");
    assert_eq!(custom.as_ref(), "widget-ready");
    assert_ne!(custom, ListenerKind::onclick);
}
