use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::Callback;

use crate::core::config::{Config, ConfigError};
use crate::core::delivery::Kind;
use crate::core::events::{LeadDetail, WidgetEvent, ERROR_EVENT};
use crate::core::lead::{Lead, LeadMode};

use super::{delivery, detail, error, storage};

/// Each attribute that could not be used: a console error and an `ai-readiness:error` event
/// naming the key, the value and what it accepts. The widget runs with that key's default.
pub(super) fn report_problems(host: &Element, problems: &[ConfigError]) {
    for problem in problems {
        let message = format!("{problem}; using the default instead");
        error(&message);
        let o = js_sys::Object::new();
        detail::set(&o, "key", problem.key().into());
        detail::set(&o, "message", message.into());
        dispatch_detail(host, ERROR_EVENT, &o);
    }
}

/// Dispatches each event on the host (a declined lead form is not announced); with `submitUrl`,
/// what the event brings goes to its outbox (see [`submit`]).
pub(super) fn event_dispatcher(
    container: HtmlElement,
    host: Element,
    config: Rc<Config>,
    owner: String,
) -> Callback<Rc<WidgetEvent>> {
    Callback::from(move |event: Rc<WidgetEvent>| {
        // A widget destroyed before its first render says nothing (no `ready` after `destroy()`):
        // `destroy()` takes the container out of the shadow root.
        if container.parent_node().is_none() {
            return;
        }
        if !matches!(&*event, WidgetEvent::Lead(LeadDetail { lead: None, .. })) {
            dispatch(&host, &event);
        }
        submit(&event, &host, &config, &owner);
    })
}

/// Hands `submitUrl`'s outbox what an event brings. A completion goes at once, unless the lead
/// form is on: then it waits for the visitor's first answer to the form, unless the host set
/// `submitAnonymous`. That answer sends the result held back for it, then the lead if the
/// visitor sent the form.
fn submit(event: &WidgetEvent, host: &Element, config: &Config, owner: &str) {
    let held = config.lead.mode != LeadMode::Off && !config.submit_anonymous;
    let (result, with_result, lead) = match event {
        WidgetEvent::Complete(result) => (result, !held, None),
        WidgetEvent::Lead(answer) => (&answer.result, answer.with_result, answer.lead.as_ref()),
        _ => return,
    };
    let send = |kind, lead: Option<&Lead>| {
        if let Some(idle) = courier(host, config, owner) {
            delivery::deliver(delivery::Courier {
                job: Some(delivery::Job {
                    kind,
                    result: result.clone(),
                    lead: lead.cloned(),
                }),
                ..idle
            });
        }
    };
    if with_result {
        send(Kind::Complete, None);
    }
    if lead.is_some() {
        send(Kind::Lead, lead);
    }
}

/// A courier for the widget's `submitUrl`, if it has one, with nothing new to send; `owner` is
/// the widget's progress key.
pub(super) fn courier(host: &Element, config: &Config, owner: &str) -> Option<delivery::Courier> {
    Some(delivery::Courier {
        host: host.clone(),
        url: config.submit_url.clone()?,
        prefix: config.storage_key.clone(),
        storage: storage::Place::of(config),
        days: config.outbox_days,
        owner: owner.to_string(),
        job: None,
    })
}

/// Dispatches `event` on the host element. (`embed.js` pushes it to `window.dataLayer` too when
/// the widget's container says `data-data-layer`.)
pub(super) fn dispatch(host: &Element, event: &WidgetEvent) {
    dispatch_detail(host, event.name(), &detail::detail(event));
}

pub(crate) fn dispatch_detail(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(custom) => {
            let _ = host.dispatch_event(&custom);
        }
        Err(_) => error(&format!("could not create {name}")),
    }
}
