//! The team picture: many people's results, aggregated for the lead who collected the codes.
//!
//! Codes of the self perspective are people: each describes one person's own work, and only
//! they are counted, ranked and averaged. Codes of the team perspective are a lead's view of a
//! team, an opinion: they are listed apart ([`TeamReport::views`]) and never ranked as people.
//!
//! Averages are taken per dimension over people, each mean rounded half up, and everything else
//! (level, adoption gap) follows from those means exactly as for one person. So a team of people
//! who all gave the same answers gets exactly that one result. A gap is only ever a gap: an
//! Operating person's weakest area is not counted as anyone's biggest gap.

use super::i18n::{Catalog, Msg};
use super::keys::{team_key, Index};
use super::model::{Dimension, Level, Perspective};
use super::plan::{steps, KEEP};
use super::roster::{Roster, RosterEntry};
use super::scoring::{outcome_from_scores, Outcome, Scores, GAP_PRIORITY, RULES};
use super::text::dimension_name;

/// The aggregated results of a roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamReport {
    /// How many people are counted: self-perspective codes, duplicates left out.
    pub people: usize,
    /// How many people are at each level, in [`Level::ALL`] order.
    pub levels: [usize; 3],
    /// The result of the mean scores over everyone; `None` for nobody.
    pub overall: Option<Outcome>,
    /// One row per team, sorted by team name (case ignored); people without a team come last.
    pub teams: Vec<TeamRow>,
    /// One row per person, the stuck first: lowest level, then lowest adoption, then line
    /// (in line order between [`tally`] and [`TeamReport::rank`]).
    pub people_rows: Vec<PersonRow>,
    /// Leads' views of their teams (team-perspective codes), in line order: shown apart.
    pub views: Vec<PersonRow>,
    /// The group's most common biggest gap among the people who are not yet Operating.
    pub common_gap: Option<TeamGap>,
}

/// The gap a group shares: the dimension that is most often the biggest gap of its people who
/// are not yet Operating (ties go to Capability, then Visibility, Usage, Access).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TeamGap {
    /// The dimension.
    pub dimension: Dimension,
    /// How many people have it as their biggest gap.
    pub people: usize,
    /// How many people in the group are not yet Operating (and so have a gap at all).
    pub of: usize,
    /// The level of those people's mean scores, below Operating: the steps fit it.
    pub level: Level,
}

impl TeamGap {
    /// The usual next steps for this gap at its people's level (a group has no single set of
    /// answers to fit them to).
    pub fn steps(&self) -> [Msg; 3] {
        steps(self.dimension, self.level, None).map(|s| s.msg)
    }
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
    /// The team's biggest gap among its people who are not yet Operating; `None` when
    /// everyone in it is Operating.
    pub gap: Option<TeamGap>,
}

impl TeamRow {
    /// The key rounds remember the team by: its name as grouped, empty without a team.
    pub fn key(&self) -> String {
        self.name.as_deref().map(team_key).unwrap_or_default()
    }

    /// What the team's coaching works on: its shared gap; with everyone Operating, its weakest
    /// area; and with every average at or above the robust mark, nothing to fix: the steps keep
    /// the level (the rule a single result follows, [`super::scoring::BiggestGap::is_robust`]).
    pub fn coaching(&self) -> Coaching {
        if let Some(gap) = self.gap {
            return Coaching::Gap(gap);
        }
        if Dimension::ALL.iter().all(|&d| self.scores.get(d) >= ROBUST) {
            return Coaching::Keep;
        }
        Coaching::Weakest(outcome_from_scores(self.scores).biggest_gap.dimension)
    }
}

/// What a team's coaching works on ([`TeamRow::coaching`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coaching {
    /// The gap most of its people who are not yet Operating share.
    Gap(TeamGap),
    /// Everyone is Operating: the weakest area of the team's averages, to make robust.
    Weakest(Dimension),
    /// Everyone is Operating and every average is robust: no area is named; keep the level.
    Keep,
}

impl Coaching {
    /// The three next steps.
    pub fn steps(&self) -> [Msg; 3] {
        match self {
            Coaching::Gap(gap) => gap.steps(),
            Coaching::Weakest(d) => steps(*d, Level::Operating, None).map(|s| s.msg),
            Coaching::Keep => KEEP.map(|s| s.msg),
        }
    }
}

/// Why a group's most common gap is named: how many of its people who are not yet Operating
/// have it ("for the one person", "for all 3 people" when they all do, never "1 of the 1").
pub fn common_gap_why(t: &Catalog, gap: &TeamGap) -> String {
    let msg = if gap.people == gap.of {
        Msg::TeamCommonGapAll
    } else {
        Msg::TeamCommonGapWhy
    };
    gap_count(t, msg, gap)
}

/// What a team's coaching works on, said before its steps: its shared gap (counted as in
/// [`common_gap_why`]), with everyone Operating its weakest area, and with every area robust
/// no area at all.
pub fn coaching_said(t: &Catalog, coaching: &Coaching) -> String {
    match coaching {
        Coaching::Gap(gap) => {
            let msg = if gap.people == gap.of {
                Msg::TeamStepsGapAll
            } else {
                Msg::TeamStepsGap
            };
            gap_count(t, msg, gap)
        }
        Coaching::Weakest(weakest) => t.fill(
            Msg::TeamStepsOperating,
            &[("dimension", dimension_name(t, *weakest))],
        ),
        Coaching::Keep => t.fill(Msg::TeamStepsKeep, &[("robust", &t.number(RULES.robust))]),
    }
}

fn gap_count(t: &Catalog, msg: Msg, gap: &TeamGap) -> String {
    let count = t.number(gap.people as i64);
    t.count(
        msg,
        gap.of as u64,
        &[
            ("dimension", dimension_name(t, gap.dimension)),
            ("count", &count),
        ],
    )
}

/// Whether a team view names people (`teamPrivacy`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TeamPrivacy {
    /// Each person is a row, by the name the lead's list gives (the default).
    #[default]
    Named,
    /// Groups only: no person rows and no names anywhere, and a group smaller than the minimum
    /// group size shows no scores (see [`Disclosure`]).
    Aggregate,
}

impl TeamPrivacy {
    /// The value as written in config.
    pub fn id(self) -> &'static str {
        match self {
            TeamPrivacy::Named => "named",
            TeamPrivacy::Aggregate => "aggregate",
        }
    }

    /// Reads a config value.
    pub fn from_id(id: &str) -> Option<TeamPrivacy> {
        match id {
            "named" => Some(TeamPrivacy::Named),
            "aggregate" => Some(TeamPrivacy::Aggregate),
            _ => None,
        }
    }
}

/// The smallest group an aggregate view shows scores for, unless configured (`minGroupSize`).
pub const MIN_GROUP_SIZE: u8 = 5;
/// The sizes `minGroupSize` accepts: a group of one is a person, and above fifty nearly every
/// team would be hidden.
pub const MIN_GROUP_SIZES: std::ops::RangeInclusive<u8> = 2..=50;

/// What a team view may show of a report: in a named view everything; in an aggregate view no
/// person, and the scores, level and steps of a group only when it holds at least the minimum
/// group size.
///
/// A team below the minimum counts only in everyone's figures. So that its scores cannot be
/// worked out as everyone's minus the other teams', the hidden teams together must also hold
/// at least the minimum: while they hold fewer (but some), the smallest shown team is hidden
/// too. Everyone's figures show only when everyone together reaches the minimum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disclosure {
    /// Whether people are shown by name and row.
    pub named: bool,
    /// Whether everyone's averages, levels and gap are shown.
    pub everyone: bool,
    /// Per row of [`TeamReport::teams`], whether its averages and steps are shown.
    pub teams: Vec<bool>,
    /// The minimum group size applied (`0` in a named view).
    pub min_group: usize,
}

impl Disclosure {
    /// What a view with `privacy` and `min_group` (`minGroupSize`) shows of `report`.
    pub fn of(report: &TeamReport, privacy: TeamPrivacy, min_group: u8) -> Disclosure {
        let min = match privacy {
            TeamPrivacy::Named => 0,
            TeamPrivacy::Aggregate => usize::from(min_group),
        };
        let mut teams: Vec<bool> = report.teams.iter().map(|t| t.people >= min).collect();
        let hidden = |teams: &[bool]| -> usize {
            report
                .teams
                .iter()
                .zip(teams)
                .filter(|(_, shown)| !**shown)
                .map(|(t, _)| t.people)
                .sum()
        };
        while (1..min).contains(&hidden(&teams)) {
            // The smallest team still shown (the first of equals) joins the hidden ones.
            let next = report
                .teams
                .iter()
                .zip(&teams)
                .enumerate()
                .filter(|(_, (_, shown))| **shown)
                .min_by_key(|(_, (t, _))| t.people)
                .map(|(i, _)| i);
            match next.and_then(|i| teams.get_mut(i)) {
                Some(shown) => *shown = false,
                None => break,
            }
        }
        Disclosure {
            named: privacy == TeamPrivacy::Named,
            everyone: report.people >= min,
            teams,
            min_group: min,
        }
    }

    /// Whether team `index` of [`TeamReport::teams`] shows its averages and steps.
    pub fn team(&self, index: usize) -> bool {
        self.teams.get(index).copied().unwrap_or(false)
    }
}

/// One code's result: a person's (self perspective) or a lead's view of a team. It is the
/// roster's entry itself, moved into the report rather than copied.
pub type PersonRow = RosterEntry;

impl PersonRow {
    /// The biggest gap, or `None` at Operating, where the weakest area is not a gap.
    pub fn gap(&self) -> Option<Dimension> {
        let gap = &self.outcome.biggest_gap;
        gap.is_gap().then_some(gap.dimension)
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

/// The shared gap of a group of people's outcomes (see [`TeamGap`]).
fn shared_gap<'a>(outcomes: impl Iterator<Item = &'a Outcome> + Clone) -> Option<TeamGap> {
    let gapped = outcomes.filter(|o| o.biggest_gap.is_gap());
    let count = |d: Dimension| {
        gapped
            .clone()
            .filter(|o| o.biggest_gap.dimension == d)
            .count()
    };
    // `max_by_key` keeps the last maximum, so walk the priority order backwards.
    let dimension = GAP_PRIORITY
        .iter()
        .rev()
        .copied()
        .max_by_key(|&d| count(d))
        .filter(|&d| count(d) > 0)?;
    let mut sums = Sums::default();
    for o in gapped
        .clone()
        .filter(|o| o.biggest_gap.dimension == dimension)
    {
        sums.add(o.scores);
    }
    // People below Operating can average into Operating's floors; their steps stay below it.
    let level = sums
        .means()
        .map_or(Level::Experimenting, |m| outcome_from_scores(m).level)
        .min(Level::Adopting);
    Some(TeamGap {
        dimension,
        people: count(dimension),
        of: gapped.count(),
        level,
    })
}

/// Aggregates a roster (a copy of its entries; see [`summarise`] to spend them instead).
pub fn report(roster: &Roster) -> TeamReport {
    summarise(roster.entries.clone())
}

/// Aggregates a roster's entries, moving them into the report's rows: [`tally`], then
/// [`TeamReport::rank`].
pub fn summarise(entries: Vec<RosterEntry>) -> TeamReport {
    let mut report = tally(entries);
    report.rank();
    report
}

impl TeamReport {
    /// Whether the teams are worth a row each beside everyone: not when the only group is the
    /// people given without a team, whose row would repeat everyone's.
    pub fn has_teams(&self) -> bool {
        self.teams.iter().any(|t| t.name.is_some())
    }

    /// Orders the people the stuck first: lowest level, then lowest adoption, then line.
    pub fn rank(&mut self) {
        // Sort small keys rather than whole rows (lines are unique, so an unstable sort orders
        // them fully), then move each row to its place.
        let mut order: Vec<(Level, u8, usize, usize)> = self
            .people_rows
            .iter()
            .enumerate()
            .map(|(i, p)| (p.outcome.level, p.outcome.adoption, p.line, i))
            .collect();
        order.sort_unstable();
        let mut rows: Vec<Option<PersonRow>> = std::mem::take(&mut self.people_rows)
            .into_iter()
            .map(Some)
            .collect();
        self.people_rows = order
            .into_iter()
            .filter_map(|(.., i)| rows.get_mut(i).and_then(Option::take))
            .collect();
    }
}

/// Aggregates a roster's entries as [`summarise`] does, but leaves the people in line order
/// (the sort is [`TeamReport::rank`]), so that a long list can be summarised in two tasks.
pub fn tally(entries: Vec<RosterEntry>) -> TeamReport {
    let (people, views): (Vec<RosterEntry>, Vec<RosterEntry>) = entries
        .into_iter()
        .partition(|e| e.perspective == Perspective::Person);

    let mut everyone = Sums::default();
    let mut levels = [0usize; 3];
    // Teams by normalised name ("" for people without a team), in order of first appearance;
    // the first spelling seen is the one shown. Spellings map to their team first, so a name is
    // normalised once, not once per person.
    let mut spellings = Index::default();
    let mut index = Index::default();
    let mut teams: Vec<(String, Option<String>, Sums, Vec<&Outcome>)> = Vec::new();
    for entry in &people {
        let outcome = &entry.outcome;
        everyone.add(outcome.scores);
        if let Some(count) = levels.get_mut(outcome.level as usize) {
            *count += 1;
        }
        let spelling = entry.team.as_deref().unwrap_or_default();
        let at = match spellings.get(spelling) {
            Some(&at) => at,
            None => {
                let key = team_key(spelling);
                let at = match index.get(&key) {
                    Some(&at) => at,
                    None => {
                        index.insert(key.clone(), teams.len());
                        teams.push((key, entry.team.clone(), Sums::default(), Vec::new()));
                        teams.len() - 1
                    }
                };
                spellings.insert(spelling.to_string(), at);
                at
            }
        };
        if let Some(team) = teams.get_mut(at) {
            team.2.add(outcome.scores);
            team.3.push(outcome);
        }
    }
    // Display order: by name, people without a team last.
    teams.sort_unstable_by(|a, b| (a.0.is_empty(), &a.0).cmp(&(b.0.is_empty(), &b.0)));
    let teams = teams
        .into_iter()
        .filter_map(|(_, name, sums, outcomes)| {
            let scores = sums.means()?;
            Some(TeamRow {
                name,
                people: sums.people,
                scores,
                level: outcome_from_scores(scores).level,
                gap: shared_gap(outcomes.iter().copied()),
            })
        })
        .collect();
    let common_gap = shared_gap(people.iter().map(|p| &p.outcome));

    TeamReport {
        people: everyone.people,
        levels,
        overall: everyone.means().map(outcome_from_scores),
        teams,
        people_rows: people,
        views,
        common_gap,
    }
}

/// How a score compares with what the model asks of its dimension, for the team table's
/// shading. The cut-offs are the model's own: a dimension's floor is the highest any level
/// rule sets for it ([`floor`]), and robust is where the weakest area stops being a concern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// Below the dimension's floor.
    Short,
    /// At or above the floor.
    Met,
    /// At or above the robust score.
    Robust,
}

impl Band {
    /// Every band, lowest first.
    pub const ALL: [Band; 3] = [Band::Short, Band::Met, Band::Robust];

    /// The band of `score` in `dimension`.
    pub fn of(dimension: Dimension, score: u8) -> Band {
        if score >= RULES.robust {
            Band::Robust
        } else if score >= floor(dimension) {
            Band::Met
        } else {
            Band::Short
        }
    }

    /// The stable id used in `data-band` and class names.
    pub fn id(self) -> &'static str {
        match self {
            Band::Short => "short",
            Band::Met => "met",
            Band::Robust => "robust",
        }
    }
}

/// The highest floor any level rule sets for `dimension`: Access counts only on the way into
/// Adopting, the others up to Operating.
pub fn floor(dimension: Dimension) -> u8 {
    RULES
        .levels
        .iter()
        .flat_map(|rule| rule.ways.iter())
        .map(|way| way[dimension.index()])
        .max()
        .unwrap_or(0)
}

/// The score at which a dimension counts as robust.
pub const ROBUST: u8 = RULES.robust;

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

/// The columns of the people table and of [`to_csv`], in order.
pub const PEOPLE_COLUMNS: [&str; 12] = [
    "name",
    "team",
    "perspective",
    "code",
    "level",
    "overall",
    "adoption",
    "access",
    "usage",
    "capability",
    "visibility",
    "biggest_gap",
];

/// The columns of [`teams_csv`], in order.
pub const TEAM_COLUMNS: [&str; 10] = [
    "team",
    "people",
    "level",
    "access",
    "usage",
    "capability",
    "visibility",
    "biggest_gap",
    "gap_people",
    "not_operating",
];

/// One row's fields in [`PEOPLE_COLUMNS`] order, as the CSV writes them: levels, perspectives
/// and dimensions as their ids; an Operating row's biggest gap empty (its weakest area is not a
/// gap).
pub fn person_fields(row: &PersonRow) -> [String; 12] {
    let o = &row.outcome;
    let [a, u, c, v] = o.scores.to_array();
    [
        row.name.clone().unwrap_or_default(),
        row.team.clone().unwrap_or_default(),
        row.perspective.id().to_string(),
        row.code.to_string(),
        o.level.id().to_string(),
        o.overall.to_string(),
        o.adoption.to_string(),
        a.to_string(),
        u.to_string(),
        c.to_string(),
        v.to_string(),
        row.gap().map(Dimension::id).unwrap_or_default().to_string(),
    ]
}

/// The report as CSV: a header row of [`PEOPLE_COLUMNS`], then one row per person in
/// `people_rows` order, then the leads' views of their teams (perspective `team`).
///
/// The file starts with a UTF-8 byte order mark, so Excel reads names such as Müller right.
/// Fields with a comma, semicolon, tab, quote or line break are quoted, quotes doubled (RFC
/// 4180, `\r\n` line ends): a spreadsheet that splits on semicolons (German and French Excel)
/// then keeps `;=9+9` whole. A field whose first visible character is `=`, `+`, `-` or `@` (or
/// their full-width forms, also behind white space or invisible characters such as U+200B or
/// U+FEFF), or that starts with a tab or carriage return, gets a leading `'`, so a spreadsheet
/// does not run a pasted name as a formula ([`starts_formula`]).
pub fn to_csv(report: &TeamReport) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, PEOPLE_COLUMNS.iter().map(ToString::to_string));
    for row in report.people_rows.iter().chain(&report.views) {
        push_row(&mut out, person_fields(row).into_iter());
    }
    out
}

/// The team averages as CSV, a header row of [`TEAM_COLUMNS`], then everyone (team `*`) and
/// each team (empty for people without one); quoting as in [`to_csv`]. A group `shown` hides
/// keeps its name and head count, and its other fields stay empty.
pub fn teams_csv(report: &TeamReport, shown: &Disclosure) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, TEAM_COLUMNS.iter().map(ToString::to_string));
    let Some(all) = &report.overall else {
        return out;
    };
    let everyone = (
        "*".to_string(),
        report.people,
        shown.everyone,
        all.scores,
        all.level,
        report.common_gap,
    );
    let teams = report.teams.iter().enumerate().map(|(i, t)| {
        let name = t.name.clone().unwrap_or_default();
        (name, t.people, shown.team(i), t.scores, t.level, t.gap)
    });
    for (name, people, visible, scores, level, gap) in std::iter::once(everyone).chain(teams) {
        let [a, u, c, v] = scores.to_array();
        let mut fields = [
            name,
            people.to_string(),
            level.id().to_string(),
            a.to_string(),
            u.to_string(),
            c.to_string(),
            v.to_string(),
            gap.map(|g| g.dimension.id())
                .unwrap_or_default()
                .to_string(),
            gap.map_or(0, |g| g.people).to_string(),
            gap.map_or(0, |g| g.of).to_string(),
        ];
        if !visible {
            for field in fields.iter_mut().skip(2) {
                field.clear();
            }
        }
        push_row(&mut out, fields.into_iter());
    }
    out
}

/// The people in `rows` sorted by column `column` of [`PEOPLE_COLUMNS`] (levels by maturity,
/// numbers as numbers, text without regard to ASCII case, an empty field last), ties kept in
/// their order; `descending` reverses the order but not the empty fields' place.
pub fn sort_people(rows: &[PersonRow], column: usize, descending: bool) -> Vec<&PersonRow> {
    let key = |row: &PersonRow| -> (bool, u32, String) {
        let o = &row.outcome;
        let number = |n: u8| (false, u32::from(n), String::new());
        match column {
            4 => (false, o.level as u32, String::new()),
            5 => number(o.overall),
            6 => number(o.adoption),
            7..=10 => number(o.scores.to_array()[column - 7]),
            11 => match row.gap() {
                Some(d) => (false, d.index() as u32, String::new()),
                None => (true, 0, String::new()),
            },
            _ => {
                let mut text = person_fields(row)[column.min(11)].clone();
                text.make_ascii_lowercase();
                (text.is_empty(), 0, text)
            }
        }
    };
    let mut keyed: Vec<((bool, u32, String), usize)> =
        rows.iter().enumerate().map(|(i, r)| (key(r), i)).collect();
    keyed.sort_by(|(a, i), (b, j)| {
        let order = (a.1, &a.2).cmp(&(b.1, &b.2));
        let order = if descending { order.reverse() } else { order };
        a.0.cmp(&b.0).then(order).then(i.cmp(j))
    });
    keyed.into_iter().filter_map(|(_, i)| rows.get(i)).collect()
}

/// The download's file name for `what` (`people` or `teams`) on `date` (`YYYY-MM-DD`).
pub fn csv_name(what: &str, date: &str) -> String {
    format!("ai-readiness-{what}-{date}.csv")
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

/// Characters a spreadsheet may start a formula with: the ASCII ones, their full-width forms
/// (which some spreadsheets fold to ASCII), tab and carriage return.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\t', '\r',
];

/// Whether `c` shows nothing in a cell: white space and the invisible format characters
/// (zero-width space and joiners, direction marks and embeddings, the byte order mark, the soft
/// hyphen, word joiners). A formula character behind them still starts a formula when a
/// spreadsheet trims them or a person deletes what they cannot see.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Whether a field would start a formula: its first visible character is one of
/// [`FORMULA_STARTS`], or it starts with a tab or carriage return.
pub fn starts_formula(field: &str) -> bool {
    field.starts_with(['\t', '\r'])
        || field
            .trim_start_matches(invisible)
            .starts_with(FORMULA_STARTS)
}

/// One CSV field, guarded against formula injection and quoted when needed.
fn csv_field(field: &str) -> String {
    let guarded = if starts_formula(field) {
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
