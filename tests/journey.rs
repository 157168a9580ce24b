//! The visitor's journey: one question at a time, Back and Next, the result and its events.

use crate::common;

use ai_readiness::core::assessment::{Action, Assessment, Early, Step, EVENT_LOG};
use ai_readiness::core::bank::QUESTIONS;
use ai_readiness::core::code::{decode, encode};
use ai_readiness::core::events::WidgetEvent;
use ai_readiness::core::lead::{Lead, LeadAnswer};
use ai_readiness::core::model::Perspective;
use ai_readiness::core::scoring::score;
use common::{random_answers, Rng};

fn run(mut a: Assessment, actions: &[Action]) -> Assessment {
    for action in actions {
        if let Some(next) = a.apply(action.clone()) {
            a = next;
        }
    }
    a
}

/// The latest event and its number.
fn event(a: &Assessment) -> (u32, WidgetEvent) {
    let (n, e) = a.events.last().expect("an event");
    (*n, (**e).clone())
}

/// The events after number `seen`, as the UI's effect would deliver them.
fn delivered(a: &Assessment, seen: u32) -> Vec<WidgetEvent> {
    a.events_after(seen).map(|e| (**e).clone()).collect()
}

/// A complete result with every answer at option 1.
fn finished(show_intro: bool) -> Assessment {
    let mut actions = vec![Action::Start];
    for question in 0..QUESTIONS.len() {
        actions.push(Action::Choose {
            question,
            option: 1,
        });
        actions.push(Action::Next);
    }
    run(Assessment::new(show_intro, Perspective::Team), &actions)
}

#[test]
fn start_opens_the_first_question_and_announces_it() {
    let a = Assessment::new(true, Perspective::Team);
    assert_eq!(a.step, Step::Intro);
    assert_eq!(
        delivered(&a, 0),
        [WidgetEvent::ready(Perspective::Team)],
        "a fresh widget is ready, not started"
    );
    let a = a.apply(Action::Start).expect("start changes state");
    assert_eq!(a.step, Step::Question(0));
    assert_eq!(event(&a), (2, WidgetEvent::start(Perspective::Team)));
}

#[test]
fn without_an_intro_ready_and_start_are_both_due_in_that_order() {
    let a = Assessment::new(false, Perspective::Person);
    assert_eq!(
        delivered(&a, 0),
        [
            WidgetEvent::ready(Perspective::Person),
            WidgetEvent::start(Perspective::Person)
        ]
    );
}

#[test]
fn transitions_folded_into_one_render_still_deliver_every_event_once() {
    let a = Assessment::new(true, Perspective::Team);
    let seen = a.last_event();
    // Start, a pick and the pick's beat all land before the next render.
    let b = run(
        a,
        &[
            Action::Start,
            Action::Choose {
                question: 0,
                option: 2,
            },
            Action::Advance {
                question: 0,
                option: 2,
            },
        ],
    );
    assert_eq!(
        delivered(&b, seen),
        [
            WidgetEvent::start(Perspective::Team),
            WidgetEvent::answer(0, 2)
        ]
    );
    assert!(
        delivered(&b, b.last_event()).is_empty(),
        "nothing is delivered twice"
    );
}

#[test]
fn a_whole_run_between_two_renders_still_delivers_every_event() {
    let fresh = Assessment::new(true, Perspective::Team);
    let done = finished(true);
    let names: Vec<&str> = done.events_after(0).map(|e| e.name()).collect();
    let mut expected = vec!["ai-readiness:ready", "ai-readiness:start"];
    expected.extend(vec!["ai-readiness:answer"; QUESTIONS.len()]);
    expected.push("ai-readiness:complete");
    assert!(expected.len() <= EVENT_LOG);
    assert_eq!(names, expected);
    assert_eq!(
        done.events_after(fresh.last_event()).count(),
        expected.len() - 1,
        "everything after ready"
    );
}

#[test]
fn the_event_log_keeps_the_latest_events_with_their_numbers_running() {
    let mut a = Assessment::new(true, Perspective::Team)
        .apply(Action::Start)
        .expect("start");
    for i in 0..3 * EVENT_LOG {
        a = a
            .apply(Action::Choose {
                question: 0,
                option: u8::try_from(i % 2).expect("small"),
            })
            .expect("a changed pick");
    }
    assert_eq!(a.events.len(), EVENT_LOG);
    let numbers: Vec<u32> = a.events.iter().map(|(n, _)| *n).collect();
    let last = u32::try_from(2 + 3 * EVENT_LOG).expect("small");
    assert_eq!(a.last_event(), last);
    assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1), "{numbers:?}");
}

#[test]
fn following_the_call_to_action_announces_the_result_on_screen() {
    let url: std::rc::Rc<str> = "https://example.com/next?level=adopting".into();
    let intro = Assessment::new(true, Perspective::Team);
    assert!(
        intro
            .apply(Action::FollowCta { url: url.clone() })
            .is_none(),
        "no result, no call to action"
    );
    let done = finished(true);
    let outcome = done.outcome.clone().expect("a result");
    let code = done.code().expect("a code");
    let followed = done
        .apply(Action::FollowCta { url: url.clone() })
        .expect("announces");
    assert_eq!(
        delivered(&followed, done.last_event()),
        [WidgetEvent::cta(&outcome, &code, Perspective::Team, &url)]
    );
    assert_eq!(followed.step, Step::Result, "the screen stays");
    // On a shared result, the shared one is announced, in its own perspective.
    let mut shared = Assessment::new(true, Perspective::Person);
    let answers = done.answers().expect("answers");
    shared.shared = Some((answers, Perspective::Team));
    let (outcome, code) = shared.shared_result().expect("readable");
    let followed = shared
        .apply(Action::FollowCta { url: url.clone() })
        .expect("announces");
    assert_eq!(
        delivered(&followed, shared.last_event()),
        [WidgetEvent::cta(&outcome, &code, Perspective::Team, &url)]
    );
    assert!(followed.shared.is_some(), "still on the shared result");
}

/// A lead form sent with a name and an email, the result held back for it or not.
fn sent_form(with_result: bool) -> LeadAnswer {
    LeadAnswer {
        lead: Some(Lead {
            name: Some("Ada Lovelace".into()),
            email: Some("ada@example.com".into()),
            consent: true,
            consent_text: "I agree to be contacted about my result.".into(),
            ..Lead::default()
        }),
        with_result,
    }
}

#[test]
fn a_sent_lead_form_is_announced_with_the_result_it_went_with() {
    let done = finished(true);
    let sent = done
        .apply(Action::AnswerLead(sent_form(true)))
        .expect("announces");
    let events = delivered(&sent, done.last_event());
    let [WidgetEvent::Lead(detail)] = &events[..] else {
        panic!("one lead event, got {events:?}");
    };
    assert_eq!(events[0].name(), "ai-readiness:lead");
    assert_eq!(
        detail.lead,
        sent_form(true).lead,
        "what the visitor entered"
    );
    assert!(detail.with_result, "the held result goes first");
    let complete = done
        .events_after(0)
        .find_map(|e| match &**e {
            WidgetEvent::Complete(result) => Some(result.clone()),
            _ => None,
        })
        .expect("the result was announced");
    assert_eq!(
        detail.result, complete,
        "the result's fields, as `complete` had them"
    );
    assert_eq!(sent.step, Step::Result, "the screen stays");
}

#[test]
fn a_declined_lead_form_is_recorded_only_when_it_releases_a_held_result() {
    let done = finished(true);
    let declined = |with_result| {
        done.apply(Action::AnswerLead(LeadAnswer {
            lead: None,
            with_result,
        }))
    };
    assert!(declined(false).is_none(), "nothing to announce or send");
    let released = declined(true).expect("releases the held result");
    let events = delivered(&released, done.last_event());
    assert!(
        matches!(&events[..], [WidgetEvent::Lead(d)] if d.lead.is_none() && d.with_result),
        "{events:?}"
    );
}

#[test]
fn the_lead_form_is_answered_only_on_the_visitors_own_result() {
    let on_intro = Assessment::new(true, Perspective::Team);
    assert!(on_intro
        .apply(Action::AnswerLead(sent_form(true)))
        .is_none());
    let mut shared = Assessment::new(true, Perspective::Team);
    shared.shared = finished(true).answers().map(|a| (a, Perspective::Team));
    assert!(shared.shared_result().is_some());
    assert!(shared.apply(Action::AnswerLead(sent_form(false))).is_none());
}

#[test]
fn progress_kept_in_memory_only_is_noted_until_storage_works_again() {
    let a = Assessment::new(false, Perspective::Team);
    assert!(!a.storage_note);
    assert!(
        a.apply(Action::Saved { kept: true }).is_none(),
        "saved as wanted: nothing to say, no render"
    );
    let lost = a.apply(Action::Saved { kept: false }).expect("noted");
    assert!(lost.storage_note);
    assert_eq!(lost.events, a.events, "the host hears nothing of it");
    assert!(lost.apply(Action::Saved { kept: false }).is_none());
    let chosen = lost
        .apply(Action::Choose {
            question: 0,
            option: 1,
        })
        .expect("choose");
    let reset = chosen.apply(Action::Reset).expect("reset");
    assert!(reset.storage_note, "a reset does not fix the browser");
    assert!(
        !reset
            .apply(Action::Saved { kept: true })
            .expect("cleared")
            .storage_note
    );
}

#[test]
fn next_without_an_answer_asks_for_one_and_stays() {
    let a = run(
        Assessment::new(true, Perspective::Team),
        &[Action::Start, Action::Next],
    );
    assert_eq!(a.step, Step::Question(0));
    assert!(a.needs_answer);
    assert!(
        a.apply(Action::Next).is_none(),
        "a second Next changes nothing"
    );
    let a = a
        .apply(Action::Choose {
            question: 0,
            option: 2,
        })
        .expect("choice");
    assert!(!a.needs_answer, "choosing clears the hint");
}

#[test]
fn choosing_emits_an_answer_event_once_per_change() {
    let a = run(
        Assessment::new(true, Perspective::Team),
        &[
            Action::Start,
            Action::Choose {
                question: 0,
                option: 3,
            },
        ],
    );
    let (n, e) = event(&a);
    assert_eq!(n, 3, "ready, start, the answer");
    assert_eq!(e, WidgetEvent::answer(0, 3));
    assert!(
        a.apply(Action::Choose {
            question: 0,
            option: 3
        })
        .is_none(),
        "same choice is a no-op"
    );
}

#[test]
fn choices_for_other_questions_or_missing_options_are_ignored() {
    let a = run(Assessment::new(true, Perspective::Team), &[Action::Start]);
    assert!(a
        .apply(Action::Choose {
            question: 5,
            option: 1
        })
        .is_none());
    assert!(a
        .apply(Action::Choose {
            question: 0,
            option: 9
        })
        .is_none());
}

#[test]
fn back_keeps_answers_and_returns_to_the_intro_from_the_first_question() {
    let a = run(
        Assessment::new(true, Perspective::Team),
        &[
            Action::Start,
            Action::Choose {
                question: 0,
                option: 1,
            },
            Action::Next,
            Action::Back,
        ],
    );
    assert_eq!(a.step, Step::Question(0));
    assert_eq!(a.choices[0], Some(1));
    let a = a.apply(Action::Back).expect("back to intro");
    assert_eq!(a.step, Step::Intro);
    assert_eq!(a.choices[0], Some(1), "answers survive going back");
}

#[test]
fn full_run_ends_on_the_result_with_the_core_score() {
    let mut rng = Rng::new(9);
    for _ in 0..200 {
        let answers = random_answers(&mut rng);
        let mut actions = vec![Action::Start];
        for (i, &option) in answers.0.iter().enumerate() {
            actions.push(Action::Choose {
                question: i,
                option,
            });
            actions.push(Action::Next);
        }
        let a = run(Assessment::new(true, Perspective::Team), &actions);
        let expected = score(&answers).expect("valid");
        assert_eq!(a.step, Step::Result);
        assert_eq!(a.outcome.as_ref(), Some(&expected));
        let code = encode(&answers, Perspective::Team).expect("valid");
        assert_eq!(
            event(&a).1,
            WidgetEvent::complete(&expected, &code, Perspective::Team)
        );
        assert_eq!(decode(code.as_str()).expect("round trip").answers, answers);
        assert_eq!(
            event(&a).0 as usize,
            3 + QUESTIONS.len(),
            "ready + start + one answer each + complete"
        );
    }
}

#[test]
fn retake_starts_over_and_keeps_counting_events() {
    let mut actions = vec![Action::Start];
    for i in 0..QUESTIONS.len() {
        actions.push(Action::Choose {
            question: i,
            option: 1,
        });
        actions.push(Action::Next);
    }
    let done = run(Assessment::new(true, Perspective::Team), &actions);
    let again = done.apply(Action::Restart).expect("restart");
    assert_eq!(again.step, Step::Intro);
    assert_eq!(again.answered(), 0);
    assert!(again.outcome.is_none());
    assert_eq!(
        again.events, done.events,
        "no new event (not even ready) until the visitor starts"
    );
    let started = again.apply(Action::Start).expect("start");
    assert!(event(&started).0 > event(&done).0);
}

#[test]
fn without_intro_it_opens_on_the_first_question_already_started() {
    let a = Assessment::new(false, Perspective::Team);
    assert_eq!(a.step, Step::Question(0));
    assert_eq!(event(&a), (2, WidgetEvent::start(Perspective::Team)));
    assert!(a.apply(Action::Back).is_none(), "no intro to go back to");
}

#[test]
fn forgetting_starts_over_without_the_earlier_result() {
    let mut actions = vec![Action::Start];
    for i in 0..QUESTIONS.len() {
        actions.push(Action::Choose {
            question: i,
            option: 1,
        });
        actions.push(Action::Next);
    }
    let done = run(Assessment::new(true, Perspective::Team), &actions);
    let retaken = done.apply(Action::Restart).expect("restart");
    assert!(retaken.snapshot().previous.is_some(), "a retake keeps it");
    let forgotten = done.apply(Action::Forget).expect("forget");
    assert_eq!(forgotten.step, Step::Intro);
    assert_eq!(forgotten.answered(), 0);
    assert!(forgotten.outcome.is_none());
    assert_eq!(
        forgotten.snapshot().previous,
        None,
        "nothing of the visitor is left"
    );
    let intro = Assessment::new(true, Perspective::Team);
    assert!(intro.apply(Action::Forget).is_none(), "only on a result");
}

#[test]
fn actions_that_do_not_fit_the_step_change_nothing() {
    let intro = Assessment::new(true, Perspective::Team);
    for action in [
        Action::Next,
        Action::Back,
        Action::Restart,
        Action::Choose {
            question: 0,
            option: 0,
        },
    ] {
        assert!(
            intro.apply(action.clone()).is_none(),
            "{action:?} on the intro"
        );
    }
}

#[test]
fn a_shared_result_is_read_only_until_the_visitor_takes_it_themselves() {
    let mut rng = Rng::new(12);
    let mut a = Assessment::new(true, Perspective::Team);
    a.shared = Some((random_answers(&mut rng), Perspective::Team));
    assert!(a.shared_result().is_some());
    for action in [
        Action::Start,
        Action::Next,
        Action::Back,
        Action::Restart,
        Action::Choose {
            question: 0,
            option: 1,
        },
    ] {
        assert!(
            a.apply(action.clone()).is_none(),
            "{action:?} does nothing on a shared result"
        );
    }
    let own = a
        .apply(Action::TakeItYourself)
        .expect("leaves the shared view");
    assert!(own.shared.is_none());
    assert_eq!(own.step, Step::Intro);
    assert_eq!(
        own.events, a.events,
        "leaving announces nothing; Start will"
    );
}

#[test]
fn a_reset_at_the_very_beginning_changes_nothing() {
    for show_intro in [true, false] {
        let fresh = Assessment::new(show_intro, Perspective::Team);
        assert!(
            fresh.apply(Action::Reset).is_none(),
            "show_intro = {show_intro}"
        );
    }
    let started = run(
        Assessment::new(false, Perspective::Team),
        &[Action::Choose {
            question: 0,
            option: 1,
        }],
    );
    let reset = started.apply(Action::Reset).expect("answers are dropped");
    assert_eq!(reset.answered(), 0);
    assert_eq!(event(&reset).1, WidgetEvent::start(Perspective::Team));
}

#[test]
fn a_pointer_pick_moves_on_after_its_beat_and_the_last_one_reaches_the_result() {
    let mut a = run(Assessment::new(true, Perspective::Team), &[Action::Start]);
    for i in 0..QUESTIONS.len() {
        a = run(
            a,
            &[
                Action::Choose {
                    question: i,
                    option: 2,
                },
                Action::Advance {
                    question: i,
                    option: 2,
                },
            ],
        );
    }
    assert_eq!(
        a.step,
        Step::Result,
        "Start and twelve picks reach the result"
    );
    assert!(a.outcome.is_some());
}

#[test]
fn a_stale_beat_changes_nothing() {
    let picked = run(
        Assessment::new(true, Perspective::Team),
        &[
            Action::Start,
            Action::Choose {
                question: 0,
                option: 1,
            },
        ],
    );
    // The visitor changed their mind during the beat: the first pick's beat must not move on.
    let changed = picked
        .apply(Action::Choose {
            question: 0,
            option: 3,
        })
        .expect("new choice");
    assert!(changed
        .apply(Action::Advance {
            question: 0,
            option: 1
        })
        .is_none());
    assert_eq!(
        changed
            .apply(Action::Advance {
                question: 0,
                option: 3
            })
            .expect("moves on")
            .step,
        Step::Question(1)
    );
    // They went Back (or on by keyboard) during the beat: it no longer applies.
    let back = picked.apply(Action::Back).expect("back to the intro");
    assert!(back
        .apply(Action::Advance {
            question: 0,
            option: 1
        })
        .is_none());
    let moved = picked.apply(Action::Next).expect("next");
    assert!(
        moved
            .apply(Action::Advance {
                question: 0,
                option: 1
            })
            .is_none(),
        "no double step"
    );
}

#[test]
fn a_self_assessment_announces_its_perspective_and_issues_a_self_code() {
    let mut a = Assessment::new(false, Perspective::Person);
    assert_eq!(event(&a).1, WidgetEvent::start(Perspective::Person));
    for question in 0..12 {
        a = run(
            a,
            &[
                Action::Choose {
                    question,
                    option: 1,
                },
                Action::Next,
            ],
        );
    }
    assert_eq!(a.step, Step::Result);
    let code = a.code().expect("a code");
    assert!(code.as_str().starts_with("S-"), "{code}");
    match event(&a).1 {
        WidgetEvent::Complete(detail) => {
            assert_eq!(detail.perspective, Perspective::Person);
            assert_eq!(detail.code, code.to_string());
        }
        other => panic!("expected complete, got {other:?}"),
    }
    // A retake stays in the same perspective.
    let again = a.apply(Action::Restart).expect("retake");
    assert_eq!(again.perspective, Perspective::Person);
    assert_eq!(event(&again).1, WidgetEvent::start(Perspective::Person));
    // A shared result shows in its own code's perspective until the visitor takes it themselves.
    let mut shared = Assessment::new(true, Perspective::Person);
    shared.shared = Some((a.answers().expect("answers"), Perspective::Team));
    assert_eq!(shared.shown_perspective(), Perspective::Team);
    assert!(shared
        .shared_result()
        .is_some_and(|(_, code)| code.as_str().starts_with("1-")));
    let mine = shared.apply(Action::TakeItYourself).expect("leaves");
    assert_eq!(mine.shown_perspective(), Perspective::Person);
}

/// What a visitor does on the screen `embed.js` draws before the wasm arrives is replayed into
/// the same state, events included, as if they had done it in the widget.
#[test]
fn early_actions_replay_to_the_state_and_events_of_the_same_clicks() {
    let (early, unusable) = Early::read(["start", "pick:3", "back", "start", "tap:2", "advance:2"]);
    assert!(unusable.is_empty());
    assert_eq!(
        early.beat, None,
        "the pick's beat ran out before the wasm took over"
    );
    let choose = |option| Action::Choose {
        question: 0,
        option,
    };
    let clicked = run(
        Assessment::new(true, Perspective::Team),
        &[
            Action::Start,
            choose(3),
            Action::Back,
            Action::Start,
            choose(2),
            Action::Advance {
                question: 0,
                option: 2,
            },
        ],
    );
    let replayed = Assessment::new(true, Perspective::Team).replay(&early.actions);
    assert_eq!(replayed, clicked);
    assert_eq!(replayed.step, Step::Question(1));
    assert_eq!(replayed.choices[0], Some(2));
    let answers = replayed
        .events_after(0)
        .filter(|e| e.name() == WidgetEvent::answer(0, 0).name())
        .count();
    assert_eq!(
        answers, 2,
        "each pick is one answer event, none lost or doubled"
    );
}

#[test]
fn a_pointer_pick_still_in_its_beat_moves_on_after_the_takeover() {
    let (early, _) = Early::read(["start", "tap:4"]);
    assert_eq!(
        early.beat,
        Some(Action::Advance {
            question: 0,
            option: 4
        })
    );
    let a = Assessment::new(true, Perspective::Team).replay(&early.actions);
    assert_eq!(
        a.step,
        Step::Question(0),
        "the takeover itself shows the pick"
    );
    let (keyboard, _) = Early::read(["start", "pick:4"]);
    assert_eq!(
        keyboard.beat, None,
        "a keyboard pick never moves on by itself"
    );
}

#[test]
fn early_actions_the_widget_cannot_use_are_named_not_guessed() {
    let (early, unusable) = Early::read(["start", "pick:5", "tap:x", "jump", "start:1", "next"]);
    assert_eq!(early.actions, [Action::Start, Action::Next]);
    assert_eq!(unusable, ["pick:5", "tap:x", "jump", "start:1"]);
}

/// The names in `embed.js`'s `EVENTS`, the list pages, the frame and the e2e tests listen by.
fn names_embed_js_lists() -> Vec<String> {
    let source = include_str!("../src/embed/embed.js");
    let line = source
        .lines()
        .find_map(|l| l.strip_prefix("export const EVENTS = ["))
        .expect("embed.js exports EVENTS on one line");
    line.trim_end_matches("];")
        .split(',')
        .map(|name| format!("ai-readiness:{}", name.trim().trim_matches('"')))
        .collect()
}

#[test]
fn embed_js_lists_every_event_the_widget_dispatches_and_no_other() {
    use ai_readiness::core::events::{DELIVERY_EVENT, ERROR_EVENT};
    let done = finished(true);
    let outcome = done.outcome.clone().expect("a result");
    let code = done.code().expect("a code");
    let team = Perspective::Team;
    // A new variant fails to compile here until it is named below.
    let name = |e: WidgetEvent| match e {
        WidgetEvent::Ready(_)
        | WidgetEvent::Start(_)
        | WidgetEvent::Answer(_)
        | WidgetEvent::Complete(_)
        | WidgetEvent::Cta(_)
        | WidgetEvent::Lead(_) => e.name(),
    };
    let dispatched = [
        name(WidgetEvent::ready(team)),
        name(WidgetEvent::start(team)),
        name(WidgetEvent::answer(0, 1)),
        name(WidgetEvent::complete(&outcome, &code, team)),
        name(WidgetEvent::cta(
            &outcome,
            &code,
            team,
            "https://example.com",
        )),
        ERROR_EVENT,
        name(WidgetEvent::lead(&outcome, &code, team, sent_form(true))),
        DELIVERY_EVENT,
    ];
    assert_eq!(names_embed_js_lists(), dispatched);
}

#[test]
fn the_typescript_event_map_types_every_event_in_embed_js() {
    let types = include_str!("../src/embed/types.rs");
    let mapped: Vec<String> = types
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split_once("\": CustomEvent<"))
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(mapped, names_embed_js_lists());
}
