use std::sync::Once;

use super::{error, live_roots, show_notice};
use crate::core::text::ui;

static INSTALL: Once = Once::new();

/// Installs the hook once. Yew would otherwise install its own on first render.
pub(super) fn install() {
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            error(&format!("the widget crashed: {info}"));
            for root in live_roots() {
                show_notice(&root, ui::CRASHED_TITLE, ui::CRASHED, "air-crash");
            }
        }));
    });
}
