//! Browser tests: mount into a fresh element in headless Chromium, flush Yew's scheduler, and
//! assert on the shadow DOM and the events the host element receives.
#![cfg(target_arch = "wasm32")]

use ai_readiness::core::model::Perspective;
use std::cell::RefCell;
use std::rc::Rc;

use ai_readiness::core::bank::QUESTIONS;
use ai_readiness::core::i18n::{Catalog, Lang, Msg};
use ai_readiness::core::model::{Answers, Dimension, Level};
use ai_readiness::core::scoring::score;
use ai_readiness::embed::{mount, WidgetHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh host element in the page, recording every `ai-readiness:*` event it receives.
struct Host {
    element: Element,
    events: Rc<RefCell<Vec<(String, JsValue)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Host {
    fn new() -> Host {
        thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
        let doc = web_sys::window().unwrap().document().unwrap();
        let element = doc.create_element("div").unwrap();
        // A unique id keeps each test's saved progress apart.
        element.set_id(&format!("host-{}", NEXT.with(|n| n.replace(n.get() + 1))));
        doc.body().unwrap().append_child(&element).unwrap();
        let events = Rc::new(RefCell::new(Vec::new()));
        let mut listeners = Vec::new();
        for name in ["ready", "start", "answer", "complete"] {
            let sink = events.clone();
            let full = format!("ai-readiness:{name}");
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                let custom: CustomEvent = e.unchecked_into();
                sink.borrow_mut().push((custom.type_(), custom.detail()));
            });
            element
                .add_event_listener_with_callback(&full, closure.as_ref().unchecked_ref())
                .unwrap();
            listeners.push(closure);
        }
        Host {
            element,
            events,
            _listeners: listeners,
        }
    }

    fn shadow(&self) -> ShadowRoot {
        self.element.shadow_root().expect("an open shadow root")
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.shadow().query_selector(selector).unwrap()
    }

    fn click(&self, selector: &str) {
        let el = self
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector}"));
        el.unchecked_into::<HtmlElement>().click();
    }

    fn names(&self) -> Vec<String> {
        self.events
            .borrow()
            .iter()
            .map(|(n, _)| n.clone())
            .collect()
    }

    fn last_detail(&self, name: &str) -> JsValue {
        self.events
            .borrow()
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .unwrap()
    }
}

fn prop(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn error_message(err: JsError) -> String {
    let value: JsValue = err.into();
    value.unchecked_into::<js_sys::Error>().message().into()
}

async fn mounted(host: &Host, config: JsValue) -> WidgetHandle {
    let handle = mount(host.element.clone().into(), config)
        .unwrap_or_else(|e| panic!("{}", error_message(e)));
    yew::scheduler::flush().await;
    handle
}

#[wasm_bindgen_test]
async fn mount_shows_the_intro_in_a_shadow_root_and_says_ready() {
    let host = Host::new();
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    let title = host.find("h2").expect("a title");
    assert_eq!(
        title.text_content().unwrap(),
        Catalog::english().get(Msg::IntroTitle)
    );
    assert_eq!(
        host.find(".air").unwrap().get_attribute("lang").as_deref(),
        Some("en")
    );
    assert!(host.find("[data-action=start]").is_some());
    assert_eq!(host.names(), vec!["ai-readiness:ready"]);
    assert_eq!(
        prop(&host.last_detail("ai-readiness:ready"), "total").as_f64(),
        Some(12.0)
    );
    assert!(
        host.element.child_element_count() == 0,
        "nothing leaks into the light DOM"
    );
    assert!(
        host.shadow().query_selector("[style]").unwrap().is_none(),
        "no inline styles"
    );
    assert_eq!(host.shadow().adopted_style_sheets().length(), 1);
}

#[wasm_bindgen_test]
async fn questions_follow_the_public_contract() {
    let host = Host::new();
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    let q = host.find("[data-question]").expect("a question");
    assert_eq!(
        q.get_attribute("data-question").as_deref(),
        Some(QUESTIONS[0].id)
    );
    assert_eq!(q.get_attribute("data-dimension").as_deref(), Some("access"));
    let radios = host
        .shadow()
        .query_selector_all("[data-question] input[type=radio]")
        .unwrap();
    assert_eq!(radios.length() as usize, QUESTIONS[0].options.len());
    for i in 0..radios.length() {
        let radio: HtmlInputElement = radios.item(i).unwrap().unchecked_into();
        let label = radio
            .closest("label")
            .unwrap()
            .expect("each radio sits in its label");
        assert_eq!(
            label.text_content().unwrap(),
            Catalog::english().get(QUESTIONS[0].options[i as usize])
        );
    }
    assert!(host
        .find(".air-muted")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("1 of 12"));
    assert_eq!(
        host.names(),
        vec!["ai-readiness:ready", "ai-readiness:start"]
    );
}

#[wasm_bindgen_test]
async fn next_without_an_answer_shows_a_hint() {
    let host = Host::new();
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    host.click("[data-action=next]");
    yew::scheduler::flush().await;
    assert!(
        host.find("[role=alert]").is_some(),
        "a hint asks for an answer"
    );
    assert_eq!(
        host.find("[data-question]")
            .unwrap()
            .get_attribute("data-question")
            .as_deref(),
        Some(QUESTIONS[0].id)
    );
}

#[wasm_bindgen_test]
async fn a_full_run_shows_the_result_core_computes() {
    let host = Host::new();
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    let answers: Vec<u8> = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| ((i * 7) % q.options.len()) as u8)
        .collect();
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    for (i, &option) in answers.iter().enumerate() {
        host.click(&format!(
            "[data-question] label:nth-child({}) input",
            option + 1
        ));
        yew::scheduler::flush().await;
        let detail = host.last_detail("ai-readiness:answer");
        assert_eq!(
            prop(&detail, "questionId").as_string().as_deref(),
            Some(QUESTIONS[i].id)
        );
        assert_eq!(prop(&detail, "value").as_f64(), Some(f64::from(option)));
        host.click("[data-action=next]");
        yew::scheduler::flush().await;
    }
    let expected = score(&Answers(answers)).unwrap();
    let result = host.find("[data-result]").expect("the result view");
    assert_eq!(
        result.get_attribute("data-level").as_deref(),
        Some(expected.level.id())
    );
    let detail = host.last_detail("ai-readiness:complete");
    assert_eq!(
        prop(&detail, "level").as_string().as_deref(),
        Some(expected.level.id())
    );
    assert_eq!(
        prop(&detail, "overall").as_f64(),
        Some(f64::from(expected.overall))
    );
    let scores = prop(&detail, "scores");
    assert!(
        !scores.is_instance_of::<js_sys::Map>(),
        "details are plain objects"
    );
    assert_eq!(
        prop(&scores, "capability").as_f64(),
        Some(f64::from(expected.scores.capability))
    );
    let bars = host
        .shadow()
        .query_selector_all(".air-chart [data-score]")
        .unwrap();
    assert_eq!(bars.length(), 4);

    host.click("[data-action=restart]");
    yew::scheduler::flush().await;
    assert!(
        host.find("[data-action=start]").is_some(),
        "retake returns to the intro"
    );
}

#[wasm_bindgen_test]
async fn bad_mount_calls_throw_clear_errors() {
    let err = mount(JsValue::NULL, JsValue::UNDEFINED)
        .err()
        .expect("null is not an element");
    assert_eq!(error_message(err), "mount needs a DOM element, got null");

    let host = Host::new();
    let err = mount(host.element.clone().into(), JsValue::from_f64(5.0))
        .err()
        .expect("config 5");
    assert!(error_message(err).starts_with("config must be an object"));

    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"showIntro".into(), &JsValue::from_f64(2.0)).unwrap();
    let err = mount(host.element.clone().into(), config.into())
        .err()
        .expect("showIntro 2");
    assert_eq!(
        error_message(err),
        "showIntro must be true or false, got number 2"
    );

    // The element shows the reason in place of the widget...
    let notice = host.find(".air-error[role=alert]").expect("an error box");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("showIntro must be true or false, got number 2"));

    // ...and is still usable once the config is fixed.
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    assert!(host.find(".air-error").is_none());
    assert!(host.find("[data-action=start]").is_some());
}

#[wasm_bindgen_test]
async fn config_sets_the_title_and_can_skip_the_intro() {
    let host = Host::new();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"title".into(), &"<b>Our team</b>".into()).unwrap();
    let _handle = mounted(&host, config.into()).await;
    let title = host.find("h2").unwrap();
    assert_eq!(
        title.text_content().unwrap(),
        "<b>Our team</b>",
        "configured text is text, not HTML"
    );
    assert!(host.find("b").is_none());

    let host = Host::new();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"showIntro".into(), &JsValue::FALSE).unwrap();
    let _handle = mounted(&host, config.into()).await;
    assert!(host.find("[data-question]").is_some());
    assert!(host.find("[data-action=back]").is_none());
}

#[wasm_bindgen_test]
async fn destroy_removes_the_widget_and_allows_a_new_mount() {
    let host = Host::new();
    let handle = mounted(&host, JsValue::UNDEFINED).await;
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    let again =
        mount(host.element.clone().into(), JsValue::UNDEFINED).expect("a second mount is a no-op");
    yew::scheduler::flush().await;
    assert!(
        host.find("[data-question]").is_some(),
        "the running widget was not replaced"
    );
    assert_eq!(
        host.shadow().query_selector_all(".air").unwrap().length(),
        1
    );
    drop(again);
    handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(host.shadow().child_element_count(), 0);
    let _again = mounted(&host, JsValue::UNDEFINED).await;
    assert!(
        host.find("[data-question]").is_some(),
        "a new mount resumes where the visitor was"
    );
}

#[wasm_bindgen_test]
async fn data_attributes_configure_and_mount_config_overrides_them() {
    let host = Host::new();
    host.element.set_attribute("data-theme", "dark").unwrap();
    host.element
        .set_attribute("data-title", "From the attribute")
        .unwrap();
    host.element
        .set_attribute("data-accent", "#ffcc00")
        .unwrap();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"title".into(), &"From mount".into()).unwrap();
    let _handle = mounted(&host, config.into()).await;
    assert_eq!(
        host.find("h2").unwrap().text_content().unwrap(),
        "From mount"
    );
    assert!(host.find(".air.air-theme-dark").is_some());
    let container: HtmlElement = host
        .shadow()
        .first_element_child()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        container
            .style()
            .get_property_value("--air-accent")
            .unwrap(),
        "#ffcc00"
    );
    // The text on accent buttons follows the accent in the stylesheet (relative colours); the
    // end-to-end tests measure its contrast over a table of accents.
}

#[wasm_bindgen_test]
async fn set_config_switches_theme_live_and_refuses_bad_values() {
    let host = Host::new();
    let handle = mounted(&host, JsValue::UNDEFINED).await;
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    host.click("[data-question] label:nth-child(2) input");
    yew::scheduler::flush().await;

    let dark = js_sys::Object::new();
    js_sys::Reflect::set(&dark, &"theme".into(), &"dark".into()).unwrap();
    handle
        .set_config(dark.into())
        .unwrap_or_else(|e| panic!("{}", error_message(e)));
    yew::scheduler::flush().await;
    assert!(host.find(".air.air-theme-dark").is_some());
    let checked: HtmlInputElement = host
        .find("input:checked")
        .expect("answer kept")
        .unchecked_into();
    assert_eq!(
        checked.value(),
        "1",
        "a theme switch keeps the visitor's answer"
    );

    let bad = js_sys::Object::new();
    js_sys::Reflect::set(&bad, &"theme".into(), &"purple".into()).unwrap();
    let Err(err) = handle.set_config(bad.into()) else {
        panic!("purple is refused")
    };
    assert_eq!(
        error_message(err),
        "theme must be one of \"light\", \"dark\", \"auto\", got \"purple\""
    );
    yew::scheduler::flush().await;
    assert!(
        host.find(".air.air-theme-dark").is_some(),
        "the previous config stays"
    );
    assert!(host.find("input:checked").is_some());

    handle.reset();
    yew::scheduler::flush().await;
    assert!(
        host.find("[data-action=start]").is_some(),
        "reset returns to the intro"
    );
}

#[wasm_bindgen_test]
async fn call_to_action_appears_on_the_result_and_reports_clicks() {
    let host = Host::new();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"ctaLabel".into(), &"Book a session".into()).unwrap();
    js_sys::Reflect::set(&config, &"ctaUrl".into(), &"#book".into()).unwrap();
    js_sys::Reflect::set(&config, &"showIntro".into(), &JsValue::FALSE).unwrap();
    let _handle = mounted(&host, config.into()).await;
    for _ in 0..QUESTIONS.len() {
        host.click("[data-question] label:nth-child(1) input");
        yew::scheduler::flush().await;
        host.click("[data-action=next]");
        yew::scheduler::flush().await;
    }
    let link = host.find("a[data-action=cta]").expect("the call to action");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#book"));
    assert_eq!(link.text_content().unwrap(), "Book a session");
    let seen = Rc::new(RefCell::new(None));
    let sink = seen.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        *sink.borrow_mut() = Some(e.unchecked_into::<CustomEvent>().detail());
    });
    host.element
        .add_event_listener_with_callback("ai-readiness:cta", listener.as_ref().unchecked_ref())
        .unwrap();
    // Stop the navigation itself: this test only cares about the event.
    let stop = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    link.add_event_listener_with_callback("click", stop.as_ref().unchecked_ref())
        .unwrap();
    link.unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    let detail = seen.borrow().clone().expect("an ai-readiness:cta event");
    assert_eq!(prop(&detail, "url").as_string().as_deref(), Some("#book"));
    // Built by hand, like every event detail: exactly serde's form of the same event.
    let answers = Answers(vec![0; QUESTIONS.len()]);
    let event = ai_readiness::core::events::WidgetEvent::cta(
        &score(&answers).unwrap(),
        &ai_readiness::core::code::encode(&answers, Perspective::Team).unwrap(),
        Perspective::Team,
        "#book",
    );
    let serde_form =
        serde::Serialize::serialize(&event, &serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&detail).unwrap(),
        js_sys::JSON::stringify(&serde_form).unwrap()
    );
    assert_eq!(
        prop(&detail, "level").as_string().as_deref(),
        Some("experimenting")
    );
}

/// A sent lead form reaches the host as `ai-readiness:lead` through the widget's own event path,
/// its detail built by hand like every other: exactly serde's form of the same event.
#[wasm_bindgen_test]
async fn a_sent_lead_form_is_announced_with_serdes_detail() {
    use ai_readiness::core::lead::{Lead, LeadAnswer};
    let host = Host::new();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        sink.borrow_mut()
            .push(e.unchecked_into::<CustomEvent>().detail());
    });
    host.element
        .add_event_listener_with_callback("ai-readiness:lead", listener.as_ref().unchecked_ref())
        .unwrap();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"lead".into(), &"after-result".into()).unwrap();
    let _handle = mounted(&host, config.into()).await;
    let answers = vec![0; QUESTIONS.len()];
    run_through(&host, &answers).await;
    until("the lead form", || host.find("form[data-lead]").is_some()).await;
    for (name, value) in [("name", "Ada Lovelace"), ("email", "ada@example.com")] {
        let input = host
            .find(&format!("form[data-lead] [name={name}]"))
            .unwrap()
            .unchecked_into::<HtmlInputElement>();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let typed = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&typed).unwrap();
        yew::scheduler::flush().await;
    }
    host.click("[data-action=lead-submit]");
    until("the thanks", || host.find("[data-lead-sent]").is_some()).await;
    let details = seen.borrow().clone();
    assert_eq!(details.len(), 1, "announced once");
    let answers = Answers(answers);
    let consent_text = Catalog::english().get(Msg::LeadConsent).to_string();
    let event = ai_readiness::core::events::WidgetEvent::lead(
        &score(&answers).unwrap(),
        &ai_readiness::core::code::encode(&answers, Perspective::Team).unwrap(),
        Perspective::Team,
        LeadAnswer {
            lead: Some(Lead {
                name: Some("Ada Lovelace".into()),
                email: Some("ada@example.com".into()),
                consent_text,
                ..Lead::default()
            }),
            with_result: false,
        },
    );
    let serde_form =
        serde::Serialize::serialize(&event, &serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&details[0]).unwrap(),
        js_sys::JSON::stringify(&serde_form).unwrap()
    );
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn progress_key(host: &Host) -> String {
    format!("ai-readiness:progress:v1:{}", host.element.id())
}

#[wasm_bindgen_test]
async fn progress_survives_a_remount_at_the_same_question() {
    let host = Host::new();
    let handle = mounted(&host, JsValue::UNDEFINED).await;
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    host.click("[data-question] label:nth-child(3) input");
    yew::scheduler::flush().await;
    host.click("[data-action=next]");
    yew::scheduler::flush().await;
    let saved = local_storage()
        .get_item(&progress_key(&host))
        .unwrap()
        .expect("progress saved");
    assert!(saved.starts_with("1/1/q1/2-"), "{saved}");
    handle.destroy();

    let _again = mounted(&host, JsValue::UNDEFINED).await;
    let q = host.find("[data-question]").expect("back on a question");
    assert_eq!(
        q.get_attribute("data-question").as_deref(),
        Some(QUESTIONS[1].id)
    );
    host.click("[data-action=back]");
    yew::scheduler::flush().await;
    let checked: HtmlInputElement = host
        .find("input:checked")
        .expect("first answer kept")
        .unchecked_into();
    assert_eq!(checked.value(), "2");
}

#[wasm_bindgen_test]
async fn corrupt_saved_progress_is_dropped_for_a_fresh_start() {
    for junk in [
        "{not json",
        "1/1/q99/------------/",
        "1/42/q3/0000--------/",
        "\u{0}\u{ffff}",
    ] {
        let host = Host::new();
        local_storage()
            .set_item(&progress_key(&host), junk)
            .unwrap();
        let _handle = mounted(&host, JsValue::UNDEFINED).await;
        assert!(
            host.find("[data-action=start]").is_some(),
            "fresh intro after {junk:?}"
        );
        let now = local_storage()
            .get_item(&progress_key(&host))
            .unwrap()
            .unwrap_or_default();
        assert!(
            now.starts_with("1/1/i/"),
            "the junk was replaced, got {now:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn storage_off_keeps_nothing_in_local_storage() {
    let host = Host::new();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"storage".into(), &JsValue::FALSE).unwrap();
    let _handle = mounted(&host, config.into()).await;
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    host.click("[data-question] label:nth-child(2) input");
    yew::scheduler::flush().await;
    assert_eq!(
        local_storage().get_item(&progress_key(&host)).unwrap(),
        None
    );
    assert!(
        host.find(".air-storage-note").is_none(),
        "switching storage off is not a problem to report"
    );
}

#[wasm_bindgen_test]
async fn retake_shows_the_change_since_last_time() {
    let host = Host::new();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"showIntro".into(), &JsValue::FALSE).unwrap();
    let _handle = mounted(&host, config.into()).await;
    // All first options (Experimenting), then all third options (Adopting).
    for round in [1, 3] {
        for _ in 0..QUESTIONS.len() {
            host.click(&format!("[data-question] label:nth-child({round}) input"));
            yew::scheduler::flush().await;
            host.click("[data-action=next]");
            yew::scheduler::flush().await;
        }
        if round == 1 {
            assert!(
                host.find("[data-changes]").is_none(),
                "nothing to compare on the first result"
            );
            host.click("[data-action=restart]");
            yew::scheduler::flush().await;
        }
    }
    let first = score(&Answers(vec![0; 12])).unwrap();
    let second = score(&Answers(vec![2; 12])).unwrap();
    assert!(second.level > first.level);
    let row = host
        .find("[data-changes] [data-dimension=capability]")
        .expect("a capability row");
    let expected = i16::from(second.scores.capability) - i16::from(first.scores.capability);
    assert_eq!(row.get_attribute("data-delta"), Some(expected.to_string()));
    assert!(host
        .find("[data-changes] p")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("from"));
}

/// Answers every question by clicking, then shows the result.
async fn run_through(host: &Host, answers: &[u8]) {
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    for &option in answers {
        host.click(&format!(
            "[data-question] label:nth-child({}) input",
            option + 1
        ));
        yew::scheduler::flush().await;
        host.click("[data-action=next]");
        yew::scheduler::flush().await;
    }
}

fn all(host: &Host, selector: &str) -> Vec<Element> {
    let list = host.shadow().query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn attr(e: &Element, name: &str) -> String {
    e.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_explanation_shows_each_answer_and_the_points_it_earned() {
    let host = Host::new();
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    let answers = [3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
    run_through(&host, &answers).await;
    let outcome = score(&Answers(answers.to_vec())).unwrap();
    let details = host.find("details[data-explanation]").expect("the working");
    assert!(!details.has_attribute("open"), "collapsed until asked for");
    let blocks = all(&host, "[data-explanation] .air-working");
    assert_eq!(blocks.len(), 4);
    for (block, d) in blocks.iter().zip(Dimension::ALL) {
        assert_eq!(attr(block, "data-dimension"), d.id());
        assert_eq!(attr(block, "data-score"), outcome.scores.get(d).to_string());
        let rows = block.query_selector_all("tr[data-question-id]").unwrap();
        assert_eq!(rows.length(), 3);
        let mut sum = 0u32;
        for i in 0..rows.length() {
            let row: Element = rows.item(i).unwrap().unchecked_into();
            let id = attr(&row, "data-question-id");
            let (at, q) = QUESTIONS
                .iter()
                .enumerate()
                .find(|(_, q)| q.id == id)
                .expect("a real question");
            assert_eq!(q.dimension, d);
            let points = q.points(answers[at]);
            assert_eq!(attr(&row, "data-points"), points.to_string());
            assert!(row
                .text_content()
                .unwrap()
                .contains(Catalog::english().get(q.options[usize::from(answers[at])])));
            sum += u32::from(points);
        }
        assert_eq!((2 * sum + 3) / 6, u32::from(outcome.scores.get(d)));
    }
    let verdict = host.find("[data-verdict]").unwrap().text_content().unwrap();
    assert!(verdict.contains("so the level is Adopting"), "{verdict}");
    // The model's identity shows only in the working, never to every visitor.
    assert_eq!(all(&host, "[data-model-fingerprint]").len(), 1);
    let model = host
        .find("[data-explanation] [data-model-fingerprint]")
        .unwrap();
    assert_eq!(
        attr(&model, "data-model-fingerprint"),
        ai_readiness::core::scoring::MODEL_FINGERPRINT
    );
}

#[wasm_bindgen_test]
async fn the_moves_up_name_real_answers_that_reach_the_next_level() {
    let host = Host::new();
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    let answers = [3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
    run_through(&host, &answers).await;
    let list = host.find("[data-move-up-list]").expect("the moves up");
    assert_eq!(attr(&list, "data-move-up-list"), "operating");
    let items = all(&host, "[data-move-up]");
    assert!(!items.is_empty());
    let mut moved = answers.to_vec();
    for item in &items {
        let id = attr(item, "data-question-id");
        let at = QUESTIONS
            .iter()
            .position(|q| q.id == id)
            .expect("a real question");
        let to: u8 = attr(item, "data-option").parse().unwrap();
        assert!(to > answers[at], "{id} moves up");
        assert!(item
            .text_content()
            .unwrap()
            .contains(Catalog::english().get(QUESTIONS[at].options[usize::from(to)])));
        moved[at] = to;
    }
    assert_eq!(score(&Answers(moved)).unwrap().level, Level::Operating);
    let phases = all(&host, "[data-plan] [data-phase]");
    assert_eq!(
        phases
            .iter()
            .map(|p| attr(p, "data-phase"))
            .collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
}

#[wasm_bindgen_test]
async fn a_team_widget_announces_no_assessment_and_mount_only_keys_stay_put() {
    let host = Host::new();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"mode".into(), &"team".into()).unwrap();
    js_sys::Reflect::set(&config, &"showIntro".into(), &JsValue::FALSE).unwrap();
    let _team = mounted(&host, config.into()).await;
    assert!(host.find("[data-team]").is_some());
    assert_eq!(
        host.names(),
        vec!["ai-readiness:ready"],
        "no start event from a team view"
    );

    let other = Host::new();
    let handle = mounted(&other, JsValue::UNDEFINED).await;
    let change = js_sys::Object::new();
    js_sys::Reflect::set(&change, &"mode".into(), &"team".into()).unwrap();
    handle
        .set_config(change.into())
        .unwrap_or_else(|e| panic!("{}", error_message(e)));
    handle.reset();
    yew::scheduler::flush().await;
    assert!(
        host.find("[data-team]").is_some() && other.find("[data-action=start]").is_some(),
        "mode is read at mount only"
    );
}

/// Lets the page's loader hand over catalogs from the source tree, as `embed.js` would fetch them.
fn serve_catalogs() {
    let loader = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(|tag: JsValue| {
        let text = match tag.as_string().as_deref() {
            Some("ar") => include_str!("../src/core/locales/ar.txt"),
            Some("de") => include_str!("../src/core/locales/de.txt"),
            _ => return js_sys::Promise::reject(&JsValue::from_str("no such catalog here")),
        };
        js_sys::Promise::resolve(&JsValue::from_str(text))
    });
    ai_readiness::embed::locale::use_locales(loader.into_js_value().unchecked_into());
}

/// Lets settled promises be acted on and renders, turn by turn (no timers), until `ready`
/// holds; a bounded number of turns, then the test fails naming what never happened.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..1000 {
        if ready() {
            return;
        }
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
            .await
            .unwrap();
        yew::scheduler::flush().await;
    }
    panic!("never happened: {what}");
}

fn catalog(lang: Lang, text: &str) -> Catalog {
    let (catalog, errors) = Catalog::load(lang, text);
    assert!(errors.is_empty());
    catalog
}

#[wasm_bindgen_test]
async fn arabic_renders_right_to_left_with_a_mirrored_chart() {
    serve_catalogs();
    let ar = catalog(Lang::Ar, include_str!("../src/core/locales/ar.txt"));
    let host = Host::new();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"locale".into(), &"ar-EG".into()).unwrap();
    let _handle = mount(host.element.clone().into(), config.into())
        .unwrap_or_else(|e| panic!("{}", error_message(e)));
    until("the Arabic catalog arrives", || host.find(".air").is_some()).await;
    let root = host
        .find(".air")
        .expect("the widget, once its texts arrived");
    assert_eq!(
        (
            root.get_attribute("lang").as_deref(),
            root.get_attribute("dir").as_deref()
        ),
        (Some("ar"), Some("rtl"))
    );
    assert_eq!(
        host.find("h2").unwrap().text_content().unwrap(),
        ar.get(Msg::IntroTitle)
    );
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    assert_eq!(
        host.find("[data-question] h2")
            .unwrap()
            .text_content()
            .unwrap(),
        ar.get(QUESTIONS[0].prompt)
    );
    assert!(
        host.find(".air-muted")
            .unwrap()
            .text_content()
            .unwrap()
            .contains('١'),
        "Arabic-Indic digits"
    );
    for _ in 0..QUESTIONS.len() {
        host.click("[data-question] input[type=radio]");
        host.click("[data-action=next]");
        yew::scheduler::flush().await;
    }
    let bar = host
        .find(".air-bar[data-dimension=access] .air-bar-fill")
        .expect("a chart bar");
    let score: u32 = host
        .find(".air-bar[data-dimension=access]")
        .unwrap()
        .get_attribute("data-score")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        bar.get_attribute("x"),
        Some(format!("{}%", 100 - score)),
        "the bar grows from the right"
    );
    assert_eq!(
        host.find(".air-bar-label")
            .unwrap()
            .get_attribute("x")
            .as_deref(),
        Some("100%"),
        "names on the right"
    );
}

#[wasm_bindgen_test]
async fn switching_language_keeps_the_answers_and_host_texts_win() {
    serve_catalogs();
    let de = catalog(Lang::De, include_str!("../src/core/locales/de.txt"));
    let host = Host::new();
    let config = js_sys::Object::new();
    let strings = js_sys::Object::new();
    js_sys::Reflect::set(&strings, &"de:intro.start".into(), &"Los geht's".into()).unwrap();
    js_sys::Reflect::set(&config, &"strings".into(), &strings).unwrap();
    let handle = mounted(&host, config.into()).await;
    host.click("[data-action=start]");
    yew::scheduler::flush().await;
    host.click("[data-question] input[type=radio]");
    yew::scheduler::flush().await;
    let change = js_sys::Object::new();
    js_sys::Reflect::set(&change, &"locale".into(), &"de".into()).unwrap();
    handle
        .set_config(change.into())
        .unwrap_or_else(|e| panic!("{}", error_message(e)));
    let german = || {
        host.find(".air")
            .and_then(|r| r.get_attribute("lang"))
            .as_deref()
            == Some("de")
    };
    until("the German catalog arrives", german).await;
    assert_eq!(
        host.find("[data-question] h2")
            .unwrap()
            .text_content()
            .unwrap(),
        de.get(QUESTIONS[0].prompt)
    );
    let first: HtmlInputElement = host
        .find("[data-question] input[type=radio]")
        .unwrap()
        .unchecked_into();
    assert!(first.checked(), "the answer survives the switch");
    host.click("[data-action=back]");
    yew::scheduler::flush().await;
    assert_eq!(
        host.find("[data-action=start]")
            .unwrap()
            .text_content()
            .unwrap(),
        "Los geht's"
    );
}

#[wasm_bindgen_test]
async fn a_bad_text_override_is_refused_like_any_other_key() {
    let host = Host::new();
    let config = js_sys::Object::new();
    let strings = js_sys::Object::new();
    js_sys::Reflect::set(&strings, &"gap.top".into(), &"no placeholders".into()).unwrap();
    js_sys::Reflect::set(&config, &"strings".into(), &strings).unwrap();
    let error = mount(host.element.clone().into(), config.into())
        .err()
        .expect("refused");
    assert!(
        error_message(error).contains("strings: \"gap.top\" must contain exactly the placeholders")
    );
    assert!(
        host.find(".air-error[role=alert]").is_some(),
        "the box says so in place of the widget"
    );
}

/// The embed layer builds event details by hand (no serializer on the first screens); they must
/// stay exactly what serde makes of `core::events`, which the parts loaded on demand use.
#[wasm_bindgen_test]
async fn event_details_equal_their_serde_form() {
    use ai_readiness::core::code::encode;
    use ai_readiness::core::events::WidgetEvent;
    let json = |value: &JsValue| -> String { js_sys::JSON::stringify(value).unwrap().into() };
    let serde_form = |event: &WidgetEvent| {
        json(
            &serde::Serialize::serialize(event, &serde_wasm_bindgen::Serializer::json_compatible())
                .unwrap(),
        )
    };
    let host = Host::new();
    let _handle = mounted(&host, JsValue::UNDEFINED).await;
    let answers: Vec<u8> = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| ((i * 5 + 1) % q.options.len()) as u8)
        .collect();
    run_through(&host, &answers).await;
    let outcome = score(&Answers(answers.clone())).unwrap();
    let code = encode(&Answers(answers.clone()), Perspective::Team).unwrap();
    let mut expected = vec![
        ("ai-readiness:ready", WidgetEvent::ready(Perspective::Team)),
        ("ai-readiness:start", WidgetEvent::start(Perspective::Team)),
    ];
    for (i, &a) in answers.iter().enumerate() {
        expected.push(("ai-readiness:answer", WidgetEvent::answer(i, a)));
    }
    expected.push((
        "ai-readiness:complete",
        WidgetEvent::complete(&outcome, &code, Perspective::Team),
    ));
    let seen: Vec<(String, String)> = host
        .events
        .borrow()
        .iter()
        .map(|(name, detail)| (name.clone(), json(detail)))
        .collect();
    let wanted: Vec<(String, String)> = expected
        .iter()
        .map(|(name, event)| (name.to_string(), serde_form(event)))
        .collect();
    assert_eq!(seen, wanted);
    let built = ai_readiness::embed::score_answers(answers).unwrap();
    assert_eq!(
        json(&built),
        serde_form(&WidgetEvent::complete(&outcome, &code, Perspective::Team))
    );
}

/// Hosts without an id, mounted by a script: each keeps its own progress, told apart by its
/// configuration (or, configured alike, by mount order), even when another widget with other
/// settings is mounted before them next time.
#[wasm_bindgen_test]
async fn widgets_without_ids_keep_their_own_progress() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let idless = || {
        let element = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&element).unwrap();
        element
    };
    let titled = |title: &str| {
        let config = js_sys::Object::new();
        js_sys::Reflect::set(&config, &"title".into(), &title.into()).unwrap();
        js_sys::Reflect::set(&config, &"storageKey".into(), &"idless-test".into()).unwrap();
        JsValue::from(config)
    };
    let shadow = |e: &Element| e.shadow_root().unwrap();
    let click = |e: &Element, selector: &str| {
        shadow(e)
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into::<HtmlElement>()
            .click()
    };
    let question = |e: &Element| {
        shadow(e)
            .query_selector("[data-question]")
            .unwrap()
            .and_then(|q| q.get_attribute("data-question"))
    };
    let (a, b, c) = (idless(), idless(), idless());
    let mut handles = Vec::new();
    // Two alike, one with another title; each answers a different number of questions.
    for (element, config, answered) in [
        (&a, titled("Same"), 1),
        (&b, titled("Same"), 2),
        (&c, titled("Other"), 3),
    ] {
        let handle = mount(element.clone().into(), config).unwrap();
        yew::scheduler::flush().await;
        click(element, "[data-action=start]");
        yew::scheduler::flush().await;
        for _ in 0..answered {
            click(element, "[data-question] label:nth-child(2) input");
            yew::scheduler::flush().await;
            click(element, "[data-action=next]");
            yew::scheduler::flush().await;
        }
        handles.push(handle);
    }
    for handle in handles.drain(..) {
        handle.destroy();
    }
    // Next visit: a promo widget with its own settings mounts first.
    let promo = idless();
    let _promo = mount(promo.clone().into(), titled("Promo")).unwrap();
    for (element, config, at) in [
        (&a, titled("Same"), 1),
        (&b, titled("Same"), 2),
        (&c, titled("Other"), 3),
    ] {
        handles.push(mount(element.clone().into(), config).unwrap());
        yew::scheduler::flush().await;
        assert_eq!(
            question(element).as_deref(),
            Some(QUESTIONS[at].id),
            "resumed at question {at}"
        );
    }
    yew::scheduler::flush().await;
    assert!(question(&promo).is_none(), "the promo starts on its intro");
    for key in js_sys::Object::keys(&local_storage()).iter() {
        let key = key.as_string().unwrap();
        if key.starts_with("idless-test:") {
            local_storage().remove_item(&key).unwrap();
        }
    }
}

thread_local! {
    /// What the team view gave `watch_print`, one entry per subscription.
    static PRINT_WATCHERS: RefCell<Vec<yew::Callback<bool>>> = const { RefCell::new(Vec::new()) };
    /// How many subscriptions were stopped.
    static PRINT_STOPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A `watch_print` that records each subscription, so a test can count them and print.
fn counted_watch(on: yew::Callback<bool>) -> Box<dyn FnOnce()> {
    PRINT_WATCHERS.with(|w| w.borrow_mut().push(on));
    Box::new(|| PRINT_STOPS.with(|s| s.set(s.get() + 1)))
}

fn nothing_kept(_: &ai_readiness::core::config::Config) -> Option<ai_readiness::core::team::Kept> {
    None
}

fn keeps_everything(
    _: &ai_readiness::core::config::Config,
    _: Option<&ai_readiness::core::team::Kept>,
) -> bool {
    true
}

fn a_day() -> String {
    "2026-01-01".to_string()
}

/// The team view with `n` people pasted, its store recording print subscriptions.
fn team_props(n: usize) -> ai_readiness::ui::team::TeamProps {
    use ai_readiness::ui::team::{TeamProps, TeamStore};
    let code =
        ai_readiness::core::code::encode(&Answers(vec![1; QUESTIONS.len()]), Perspective::Person)
            .unwrap()
            .to_string();
    let text: String = (0..n)
        .map(|i| format!("Person {i}, Ops, {code}\n"))
        .collect();
    TeamProps {
        text: text.into(),
        on_text: yew::Callback::noop(),
        on_file: yew::Callback::noop(),
        on_download: yew::Callback::noop(),
        store: TeamStore {
            recall: nothing_kept,
            keep: keeps_everything,
            today: a_day,
            watch_print: counted_watch,
        },
        config: Rc::new(Default::default()),
        own_code: None,
        t: Rc::new(Catalog::english()),
        on_back: None,
    }
}

#[wasm_bindgen_test]
async fn the_team_view_hears_printing_once_however_often_it_renders() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let element = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&element).unwrap();
    let rows = || {
        element
            .query_selector_all("[data-person]")
            .unwrap()
            .length()
    };
    let mut app = yew::Renderer::<ai_readiness::ui::team::TeamView>::with_root_and_props(
        element.clone(),
        team_props(60),
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(rows(), 50, "one page of people");
    // Every new list renders the view again (and reads it, which renders once more).
    for n in 61..66 {
        app.update(team_props(n));
        yew::scheduler::flush().await;
    }
    assert_eq!(rows(), 50);
    assert_eq!(
        PRINT_WATCHERS.with(|w| w.borrow().len()),
        1,
        "subscribed once"
    );
    assert_eq!(PRINT_STOPS.with(|s| s.get()), 0);
    // Printing draws every row, and only while printing.
    let printing = PRINT_WATCHERS.with(|w| w.borrow()[0].clone());
    printing.emit(true);
    yew::scheduler::flush().await;
    assert_eq!(rows(), 65);
    printing.emit(false);
    yew::scheduler::flush().await;
    assert_eq!(rows(), 50);
    app.destroy();
    yew::scheduler::flush().await;
    assert_eq!(
        PRINT_STOPS.with(|s| s.get()),
        1,
        "unsubscribed when the view goes"
    );
    assert_eq!(PRINT_WATCHERS.with(|w| w.borrow().len()), 1);
    element.remove();
}
