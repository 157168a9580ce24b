//! The events a widget tells its host page about, as plain serialisable data.
//!
//! The embed layer dispatches each as a `CustomEvent` named [`WidgetEvent::name`] whose `detail`
//! is this value serialised to a JSON-compatible object. Every event name the widget dispatches
//! is here; `embed.js` lists them for pages and tests (`EVENTS`), and a native test
//! (`tests/journey.rs`) keeps the two lists equal.

use serde::Serialize;

use super::bank::{MODEL_VERSION, QUESTIONS};
use super::code::ResultCode;
use super::lead::{Lead, LeadAnswer};
use super::model::{Dimension, Level, Perspective};
use super::scoring::{Outcome, Scores};

/// An event for the host page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum WidgetEvent {
    /// The widget is mounted and shown.
    Ready(StartDetail),
    /// The visitor started the assessment.
    Start(StartDetail),
    /// The visitor picked an answer.
    Answer(AnswerDetail),
    /// The visitor reached the result.
    Complete(CompleteDetail),
    /// The visitor clicked the configured call to action: the result plus the link's `url`.
    Cta(CompleteDetail),
    /// The visitor answered the lead form under their result. The host hears a sent form; a
    /// declined one is not announced and only lets a result held back for the answer go to
    /// `submitUrl`.
    Lead(LeadDetail),
}

/// The name of the event a configuration attribute that could not be used raises; its detail is
/// `{key, message}`: the key as the host wrote it (`data-accent`) and the console's text. The
/// embed layer builds it directly, so it costs the first screens no serializer code.
pub const ERROR_EVENT: &str = "ai-readiness:error";

/// The name of the event that reports each delivery outcome (`embed::delivery`).
pub const DELIVERY_EVENT: &str = "ai-readiness:delivery";

/// Detail of `ai-readiness:ready` and `ai-readiness:start`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StartDetail {
    /// How many questions there are.
    pub total: usize,
    /// The scoring model's version.
    pub model_version: &'static str,
    /// Whose work the questions ask about: `team` or `self`.
    pub perspective: Perspective,
}

impl StartDetail {
    fn of(perspective: Perspective) -> Self {
        StartDetail {
            total: QUESTIONS.len(),
            model_version: MODEL_VERSION,
            perspective,
        }
    }
}

/// Detail of `ai-readiness:answer`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerDetail {
    /// The question's stable id, e.g. `usage.weekly`.
    pub question_id: &'static str,
    /// The dimension the question feeds.
    pub dimension: Dimension,
    /// The chosen option index, 0 = least mature.
    pub value: u8,
    /// The question's 0-based position.
    pub index: usize,
    /// How many questions there are.
    pub total: usize,
}

/// Detail of `ai-readiness:complete`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompleteDetail {
    /// The readiness level id.
    pub level: Level,
    /// The weighted overall score, 0-100.
    pub overall: u8,
    /// The four dimension scores.
    pub scores: Scores,
    /// Access minus adoption (the mean of Usage and Capability).
    pub adoption_gap: i16,
    /// The id of the dimension that holds the level back most; at Operating, the weakest area.
    pub biggest_gap: Dimension,
    /// The scoring model's version.
    pub model_version: &'static str,
    /// A short hash of the questions and rules that produced the result.
    pub model_fingerprint: &'static str,
    /// The result code that carries these answers (`1-7KD3Q-W`).
    pub code: String,
    /// Whose work the answers describe: `team` or `self`.
    pub perspective: Perspective,
    /// The call to action's URL; only in `ai-readiness:cta`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Detail of `ai-readiness:lead`: the result's fields (the perspective among them) and the lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeadDetail {
    /// The result the form went with.
    #[serde(flatten)]
    pub result: CompleteDetail,
    /// What the visitor entered, checked; `None` when they declined, and then the host hears
    /// nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Lead>,
    /// Whether the result itself is still to be sent to `submitUrl`, before the lead: with the
    /// form on, a result waits for the visitor's first answer to it (unless the host set
    /// `submitAnonymous`). Not part of the detail.
    #[serde(skip)]
    pub with_result: bool,
}

impl CompleteDetail {
    /// The detail for an outcome, the code of its answers and the perspective they were given
    /// from.
    pub fn of(outcome: &Outcome, code: &ResultCode, perspective: Perspective) -> Self {
        CompleteDetail {
            code: code.to_string(),
            perspective,
            url: None,
            level: outcome.level,
            overall: outcome.overall,
            scores: outcome.scores,
            adoption_gap: outcome.adoption_gap,
            biggest_gap: outcome.biggest_gap.dimension,
            model_version: outcome.model_version,
            model_fingerprint: outcome.model_fingerprint,
        }
    }
}

impl WidgetEvent {
    /// The start event.
    pub fn start(perspective: Perspective) -> Self {
        WidgetEvent::Start(StartDetail::of(perspective))
    }

    /// The ready event.
    pub fn ready(perspective: Perspective) -> Self {
        WidgetEvent::Ready(StartDetail::of(perspective))
    }

    /// The answer event for question `index` and option `value`.
    pub fn answer(index: usize, value: u8) -> Self {
        let q = &QUESTIONS[index];
        WidgetEvent::Answer(AnswerDetail {
            question_id: q.id,
            dimension: q.dimension,
            value,
            index,
            total: QUESTIONS.len(),
        })
    }

    /// The completion event for an outcome, the code of its answers and their perspective.
    pub fn complete(outcome: &Outcome, code: &ResultCode, perspective: Perspective) -> Self {
        WidgetEvent::Complete(CompleteDetail::of(outcome, code, perspective))
    }

    /// The call-to-action event for an outcome, its code, their perspective and the link's URL.
    pub fn cta(outcome: &Outcome, code: &ResultCode, perspective: Perspective, url: &str) -> Self {
        WidgetEvent::Cta(CompleteDetail {
            url: Some(url.to_string()),
            ..CompleteDetail::of(outcome, code, perspective)
        })
    }

    /// The lead form's answer for an outcome, its code and their perspective.
    pub fn lead(
        outcome: &Outcome,
        code: &ResultCode,
        perspective: Perspective,
        answer: LeadAnswer,
    ) -> Self {
        WidgetEvent::Lead(LeadDetail {
            result: CompleteDetail::of(outcome, code, perspective),
            lead: answer.lead,
            with_result: answer.with_result,
        })
    }

    /// The DOM event name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready(_) => "ai-readiness:ready",
            WidgetEvent::Start(_) => "ai-readiness:start",
            WidgetEvent::Answer(_) => "ai-readiness:answer",
            WidgetEvent::Complete(_) => "ai-readiness:complete",
            WidgetEvent::Cta(_) => "ai-readiness:cta",
            WidgetEvent::Lead(_) => "ai-readiness:lead",
        }
    }
}
