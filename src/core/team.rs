//! The team picture: many people's results, aggregated for the lead who collected the codes.
//!
//! Averages are taken per dimension over people, each mean rounded half up, and everything else
//! (level, adoption gap, biggest gap) follows from those means exactly as for one person. So a
//! team of people who all gave the same answers gets exactly that one result.

use super::code::ResultCode;
use super::model::{Dimension, Level};
use super::plan::steps;
use super::roster::{Index, Roster, RosterEntry};
use super::scoring::{outcome_from_scores, score, Outcome, Scores, GAP_PRIORITY};

/// The aggregated results of a roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamReport {
    /// How many people are counted (valid codes, duplicates left out).
    pub people: usize,
    /// How many people are at each level, in [`Level::ALL`] order.
    pub levels: [usize; 3],
    /// The result of the mean scores over everyone; `None` for nobody.
    pub overall: Option<Outcome>,
    /// One row per team, sorted by team name (case ignored); people without a team come last.
    pub teams: Vec<TeamRow>,
    /// One row per person, the stuck first: lowest level, then lowest adoption, then line.
    pub people_rows: Vec<PersonRow>,
    /// The dimension that is most often someone's biggest gap, and for how many people. Ties
    /// go to Capability, then Visibility, Usage, Access.
    pub common_gap: Option<(Dimension, usize)>,
}

/// One team's averages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamRow {
    /// The team's name as first written; `None` gathers the people given without a team.
    /// Names that differ only in case or spacing are one team.
    pub name: Option<String>,
    /// How many people are in it.
    pub people: usize,
    /// Mean score per dimension, each rounded half up.
    pub scores: Scores,
    /// The level those mean scores reach.
    pub level: Level,
}

/// One person's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    /// Line number in the pasted text.
    pub line: usize,
    /// The person's name, if given.
    pub name: Option<String>,
    /// The person's team, if given.
    pub team: Option<String>,
    /// Their result code.
    pub code: ResultCode,
    /// Their result.
    pub outcome: Outcome,
}

impl TeamReport {
    /// Next steps for the most common gap at the group's overall level (the usual advice: a
    /// group has no single set of answers); empty for nobody.
    pub fn common_gap_steps(&self) -> Vec<super::i18n::Msg> {
        match (self.common_gap, &self.overall) {
            (Some((dimension, _)), Some(overall)) => steps(dimension, overall.level, None)
                .iter()
                .map(|s| s.msg)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Per-dimension sums, to average without rounding twice.
#[derive(Default)]
struct Sums {
    totals: [u64; 4],
    people: usize,
}

impl Sums {
    fn add(&mut self, scores: Scores) {
        for (total, s) in self.totals.iter_mut().zip(scores.to_array()) {
            *total += u64::from(s);
        }
        self.people += 1;
    }

    /// The mean per dimension, rounded half up in exact integer arithmetic.
    fn means(&self) -> Option<Scores> {
        let n = self.people as u64;
        (n > 0).then(|| {
            Scores::from_array(
                self.totals
                    .map(|t| u8::try_from((2 * t + n) / (2 * n)).unwrap_or(u8::MAX)),
            )
        })
    }
}

/// Aggregates a roster. Entries whose answers do not score (only possible for a hand-built
/// roster; [`super::roster::parse`] never yields them) are left out.
pub fn report(roster: &Roster) -> TeamReport {
    let scored: Vec<(&RosterEntry, Outcome)> = roster
        .entries
        .iter()
        .filter_map(|e| Some((e, score(&e.answers).ok()?)))
        .collect();

    let mut everyone = Sums::default();
    let mut levels = [0usize; 3];
    let mut gaps = [0usize; 4];
    // Teams by normalised name ("" for people without a team), in order of first appearance;
    // the first spelling seen is the one shown.
    let mut index = Index::default();
    let mut teams: Vec<(String, Option<String>, Sums)> = Vec::new();
    for (entry, outcome) in &scored {
        everyone.add(outcome.scores);
        if let Some(count) = levels.get_mut(outcome.level as usize) {
            *count += 1;
        }
        if let Some(count) = gaps.get_mut(outcome.biggest_gap.dimension.index()) {
            *count += 1;
        }
        let key = entry.team.as_deref().map(team_key).unwrap_or_default();
        let at = match index.get(&key) {
            Some(&at) => at,
            None => {
                index.insert(key.clone(), teams.len());
                teams.push((key, entry.team.clone(), Sums::default()));
                teams.len() - 1
            }
        };
        if let Some(team) = teams.get_mut(at) {
            team.2.add(outcome.scores);
        }
    }
    // Display order: by name, people without a team last.
    teams.sort_unstable_by(|a, b| (a.0.is_empty(), &a.0).cmp(&(b.0.is_empty(), &b.0)));
    let teams = teams
        .into_iter()
        .filter_map(|(_, name, sums)| {
            let scores = sums.means()?;
            Some(TeamRow {
                name,
                people: sums.people,
                scores,
                level: outcome_from_scores(scores).level,
            })
        })
        .collect();

    // Sort small keys rather than whole rows, then build the rows in that order.
    let mut order: Vec<(Level, u8, usize, usize)> = scored
        .iter()
        .enumerate()
        .map(|(i, (entry, outcome))| (outcome.level, outcome.adoption, entry.line, i))
        .collect();
    // Keys are unique (they end in the position), so an unstable sort orders them fully; it
    // also costs the bundle less than a stable one.
    order.sort_unstable();
    let people_rows = order
        .into_iter()
        .filter_map(|(.., i)| scored.get(i))
        .map(|(entry, outcome)| PersonRow {
            line: entry.line,
            name: entry.name.clone(),
            team: entry.team.clone(),
            code: entry.code.clone(),
            outcome: outcome.clone(),
        })
        .collect();
    let overall = everyone.means().map(outcome_from_scores);
    let common_gap = GAP_PRIORITY
        .iter()
        .map(|&d| (d, gaps.get(d.index()).copied().unwrap_or(0)))
        .fold(
            None,
            |best: Option<(Dimension, usize)>, (d, n)| match best {
                Some((_, m)) if m >= n => best,
                _ if n > 0 => Some((d, n)),
                _ => best,
            },
        );

    TeamReport {
        people: everyone.people,
        levels,
        overall,
        teams,
        people_rows,
        common_gap,
    }
}

/// A team name as grouped: spacing and ASCII case do not matter (full Unicode case tables would
/// cost the bundle kilobytes; other letters compare as written).
pub(crate) fn team_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key.make_ascii_lowercase();
    key
}

/// The columns of [`to_csv`].
const CSV_HEADER: [&str; 10] = [
    "name",
    "team",
    "code",
    "level",
    "overall",
    "access",
    "usage",
    "capability",
    "visibility",
    "biggest_gap",
];

/// The report as CSV, one row per person in `people_rows` order, with a header row.
///
/// Levels and dimensions are written as their ids (`adopting`, `capability`). The file starts
/// with a UTF-8 byte order mark, so Excel reads names such as Müller right. Fields with a comma,
/// semicolon, tab, quote or line break are quoted, quotes doubled (RFC 4180, `\r\n` line ends):
/// a spreadsheet that splits on semicolons (German and French Excel) then keeps `;=9+9` whole.
/// A field starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so a
/// spreadsheet does not run a pasted name as a formula.
pub fn to_csv(report: &TeamReport) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, CSV_HEADER.iter().map(ToString::to_string));
    for row in &report.people_rows {
        let o = &row.outcome;
        let s = o.scores;
        push_row(
            &mut out,
            [
                row.name.clone().unwrap_or_default(),
                row.team.clone().unwrap_or_default(),
                row.code.to_string(),
                o.level.id().to_string(),
                o.overall.to_string(),
                s.access.to_string(),
                s.usage.to_string(),
                s.capability.to_string(),
                s.visibility.to_string(),
                o.biggest_gap.dimension.id().to_string(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(&field));
    }
    out.push_str("\r\n");
}

/// One CSV field, guarded against formula injection and quoted when needed.
fn csv_field(field: &str) -> String {
    let guarded = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if guarded.contains([',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
