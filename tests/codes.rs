//! Result codes: round trips, typo detection, forgiving input and totality of decoding.

use crate::common;

use ai_readiness::core::bank::{QUESTIONS, QUESTION_SET};
use ai_readiness::core::code::{decode, encode, CodeError, Decoded};
use ai_readiness::core::model::Answers;
use ai_readiness::core::model::Perspective;
use ai_readiness::core::scoring::ScoreError;
use common::{answers_by, random_answers, top, Rng};

/// The symbols a canonical code may contain.
const SYMBOLS: &str = "0123456789ABCDEFGHJKMNPQRSTVWXY";

fn code_of(answers: &Answers) -> String {
    encode(answers, Perspective::Team)
        .unwrap_or_else(|e| panic!("{answers:?}: {e}"))
        .to_string()
}

/// The code without separators.
fn compact(code: &str) -> String {
    code.chars().filter(|&c| c != '-').collect()
}

fn decoded(text: &str) -> Decoded {
    decode(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// Every code a test should poke at: the extremes and many random ones.
fn sample_codes(n: usize) -> Vec<String> {
    let mut rng = Rng::new(2024);
    let mut codes = vec![
        code_of(&answers_by(|_, _| 0)),
        code_of(&answers_by(|_, t| t)),
    ];
    codes.extend((0..n).map(|_| code_of(&random_answers(&mut rng))));
    codes
}

#[test]
fn random_answers_round_trip() {
    let mut rng = Rng::new(1);
    for _ in 0..50_000 {
        let answers = random_answers(&mut rng);
        let code = encode(&answers, Perspective::Team).expect("valid answers encode");
        let back = decoded(code.as_str());
        assert_eq!(back.answers, answers, "{code}");
        assert_eq!(back.code, code);
        assert_eq!(back.question_set, QUESTION_SET);
    }
}

#[test]
fn lowest_and_highest_answers_round_trip() {
    for answers in [answers_by(|_, _| 0), answers_by(|_, t| t)] {
        assert_eq!(decoded(&code_of(&answers)).answers, answers);
    }
}

#[test]
fn every_option_of_every_question_round_trips() {
    for (i, q) in QUESTIONS.iter().enumerate() {
        for option in 0..q.options.len() as u8 {
            let mut answers = answers_by(|_, _| 0);
            answers.0[i] = option;
            assert_eq!(
                decoded(&code_of(&answers)).answers,
                answers,
                "{} option {option}",
                q.id
            );
        }
    }
}

#[test]
fn different_answers_give_different_codes() {
    let mut rng = Rng::new(5);
    let mut seen = std::collections::HashMap::new();
    for _ in 0..20_000 {
        let answers = random_answers(&mut rng);
        let code = code_of(&answers);
        if let Some(earlier) = seen.insert(code.clone(), answers.clone()) {
            assert_eq!(earlier, answers, "{code} stands for two answer sets");
        }
    }
}

#[test]
fn canonical_codes_are_short_and_readable() {
    for code in sample_codes(2_000) {
        let parts: Vec<&str> = code.split('-').collect();
        assert_eq!(parts.len(), 3, "{code}");
        assert_eq!(parts[0], QUESTION_SET, "{code}");
        assert_eq!(parts[1].len(), 5, "{code}");
        assert_eq!(parts[2].len(), 1, "{code}");
        assert!(compact(&code).len() <= 12);
        assert!(
            compact(&code).chars().all(|c| SYMBOLS.contains(c)),
            "{code}"
        );
    }
}

#[test]
fn every_single_character_substitution_is_rejected() {
    for code in sample_codes(3_000) {
        let chars: Vec<char> = compact(&code).chars().collect();
        for i in 0..chars.len() {
            for replacement in SYMBOLS.chars().chain("IOLUZ#".chars()) {
                let mut typo = chars.clone();
                typo[i] = replacement;
                let typo: String = typo.into_iter().collect();
                if decode(&typo).map(|d| d.code.to_string()) == Ok(code.clone()) {
                    // Only a look-alike (O for 0, I or L for 1) reads as the same code.
                    assert!(
                        matches!((chars[i], replacement), ('0', 'O') | ('1', 'I' | 'L'))
                            || chars[i] == replacement
                    );
                    continue;
                }
                match decode(&typo) {
                    Err(CodeError::BadCheck { .. } | CodeError::BadCharacter { .. }) => {}
                    other => panic!("{code} with {replacement} at {i} gave {other:?}"),
                }
            }
        }
    }
}

#[test]
fn every_transposition_is_rejected() {
    for code in sample_codes(3_000) {
        let chars: Vec<char> = compact(&code).chars().collect();
        for i in 0..chars.len() {
            for j in i + 1..chars.len() {
                if chars[i] == chars[j] {
                    continue;
                }
                let mut swapped = chars.clone();
                swapped.swap(i, j);
                let swapped: String = swapped.into_iter().collect();
                assert!(
                    matches!(decode(&swapped), Err(CodeError::BadCheck { .. })),
                    "{code} with positions {i} and {j} swapped was accepted"
                );
            }
        }
    }
}

#[test]
fn swapping_with_a_separator_changes_nothing() {
    for code in sample_codes(200) {
        let chars: Vec<char> = code.chars().collect();
        for i in 0..chars.len() - 1 {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            if compact(&swapped) == compact(&code) {
                assert_eq!(decoded(&swapped).code.to_string(), code);
            } else {
                assert!(decode(&swapped).is_err(), "{swapped} from {code}");
            }
        }
    }
}

#[test]
fn case_separators_and_look_alikes_do_not_matter() {
    for code in sample_codes(500) {
        let plain = compact(&code);
        let variants = [
            code.to_lowercase(),
            plain.clone(),
            plain.to_lowercase(),
            format!("  {}\t\n", code),
            plain.chars().flat_map(|c| [c, ' ']).collect(),
            plain.chars().flat_map(|c| ['-', c]).collect(),
            code.replace('-', " – "),
            plain.replace('0', "O").replace('1', "l"),
            plain.replace('1', "I").to_lowercase(),
            format!("\u{FEFF}{code}\u{200B}"),
        ];
        for variant in variants {
            assert_eq!(decoded(&variant).code.to_string(), code, "{variant:?}");
        }
    }
}

/// Characters random text is drawn from: valid symbols, look-alikes, separators, and trouble.
const POOL: &[char] = &[
    '0', '1', '7', 'A', 'K', 'Y', 'x', 'q', 'o', 'i', 'l', 'U', 'Z', '-', ' ', '\t', '\n', '\r',
    '\0', '\u{7f}', 'é', 'ß', '€', '😀', '👩', '\u{200D}', '\u{FEFF}', '\u{202E}', '"', ',', '١',
];

#[test]
fn random_text_never_panics_and_only_valid_codes_pass() {
    let mut rng = Rng::new(99);
    let mut accepted = 0;
    for round in 0..200_000 {
        let len = rng.below(if round % 2 == 0 { 12 } else { 40 });
        let text: String = (0..len)
            .map(|_| {
                if rng.below(3) == 0 {
                    POOL[rng.below(POOL.len())]
                } else {
                    SYMBOLS.as_bytes()[rng.below(SYMBOLS.len())] as char
                }
            })
            .collect();
        if let Ok(d) = decode(&text) {
            accepted += 1;
            // Whatever passes is exactly the code of the answers it decodes to.
            assert_eq!(
                encode(&d.answers, d.perspective).expect("decoded answers encode"),
                d.code,
                "{text:?}"
            );
        }
    }
    // Random 7-symbol strings pass the check about once in 31 tries; some must get through.
    assert!(accepted > 0);
}

#[test]
fn huge_and_strange_input_is_rejected_without_panicking() {
    let huge = "7".repeat(1_000_000);
    assert_eq!(
        decode(&huge),
        Err(CodeError::WrongLength {
            expected: 7,
            got: 1_000_000
        })
    );
    let spaces = " ".repeat(100_000);
    assert_eq!(decode(&spaces), Err(CodeError::Empty));
    for text in [
        "",
        "-",
        "😀",
        "1-7KD3Q-😀",
        "\u{0}",
        "１２３４５６７",
        "\u{10FFFF}",
    ] {
        assert!(decode(text).is_err(), "{text:?}");
    }
}

/// The one check character that completes `body`, found by trying them all.
fn with_valid_check(body: &str) -> (String, Result<Decoded, CodeError>) {
    let mut passing = SYMBOLS
        .chars()
        .map(|c| format!("{body}{c}"))
        .filter(|text| !matches!(decode(text), Err(CodeError::BadCheck { .. })))
        .collect::<Vec<_>>();
    assert_eq!(passing.len(), 1, "exactly one check character fits {body}");
    let text = passing.remove(0);
    let result = decode(&text);
    (text, result)
}

#[test]
fn each_error_says_what_is_wrong() {
    let code = code_of(&answers_by(|_, t| t));
    let check = compact(&code).chars().last().expect("a check character");
    let wrong_check = SYMBOLS
        .chars()
        .find(|&c| c != check)
        .expect("another symbol");
    let with_wrong_check = format!("{}{wrong_check}", &code[..code.len() - 1]);

    let cases: Vec<(Result<Decoded, CodeError>, String)> = vec![
        (decode(""), "the result code is empty".into()),
        (decode(" - "), "the result code is empty".into()),
        (
            decode("1-7KU3Q-X"),
            "\"U\" at position 5 cannot be part of a result code: codes use digits and the letters A to Z except U and Z".into(),
        ),
        (decode("1-7K\u{0}"), "\"U+0000\" at position 5 cannot".into()),
        // A right-to-left override is named, not echoed, so it cannot reverse the message.
        (decode("1-7K\u{202E}D3Q-W"), "\"U+202E\" at position 5 cannot".into()),
        (decode("1-7K\u{2067}D3Q-W"), "\"U+2067\" at position 5 cannot".into()),
        (decode("1-7KD3Q"), "a result code has 7 characters besides spaces and hyphens, this one has 6".into()),
        (
            decode(&with_wrong_check),
            format!("the check character \"{wrong_check}\" does not match: part of the code was probably mistyped; compare it with the original"),
        ),
        (
            with_valid_check("2-7KD3Q-").1,
            "the code comes from version \"2\" of the assessment, and this widget reads version 1".into(),
        ),
        (
            with_valid_check("1-YYYYY-").1,
            "the answer part \"YYYYY\" cannot occur in version 1: part of the code was probably mistyped".into(),
        ),
    ];
    for (result, expected) in cases {
        let message = result.expect_err(&expected).to_string();
        assert!(
            message.starts_with(&expected),
            "{message:?} should start with {expected:?}"
        );
        assert!(
            message.starts_with(|c: char| c.is_lowercase() || c == '"'),
            "{message}"
        );
    }
}

#[test]
fn encoding_refuses_answers_that_do_not_fit_the_bank() {
    let short = Answers(vec![0; QUESTIONS.len() - 1]);
    assert_eq!(
        encode(&short, Perspective::Team),
        Err(CodeError::Answers(ScoreError::WrongCount {
            got: QUESTIONS.len() - 1,
            expected: QUESTIONS.len()
        }))
    );
    let mut too_high = answers_by(|_, t| t);
    too_high.0[3] = top(3) + 1;
    let error = encode(&too_high, Perspective::Team).expect_err("an option past the last");
    assert!(matches!(
        error,
        CodeError::Answers(ScoreError::OptionOutOfRange { .. })
    ));
    assert!(
        error
            .to_string()
            .starts_with("cannot make a result code: answer for \"usage.weekly\""),
        "{error}"
    );
    assert!(
        std::error::Error::source(&error).is_some(),
        "the cause is kept"
    );
}

#[test]
fn an_unknown_version_of_another_length_is_a_length_problem() {
    assert_eq!(
        decode("2-7KD3Q-XXXXXXXXXX"),
        Err(CodeError::WrongLength {
            expected: 7,
            got: 16
        }),
    );
}

#[test]
fn codes_carry_their_perspective_both_ways() {
    let mut rng = Rng::new(8);
    for _ in 0..2_000 {
        let answers = random_answers(&mut rng);
        let team = encode(&answers, Perspective::Team).expect("valid");
        let own = encode(&answers, Perspective::Person).expect("valid");
        assert!(team.as_str().starts_with("1-"), "{team}");
        assert!(own.as_str().starts_with("S-"), "{own}");
        assert_eq!(team.as_str().len(), own.as_str().len());
        for (code, perspective) in [(&team, Perspective::Team), (&own, Perspective::Person)] {
            let d = decode(code.as_str()).expect("decodes");
            assert_eq!(
                (d.answers.clone(), d.perspective, d.code.clone()),
                (answers.clone(), perspective, code.clone())
            );
            // Lower case and an `s` typed as `5` (a look-alike that is another symbol) are caught
            // or read right, never read as the other perspective.
            assert_eq!(
                decode(&code.as_str().to_lowercase()).map(|d| d.perspective),
                Ok(perspective)
            );
        }
        let swapped = format!("5{}", &own.as_str()[1..]);
        assert!(decode(&swapped).is_err(), "{swapped}");
    }
}

#[test]
fn codes_issued_before_the_self_perspective_still_read_as_a_leads_view() {
    // Codes from the widget's first release, as people wrote them down.
    for code in ["1-7KD3Q-W", "1-0M4TB-S"] {
        let d = decode(code).expect("an old code still opens");
        assert_eq!(d.perspective, Perspective::Team, "{code}");
        assert_eq!(d.question_set, "1");
        assert_eq!(d.answers.0.len(), 12);
    }
}
