//! The visitor's journey as a pure state machine: intro, one question at a time, result.
//!
//! [`Assessment::apply`] is the only way state changes. It also records every host event the
//! change produces, `ready` included; the UI delivers them from an effect, so this module stays
//! free of side effects.

use std::rc::Rc;

use super::bank::QUESTIONS;
use super::code::{encode, ResultCode};
use super::events::WidgetEvent;
use super::lead::LeadAnswer;
use super::model::{Answers, Perspective};
use super::progress::Snapshot;
use super::scoring::{score, Outcome};

/// Where the visitor is; it lives with the vocabulary so saved progress can name it too.
pub use super::model::Step;

/// How many of the latest host events an assessment keeps: more than any run of transitions
/// between two renders produces, so the UI never misses one. Renders wait for the running task
/// to end, so a script that clicks through the whole assessment in one loop (15 events) still
/// gets every event.
pub const EVENT_LOG: usize = 64;

/// Something the visitor did, or what became of saving their progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Pressed Start on the intro.
    Start,
    /// Picked option `option` of question `question`.
    Choose {
        /// Question index in the bank.
        question: usize,
        /// Option index, least mature first.
        option: u8,
    },
    /// Pressed Next (or "See my result" on the last question).
    Next,
    /// The beat after a pointer pick ran out: moves on like Next, but only if the visitor is
    /// still on that question with that option chosen (they may have gone Back or changed it).
    Advance {
        /// Question index the pick was made on.
        question: usize,
        /// The option picked.
        option: u8,
    },
    /// Pressed Back.
    Back,
    /// Pressed Retake on the result.
    Restart,
    /// Pressed "Forget my answers on this device" on their own result: back to the start with
    /// no previous result either.
    Forget,
    /// The host asked to go back to the beginning, from wherever the visitor is.
    Reset,
    /// Left a shared result to take the assessment themselves.
    TakeItYourself,
    /// Followed the call to action on the result on screen, to `url` (its placeholders filled).
    FollowCta {
        /// Where the link leads.
        url: Rc<str>,
    },
    /// Sent or declined the lead form under their own result.
    AnswerLead(LeadAnswer),
    /// The progress was handed to storage: `kept` is false when it now lives in memory only,
    /// although the host wanted it kept across reloads.
    Saved {
        /// Whether the progress is kept as the host wanted.
        kept: bool,
    },
}

/// What a visitor did on the first screen `embed.js` drew before the wasm arrived.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Early {
    /// Their actions in order, to replay when the widget starts.
    pub actions: Vec<Action>,
    /// A pointer pick whose beat had not run out when the wasm took over: the widget moves on
    /// after a beat of its own, as after any pointer pick.
    pub beat: Option<Action>,
}

impl Early {
    /// Reads the actions as `embed.js` recorded them: `start`, `next`, `back`, `pick:N` for
    /// option N of the first question (the only question drawn ahead) picked with the keyboard,
    /// `tap:N` for one picked with a pointer, and `advance:N` when that pick's beat ran out.
    /// Anything else is returned apart, so a mismatch between the two sides shows in the console.
    pub fn read<'a>(recorded: impl IntoIterator<Item = &'a str>) -> (Early, Vec<&'a str>) {
        let mut early = Early::default();
        let mut unusable = Vec::new();
        let option = |n: &str| {
            n.parse::<u8>()
                .ok()
                .filter(|&option| usize::from(option) < QUESTIONS[0].options.len())
        };
        for entry in recorded {
            let (verb, n) = entry.split_once(':').unwrap_or((entry, ""));
            let action = match (verb, option(n)) {
                ("start", _) if n.is_empty() => Action::Start,
                ("next", _) if n.is_empty() => Action::Next,
                ("back", _) if n.is_empty() => Action::Back,
                ("pick" | "tap", Some(option)) => Action::Choose {
                    question: 0,
                    option,
                },
                ("advance", Some(option)) => Action::Advance {
                    question: 0,
                    option,
                },
                _ => {
                    unusable.push(entry);
                    continue;
                }
            };
            early.beat = match (verb, &action) {
                ("tap", &Action::Choose { question, option }) => {
                    Some(Action::Advance { question, option })
                }
                _ => None,
            };
            early.actions.push(action);
        }
        (early, unusable)
    }
}

/// The whole state of one widget instance.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The current screen.
    pub step: Step,
    /// The chosen option per question, `None` while unanswered.
    pub choices: Vec<Option<u8>>,
    /// Set when Next was pressed without an answer, so the UI can say what is missing.
    pub needs_answer: bool,
    /// The result, once every question is answered and the visitor asked for it.
    pub outcome: Option<Outcome>,
    /// The latest host events, oldest first, each with a running number, so the UI can deliver
    /// each exactly once even when several transitions come between two renders (see
    /// [`Assessment::events_after`]); at most [`EVENT_LOG`].
    pub events: Vec<(u32, Rc<WidgetEvent>)>,
    /// Progress cannot be kept across reloads as the host wanted; the question screens say so.
    pub storage_note: bool,
    /// Whether the intro screen is shown; when not, the visitor starts at the first question.
    pub show_intro: bool,
    /// Someone else's result, opened from a share link and shown read-only until the visitor
    /// chooses to take the assessment themselves, with the perspective its code was given from.
    pub shared: Option<(Answers, Perspective)>,
    /// Whose work the questions ask about; it travels in the events and the result code.
    pub perspective: Perspective,
    /// The answers behind the result before the last retake, so the new one can show what
    /// changed.
    pub previous: Option<Answers>,
}

impl Assessment {
    /// A fresh widget's assessment from `perspective`: the widget is shown, so `ready` is due.
    /// Without an intro it opens on the first question, and the visitor starts straight away,
    /// so `start` is due too.
    pub fn new(show_intro: bool, perspective: Perspective) -> Self {
        let mut fresh = Assessment {
            perspective,
            step: Step::Intro,
            choices: vec![None; QUESTIONS.len()],
            needs_answer: false,
            outcome: None,
            events: Vec::new(),
            storage_note: false,
            show_intro,
            shared: None,
            previous: None,
        };
        fresh.emit(WidgetEvent::ready(perspective));
        fresh.step = fresh.first_step();
        if !show_intro {
            fresh.emit(WidgetEvent::start(perspective));
        }
        fresh
    }

    /// The events emitted after the one numbered `seen`, oldest first (0: all of them).
    pub fn events_after(&self, seen: u32) -> impl Iterator<Item = &Rc<WidgetEvent>> {
        self.events
            .iter()
            .filter(move |(n, _)| *n > seen)
            .map(|(_, e)| e)
    }

    /// The number of the latest event.
    pub fn last_event(&self) -> u32 {
        self.events.last().map_or(0, |(n, _)| *n)
    }

    /// Number of questions answered so far.
    pub fn answered(&self) -> usize {
        self.choices.iter().filter(|c| c.is_some()).count()
    }

    /// The complete answers, if every question has one.
    pub fn answers(&self) -> Option<Answers> {
        self.choices
            .iter()
            .copied()
            .collect::<Option<Vec<u8>>>()
            .map(Answers)
    }

    /// The state after `action`. Returns `None` when the action changes nothing, so the caller
    /// can keep the old state (and skip a re-render).
    pub fn apply(&self, action: Action) -> Option<Self> {
        match action {
            // Settled before any copy is made: every save answers with `Saved`, and most change
            // nothing.
            Action::Saved { kept } => self.saved(kept),
            Action::FollowCta { url } => self.follow_cta(&url),
            Action::AnswerLead(answer) => self.answer_lead(answer),
            action if self.shared.is_some() => self.leave_shared(action),
            action => self.take_step(action),
        }
    }

    /// Notes whether progress is kept as the host wanted.
    fn saved(&self, kept: bool) -> Option<Self> {
        if self.storage_note != kept {
            return None;
        }
        let mut next = self.clone();
        next.storage_note = !kept;
        Some(next)
    }

    /// The visitor followed the call to action on the result on screen: a shared one's, or
    /// their own.
    fn follow_cta(&self, url: &str) -> Option<Self> {
        let (outcome, code) = match self.shared_result() {
            Some(shared) => shared,
            None => (self.outcome.clone()?, self.code()?),
        };
        let mut next = self.clone();
        next.emit(WidgetEvent::cta(
            &outcome,
            &code,
            self.shown_perspective(),
            url,
        ));
        Some(next)
    }

    /// The visitor answered the lead form, which only their own result shows. A decline with no
    /// result held back for it concerns no one.
    fn answer_lead(&self, answer: LeadAnswer) -> Option<Self> {
        let concerns_no_one = answer.lead.is_none() && !answer.with_result;
        if concerns_no_one || self.shared.is_some() || self.step != Step::Result {
            return None;
        }
        let (outcome, code) = (self.outcome.as_ref()?, self.code()?);
        let mut next = self.clone();
        next.emit(WidgetEvent::lead(outcome, &code, self.perspective, answer));
        Some(next)
    }

    /// On someone else's shared result, only leaving it does anything; a host reset leaves it
    /// too.
    fn leave_shared(&self, action: Action) -> Option<Self> {
        let mut next = self.clone();
        next.shared = None;
        match action {
            Action::TakeItYourself => Some(next),
            Action::Reset => Some(next.apply(Action::Reset).unwrap_or(next)),
            _ => None,
        }
    }

    /// A step of the visitor's own journey: intro, questions, result.
    fn take_step(&self, action: Action) -> Option<Self> {
        let forgetting = action == Action::Forget;
        let mut next = self.clone();
        match (self.step, action) {
            (Step::Intro, Action::Start) => {
                next.step = Step::Question(0);
                next.emit(WidgetEvent::start(self.perspective));
            }
            (Step::Question(n), Action::Choose { question, option }) if n == question => {
                let q = &QUESTIONS[n];
                if usize::from(option) >= q.options.len() || self.choices[n] == Some(option) {
                    return None;
                }
                next.choices[n] = Some(option);
                next.needs_answer = false;
                next.emit(WidgetEvent::answer(n, option));
            }
            (Step::Question(n), Action::Next) => return self.forward(n, next),
            (Step::Question(n), Action::Advance { question, option }) => {
                if n != question || self.choices[n] != Some(option) {
                    return None;
                }
                return self.apply(Action::Next);
            }
            (Step::Question(n), Action::Back) => {
                next.needs_answer = false;
                next.step = match n {
                    0 if self.show_intro => Step::Intro,
                    0 => return None,
                    _ => Step::Question(n - 1),
                };
            }
            // Already at the very beginning: a reset changes nothing and announces nothing.
            (step, Action::Reset) if self.answered() == 0 && step == self.first_step() => {
                return None
            }
            (_, Action::Reset)
            | (Step::Result, Action::Restart)
            | (Step::Result, Action::Forget) => return Some(self.start_over(forgetting)),
            _ => return None,
        }
        Some(next)
    }

    /// Next on question `n`, making `next` from a copy of this state: the next question, or the
    /// result after the last one; without an answer, a note of what is missing.
    fn forward(&self, n: usize, mut next: Self) -> Option<Self> {
        if self.choices[n].is_none() {
            if self.needs_answer {
                return None;
            }
            next.needs_answer = true;
        } else if n + 1 < QUESTIONS.len() {
            next.step = Step::Question(n + 1);
        } else {
            let first_open = self.choices.iter().position(Option::is_none);
            match (first_open, self.answers().map(|a| score(&a))) {
                (None, Some(Ok(outcome))) => {
                    if let Some(code) = self.code() {
                        next.emit(WidgetEvent::complete(&outcome, &code, self.perspective));
                    }
                    next.outcome = Some(outcome);
                    next.step = Step::Result;
                }
                (Some(open), _) => {
                    next.step = Step::Question(open);
                    next.needs_answer = true;
                }
                // Choices only ever hold valid option indices, so scoring cannot fail; staying
                // put is the safe answer if it ever did.
                _ => return None,
            }
        }
        Some(next)
    }

    /// Back to the beginning, after a host reset, a retake, or (`forgetting`) the visitor's
    /// wish to forget their answers, which forgets the previous result too. The widget stays
    /// shown (no second `ready`), and the events keep their numbers running so the next `start`
    /// is seen as new.
    fn start_over(&self, forgetting: bool) -> Self {
        let mut fresh = Assessment::new(true, self.perspective);
        fresh.show_intro = self.show_intro;
        fresh.events = self.events.clone();
        fresh.storage_note = self.storage_note;
        fresh.previous = match (forgetting, &self.outcome) {
            (true, _) => None,
            (false, Some(_)) => self.answers(),
            (false, None) => self.previous.clone(),
        };
        if !self.show_intro {
            fresh.step = Step::Question(0);
            fresh.emit(WidgetEvent::start(self.perspective));
        }
        fresh
    }

    /// Restores a saved visitor: same screen, same answers, same previous result. Only `ready`
    /// is announced; the visitor simply carries on.
    pub fn resume(snapshot: &Snapshot, show_intro: bool, perspective: Perspective) -> Self {
        let mut a = Assessment::new(true, perspective);
        a.show_intro = show_intro;
        a.choices = snapshot.choices.clone();
        a.previous = snapshot.previous.clone();
        a.step = match snapshot.step {
            Step::Intro if !show_intro => Step::Question(0),
            Step::Result => match a.answers().map(|answers| score(&answers)) {
                Some(Ok(outcome)) => {
                    a.outcome = Some(outcome);
                    Step::Result
                }
                _ => Step::Question(0),
            },
            step => step,
        };
        a
    }

    /// The screen a fresh visitor sees first.
    fn first_step(&self) -> Step {
        if self.show_intro {
            Step::Intro
        } else {
            Step::Question(0)
        }
    }

    /// The result code of the complete answers, once every question has one.
    pub fn code(&self) -> Option<ResultCode> {
        self.answers()
            .and_then(|a| encode(&a, self.perspective).ok())
    }

    /// The shared result being shown, with its code.
    pub fn shared_result(&self) -> Option<(Outcome, ResultCode)> {
        let (answers, perspective) = self.shared.as_ref()?;
        Some((score(answers).ok()?, encode(answers, *perspective).ok()?))
    }

    /// The perspective of what is on screen: a shared result's own, else the widget's.
    pub fn shown_perspective(&self) -> Perspective {
        self.shared.as_ref().map_or(self.perspective, |(_, p)| *p)
    }

    /// The previous result, scored again.
    pub fn previous_outcome(&self) -> Option<Outcome> {
        self.previous.as_ref().and_then(|p| score(p).ok())
    }

    /// The state after each of `actions` in turn; actions that change nothing are passed over.
    pub fn replay<'a>(self, actions: impl IntoIterator<Item = &'a Action>) -> Self {
        actions
            .into_iter()
            .fold(self, |a, action| a.apply(action.clone()).unwrap_or(a))
    }

    /// What to save so a reload can [`resume`](Assessment::resume).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            step: self.step,
            choices: self.choices.clone(),
            previous: self.previous.clone(),
        }
    }

    fn emit(&mut self, event: WidgetEvent) {
        let seq = self.last_event() + 1;
        if self.events.len() == EVENT_LOG {
            self.events.remove(0);
        }
        self.events.push((seq, Rc::new(event)));
    }
}
