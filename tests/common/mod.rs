//! Helpers shared by the native test files.
#![allow(dead_code)]

use ai_readiness::core::bank::QUESTIONS;
use ai_readiness::core::model::Perspective;
use ai_readiness::core::model::{Answers, Dimension};

/// A small deterministic generator (xorshift64*), so random cases are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A random but valid answer set.
pub fn random_answers(rng: &mut Rng) -> Answers {
    Answers(
        QUESTIONS
            .iter()
            .map(|q| rng.below(q.options.len()) as u8)
            .collect(),
    )
}

/// The top option index of question `i`.
pub fn top(i: usize) -> u8 {
    (QUESTIONS[i].options.len() - 1) as u8
}

/// Answers where each question gets `pick(dimension, top_index)`.
pub fn answers_by(pick: impl Fn(Dimension, u8) -> u8) -> Answers {
    Answers(
        QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, q)| pick(q.dimension, top(i)))
            .collect(),
    )
}

/// The same answers with every question of `dimension` at its top option.
pub fn maxed(answers: &Answers, dimension: Dimension) -> Answers {
    Answers(
        QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, q)| {
                if q.dimension == dimension {
                    top(i)
                } else {
                    answers.get(i)
                }
            })
            .collect(),
    )
}

/// A roster as a team lead would paste it: a header, then `Name,Team,Code` lines over six teams,
/// every fifth name quoted with a comma inside.
pub fn roster_text(people: usize, rng: &mut Rng) -> String {
    const TEAMS: [&str; 6] = [
        "Sales",
        "Operations",
        "Finance",
        "Support",
        "Marketing",
        "Legal",
    ];
    let mut text = String::from("Name,Team,Code\r\n");
    for i in 0..people {
        // People's own results: the codes a team lead collects and the team view counts.
        let code = ai_readiness::core::code::encode(&random_answers(rng), Perspective::Person)
            .map(|c| c.to_string())
            .unwrap_or_default();
        let team = TEAMS[rng.below(TEAMS.len())];
        if i % 5 == 0 {
            text.push_str(&format!("\"Person {i}, Jr\",{team},{code}\r\n"));
        } else {
            text.push_str(&format!("Person {i},{team},{code}\r\n"));
        }
    }
    text
}
