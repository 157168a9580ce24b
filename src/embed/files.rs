use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::error;
use super::js_config::error_text;
use crate::ui::team::{Download, FileError, FileRequest};

/// Largest file the team view reads: far above 100,000 codes, far below what would stall a tab.
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Reads a picked or dropped file as text and hands it back.
pub(super) fn read(request: FileRequest) {
    let FileRequest { file, done } = request;
    if file.size() > MAX_FILE_BYTES {
        done.emit(Err(FileError::TooLarge { name: file.name() }));
        return;
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text());
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match text.await {
            Ok(value) => done.emit(value.as_string().ok_or(FileError::NotText { name })),
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
