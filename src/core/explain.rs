//! The working behind a result and the moves that lift it, computed from the same questions and
//! [`RULES`] as the score itself, so neither can disagree with it.

use super::bank::QUESTIONS;
use super::model::{Answers, Dimension, Level};
use super::scoring::{dimension_scores, score, Outcome, RULES};

/// One answer's part in a dimension's score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Earned {
    /// The question's position in the bank.
    pub question: usize,
    /// The option given.
    pub option: u8,
    /// The points it earned, 0-100.
    pub points: u8,
}

/// How one dimension's score came about: its answers and their mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Working {
    /// The dimension.
    pub dimension: Dimension,
    /// Its questions in bank order, with the answer given and the points earned.
    pub answers: Vec<Earned>,
    /// The dimension's score: the mean of those points, rounded half up.
    pub score: u8,
}

/// The working for every dimension, in display order.
pub fn working(answers: &Answers) -> Vec<Working> {
    let scores = dimension_scores(answers);
    Dimension::ALL
        .iter()
        .map(|&dimension| Working {
            dimension,
            answers: QUESTIONS
                .iter()
                .enumerate()
                .filter(|(_, q)| q.dimension == dimension)
                .map(|(question, q)| {
                    let option = answers.0.get(question).copied().unwrap_or(0);
                    Earned {
                        question,
                        option,
                        points: q.points(option),
                    }
                })
                .collect(),
            score: scores.get(dimension),
        })
        .collect()
}

/// One answer change: question `question` moves from option `from` to option `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    /// The question's position in the bank.
    pub question: usize,
    /// The option given today.
    pub from: u8,
    /// The option it moves to (higher: one option step per difference).
    pub to: u8,
}

/// What moves a result up: toward the next level, or at Operating toward a robust weakest area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveUp {
    /// The level the moves reach; `None` at Operating.
    pub toward: Option<Level>,
    /// At Operating: the weakest area the moves make robust.
    pub weakest: Option<Dimension>,
    /// The fewest option steps that get there, in bank order; empty when there is nothing to
    /// do (the weakest area is already robust).
    pub moves: Vec<Move>,
}

impl MoveUp {
    /// How many option steps the moves take in all.
    pub fn steps(&self) -> u32 {
        self.moves
            .iter()
            .map(|m| u32::from(m.to.saturating_sub(m.from)))
            .sum()
    }

    /// The answers with the moves applied.
    pub fn applied(&self, answers: &Answers) -> Answers {
        let mut out = answers.clone();
        for m in &self.moves {
            if let Some(a) = out.0.get_mut(m.question) {
                *a = m.to;
            }
        }
        out
    }
}

/// The smallest set of answer changes (fewest option steps) that lifts `answers` to the next
/// level, or at Operating that brings the weakest area to [`RULES`]' robust score. `None` for
/// answers that do not fit the bank, and at Operating with every area robust: nothing to move. Dimensions
/// score independently, so the search runs per dimension: for each way into the next level and
/// each floor it sets, every combination of that dimension's answers is tried. Ties go to the
/// higher score, then to the way listed first and the earlier question, so the answer is
/// always the same.
pub fn move_up(answers: &Answers) -> Option<MoveUp> {
    let outcome = score(answers).ok()?;
    if outcome.biggest_gap.is_robust() {
        return None;
    }
    let Some(next) = outcome.level.next() else {
        let weakest = outcome.biggest_gap.dimension;
        return Some(MoveUp {
            toward: None,
            weakest: Some(weakest),
            moves: raise(answers, weakest, RULES.robust)?,
        });
    };
    let rule = RULES.rule(next)?;
    let best = rule
        .ways
        .iter()
        .filter_map(|floors| {
            let mut moves = Vec::new();
            for &d in &Dimension::ALL {
                moves.extend(raise(answers, d, floors[d.index()])?);
            }
            moves.sort_by_key(|m| m.question);
            Some(moves)
        })
        .min_by_key(|moves| moves.iter().map(|m| m.to - m.from).sum::<u8>())?;
    Some(MoveUp {
        toward: Some(next),
        weakest: None,
        moves: best,
    })
}

/// The fewest option steps that bring dimension `d` to at least `target` (none when it is
/// there already); `None` when even the top answers cannot.
fn raise(answers: &Answers, d: Dimension, target: u8) -> Option<Vec<Move>> {
    let questions: Vec<usize> = (0..QUESTIONS.len())
        .filter(|&i| QUESTIONS[i].dimension == d)
        .collect();
    let now: Vec<u8> = questions
        .iter()
        .map(|&i| answers.0.get(i).copied().unwrap_or(0))
        .collect();
    // Scored by the scoring itself, so a move can never promise what the score would not give.
    let mut trial = answers.clone();
    let mut score_of = |options: &[u8]| -> u8 {
        for (&i, &o) in questions.iter().zip(options) {
            trial.0[i] = o;
        }
        dimension_scores(&trial).get(d)
    };
    if score_of(&now) >= target {
        return Some(Vec::new());
    }
    // Every combination of answers at or above today's, in a fixed order.
    let tops: Vec<u8> = questions
        .iter()
        .map(|&i| QUESTIONS[i].options.len() as u8 - 1)
        .collect();
    let mut candidate = now.clone();
    let mut best: Option<(u32, u8, Vec<u8>)> = None;
    loop {
        let steps: u32 = candidate
            .iter()
            .zip(&now)
            .map(|(&c, &n)| u32::from(c - n))
            .sum();
        let reached = score_of(&candidate);
        let better = match &best {
            None => true,
            Some((s, r, _)) => steps < *s || (steps == *s && reached > *r),
        };
        if reached >= target && better {
            best = Some((steps, reached, candidate.clone()));
        }
        // Next combination: the first question counts fastest, so among equals the earlier
        // question is found first.
        let mut k = 0;
        loop {
            if k == candidate.len() {
                return best.map(|(_, _, options)| {
                    questions
                        .iter()
                        .zip(options.iter().zip(&now))
                        .filter(|(_, (to, from))| to != from)
                        .map(|(&question, (&to, &from))| Move { question, from, to })
                        .collect()
                });
            }
            if candidate[k] < tops[k] {
                candidate[k] += 1;
                break;
            }
            candidate[k] = now[k];
            k += 1;
        }
    }
}

/// The level an outcome would have with `moves` applied: what a move-up promises, checked.
pub fn level_after(answers: &Answers, up: &MoveUp) -> Option<Outcome> {
    score(&up.applied(answers)).ok()
}
