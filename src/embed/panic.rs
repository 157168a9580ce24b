//! A crash, as a visitor sees it. The release wasm aborts at once on a panic (no hook runs, and
//! the module cannot be called again safely), so the apology is `embed.js`'s job: when the
//! module traps it replaces every widget with the texts each keeps ready on its container.
use std::sync::Once;

use web_sys::Element;

use crate::core::i18n::{Catalog, Msg};

/// Keeps the apology for a crash ready on a widget's container, in the language the widget
/// shows, as `data-crash-title`, `data-crash-body`, `lang` and `dir`.
pub(super) fn keep_apology_ready(container: &Element, t: &Catalog) {
    let _ = container.set_attribute("lang", t.lang.tag());
    let _ = container.set_attribute("dir", t.lang.dir());
    let _ = container.set_attribute("data-crash-title", t.get(Msg::CrashTitle));
    let _ = container.set_attribute("data-crash-body", t.get(Msg::CrashBody));
}

static INSTALL: Once = Once::new();

/// Builds that still run a panic hook (stable, tests) log the panic's details before the trap;
/// Yew would otherwise install its own hook on first render.
pub(super) fn install() {
    INSTALL.call_once(|| {
        #[cfg(not(panic = "immediate-abort"))]
        yew::set_custom_panic_hook(Box::new(|info| {
            super::error(&format!("the widget crashed: {info}"));
        }));
    });
}
