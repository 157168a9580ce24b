//! Event details as plain JavaScript objects, built field by field.
//!
//! The main module dispatches every event of the journey (`ready`, `start`, `answer`,
//! `complete`, `cta`, `lead`); building their details here instead of through
//! `serde-wasm-bindgen` keeps a general serializer out of the first download. The delivery
//! chunk serialises the same details with serde for `submitUrl` (`core::events` derives
//! `Serialize`), and a browser test (`tests/web.rs`) holds both forms equal for every event.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::events::{CompleteDetail, WidgetEvent};
use crate::core::lead::Lead;

/// The detail of `event`, as `ai-readiness:<name>` carries it.
pub(crate) fn detail(event: &WidgetEvent) -> JsValue {
    let o = Object::new();
    let (d, lead) = match event {
        WidgetEvent::Ready(d) | WidgetEvent::Start(d) => {
            set(&o, "total", (d.total as u32).into());
            set(&o, "modelVersion", d.model_version.into());
            set(&o, "perspective", d.perspective.id().into());
            return o.into();
        }
        WidgetEvent::Answer(d) => {
            set(&o, "questionId", d.question_id.into());
            set(&o, "dimension", d.dimension.id().into());
            set(&o, "value", d.value.into());
            set(&o, "index", (d.index as u32).into());
            set(&o, "total", (d.total as u32).into());
            return o.into();
        }
        WidgetEvent::Complete(d) | WidgetEvent::Cta(d) => (d, None),
        WidgetEvent::Lead(d) => (&d.result, d.lead.as_ref()),
    };
    // size: one call of `result`, so it stays inlined.
    result(&o, d);
    if let Some(lead) = lead {
        set(&o, "lead", lead_fields(lead));
    }
    o.into()
}

/// The fields of `complete` (and of `cta`, which adds the link).
pub(crate) fn result(o: &Object, d: &CompleteDetail) {
    set(o, "level", d.level.id().into());
    set(o, "overall", d.overall.into());
    let scores = Object::new();
    set(&scores, "access", d.scores.access.into());
    set(&scores, "usage", d.scores.usage.into());
    set(&scores, "capability", d.scores.capability.into());
    set(&scores, "visibility", d.scores.visibility.into());
    set(o, "scores", scores.into());
    set(o, "adoptionGap", d.adoption_gap.into());
    set(o, "biggestGap", d.biggest_gap.id().into());
    set(o, "modelVersion", d.model_version.into());
    set(o, "modelFingerprint", d.model_fingerprint.into());
    set(o, "code", d.code.as_str().into());
    set(o, "perspective", d.perspective.id().into());
    if let Some(url) = &d.url {
        set(o, "url", url.as_str().into());
    }
}

/// What the visitor entered in the lead form: the fields they filled, and the consent box with
/// its sentence.
fn lead_fields(lead: &Lead) -> JsValue {
    let o = Object::new();
    let fields = [
        ("name", &lead.name),
        ("email", &lead.email),
        ("company", &lead.company),
        ("size", &lead.size),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            set(&o, key, value.as_str().into());
        }
    }
    set(&o, "consent", lead.consent.into());
    set(&o, "consentText", lead.consent_text.as_str().into());
    o.into()
}

/// Calls `target[method](arg)` through `Reflect`, which adds no import to the glue every visitor
/// downloads; `undefined` when there is no such method or it throws.
pub(crate) fn call(target: &JsValue, method: &str, arg: &JsValue) -> JsValue {
    Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .map(|f| f.unchecked_into::<js_sys::Function>())
        .and_then(|f| f.call1(target, arg).ok())
        .unwrap_or_default()
}

/// One property; setting a property on a fresh plain object cannot fail.
#[inline(never)]
pub(crate) fn set(o: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), &value);
}
