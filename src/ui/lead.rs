//! The lead form (`lead` config).
//!
//! The form ([`LeadBox`]) is a part that loads on demand, with the result, only for a host that
//! turned it on, so other visitors never download it; the result screen places it. `before-result`
//! shows the level, then the form, and the rest of the result once the form is sent; a visitor
//! who declines keeps the level and may open the form again. `after-result` puts the form
//! under the full result.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{attr, tx};
use crate::core::config::Config;
use crate::core::i18n::{Catalog, Msg};
use crate::core::lead::{
    check, FieldRule, Lead, LeadAnswer, LeadField, LeadInput, LeadMode, LeadProblem, MAX_FIELD,
    SIZES,
};

/// Where a visitor stands with the form for one result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadStatus {
    /// Not answered yet.
    Open,
    /// Sent.
    Sent,
    /// Declined.
    Declined,
}

impl LeadStatus {
    /// The word in `data-lead-state` and in storage.
    pub fn id(self) -> &'static str {
        match self {
            LeadStatus::Open => "open",
            LeadStatus::Sent => "sent",
            LeadStatus::Declined => "declined",
        }
    }
}

/// What the lead form's chunk brings: the form and its browser side.
#[derive(Clone, Copy)]
pub struct LeadFns {
    /// Draws the form where the result places it.
    pub view: fn(LeadProps) -> Html,
    /// The status saved for a result code (storage rules as for progress).
    pub recall: fn(&Config, &str) -> LeadStatus,
    /// Saves the status for a result code.
    pub remember: fn(&Config, &str, LeadStatus),
}

impl PartialEq for LeadFns {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.view, other.view)
            && std::ptr::fn_addr_eq(self.recall, other.recall)
            && std::ptr::fn_addr_eq(self.remember, other.remember)
    }
}

/// Props of [`LeadBox`].
#[derive(Properties)]
pub struct LeadProps {
    /// The texts.
    pub t: Rc<Catalog>,
    /// The widget's configuration (field rules, consent text, privacy link, mode).
    pub config: Rc<Config>,
    /// The code of the result the form goes with: the form's status is kept per result.
    pub code: Rc<str>,
    /// The chunk's browser side.
    pub fns: LeadFns,
    /// Hears the visitor's answer: the reducer announces a sent form as `ai-readiness:lead`,
    /// and with `submitUrl` the embed layer delivers what the answer releases.
    pub on_answer: Callback<LeadAnswer>,
}

/// The texts and the configuration are compared by address (the embed layer replaces either
/// only when it changes). `on_answer` is left out: the result screen makes it afresh on each
/// render, and it always dispatches to the same widget's state.
impl PartialEq for LeadProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.t, &other.t)
            && Rc::ptr_eq(&self.config, &other.config)
            && self.code == other.code
            && self.fns == other.fns
    }
}

/// The form as one call, so that everything it reaches lands in its chunk.
pub fn lead_box(props: LeadProps) -> Html {
    html! { <LeadBox ..props /> }
}

/// The form's state: where the visitor stands, what they typed, and the problems found when
/// they last tried to send (`None` before the first try; then messages follow each keystroke).
#[derive(Clone, PartialEq)]
pub struct LeadState {
    status: LeadStatus,
    input: LeadInput,
    problems: Option<Vec<LeadProblem>>,
}

/// A change to the form.
pub enum LeadAction {
    /// A field's new text (`None`: the consent box, checked when the text is not empty).
    Edit(Option<LeadField>, String),
    /// A try to send was refused for these problems.
    Refused(Vec<LeadProblem>),
    /// Sent, declined, or opened again.
    Status(LeadStatus),
}

impl LeadState {
    fn apply(&self, action: LeadAction, rules: &[FieldRule; 4]) -> LeadState {
        let mut next = self.clone();
        match action {
            LeadAction::Edit(Some(field), value) => next.input.set(field, value),
            LeadAction::Edit(None, value) => next.input.consent = !value.is_empty(),
            LeadAction::Refused(found) => next.problems = Some(found),
            LeadAction::Status(status) => next.status = status,
        }
        if next.problems.is_some() {
            next.problems = Some(check(&next.input, rules, "").err().unwrap_or_default());
        }
        next
    }
}

/// The reducer around [`LeadState`], with the rules it checks against.
#[derive(Clone, PartialEq)]
struct LeadReducer(LeadState, [FieldRule; 4]);

impl Reducible for LeadReducer {
    type Action = LeadAction;

    fn reduce(self: Rc<Self>, action: LeadAction) -> Rc<Self> {
        Rc::new(LeadReducer(self.0.apply(action, &self.1), self.1))
    }
}

/// The form, the thanks after it, or (declined before the result) a way back to it.
#[component]
pub fn LeadBox(props: &LeadProps) -> Html {
    let state = {
        let (config, code, recall) = (props.config.clone(), props.code.clone(), props.fns.recall);
        use_reducer(move || {
            LeadReducer(
                LeadState {
                    status: recall(&config, &code),
                    input: LeadInput::default(),
                    problems: None,
                },
                config.lead.rules,
            )
        })
    };
    let anchor = use_node_ref();
    // Whether this result still waits for the visitor's first answer to the form before it is
    // sent (an answer given before a reload was recalled above); and whether the form was sent,
    // so a second submit in the same moment does nothing.
    let held = use_mut_ref(|| {
        let c = &props.config;
        c.submit_url.is_some() && !c.submit_anonymous && state.0.status == LeadStatus::Open
    });
    let sent_once = use_mut_ref(|| false);
    let t = &props.t;
    let fns = props.fns;
    let mode = props.config.lead.mode;
    let set = {
        let (state, config, code) = (state.dispatcher(), props.config.clone(), props.code.clone());
        move |status: LeadStatus| {
            (fns.remember)(&config, &code, status);
            state.dispatch(LeadAction::Status(status));
        }
    };
    let answer = {
        let on_answer = props.on_answer.clone();
        move |lead: Option<Lead>| {
            let with_result = held.replace(false);
            on_answer.emit(LeadAnswer { lead, with_result });
        }
    };
    let body = match (state.0.status, mode == LeadMode::BeforeResult) {
        (LeadStatus::Open, _) => lead_form(
            t,
            &props.config,
            &state,
            {
                let (set, anchor, answer) = (set.clone(), anchor.clone(), answer.clone());
                Callback::from(move |lead: Lead| {
                    if sent_once.replace(true) {
                        return;
                    }
                    answer(Some(lead));
                    set(LeadStatus::Sent);
                    // The form and its buttons go; keyboard focus stays here, by the thanks.
                    if let Some(slot) = anchor.cast::<web_sys::HtmlElement>() {
                        let _ = slot.focus();
                    }
                })
            },
            {
                let set = set.clone();
                Callback::from(move |_: MouseEvent| {
                    answer(None);
                    set(LeadStatus::Declined)
                })
            },
        ),
        (LeadStatus::Sent, _) => html! {
            <p class="air-lead-sent" role="status" data-lead-sent="">{ tx(t, Msg::LeadSent) }</p>
        },
        (LeadStatus::Declined, true) => {
            let reopen = Callback::from(move |_: MouseEvent| set(LeadStatus::Open));
            html! {
                <div class="air-notice" data-lead-declined="">
                    <p>{ tx(t, Msg::LeadDeclinedBefore) }</p>
                    <button type="button" class="air-btn" data-action="lead-reopen" onclick={reopen}>{ tx(t, Msg::LeadReopen) }</button>
                </div>
            }
        }
        (LeadStatus::Declined, false) => html! {},
    };
    html! {
        <div class="air-lead-slot" data-lead-mode={mode.id()} data-lead-state={state.0.status.id()} ref={anchor} tabindex="-1">
            { body }
        </div>
    }
}

/// The four fields' controls in [`LeadField::ALL`] order, then the consent box.
type Controls = Rc<[NodeRef; 5]>;

/// The form: native inputs named `name`, `email`, `company`, `size` and `consent`, checked on
/// sending with a specific message under each field that needs one; what was typed stays.
fn lead_form(
    t: &Rc<Catalog>,
    config: &Config,
    state: &UseReducerHandle<LeadReducer>,
    on_sent: Callback<Lead>,
    on_decline: Callback<MouseEvent>,
) -> Html {
    let lead = &config.lead;
    let LeadReducer(form, rules) = &**state;
    let controls = Controls::default();
    let consent_text = lead
        .consent
        .clone()
        .unwrap_or_else(|| t.get(Msg::LeadConsent).to_string());
    let sentence = NodeRef::default();
    let onsubmit = submit(state, &controls, &consent_text, &sentence, on_sent);
    let shown = form.problems.as_deref().unwrap_or_default();
    let fields = LeadField::ALL
        .into_iter()
        .zip(*rules)
        .filter(|(_, rule)| *rule != FieldRule::Hidden)
        .map(|(field, rule)| {
            let problem = shown.iter().find(|(f, _)| *f == field).map(|&(_, msg)| msg);
            field_row(t, state, &controls, (field, rule), problem)
        });
    let privacy = lead.privacy_url.clone().map(|href| {
        html! {
            <>{ " " }<a href={href} target="_blank" rel="noopener noreferrer">{ tx(t, Msg::LeadPrivacy) }</a></>
        }
    });
    let (heading, intro, submit) = if lead.mode == LeadMode::BeforeResult {
        (
            Msg::LeadHeadingBefore,
            Msg::LeadIntroBefore,
            Msg::LeadSubmitBefore,
        )
    } else {
        (Msg::LeadHeading, Msg::LeadIntro, Msg::LeadSubmit)
    };
    // Always drawn, so the fields keep their places (and focus) when it fills, and a screen
    // reader hears it as it does.
    let summary = (!shown.is_empty()).then(|| tx(t, Msg::LeadErrorSummary));
    html! {
        <form class="air-lead-form" data-lead={lead.mode.id()} novalidate=true {onsubmit}
            aria-labelledby="air-lead-heading">
            <h3 id="air-lead-heading">{ tx(t, heading) }</h3>
            <p>{ tx(t, intro) }</p>
            <p class="air-lead-summary" role="alert">{ for summary }</p>
            { for fields }
            <div class="air-lead-field air-lead-consent" data-field="consent">
                <label>
                    <input ref={controls[4].clone()} type="checkbox" name="consent" checked={form.input.consent}
                        onchange={edit(state, None)} />
                    <span><span ref={sentence}>{ consent_text }</span>{ for privacy }</span>
                </label>
            </div>
            <div class="air-nav">
                <button type="button" class="air-btn" data-action="lead-decline" onclick={on_decline}>
                    { tx(t, Msg::LeadDecline) }
                </button>
                <button type="submit" class="air-btn air-primary" data-action="lead-submit">{ tx(t, submit) }</button>
            </div>
        </form>
    }
}

/// What typing in a field (or ticking the box, `None`) does: the form's state follows it.
fn edit(state: &UseReducerHandle<LeadReducer>, field: Option<LeadField>) -> Callback<Event> {
    let state = state.dispatcher();
    Callback::from(move |e: Event| {
        let value = match field {
            Some(LeadField::Size) => e.target_unchecked_into::<HtmlSelectElement>().value(),
            Some(_) => e.target_unchecked_into::<HtmlInputElement>().value(),
            None => {
                let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
                String::from(if checked { "on" } else { "" })
            }
        };
        state.dispatch(LeadAction::Edit(field, value));
    })
}

/// What sending does: checks the form as it is on screen, then hands the lead to `on_sent`, or
/// shows every problem and puts focus on the first field to fix.
fn submit(
    state: &UseReducerHandle<LeadReducer>,
    controls: &Controls,
    consent_text: &str,
    sentence: &NodeRef,
    on_sent: Callback<Lead>,
) -> Callback<SubmitEvent> {
    let (state, controls, consent_text, sentence) = (
        state.clone(),
        controls.clone(),
        consent_text.to_string(),
        sentence.clone(),
    );
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let LeadReducer(form, rules) = &*state;
        // The box and the sentence as they are on screen now: a script may have unticked the
        // box without an event.
        let mut input = form.input.clone();
        if let Some(box_) = controls[4].cast::<HtmlInputElement>() {
            input.consent = box_.checked();
        }
        let shown = sentence.get().and_then(|s| s.text_content());
        match check(&input, rules, shown.as_deref().unwrap_or(&consent_text)) {
            Ok(lead) => on_sent.emit(lead),
            Err(found) => {
                // The fields are all drawn already: focus goes to the first one to fix.
                let first = found.first().map_or(0, |&(field, _)| field as usize);
                state.dispatch(LeadAction::Refused(found));
                if let Some(field) = controls[first].cast::<web_sys::HtmlElement>() {
                    let _ = field.focus();
                }
            }
        }
    })
}

/// One field of the form: its label (saying when it is optional), its control and the message
/// under it, `problem` when there is one.
fn field_row(
    t: &Catalog,
    state: &UseReducerHandle<LeadReducer>,
    controls: &Controls,
    (field, rule): (LeadField, FieldRule),
    problem: Option<Msg>,
) -> Html {
    let LeadReducer(form, _) = &**state;
    let id = field.id();
    let error = error_text(t, problem, id);
    let invalid = problem.is_some().then_some("true");
    let described = problem.is_some().then(|| format!("air-lead-{id}-error"));
    let required = rule == FieldRule::Required;
    let node = controls[field as usize].clone();
    let control = if field == LeadField::Size {
        let options = SIZES.iter().map(|&(value, label)| {
            html! { <option {value} selected={form.input.size == value}>{ tx(t, label) }</option> }
        });
        html! {
            <select ref={node} id={format!("air-lead-{id}")} name={id} {required} aria-invalid={invalid}
                aria-describedby={described} onchange={edit(state, Some(field))}>
                <option value="" selected={form.input.size.is_empty()}>{ tx(t, Msg::LeadSizeChoose) }</option>
                { for options }
            </select>
        }
    } else {
        let (kind, complete) = match field {
            LeadField::Name => ("text", "name"),
            LeadField::Email => ("email", "email"),
            _ => ("text", "organization"),
        };
        html! {
            // An address reads left to right in every language.
            <input ref={node} id={format!("air-lead-{id}")} name={id} type={kind}
                dir={(field == LeadField::Email).then_some("ltr")} autocomplete={complete}
                {required} aria-invalid={invalid} aria-describedby={described}
                value={form.input.get(field).to_string()}
                oninput={edit(state, Some(field)).reform(|e: InputEvent| e.into())} />
        }
    };
    html! {
        <div class="air-lead-field" data-field={id}>
            <label for={format!("air-lead-{id}")}>
                { tx(t, field.label()) }
                if !required {
                    <span class="air-muted">{ " (" }{ tx(t, Msg::LeadOptional) }{ ")" }</span>
                }
            </label>
            { control }
            { error }
        </div>
    }
}

/// The message under a field: always drawn (empty when there is none), so that yew, which
/// matches a changed list of children from its end, keeps the field itself (and its focus).
fn error_text(t: &Catalog, msg: Option<Msg>, id: &str) -> Html {
    let text = match msg {
        Some(Msg::LeadErrorLong) => {
            t.fill(Msg::LeadErrorLong, &[("max", &t.number(MAX_FIELD as i64))])
        }
        Some(msg) => attr(t, msg).to_string(),
        None => String::new(),
    };
    html! { <p class="air-field-error" id={format!("air-lead-{id}-error")}>{ text }</p> }
}
