use std::sync::Once;

use super::{error, live_roots, show_notice};
use crate::core::i18n::{Catalog, Msg};

static INSTALL: Once = Once::new();

/// Installs the hook once. Yew would otherwise install its own on first render.
pub(super) fn install() {
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| crash(&info.to_string())));
    });
}

/// What a panic does: log the details, and replace every live widget with a short apology so
/// no visitor is left with a blank or frozen box. Public so a browser test can check it without
/// crashing its own test run.
pub fn crash(details: &str) {
    error(&format!("the widget crashed: {details}"));
    for (root, shown) in live_roots() {
        let t = shown.unwrap_or_else(|| std::rc::Rc::new(Catalog::english()));
        show_notice(
            &root,
            t.lang,
            t.get(Msg::CrashTitle),
            t.get(Msg::CrashBody),
            "air-crash",
        );
    }
}
