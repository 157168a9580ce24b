//! Practice in the team view: evidence codes pasted beside the result codes.
//!
//! A lead pastes one list. A line may end in a `P-` code after the person's `S-` code
//! (`Anna, Sales, S-7KD3Q-W, P-00K3M7Q-4`), or a line of its own may hold a name (and a team)
//! and a `P-` code (`Anna, P-00K3M7Q-4`). [`separate`] takes the practice codes out of the text,
//! leaving what the roster reads unchanged (same line numbers, a practice-only line blank), so
//! the team picture is computed exactly as without practice. [`attach`] then joins each code to
//! its person: on the same line, or by name (compared as the roster compares names). A code
//! whose name has no result is practice without a result; a code that cannot be read keeps its
//! reason. The existing roster and team code paths never call this module.

use crate::core::code::decode;
use crate::core::csv::push_row;
use crate::core::keys::team_key;
use crate::core::roster::Roster;
use crate::core::team::{person_fields, PeopleColumn, TeamReport};

use super::evidence::Evidence;
use super::evidence_code::{looks_like_evidence_code, read_evidence_code, EvidenceCodeError};

/// The columns the people CSV gains with practice, after its own.
pub const PRACTICE_COLUMNS: [&str; 3] = [
    "practice_entries",
    "practice_median_saved",
    "practice_streak_weeks",
];

/// One practice code found in a pasted line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeLine {
    /// Line number, from 1.
    pub line: usize,
    /// The name before it, on a line of its own.
    pub name: Option<String>,
    /// The team before it, on a line of its own.
    pub team: Option<String>,
    /// Whether the line also holds a result code (the roster reads that part).
    pub with_result: bool,
    /// The code as typed.
    pub text: String,
    /// What it carries, or why it cannot be read.
    pub read: Result<Evidence, EvidenceCodeError>,
}

/// A pasted text with its practice codes taken out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Separated {
    /// The text for `roster::parse`: every line kept, practice codes removed.
    pub roster_text: String,
    /// The practice codes, in line order.
    pub practice: Vec<PracticeLine>,
}

/// The separators a roster line may use (the roster picks one per text; the last field is all
/// that is taken here, so any of them will do).
fn is_field_separator(c: char) -> bool {
    matches!(c, ',' | ';' | '\t' | '\u{60c}')
}

/// A field without its surrounding spaces and quotes.
fn unquoted(field: &str) -> &str {
    let field = field.trim();
    field
        .strip_prefix('"')
        .and_then(|f| f.strip_suffix('"'))
        .unwrap_or(field)
        .trim()
}

/// The line without trailing empty fields, split before its last field.
fn last_field(line: &str) -> (&str, &str) {
    let mut line = line.trim_end();
    while let Some(rest) = line.strip_suffix(is_field_separator) {
        line = rest.trim_end();
    }
    match line.rfind(is_field_separator) {
        Some(at) => {
            let separator = line[at..].chars().next().map_or(1, char::len_utf8);
            (&line[..at], &line[at + separator..])
        }
        None => ("", line),
    }
}

/// Whether a field holds, or was meant as, a result code: it reads as one, or it has the shape
/// of one (digits and code letters, about seven of them), so the roster reports its problem.
fn is_result_code(field: &str) -> bool {
    if decode(field).is_ok() {
        return true;
    }
    let symbols: Vec<char> = field
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (6..=8).contains(&symbols.len())
        && symbols.iter().any(char::is_ascii_digit)
        && symbols.iter().all(char::is_ascii_alphanumeric)
}

/// Takes the practice codes out of a pasted list (see the module docs).
pub fn separate(text: &str) -> Separated {
    let mut out = Separated::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in text.lines().enumerate() {
        let (rest, last) = last_field(line);
        let code = unquoted(last);
        // No result code starts with P (their first symbol is a digit or S), so a last field
        // that does is meant as practice, readable or not.
        if !looks_like_evidence_code(code) {
            out.roster_text.push_str(line);
            out.roster_text.push('\n');
            continue;
        }
        let (before, previous) = last_field(rest);
        let with_result = !previous.trim().is_empty() && is_result_code(unquoted(previous));
        let (name, team) = if with_result {
            out.roster_text.push_str(rest);
            (None, None)
        } else {
            // Name, or name and team: the fields before the code.
            let (name, team) = if before.trim().is_empty() {
                (previous, "")
            } else {
                (unquoted(last_field(before).1), previous)
            };
            let some = |s: &str| Some(unquoted(s).to_string()).filter(|s| !s.is_empty());
            (some(name), some(team))
        };
        out.roster_text.push('\n');
        out.practice.push(PracticeLine {
            line: i + 1,
            name,
            team,
            with_result,
            text: code.to_string(),
            read: read_evidence_code(code).map(|(_, evidence)| evidence),
        });
    }
    out
}

/// A person's practice, joined to their roster line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonPractice {
    /// The roster line of their result (`RosterEntry::line`, `PersonRow::line`).
    pub line: usize,
    /// Their practice.
    pub evidence: Evidence,
}

/// Practice whose person has no result in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeAlone {
    /// The line of the practice code.
    pub line: usize,
    /// The name given, if any.
    pub name: Option<String>,
    /// The team given, if any.
    pub team: Option<String>,
    /// The practice.
    pub evidence: Evidence,
}

/// A practice code that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeProblem {
    /// Its line.
    pub line: usize,
    /// The code as typed.
    pub text: String,
    /// Why.
    pub reason: EvidenceCodeError,
}

/// Practice joined to the team picture.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamPractice {
    /// Practice of people with a result, in the order their codes came.
    pub people: Vec<PersonPractice>,
    /// Practice without a result.
    pub alone: Vec<PracticeAlone>,
    /// Practice codes that could not be read.
    pub problems: Vec<PracticeProblem>,
}

/// One team's practice: how many of its people with a result practise, and what they logged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamPracticeCount {
    /// The team as the report names it; `None` for people without a team.
    pub team: Option<String>,
    /// People of the team with a practice code.
    pub people: u32,
    /// Their entries together.
    pub entries: u32,
    /// Of those, how many came out better.
    pub better: u32,
}

/// Joins the practice codes to the roster read from [`Separated::roster_text`]. A person's
/// second code (on their line and on a line of its own) is not counted twice: the first wins.
pub fn attach(roster: &Roster, practice: Vec<PracticeLine>) -> TeamPractice {
    let mut joined = TeamPractice::default();
    for found in practice {
        let evidence = match found.read {
            Ok(evidence) => evidence,
            Err(reason) => {
                joined.problems.push(PracticeProblem {
                    line: found.line,
                    text: found.text,
                    reason,
                });
                continue;
            }
        };
        let person = if found.with_result {
            roster.entries.iter().find(|e| e.line == found.line)
        } else {
            found.name.as_deref().map(team_key).and_then(|name| {
                roster
                    .entries
                    .iter()
                    .find(|e| e.name.as_deref().map(team_key).as_deref() == Some(name.as_str()))
            })
        };
        match person {
            Some(entry) if joined.people.iter().all(|p| p.line != entry.line) => {
                joined.people.push(PersonPractice {
                    line: entry.line,
                    evidence,
                });
            }
            Some(_) => {}
            None => joined.alone.push(PracticeAlone {
                line: found.line,
                name: found.name,
                team: found.team,
                evidence,
            }),
        }
    }
    joined
}

impl TeamPractice {
    /// The practice of the person whose result is on roster line `line`.
    pub fn of_line(&self, line: usize) -> Option<&Evidence> {
        self.people
            .iter()
            .find(|p| p.line == line)
            .map(|p| &p.evidence)
    }

    /// Each team's practice among the report's people (self results), in the report's team
    /// order.
    pub fn per_team(&self, report: &TeamReport) -> Vec<TeamPracticeCount> {
        report
            .teams
            .iter()
            .map(|team| {
                let key = team.name.as_deref().map(team_key);
                let mut count = TeamPracticeCount {
                    team: team.name.clone(),
                    ..TeamPracticeCount::default()
                };
                let members = report
                    .people_rows
                    .iter()
                    .filter(|row| row.team.as_deref().map(team_key) == key);
                for evidence in members.filter_map(|row| self.of_line(row.line)) {
                    count.people += 1;
                    count.entries = count.entries.saturating_add(evidence.entries);
                    count.better = count.better.saturating_add(evidence.better);
                }
                count
            })
            .collect()
    }
}

/// A person's practice as the people CSV writes it, in [`PRACTICE_COLUMNS`] order; empty fields
/// without practice, and an empty median without one.
pub fn practice_fields(evidence: Option<&Evidence>) -> [String; 3] {
    match evidence {
        None => Default::default(),
        Some(e) => [
            e.entries.to_string(),
            e.median_saved.map(|m| m.to_string()).unwrap_or_default(),
            e.streak_weeks.to_string(),
        ],
    }
}

/// The people CSV with practice: the team CSV's columns, then [`PRACTICE_COLUMNS`]; one row per
/// person, then the leads' views (no practice), then practice without a result (name and team,
/// its result fields empty). Quoting and the formula guard as in the team CSV.
pub fn people_csv(report: &TeamReport, practice: &TeamPractice) -> String {
    let mut out = String::from("\u{feff}");
    let header = PeopleColumn::ALL
        .iter()
        .map(|c| c.id())
        .chain(PRACTICE_COLUMNS)
        .map(str::to_string);
    push_row(&mut out, header);
    for row in &report.people_rows {
        let fields = person_fields(row)
            .into_iter()
            .chain(practice_fields(practice.of_line(row.line)));
        push_row(&mut out, fields);
    }
    for row in &report.views {
        push_row(
            &mut out,
            person_fields(row).into_iter().chain(practice_fields(None)),
        );
    }
    for alone in &practice.alone {
        let fields = PeopleColumn::ALL.map(|column| match column {
            PeopleColumn::Name => alone.name.clone().unwrap_or_default(),
            PeopleColumn::Team => alone.team.clone().unwrap_or_default(),
            _ => String::new(),
        });
        push_row(
            &mut out,
            fields
                .into_iter()
                .chain(practice_fields(Some(&alone.evidence))),
        );
    }
    out
}
