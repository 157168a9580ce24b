use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use std::cell::RefCell;

use super::js_config::error_text;
use super::{error, storage, warn};
use crate::core::config::Config;
use crate::core::roster::decode_text;
use crate::core::team::Kept;
use crate::ui::team::{Download, FileError, FileRequest};

thread_local! {
    /// Kept lists by key, for browsers (or hosts) that do not let the page keep them: they
    /// last until the page closes.
    static KEPT: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Where a widget keeps its team list: namespaced by the host's prefix and versioned.
fn kept_key(config: &Config) -> String {
    crate::core::storage_keys::team(&config.storage_key)
}

/// The team list this widget kept, if any: from `localStorage`, else from memory. A kept list
/// that cannot be read is dropped with a warning.
pub(super) fn recall(config: &Config) -> Option<Kept> {
    let key = kept_key(config);
    let local = storage::Place::of(config).storage();
    let stored = match &local {
        Some(s) => s.get_item(&key).ok().flatten(),
        None => KEPT.with(|k| {
            k.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        }),
    }?;
    match Kept::decode(&stored) {
        Ok(kept) => Some(kept),
        Err(e) => {
            warn(&format!("{e}; it was dropped"));
            if let Some(s) = &local {
                let _ = s.remove_item(&key);
            }
            None
        }
    }
}

/// Keeps the team list (`Some`) or forgets it (`None`). Returns false when it could only be
/// kept in memory (storage off, blocked or full).
pub(super) fn keep(config: &Config, kept: Option<&Kept>) -> bool {
    let key = kept_key(config);
    let value = kept.map(Kept::encode);
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(other, _)| *other != key);
        if let Some(v) = &value {
            k.push((key.clone(), v.clone()));
        }
    });
    let Some(local) = storage::Place::of(config).storage() else {
        return false;
    };
    match &value {
        Some(v) => local.set_item(&key, v).is_ok(),
        None => local.remove_item(&key).is_ok(),
    }
}

/// Today's date in the visitor's time zone, `YYYY-MM-DD`. The date's getters are called through
/// `Reflect`: typed bindings would each add an import to the glue every visitor downloads.
pub(super) fn today() -> String {
    let now = JsValue::from(js_sys::Date::new_0());
    let part = |getter: &str| call(&now, getter).as_f64().unwrap_or(0.0) as u32;
    format!(
        "{:04}-{:02}-{:02}",
        part("getFullYear"),
        part("getMonth") + 1,
        part("getDate")
    )
}
/// Tells `on` when the page is about to print (`true`) and when it has (`false`), until the
/// returned function is called.
pub(super) fn watch_print(on: yew::Callback<bool>) -> Box<dyn FnOnce()> {
    let window = web_sys::window();
    let heard = [("beforeprint", true), ("afterprint", false)].map(|(name, printing)| {
        let on = on.clone();
        let heard = Closure::<dyn Fn()>::new(move || on.emit(printing));
        if let Some(window) = &window {
            drop(window.add_event_listener_with_callback(name, heard.as_ref().unchecked_ref()));
        }
        (name, heard)
    });
    Box::new(move || {
        if let Some(window) = &window {
            for (name, heard) in &heard {
                drop(
                    window
                        .remove_event_listener_with_callback(name, heard.as_ref().unchecked_ref()),
                );
            }
        }
    })
}

/// Largest file the team view reads: far above 100,000 codes, far below what would stall a tab.
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// `target[method]()`.
fn call(target: &JsValue, method: &str) -> JsValue {
    super::detail::call(target, method, &JsValue::UNDEFINED)
}

/// Reads a picked or dropped file and hands back its text: UTF-8, or UTF-16 with a byte order
/// mark, or else Windows-1252 (`roster::decode_text`), which the team view points out.
pub(super) fn read(request: FileRequest) {
    let FileRequest { file, done } = request;
    if file.size() > MAX_FILE_BYTES {
        done.emit(Err(FileError::TooLarge { name: file.name() }));
        return;
    }
    let bytes =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&call(&file, "arrayBuffer")));
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match bytes.await {
            Ok(buffer) => done.emit(Ok(decode_text(js_sys::Uint8Array::new(&buffer).to_vec()))),
            Err(e) => done.emit(Err(FileError::Unreadable {
                name,
                reason: error_text(&e),
            })),
        }
    });
}

/// Offers a file made in the browser as a download.
pub(super) fn save(download: Download) {
    if let Err(e) = try_save(&download) {
        error(&format!(
            "could not save {}: {}",
            download.name,
            error_text(&e)
        ));
    }
}

fn try_save(download: &Download) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(download.mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(&download.content));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link = document
        .create_element("a")?
        .unchecked_into::<HtmlAnchorElement>();
    link.set_href(&url);
    link.set_download(&download.name);
    link.click();
    Url::revoke_object_url(&url)
}
