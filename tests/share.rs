//! Share links carry a result code in the page's fragment and nothing else.

use crate::common;

use ai_readiness::core::code::{encode, CodeError};
use ai_readiness::core::model::Perspective;
use ai_readiness::core::share::{fragment_without_code, from_fragment, link};
use common::{random_answers, Rng};

#[test]
fn a_link_opens_the_same_answers_in_its_perspective() {
    let mut rng = Rng::new(31);
    for i in 0..300 {
        let answers = random_answers(&mut rng);
        let perspective = [Perspective::Team, Perspective::Person][i % 2];
        let code = encode(&answers, perspective).expect("valid");
        let url = link("https://intranet.example/ai?team=ops#old", code.as_str());
        assert!(
            url.starts_with("https://intranet.example/ai?team=ops#ai-readiness="),
            "{url}"
        );
        let fragment = &url[url.find('#').expect("fragment")..];
        assert_eq!(from_fragment(fragment), Some(Ok((answers, perspective))));
    }
}

#[test]
fn fragments_without_a_code_are_ignored() {
    for fragment in ["", "#", "#top", "#ai-readinessX=1", "section=2"] {
        assert_eq!(from_fragment(fragment), None, "{fragment:?}");
    }
}

#[test]
fn escaped_and_lower_case_codes_still_open() {
    let code = encode(
        &ai_readiness::core::model::Answers(vec![1; 12]),
        Perspective::Team,
    )
    .expect("valid")
    .to_string();
    let escaped = code.to_lowercase().replace('-', "%2D");
    assert!(matches!(
        from_fragment(&format!("#x=1&ai-readiness={escaped}")),
        Some(Ok(_))
    ));
}

#[test]
fn malformed_codes_say_why() {
    let result = from_fragment("#ai-readiness=1-ZZZZZ-Z").expect("a code was given");
    let err: CodeError = result.expect_err("not a valid code");
    assert!(!err.to_string().is_empty());
    assert!(
        matches!(from_fragment("#ai-readiness=%E2%82"), Some(Err(_))),
        "bad escapes never panic"
    );
}

#[test]
fn the_code_can_be_taken_out_of_the_fragment() {
    assert_eq!(fragment_without_code("#ai-readiness=1-7KD3Q-W"), "");
    assert_eq!(
        fragment_without_code("#tab=2&ai-readiness=1-7KD3Q-W"),
        "#tab=2"
    );
    assert_eq!(fragment_without_code("#top"), "#top");
    assert_eq!(fragment_without_code(""), "");
}

#[test]
fn codes_of_another_model_version_do_not_open_as_todays_answers() {
    // A version-2 code does not exist yet: it is refused rather than read with today's questions.
    assert!(matches!(
        from_fragment("#ai-readiness=2-00000-0"),
        Some(Err(_))
    ));
}
