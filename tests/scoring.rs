//! The scoring facts the book states in docs/src/scoring.md (from the product brief), as
//! data-driven cases and properties over random answers.

use crate::common;

use ai_readiness::core::bank::QUESTIONS;
use ai_readiness::core::model::{Answers, Dimension, Level};
use ai_readiness::core::scoring::{
    biggest_gap, level, outcome_from_scores, score, ScoreError, Scores, RULES,
};
use common::{answers_by, maxed, random_answers, top, Rng};

/// Runs a table of answer sets against the level each must produce.
fn check(cases: &[(&str, Answers, Level)]) {
    for (name, answers, expected) in cases {
        let outcome = score(answers).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            outcome.level, *expected,
            "{name}: scores {:?}",
            outcome.scores
        );
    }
}

#[test]
fn levels_follow_the_brief() {
    use Dimension::*;
    check(&[
        (
            "all lowest answers",
            answers_by(|_, _| 0),
            Level::Experimenting,
        ),
        (
            "all highest answers",
            answers_by(|_, t| t),
            Level::Operating,
        ),
        (
            "strong access, nothing else",
            answers_by(|d, t| if d == Access { t } else { 0 }),
            Level::Adopting,
        ),
        (
            "strong access, weak rest",
            answers_by(|d, t| if d == Access { t } else { 1 }),
            Level::Adopting,
        ),
        (
            "everything but capability",
            answers_by(|d, t| if d == Capability { 0 } else { t }),
            Level::Adopting,
        ),
        (
            "everything but visibility",
            answers_by(|d, t| if d == Visibility { 0 } else { t }),
            Level::Adopting,
        ),
        (
            "everything but usage",
            answers_by(|d, t| if d == Usage { 0 } else { t }),
            Level::Adopting,
        ),
        (
            "solid middle answers",
            answers_by(|_, t| t / 2 + 1),
            Level::Adopting,
        ),
    ]);
}

#[test]
fn strong_access_with_weak_rest_is_adopting_never_operating() {
    let mut rng = Rng::new(7);
    for _ in 0..5_000 {
        // Access at its top, every other answer in the lower half of its options.
        let answers = Answers(
            QUESTIONS
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    if q.dimension == Dimension::Access {
                        top(i)
                    } else {
                        rng.below(q.options.len() / 2) as u8
                    }
                })
                .collect(),
        );
        let outcome = score(&answers).expect("valid answers");
        assert_eq!(outcome.level, Level::Adopting, "{:?}", outcome.scores);
    }
}

#[test]
fn operating_needs_capability_and_visibility() {
    for needed in [Dimension::Capability, Dimension::Visibility] {
        let floor = RULES.levels[1].ways[0][needed.index()];
        for weak in 0..floor {
            let mut s = [100u8; 4];
            s[needed.index()] = weak;
            let scores = Scores::from_array(s);
            assert_ne!(
                level(scores),
                Level::Operating,
                "{needed:?} at {weak} still reached Operating"
            );
        }
    }
}

#[test]
fn raising_access_alone_never_reaches_operating() {
    let mut rng = Rng::new(11);
    for _ in 0..20_000 {
        let answers = random_answers(&mut rng);
        let before = score(&answers).expect("valid").level;
        let after = score(&maxed(&answers, Dimension::Access))
            .expect("valid")
            .level;
        if after == Level::Operating {
            assert_eq!(
                before,
                Level::Operating,
                "access alone lifted {answers:?} to Operating"
            );
        }
    }
}

#[test]
fn better_answers_never_lower_any_score_or_the_level() {
    let mut rng = Rng::new(42);
    for _ in 0..20_000 {
        let answers = random_answers(&mut rng);
        let base = score(&answers).expect("valid");
        let i = rng.below(QUESTIONS.len());
        if answers.get(i) == top(i) {
            continue;
        }
        let mut better = answers.clone();
        better.0[i] += 1;
        let raised = score(&better).expect("valid");
        for d in Dimension::ALL {
            assert!(
                raised.scores.get(d) >= base.scores.get(d),
                "{d:?} fell for {answers:?} q{i}"
            );
        }
        assert!(
            raised.overall >= base.overall,
            "overall fell for {answers:?} q{i}"
        );
        assert!(
            raised.adoption >= base.adoption,
            "adoption fell for {answers:?} q{i}"
        );
        assert!(
            raised.level >= base.level,
            "level fell for {answers:?} q{i}"
        );
    }
}

#[test]
fn scores_stay_in_range_and_are_deterministic() {
    let mut rng = Rng::new(3);
    for _ in 0..5_000 {
        let answers = random_answers(&mut rng);
        let a = score(&answers).expect("valid");
        let b = score(&answers.clone()).expect("valid");
        assert_eq!(a, b);
        assert!(a.scores.to_array().iter().all(|&s| s <= 100));
        assert!(a.overall <= 100 && a.adoption <= 100);
        assert!((-100..=100).contains(&a.adoption_gap));
    }
}

#[test]
fn dimension_scores_average_their_questions() {
    // Every question at its middle-ish option; each score is the mean of the three option points.
    let answers = answers_by(|_, t| t / 2);
    let outcome = score(&answers).expect("valid");
    for d in Dimension::ALL {
        let points: Vec<f64> = QUESTIONS
            .iter()
            .enumerate()
            .filter(|(_, q)| q.dimension == d)
            .map(|(i, q)| f64::from(q.points(answers.get(i))))
            .collect();
        let mean = points.iter().sum::<f64>() / points.len() as f64;
        assert_eq!(f64::from(outcome.scores.get(d)), mean.round(), "{d:?}");
    }
}

#[test]
fn adoption_gap_is_access_minus_the_mean_of_usage_and_capability() {
    let outcome = outcome_from_scores(Scores::from_array([90, 20, 30, 40]));
    assert_eq!(outcome.adoption, 25, "Usage and Capability only");
    assert_eq!(outcome.adoption_gap, 65);
    // Not measured is not "not adopted": Visibility does not move adoption.
    for visibility in [0, 50, 100] {
        let o = outcome_from_scores(Scores::from_array([78, 89, 56, visibility]));
        assert_eq!((o.adoption, o.adoption_gap), (73, 5));
    }
    let outcome = outcome_from_scores(Scores::from_array([10, 50, 50, 51]));
    assert_eq!(outcome.adoption_gap, -40);
}

#[test]
fn biggest_gap_is_what_holds_the_level_back() {
    // Adopting with strong access: the gap must be one of the dimensions Operating needs.
    let strong_access = Scores::from_array([100, 40, 20, 40]);
    let gap = biggest_gap(strong_access, level(strong_access));
    assert_eq!(gap.dimension, Dimension::Capability);
    assert_eq!(gap.toward, Some(Level::Operating));
    assert_eq!(gap.target - gap.score, 50);

    // Everything fine but visibility: visibility holds Operating back.
    let blind = Scores::from_array([90, 90, 90, 10]);
    assert_eq!(
        biggest_gap(blind, level(blind)).dimension,
        Dimension::Visibility
    );

    // Experimenting with no tools that fit: access is the way to Adopting.
    let no_tools = Scores::from_array([0, 20, 25, 25]);
    assert_eq!(level(no_tools), Level::Experimenting);
    assert_eq!(
        biggest_gap(no_tools, Level::Experimenting).dimension,
        Dimension::Access
    );

    // At Operating the gap is the weakest deciding area, with no level ahead.
    let top = Scores::from_array([100, 100, 70, 95]);
    let gap = biggest_gap(top, level(top));
    assert_eq!((gap.dimension, gap.toward), (Dimension::Capability, None));
}

#[test]
fn biggest_gap_toward_operating_is_never_access() {
    let mut rng = Rng::new(5);
    for _ in 0..5_000 {
        let outcome = score(&random_answers(&mut rng)).expect("valid");
        if outcome.level == Level::Adopting {
            assert_ne!(
                outcome.biggest_gap.dimension,
                Dimension::Access,
                "{:?}",
                outcome.scores
            );
        }
    }
}

#[test]
fn bad_answers_are_refused_with_a_reason() {
    assert_eq!(
        score(&Answers(vec![0; 3])),
        Err(ScoreError::WrongCount {
            got: 3,
            expected: QUESTIONS.len()
        })
    );
    let mut answers = vec![0u8; QUESTIONS.len()];
    answers[1] = 9;
    let err = score(&Answers(answers)).expect_err("option 9 does not exist");
    assert_eq!(
        err.to_string(),
        "answer for \"access.guidance\" must be an option index from 0 to 3, got 9"
    );
}
