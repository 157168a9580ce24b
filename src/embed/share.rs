use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::warn;
use crate::core::code::CodeError;
use crate::core::model::{Answers, Perspective};
use crate::core::share;
use crate::ui::share::{ShareKind, ShareRequest};

thread_local! {
    /// The page's share link is shown by the first widget only, not by every widget on the page.
    static LINK_TAKEN: Cell<bool> = const { Cell::new(false) };
}

/// The result code in the page's `#ai-readiness=` fragment, as written, the first time a widget
/// asks. Reading it is left to the result screen's chunk ([`open_link`]), which a shared result
/// needs anyway.
pub(super) fn take_shared_link() -> Option<String> {
    if LINK_TAKEN.with(Cell::get) {
        return None;
    }
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let found = share::code_in_fragment(&hash)?.to_string();
    LINK_TAKEN.with(|t| t.set(true));
    // Take the code out of the address: the shared result is on screen now, and a reload
    // should bring back the visitor's own progress rather than the shared result.
    let rest = share::fragment_without_code(&hash);
    let path = format!(
        "{}{}{rest}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    Some(found)
}

/// Reads a shared link's code; the console says why one cannot be read.
pub(super) fn open_link(written: &str) -> Result<(Answers, Perspective), CodeError> {
    share::open(written)
        .inspect_err(|e| warn(&format!("the shared result code could not be read: {e}")))
}

/// Copies the code or a share link to the clipboard and reports back whether it worked.
pub(super) fn copy(request: ShareRequest) {
    let Some(window) = web_sys::window() else {
        request.done.emit(false);
        return;
    };
    let text = match request.kind {
        ShareKind::Code | ShareKind::Plan => request.code.to_string(),
        ShareKind::Link => share::link(&super::page_address(&window), &request.code),
    };
    // `navigator.clipboard` is missing outside secure contexts; calling through it would throw.
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .unwrap_or(JsValue::UNDEFINED);
    let Some(clipboard) = clipboard.dyn_into::<web_sys::Clipboard>().ok() else {
        request.done.emit(false);
        return;
    };
    let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text));
    let done = request.done;
    wasm_bindgen_futures::spawn_local(async move { done.emit(written.await.is_ok()) });
}
