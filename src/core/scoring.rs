//! Scoring: answers in, dimension scores, level, adoption gap and biggest gap out.
//!
//! Every weight and threshold lives in [`RULES`]; README.md "How scoring works" explains them.
//! Each score is a non-decreasing function of every answer and each level test only asks
//! "at least", so better answers can never lower a score or the level.

use serde::Serialize;

use super::bank::{MODEL_VERSION, QUESTIONS};
use super::model::{Answers, Dimension, Level};

/// What a level asks of the scores. A level is reached when the adoption score (the mean of
/// Usage, Capability and Visibility) and every floor are met, or, where set, when Access alone
/// reaches `or_access`.
#[derive(Clone, Copy, Debug)]
pub struct LevelRule {
    /// The level this rule admits to.
    pub level: Level,
    /// Lowest adoption score that reaches the level.
    pub min_adoption: u8,
    /// Lowest score per dimension (in [`Dimension::ALL`] order) that reaches the level.
    pub floors: [u8; 4],
    /// An alternative way in: rolled-out tools alone make a team Adopting, never Operating.
    pub or_access: Option<u8>,
    /// What a team at this level typically shows per dimension; the biggest gap is measured
    /// against the next level's profile. A 0 means the dimension does not decide the level.
    pub profile: [u8; 4],
}

/// The whole scoring model's numbers.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    /// Weight of each dimension in the overall score and in ranking gaps, in percent (sums to
    /// 100). Capability weighs most: it is the dimension that proves a seat became adoption.
    pub weights: [u8; 4],
    /// Rules for the levels above Experimenting, lowest first.
    pub levels: [LevelRule; 2],
}

/// The scoring model, version [`MODEL_VERSION`].
pub const RULES: Rules = Rules {
    weights: [15, 25, 35, 25],
    levels: [
        LevelRule {
            level: Level::Adopting,
            min_adoption: 30,
            floors: [0, 0, 0, 0],
            or_access: Some(50),
            profile: [50, 30, 30, 30],
        },
        LevelRule {
            level: Level::Operating,
            min_adoption: 70,
            floors: [0, 60, 60, 60],
            or_access: None,
            profile: [0, 70, 70, 70],
        },
    ],
};

/// The four dimension scores, 0-100, in [`Dimension::ALL`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Scores {
    /// Access score.
    pub access: u8,
    /// Usage score.
    pub usage: u8,
    /// Capability score.
    pub capability: u8,
    /// Visibility score.
    pub visibility: u8,
}

impl Scores {
    /// Builds scores from an array in [`Dimension::ALL`] order.
    pub fn from_array(a: [u8; 4]) -> Self {
        Scores {
            access: a[0],
            usage: a[1],
            capability: a[2],
            visibility: a[3],
        }
    }

    /// The scores as an array in [`Dimension::ALL`] order.
    pub fn to_array(self) -> [u8; 4] {
        [self.access, self.usage, self.capability, self.visibility]
    }

    /// The score of one dimension.
    pub fn get(self, d: Dimension) -> u8 {
        self.to_array()[d.index()]
    }
}

/// The dimension that holds the level back most, and by how much.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct BiggestGap {
    /// The dimension.
    pub dimension: Dimension,
    /// Its score.
    pub score: u8,
    /// The score a team at `toward` typically shows in this dimension.
    pub target: u8,
    /// The level this gap stands between the team and; `None` when already Operating.
    pub toward: Option<Level>,
}

/// A complete assessment result.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// Per-dimension scores.
    pub scores: Scores,
    /// Weighted overall score, 0-100.
    pub overall: u8,
    /// Mean of Usage, Capability and Visibility: how far the seats turned into adoption.
    pub adoption: u8,
    /// The readiness level.
    pub level: Level,
    /// Access minus the mean of the other three: how far seats run ahead of adoption.
    pub adoption_gap: i16,
    /// The dimension that holds the level back most.
    pub biggest_gap: BiggestGap,
    /// The model version that produced this result.
    pub model_version: &'static str,
}

/// Why [`score`] could not produce a result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoreError {
    /// The answers do not cover every question exactly once.
    WrongCount {
        /// How many answers came in.
        got: usize,
        /// How many questions the bank has.
        expected: usize,
    },
    /// An answer picks an option the question does not have.
    OptionOutOfRange {
        /// The question's id.
        question: &'static str,
        /// The option index given.
        got: u8,
        /// How many options the question has.
        options: usize,
    },
}

impl std::fmt::Display for ScoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoreError::WrongCount { got, expected } => {
                write!(
                    f,
                    "answers must have {expected} entries, one per question, got {got}"
                )
            }
            ScoreError::OptionOutOfRange {
                question,
                got,
                options,
            } => write!(
                f,
                "answer for \"{question}\" must be an option index from 0 to {}, got {got}",
                options - 1
            ),
        }
    }
}

impl std::error::Error for ScoreError {}

/// Checks that `answers` fits the question bank.
pub fn validate(answers: &Answers) -> Result<(), ScoreError> {
    if answers.0.len() != QUESTIONS.len() {
        return Err(ScoreError::WrongCount {
            got: answers.0.len(),
            expected: QUESTIONS.len(),
        });
    }
    for (q, &a) in QUESTIONS.iter().zip(&answers.0) {
        if usize::from(a) >= q.options.len() {
            return Err(ScoreError::OptionOutOfRange {
                question: q.id,
                got: a,
                options: q.options.len(),
            });
        }
    }
    Ok(())
}

/// Scores a complete set of answers.
pub fn score(answers: &Answers) -> Result<Outcome, ScoreError> {
    validate(answers)?;
    let scores = dimension_scores(answers);
    Ok(outcome_from_scores(scores))
}

/// Mean points per dimension, rounded half up.
fn dimension_scores(answers: &Answers) -> Scores {
    let mut sums = [0.0f64; 4];
    let mut counts = [0u32; 4];
    for (i, q) in QUESTIONS.iter().enumerate() {
        let d = q.dimension.index();
        sums[d] += q.points(answers.get(i));
        counts[d] += 1;
    }
    let mut out = [0u8; 4];
    for d in 0..4 {
        out[d] = round_percent(sums[d] / f64::from(counts[d].max(1)));
    }
    Scores::from_array(out)
}

/// Rounds a 0-100 value half up; the small epsilon absorbs float noise such as 49.999….
fn round_percent(value: f64) -> u8 {
    (value + 1e-9).round().clamp(0.0, 100.0) as u8
}

/// Everything that follows from the four dimension scores. Also used for team averages.
pub fn outcome_from_scores(scores: Scores) -> Outcome {
    let adoption = adoption(scores);
    let level = level(scores);
    Outcome {
        scores,
        overall: overall(scores),
        adoption,
        level,
        adoption_gap: i16::from(scores.access) - i16::from(adoption),
        biggest_gap: biggest_gap(scores, level),
        model_version: MODEL_VERSION,
    }
}

/// The weighted overall score.
pub fn overall(scores: Scores) -> u8 {
    let s = scores.to_array();
    let total: u32 = (0..4)
        .map(|d| u32::from(s[d]) * u32::from(RULES.weights[d]))
        .sum();
    round_percent(f64::from(total) / 100.0)
}

/// The adoption score: the rounded mean of Usage, Capability and Visibility.
pub fn adoption(scores: Scores) -> u8 {
    let rest =
        u32::from(scores.usage) + u32::from(scores.capability) + u32::from(scores.visibility);
    round_percent(f64::from(rest) / 3.0)
}

/// The highest level whose rule the scores meet.
pub fn level(scores: Scores) -> Level {
    let s = scores.to_array();
    let adoption = adoption(scores);
    RULES
        .levels
        .iter()
        .rev()
        .find(|rule| {
            let by_floors = adoption >= rule.min_adoption && (0..4).all(|d| s[d] >= rule.floors[d]);
            let by_access = rule.or_access.is_some_and(|min| scores.access >= min);
            by_floors || by_access
        })
        .map_or(Level::Experimenting, |rule| rule.level)
}

/// Tie order for the biggest gap: the dimensions that prove adoption come first.
pub(crate) const GAP_PRIORITY: [Dimension; 4] = [
    Dimension::Capability,
    Dimension::Visibility,
    Dimension::Usage,
    Dimension::Access,
];

/// The dimension that holds the level back most: the largest weighted shortfall against the next
/// level's profile. When nothing falls short (or at Operating) it is the deciding dimension with
/// the most weighted room to grow.
pub fn biggest_gap(scores: Scores, level: Level) -> BiggestGap {
    let toward = level.next();
    let profile = toward
        .and_then(|next| RULES.levels.iter().find(|r| r.level == next))
        .map_or([100; 4], |rule| rule.profile);
    let weighted = |d: Dimension, target: u8| {
        u32::from(target.saturating_sub(scores.get(d))) * u32::from(RULES.weights[d.index()])
    };
    let pick = |targets: [u8; 4]| {
        // `max_by_key` keeps the last maximum, so walk the priority order backwards.
        let best = GAP_PRIORITY
            .iter()
            .rev()
            .copied()
            .max_by_key(|&d| weighted(d, targets[d.index()]));
        best.unwrap_or(Dimension::Capability)
    };
    let mut targets = profile;
    let mut dimension = pick(targets);
    if weighted(dimension, targets[dimension.index()]) == 0 {
        targets = profile.map(|t| if t > 0 { 100 } else { 0 });
        dimension = pick(targets);
    }
    BiggestGap {
        dimension,
        score: scores.get(dimension),
        target: targets[dimension.index()],
        toward,
    }
}
