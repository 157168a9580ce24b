//! Browser glue: the only layer that touches the DOM and JavaScript values.
//!
//! It mounts a widget into an open Shadow DOM on the host element, adopts the widget stylesheet,
//! turns [`WidgetEvent`]s into `CustomEvent`s on the host, and exports the JavaScript API.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::core::config;
use crate::core::events::WidgetEvent;
use crate::core::model::Answers;
use crate::core::scoring;
use crate::ui::{App, AppProps};

/// Reading a JavaScript config object into core's terms.
mod js_config;
/// The panic hook that replaces crashed widgets with an apology.
mod panic;

/// The widget stylesheet, compiled in so the host loads no extra file and no inline style.
const WIDGET_CSS: &str = include_str!("../../style/widget.css");

/// Prefix of every console message.
pub(crate) const LOG_PREFIX: &str = "[ai-readiness]";

thread_local! {
    /// The constructed stylesheet, shared by every instance on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Source of per-instance numbers.
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// A mounted widget, returned by [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    shadow: ShadowRoot,
    instance: u32,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and everything it added; the element can be mounted again.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.shadow.set_inner_html("");
        panic::forget(self.instance);
    }
}

/// Mounts a widget into `element` with an optional `config` object and returns its handle.
///
/// Throws an `Error` when `element` is not a DOM element, already holds a widget, or the config
/// is invalid; the message says which and why.
#[wasm_bindgen]
pub fn mount(element: JsValue, config: JsValue) -> Result<WidgetHandle, JsError> {
    panic::install();
    let host = element
        .dyn_into::<Element>()
        .map_err(|v| fail(&format!("mount needs a DOM element, got {}", js_config::describe(&v))))?;
    let parsed = js_config::entries(&config)
        .and_then(|entries| config::parse(&entries))
        .map_err(|e| fail(&e.to_string()))?;
    for warning in &parsed.warnings {
        gloo::console::warn!(format!("{LOG_PREFIX} {warning}"));
    }
    let shadow = shadow_root(&host)?;
    if shadow.child_element_count() > 0 {
        return Err(fail("this element already holds a widget; call destroy() on its handle first"));
    }
    adopt_stylesheet(&shadow);
    let container = document()?
        .create_element("div")
        .map_err(|_| fail("could not create the widget container"))?;
    shadow
        .append_child(&container)
        .map_err(|_| fail("could not attach the widget container"))?;

    let instance = NEXT_INSTANCE.with(|n| n.replace(n.get().wrapping_add(1)));
    panic::remember(instance, shadow.clone());
    let props = AppProps {
        config: Rc::new(parsed.config),
        instance,
        on_event: event_dispatcher(host),
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(WidgetHandle { app: Some(app), shadow, instance })
}

/// Scores a complete answer list (one option index per question, least mature = 0) and returns
/// the same object `ai-readiness:complete` carries.
#[wasm_bindgen(js_name = scoreAnswers)]
pub fn score_answers(answers: Vec<u8>) -> Result<JsValue, JsError> {
    let outcome = scoring::score(&Answers(answers)).map_err(|e| fail(&e.to_string()))?;
    to_js(&WidgetEvent::complete(&outcome)).map_err(|e| fail(&e))
}

/// The model version of this build's question bank and scoring.
#[wasm_bindgen(js_name = modelVersion)]
pub fn model_version() -> String {
    crate::core::bank::MODEL_VERSION.to_string()
}

fn event_dispatcher(host: Element) -> Callback<Rc<WidgetEvent>> {
    Callback::from(move |event: Rc<WidgetEvent>| {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        match to_js(&*event) {
            Ok(detail) => init.set_detail(&detail),
            Err(e) => gloo::console::error!(format!("{LOG_PREFIX} could not encode event detail: {e}")),
        }
        match CustomEvent::new_with_event_init_dict(event.name(), &init) {
            Ok(custom) => {
                let _ = host.dispatch_event(&custom);
            }
            Err(_) => gloo::console::error!(format!("{LOG_PREFIX} could not create {}", event.name())),
        }
    })
}

/// Serialises to plain JSON-compatible JavaScript objects (no `Map`s).
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}

fn shadow_root(host: &Element) -> Result<ShadowRoot, JsError> {
    if let Some(existing) = host.shadow_root() {
        return Ok(existing);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|e| {
        fail(&format!(
            "cannot attach a shadow root to <{}>: {}",
            host.tag_name().to_lowercase(),
            js_config::error_text(&e)
        ))
    })
}

fn adopt_stylesheet(shadow: &ShadowRoot) {
    let sheet = SHEET.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = CssStyleSheet::new().ok().filter(|s| s.replace_sync(WIDGET_CSS).is_ok());
        }
        slot.clone()
    });
    match sheet {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => gloo::console::warn!(format!(
            "{LOG_PREFIX} this browser cannot adopt stylesheets; the widget shows unstyled"
        )),
    }
}

fn document() -> Result<web_sys::Document, JsError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document to mount into"))
}

/// Logs `message` with the widget prefix and returns it as a JS `Error`.
fn fail(message: &str) -> JsError {
    gloo::console::error!(format!("{LOG_PREFIX} {message}"));
    JsError::new(message)
}
