//! Languages: every catalog has every key with the same placeholders and the plural forms its
//! language needs; plural and number rules; language negotiation; host text overrides.

use std::collections::HashSet;
use std::fs;
use std::rc::Rc;

use ai_readiness::core::bank::{word_count, QUESTIONS};
use ai_readiness::core::config::{parse, ConfigValue, Entry};
use ai_readiness::core::i18n::{
    fill, lines, negotiate, placeholders, Catalog, Lang, Msg, Plural, OWN_PREFIX, OWN_VOICE,
};
use ai_readiness::core::model::Perspective;

fn read(name: &str) -> String {
    let path = format!("{}/src/core/locales/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A language's catalog file.
fn source(lang: Lang) -> String {
    read(lang.tag())
}

/// A language's self-perspective file, `<tag>.self.txt`.
fn own_source(lang: Lang) -> String {
    read(&format!("{}.self", lang.tag()))
}

/// A language's catalog, every line of its file used.
fn catalog(lang: Lang) -> Catalog {
    let (catalog, errors) = Catalog::load(lang, &source(lang));
    assert!(errors.is_empty(), "{}: {errors:?}", lang.tag());
    catalog
}

/// A language's catalog in the self perspective, every line of both files used.
fn own_catalog(lang: Lang) -> Catalog {
    let (own, errors) = catalog(lang).in_own_voice(&own_source(lang));
    assert!(errors.is_empty(), "{} self: {errors:?}", lang.tag());
    own
}

#[test]
fn every_catalog_has_every_key_once_with_the_same_placeholders() {
    for lang in Lang::ALL {
        let text = source(lang) + "\n" + &own_source(lang);
        let mut seen: HashSet<(String, Option<String>)> = HashSet::new();
        let mut keys: Vec<&str> = Vec::new();
        for line in lines(&text) {
            let line = line.unwrap_or_else(|e| panic!("{}: {e}", lang.tag()));
            assert!(
                seen.insert((line.key.to_string(), line.form.map(str::to_string))),
                "{}: {} is given twice",
                lang.tag(),
                line.key
            );
            if keys.last() != Some(&line.key) {
                keys.push(line.key);
            }
            let key = line.key.strip_prefix(OWN_PREFIX).unwrap_or(line.key);
            Catalog::check(key, line.form, line.text, lang)
                .unwrap_or_else(|e| panic!("{} line {}: {e}", lang.tag(), line.number));
        }
        let own: Vec<String> = OWN_VOICE
            .iter()
            .map(|m| format!("{OWN_PREFIX}{}", m.key()))
            .collect();
        let expected: Vec<&str> = Msg::ALL
            .iter()
            .map(|m| m.key())
            .chain(own.iter().map(String::as_str))
            .collect();
        assert_eq!(
            keys,
            expected,
            "{}: keys differ from English (missing, extra or out of order)",
            lang.tag()
        );
    }
}

#[test]
fn plural_messages_have_each_form_their_language_uses() {
    let english = catalog(Lang::En);
    let plural: Vec<Msg> = Msg::ALL
        .into_iter()
        .filter(|&m| english.forms(m).len() > 1)
        .collect();
    assert!(
        plural.len() >= 5,
        "points, people and lines come in plural forms"
    );
    for lang in Lang::ALL {
        let c = catalog(lang);
        for &msg in &plural {
            let mut forms = c.forms(msg);
            forms.sort_by_key(|p| Plural::ALL.iter().position(|q| q == p));
            assert_eq!(forms, lang.plurals(), "{} {}", lang.tag(), msg.key());
        }
        for msg in Msg::ALL.into_iter().filter(|m| !plural.contains(m)) {
            assert_eq!(
                c.forms(msg),
                vec![Plural::Other],
                "{} {} has no plural forms",
                lang.tag(),
                msg.key()
            );
        }
    }
}

#[test]
fn translations_are_translated_and_keep_the_codes_intact() {
    let english = catalog(Lang::En);
    for lang in Lang::ALL.into_iter().skip(1) {
        let c = catalog(lang);
        let same = Msg::ALL
            .iter()
            .filter(|&&m| c.get(m) == english.get(m))
            .count();
        // A few words are the same in several languages (Usage, Code, Team), and so is the list
        // joiner `{a}, {b}`; whole texts are not.
        assert!(
            same <= 9,
            "{}: {same} texts are identical to English",
            lang.tag()
        );
        let placeholder = c.get(Msg::TeamPlaceholder);
        assert!(
            placeholder.contains("1-7KD3Q-W\n") && placeholder.contains("1-0M4TB-S"),
            "{}",
            lang.tag()
        );
        assert!(
            c.get(Msg::TeamNoneValid).contains("1-7KD3Q-W"),
            "{}",
            lang.tag()
        );
        let own = own_catalog(lang);
        for voice in [&c, &own] {
            for q in &QUESTIONS {
                let options: HashSet<&str> = q.options.iter().map(|&o| voice.get(o)).collect();
                assert_eq!(
                    options.len(),
                    q.options.len(),
                    "{}: {} repeats an option",
                    lang.tag(),
                    q.id
                );
            }
        }
        // Questions stay quick to read: no language needs half as many words again as English,
        // in either perspective.
        let english_own = own_catalog(Lang::En);
        for (voice, reference) in [(&c, &english), (&own, &english_own)] {
            assert!(
                word_count(voice) * 2 <= word_count(reference) * 3,
                "{}: {} words",
                lang.tag(),
                word_count(voice)
            );
        }
    }
}

#[test]
fn a_damaged_catalog_falls_back_to_english_line_by_line() {
    let text = "intro.title = Wie bereit ist Ihr Team?\n\
                intro.start\n\
                intro.lead = Keine {platzhalter}\n\
                nope.key = x\n\
                team.problems[few] = {n} Zeilen\n";
    let (c, errors) = Catalog::load(Lang::De, text);
    assert_eq!(c.get(Msg::IntroTitle), "Wie bereit ist Ihr Team?");
    assert_eq!(
        c.get(Msg::IntroLead),
        Catalog::english().get(Msg::IntroLead),
        "bad placeholders keep English"
    );
    assert_eq!(
        c.get(Msg::IntroStart),
        "Start",
        "a line without = keeps English"
    );
    assert_eq!(errors.len(), 4, "{errors:?}");
    let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(said[0].contains("line 2"), "{said:?}");
    assert!(
        said[1].contains("{n}") || said[1].contains("placeholders"),
        "{said:?}"
    );
    assert!(said[2].contains("nope.key"), "{said:?}");
    assert!(
        said[3].contains("team.problems[few]"),
        "German has no [few]: {said:?}"
    );
    assert_eq!(c.lang, Lang::De);
}

#[test]
fn an_unclosed_plural_form_is_refused_with_its_line() {
    let text = "# Notes stay out.\n\
                intro.title = Wie bereit ist Ihr Team?\n\
                team.problems[one = {n} Zeile\n\
                intro.start = Los\n";
    let (c, errors) = Catalog::load(Lang::De, text);
    let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        ["\"team.problems[one\" names a plural form this text does not have"]
    );
    assert_eq!(c.get(Msg::IntroStart), "Los", "the lines after it are read");
    assert_eq!(c.get(Msg::IntroTitle), "Wie bereit ist Ihr Team?");
}

/// Every key of every language finds its own message, and each text lands on the right one.
#[test]
fn every_line_of_a_catalog_reaches_its_own_message() {
    for lang in Lang::ALL {
        let source = source(lang);
        let loaded = catalog(lang);
        for line in lines(&source).map(|l| l.expect("well formed")) {
            let msg = Msg::from_key(line.key).expect("a key of en.txt");
            assert_eq!(msg.key(), line.key);
            if line.form.is_none() {
                assert_eq!(
                    loaded.get(msg),
                    line.text.replace("\\n", "\n"),
                    "{} {}",
                    lang.tag(),
                    line.key
                );
            }
        }
    }
}

#[test]
fn plural_rules_follow_cldr() {
    let cases: [(Lang, u64, Plural); 16] = [
        (Lang::En, 0, Plural::Other),
        (Lang::En, 1, Plural::One),
        (Lang::En, 2, Plural::Other),
        (Lang::De, 1, Plural::One),
        (Lang::Es, 1, Plural::One),
        (Lang::Fr, 0, Plural::One),
        (Lang::Fr, 1, Plural::One),
        (Lang::Fr, 2, Plural::Other),
        (Lang::Ar, 0, Plural::Zero),
        (Lang::Ar, 1, Plural::One),
        (Lang::Ar, 2, Plural::Two),
        (Lang::Ar, 3, Plural::Few),
        (Lang::Ar, 110, Plural::Few),
        (Lang::Ar, 11, Plural::Many),
        (Lang::Ar, 199, Plural::Many),
        (Lang::Ar, 102, Plural::Other),
    ];
    for (lang, n, expected) in cases {
        assert_eq!(lang.plural(n), expected, "{} {n}", lang.tag());
    }
}

#[test]
fn counts_pick_the_right_form_and_write_the_number_for_the_language() {
    let en = Catalog::english();
    assert_eq!(en.count(Msg::TeamProblems, 1, &[]), "1 line did not count");
    assert_eq!(
        en.count(Msg::TeamProblems, 12345, &[]),
        "12,345 lines did not count"
    );
    let ar = catalog(Lang::Ar);
    let forms: HashSet<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|&n| ar.count(Msg::TeamProblems, n, &[]))
        .collect();
    assert_eq!(forms.len(), 6, "six distinct Arabic sentences: {forms:?}");
    assert!(
        ar.count(Msg::TeamProblems, 3, &[]).contains('٣'),
        "Arabic-Indic digits"
    );
}

#[test]
fn numbers_and_percentages_are_written_for_each_language() {
    let cases = [
        (Lang::En, 1234567, "1,234,567", "42%"),
        (Lang::De, 1234567, "1.234.567", "42\u{a0}%"),
        (Lang::Fr, 1234567, "1\u{202f}234\u{202f}567", "42\u{202f}%"),
        (Lang::Es, 1234567, "1.234.567", "42\u{a0}%"),
        (Lang::Ar, 1234567, "١٬٢٣٤٬٥٦٧", "٤٢٪"),
    ];
    for (lang, n, number, percent) in cases {
        assert_eq!(lang.number(n), number, "{}", lang.tag());
        assert_eq!(lang.percent(42), percent, "{}", lang.tag());
    }
    assert_eq!(
        Lang::Es.number(1000),
        "1000",
        "Spanish groups from five digits"
    );
    assert_eq!(Lang::En.number(1000), "1,000");
    assert_eq!(Lang::En.number(-5), "\u{2212}5");
    assert_eq!(
        (Lang::En.signed(12), Lang::En.signed(0), Lang::En.signed(-3)),
        ("+12".into(), "±0".into(), "\u{2212}3".into())
    );
    assert_eq!(Lang::Ar.signed(12), "+١٢");
}

#[test]
fn the_language_comes_from_config_then_browser_then_english() {
    let browser = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(negotiate(Some("fr-CA"), &browser(&["de-AT"])), Lang::Fr);
    assert_eq!(negotiate(None, &browser(&["de-AT", "en"])), Lang::De);
    assert_eq!(
        negotiate(None, &browser(&["ja", "pt-BR", "es-419"])),
        Lang::Es,
        "first supported match"
    );
    assert_eq!(
        negotiate(Some("ja"), &browser(&["ar-EG"])),
        Lang::Ar,
        "an unsupported setting follows the browser"
    );
    assert_eq!(negotiate(None, &browser(&["ja"])), Lang::En);
    assert_eq!(
        negotiate(Some("DE_ch"), &[]),
        Lang::De,
        "case and underscores are fine"
    );
    assert!(Lang::Ar.rtl() && Lang::ALL.iter().filter(|l| l.rtl()).count() == 1);
}

#[test]
fn an_unsupported_locale_warns_and_is_kept() {
    let parsed = parse(&[Entry::attribute("locale", "ja-JP")]).expect("valid tag");
    assert_eq!(parsed.config.locale.as_deref(), Some("ja-JP"));
    assert!(
        parsed.warnings[0].contains("\"ja-JP\" has no catalog"),
        "{:?}",
        parsed.warnings
    );
}

fn strings(pairs: &[(&str, ConfigValue)]) -> Entry {
    Entry::object(
        "strings",
        ConfigValue::Map(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        ),
    )
}

fn text(s: &str) -> ConfigValue {
    ConfigValue::Text(s.to_string())
}

#[test]
fn hosts_override_texts_for_all_or_one_language() {
    let parsed = parse(&[
        strings(&[
            ("de:intro.title", text("Unser KI-Check")),
            ("intro.title", text("Our AI check")),
            ("team.problems[one]", text("One line was skipped: {n}")),
            ("result.retake", text("  Again  ")),
        ]),
        Entry::attribute("intro", "Two minutes."),
    ])
    .expect("valid");
    let en = parsed.config.catalog(&Rc::new(Catalog::english()));
    assert_eq!(en.get(Msg::IntroTitle), "Our AI check");
    assert_eq!(
        en.get(Msg::IntroLead),
        "Two minutes.",
        "intro is a text override too"
    );
    assert_eq!(en.get(Msg::ResultRetake), "Again", "trimmed");
    assert_eq!(
        en.count(Msg::TeamProblems, 1, &[]),
        "One line was skipped: 1"
    );
    assert_eq!(
        en.count(Msg::TeamProblems, 2, &[]),
        "2 lines did not count",
        "other form untouched"
    );
    let de = parsed.config.catalog(&Rc::new(catalog(Lang::De)));
    assert_eq!(
        de.get(Msg::IntroTitle),
        "Unser KI-Check",
        "the language's own text wins, though given first"
    );
    let fr = parsed.config.catalog(&Rc::new(catalog(Lang::Fr)));
    assert_eq!(
        fr.get(Msg::IntroTitle),
        "Our AI check",
        "unprefixed texts apply to every language"
    );
}

#[test]
fn bad_overrides_are_refused_with_the_key_and_the_reason() {
    let cases: [(Entry, &str); 9] = [
        (
            strings(&[("intro.titel", text("x"))]),
            "strings: \"intro.titel\" is not a text key",
        ),
        (
            strings(&[("gap.top", text("No placeholders"))]),
            "must contain exactly the placeholders {dimension}, {score}, {why}",
        ),
        (
            strings(&[("intro.title", text("Hi {name}"))]),
            "\"intro.title\" must not contain placeholders",
        ),
        (
            strings(&[("intro.title", ConfigValue::Number("3".into()))]),
            "\"intro.title\" must be a non-empty string of at most 500 characters, got number 3",
        ),
        (
            strings(&[("ja:intro.title", text("x"))]),
            "\"ja\" is not a language of the widget",
        ),
        (
            strings(&[("intro.title[one]", text("x"))]),
            "\"intro.title[one]\" names a plural form",
        ),
        (
            strings(&[("team.problems[one", text("One line: {n}"))]),
            "\"team.problems[one\" names a plural form",
        ),
        (
            strings(&[("team.problems[one]]", text("One line: {n}"))]),
            "\"team.problems[one]]\" names a plural form",
        ),
        (
            Entry::attribute("strings", "{intro.title: x}"),
            "data-strings must be an object of text keys and texts",
        ),
    ];
    for (entry, expected) in cases {
        // A script's value refuses the configuration; an attribute's is set aside and reported.
        let said = match parse(&[entry]) {
            Err(e) => e.to_string(),
            Ok(parsed) => parsed.problems.first().expect(expected).to_string(),
        };
        assert!(
            said.contains(expected),
            "{said:?} should contain {expected:?}"
        );
    }
    let long = "x".repeat(501);
    assert!(parse(&[strings(&[("intro.title", text(&long))])]).is_err());
}

#[test]
fn fill_replaces_known_placeholders_only() {
    assert_eq!(
        fill("{a} and {b} and {c", &[("a", "1"), ("b", "{a}")]),
        "1 and {a} and {c"
    );
    assert_eq!(placeholders("{n} of {total}, {n}"), vec!["n", "total"]);
    let english = catalog(Lang::En);
    for msg in Msg::ALL {
        assert!(!english.get(msg).is_empty(), "{} is empty", msg.key());
        assert_eq!(Msg::from_key(msg.key()), Some(msg));
    }
}

#[test]
fn english_has_every_text_though_it_comes_in_two_halves() {
    // The result's and team view's English travels in their chunk; every message must still read
    // exactly as en.txt writes it, from whichever half it comes.
    let en = catalog(Lang::En);
    for line in lines(&source(Lang::En)).map(|l| l.expect("en.txt is well formed")) {
        let msg = Msg::from_key(line.key).expect("a known key");
        assert_eq!(Msg::key(msg), line.key);
        if line.form.is_none() {
            assert_eq!(en.get(msg), line.text.replace("\\n", "\n"), "{}", line.key);
        }
    }
    assert!(Msg::ALL.iter().all(|&m| !en.get(m).is_empty()));
}

#[test]
fn the_self_voice_asks_every_question_and_option_in_the_first_person() {
    for lang in Lang::ALL {
        let c = catalog(lang);
        let own = own_catalog(lang);
        assert_eq!(own.voice, Perspective::Person);
        // Each self line is what the person reads in place of its twin.
        for line in lines(&own_source(lang)).map(|l| l.expect("well formed")) {
            let twin = line.key.strip_prefix(OWN_PREFIX).expect("a self key");
            let msg = Msg::from_key(twin).expect("a twin");
            if line.form.is_none() {
                assert_eq!(own.get(msg), line.text, "{} {}", lang.tag(), line.key);
            }
        }
        for q in &QUESTIONS {
            for msg in std::iter::once(&q.prompt).chain(q.options) {
                assert!(OWN_VOICE.contains(msg), "{} has no self twin", msg.key());
            }
            // Every question is asked of the person; a short option ("No") may read the same.
            assert_ne!(
                own.get(q.prompt),
                c.get(q.prompt),
                "{}: {} reads the same to a person as to a lead",
                lang.tag(),
                q.id
            );
        }
        // The intro speaks to a person too; texts without a twin stay as they are.
        assert_ne!(own.get(Msg::IntroTitle), c.get(Msg::IntroTitle));
        assert_eq!(own.get(Msg::IntroStart), c.get(Msg::IntroStart));
    }
}

#[test]
fn a_broken_self_file_keeps_english_first_person_texts() {
    let (de, _) = Catalog::load(Lang::De, &source(Lang::De));
    let (own, errors) = de.in_own_voice("self.q.usage.weekly = {level} kaputt\nnonsense");
    assert_eq!(errors.len(), 2, "{errors:?}");
    let english = own_catalog(Lang::En);
    assert_eq!(own.get(Msg::QUsageWeekly), english.get(Msg::QUsageWeekly));
    assert_ne!(
        own.get(Msg::QUsageWeekly),
        catalog(Lang::En).get(Msg::QUsageWeekly)
    );
}

#[test]
fn the_language_list_in_messages_is_every_language() {
    let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    assert_eq!(Lang::LIST, tags.join(", "));
}
