//! A result you can trust: every number the result shows comes from the scoring rules, the steps
//! never contradict an answer, the working adds up, and the moves up are the fewest that work.

use crate::common;

use ai_readiness::core::bank::QUESTIONS;
use ai_readiness::core::chart::{layout, marked_floors};
use ai_readiness::core::explain::{level_after, move_up, working, MoveUp};
use ai_readiness::core::i18n::{Catalog, Msg};
use ai_readiness::core::model::{Answers, Dimension, Level};
use ai_readiness::core::plan::{phases, pick, plan, steps};
use ai_readiness::core::scoring::{
    fingerprint, outcome_from_scores, score, Rules, Scores, MODEL_FINGERPRINT, RULES,
};
use ai_readiness::core::text::{
    adoption_gap_sentence, gap_reason, rule_sentence, unseen_sentence, verdict,
};
use common::{random_answers, top, Rng};

fn answers(list: &[u8]) -> Answers {
    Answers(list.to_vec())
}

/// The whole numbers in a text, in order.
fn numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// Profiles across the levels, including the two from the issue that used to contradict their
/// answers and a full Operating team.
fn profiles() -> Vec<(&'static str, Answers)> {
    vec![
        (
            "strong access, little else",
            answers(&[3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]),
        ),
        (
            "everyone uses it, nothing measured",
            answers(&[4, 2, 2, 4, 3, 2, 1, 2, 2, 0, 0, 0]),
        ),
        ("all lowest", answers(&[0; 12])),
        (
            "shadow use without tools",
            answers(&[1, 0, 0, 3, 1, 1, 0, 1, 0, 0, 0, 0]),
        ),
        (
            "solid middle",
            answers(&[2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
        ),
        (
            "full operating",
            answers(&[4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3]),
        ),
        (
            "operating, weak access",
            answers(&[0, 1, 0, 4, 3, 3, 3, 3, 3, 3, 3, 3]),
        ),
    ]
}

#[test]
fn every_threshold_the_result_shows_is_the_rule_it_cites() {
    let t = Catalog::english();
    for (name, a) in profiles() {
        let o = score(&a).expect("valid");
        let gap = o.biggest_gap;
        let (marked, floors) = marked_floors(&o);
        // The gap sentence cites the floor of the level it names, on the same way in the chart
        // marks; the distance is that floor minus the score.
        let reason = gap_reason(&t, &gap);
        match gap.toward {
            Some(level) => {
                assert_eq!(marked, level, "{name}");
                let floor = floors[gap.dimension.index()];
                assert_eq!(gap.target, floor, "{name}");
                assert_eq!(
                    numbers(&reason),
                    vec![
                        u32::from(gap.score),
                        u32::from(floor - gap.score),
                        u32::from(floor)
                    ],
                    "{name}: {reason}"
                );
                assert!(
                    reason.contains(&format!("that {} needs", t.get(level_msg(level)))),
                    "{name}: {reason}"
                );
            }
            None if gap.is_robust() => {
                // Every area robust: no weakest area, only the robust mark the rules set.
                assert_eq!(o.level, Level::Operating, "{name}");
                assert_eq!(numbers(&reason), vec![u32::from(RULES.robust)], "{name}");
                assert!(!reason.contains("weakest"), "{name}: {reason}");
            }
            None => {
                assert_eq!(o.level, Level::Operating, "{name}");
                assert!(reason.contains("weakest area"), "{name}: {reason}");
            }
        }
        // Chart ticks sit exactly at those floors, only on the dimensions they ask about.
        let chart = layout(&o, false);
        for bar in &chart.bars {
            let floor = floors[bar.dimension.index()];
            assert_eq!(bar.floor, (floor > 0).then_some((floor, floor)), "{name}");
        }
        // The explanation's verdict repeats the four scores, in order.
        assert_eq!(
            numbers(&verdict(&t, &o)),
            o.scores.to_array().map(u32::from).to_vec(),
            "{name}"
        );
    }
    // The level rules in words carry the rules' own numbers.
    let adopting = rule_sentence(&t, Level::Adopting).expect("a rule");
    let ways = RULES.levels[0].ways;
    assert_eq!(
        numbers(&adopting),
        vec![
            u32::from(ways[0][Dimension::Access.index()]),
            u32::from(ways[1][Dimension::Usage.index()])
        ]
    );
    let operating = rule_sentence(&t, Level::Operating).expect("a rule");
    let floors = RULES.levels[1].ways[0];
    assert_eq!(
        numbers(&operating),
        floors[1..]
            .iter()
            .map(|&f| u32::from(f))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        floors[Dimension::Access.index()],
        0,
        "Operating asks nothing of Access"
    );
    assert!(rule_sentence(&t, Level::Experimenting).is_none());
}

fn level_msg(level: Level) -> Msg {
    match level {
        Level::Experimenting => Msg::LevelExperimenting,
        Level::Adopting => Msg::LevelAdopting,
        Level::Operating => Msg::LevelOperating,
    }
}

#[test]
fn the_level_is_exactly_what_the_rules_in_words_say() {
    // Brute force over score grids: a level is reached exactly when one way's floors are met.
    for s in (0..=100).step_by(10).flat_map(|a| {
        (0..=100).step_by(10).flat_map(move |u| {
            (0..=100)
                .step_by(10)
                .flat_map(move |c| (0..=100).step_by(10).map(move |v| [a, u, c, v]))
        })
    }) {
        let o = outcome_from_scores(Scores::from_array(s));
        let meets = |floors: &[u8; 4]| (0..4).all(|d| s[d] >= floors[d]);
        let expected = if RULES.levels[1].ways.iter().any(meets) {
            Level::Operating
        } else if RULES.levels[0].ways.iter().any(meets) {
            Level::Adopting
        } else {
            Level::Experimenting
        };
        assert_eq!(o.level, expected, "{s:?}");
    }
}

#[test]
fn not_measured_is_not_read_as_not_adopted() {
    let t = Catalog::english();
    let a = answers(&[4, 2, 2, 4, 3, 2, 1, 2, 2, 0, 0, 0]);
    let o = score(&a).expect("valid");
    assert_eq!(o.scores.to_array(), [78, 89, 56, 0]);
    assert_eq!(o.adoption, 73, "Usage and Capability, not Visibility");
    assert_eq!(o.adoption_gap, 5);
    let headline = adoption_gap_sentence(&t, &o);
    assert!(!headline.contains("have not followed"), "{headline}");
    let unseen = unseen_sentence(&t, &o).expect("visibility is said apart");
    assert!(unseen.contains("leaders cannot see it"), "{unseen}");
    assert_eq!(o.biggest_gap.dimension, Dimension::Visibility);
    let p = plan(&o, &a);
    assert_eq!(p.phases[0].msg, Msg::PlanVisibilityStartMeasuring);
    assert!(p
        .phases
        .iter()
        .all(|s| s.msg != Msg::PlanVisibilityAdopting1));
}

#[test]
fn each_step_fits_the_answers_it_was_chosen_for() {
    // A table of answers and what must (not) be advised.
    let cases: [(&[u8; 12], Dimension, Msg, Msg); 4] = [
        // Measures nothing: start measuring, never "stop reporting logins".
        (
            &[3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1],
            Dimension::Visibility,
            Msg::PlanVisibilityStartMeasuring,
            Msg::PlanVisibilityAdopting1,
        ),
        // Reports logins: stop that.
        (
            &[3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1],
            Dimension::Visibility,
            Msg::PlanVisibilityAdopting1,
            Msg::PlanVisibilityStartMeasuring,
        ),
        // Already coaches on real work: keep it, do not "replace generic courses".
        (
            &[3, 2, 1, 1, 1, 0, 0, 1, 3, 1, 1, 1],
            Dimension::Capability,
            Msg::PlanCapabilityCoachingKept,
            Msg::PlanCapabilityAdopting1,
        ),
        // No workflow at all: start one, do not "write down where it already works".
        (
            &[3, 2, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1],
            Dimension::Usage,
            Msg::PlanUsageWorkflowFirst,
            Msg::PlanUsageAdopting1,
        ),
    ];
    for (list, dimension, wanted, never) in cases {
        let a = answers(list);
        let level = score(&a).expect("valid").level;
        let chosen = steps(dimension, level, Some(&a)).map(|s| s.msg);
        assert!(chosen.contains(&wanted), "{list:?}: {chosen:?}");
        assert!(!chosen.contains(&never), "{list:?}: {chosen:?}");
    }
    // Every step ever chosen has its needs met, and every phase has a fitting step for every
    // possible answer to the questions it asks about.
    let mut rng = Rng::new(31);
    for _ in 0..3_000 {
        let a = random_answers(&mut rng);
        for d in Dimension::ALL {
            for l in Level::ALL {
                for phase in phases(d, l) {
                    assert!(
                        phase.iter().any(|s| s.needs.iter().all(|n| n.met_by(&a))),
                        "{d:?} {l:?}: no step fits {a:?}"
                    );
                    let step = pick(phase, Some(&a));
                    assert!(step.needs.iter().all(|n| n.met_by(&a)), "{a:?}");
                }
            }
        }
    }
    // Every needs names a real question and options it has.
    for d in Dimension::ALL {
        for l in Level::ALL {
            for phase in phases(d, l) {
                for s in phase {
                    for n in s.needs {
                        let q = QUESTIONS
                            .iter()
                            .find(|q| q.id == n.question)
                            .expect("a question");
                        assert!(n.min <= n.max && usize::from(n.max) < q.options.len());
                    }
                }
            }
        }
    }
}

#[test]
fn the_working_adds_up_to_the_scores() {
    let mut rng = Rng::new(41);
    for _ in 0..2_000 {
        let a = random_answers(&mut rng);
        let o = score(&a).expect("valid");
        let w = working(&a);
        assert_eq!(w.len(), 4);
        for dim in &w {
            assert_eq!(dim.answers.len(), 3);
            let sum: u32 = dim.answers.iter().map(|e| u32::from(e.points)).sum();
            // The mean of the points shown, rounded half up, is the score shown.
            assert_eq!((2 * sum + 3) / 6, u32::from(dim.score));
            assert_eq!(dim.score, o.scores.get(dim.dimension));
            for e in &dim.answers {
                assert_eq!(a.0[e.question], e.option);
                assert_eq!(QUESTIONS[e.question].dimension, dim.dimension);
            }
        }
    }
}

/// The fewest option steps that reach `goal`, by brute force over every combination of at most
/// `limit` steps: `None` when none does.
fn brute_force(a: &Answers, limit: u32, goal: &dyn Fn(&Answers) -> bool) -> Option<u32> {
    fn go(
        a: &mut Answers,
        from: usize,
        left: u32,
        used: u32,
        goal: &dyn Fn(&Answers) -> bool,
        best: &mut Option<u32>,
    ) {
        if goal(a) {
            *best = Some(best.map_or(used, |b| b.min(used)));
            return;
        }
        if left == 0 {
            return;
        }
        for q in from..a.0.len() {
            if a.0[q] < top(q) {
                a.0[q] += 1;
                go(a, q, left - 1, used + 1, goal, best);
                a.0[q] -= 1;
            }
        }
    }
    let mut best = None;
    go(&mut a.clone(), 0, limit, 0, goal, &mut best);
    best
}

#[test]
fn the_moves_up_reach_the_next_level_and_no_fewer_steps_do() {
    let mut rng = Rng::new(51);
    let mut checked = 0;
    for _ in 0..4_000 {
        let a = random_answers(&mut rng);
        let o = score(&a).expect("valid");
        let up: MoveUp = move_up(&a).expect("valid answers");
        assert_eq!(move_up(&a), Some(up.clone()), "deterministic");
        let after = level_after(&a, &up).expect("valid");
        for m in &up.moves {
            assert!(m.to > m.from && m.to <= top(m.question));
            assert_eq!(a.0[m.question], m.from);
        }
        match up.toward {
            Some(next) => {
                assert!(
                    after.level >= next,
                    "{a:?}: {:?} reaches {:?}",
                    up.moves,
                    after.level
                );
                if up.steps() <= 5 {
                    let fewest =
                        brute_force(&a, up.steps(), &|x| score(x).expect("valid").level >= next);
                    assert_eq!(fewest, Some(up.steps()), "{a:?}");
                    checked += 1;
                }
            }
            None => {
                let weakest = up.weakest.expect("named");
                assert_eq!(o.level, Level::Operating);
                assert!(after.scores.get(weakest) >= RULES.robust || up.moves.is_empty());
                assert_eq!(after.level, Level::Operating);
            }
        }
    }
    assert!(
        checked > 200,
        "only {checked} cases were small enough to brute-force"
    );
}

#[test]
fn the_fingerprint_names_the_questions_and_rules() {
    assert_eq!(MODEL_FINGERPRINT.len(), 8);
    assert!(MODEL_FINGERPRINT.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(
        format!("{:08x}", fingerprint(&QUESTIONS, &RULES)),
        MODEL_FINGERPRINT
    );
    let mut weights = RULES;
    weights.weights = [20, 20, 35, 25];
    let floors = Rules {
        levels: [
            RULES.levels[0],
            ai_readiness::core::scoring::LevelRule {
                level: Level::Operating,
                ways: &[[0, 60, 70, 60]],
            },
        ],
        ..RULES
    };
    let mut robust = RULES;
    robust.robust = 81;
    let fewer = fingerprint(&QUESTIONS[..11], &RULES);
    let base = fingerprint(&QUESTIONS, &RULES);
    for other in [
        fingerprint(&QUESTIONS, &weights),
        fingerprint(&QUESTIONS, &floors),
        fingerprint(&QUESTIONS, &robust),
        fewer,
    ] {
        assert_ne!(other, base);
    }
}

#[test]
fn at_operating_there_is_no_gap_only_a_weakest_area() {
    let t = Catalog::english();
    // Operating with Access low: Access is the weakest area, and the moves make it robust.
    let a = answers(&[0, 1, 0, 4, 3, 3, 3, 3, 3, 3, 3, 3]);
    let o = score(&a).expect("valid");
    assert_eq!(o.level, Level::Operating);
    assert!(!o.biggest_gap.is_gap() && !o.biggest_gap.is_robust());
    assert_eq!(o.biggest_gap.dimension, Dimension::Access);
    assert!(!gap_reason(&t, &o.biggest_gap).contains("gap"));
    let up = move_up(&a).expect("valid");
    assert_eq!(up.toward, None);
    assert_eq!(up.weakest, Some(Dimension::Access));
    let raised = score(&up.applied(&a)).expect("valid");
    assert!(raised.scores.access >= RULES.robust);
}

#[test]
fn with_every_area_robust_nothing_is_named_and_nothing_moves() {
    let t = Catalog::english();
    let a = answers(&[4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3]);
    let o = score(&a).expect("valid");
    assert_eq!(o.level, Level::Operating);
    assert!(o.biggest_gap.is_robust());
    let reason = gap_reason(&t, &o.biggest_gap);
    assert!(!reason.contains("weakest"), "{reason}");
    assert_eq!(move_up(&a), None, "nothing to raise at 100");
}
