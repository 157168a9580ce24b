use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use crate::core::assessment::Early;

use super::{detail, warn};

/// The container of the first screen `embed.js` drew in this shadow root before the wasm
/// arrived, if it is there and nothing else is.
pub(super) fn drawn_ahead(shadow: &ShadowRoot) -> Option<Element> {
    let first = shadow.first_element_child()?;
    (first.has_attribute("data-predrawn") && shadow.child_element_count() == 1).then_some(first)
}

/// What the visitor did on the drawn-ahead screen, as `embed.js` recorded it in the container's
/// `actions` list, from entry `from` on; and how many entries the list holds.
pub(super) fn early_actions(predrawn: &Element, from: usize) -> (Rc<Early>, usize) {
    let recorded = js_sys::Reflect::get(predrawn, &JsValue::from_str("actions"))
        .ok()
        .filter(|list| list.is_array())
        .map(|list| {
            js_sys::Array::from(&list)
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let (early, unusable) = Early::read(recorded.iter().skip(from).map(String::as_str));
    if !unusable.is_empty() {
        warn(&format!("ignored early actions: {}", unusable.join(", ")));
    }
    (Rc::new(early), recorded.len())
}

/// The animations running in `root` and its subtree (none where the browser cannot say).
pub(super) fn animations(root: &Element) -> js_sys::Array {
    let options = js_sys::Object::new();
    detail::set(&options, "subtree", JsValue::TRUE);
    let list = detail::call(root, "getAnimations", &options);
    match js_sys::Array::is_array(&list) {
        true => list.unchecked_into::<js_sys::Array>(),
        false => js_sys::Array::new(),
    }
}

/// A question that slides in on the drawn-ahead screen goes on sliding from where it was (`old`,
/// its animations), not from the start, in the widget's drawing of it (the same markup has the
/// same animations, in the same order); one that already finished stays finished.
pub(super) fn carry_animations(old: &js_sys::Array, to: &Element) {
    let new = animations(to);
    let time = JsValue::from_str("currentTime");
    for (i, animation) in new.iter().enumerate() {
        match old.get(i as u32) {
            running if running.is_object() => {
                let at = js_sys::Reflect::get(&running, &time).unwrap_or(JsValue::NULL);
                let _ = js_sys::Reflect::set(&animation, &time, &at);
            }
            _ => drop(detail::call(&animation, "finish", &JsValue::UNDEFINED)),
        }
    }
}

/// The child positions from `ancestor` down to `node`.
pub(super) fn path_within(ancestor: &Element, node: &Element) -> Vec<u32> {
    let mut path = Vec::new();
    let mut at = node.clone();
    while &at != ancestor {
        let Some(parent) = at.parent_element() else {
            break;
        };
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&at));
        path.push(index.unwrap_or(0));
        at = parent;
    }
    path.reverse();
    path
}
