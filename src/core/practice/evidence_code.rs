//! Evidence codes: a person's practice evidence as a short code they can paste for their lead,
//! beside their `S-` result code. It carries four numbers and nothing else: never a note, never
//! a task, never a date.
//!
//! ## Format
//!
//! `P-XXXXXXX-C`: nine symbols of the result codes' alphabet (`core::code`), read the same way
//! (any case, `O` as `0`, `I` and `L` as `1`, spaces and hyphens anywhere).
//!
//! | part | symbols | meaning |
//! |---|---|---|
//! | kind | 1 | `P`, practice evidence, format 1 (a later format would take `Q`) |
//! | numbers | 7 | one mixed-radix number in base 31, most significant first |
//! | check | 1 | the result codes' check character: catches every single typo and swap |
//!
//! The number is `((entries · 1000 + better) · 202 + median) · 100 + streak`, where `entries`
//! and `better` are capped at 999, `streak` (weeks) at 99, and `median` is 0 for none, else the
//! median percentage saved clamped to −100…100, plus 101. That is 20,200,000,000 values, below
//! 31⁷. A code whose numbers no log can give (better above entries, a median or a streak without
//! entries) is refused.

use crate::core::code::{check_value, is_separator, symbol, value_of};

use super::evidence::Evidence;

/// The value of `P`, the kind symbol of practice evidence codes.
const KIND: u8 = 22;
/// Symbols in a code, without separators.
const LEN: usize = 9;
/// Symbols of the numbers part.
const DIGITS: usize = 7;
/// The largest entries and better counts a code holds.
pub const MAX_COUNT: u32 = 999;
/// The longest streak a code holds, in weeks.
pub const MAX_STREAK: u32 = 99;
const MEDIANS: u64 = 202;
const COMBINATIONS: u64 = 1000 * 1000 * MEDIANS * 100;

/// A valid evidence code in canonical form, such as `P-00K3M7Q-4`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EvidenceCode(String);

impl EvidenceCode {
    /// The canonical text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EvidenceCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a text is not an evidence code. Each has a practice text ([`EvidenceCodeError::key`])
/// with the placeholders of [`EvidenceCodeError::args`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceCodeError {
    /// Nothing but separators.
    Empty,
    /// A character no code contains.
    BadCharacter {
        /// As typed.
        character: char,
        /// Its position, from 1, separators counted.
        position: usize,
    },
    /// Not a practice code: another kind of code (an `S-` result code), or something else.
    NotPractice,
    /// Too many or too few symbols.
    WrongLength {
        /// Symbols counted, separators not.
        got: usize,
    },
    /// The check character does not match: a typo.
    BadCheck,
    /// Numbers that no practice log can have.
    OutOfRange,
}

impl EvidenceCodeError {
    /// The key of the practice text that explains it.
    pub fn key(&self) -> &'static str {
        match self {
            EvidenceCodeError::Empty => "code.error.empty",
            EvidenceCodeError::BadCharacter { .. } => "code.error.character",
            EvidenceCodeError::NotPractice => "code.error.kind",
            EvidenceCodeError::WrongLength { .. } => "code.error.length",
            EvidenceCodeError::BadCheck => "code.error.check",
            EvidenceCodeError::OutOfRange => "code.error.range",
        }
    }

    /// The values of the text's placeholders (numbers as digits; the UI writes them for its
    /// language).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            EvidenceCodeError::BadCharacter {
                character,
                position,
            } => vec![
                ("character", crate::core::code::shown(*character)),
                ("position", position.to_string()),
            ],
            EvidenceCodeError::WrongLength { got } => {
                vec![("expected", LEN.to_string()), ("got", got.to_string())]
            }
            _ => Vec::new(),
        }
    }
}

impl std::fmt::Display for EvidenceCodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvidenceCodeError::Empty => f.write_str("the practice code is empty"),
            EvidenceCodeError::BadCharacter {
                character,
                position,
            } => write!(
                f,
                "\"{}\" at position {position} does not belong in a practice code",
                crate::core::code::shown(*character)
            ),
            EvidenceCodeError::NotPractice => f.write_str("this is not a practice code"),
            EvidenceCodeError::WrongLength { got } => write!(
                f,
                "a practice code has {LEN} characters besides the hyphens, this one has {got}"
            ),
            EvidenceCodeError::BadCheck => {
                f.write_str("the practice code's check character does not match: a typo")
            }
            EvidenceCodeError::OutOfRange => {
                f.write_str("the practice code holds numbers no practice log can have")
            }
        }
    }
}

impl std::error::Error for EvidenceCodeError {}

/// The code of `evidence`, its numbers capped as the format says (so a code of 1,200 entries
/// reads back as 999).
pub fn evidence_code(evidence: &Evidence) -> EvidenceCode {
    let entries = u64::from(evidence.entries.min(MAX_COUNT));
    let better = u64::from(evidence.better.min(evidence.entries).min(MAX_COUNT));
    let median = evidence
        .median_saved
        .map_or(0, |m| (i64::from(m).clamp(-100, 100) + 101) as u64);
    let streak = u64::from(evidence.streak_weeks.min(MAX_STREAK));
    let mut number = ((entries * 1000 + better) * MEDIANS + median) * 100 + streak;
    let mut values = [0u8; LEN];
    values[0] = KIND;
    for slot in values[1..=DIGITS].iter_mut().rev() {
        *slot = (number % 31) as u8;
        number /= 31;
    }
    values[LEN - 1] = check_value(&values[..LEN - 1]);
    canonical(&values)
}

fn canonical(values: &[u8; LEN]) -> EvidenceCode {
    let mut text = String::with_capacity(LEN + 2);
    for (i, &v) in values.iter().enumerate() {
        if i == 1 || i == LEN - 1 {
            text.push('-');
        }
        text.push(symbol(v));
    }
    EvidenceCode(text)
}

/// Whether `text` looks meant as an evidence code: its first symbol is `P`. The team view uses
/// it to tell a bad practice code from a bad result code.
pub fn looks_like_evidence_code(text: &str) -> bool {
    text.chars()
        .find(|c| !is_separator(*c))
        .is_some_and(|c| c.eq_ignore_ascii_case(&'p'))
}

/// Reads an evidence code as typed: the code in canonical form and what it carries.
pub fn read_evidence_code(text: &str) -> Result<(EvidenceCode, Evidence), EvidenceCodeError> {
    let mut values = [0u8; LEN];
    let mut count = 0usize;
    for (position, c) in text.chars().enumerate() {
        if is_separator(c) {
            continue;
        }
        let value = value_of(c).ok_or(EvidenceCodeError::BadCharacter {
            character: c,
            position: position + 1,
        })?;
        if let Some(slot) = values.get_mut(count) {
            *slot = value;
        }
        count += 1;
    }
    if count == 0 {
        return Err(EvidenceCodeError::Empty);
    }
    let checks = count == LEN && check_value(&values[..LEN - 1]) == values[LEN - 1];
    if values[0] != KIND {
        // Nine symbols that fail the check are a typo in the kind; anything else is another code.
        return Err(if count == LEN && !checks {
            EvidenceCodeError::BadCheck
        } else {
            EvidenceCodeError::NotPractice
        });
    }
    if count != LEN {
        return Err(EvidenceCodeError::WrongLength { got: count });
    }
    if !checks {
        return Err(EvidenceCodeError::BadCheck);
    }
    let number = values[1..=DIGITS]
        .iter()
        .fold(0u64, |n, &d| n * 31 + u64::from(d));
    if number >= COMBINATIONS {
        return Err(EvidenceCodeError::OutOfRange);
    }
    let streak = (number % 100) as u32;
    let rest = number / 100;
    let median = rest % MEDIANS;
    let rest = rest / MEDIANS;
    let (better, entries) = ((rest % 1000) as u32, (rest / 1000) as u32);
    let empty = entries == 0 && (median != 0 || streak != 0);
    if better > entries || empty {
        return Err(EvidenceCodeError::OutOfRange);
    }
    let evidence = Evidence {
        entries,
        median_saved: (median != 0).then(|| median as i32 - 101),
        better,
        streak_weeks: streak,
    };
    Ok((canonical(&values), evidence))
}
