use crate::core::i18n::{Catalog, Msg};
use crate::core::keys::{team_key, Index};
use crate::core::model::{Dimension, Level, Perspective};
use crate::core::plan::{steps, KEEP};
use crate::core::roster::{Roster, RosterEntry};
use crate::core::scoring::{outcome_from_scores, Outcome, Scores, GAP_PRIORITY, RULES};
use crate::core::text::dimension_name;

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
