//! Saved progress: where a visitor is, their answers so far and their previous result, as a
//! short versioned text the embed layer keeps in `localStorage`.
//!
//! Format (version 1): `1/<model>/<step>/<choices>/<previous>`
//! - `<model>`: the model version the answers belong to;
//! - `<step>`: `i` (intro), `q<n>` (question n, 0-based) or `r` (result);
//! - `<choices>`: one character per question, the option index `0`-`9` or `-` when unanswered;
//! - `<previous>`: the answers of the previous completed result, same alphabet without `-`, or
//!   empty when there is none.
//!
//! Anything else decodes to a [`ProgressError`]; the caller drops it with a warning and starts
//! fresh, so a corrupt or foreign value can never break the widget.

use super::bank::{QUESTIONS, QUESTION_SET};
use super::model::{Answers, Step};
use super::scoring::validate;

/// The format version written by [`Snapshot::encode`].
pub const FORMAT: &str = "1";

/// What is saved of one visitor's assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The screen they were on.
    pub step: Step,
    /// Their answer per question so far.
    pub choices: Vec<Option<u8>>,
    /// The answers behind their previous result, for showing the change on a retake.
    pub previous: Option<Answers>,
}

/// Why a saved value was not usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressError {
    /// Not `/`-separated into five parts, or written by another format version.
    UnknownFormat,
    /// Saved for another model version, whose answers mean something else.
    OtherModel {
        /// The model version found.
        found: String,
    },
    /// A part does not fit the current question bank.
    Corrupt {
        /// Which part.
        part: &'static str,
    },
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::UnknownFormat => write!(f, "saved progress is not in a format this version reads"),
            ProgressError::OtherModel { found } => write!(
                f,
                "saved progress belongs to question set {found:.12}, this is question set {QUESTION_SET}"
            ),
            ProgressError::Corrupt { part } => write!(f, "saved progress has an unreadable {part}"),
        }
    }
}

impl std::error::Error for ProgressError {}

impl Snapshot {
    /// The saved text.
    pub fn encode(&self) -> String {
        let step = match self.step {
            Step::Intro => "i".to_string(),
            Step::Question(n) => format!("q{n}"),
            Step::Result => "r".to_string(),
        };
        let choices: String = self
            .choices
            .iter()
            .map(|c| c.map_or('-', |o| char::from(b'0' + o.min(9))))
            .collect();
        let previous: String = self
            .previous
            .iter()
            .flat_map(|a| a.0.iter().map(|&o| char::from(b'0' + o.min(9))))
            .collect();
        format!("{FORMAT}/{QUESTION_SET}/{step}/{choices}/{previous}")
    }

    /// Reads a saved text back, checking every part against the current question bank.
    pub fn decode(text: &str) -> Result<Snapshot, ProgressError> {
        let parts: Vec<&str> = text.split('/').collect();
        let [format, model, step, choices, previous] = parts.as_slice() else {
            return Err(ProgressError::UnknownFormat);
        };
        if *format != FORMAT {
            return Err(ProgressError::UnknownFormat);
        }
        if *model != QUESTION_SET {
            return Err(ProgressError::OtherModel {
                found: model.to_string(),
            });
        }
        let choices = decode_choices(choices).ok_or(ProgressError::Corrupt {
            part: "answer list",
        })?;
        let step = match *step {
            "i" => Step::Intro,
            "r" if choices.iter().all(Option::is_some) => Step::Result,
            q => q
                .strip_prefix('q')
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|&n| n < QUESTIONS.len())
                .map(Step::Question)
                .ok_or(ProgressError::Corrupt { part: "step" })?,
        };
        let previous = match *previous {
            "" => None,
            p => Some(
                decode_choices(p)
                    .and_then(|c| c.into_iter().collect::<Option<Vec<u8>>>())
                    .map(Answers)
                    .ok_or(ProgressError::Corrupt {
                        part: "previous result",
                    })?,
            ),
        };
        Ok(Snapshot {
            step,
            choices,
            previous,
        })
    }
}

/// One character per question: a valid option index or `-`.
fn decode_choices(text: &str) -> Option<Vec<Option<u8>>> {
    if text.chars().count() != QUESTIONS.len() {
        return None;
    }
    let choices: Vec<Option<u8>> = text
        .chars()
        .map(|c| match c {
            '-' => Some(None),
            d => d.to_digit(10).and_then(|v| u8::try_from(v).ok()).map(Some),
        })
        .collect::<Option<_>>()?;
    let filled: Vec<u8> = choices.iter().map(|c| c.unwrap_or(0)).collect();
    validate(&Answers(filled)).ok()?;
    Some(choices)
}
