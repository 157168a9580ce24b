//! Reading the result codes a team lead pastes or drops in: a plain list or a small CSV file.
//!
//! ## What a line may hold
//!
//! - One code per line: `1-7KD3Q-W`.
//! - Or separated fields, where **the code is always the last non-empty field**:
//!   `name, code` or `name, team, code`. Empty fields are allowed (`, Sales, 1-7KD3Q-W` has a
//!   team but no name); trailing empty fields, as spreadsheets write them, are ignored. More than
//!   three fields is a problem on that line.
//! - The separator is a comma, a semicolon or a tab, chosen once for the whole text from the
//!   first line that has any of them outside quotes: the one that occurs most often there (ties:
//!   tab, then semicolon, then comma). An Arabic comma (،) counts as a comma, anywhere. So `Müller, Anna;Sales;1-7KD3Q-W` reads as three fields.
//! - Fields may be quoted as in RFC 4180 (`"Smith, Ann"`, `"The ""A"" team"`). A quoted field
//!   ends on its line: a line with an unclosed quote is a problem, and the lines after it are read
//!   as usual.
//! - A UTF-8 byte order mark, `\r\n`, `\r` and `\n` line endings, blank lines and whitespace
//!   around fields are all fine.
//! - A header line is skipped without a problem: any line whose code field is `code` or
//!   `result code` in any case (`Name,Team,Code`).
//!
//! ## Duplicates
//!
//! A line is a duplicate when an earlier line has the same code **and** the same name, names
//! compared without regard to case or extra spaces; the team does not matter. Duplicates are
//! listed and counted once. Lines without a name are never duplicates: colleagues describing the
//! same team can honestly give the same answers, and without a name they cannot be told apart.
//!
//! Parsing never panics and takes time linear in the length of the text.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;

use super::bank::QUESTION_SET;
use super::code::{decode, CodeError, ResultCode};
use super::keys::{team_key, Index};
use super::model::Perspective;
use super::scoring::{score, Outcome};

/// At most this many entries are reserved up front; beyond it the lists grow as needed.
const RESERVE_LINES: usize = 1 << 17;

/// Everything read from a pasted list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    /// The valid codes, in line order, without duplicates.
    pub entries: Vec<RosterEntry>,
    /// Lines that could not be read, in line order.
    pub problems: Vec<LineProblem>,
    /// Lines that repeat an earlier person's code, in line order.
    pub duplicates: Vec<Duplicate>,
}

/// One person's valid result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterEntry {
    /// Line number in the text, counting from 1.
    pub line: usize,
    /// The person's name, if given.
    pub name: Option<String>,
    /// The person's team, if given.
    pub team: Option<String>,
    /// The code in canonical form.
    pub code: ResultCode,
    /// What the code's answers score under the current model.
    pub outcome: Outcome,
    /// Whose work the answers describe: a person's own (self) or a lead's view of a team.
    pub perspective: Perspective,
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    /// Line number in the text, counting from 1.
    pub line: usize,
    /// The line as given, shortened to about sixty characters.
    pub text: String,
    /// What is wrong with it.
    pub reason: Problem,
}

/// What is wrong with a pasted line; [`super::text::problem`] says it in the visitor's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// More than name, team and code.
    Fields {
        /// How many fields the line has.
        got: usize,
    },
    /// A quoted field that never closes.
    Unclosed {
        /// The field's number, from 1.
        field: usize,
    },
    /// Text after a quoted field's closing quote.
    AfterQuote {
        /// The field's number, from 1.
        field: usize,
        /// The character found, as shown.
        text: String,
    },
    /// The code cannot be read, or is of another model version.
    Code(CodeError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Fields { got } => write!(f, "expected at most 3 fields (name, team, code), got {got}"),
            Problem::Unclosed { field } => write!(f, "field {field} has an opening quote but no closing one"),
            Problem::AfterQuote { field, text } => write!(
                f,
                "field {field} has \"{text}\" after its closing quote; quotes inside a quoted field are written twice"
            ),
            Problem::Code(e) => e.fmt(f),
        }
    }
}

/// A line that repeats an earlier line's name and code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The repeating line.
    pub line: usize,
    /// The earlier line it repeats, which is the one counted.
    pub first_line: usize,
}

/// How the bytes of a dropped or picked file were read as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a byte order mark), or plain ASCII.
    Utf8,
    /// UTF-16 with a byte order mark, as Excel's "Unicode text" writes it.
    Utf16,
    /// Not valid UTF-8 and no byte order mark: read as Windows-1252, the Western European code
    /// page older spreadsheets save CSV files in (`M\u{fc}ller` as one byte `0xFC`). The visitor is
    /// told, since a file in another code page would read wrong.
    Windows1252,
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F, where it differs from Latin-1 (the
/// five unassigned bytes keep their C1 control code point, as browsers decode them).
const WINDOWS_1252_HIGH: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// Reads a file's bytes as text: UTF-16 when it starts with a UTF-16 byte order mark, UTF-8 when
/// every byte sequence is valid UTF-8, and Windows-1252 otherwise. Never fails: every byte is a
/// character in Windows-1252, and an unpaired UTF-16 surrogate becomes U+FFFD. Takes the bytes
/// by value so that valid UTF-8, the usual case, becomes the text without a copy.
pub fn decode_text(bytes: Vec<u8>) -> (String, Encoding) {
    let utf16 = |rest: &[u8], big_endian: bool| {
        let units = rest.chunks(2).map(|pair| match (pair, big_endian) {
            ([a, b], true) => u16::from_be_bytes([*a, *b]),
            ([a, b], false) => u16::from_le_bytes([*a, *b]),
            // An odd last byte: not a character.
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => return (utf16(rest, false), Encoding::Utf16),
        [0xFE, 0xFF, rest @ ..] => return (utf16(rest, true), Encoding::Utf16),
        _ => {}
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, Encoding::Utf8),
        Err(not_utf8) => {
            let text = not_utf8
                .as_bytes()
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
                    _ => u16::from(b),
                })
                .map(|unit| char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'))
                .collect();
            (text, Encoding::Windows1252)
        }
    }
}

/// Reads a pasted or dropped list of result codes.
pub fn parse(text: &str) -> Roster {
    let mut reader = Reader::new(text);
    reader.read(text, usize::MAX);
    reader.finish()
}

/// Reads a list a slice of lines at a time, so that a long paste can be read between frames
/// instead of in one long task: [`Reader::new`], then [`Reader::read`] with the same text until
/// it returns `true`, then [`Reader::finish`]. Reading in slices gives the same roster as
/// [`parse`].
#[derive(Debug)]
pub struct Reader {
    /// The text with Arabic commas made commas, when it has any (else the caller's text is read).
    commas: Option<String>,
    /// Where the next line starts, in bytes.
    at: usize,
    /// Lines read so far.
    line: usize,
    separator: char,
    /// Keyed by name and code in one string, to allocate once per line.
    seen: Index,
    roster: Roster,
}

impl Reader {
    /// Starts reading `text`: chooses the separator and reserves room.
    pub fn new(text: &str) -> Reader {
        let at = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        // An Arabic comma is a comma: one keyboard may type both in one list.
        let commas = text
            .contains('\u{60c}')
            .then(|| text.replace('\u{60c}', ","));
        let body = commas
            .as_deref()
            .unwrap_or(text)
            .get(at..)
            .unwrap_or_default();
        // Room for every line long enough to hold a code, up to a bound that keeps a huge paste
        // of junk from reserving memory it will never use.
        let room = lines(body)
            .filter(|(_, line)| line.len() >= 7)
            .take(RESERVE_LINES)
            .count();
        Reader {
            separator: choose_separator(body),
            commas,
            at,
            line: 0,
            seen: Index::with_capacity_and_hasher(room, BuildHasherDefault::default()),
            roster: Roster {
                entries: Vec::with_capacity(room),
                ..Roster::default()
            },
        }
    }

    /// How far reading has come: the bytes read and the bytes in all.
    pub fn progress(&self, text: &str) -> (usize, usize) {
        let len = self.commas.as_ref().map_or(text.len(), String::len);
        (self.at.min(len), len)
    }

    /// Reads up to `most` more lines of `text` (the text given to [`Reader::new`]); `true` once
    /// the whole text is read.
    pub fn read(&mut self, text: &str, most: usize) -> bool {
        let Reader {
            commas,
            at,
            line: number,
            separator,
            seen,
            roster,
        } = self;
        let text = commas.as_deref().unwrap_or(text);
        let mut fields = Vec::new();
        for _ in 0..most {
            let Some((raw, next)) = next_line(text, *at) else {
                return true;
            };
            *at = next;
            *number += 1;
            let line = *number;
            let problem = |reason: Problem| LineProblem {
                line,
                text: super::code::shorten(raw),
                reason,
            };
            if let Err(reason) = split_fields(raw, *separator, &mut fields) {
                roster.problems.push(problem(reason));
                continue;
            }
            let (name, team, code) = match fields.as_slice() {
                [] => continue,
                [code] => (None, None, code),
                [name, code] => (non_empty(name), None, code),
                [name, team, code] => (non_empty(name), non_empty(team), code),
                more => {
                    roster
                        .problems
                        .push(problem(Problem::Fields { got: more.len() }));
                    continue;
                }
            };
            if is_header(code) {
                continue;
            }
            let decoded = match decode(code) {
                Ok(decoded) => decoded,
                Err(e) => {
                    roster.problems.push(problem(Problem::Code(e)));
                    continue;
                }
            };
            // A code of another question set does not score under today's rules.
            let outcome = match score(&decoded.answers) {
                Ok(outcome) if decoded.question_set == QUESTION_SET => outcome,
                _ => {
                    let version = decoded.question_set.to_string();
                    roster
                        .problems
                        .push(problem(Problem::Code(CodeError::UnknownVersion {
                            version,
                        })));
                    continue;
                }
            };
            if let Some(name) = &name {
                match seen.entry(duplicate_key(name, &decoded.code)) {
                    Entry::Occupied(first) => {
                        roster.duplicates.push(Duplicate {
                            line,
                            first_line: *first.get(),
                        });
                        continue;
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(line);
                    }
                }
            }
            roster.entries.push(RosterEntry {
                line,
                name,
                team,
                code: decoded.code,
                outcome,
                perspective: decoded.perspective,
            });
        }
        next_line(text, *at).is_none()
    }

    /// What was read.
    pub fn finish(self) -> Roster {
        self.roster
    }
}

/// The line of `text` starting at byte `at`, and where the one after it starts; `\r\n`, `\r` and
/// `\n` each end a line. `None` at the end of the text.
fn next_line(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = text.get(at..).filter(|rest| !rest.is_empty())?;
    Some(match rest.bytes().position(|b| b == b'\r' || b == b'\n') {
        Some(end) => {
            let ending = if rest.get(end..end + 2) == Some("\r\n") {
                2
            } else {
                1
            };
            (rest.get(..end).unwrap_or_default(), at + end + ending)
        }
        None => (rest, text.len()),
    })
}

/// The lines of `text` with their 1-based numbers.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    let mut number = 0usize;
    std::iter::from_fn(move || {
        let (line, next) = next_line(text, at)?;
        at = next;
        number += 1;
        Some((number, line))
    })
}

/// The field separator for the whole text; see the module docs.
fn choose_separator(text: &str) -> char {
    const CANDIDATES: [char; 3] = ['\t', ';', ','];
    for (_, line) in lines(text) {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for c in line.chars() {
            if c == '"' {
                quoted = !quoted;
            } else if !quoted {
                if let Some(n) = CANDIDATES
                    .iter()
                    .position(|&s| s == c)
                    .and_then(|i| counts.get_mut(i))
                {
                    *n += 1;
                }
            }
        }
        let most = counts.iter().copied().max().unwrap_or(0);
        if most > 0 {
            let i = counts.iter().position(|&n| n == most).unwrap_or(2);
            return CANDIDATES.get(i).copied().unwrap_or(',');
        }
    }
    ','
}

/// Splits one line into trimmed fields, RFC 4180 quotes allowed, trailing empty fields dropped.
/// Fields borrow from the line unless a doubled quote has to be undone.
fn split_fields<'a>(
    line: &'a str,
    separator: char,
    fields: &mut Vec<Cow<'a, str>>,
) -> Result<(), Problem> {
    let is_space = |c: char| c != separator && c.is_whitespace();
    fields.clear();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(is_space);
        let number = fields.len() + 1;
        let Some(mut tail) = rest.strip_prefix('"') else {
            match rest.split_once(separator) {
                Some((field, after)) => {
                    fields.push(Cow::Borrowed(field.trim_end()));
                    rest = after;
                    continue;
                }
                None => {
                    fields.push(Cow::Borrowed(rest.trim_end()));
                    break;
                }
            }
        };
        let mut unescaped: Option<String> = None;
        loop {
            let Some((part, after)) = tail.split_once('"') else {
                return Err(Problem::Unclosed { field: number });
            };
            if let Some(after) = after.strip_prefix('"') {
                let buffer = unescaped.get_or_insert_with(String::new);
                buffer.push_str(part);
                buffer.push('"');
                tail = after;
            } else {
                fields.push(match unescaped.take() {
                    Some(mut buffer) => {
                        buffer.push_str(part);
                        Cow::Owned(buffer)
                    }
                    None => Cow::Borrowed(part),
                });
                rest = after.trim_start_matches(is_space);
                break;
            }
        }
        if rest.is_empty() {
            break;
        }
        match rest.strip_prefix(separator) {
            Some(after) => rest = after,
            None => {
                let got = rest.chars().next().unwrap_or(' ');
                return Err(Problem::AfterQuote {
                    field: number,
                    text: super::code::shown(got),
                });
            }
        }
    }
    while fields.last().is_some_and(|f| f.trim().is_empty()) {
        fields.pop();
    }
    Ok(())
}

fn non_empty(field: &str) -> Option<String> {
    let field = field.trim();
    (!field.is_empty()).then(|| field.to_string())
}

/// Whether a code field is a column title rather than a code.
fn is_header(field: &str) -> bool {
    let letters: String = field
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    letters == "code" || letters == "resultcode"
}

/// What makes two lines the same person's result: the name, without regard to case or
/// spacing, and the code. A line break separates them, as no field can hold one.
fn duplicate_key(name: &str, code: &ResultCode) -> String {
    let mut key = team_key(name);
    key.push('\n');
    key.push_str(code.as_str());
    key
}
