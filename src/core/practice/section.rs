//! The practice section as one state with its transitions, for the UI's `Reducible`: what the
//! visitor picked and typed, the form's problems, the log and the clear-all confirmation. Every
//! transition is pure; saving the log and dispatching the event are the UI's effects, driven by
//! [`Practice::saved_version`] and [`Practice::logged`].

use serde::Serialize;

use crate::core::model::{Dimension, Perspective};

use super::card::{card, Card, CardError, OwnTask, TaskChoice, OWN_TASK};
use super::evidence::{evidence, Evidence};
use super::log::{check, Day, Entry, EntryField, EntryInput, EntryProblem};
use super::roles::role;
use super::stored::{Log, StoredProblem};
use super::texts::PracticeTexts;

/// The practice section's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Practice {
    /// The gap the cards are for: the result's biggest gap (or weakest area at Operating).
    pub gap: Dimension,
    /// Whose result opened it; travels in the event.
    pub perspective: Perspective,
    /// The form as typed, kept whole when a field is refused. `gap` is filled in from
    /// [`Practice::gap`], `date` on submit.
    pub input: EntryInput,
    /// The last submit's problems, in form order; empty once it went through.
    pub problems: Vec<EntryProblem>,
    /// The log.
    pub log: Log,
    /// Whether the clear-all confirmation is showing.
    pub confirm_clear: bool,
    /// Counts changes to the log: the UI saves when it moves.
    pub saved_version: u64,
    /// The entry the last submit logged, until the next action: the UI sends its event.
    pub logged: Option<Entry>,
}

/// What the visitor does in the practice section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PracticeAction {
    /// Picks a role (`select[name="role"]`); the task is picked again.
    PickRole(String),
    /// Picks a task of the role, or [`OWN_TASK`].
    PickTask(String),
    /// Types into a field of the log form (or `ownTask`).
    Type {
        /// Which field.
        field: EntryField,
        /// Its whole new value.
        value: String,
    },
    /// Submits the log form on `today` (`YYYY-MM-DD`), the new entry taking `id`.
    Submit {
        /// Today's date.
        today: String,
        /// A new entry id (`log::entry_id`).
        id: String,
    },
    /// Deletes one entry.
    Delete(String),
    /// Asks to clear everything: shows the confirmation.
    AskClear,
    /// Closes the confirmation without clearing.
    CancelClear,
    /// Clears the log, once confirmed.
    ConfirmClear,
    /// What storage holds now (another tab may have written): merged in, nothing lost.
    Stored(String),
}

/// The detail of a logged entry for the host's event and delivery: never a note, never the
/// own task's text (its task is then `own`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PracticeDetail {
    /// The role's id.
    pub role: String,
    /// The task's id, or `own`.
    pub task: String,
    /// The gap's dimension id.
    pub gap: &'static str,
    /// Entries in the log after this one.
    pub entries: u32,
    /// The median percentage saved, if any entry has both times.
    pub median_saved: Option<i32>,
    /// `team` or `self`.
    pub perspective: &'static str,
}

impl Practice {
    /// The section for a result's `gap`, with the log storage held (`None` when it held
    /// nothing); what could not be read comes back for a console warning.
    pub fn new(
        gap: Dimension,
        perspective: Perspective,
        stored: Option<&str>,
    ) -> (Practice, Vec<StoredProblem>) {
        let (log, problems) = stored.map(Log::parse).unwrap_or_default();
        let practice = Practice {
            gap,
            perspective,
            input: EntryInput {
                gap: gap.id().to_string(),
                ..EntryInput::default()
            },
            problems: Vec::new(),
            log,
            confirm_clear: false,
            saved_version: 0,
            logged: None,
        };
        (practice, problems)
    }

    /// The state after `action`, or `None` when nothing changed (the UI then keeps its `Rc`).
    pub fn apply(&self, action: PracticeAction) -> Option<Practice> {
        let mut next = self.clone();
        next.logged = None;
        match action {
            PracticeAction::PickRole(id) => {
                let id = role(&id)?.id.to_string();
                if next.input.role == id {
                    return None;
                }
                next.input.role = id;
                next.input.task.clear();
            }
            PracticeAction::PickTask(id) => {
                let known =
                    id == OWN_TASK || role(&next.input.role).is_some_and(|r| r.task(&id).is_some());
                if !known || next.input.task == id {
                    return None;
                }
                next.input.task = id;
            }
            PracticeAction::Type { field, value } => {
                let slot = match field {
                    EntryField::OwnTask => &mut next.input.own_task,
                    EntryField::MinutesWithout => &mut next.input.minutes_without,
                    EntryField::MinutesWith => &mut next.input.minutes_with,
                    EntryField::Quality => &mut next.input.quality,
                    EntryField::Again => &mut next.input.again,
                    EntryField::Note => &mut next.input.note,
                    // Picked, not typed; the gap and date are filled in.
                    EntryField::Role | EntryField::Task | EntryField::Gap | EntryField::Date => {
                        return None
                    }
                };
                if *slot == value {
                    return None;
                }
                *slot = value;
            }
            PracticeAction::Submit { today, id } => {
                next.input.date = today;
                next.input.gap = next.gap.id().to_string();
                match check(&next.input, &id) {
                    Ok(entry) => {
                        if !next.log.add(entry.clone()) {
                            return None;
                        }
                        // The role and task stay picked for the next time; the numbers go.
                        let EntryInput {
                            role,
                            task,
                            own_task,
                            gap,
                            ..
                        } = next.input;
                        next.input = EntryInput {
                            role,
                            task,
                            own_task,
                            gap,
                            ..EntryInput::default()
                        };
                        next.problems.clear();
                        next.saved_version += 1;
                        next.logged = Some(entry);
                    }
                    Err(problems) => next.problems = problems,
                }
            }
            PracticeAction::Delete(id) => {
                if !next.log.delete(&id) {
                    return None;
                }
                next.saved_version += 1;
            }
            PracticeAction::AskClear if !next.log.entries().is_empty() => next.confirm_clear = true,
            PracticeAction::CancelClear if next.confirm_clear => next.confirm_clear = false,
            PracticeAction::ConfirmClear if next.confirm_clear => {
                next.log.clear();
                next.confirm_clear = false;
                next.saved_version += 1;
            }
            PracticeAction::AskClear
            | PracticeAction::CancelClear
            | PracticeAction::ConfirmClear => return None,
            PracticeAction::Stored(text) => {
                let (theirs, _) = Log::parse(&text);
                let merged = next.log.merge(&theirs);
                if merged == next.log {
                    return None;
                }
                next.log = merged;
            }
        }
        (next != *self).then_some(next)
    }

    /// The task picked, as a card needs it; `None` until a task is picked (or while the own
    /// task's text cannot be used).
    pub fn task(&self) -> Option<TaskChoice> {
        match self.input.task.as_str() {
            "" => None,
            OWN_TASK => OwnTask::new(&self.input.own_task).ok().map(TaskChoice::Own),
            id => Some(TaskChoice::Listed(id.to_string())),
        }
    }

    /// The card for what is picked, in the language of `texts`; `None` until a role and a task
    /// are picked.
    pub fn card(&self, texts: &PracticeTexts) -> Option<Result<Card, CardError>> {
        let task = self.task()?;
        role(&self.input.role)?;
        Some(card(texts, &self.input.role, &task, self.gap))
    }

    /// The evidence on `today`.
    pub fn evidence(&self, today: Day) -> Evidence {
        evidence(self.log.entries(), today)
    }

    /// The event detail of the entry just logged, if the last action logged one.
    pub fn logged_detail(&self) -> Option<PracticeDetail> {
        let entry = self.logged.as_ref()?;
        let task = match &entry.task {
            super::log::TaskRef::Listed(id) => id.clone(),
            super::log::TaskRef::Own(_) => OWN_TASK.to_string(),
        };
        let all = evidence(self.log.entries(), entry.day);
        Some(PracticeDetail {
            role: entry.role.clone(),
            task,
            gap: entry.gap.id(),
            entries: all.entries,
            median_saved: all.median_saved,
            perspective: self.perspective.id(),
        })
    }
}
