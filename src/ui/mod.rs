//! Yew function components: they render an [`Assessment`] and turn clicks into [`Action`]s.
//!
//! Rule: no storage, no JsValue juggling, no DOM events for the host. Every event the host hears
//! about is an output of the reducer ([`Assessment::events_after`]); one effect hands each to the
//! `on_event` callback the embed layer passes in.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::{Action, Assessment, Early, Step};
use crate::core::bank::QUESTIONS;
use crate::core::code::ResultCode;
use crate::core::config::{Config, Mode};
use crate::core::events::WidgetEvent;
use crate::core::i18n::{Catalog, Msg};
use crate::core::lead::LeadMode;
use crate::core::model::{Answers, Perspective};
use crate::core::progress::Snapshot;
use crate::core::scoring::Outcome;
use crate::core::text;
use lead::LeadFns;
use parts::{Part, PartFns, PartOf, ResultFns, TeamFns};

/// The first screen as the build draws it, before the wasm arrives (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod first_screen;
/// The intro screen.
mod intro;
/// The lead form.
pub mod lead;
/// The parts that load on demand (result screen, team view).
pub mod parts;
/// One question screen.
mod question;
/// The result screen and its chart.
pub mod result;
/// Copy buttons for the result code and share link.
pub mod share;
/// The team view.
pub mod team;

/// How long a pointer pick stays on screen before the next question comes: long enough to see
/// the choice land, short enough not to wait for.
pub const PICK_BEAT: std::time::Duration = std::time::Duration::from_millis(300);

/// The reducer wrapper around the pure [`Assessment`].
#[derive(Clone, Debug, PartialEq)]
pub struct State(pub Assessment);

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.0.apply(action) {
            Some(next) => Rc::new(State(next)),
            None => self,
        }
    }
}

/// Props of the whole widget.
#[derive(Properties)]
pub struct AppProps {
    /// The validated configuration.
    pub config: Rc<Config>,
    /// Every text in the visitor's language, the host's own texts included.
    pub catalog: Rc<Catalog>,
    /// Bumped by the host's `reset()`; any change sends the visitor back to the start.
    pub reset: u32,
    /// Saved progress to resume from, read once when the widget starts.
    pub resume: Option<Rc<Snapshot>>,
    /// Receives every host event, exactly once each.
    pub on_event: Callback<Rc<WidgetEvent>>,
    /// Receives the visitor's progress whenever it changes, for saving, and answers whether it
    /// is kept as the host wanted (false: in memory only, which the question screens then say).
    pub on_progress: Callback<Snapshot, bool>,
    /// A result opened from a share link: the answers and their perspective, or why the link's
    /// code was unreadable, said in the visitor's language.
    #[prop_or_default]
    pub shared: Option<Rc<Result<(Answers, Perspective), String>>>,
    /// Hears whose voice the screen needs (a shared result's perspective, else the widget's),
    /// so the embed layer can hand over the catalog in that voice.
    pub on_voice: Callback<Perspective>,
    /// How to load the result screen and the team view, with their browser side.
    pub parts: parts::Loaders,
    /// Receives the stylesheet of a part that loaded on demand, to adopt next to the widget's.
    pub on_styles: Callback<&'static str>,
    /// Hears what went wrong where the visitor only sees a short notice (a part that failed to
    /// load), for the console.
    pub on_problem: Callback<String>,
    /// What the visitor did on the first screen `embed.js` drew before the wasm arrived (Start,
    /// picks, Next, Back), replayed in order when the widget starts, so nothing is lost.
    #[prop_or_default]
    pub early: Rc<Early>,
    /// Hears that the visitor asked to forget their answers on this device, so the embed layer
    /// clears what it keeps for this widget.
    #[prop_or_default]
    pub on_forget: Callback<()>,
    /// Hears that the widget's first drawing is in the page, so the embed layer can take the
    /// drawn-ahead screen away in the same frame; answers with what the visitor did on it since
    /// `early` was read (the browser may run a click between the widget's drawing and this).
    #[prop_or_else(nothing_late)]
    pub on_drawn: Callback<(), Rc<Early>>,
}

/// The configuration and the catalog are compared by address: the embed layer replaces either
/// only when it changes, and comparing their contents would cost every render (and the bundle)
/// a walk through every text.
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.config, &other.config)
            && Rc::ptr_eq(&self.catalog, &other.catalog)
            && self.reset == other.reset
            && self.resume == other.resume
            && self.on_event == other.on_event
            && self.on_progress == other.on_progress
            && self.shared == other.shared
            && self.on_voice == other.on_voice
            && self.parts == other.parts
            && self.on_styles == other.on_styles
            && self.on_problem == other.on_problem
            && Rc::ptr_eq(&self.early, &other.early)
            && self.on_forget == other.on_forget
            && self.on_drawn == other.on_drawn
    }
}

/// Without a drawn-ahead screen, nothing happened before the widget drew.
fn nothing_late() -> Callback<(), Rc<Early>> {
    Callback::from(|()| Rc::default())
}

/// The whole widget: intro, questions, result.
#[component]
pub fn App(props: &AppProps) -> Html {
    // A team-only widget never starts an assessment, so it must not announce one either.
    let team_only = props.config.mode == Mode::Team;
    let state = use_assessment(props);
    let start_mode = props.config.mode;
    let mode = use_state(move || start_mode);
    use_host_outputs(props, &state, team_only);
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(action.clone()))
    };
    let on_cta = {
        let state = state.clone();
        Callback::from(move |url| state.dispatch(Action::FollowCta { url }))
    };
    let (on_choose, next_key) = question_callbacks(&state);
    let pointer = use_memo((), |_| std::cell::Cell::new(None));
    // The team view's pasted text lives here, so leaving the view and coming back keeps it.
    let team_text = use_state(AttrValue::default);
    let heading = use_step_focus(props, &state, *mode);
    use_reset(props.reset, &state, &mode, start_mode);
    let Parts {
        result: (result_part, retry_result),
        team: (team_part, retry_team),
        lead: (lead_part, retry_lead),
    } = use_parts(props, &state, team_only, *mode == Mode::Team);
    let t = &props.catalog;
    if *mode == Mode::Team {
        let on_back = (start_mode == Mode::Assessment).then(|| {
            let mode = mode.clone();
            Callback::from(move |_: MouseEvent| mode.set(Mode::Assessment))
        });
        // Opened from a result, the view lists the visitor's own code.
        let own_code = state.0.code();
        return team_screen(props, (team_part, retry_team), team_text, own_code, on_back);
    }
    let open_team = props.config.team_link.then(|| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(Mode::Team))
    });
    let a = &state.0;
    let result_fns = result_part.ready();
    let result = shown_result(a).map(|shown| {
        let shared = shown.shared;
        result::ResultProps {
            t: t.clone(),
            outcome: shown.outcome,
            code: shown.code,
            perspective: shown.perspective,
            answers: shown.answers,
            previous: shown.previous,
            shared,
            // The host's call to action stays on a shared result too: it is how a visitor who
            // was sent a result reaches the host.
            cta: props.config.cta.clone(),
            on_cta,
            on_share: match result_fns {
                Some(fns) => Callback::from(fns.copy),
                None => Callback::noop(),
            },
            on_team: if shared { None } else { open_team },
            on_restart: dispatch(if shared {
                Action::TakeItYourself
            } else {
                Action::Restart
            }),
            on_forget: if shared {
                Callback::noop()
            } else {
                let (state, on_forget) = (state.clone(), props.on_forget.clone());
                Callback::from(move |_| {
                    on_forget.emit(());
                    state.dispatch(Action::Forget);
                })
            },
            heading: heading.clone(),
            config: props.config.clone(),
            lead: (lead_part, retry_lead),
            on_lead: {
                let state = state.clone();
                Callback::from(move |answer| state.dispatch(Action::AnswerLead(answer)))
            },
        }
    });
    let body = match (result, a.step) {
        (Some(result), _) => match result_fns {
            Some(fns) => (fns.view)(&result),
            None => part_pending(t, result_part.state(), retry_result),
        },
        (None, Step::Intro) => intro::intro_view(t, &props.config, dispatch(Action::Start)),
        (None, Step::Question(n)) => question::question_view(
            t,
            &question::QuestionProps {
                index: n,
                total: QUESTIONS.len(),
                choice: a.choices[n],
                needs_answer: a.needs_answer,
                can_go_back: n > 0 || a.show_intro,
                heading: heading.clone(),
                // Each widget has its own shadow root, which already keeps radio groups apart.
                name: format!("q{n}").into(),
                on_choose,
                pointer: pointer.clone(),
                on_next: dispatch(Action::Next),
                on_next_key: next_key,
                on_back: dispatch(Action::Back),
            },
        ),
        (None, Step::Result) => html! {},
    };
    assessment_screen(props, a, body)
}

/// The result on screen, when there is one: a shared link's, or the visitor's own once every
/// question has an answer.
struct ShownResult {
    outcome: Outcome,
    code: ResultCode,
    perspective: Perspective,
    answers: Answers,
    previous: Option<Outcome>,
    shared: bool,
}

/// Which result the assessment shows, if any; a shared one comes first, whatever the step.
fn shown_result(a: &Assessment) -> Option<ShownResult> {
    if let Some((outcome, code)) = a.shared_result() {
        return Some(ShownResult {
            outcome,
            code,
            perspective: a.shown_perspective(),
            answers: a.shared.clone().unwrap_or_default().0,
            previous: None,
            shared: true,
        });
    }
    match (a.step, &a.outcome, a.code(), a.answers()) {
        (Step::Result, Some(outcome), Some(code), Some(answers)) => Some(ShownResult {
            outcome: outcome.clone(),
            code,
            perspective: a.perspective,
            answers,
            previous: a.previous_outcome(),
            shared: false,
        }),
        _ => None,
    }
}

/// The team view's screen: the part once it has loaded, until then a wait or a retry.
fn team_screen(
    props: &AppProps,
    (team_part, retry_team): (PartOf<TeamFns>, Callback<MouseEvent>),
    team_text: UseStateHandle<AttrValue>,
    own_code: Option<ResultCode>,
    on_back: Option<Callback<MouseEvent>>,
) -> Html {
    let t = &props.catalog;
    let (lang, dir) = (t.lang.tag(), t.lang.dir());
    let view = match team_part.ready() {
        Some(part) => (part.view)(team::TeamProps {
            t: t.clone(),
            text: (*team_text).clone(),
            on_text: Callback::from(move |text| team_text.set(text)),
            on_file: Callback::from(part.read),
            on_download: Callback::from(part.save),
            store: part.store,
            config: props.config.clone(),
            own_code,
            on_back,
        }),
        None => part_pending(t, team_part.state(), retry_team),
    };
    html! {
        <div class={root_class(&props.config)} {lang} {dir}>{ view }</div>
    }
}

/// The assessment's screen around `body` (intro, a question or the result): a share link that
/// could not be opened, the storage note, and what screen readers hear.
fn assessment_screen(props: &AppProps, a: &Assessment, body: Html) -> Html {
    let t = &props.catalog;
    let (lang, dir) = (t.lang.tag(), t.lang.dir());
    let bad_link = match props.shared.as_deref() {
        Some(Err(reason)) => Some(t.fill(Msg::SharedBadLink, &[("reason", reason)])),
        _ => None,
    };
    let note = (a.storage_note && a.step != Step::Intro).then(
        || html! { <p class="air-muted air-storage-note">{ tx(t, Msg::QuestionStorageNote) }</p> },
    );
    // Screen readers hear each step and the result in one polite sentence.
    let announcement = match (a.shared.is_some(), a.step, &a.outcome) {
        (false, Step::Question(n), _) => text::question_of(t, n + 1, QUESTIONS.len()),
        (false, Step::Result, Some(outcome)) => text::result_sentence(t, outcome),
        _ => String::new(),
    };
    // A share link that could not be opened is explained on the first screen, intro or not.
    let fresh = a.shared.is_none() && a.answered() == 0 && a.step != Step::Result;
    let notice = bad_link.filter(|_| fresh).map(|text| {
        html! { <p class="air-notice" role="status" data-notice="">{ text }</p> }
    });
    html! {
        <div class={root_class(&props.config)} {lang} {dir}>
            { for notice }
            { body }
            { for note }
            <p class="air-sr" aria-live="polite" data-announce="">{ announcement }</p>
        </div>
    }
}

/// The assessment's state: a saved or shared one, with what the visitor did on the drawn first
/// screen replayed, and what they did there while the widget mounted once it has drawn.
#[hook]
fn use_assessment(props: &AppProps) -> UseReducerHandle<State> {
    let show_intro = props.config.show_intro || props.config.mode == Mode::Team;
    let resume = props.resume.clone();
    let shared = props.shared.clone();
    let perspective = props.config.perspective;
    let early = props.early.clone();
    let state = use_reducer(move || {
        let mut a = match resume {
            Some(saved) => Assessment::resume(&saved, show_intro, perspective),
            None => Assessment::new(show_intro, perspective),
        };
        if let Some(Ok(shared)) = shared.as_deref() {
            a.shared = Some(shared.clone());
        }
        State(a.replay(&early.actions))
    });
    {
        let on_drawn = props.on_drawn.clone();
        let early = props.early.clone();
        let state = state.clone();
        use_effect_with((), move |_| {
            let late = on_drawn.emit(());
            for action in &late.actions {
                state.dispatch(action.clone());
            }
            let beat = match late.actions.is_empty() {
                true => early.beat.clone(),
                false => late.beat.clone(),
            };
            if let Some(advance) = beat {
                after_beat(state, advance);
            }
        });
    }
    state
}

/// Hands the host what the assessment produces: its progress to keep (not in a team-only
/// widget) and its events.
#[hook]
fn use_host_outputs(props: &AppProps, state: &UseReducerHandle<State>, team_only: bool) {
    {
        let on_progress = props.on_progress.clone();
        let state = state.clone();
        use_effect_with(state.0.snapshot(), move |snapshot| {
            if !team_only {
                let kept = on_progress.emit(snapshot.clone());
                state.dispatch(Action::Saved { kept });
            }
        });
    }
    {
        // Renders can fold several transitions into one, so this delivers every event since the
        // last it delivered, not only the newest.
        let on_event = props.on_event.clone();
        let delivered = use_mut_ref(|| 0);
        let state = state.clone();
        use_effect_with(state.0.last_event(), move |last| {
            let seen = std::mem::replace(&mut *delivered.borrow_mut(), *last);
            for event in state.0.events_after(seen) {
                on_event.emit(event.clone());
            }
        });
    }
}

/// The heading of the step on screen. On every step change after the first render, focus goes
/// to the new heading (not on page load: a widget must not pull focus away from the host page);
/// the host hears the voice of what is on screen.
#[hook]
fn use_step_focus(props: &AppProps, state: &UseReducerHandle<State>, mode: Mode) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        // The team view speaks to a lead whatever the widget asks its visitors; a shared result
        // speaks in its own code's voice.
        let voice = match mode {
            Mode::Team => Perspective::Team,
            Mode::Assessment => state.0.shown_perspective(),
        };
        let on_voice = props.on_voice.clone();
        use_effect_with((state.0.step, state.0.shared.is_some(), voice), move |_| {
            on_voice.emit(voice);
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }
    heading
}

/// Starts over when the host resets the widget: the mode it started in, a fresh assessment.
#[hook]
fn use_reset(
    reset: u32,
    state: &UseReducerHandle<State>,
    mode: &UseStateHandle<Mode>,
    start_mode: Mode,
) {
    let state = state.clone();
    let mode = mode.clone();
    let first = use_mut_ref(|| true);
    use_effect_with(reset, move |_| {
        // The first run is the mount itself, not a reset.
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            mode.set(start_mode);
            state.dispatch(Action::Reset);
        }
    });
}

/// The parts that load on demand, each with its retry.
struct Parts {
    result: (PartOf<ResultFns>, Callback<MouseEvent>),
    team: (PartOf<TeamFns>, Callback<MouseEvent>),
    lead: (PartOf<LeadFns>, Callback<MouseEvent>),
}

/// Loads the parts when they are about to be needed, and adopts each one's styles as soon as it
/// has loaded, before it is first drawn.
#[hook]
fn use_parts(
    props: &AppProps,
    state: &UseReducerHandle<State>,
    team_only: bool,
    team_shown: bool,
) -> Parts {
    // The result's chunk loads as soon as the first question is on screen (at once for a share
    // link or a resumed result), so the result still appears instantly; the team view's only
    // when it is opened.
    let result_shown = !team_only && (state.0.step == Step::Result || state.0.shared.is_some());
    let wants_result = !team_only && state.0.step != Step::Intro;
    let result = parts::use_part(
        wants_result,
        result_shown,
        props.parts.result,
        "result screen",
        props.on_problem.clone(),
    );
    let team = parts::use_part(
        team_shown,
        team_shown,
        props.parts.team,
        "team view",
        props.on_problem.clone(),
    );
    // The lead form, when the host turned it on, loads with the result.
    let lead_on = props.config.lead.mode != LeadMode::Off;
    let lead = parts::use_part(
        lead_on && wants_result,
        lead_on && result_shown,
        props.parts.lead,
        "lead form",
        props.on_problem.clone(),
    );
    {
        let css = [result.0.css(), team.0.css(), lead.0.css()];
        let on_styles = props.on_styles.clone();
        use_effect_with(css, move |css| {
            for css in css.iter().flatten() {
                on_styles.emit(css);
            }
        });
    }
    Parts { result, team, lead }
}

/// What a question's options and its Enter key do: a pick by pointer shows for a beat, then the
/// next question comes.
fn question_callbacks(
    state: &UseReducerHandle<State>,
) -> (Callback<(usize, u8, bool)>, Callback<KeyboardEvent>) {
    let next_key = {
        let state = state.clone();
        Callback::from(move |_: KeyboardEvent| state.dispatch(Action::Next))
    };
    let on_choose = {
        let state = state.clone();
        Callback::from(move |(question, option, by_pointer): (usize, u8, bool)| {
            state.dispatch(Action::Choose { question, option });
            if by_pointer {
                after_beat(state.clone(), Action::Advance { question, option });
            }
        })
    };
    (on_choose, next_key)
}

/// A pointer pick stays visible for a beat, then the next question comes (`advance`); the
/// reducer ignores it if the visitor went elsewhere meanwhile.
fn after_beat(state: UseReducerHandle<State>, advance: Action) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(PICK_BEAT).await;
        state.dispatch(advance);
    });
}

/// What stands in for a part that is not loaded: a short wait, or why it failed and a retry.
pub(crate) fn part_pending(t: &Catalog, part: Part<PartFns>, retry: Callback<MouseEvent>) -> Html {
    if matches!(part, Part::Failed) {
        html! {
            <div class="air-notice" role="alert" data-part-failed="">
                <p>{ tx(t, Msg::PartFailed) }</p>
                <button type="button" class="air-btn air-primary" data-action="retry-part" onclick={retry}>{ tx(t, Msg::PartRetry) }</button>
            </div>
        }
    } else {
        html! { <p class="air-muted" role="status" data-part-loading="">{ tx(t, Msg::PartLoading) }</p> }
    }
}

/// The root's classes: the widget and its theme. A plain string: `classes!` would pull in a set
/// type the bundle does not otherwise need.
fn root_class(config: &Config) -> AttrValue {
    AttrValue::from(format!("air air-theme-{}", config.theme.id()))
}

/// A catalog text as a text node. Out of line on purpose: inlined at each of the many call
/// sites, the conversion would cost the bundle kilobytes.
#[inline(never)]
pub(crate) fn tx(t: &Catalog, msg: Msg) -> Html {
    Html::from(yew::virtual_dom::VText::new(attr(t, msg)))
}

/// A catalog text as an attribute value.
#[inline(never)]
pub(crate) fn attr(t: &Catalog, msg: Msg) -> AttrValue {
    AttrValue::from(t.get(msg).to_string())
}
