//! Sentences the widget builds from catalog texts and numbers: which text fits a result, with
//! which values. The words themselves live in the catalogs ([`super::i18n`]).

use super::code::CodeError;
use super::i18n::{Catalog, Msg};
use super::model::{Dimension, Level};
use super::roster::Problem;
use super::scoring::{gap_ties, BiggestGap, Outcome, GAP_PRIORITY, RULES};

/// Not configuration but kept here for the error box, which appears before a language is known:
/// configuration mistakes are for the page's author and, like console messages, stay in English.
pub const CONFIG_PROBLEM: &str = "The AI readiness widget could not start";

/// The display name of a dimension.
pub fn dimension_name(t: &Catalog, d: Dimension) -> &str {
    t.get(match d {
        Dimension::Access => Msg::DimensionAccess,
        Dimension::Usage => Msg::DimensionUsage,
        Dimension::Capability => Msg::DimensionCapability,
        Dimension::Visibility => Msg::DimensionVisibility,
    })
}

/// The display name of a level.
pub fn level_name(t: &Catalog, l: Level) -> &str {
    t.get(match l {
        Level::Experimenting => Msg::LevelExperimenting,
        Level::Adopting => Msg::LevelAdopting,
        Level::Operating => Msg::LevelOperating,
    })
}

/// What a level looks like in practice.
pub fn level_meaning(t: &Catalog, l: Level) -> &str {
    t.get(match l {
        Level::Experimenting => Msg::LevelExperimentingMeaning,
        Level::Adopting => Msg::LevelAdoptingMeaning,
        Level::Operating => Msg::LevelOperatingMeaning,
    })
}

/// Under this Usage score almost nobody uses AI on real work at all, so no sentence may say that
/// people try it.
pub const TRIED: u8 = 20;

/// From this score a sentence may say that people use AI on real work (Usage) or get better
/// results from it (Capability): the floor Adopting asks of Usage, read from [`RULES`].
pub fn use_mark() -> u8 {
    RULES
        .rule(Level::Adopting)
        .and_then(|rule| {
            rule.ways
                .iter()
                .map(|w| w[Dimension::Usage.index()])
                .find(|&floor| floor > 0)
        })
        .unwrap_or(50)
}

/// What the result's level looks like, told so that no part of it contradicts the scores: the
/// level's usual meaning where the answers bear it out, else a variant that claims less.
pub fn meaning_msg(outcome: &Outcome) -> Msg {
    let s = outcome.scores;
    let uses = s.usage >= use_mark();
    let proven = RULES
        .rule(Level::Operating)
        .and_then(|r| r.ways.first())
        .map_or(70, |w| w[Dimension::Capability.index()]);
    match outcome.level {
        Level::Experimenting if s.usage < TRIED => Msg::LevelExperimentingNoneMeaning,
        Level::Experimenting => Msg::LevelExperimentingMeaning,
        Level::Adopting if !uses => Msg::LevelAdoptingUnusedMeaning,
        // The usual text: tools rolled out, in use, results not yet proven.
        Level::Adopting if s.access >= use_mark() && s.capability < proven => {
            Msg::LevelAdoptingMeaning
        }
        Level::Adopting => Msg::LevelAdoptingUsedMeaning,
        Level::Operating => Msg::LevelOperatingMeaning,
    }
}

/// The result's level in a sentence or two (see [`meaning_msg`]).
pub fn result_meaning<'a>(t: &'a Catalog, outcome: &Outcome) -> &'a str {
    t.get(meaning_msg(outcome))
}

/// The heading over the biggest gap: a gap below Operating, the weakest area at Operating, and
/// no area at all when every score is robust.
pub fn gap_heading(t: &Catalog, gap: &BiggestGap) -> String {
    let msg = if gap.is_gap() {
        Msg::ResultBiggestGap
    } else if gap.is_robust() {
        Msg::ResultRobust
    } else {
        Msg::ResultWeakest
    };
    t.fill(msg, &[("dimension", dimension_name(t, gap.dimension))])
}

/// One sentence saying why the biggest gap holds the level back: how far it is below the floor
/// the next level needs, or at Operating that it is the weakest area.
pub fn gap_reason(t: &Catalog, gap: &BiggestGap) -> String {
    let why = t.get(match gap.dimension {
        Dimension::Access => Msg::WhyAccess,
        Dimension::Usage => Msg::WhyUsage,
        Dimension::Capability => Msg::WhyCapability,
        Dimension::Visibility => Msg::WhyVisibility,
    });
    let (score, target) = (t.number(gap.score), t.number(gap.target));
    // One argument list for all three sentences: `fill` ignores the ones a text does not use.
    let args = [
        ("dimension", dimension_name(t, gap.dimension)),
        ("level", gap.toward.map_or("", |level| level_name(t, level))),
        ("why", why),
        ("score", score.as_str()),
        ("target", target.as_str()),
    ];
    if gap.is_robust() {
        return t.fill(Msg::GapRobust, &[("robust", &t.number(RULES.robust))]);
    }
    match gap.toward {
        Some(_) => t.count(
            Msg::GapBelow,
            u64::from(gap.target.saturating_sub(gap.score)),
            &args,
        ),
        None => t.fill(Msg::GapTop, &args),
    }
}

/// Visibility apart from adoption: a sentence when people may be adopting but leaders cannot
/// see it (Visibility below the floor Operating needs, and below adoption), said only where the
/// answers show both use and results ([`use_mark`]).
pub fn unseen_sentence(t: &Catalog, outcome: &Outcome) -> Option<String> {
    let floor = RULES
        .rule(Level::Operating)
        .and_then(|r| r.ways.first())
        .map_or(0, |w| w[Dimension::Visibility.index()]);
    let s = outcome.scores;
    let v = s.visibility;
    let adopting = s.usage >= use_mark() && s.capability >= use_mark();
    (v < floor && v < outcome.adoption && adopting)
        .then(|| t.fill(Msg::AdoptionUnseen, &[("visibility", &t.number(v))]))
}

/// A level's rule in plain words, every number read from [`RULES`]; `None` for Experimenting,
/// which asks nothing.
pub fn rule_sentence(t: &Catalog, level: Level) -> Option<String> {
    let rule = RULES.rule(level)?;
    let floor = |way: usize, d: Dimension| t.number(rule.ways.get(way).map_or(0, |w| w[d.index()]));
    let (msg, args) = match level {
        Level::Experimenting => return None,
        // Adopting's two ways in: Access alone, or Usage alone.
        Level::Adopting => (
            Msg::ExplainRuleAdopting,
            vec![
                ("access", floor(0, Dimension::Access)),
                ("usage", floor(1, Dimension::Usage)),
            ],
        ),
        Level::Operating => (
            Msg::ExplainRuleOperating,
            vec![
                ("usage", floor(0, Dimension::Usage)),
                ("capability", floor(0, Dimension::Capability)),
                ("visibility", floor(0, Dimension::Visibility)),
            ],
        ),
    };
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(t.fill(msg, &args))
}

/// Why the result is at its level, with its own four scores.
pub fn verdict(t: &Catalog, outcome: &Outcome) -> String {
    let [access, usage, capability, visibility, _] = score_args(t, outcome);
    let msg = match outcome.level {
        Level::Experimenting => Msg::ExplainVerdictExperimenting,
        Level::Adopting => Msg::ExplainVerdictAdopting,
        Level::Operating => Msg::ExplainVerdictOperating,
    };
    t.fill(
        msg,
        &[
            ("access", &access),
            ("usage", &usage),
            ("capability", &capability),
            ("visibility", &visibility),
        ],
    )
}

/// How adoption and the access-vs-adoption gap follow from the scores.
pub fn adoption_working(t: &Catalog, outcome: &Outcome) -> String {
    t.fill(
        Msg::ExplainAdoption,
        &[
            ("adoption", &t.number(outcome.adoption)),
            ("gap", &signed_gap(t, outcome.adoption_gap)),
        ],
    )
}

/// The access-vs-adoption gap as shown: signed, plain 0.
pub fn signed_gap(t: &Catalog, gap: i16) -> String {
    match gap {
        0 => t.number(0),
        gap => t.lang.signed(gap.into()),
    }
}

/// What the answers show about use (Usage) and results (Capability), and about the tools when
/// neither has followed: each text claims only what its branch guarantees.
pub fn adoption_state_msg(outcome: &Outcome) -> Msg {
    let s = outcome.scores;
    let mark = use_mark();
    match (s.usage >= mark, s.capability >= mark) {
        (true, true) => Msg::AdoptionBoth,
        (true, false) => Msg::AdoptionUse,
        (false, true) => Msg::AdoptionResults,
        (false, false) if s.access >= mark => Msg::AdoptionTools,
        (false, false) => Msg::AdoptionNone,
    }
}

/// The distance between seats and adoption in numbers, then what the answers show.
pub fn adoption_gap_sentence(t: &Catalog, outcome: &Outcome) -> String {
    let gap = outcome.adoption_gap;
    let headline = if gap >= 15 {
        t.count(Msg::AdoptionAhead, gap.unsigned_abs().into(), &[])
    } else if gap <= -15 {
        t.count(Msg::AdoptionBehind, gap.unsigned_abs().into(), &[])
    } else {
        t.get(Msg::AdoptionLevel).to_string()
    };
    format!("{headline} {}", t.get(adoption_state_msg(outcome)))
}

/// Names joined as a list in the catalog's language: "Usage, Visibility and Access".
pub fn list(t: &Catalog, names: &[&str]) -> String {
    let Some((last, rest)) = names.split_last() else {
        return String::new();
    };
    let Some((before, rest)) = rest.split_last() else {
        return (*last).to_string();
    };
    let mut out = t.fill(Msg::ExplainListEnd, &[("a", before), ("b", last)]);
    for name in rest.iter().rev() {
        out = t.fill(Msg::ExplainListMiddle, &[("a", name), ("b", &out)]);
    }
    out
}

/// How the biggest gap is chosen and how ties are broken, with the tie order read from
/// [`GAP_PRIORITY`].
pub fn gap_rule(t: &Catalog) -> String {
    let [first, second, third, fourth] = GAP_PRIORITY.map(|d| dimension_name(t, d));
    t.fill(
        Msg::ExplainGapRule,
        &[
            ("first", first),
            ("second", second),
            ("third", third),
            ("fourth", fourth),
        ],
    )
}

/// When the tie rule chose the biggest gap (or the weakest area), which areas tied and which one
/// it named; `None` when one area stood out or nothing is named.
pub fn tie_sentence(t: &Catalog, outcome: &Outcome) -> Option<String> {
    let tied = gap_ties(outcome.scores, outcome.level);
    if tied.len() < 2 {
        return None;
    }
    let names: Vec<&str> = tied.iter().map(|&d| dimension_name(t, d)).collect();
    let msg = if outcome.biggest_gap.is_gap() {
        Msg::ExplainTie
    } else {
        Msg::ExplainTieWeakest
    };
    Some(t.fill(
        msg,
        &[
            ("tied", &list(t, &names)),
            (
                "dimension",
                dimension_name(t, outcome.biggest_gap.dimension),
            ),
        ],
    ))
}

/// What the result code's box says about it: sending it to a team lead only where the host
/// offers the team view (`teamLink`), as on an intranet; otherwise how to open it again.
pub fn code_help_msg(team_link: bool) -> Msg {
    if team_link {
        Msg::CodeHelp
    } else {
        Msg::CodeHelpPublic
    }
}

/// One sentence on how the level moved since the previous result.
pub fn level_change(t: &Catalog, previous: Level, now: Level) -> String {
    let msg = match now.cmp(&previous) {
        std::cmp::Ordering::Greater => Msg::ChangeUp,
        std::cmp::Ordering::Less => Msg::ChangeDown,
        std::cmp::Ordering::Equal => Msg::ChangeSame,
    };
    t.fill(
        msg,
        &[
            ("was", level_name(t, previous)),
            ("now", level_name(t, now)),
        ],
    )
}

/// The four scores by name, for `result.sentence` and the chart's text alternative.
fn score_args(t: &Catalog, outcome: &Outcome) -> [String; 5] {
    let s = outcome.scores;
    [
        s.access,
        s.usage,
        s.capability,
        s.visibility,
        outcome.overall,
    ]
    .map(|v| t.number(v))
}

/// The result in one sentence, for screen readers: level and the four scores.
pub fn result_sentence(t: &Catalog, outcome: &Outcome) -> String {
    let [access, usage, capability, visibility, overall] = score_args(t, outcome);
    t.fill(
        Msg::ResultSentence,
        &[
            ("level", level_name(t, outcome.level)),
            ("access", &access),
            ("usage", &usage),
            ("capability", &capability),
            ("visibility", &visibility),
            ("overall", &overall),
        ],
    )
}

/// The chart as one line of text: the four names and scores.
pub fn chart_summary(t: &Catalog, outcome: &Outcome) -> String {
    let [access, usage, capability, visibility, _] = score_args(t, outcome);
    t.fill(
        Msg::ResultChartSummary,
        &[
            ("access", &access),
            ("usage", &usage),
            ("capability", &capability),
            ("visibility", &visibility),
        ],
    )
}

/// Progress as read out: "Question 4 of 12".
pub fn question_of(t: &Catalog, position: usize, total: usize) -> String {
    position_text(t, Msg::QuestionProgress, position, total)
}

/// Progress as shown: "4 of 12".
pub fn position(t: &Catalog, position: usize, total: usize) -> String {
    position_text(t, Msg::QuestionPosition, position, total)
}

fn position_text(t: &Catalog, msg: Msg, position: usize, total: usize) -> String {
    let (n, total) = (t.number(position as i64), t.number(total as i64));
    t.fill(msg, &[("n", &n), ("total", &total)])
}

/// Why a result code could not be read, in the visitor's language.
pub fn code_error(t: &Catalog, error: &CodeError) -> String {
    match error {
        CodeError::PayloadOutOfRange { payload, version } => t.fill(
            Msg::ErrorCodeRange,
            &[("payload", payload), ("version", version)],
        ),
        // Only encoding reports this, and encoding the widget's own answers does not fail.
        CodeError::Answers(e) => format!("cannot make a result code: {e}"),
        CodeError::Empty => t.get(Msg::ErrorCodeEmpty).to_string(),
        CodeError::BadCharacter {
            character,
            position,
        } => t.fill(
            Msg::ErrorCodeCharacter,
            &[
                ("character", &super::code::shown(*character)),
                ("position", &t.number(*position as i64)),
            ],
        ),
        CodeError::WrongLength { expected, got } => t.fill(
            Msg::ErrorCodeLength,
            &[
                ("expected", &t.number(*expected as i64)),
                ("got", &t.number(*got as i64)),
            ],
        ),
        CodeError::BadCheck { got, .. } => {
            t.fill(Msg::ErrorCodeCheck, &[("got", &got.to_string())])
        }
        CodeError::UnknownVersion { version } => t.fill(
            Msg::ErrorCodeVersion,
            &[
                (
                    "version",
                    &super::code::shorten(
                        &version.chars().map(super::code::shown).collect::<String>(),
                    ),
                ),
                ("supported", super::bank::QUESTION_SET),
            ],
        ),
    }
}

/// The English text of the catalog, so console and tests read what an English visitor reads.
/// Here beside [`code_error`] rather than in `code`, which would otherwise import this module.
impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodeError::Answers(e) => write!(f, "cannot make a result code: {e}"),
            _ => f.write_str(&code_error(&Catalog::english(), self)),
        }
    }
}

/// Why a pasted line did not count, in the team lead's language.
pub fn problem(t: &Catalog, problem: &Problem) -> String {
    match problem {
        Problem::Fields { got } => t.fill(Msg::ErrorLineFields, &[("got", &t.number(*got as i64))]),
        Problem::Unclosed { field } => {
            t.fill(Msg::ErrorLineQuote, &[("field", &t.number(*field as i64))])
        }
        Problem::AfterQuote { field, text } => t.fill(
            Msg::ErrorLineAfterQuote,
            &[("field", &t.number(*field as i64)), ("text", text)],
        ),
        Problem::Code(e) => code_error(t, e),
    }
}

/// The plan's heading: the area it works on, or the level it keeps.
pub fn plan_heading(t: &Catalog, plan: &super::plan::Plan, level: Level) -> String {
    match plan.focus {
        Some(d) => t.fill(Msg::ResultPlan, &[("dimension", dimension_name(t, d))]),
        None => t.fill(Msg::ResultPlanKeep, &[("level", level_name(t, level))]),
    }
}

/// The 90-day plan as a plain-text checklist to paste into a task list or a document.
pub fn plan_checklist(t: &Catalog, heading: &str, phases: &[super::plan::Step; 3]) -> String {
    let labels = [Msg::PlanPhase1, Msg::PlanPhase2, Msg::PlanPhase3];
    let mut out = String::from(heading);
    for (step, label) in phases.iter().zip(labels) {
        out.push_str("\n- [ ] ");
        out.push_str(t.get(label));
        out.push_str(": ");
        out.push_str(t.get(step.msg));
    }
    out
}
