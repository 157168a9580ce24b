//! What the result says: events as JSON, the reason for the biggest gap, the plan and the chart.

use crate::common;

use ai_readiness::core::bank::MODEL_VERSION;
use ai_readiness::core::chart::{layout, BAR_H};
use ai_readiness::core::code::decode;
use ai_readiness::core::events::WidgetEvent;
use ai_readiness::core::i18n::Catalog;
use ai_readiness::core::model::Perspective;
use ai_readiness::core::model::{Dimension, Level};
use ai_readiness::core::plan::{plan, steps};
use ai_readiness::core::scoring::{outcome_from_scores, score, Scores, MODEL_FINGERPRINT, RULES};
use ai_readiness::core::text::{adoption_gap_sentence, gap_reason};
use common::{random_answers, Rng};
use serde_json::json;

#[test]
fn complete_event_detail_is_the_documented_json() {
    let outcome = outcome_from_scores(Scores::from_array([90, 40, 20, 30]));
    // The code of the team view's own example, as written there.
    let code = decode("1-7KD3Q-W").expect("valid").code;
    let detail = serde_json::to_value(WidgetEvent::complete(&outcome, &code, Perspective::Person))
        .expect("serialises");
    assert_eq!(
        detail,
        json!({
            "level": "adopting",
            // (90×15 + 40×25 + 20×35 + 30×25) / 100, by the weights in docs/src/scoring.md.
            "overall": 38,
            "scores": {"access": 90, "usage": 40, "capability": 20, "visibility": 30},
            "adoptionGap": 60,
            "biggestGap": "capability",
            "modelVersion": MODEL_VERSION,
            "modelFingerprint": MODEL_FINGERPRINT,
            "code": "1-7KD3Q-W",
            "perspective": "self",
        })
    );
    let ready = serde_json::to_value(WidgetEvent::ready(Perspective::Team)).expect("serialises");
    assert_eq!(
        ready,
        json!({"total": 12, "modelVersion": MODEL_VERSION, "perspective": "team"})
    );
}

#[test]
fn answer_event_detail_names_the_question() {
    let detail = serde_json::to_value(WidgetEvent::answer(4, 2)).expect("serialises");
    assert_eq!(
        detail,
        json!({"questionId": "usage.workflows", "dimension": "usage", "value": 2, "index": 4, "total": 12})
    );
    assert_eq!(WidgetEvent::answer(4, 2).name(), "ai-readiness:answer");
}

#[test]
fn gap_reason_gives_the_numbers_and_the_next_level() {
    let outcome = outcome_from_scores(Scores::from_array([100, 40, 20, 40]));
    let reason = gap_reason(&Catalog::english(), &outcome.biggest_gap);
    let floor = RULES.levels[1].ways[0][Dimension::Capability.index()];
    assert!(
        reason.starts_with(&format!(
            "Capability is at 20, {} points below the {floor} that Operating needs",
            floor - 20
        )),
        "{reason}"
    );
    assert!(reason.contains("Operating"), "{reason}");
}

#[test]
fn adoption_gap_sentence_follows_the_sign() {
    let ahead = outcome_from_scores(Scores::from_array([90, 20, 20, 20]));
    assert!(adoption_gap_sentence(&Catalog::english(), &ahead)
        .starts_with("Access runs 70 points ahead"));
    let even = outcome_from_scores(Scores::from_array([50, 50, 50, 50]));
    assert!(adoption_gap_sentence(&Catalog::english(), &even)
        .starts_with("Access and adoption move together."));
}

#[test]
fn plan_starts_with_the_biggest_gap() {
    let mut rng = Rng::new(21);
    for _ in 0..500 {
        let answers = random_answers(&mut rng);
        let outcome = score(&answers).expect("valid");
        let p = plan(&outcome, &answers);
        if outcome.biggest_gap.is_robust() {
            assert_eq!((p.focus, p.then), (None, None), "{:?}", outcome.scores);
            continue;
        }
        let focus = p.focus.expect("an area to work on");
        assert_eq!(focus, outcome.biggest_gap.dimension);
        assert_eq!(p.phases, steps(focus, outcome.level, Some(&answers)));
        if let Some((d, _)) = p.then {
            assert_ne!(d, focus);
        }
    }
}

#[test]
fn chart_rows_follow_the_scores_without_overlapping() {
    let chart = layout(
        &outcome_from_scores(Scores::from_array([0, 40, 100, 25])),
        false,
    );
    assert_eq!(
        chart.bars.iter().map(|b| b.score).collect::<Vec<_>>(),
        vec![0, 40, 100, 25]
    );
    assert_eq!(
        chart.bars.iter().map(|b| b.dimension).collect::<Vec<_>>(),
        Dimension::ALL.to_vec()
    );
    for pair in chart.bars.windows(2) {
        assert!(pair[0].text_y < pair[0].bar_y, "text sits above its bar");
        assert!(
            pair[0].bar_y + BAR_H < pair[1].text_y - 12,
            "rows do not touch"
        );
    }
    let last = chart.bars.last().expect("four rows");
    assert_eq!(
        chart.height,
        last.bar_y + BAR_H,
        "the chart ends at the last bar"
    );
    // Experimenting, nearest way into Adopting is Usage: only Usage carries a tick, at its floor.
    assert_eq!(chart.marked, Level::Adopting);
    let ticks: Vec<_> = chart.bars.iter().map(|b| b.floor).collect();
    let usage = RULES.levels[0].ways[1][Dimension::Usage.index()];
    assert_eq!(ticks, vec![None, Some((usage, usage)), None, None]);
    assert!(
        chart.bars.iter().all(|b| b.fill_x == 0),
        "bars grow from the left"
    );
    assert_eq!((chart.names.x, chart.values.x), ("0", "100%"));
}

#[test]
fn a_right_to_left_chart_is_the_mirror_image() {
    let outcome = outcome_from_scores(Scores::from_array([70, 50, 100, 25]));
    let (ltr, rtl) = (layout(&outcome, false), layout(&outcome, true));
    for (l, r) in ltr.bars.iter().zip(&rtl.bars) {
        assert_eq!(
            (r.score, r.text_y, r.bar_y),
            (l.score, l.text_y, l.bar_y),
            "same rows and widths"
        );
        assert_eq!(
            r.fill_x + r.score,
            100,
            "{:?} grows from the right edge",
            r.dimension
        );
    }
    for (l, r) in ltr.bars.iter().zip(&rtl.bars) {
        assert_eq!(
            r.floor.map(|(f, x)| (f, 100 - x)),
            l.floor,
            "ticks mirror too"
        );
    }
    assert!(ltr.bars.iter().any(|b| b.floor.is_some()));
    assert_eq!(
        (rtl.names, rtl.values),
        (ltr.values, ltr.names),
        "names and values swap sides"
    );
}

#[test]
fn every_level_has_a_name_and_meaning() {
    for l in Level::ALL {
        assert!(!ai_readiness::core::text::level_meaning(&Catalog::english(), l).is_empty());
    }
}
