use super::report::TeamReport;
use crate::core::scoring::Scores;

/// A snapshot of the team averages the lead marked as a round, to compare later lists with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    /// When it was marked, as `YYYY-MM-DD`.
    pub date: String,
    /// Everyone's averages and each team's, by [`RoundKey`].
    pub rows: Vec<(RoundKey, usize, Scores)>,
}

/// Which averages a round row holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundKey {
    /// Everyone counted.
    Everyone,
    /// One team, by its key ([`TeamRow::key`]; empty for people without a team).
    Team(String),
}

impl Round {
    /// The round of a report's averages, marked on `date`; `None` when nobody is counted.
    pub fn of(report: &TeamReport, date: &str) -> Option<Round> {
        let all = report.overall.as_ref()?;
        let mut rows = vec![(RoundKey::Everyone, report.people, all.scores)];
        rows.extend(
            report
                .teams
                .iter()
                .map(|t| (RoundKey::Team(t.key()), t.people, t.scores)),
        );
        Some(Round {
            date: date.to_string(),
            rows,
        })
    }

    /// The change per dimension from this round to `scores` for `key`, in [`Dimension::ALL`]
    /// order; `None` when the round did not have that team.
    pub fn change(&self, key: &RoundKey, scores: Scores) -> Option<[i16; 4]> {
        let (_, _, then) = self.rows.iter().find(|(k, _, _)| k == key)?;
        let (now, then) = (scores.to_array(), then.to_array());
        Some(std::array::from_fn(|i| {
            i16::from(now[i]) - i16::from(then[i])
        }))
    }
}

/// What the team view keeps in the browser when the lead asks it to: the pasted list and the
/// rounds marked so far, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// The list as pasted.
    pub text: String,
    /// The rounds, oldest first.
    pub rounds: Vec<Round>,
}

/// The first line of a kept list: its format and version.
const KEPT_FORMAT: &str = "ai-readiness-team v1";

/// Why a kept list could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeptError {
    /// Another format or version, or not a kept list at all.
    Format,
    /// A round line that cannot be read.
    Round {
        /// Its line number, from 1.
        line: usize,
    },
}

impl std::fmt::Display for KeptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeptError::Format => write!(f, "the kept team list is not in format \"{KEPT_FORMAT}\""),
            KeptError::Round { line } => {
                write!(f, "line {line} of the kept team list is not a round")
            }
        }
    }
}

impl std::error::Error for KeptError {}

impl Kept {
    /// The kept list as text: the format line, each round (`round <date>`, then one line per
    /// average: `<*|+key> <people> <access> <usage> <capability> <visibility>`), then `text`
    /// and the list itself.
    pub fn encode(&self) -> String {
        let mut out = format!("{KEPT_FORMAT}\n");
        for round in &self.rounds {
            out.push_str("round ");
            out.push_str(&round.date);
            out.push('\n');
            for (key, people, scores) in &round.rows {
                let [a, u, c, v] = scores.to_array();
                let key = match key {
                    RoundKey::Everyone => "*".to_string(),
                    RoundKey::Team(k) => format!("+{k}"),
                };
                out.push_str(&format!("{people} {a} {u} {c} {v} {key}\n"));
            }
        }
        out.push_str("text\n");
        out.push_str(&self.text);
        out
    }

    /// Reads [`Kept::encode`]'s text.
    pub fn decode(stored: &str) -> Result<Kept, KeptError> {
        let rest = stored
            .strip_prefix(KEPT_FORMAT)
            .and_then(|r| r.strip_prefix('\n'))
            .ok_or(KeptError::Format)?;
        let mut kept = Kept::default();
        let mut rest = rest;
        let mut line = 1;
        loop {
            line += 1;
            let (head, tail) = rest.split_once('\n').unwrap_or((rest, ""));
            if head == "text" {
                kept.text = tail.to_string();
                return Ok(kept);
            }
            if let Some(date) = head.strip_prefix("round ") {
                kept.rounds.push(Round {
                    date: date.to_string(),
                    rows: Vec::new(),
                });
            } else {
                let row = Self::round_row(head).ok_or(KeptError::Round { line })?;
                kept.rounds
                    .last_mut()
                    .ok_or(KeptError::Round { line })?
                    .rows
                    .push(row);
            }
            if tail.is_empty() && !rest.contains('\n') {
                return Err(KeptError::Format);
            }
            rest = tail;
        }
    }

    fn round_row(line: &str) -> Option<(RoundKey, usize, Scores)> {
        let mut parts = line.splitn(6, ' ');
        let people = parts.next()?.parse().ok()?;
        let mut scores = [0u8; 4];
        for s in &mut scores {
            *s = parts.next()?.parse().ok().filter(|&v| v <= 100)?;
        }
        let key = match parts.next()? {
            "*" => RoundKey::Everyone,
            k => RoundKey::Team(k.strip_prefix('+')?.to_string()),
        };
        Some((key, people, Scores::from_array(scores)))
    }
}

/// `text` with `code` on a line of its own at the end, unless it already holds that code: a
/// visitor opening the team view from their result finds their own code in the list.
pub fn with_code(text: &str, code: &str) -> String {
    if text.contains(code) {
        return text.to_string();
    }
    match text.trim_end() {
        "" => format!("{code}\n"),
        kept => format!("{kept}\n{code}\n"),
    }
}
