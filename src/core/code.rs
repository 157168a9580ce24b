//! Result codes: a finished assessment as a short code a person can read aloud or type.
//!
//! A team lead collects these codes from their people and pastes them into the team view, so a
//! code must survive being dictated, retyped and copied between tools, and a typo must be caught
//! rather than turn into somebody else's result.
//!
//! ## Format
//!
//! A code looks like `1-7KD3Q-W`: seven characters, shown in three groups.
//!
//! | part | characters | meaning |
//! |---|---|---|
//! | version | 1 | the question set and perspective: `1` a lead about their team, `S` a person about their own work |
//! | answers | 5 | the twelve option indices as one number, in base 31 |
//! | check | 1 | catches typos |
//!
//! - **Alphabet.** 31 symbols with values 0-30: `0123456789ABCDEFGHJKMNPQRSTVWXY` (Crockford's
//!   base 32 without `Z`, which reads like `2`). There is no `I`, `L`, `O`, `U` or `Z`.
//! - **Reading.** Case does not matter; `O` reads as `0`, `I` and `L` as `1`. Spaces, hyphens
//!   (also typographic dashes) and zero-width characters are ignored, so `17kd3qw`,
//!   `1 7KD3Q W` and `1-7KD3Q-W` are the same code. The canonical form is upper case with
//!   hyphens after the version and before the check character.
//! - **Answers.** The option indices `a₁ … a₁₂` of the version's questions, with option counts
//!   `n₁ … n₁₂`, form one mixed-radix number `(…((a₁·n₂ + a₂)·n₃ + a₃)…)·n₁₂ + a₁₂`, written in base 31 with
//!   the most significant digit first and padded with `0` to five digits. Version 1 has option
//!   counts 5, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4: 26,214,400 combinations, below 31⁵.
//! - **Check character.** For a code of `n` symbols `v₁ … vₙ` (the check is `vₙ`), the weighted
//!   sum `n·v₁ + (n−1)·v₂ + … + 1·vₙ` is a multiple of 31. Because 31 is prime and every weight
//!   and every difference of two weights lies between 1 and 30, changing any one character or
//!   swapping any two different characters always changes the sum: every single-character
//!   mistake and every transposition is detected.
//! - **Versions.** Each question set keeps its own table of option counts here, so codes of an
//!   older version still decode after the question bank changes. The version character names the
//!   question set and the perspective: `1` is question set 1 asked of a lead about their team
//!   (every code issued before the self perspective existed), `S` the same questions asked of a
//!   person about their own work (`S-7KD3Q-…`). A later team set would take `2`, its self twin `T`.
//!
//! Decoding never panics: any text yields either the answers or a `CodeError` saying what is
//! wrong and where.

use super::bank::QUESTION_SET;
use super::model::{Answers, Perspective};
use super::scoring::{validate, ScoreError};

/// The symbols of a code, by value.
const ALPHABET: [u8; 31] = *b"0123456789ABCDEFGHJKMNPQRSTVWXY";
/// The alphabet size: a prime, which is what makes the check character catch every typo.
const BASE: u64 = 31;
/// No code of any version is longer than this (not counting separators).
const MAX_LEN: usize = 12;

/// How the codes of one question set are laid out.
struct Format {
    /// The question set, as in [`QUESTION_SET`].
    version: &'static str,
    /// Who answered: a lead about their team or a person about their own work.
    perspective: Perspective,
    /// The value of the version character.
    symbol: u8,
    /// How many options each question of that version has, in bank order.
    options: &'static [u8],
}

/// Option counts of question set 1, in bank order.
const V1_OPTIONS: [u8; 12] = [5, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4];

/// Every question set whose codes can be read. Never change a row: issued codes depend on it.
const FORMATS: [Format; 2] = [
    Format {
        version: "1",
        perspective: Perspective::Team,
        symbol: 1,
        options: &V1_OPTIONS,
    },
    Format {
        version: "1",
        perspective: Perspective::Person,
        // `S`, for self.
        symbol: 25,
        options: &V1_OPTIONS,
    },
];

impl Format {
    fn by_version(version: &str, perspective: Perspective) -> Option<&'static Format> {
        FORMATS
            .iter()
            .find(|f| f.version == version && f.perspective == perspective)
    }

    fn by_symbol(symbol: u8) -> Option<&'static Format> {
        FORMATS.iter().find(|f| f.symbol == symbol)
    }

    /// How many answer combinations exist.
    fn combinations(&self) -> u64 {
        self.options
            .iter()
            .fold(1u64, |n, &o| n.saturating_mul(u64::from(o)))
    }

    /// How many base-31 digits the answers take.
    fn payload_len(&self) -> usize {
        let combinations = self.combinations();
        let mut digits = 1;
        let mut room = BASE;
        while room < combinations && digits < MAX_LEN {
            room = room.saturating_mul(BASE);
            digits += 1;
        }
        digits
    }

    /// Length of a whole code: version, answers, check.
    fn code_len(&self) -> usize {
        self.payload_len() + 2
    }
}

/// A valid result code in its canonical form, such as `1-7KD3Q-W`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResultCode(String);

impl ResultCode {
    /// The canonical text of the code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ResultCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a code holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The code in canonical form.
    pub code: ResultCode,
    /// The chosen option per question of the code's question set.
    pub answers: Answers,
    /// The question set the answers belong to.
    pub question_set: &'static str,
    /// Who answered: codes from before the self perspective are all `Team`.
    pub perspective: Perspective,
}

/// Why a code could not be made or read. Its `Display`, the English catalog's text, is written
/// in the `text` module beside the sentence it reuses, so this module needs no catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// The answers to encode do not fit the question bank.
    Answers(ScoreError),
    /// There was nothing but separators.
    Empty,
    /// A character that no code contains.
    BadCharacter {
        /// The character as typed.
        character: char,
        /// Its position in the text, counting from 1 and including separators.
        position: usize,
    },
    /// Too many or too few characters, not counting separators.
    WrongLength {
        /// How many a code has.
        expected: usize,
        /// How many were given.
        got: usize,
    },
    /// The check character does not match the rest: something was mistyped.
    BadCheck {
        /// The check character the rest of the code calls for.
        expected: char,
        /// The check character given.
        got: char,
    },
    /// The model version has no code format here, typically a code from a newer widget.
    UnknownVersion {
        /// The version as given.
        version: String,
    },
    /// The answer part is larger than any set of answers of that version.
    PayloadOutOfRange {
        /// The answer characters as given, canonical case.
        payload: String,
        /// The model version.
        version: &'static str,
    },
}

impl std::error::Error for CodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CodeError::Answers(e) => Some(e),
            _ => None,
        }
    }
}

/// The symbol for a value below 31.
pub(crate) fn symbol(value: u8) -> char {
    ALPHABET
        .get(usize::from(value))
        .map_or('?', |&b| char::from(b))
}

/// Marks an ASCII character that is not a symbol in [`VALUES`].
const NOT_A_SYMBOL: u8 = u8::MAX;

/// The value of every ASCII character: symbols in either case, and the look-alikes `O`, `I`, `L`.
const VALUES: [u8; 128] = {
    let mut table = [NOT_A_SYMBOL; 128];
    let mut value = 0;
    while value < ALPHABET.len() {
        let upper = ALPHABET[value];
        table[upper as usize] = value as u8;
        table[upper.to_ascii_lowercase() as usize] = value as u8;
        value += 1;
    }
    table[b'O' as usize] = 0;
    table[b'o' as usize] = 0;
    table[b'I' as usize] = 1;
    table[b'i' as usize] = 1;
    table[b'L' as usize] = 1;
    table[b'l' as usize] = 1;
    table
};

/// The value of a typed character, if it is one of the alphabet or a look-alike.
pub(crate) fn value_of(c: char) -> Option<u8> {
    let c = u8::try_from(c).ok()?;
    VALUES
        .get(usize::from(c))
        .copied()
        .filter(|&v| v != NOT_A_SYMBOL)
}

/// A character as a message shows it: invisible ones by code point. (Rust's `escape_debug`
/// would do, but its Unicode tables cost the bundle kilobytes.)
pub(crate) fn shown(c: char) -> String {
    // Invisible and direction-changing characters are named, never echoed: a right-to-left
    // override would reverse the rest of the message that quotes it.
    if c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

/// Echoed input in messages, at most sixty characters with the ellipsis, so a pasted essay
/// stays readable.
pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.char_indices().nth(MAX).is_none() {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(MAX - 1)
        .map_or(text.len(), |(i, _)| i);
    format!("{}…", text.get(..cut).unwrap_or_default())
}

/// Characters a person or a tool may put between the symbols.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}')
}

/// The value the check character must have after `values`, for a code of `values.len() + 1`.
pub(crate) fn check_value(values: &[u8]) -> u8 {
    let n = values.len() as u64 + 1;
    let sum = values
        .iter()
        .zip((2..=n).rev())
        .fold(0u64, |sum, (&v, weight)| {
            (sum + (weight % BASE) * u64::from(v)) % BASE
        });
    ((BASE - sum) % BASE) as u8
}

/// Encodes a complete set of answers of the current question set, given from `perspective`.
pub fn encode(answers: &Answers, perspective: Perspective) -> Result<ResultCode, CodeError> {
    validate(answers).map_err(CodeError::Answers)?;
    let format =
        Format::by_version(QUESTION_SET, perspective).ok_or_else(|| CodeError::UnknownVersion {
            version: QUESTION_SET.to_string(),
        })?;
    // `validate` checked the answers against the bank, and a test pins this version's option
    // counts to the bank's, so every answer fits its radix.
    let mut number = 0u64;
    for (&answer, &options) in answers.0.iter().zip(format.options) {
        number = number * u64::from(options) + u64::from(answer);
    }
    let mut values = vec![format.symbol];
    let mut digits = vec![0u8; format.payload_len()];
    for digit in digits.iter_mut().rev() {
        *digit = (number % BASE) as u8;
        number /= BASE;
    }
    values.extend_from_slice(&digits);
    values.push(check_value(&values));
    Ok(canonical(&values))
}

/// The canonical text of a code's symbol values: `V-PPPPP-C`.
fn canonical(values: &[u8]) -> ResultCode {
    let last = values.len().saturating_sub(1);
    let mut text = String::with_capacity(values.len() + 2);
    for (i, &v) in values.iter().enumerate() {
        if i == 1 || (i == last && i > 1) {
            text.push('-');
        }
        text.push(symbol(v));
    }
    ResultCode(text)
}

/// Reads a code as typed: any case, look-alike letters, spaces and hyphens anywhere.
pub fn decode(text: &str) -> Result<Decoded, CodeError> {
    // Keep at most one symbol more than any code has; beyond that only count.
    let mut kept = [0u8; MAX_LEN + 1];
    let mut count = 0usize;
    for (position, c) in text.chars().enumerate() {
        if is_separator(c) {
            continue;
        }
        let value = value_of(c).ok_or_else(|| CodeError::BadCharacter {
            character: c,
            position: position + 1,
        })?;
        if let Some(slot) = kept.get_mut(count) {
            *slot = value;
        }
        count += 1;
    }
    let values = kept.get(..count).unwrap_or(&kept);
    let (&first, _) = values.split_first().ok_or(CodeError::Empty)?;
    let format = Format::by_symbol(first);
    // An unknown version is measured against today's format: a stray word is then a length
    // problem, and a typo in the version character is caught by the check character below
    // rather than reported as a code from a newer widget.
    let expected = format
        .or_else(|| Format::by_version(QUESTION_SET, Perspective::Team))
        .map_or(MAX_LEN, Format::code_len);
    if count != expected {
        return Err(CodeError::WrongLength {
            expected,
            got: count,
        });
    }
    let (&check, body) = values.split_last().ok_or(CodeError::Empty)?;
    let expected_check = check_value(body);
    if check != expected_check {
        return Err(CodeError::BadCheck {
            expected: symbol(expected_check),
            got: symbol(check),
        });
    }
    let format = format.ok_or_else(|| CodeError::UnknownVersion {
        version: symbol(first).to_string(),
    })?;
    let digits = body.get(1..).unwrap_or_default();
    let number = digits.iter().fold(0u64, |n, &d| {
        n.saturating_mul(BASE).saturating_add(u64::from(d))
    });
    if number >= format.combinations() {
        let payload = digits.iter().map(|&d| symbol(d)).collect();
        return Err(CodeError::PayloadOutOfRange {
            payload,
            version: format.version,
        });
    }
    let mut rest = number;
    let mut answers = vec![0u8; format.options.len()];
    for (answer, &options) in answers.iter_mut().zip(format.options).rev() {
        let options = u64::from(options.max(1));
        *answer = (rest % options) as u8;
        rest /= options;
    }
    Ok(Decoded {
        code: canonical(values),
        answers: Answers(answers),
        question_set: format.version,
        perspective: format.perspective,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issued codes of the current version must mean what the bank means today; if this fails,
    /// the bank changed without a new `QUESTION_SET` and a new row in `FORMATS`.
    #[test]
    fn current_format_matches_the_bank() {
        for perspective in [Perspective::Team, Perspective::Person] {
            let format = Format::by_version(QUESTION_SET, perspective)
                .expect("a format for the current version");
            let bank: Vec<u8> = crate::core::bank::QUESTIONS
                .iter()
                .map(|q| q.options.len() as u8)
                .collect();
            assert_eq!(format.options, bank.as_slice());
            assert_eq!(format.code_len(), 7);
        }
    }

    #[test]
    fn formats_have_distinct_versions_that_fit_a_code() {
        for (i, f) in FORMATS.iter().enumerate() {
            let expected = match f.perspective {
                Perspective::Team => f.version.to_string(),
                // Self sets count on from `S`: `S` for set 1, `T` for set 2.
                Perspective::Person => symbol(24 + f.version.parse::<u8>().unwrap()).to_string(),
            };
            assert_eq!(
                symbol(f.symbol).to_string(),
                expected,
                "version symbol of {}",
                f.version
            );
            assert!(f.code_len() <= MAX_LEN);
            assert!(FORMATS.iter().skip(i + 1).all(|g| g.symbol != f.symbol));
        }
    }
}
