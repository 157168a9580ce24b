//! Sentences the widget builds from catalog texts and numbers: which text fits a result, with
//! which values. The words themselves live in the catalogs ([`super::i18n`]).

use super::code::CodeError;
use super::i18n::{Catalog, Msg};
use super::model::{Dimension, Level};
use super::roster::Problem;
use super::scoring::{BiggestGap, Outcome};

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

/// One sentence saying why the biggest gap holds the level back.
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
        Some(_) if gap.target < 100 => {
            t.count(Msg::GapBelow, u64::from(gap.target - gap.score), &args)
        }
        Some(_) => t.fill(Msg::GapRoom, &args),
        None => t.fill(Msg::GapTop, &args),
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
                ("supported", super::bank::MODEL_VERSION),
            ],
        ),
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
