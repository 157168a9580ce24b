use std::cell::RefCell;
use std::sync::Once;

use web_sys::ShadowRoot;

use super::LOG_PREFIX;
use crate::core::text::ui;

thread_local! {
    /// Live widgets by instance number, so a panic can replace each with an apology.
    static LIVE: RefCell<Vec<(u32, ShadowRoot)>> = const { RefCell::new(Vec::new()) };
}

static INSTALL: Once = Once::new();

/// Installs the hook once. Yew would otherwise install its own on first render.
pub(super) fn install() {
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            gloo::console::error!(format!("{LOG_PREFIX} the widget crashed: {info}"));
            LIVE.with(|live| {
                if let Ok(live) = live.try_borrow() {
                    live.iter().for_each(|(_, root)| show_apology(root));
                }
            });
        }));
    });
}

/// Registers a mounted widget.
pub(super) fn remember(instance: u32, root: ShadowRoot) {
    LIVE.with(|live| live.borrow_mut().push((instance, root)));
}

/// Forgets a destroyed widget.
pub(super) fn forget(instance: u32) {
    LIVE.with(|live| live.borrow_mut().retain(|(n, _)| *n != instance));
}

/// Replaces a widget's content with a short apology; the stylesheet stays adopted.
fn show_apology(root: &ShadowRoot) {
    root.set_inner_html("");
    let Some(doc) = root.owner_document() else { return };
    if let Ok(box_el) = doc.create_element("div") {
        box_el.set_class_name("air air-crash");
        let _ = box_el.set_attribute("role", "alert");
        box_el.set_text_content(Some(ui::CRASHED));
        let _ = root.append_child(&box_el);
    }
}
