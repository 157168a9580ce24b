use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot};

use crate::core::colour;

use super::{detail, warn_all, PART_SHEETS, SHEET};

/// The widget stylesheet, compiled in so the host loads no extra file and no inline style.
pub(super) const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Whether the browser knows `value` as a colour and it is opaque; when it cannot say, the core's
/// shape check stands.
pub(super) fn browser_knows_colour(value: &str) -> bool {
    web_sys::css::supports_with_value("color", value).unwrap_or(true)
        && colour::is_opaque(value, &canvas_colour(value))
}

/// `value` as the browser's 2D canvas writes a colour back (see [`colour::is_opaque`]); empty
/// when there is no canvas to ask.
pub(super) fn canvas_colour(value: &str) -> String {
    let Some(canvas) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
    else {
        return String::new();
    };
    let context = detail::call(&canvas, "getContext", &"2d".into());
    let key = JsValue::from_str("fillStyle");
    let _ = js_sys::Reflect::set(&context, &key, &value.into());
    js_sys::Reflect::get(&context, &key)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Sets the accent as a custom property on the container, through the CSSOM (which a strict
/// Content-Security-Policy allows, unlike a `style` attribute in markup). The text on accent
/// buttons follows from it in the stylesheet.
pub(super) fn apply_accent(container: &HtmlElement, accent: Option<&str>) {
    let style = container.style();
    match accent {
        Some(value) => drop(style.set_property("--air-accent", value)),
        None => drop(style.remove_property("--air-accent")),
    }
}

/// Adds the stylesheet of a part loaded on demand after the widget's own, once per shadow root;
/// one sheet object per stylesheet serves every widget on the page.
pub(super) fn adopt_part_stylesheet(shadow: &ShadowRoot, css: &'static str) {
    let adopted = shadow.adopted_style_sheets();
    let sheet = PART_SHEETS.with(|cell| {
        let mut sheets = cell.borrow_mut();
        let at = css.as_ptr() as usize;
        if let Some((_, sheet)) = sheets.iter().find(|(key, _)| *key == at) {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new()
            .ok()
            .filter(|s| s.replace_sync(css).is_ok())?;
        sheets.push((at, sheet.clone()));
        Some(sheet)
    });
    if let Some(sheet) = sheet.filter(|sheet| !adopted.includes(sheet, 0)) {
        adopted.push(&sheet);
        shadow.set_adopted_style_sheets(&adopted);
    }
}

pub(super) fn adopt_stylesheet(shadow: &ShadowRoot) {
    let sheet = SHEET.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = CssStyleSheet::new()
                .ok()
                .filter(|s| s.replace_sync(WIDGET_CSS).is_ok());
        }
        slot.clone()
    });
    match sheet {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => warn_all(&[
            "this browser cannot adopt stylesheets; the widget shows unstyled".to_string(),
        ]),
    }
}
