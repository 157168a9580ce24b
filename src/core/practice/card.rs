//! The practice card: a prompt to paste into any AI tool, a follow-up, the traps of a first bad
//! result and why the card fits the visitor's biggest gap. A card is put together from parts
//! (the role's context, the task's texts, its kind's constraints and traps, the gap's line), so
//! every role × task × gap reads whole in every language without a text per combination.

use crate::core::lead::{invisible, steers};
use crate::core::model::Dimension;

use super::roles::{role, Kind, Role, Task};
use super::texts::{MissingText, PracticeTexts};

/// The longest own task, in characters.
pub const MAX_OWN_TASK: usize = 200;

/// The task id a form sends for "my own task".
pub const OWN_TASK: &str = "own";

/// The visitor's own task, as typed: at most [`MAX_OWN_TASK`] characters, something visible,
/// nothing that steers how text is shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OwnTask(String);

impl OwnTask {
    /// Checks what the visitor typed; the message key of the problem when it cannot be used.
    /// The text is kept as typed, only trimmed.
    pub fn new(text: &str) -> Result<OwnTask, &'static str> {
        let text = text.trim();
        if !text.chars().any(|c| !c.is_whitespace() && !invisible(c)) {
            return Err(if text.is_empty() {
                "log.error.task"
            } else {
                "log.error.hidden"
            });
        }
        if text.chars().any(steers) {
            return Err("log.error.hidden");
        }
        if text.chars().count() > MAX_OWN_TASK {
            return Err("log.error.own_long");
        }
        Ok(OwnTask(text.to_string()))
    }

    /// The text as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The task a card is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskChoice {
    /// One of the role's tasks, by id.
    Listed(String),
    /// The visitor's own task.
    Own(OwnTask),
}

/// One trap of a first bad result, and how to get past it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trap {
    /// What goes wrong.
    pub trap: String,
    /// What to do about it.
    pub fix: String,
}

/// A practice card, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// The whole prompt to copy: context, task, what to give, output wanted, constraints, each
    /// under its heading, separated by blank lines.
    pub prompt: String,
    /// One follow-up prompt that improves the first answer.
    pub follow_up: String,
    /// Three traps: two of the task's kind, then the gap's.
    pub traps: Vec<Trap>,
    /// Why this card fits the gap, in one line.
    pub why: String,
}

/// Why a card could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardError {
    /// No role has this id.
    UnknownRole(String),
    /// The role has no task with this id.
    UnknownTask {
        /// The role's id.
        role: String,
        /// The task id given.
        task: String,
    },
    /// The catalog lacks a text the card needs.
    Missing(MissingText),
}

impl From<MissingText> for CardError {
    fn from(missing: MissingText) -> Self {
        CardError::Missing(missing)
    }
}

impl std::fmt::Display for CardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CardError::UnknownRole(role) => write!(f, "there is no role \"{role}\""),
            CardError::UnknownTask { role, task } => {
                write!(f, "the role \"{role}\" has no task \"{task}\"")
            }
            CardError::Missing(missing) => missing.fmt(f),
        }
    }
}

impl std::error::Error for CardError {}

/// The card for `task` of the role with id `role`, fitted to `gap`, in the language of `texts`.
/// The same arguments always give the same card.
pub fn card(
    texts: &PracticeTexts,
    role_id: &str,
    task: &TaskChoice,
    gap: Dimension,
) -> Result<Card, CardError> {
    let role = role(role_id).ok_or_else(|| CardError::UnknownRole(role_id.to_string()))?;
    let (kind, ask, give, output) = match task {
        TaskChoice::Listed(id) => {
            let task = listed(role, id)?;
            (
                task.kind,
                texts.text(&role.task_key(task, Some("ask")))?.to_string(),
                texts.text(&role.task_key(task, Some("give")))?,
                texts.text(&role.task_key(task, Some("output")))?,
            )
        }
        TaskChoice::Own(own) => (
            Kind::Own,
            own.as_str().to_string(),
            texts.text("own.give")?,
            texts.text("own.output")?,
        ),
    };
    let kind_prefix = format!("kind.{}", kind.id());
    let gap_prefix = format!("gap.{}", gap.id());
    let sections = [
        (
            texts.text("card.context")?,
            texts.text(&role.context_key())?,
        ),
        (texts.text("card.task")?, ask.as_str()),
        (texts.text("card.give")?, give),
        (texts.text("card.output")?, output),
    ];
    let mut prompt = String::new();
    for (heading, body) in sections {
        prompt.push_str(heading);
        prompt.push('\n');
        prompt.push_str(body);
        prompt.push_str("\n\n");
    }
    prompt.push_str(texts.text("card.rules")?);
    for rule in [
        part(texts, &kind_prefix, "rules")?,
        part(texts, &gap_prefix, "rule")?,
    ] {
        prompt.push_str("\n- ");
        prompt.push_str(rule);
    }
    Ok(Card {
        prompt,
        follow_up: part(texts, &kind_prefix, "follow")?.to_string(),
        traps: vec![
            trap(texts, &kind_prefix, "1")?,
            trap(texts, &kind_prefix, "2")?,
            trap(texts, &gap_prefix, "")?,
        ],
        why: part(texts, &gap_prefix, "why")?.to_string(),
    })
}

/// The role's task with this id.
fn listed<'a>(role: &'a Role, id: &str) -> Result<&'a Task, CardError> {
    role.task(id).ok_or_else(|| CardError::UnknownTask {
        role: role.id.to_string(),
        task: id.to_string(),
    })
}

/// One part of a kind's or a gap's texts: `kind.write` and `rules` give `kind.write.rules`.
fn part<'a>(texts: &'a PracticeTexts, prefix: &str, part: &str) -> Result<&'a str, MissingText> {
    texts.text(&format!("{prefix}.{part}"))
}

/// The trap numbered `n` (empty for a gap's one trap) under `prefix`, with its fix.
fn trap(texts: &PracticeTexts, prefix: &str, n: &str) -> Result<Trap, MissingText> {
    Ok(Trap {
        trap: part(texts, prefix, &format!("trap{n}"))?.to_string(),
        fix: part(texts, prefix, &format!("fix{n}"))?.to_string(),
    })
}
