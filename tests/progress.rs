//! Saved progress: a versioned text that resumes the visitor where they were and never breaks
//! the widget when it is corrupt, foreign or old.

use crate::common;

use ai_readiness::core::assessment::{Action, Assessment, Step};
use ai_readiness::core::bank::QUESTIONS;
use ai_readiness::core::model::Perspective;
use ai_readiness::core::progress::{ProgressError, Snapshot};
use ai_readiness::core::scoring::score;
use common::{random_answers, Rng};

fn finish(mut a: Assessment, answers: &[u8]) -> Assessment {
    if a.step == Step::Intro {
        a = a.apply(Action::Start).expect("start");
    }
    for (i, &option) in answers.iter().enumerate() {
        if let Some(next) = a.apply(Action::Choose {
            question: i,
            option,
        }) {
            a = next;
        }
        a = a.apply(Action::Next).expect("next");
    }
    a
}

#[test]
fn snapshots_round_trip_through_text() {
    let mut rng = Rng::new(17);
    for _ in 0..500 {
        let answers = random_answers(&mut rng);
        let upto = rng.below(QUESTIONS.len());
        let choices: Vec<Option<u8>> = answers
            .0
            .iter()
            .enumerate()
            .map(|(i, &o)| (i <= upto).then_some(o))
            .collect();
        let snapshot = Snapshot {
            step: Step::Question(upto),
            choices,
            previous: (rng.below(2) == 0).then(|| random_answers(&mut rng)),
        };
        assert_eq!(Snapshot::decode(&snapshot.encode()), Ok(snapshot));
    }
}

#[test]
fn a_reload_returns_to_the_same_question_with_the_answers() {
    let a = Assessment::new(true, Perspective::Team)
        .apply(Action::Start)
        .expect("start");
    let a = a
        .apply(Action::Choose {
            question: 0,
            option: 2,
        })
        .expect("choose");
    let a = a.apply(Action::Next).expect("next");
    let a = a
        .apply(Action::Choose {
            question: 1,
            option: 1,
        })
        .expect("choose");
    let saved = a.snapshot().encode();
    let resumed = Assessment::resume(
        &Snapshot::decode(&saved).expect("readable"),
        true,
        Perspective::Team,
    );
    assert_eq!(resumed.step, Step::Question(1));
    assert_eq!(&resumed.choices[..2], &[Some(2), Some(1)]);
    assert_eq!(
        resumed
            .events_after(0)
            .map(|e| e.name())
            .collect::<Vec<_>>(),
        ["ai-readiness:ready"],
        "resuming announces only that the widget is ready"
    );
}

#[test]
fn a_finished_visitor_resumes_on_their_result() {
    let mut rng = Rng::new(4);
    let answers = random_answers(&mut rng);
    let done = finish(Assessment::new(true, Perspective::Team), &answers.0);
    let resumed = Assessment::resume(
        &Snapshot::decode(&done.snapshot().encode()).expect("ok"),
        true,
        Perspective::Team,
    );
    assert_eq!(resumed.step, Step::Result);
    assert_eq!(resumed.outcome, Some(score(&answers).expect("valid")));
}

#[test]
fn retake_keeps_the_previous_result_for_comparison() {
    let mut rng = Rng::new(8);
    let first = random_answers(&mut rng);
    let second = random_answers(&mut rng);
    let done = finish(Assessment::new(true, Perspective::Team), &first.0);
    let again = done.apply(Action::Restart).expect("restart");
    assert_eq!(again.previous.as_ref(), Some(&first));
    let redone = finish(again, &second.0);
    assert_eq!(
        redone.previous_outcome(),
        Some(score(&first).expect("valid"))
    );
    assert_eq!(redone.outcome, Some(score(&second).expect("valid")));
    // It survives a reload, too.
    let resumed = Assessment::resume(
        &Snapshot::decode(&redone.snapshot().encode()).expect("ok"),
        true,
        Perspective::Team,
    );
    assert_eq!(resumed.previous.as_ref(), Some(&first));
}

#[test]
fn corrupt_foreign_or_old_values_are_refused() {
    let good = Assessment::new(true, Perspective::Team).snapshot().encode();
    let cases: Vec<(String, ProgressError)> = vec![
        (String::new(), ProgressError::UnknownFormat),
        ("{\"step\":3}".into(), ProgressError::UnknownFormat),
        (good.replacen('1', "0", 1), ProgressError::UnknownFormat),
        (
            "1/99/i/------------/".into(),
            ProgressError::OtherModel { found: "99".into() },
        ),
        (
            "1/1/q12/------------/".into(),
            ProgressError::Corrupt { part: "step" },
        ),
        (
            "1/1/qx/------------/".into(),
            ProgressError::Corrupt { part: "step" },
        ),
        (
            "1/1/r/0-----------/".into(),
            ProgressError::Corrupt { part: "step" },
        ),
        (
            "1/1/i/-----/".into(),
            ProgressError::Corrupt {
                part: "answer list",
            },
        ),
        (
            "1/1/i/9-----------/".into(),
            ProgressError::Corrupt {
                part: "answer list",
            },
        ),
        (
            "1/1/i/------------/0-0000000000".into(),
            ProgressError::Corrupt {
                part: "previous result",
            },
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(Snapshot::decode(&text), Err(expected), "{text:?}");
    }
}

#[test]
fn random_text_never_panics() {
    let mut rng = Rng::new(99);
    let alphabet: Vec<char> = "01234-/qir9é\u{0}x ".chars().collect();
    for _ in 0..20_000 {
        let len = rng.below(40);
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let _ = Snapshot::decode(&text);
    }
}

#[test]
fn errors_read_as_sentences() {
    assert_eq!(
        ProgressError::OtherModel { found: "7".into() }.to_string(),
        "saved progress belongs to question set 7, this is question set 1"
    );
}

/// Every name a widget keeps something under, as earlier visits wrote it: a rename here strands
/// what visitors kept, so each format is spelled out in full.
#[test]
fn storage_names_keep_their_published_formats() {
    use ai_readiness::core::storage_keys as keys;
    assert_eq!(
        keys::progress("ai-readiness", "quiz"),
        "ai-readiness:progress:v1:quiz"
    );
    assert_eq!(keys::progress_unnamed("shop", 123), "shop:progress:v1:~123");
    assert_eq!(
        keys::numbered("shop:progress:v1:~123", 2),
        "shop:progress:v1:~123-2"
    );
    assert_eq!(keys::lead_of("shop:progress:v1:quiz"), "shop:lead:v2:quiz");
    assert_eq!(keys::lead_of("shop:progress:v1:~7-2"), "shop:lead:v2:~7-2");
    assert_eq!(keys::lead("shop"), "shop:lead:v2:");
    assert_eq!(keys::outbox("shop", "0f3a"), "shop:outbox:v1:0f3a");
    assert_eq!(keys::outbox_id(&keys::outbox("my:shop", "0f3a")), "0f3a");
    assert_eq!(keys::team("shop"), "shop:team:v1");
    assert_eq!(keys::PROBE, "ai-readiness:probe");
    assert_eq!(
        keys::progress("x", "a").strip_suffix('a'),
        Some(format!("x{}", keys::PROGRESS).as_str()),
        "embed.js finds saved progress by this prefix"
    );
}

#[test]
fn numbered_names_count_only_their_own_base() {
    use ai_readiness::core::storage_keys::{is_numbered, numbered};
    let base = "ai-readiness:progress:v1:~12";
    assert!(is_numbered(base, base));
    assert!(is_numbered(&numbered(base, 3), base));
    assert!(!is_numbered("ai-readiness:progress:v1:~123", base));
}

#[test]
fn outbox_names_belong_to_their_prefix_only() {
    use ai_readiness::core::storage_keys::{is_outbox, outbox, progress};
    assert!(is_outbox(&outbox("shop", "1"), "shop"));
    assert!(!is_outbox(&outbox("shop", "1"), "shopping"));
    assert!(!is_outbox(&outbox("shopping", "1"), "shop"));
    assert!(!is_outbox(&progress("shop", "1"), "shop"));
}
