//! Scoring: answers in, dimension scores, level, adoption gap and biggest gap out.
//!
//! Every weight and threshold lives in [`RULES`]; the book's "How scoring works"
//! (docs/src/scoring.md) explains them.
//! Each score is a non-decreasing function of every answer and each level test only asks
//! "at least", so better answers can never lower a score or the level.

use serde::Serialize;

use super::bank::{Question, MODEL_VERSION, QUESTIONS};
use super::model::{Answers, Dimension, Level};

/// What a level asks of the scores: floors only. A level is reached when every floor of any one
/// of its ways in is met. The chart, the sentences, the explanation and the moves up all read
/// these same numbers, so the result can never cite a threshold the level did not use.
#[derive(Clone, Copy, Debug)]
pub struct LevelRule {
    /// The level this rule admits to.
    pub level: Level,
    /// The ways in: for each, the lowest score per dimension (in [`Dimension::ALL`] order) it
    /// asks; 0 means that way does not ask anything of the dimension.
    pub ways: &'static [[u8; 4]],
}

impl LevelRule {
    /// Whether `scores` meet every floor of way `way`.
    pub fn way_met(&self, way: usize, scores: Scores) -> bool {
        let s = scores.to_array();
        self.ways
            .get(way)
            .is_some_and(|floors| (0..4).all(|d| s[d] >= floors[d]))
    }

    /// Whether `scores` reach this level by any way.
    pub fn met(&self, scores: Scores) -> bool {
        (0..self.ways.len()).any(|way| self.way_met(way, scores))
    }
}

/// The whole scoring model's numbers.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    /// Weight of each dimension in the overall score and in ranking gaps, in percent (sums to
    /// 100). Capability weighs most: it is the dimension that proves a seat became adoption.
    pub weights: [u8; 4],
    /// Rules for the levels above Experimenting, lowest first.
    pub levels: [LevelRule; 2],
    /// At Operating there is no gap; the weakest area counts as robust from this score on.
    pub robust: u8,
}

/// The scoring model, version [`MODEL_VERSION`].
///
/// - Adopting: tools are rolled out (Access 50), or people use AI on real work anyway (Usage 50).
/// - Operating: Usage 60, Capability and Visibility 70 each. Access is not asked: more seats
///   alone can never make a team Operating, and nobody is Operating without better results
///   (Capability) that leaders can see (Visibility); middling answers there (67) are not enough.
pub const RULES: Rules = Rules {
    weights: [15, 25, 35, 25],
    levels: [
        LevelRule {
            level: Level::Adopting,
            ways: &[[50, 0, 0, 0], [0, 50, 0, 0]],
        },
        LevelRule {
            level: Level::Operating,
            ways: &[[0, 60, 70, 70]],
        },
    ],
    robust: 80,
};

// The overall score is a weighted mean: the weights must add up to 100, checked when compiling.
const _: () = {
    let w = RULES.weights;
    assert!(
        w[0] as u32 + w[1] as u32 + w[2] as u32 + w[3] as u32 == 100,
        "the dimension weights must sum to 100"
    );
};

impl Rules {
    /// The rule that admits to `level`; `None` for Experimenting, which everyone reaches.
    pub fn rule(&self, level: Level) -> Option<&LevelRule> {
        self.levels.iter().find(|r| r.level == level)
    }
}

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

/// The dimension that holds the level back most, and by how much. At Operating there is no gap:
/// then this is the weakest area, `toward` is `None` and `target` is the robust score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct BiggestGap {
    /// The dimension.
    pub dimension: Dimension,
    /// Its score.
    pub score: u8,
    /// The floor the next level asks of this dimension (on the way in that is closest), or at
    /// Operating the robust score ([`Rules::robust`]).
    pub target: u8,
    /// The level this gap stands between the team and; `None` when already Operating.
    pub toward: Option<Level>,
    /// Which of `toward`'s ways in the gap is measured on (index into [`LevelRule::ways`]).
    pub way: usize,
}

impl BiggestGap {
    /// Whether this is a real gap (below Operating) rather than the weakest area at the top.
    pub fn is_gap(&self) -> bool {
        self.toward.is_some()
    }

    /// Whether there is nothing to name at all: Operating with every score at or above the
    /// robust mark ([`Rules::robust`]). Then the result names no weakest area and plans to keep
    /// the level; `dimension` is still the lowest score, by the tie order, for the events.
    pub fn is_robust(&self) -> bool {
        self.toward.is_none() && self.score >= self.target
    }
}

/// A complete assessment result.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// Per-dimension scores.
    pub scores: Scores,
    /// Weighted overall score, 0-100.
    pub overall: u8,
    /// Mean of Usage and Capability: how far people use AI on real work with better results.
    /// Visibility is not part of it: not measured is not the same as not adopted.
    pub adoption: u8,
    /// The readiness level.
    pub level: Level,
    /// Access minus adoption: how far seats run ahead of use and results.
    pub adoption_gap: i16,
    /// The dimension that holds the level back most.
    pub biggest_gap: BiggestGap,
    /// The model version that produced this result.
    pub model_version: &'static str,
    /// The [`MODEL_FINGERPRINT`] of the bank and rules that produced it.
    pub model_fingerprint: &'static str,
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

/// Mean points per dimension, rounded half up, in whole numbers throughout.
pub fn dimension_scores(answers: &Answers) -> Scores {
    let mut sums = [0u32; 4];
    let mut counts = [0u32; 4];
    for (i, q) in QUESTIONS.iter().enumerate() {
        let d = q.dimension.index();
        sums[d] += u32::from(q.points(answers.get(i)));
        counts[d] += 1;
    }
    Scores::from_array(std::array::from_fn(|d| {
        let n = counts[d].max(1);
        ((2 * sums[d] + n) / (2 * n)).min(100) as u8
    }))
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
        model_fingerprint: MODEL_FINGERPRINT,
    }
}

/// The weighted overall score.
pub fn overall(scores: Scores) -> u8 {
    let s = scores.to_array();
    let total: u32 = (0..4)
        .map(|d| u32::from(s[d]) * u32::from(RULES.weights[d]))
        .sum();
    // Rounded half up: the weights sum to 100.
    ((total + 50) / 100).min(100) as u8
}

/// The adoption score: the mean of Usage and Capability, rounded half up.
pub fn adoption(scores: Scores) -> u8 {
    let sum = u32::from(scores.usage) + u32::from(scores.capability);
    sum.div_ceil(2) as u8
}

/// The highest level whose rule the scores meet.
pub fn level(scores: Scores) -> Level {
    RULES
        .levels
        .iter()
        .rev()
        .find(|rule| rule.met(scores))
        .map_or(Level::Experimenting, |rule| rule.level)
}

/// Tie order for the biggest gap and the weakest area: the dimensions that prove adoption come
/// first. The explanation states it ([`super::text::gap_rule`]).
pub const GAP_PRIORITY: [Dimension; 4] = [
    Dimension::Capability,
    Dimension::Visibility,
    Dimension::Usage,
    Dimension::Access,
];

/// The dimension that holds the level back most. Below Operating: on the next level's way in
/// with the smallest weighted shortfall (equally close ways: the one listed first), the dimension
/// with the largest weighted shortfall against its floor. At Operating: the weakest area, the
/// lowest score. Equal dimensions go by [`GAP_PRIORITY`].
pub fn biggest_gap(scores: Scores, level: Level) -> BiggestGap {
    let contenders = gap_contenders(scores, level);
    // Never empty (every way has four dimensions); the fallback only keeps this total.
    let (dimension, way) = contenders
        .first()
        .copied()
        .unwrap_or((Dimension::Capability, 0));
    let toward = level.next();
    let target = match toward.and_then(|l| RULES.rule(l)) {
        Some(rule) => rule.ways.get(way).map_or(0, |w| w[dimension.index()]),
        None => RULES.robust,
    };
    BiggestGap {
        dimension,
        score: scores.get(dimension),
        target,
        toward,
        way,
    }
}

/// Every dimension that holds the level back as much as the biggest gap does (at Operating: every
/// lowest score), with the way in it is measured on, the named one first: ways in the order they
/// are listed, then dimensions by [`GAP_PRIORITY`]. More than one entry means the tie rule chose.
/// Empty at Operating when every score is robust: then nothing is named.
pub fn gap_ties(scores: Scores, level: Level) -> Vec<Dimension> {
    let gap = biggest_gap(scores, level);
    if gap.is_robust() {
        return Vec::new();
    }
    gap_contenders(scores, level)
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

/// The candidates for the biggest gap in rule order (see [`gap_ties`]), each with its way in.
fn gap_contenders(scores: Scores, level: Level) -> Vec<(Dimension, usize)> {
    let weighted = |d: Dimension, target: u8| {
        u32::from(target.saturating_sub(scores.get(d))) * u32::from(RULES.weights[d.index()])
    };
    let Some(rule) = level.next().and_then(|l| RULES.rule(l)) else {
        let low = scores.to_array().into_iter().min().unwrap_or(0);
        return GAP_PRIORITY
            .iter()
            .filter(|&&d| scores.get(d) == low)
            .map(|&d| (d, 0))
            .collect();
    };
    let shortfall = |floors: &[u8; 4]| -> u32 {
        Dimension::ALL
            .iter()
            .map(|&d| weighted(d, floors[d.index()]))
            .sum()
    };
    let closest = rule.ways.iter().map(shortfall).min().unwrap_or(0);
    let mut out = Vec::new();
    for (way, floors) in rule.ways.iter().enumerate() {
        if shortfall(floors) != closest {
            continue;
        }
        let most = Dimension::ALL
            .iter()
            .map(|&d| weighted(d, floors[d.index()]))
            .max()
            .unwrap_or(0);
        out.extend(
            GAP_PRIORITY
                .iter()
                .filter(|&&d| weighted(d, floors[d.index()]) == most)
                .map(|&d| (d, way)),
        );
    }
    out
}

/// A short hash of the question bank (ids, dimensions, option counts) and of [`RULES`], as eight
/// hex digits. Two results with the same fingerprint were scored by the same questions and
/// rules, so they can be compared honestly; any change to either changes it.
pub const MODEL_FINGERPRINT: &str = match std::str::from_utf8(&FINGERPRINT_HEX) {
    Ok(text) => text,
    Err(_) => "",
};

const FINGERPRINT_HEX: [u8; 8] = hex(fingerprint(&QUESTIONS, &RULES));

/// FNV-1a (32 bit) over the bank and the rules, in a fixed order.
pub const fn fingerprint(questions: &[Question], rules: &Rules) -> u32 {
    const fn eat(hash: u32, byte: u8) -> u32 {
        (hash ^ byte as u32).wrapping_mul(0x0100_0193)
    }
    let mut hash: u32 = 0x811c_9dc5;
    let mut q = 0;
    while q < questions.len() {
        let id = questions[q].id.as_bytes();
        let mut i = 0;
        while i < id.len() {
            hash = eat(hash, id[i]);
            i += 1;
        }
        hash = eat(hash, questions[q].dimension as u8);
        hash = eat(hash, questions[q].options.len() as u8);
        q += 1;
    }
    let mut d = 0;
    while d < 4 {
        hash = eat(hash, rules.weights[d]);
        d += 1;
    }
    let mut l = 0;
    while l < rules.levels.len() {
        let rule = &rules.levels[l];
        hash = eat(hash, rule.level as u8);
        let mut w = 0;
        while w < rule.ways.len() {
            let mut d = 0;
            while d < 4 {
                hash = eat(hash, rule.ways[w][d]);
                d += 1;
            }
            w += 1;
        }
        l += 1;
    }
    eat(hash, rules.robust)
}

const fn hex(value: u32) -> [u8; 8] {
    let digits = b"0123456789abcdef";
    let mut out = [0u8; 8];
    let mut i = 0;
    while i < 8 {
        out[i] = digits[((value >> (28 - 4 * i)) & 0xf) as usize];
        i += 1;
    }
    out
}
