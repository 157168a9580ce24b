//! Sentences the widget builds from catalog texts and numbers: which text fits a result, with
//! which values. The words themselves live in the catalogs ([`super::i18n`]).

use super::code::CodeError;
use super::i18n::{Catalog, Msg};
use super::model::{Dimension, Level};
use super::roster::Problem;
use super::scoring::{BiggestGap, Outcome, RULES};

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

/// The heading over the biggest gap: a gap below Operating, the weakest area at Operating.
pub fn gap_heading(t: &Catalog, gap: &BiggestGap) -> String {
    let msg = if gap.is_gap() {
        Msg::ResultBiggestGap
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
/// see it (Visibility below the floor Operating needs, and below adoption).
pub fn unseen_sentence(t: &Catalog, outcome: &Outcome) -> Option<String> {
    let floor = RULES
        .rule(Level::Operating)
        .and_then(|r| r.ways.first())
        .map_or(0, |w| w[Dimension::Visibility.index()]);
    let v = outcome.scores.visibility;
    (v < floor && v < outcome.adoption)
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

/// One sentence about the distance between seats and adoption.
pub fn adoption_gap_sentence(t: &Catalog, outcome: &Outcome) -> String {
    let gap = outcome.adoption_gap;
    if gap >= 15 {
        t.count(Msg::AdoptionAhead, gap.unsigned_abs().into(), &[])
    } else if gap <= -15 {
        t.count(Msg::AdoptionBehind, gap.unsigned_abs().into(), &[])
    } else {
        t.get(Msg::AdoptionLevel).to_string()
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
