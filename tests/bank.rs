//! The question bank's shape: what the two-minute promise and the contract rely on.

use crate::common;

use std::collections::HashSet;

use ai_readiness::core::bank::{word_count, QUESTIONS};
use ai_readiness::core::code::{decode, encode};
use ai_readiness::core::i18n::{Catalog, OWN_VOICE};
use ai_readiness::core::model::{Dimension, Level, Perspective};
use ai_readiness::core::scoring::score;
use common::{answers_by, maxed, random_answers, Rng};

#[test]
fn twelve_questions_three_per_dimension() {
    assert_eq!(QUESTIONS.len(), 12);
    for d in Dimension::ALL {
        assert_eq!(
            QUESTIONS.iter().filter(|q| q.dimension == d).count(),
            3,
            "{d:?}"
        );
    }
}

#[test]
fn every_question_has_four_or_five_distinct_options() {
    for q in &QUESTIONS {
        assert!(
            (4..=5).contains(&q.options.len()),
            "{} has {} options",
            q.id,
            q.options.len()
        );
        let english = Catalog::english();
        let distinct: HashSet<_> = q.options.iter().map(|&o| english.get(o)).collect();
        assert_eq!(
            distinct.len(),
            q.options.len(),
            "{} repeats an option",
            q.id
        );
    }
}

#[test]
fn question_ids_are_unique_and_name_their_dimension() {
    let ids: HashSet<_> = QUESTIONS.iter().map(|q| q.id).collect();
    assert_eq!(ids.len(), QUESTIONS.len());
    for q in &QUESTIONS {
        assert!(
            q.id.starts_with(&format!("{}.", q.dimension.id())),
            "{}",
            q.id
        );
    }
}

#[test]
fn whole_bank_reads_in_about_two_minutes() {
    let words = word_count(&Catalog::english());
    assert!(
        words <= 450,
        "questions and options have {words} words, the limit is 450"
    );
    assert!(words >= 150, "{words} words is too thin to be credible");
}

#[test]
fn option_points_run_from_zero_to_one_hundred() {
    for q in &QUESTIONS {
        let top = (q.options.len() - 1) as u8;
        assert_eq!(q.points(0), 0, "{}", q.id);
        assert_eq!(q.points(top), 100, "{}", q.id);
        assert!(
            (1..=top).all(|i| q.points(i) > q.points(i - 1)),
            "{} is not increasing",
            q.id
        );
    }
}

#[test]
fn bank_covers_the_topics_the_model_needs() {
    // The required topics, each found by a word only that question's prompt uses.
    let english = Catalog::english();
    let prompts: Vec<String> = QUESTIONS
        .iter()
        .map(|q| english.get(q.prompt).to_lowercase())
        .collect();
    for needle in [
        "suits the work",
        "data",
        "real work task",
        "recurring workflow",
        "poor first result",
        "measurably better",
        "own tasks",
        "learn",
        "by team and by person",
        "measure",
        "stuck",
    ] {
        assert!(
            prompts.iter().any(|p| p.contains(needle)),
            "no question about \"{needle}\""
        );
    }
}

#[test]
fn the_self_bank_asks_each_question_with_the_same_options_in_the_same_order() {
    let own: Vec<String> = OWN_VOICE.iter().map(|m| m.key().to_string()).collect();
    for q in &QUESTIONS {
        assert!(own.contains(&q.prompt.key().to_string()), "{}", q.id);
        // Option i of the self question is the twin of option i, least mature first in both,
        // and there is no option beyond the team question's.
        for (i, &option) in q.options.iter().enumerate() {
            assert_eq!(option.key(), format!("q.{}.{}", q.id, i + 1));
            assert!(
                own.contains(&option.key().to_string()),
                "{} option {i}",
                q.id
            );
        }
        let beyond = format!("q.{}.{}", q.id, q.options.len() + 1);
        assert!(!own.contains(&beyond), "{beyond}");
    }
}

#[test]
fn both_perspectives_score_alike_and_keep_the_models_facts() {
    let mut rng = Rng::new(12);
    for _ in 0..2_000 {
        let answers = random_answers(&mut rng);
        let expected = score(&answers).expect("valid");
        for perspective in [Perspective::Team, Perspective::Person] {
            let code = encode(&answers, perspective).expect("valid");
            let read = decode(code.as_str()).expect("decodes");
            assert_eq!(read.perspective, perspective);
            let outcome = score(&read.answers).expect("valid");
            assert_eq!(outcome, expected);
            // The facts, for a person's own answers as for a lead's.
            let s = outcome.scores;
            if outcome.level == Level::Operating {
                assert!(s.capability >= 70 && s.visibility >= 70, "{s:?}");
                assert!(!outcome.biggest_gap.is_gap());
            }
            let better = maxed(&read.answers, Dimension::Capability);
            assert!(score(&better).expect("valid").level >= outcome.level);
        }
    }
    let access_only = answers_by(|d, top| if d == Dimension::Access { top } else { 0 });
    for perspective in [Perspective::Team, Perspective::Person] {
        let code = encode(&access_only, perspective).expect("valid");
        let read = decode(code.as_str()).expect("decodes");
        assert_eq!(score(&read.answers).expect("valid").level, Level::Adopting);
    }
}
