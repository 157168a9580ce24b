//! A result that holds at the extremes: every corner of the answer space, in both voices, with
//! each sentence the result shows checked against the scores it talks about.
//!
//! The oracle is a table of the phrases that carry a claim, as an English reader reads them, and
//! what each claim asks of the scores. Every sentence shown must contain at least one known
//! phrase, so a new sentence cannot slip past with unchecked claims.

use crate::common;

use std::fs;

use ai_readiness::core::explain::move_up;
use ai_readiness::core::i18n::Catalog;
use ai_readiness::core::model::{Answers, Dimension, Level};
use ai_readiness::core::plan::{plan, KEEP};
use ai_readiness::core::scoring::{outcome_from_scores, score, Outcome, Scores, RULES};
use ai_readiness::core::text::{
    adoption_gap_sentence, code_help_msg, dimension_name, gap_heading, gap_reason, gap_rule,
    plan_heading, result_meaning, tie_sentence, unseen_sentence,
};
use common::{answers_by, top};

/// From here a sentence may say people use AI on real work, or get better results from it:
/// the floor Adopting asks of Usage.
const USE: u8 = 50;
/// Under this Usage score almost nobody uses AI at all (the finding's "Usage under 20").
const TRIED: u8 = 20;
/// From here an area counts as robust, so it is no longer a "weakest area".
const ROBUST: u8 = 80;
/// Capability from which better results count as shown (Operating's floor).
const PROVEN: u8 = 70;

/// A phrase that carries a claim, and whether the scores allow it.
struct Claim {
    phrase: &'static str,
    holds: fn(&Outcome) -> bool,
}

const fn claim(phrase: &'static str, holds: fn(&Outcome) -> bool) -> Claim {
    Claim { phrase, holds }
}

fn s(o: &Outcome) -> Scores {
    o.scores
}

fn lowest(o: &Outcome) -> u8 {
    o.scores.to_array().into_iter().min().unwrap_or(0)
}

/// The claims, as written in the English catalogs (team and self voice), matched without case.
const CLAIMS: &[Claim] = &[
    // The level's meaning.
    claim("try ai on their own", |o| s(o).usage >= TRIED),
    claim("you try ai now and then", |o| s(o).usage >= TRIED),
    claim("the tools are rolled out", |o| s(o).access >= USE),
    claim("results are uneven", |o| s(o).usage >= USE),
    claim("nobody can prove the difference", |o| {
        s(o).capability < PROVEN
    }),
    claim("have the tools and use them", |o| {
        s(o).access >= USE && s(o).usage >= USE
    }),
    claim("cannot yet show what they are worth", |o| {
        s(o).capability < PROVEN
    }),
    claim("ai is part of how", |o| o.level == Level::Operating),
    claim("ai has not reached the work yet", |o| s(o).usage < TRIED),
    claim("ai is not part of your work yet", |o| s(o).usage < TRIED),
    claim("few people use them on real work", |o| s(o).usage < USE),
    claim("do not yet use them on real work", |o| s(o).usage < USE),
    claim("use ai on real work, but not yet everything", |o| {
        s(o).usage >= USE && o.level == Level::Adopting
    }),
    // Access against adoption.
    claim("access runs", |o| o.adoption_gap > 0),
    claim("adoption runs", |o| o.adoption_gap < 0),
    claim("access and adoption move together", |o| {
        o.adoption_gap.abs() < 15
    }),
    claim("turning into use and results", |o| {
        s(o).usage >= USE && s(o).capability >= USE
    }),
    claim("turning into use on", |o| {
        s(o).usage >= USE && s(o).capability >= USE
    }),
    claim("people have the tools", |o| s(o).access >= USE),
    claim("you have the tools", |o| s(o).access >= USE),
    claim(
        "use on real work and better results have not followed",
        |o| s(o).usage < USE && s(o).capability < USE,
    ),
    claim("real work, but better results have not followed", |o| {
        s(o).usage >= USE && s(o).capability < USE
    }),
    claim("get results despite", |o| s(o).capability >= USE),
    claim("few people have tools that fit", |o| s(o).access < USE),
    claim("do not yet have a tool that fits", |o| s(o).access < USE),
    claim("ai is not yet used on real work", |o| s(o).usage < USE),
    claim("you do not yet use ai on real work", |o| s(o).usage < USE),
    claim("where ai is used the work gets better", |o| {
        s(o).capability >= USE
    }),
    claim("when you use ai the work gets better", |o| {
        s(o).capability >= USE
    }),
    claim("too few use it on real work", |o| s(o).usage < USE),
    claim("you do not yet use it on real work", |o| s(o).usage < USE),
    // Visibility apart.
    claim("visibility is at", |o| s(o).visibility < PROVEN),
    claim("may be adopting", |o| {
        s(o).usage >= USE && s(o).capability >= USE
    }),
    claim("may be getting results", |o| s(o).capability >= USE),
    // The biggest gap, the weakest area, or neither.
    claim("biggest gap:", |o| o.level < Level::Operating),
    claim("below the", |o| o.level < Level::Operating),
    claim("weakest area", |o| {
        o.level == Level::Operating && lowest(o) < ROBUST
    }),
    claim("every area is robust", |o| lowest(o) >= ROBUST),
    claim("all four areas are at", |o| lowest(o) >= ROBUST),
];

/// The English catalog in the self voice, every line of `en.self.txt` used.
fn own_voice() -> Catalog {
    let path = format!(
        "{}/src/core/locales/en.self.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (own, errors) = Catalog::english().in_own_voice(&source);
    assert!(errors.is_empty(), "{errors:?}");
    own
}

/// Every sentence the result shows about these scores, as the visitor reads them.
fn sentences(t: &Catalog, o: &Outcome) -> Vec<String> {
    let mut out = vec![
        result_meaning(t, o).to_string(),
        adoption_gap_sentence(t, o),
        gap_heading(t, &o.biggest_gap),
        gap_reason(t, &o.biggest_gap),
    ];
    out.extend(unseen_sentence(t, o));
    out
}

/// The claims a sentence makes that these scores deny, or a note that it makes none we know.
fn denied(sentence: &str, o: &Outcome) -> Vec<String> {
    let lower = sentence.to_lowercase();
    let known: Vec<&Claim> = CLAIMS.iter().filter(|c| lower.contains(c.phrase)).collect();
    if known.is_empty() {
        return vec![format!(
            "no known claim in {sentence:?}: add its phrase to CLAIMS"
        )];
    }
    known
        .into_iter()
        .filter(|c| !(c.holds)(o))
        .map(|c| format!("{:?} in {sentence:?}", c.phrase))
        .collect()
}

/// Checks every sentence of every outcome in both voices; lists every problem, not just the first.
fn check_all(outcomes: impl Iterator<Item = (String, Outcome)>) {
    let voices = [("team", Catalog::english()), ("self", own_voice())];
    let mut problems = Vec::new();
    for (name, o) in outcomes {
        for (voice, t) in &voices {
            for sentence in sentences(t, &o) {
                for problem in denied(&sentence, &o) {
                    problems.push(format!("{name} {:?} ({voice}): {problem}", o.scores));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} sentences claim what the scores deny, e.g.:\n{}",
        problems.len(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The 81 corners of the answer space: each dimension's answers all at the lowest option, all
/// in the middle, or all at the top.
fn corners() -> Vec<(String, Answers)> {
    let mut out = Vec::new();
    for code in 0..81u32 {
        let pick: [u32; 4] = std::array::from_fn(|d| code / 3u32.pow(d as u32) % 3);
        let answers = answers_by(|d, top| match pick[d.index()] {
            0 => 0,
            1 => top / 2,
            _ => top,
        });
        out.push((format!("corner {pick:?}"), answers));
    }
    out
}

#[test]
fn every_corner_of_the_answer_space_says_only_what_its_answers_allow() {
    let corners = corners();
    assert_eq!(corners.len(), 81);
    check_all(
        corners
            .into_iter()
            .map(|(name, a)| (name, score(&a).expect("valid"))),
    );
}

#[test]
fn every_score_near_a_mark_says_only_what_the_scores_allow() {
    // Each score just under and at the marks the sentences use, and both ends: Usage 8 is one
    // "a handful" answer and nothing else.
    const VALUES: [u8; 11] = [0, 8, 19, 20, 49, 50, 69, 70, 79, 80, 100];
    let grid = (0..VALUES.len().pow(4)).map(|i| {
        let s: [u8; 4] =
            std::array::from_fn(|d| VALUES[i / VALUES.len().pow(d as u32) % VALUES.len()]);
        (
            format!("scores {s:?}"),
            outcome_from_scores(Scores::from_array(s)),
        )
    });
    check_all(grid);
}

#[test]
fn the_findings_corners_are_in_the_walk() {
    // All answers at the lowest, Usage 8, and everything at the top are among the cases walked.
    let lowest = score(&answers_by(|_, _| 0)).expect("valid");
    assert_eq!(lowest.scores.to_array(), [0, 0, 0, 0]);
    let highest = score(&answers_by(|_, top| top)).expect("valid");
    assert_eq!(highest.scores.to_array(), [100, 100, 100, 100]);
    let mut usage_8 = answers_by(|_, top| top);
    for (i, q) in ai_readiness::core::bank::QUESTIONS.iter().enumerate() {
        if q.dimension == Dimension::Usage {
            usage_8.0[i] = u8::from(q.id == "usage.weekly");
        }
    }
    assert_eq!(score(&usage_8).expect("valid").scores.usage, 8);
    assert!(top(0) > 0);
}

#[test]
fn with_every_area_robust_no_weakest_area_and_the_plan_keeps_the_level() {
    let t = Catalog::english();
    let mut robust_seen = 0;
    for (name, answers) in corners() {
        let o = score(&answers).expect("valid");
        let p = plan(&o, &answers);
        let up = move_up(&answers);
        if o.level == Level::Operating && lowest(&o) >= ROBUST {
            robust_seen += 1;
            assert_eq!(p.focus, None, "{name}: no area to plan on");
            assert_eq!(p.then, None, "{name}");
            assert_eq!(p.phases, KEEP, "{name}: the plan keeps the level");
            assert_eq!(up, None, "{name}: nothing to raise");
            let heading = plan_heading(&t, &p, o.level);
            assert!(heading.contains("Operating"), "{name}: {heading}");
            for text in [heading, gap_heading(&t, &o.biggest_gap)] {
                assert!(!text.to_lowercase().contains("weakest"), "{name}: {text}");
            }
        } else {
            let focus = p.focus.expect("an area to work on");
            assert_eq!(focus, o.biggest_gap.dimension, "{name}");
            assert!(up.is_some_and(|u| !u.moves.is_empty()), "{name}");
        }
    }
    assert!(robust_seen > 0, "the walk reaches a robust result");
}

/// The tie order as the explanation states it: dimension names in the order the rule sentence
/// lists them after "the order is".
fn stated_order(t: &Catalog) -> Vec<Dimension> {
    let rule = gap_rule(t);
    let order = &rule[rule.find("the order is").expect("the rule states an order")..];
    let mut found: Vec<(usize, Dimension)> = Dimension::ALL
        .iter()
        .map(|&d| {
            (
                order.find(dimension_name(t, d)).expect("every area listed"),
                d,
            )
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, d)| d).collect()
}

/// The dimensions that hold the level back equally most, each with its way in, worked out
/// here from the rules' numbers rather than by the scoring code.
fn tied(o: &Outcome) -> Vec<(usize, Dimension)> {
    let s = o.scores.to_array();
    let Some(rule) = o.level.next().and_then(|l| RULES.rule(l)) else {
        let low = lowest(o);
        return Dimension::ALL
            .iter()
            .filter(|d| s[d.index()] == low)
            .map(|&d| (0, d))
            .collect();
    };
    let short =
        |f: &[u8; 4], d: usize| u32::from(f[d].saturating_sub(s[d])) * u32::from(RULES.weights[d]);
    let total = |f: &[u8; 4]| (0..4).map(|d| short(f, d)).sum::<u32>();
    let closest = rule.ways.iter().map(total).min().expect("a way in");
    let mut out = Vec::new();
    for (way, f) in rule.ways.iter().enumerate() {
        if total(f) != closest {
            continue;
        }
        let most = (0..4).map(|d| short(f, d)).max().unwrap_or(0);
        out.extend(
            Dimension::ALL
                .iter()
                .filter(|d| short(f, d.index()) == most)
                .map(|&d| (way, d)),
        );
    }
    out
}

#[test]
fn ties_are_broken_by_the_rule_the_explanation_states_and_said_there() {
    let t = Catalog::english();
    let order = stated_order(&t);
    let mut ties = 0;
    const VALUES: [u8; 9] = [0, 17, 33, 50, 56, 60, 67, 75, 100];
    for i in 0..VALUES.len().pow(4) {
        let s: [u8; 4] =
            std::array::from_fn(|d| VALUES[i / VALUES.len().pow(d as u32) % VALUES.len()]);
        let o = outcome_from_scores(Scores::from_array(s));
        let sentence = tie_sentence(&t, &o);
        if o.biggest_gap.is_robust() {
            assert_eq!(sentence, None, "{s:?}");
            continue;
        }
        let mut candidates = tied(&o);
        // The way named first wins, then the stated order.
        candidates.sort_by_key(|&(way, d)| (way, order.iter().position(|&x| x == d)));
        let named = candidates.first().expect("a candidate").1;
        assert_eq!(o.biggest_gap.dimension, named, "{s:?}");
        if candidates.len() > 1 {
            ties += 1;
            let sentence = sentence.unwrap_or_else(|| panic!("{s:?}: a tie is said"));
            for (_, d) in &candidates {
                assert!(
                    sentence.contains(dimension_name(&t, *d)),
                    "{s:?}: {sentence}"
                );
            }
            assert!(
                sentence.ends_with(&format!("names {}.", dimension_name(&t, named))),
                "{s:?}: {sentence}"
            );
        } else {
            assert_eq!(sentence, None, "{s:?}");
        }
    }
    assert!(ties > 0, "the walk meets ties");
}

#[test]
fn the_findings_tie_is_said_and_operating_ties_follow_the_order() {
    let t = Catalog::english();
    // Usage 50 and Visibility 60 both stand 10 points under Operating's floors, and both weigh 25.
    let o = outcome_from_scores(Scores::from_array([100, 50, 80, 60]));
    assert_eq!(o.biggest_gap.dimension, Dimension::Visibility);
    let tie = tie_sentence(&t, &o).expect("a tie");
    assert!(tie.contains("Visibility and Usage"), "{tie}");
    // Four equal scores at Operating, not robust: the weakest area follows the same order.
    let even = outcome_from_scores(Scores::from_array([75, 75, 75, 75]));
    assert_eq!(even.level, Level::Operating);
    assert_eq!(even.biggest_gap.dimension, stated_order(&t)[0]);
    let tie = tie_sentence(&t, &even).expect("a tie");
    assert!(tie.contains("equally low"), "{tie}");
}

#[test]
fn the_team_lead_is_named_only_where_the_team_view_is_offered() {
    for t in [Catalog::english(), own_voice()] {
        assert!(t.get(code_help_msg(true)).contains("team lead"));
        let public = t.get(code_help_msg(false)).to_lowercase();
        assert!(!public.contains("team"), "{public}");
    }
}
