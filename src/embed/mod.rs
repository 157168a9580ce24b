//! Browser glue: the only layer that touches the DOM and JavaScript values.
//!
//! It mounts a widget into an open Shadow DOM on the host element, adopts the widget stylesheet,
//! reads `data-*` configuration, turns [`WidgetEvent`](crate::core::events::WidgetEvent)s into `CustomEvent`s on the host, keeps a
//! registry of live widgets (for double-mount checks and the panic hook) and exports the
//! JavaScript API.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::core::i18n::Lang;

/// Delivery to the host's endpoint (`submitUrl`), in its own chunk.
mod delivery;
/// Event details as plain objects, without a serializer.
mod detail;
/// Events on the host: dispatch, configuration problems, the courier to `submitUrl`.
mod events;
/// Reading dropped files and saving downloads.
mod files;
/// The exported JavaScript API besides `mount`: a widget's handle, `scoreAnswers`, `connect`.
mod handle;
/// Reading JavaScript config objects and attributes into core's terms.
mod js_config;
/// The lead form's browser side, in its chunk.
mod lead;
/// Fetching and sharing the catalogs of languages other than English.
pub mod locale;
/// Mounting a widget: the shadow root, the configuration, the instance and its registry.
mod mount;
/// What a crash shows: the apology each widget keeps ready for `embed.js`, the panic hook.
mod panic;
/// The split points of the parts that load on demand, with their browser side.
mod parts;
/// Share links and the clipboard.
mod share;
/// Saved progress in localStorage, or in memory when that is not possible.
mod storage;
/// The widget's stylesheet and its parts', the accent, the canvas colour probe.
mod style;
/// Taking over the first screen `embed.js` drew before the wasm arrived.
mod takeover;
/// TypeScript declarations for the exported API.
mod types;

pub(crate) use events::dispatch_detail;
pub use handle::{connect, score_answers, WidgetHandle};
pub use mount::mount;
use mount::Instance;
pub(crate) use mount::{page_address, widget_key};

/// Prefix of every console message.
pub(crate) const LOG_PREFIX: &str = "[ai-readiness]";

thread_local! {
    /// The constructed stylesheet, shared by every instance on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// The stylesheets of the parts loaded on demand, by their text's address, once loaded.
    static PART_SHEETS: RefCell<Vec<(usize, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
    /// Origins the page owner named for `submitUrl` on the script element (`data-connect`).
    static CONNECT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Widgets mounted and not destroyed.
    static LIVE: RefCell<Vec<Rc<Instance>>> = const { RefCell::new(Vec::new()) };
}

fn document() -> Result<web_sys::Document, JsError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document to mount into"))
}

/// Replaces a shadow root's content with a short notice: a title and one message, as text.
pub(crate) fn show_notice(
    shadow: &ShadowRoot,
    lang: Lang,
    title: &str,
    message: &str,
    class: &str,
) {
    shadow.set_text_content(None);
    let Some(doc) = shadow.owner_document() else {
        return;
    };
    let (Ok(notice), Ok(heading), Ok(body)) = (
        doc.create_element("div"),
        doc.create_element("strong"),
        doc.create_element("p"),
    ) else {
        return;
    };
    notice.set_class_name(&format!("air {class}"));
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("lang", lang.tag());
    let _ = notice.set_attribute("dir", lang.dir());
    heading.set_text_content(Some(title));
    body.set_text_content(Some(message));
    let _ = notice.append_child(&heading);
    let _ = notice.append_child(&body);
    let _ = shadow.append_child(&notice);
}

fn warn_all(warnings: &[String]) {
    for warning in warnings {
        warn(warning);
    }
}

/// Logs a warning with the widget prefix. One call site for the console macro keeps the bundle
/// small: each expansion costs bytes.
pub(crate) fn warn(message: &str) {
    gloo::console::warn!(format!("{LOG_PREFIX} {message}"));
}

/// Logs an error with the widget prefix.
pub(crate) fn error(message: &str) {
    gloo::console::error!(format!("{LOG_PREFIX} {message}"));
}

/// Logs `message` as an error and returns it as a JS `Error`.
pub(crate) fn fail(message: &str) -> JsError {
    error(message);
    JsError::new(message)
}
