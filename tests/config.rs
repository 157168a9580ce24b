//! Configuration: merging order, validation messages that name key, value and what is accepted,
//! and the URL and colour checks that keep a host's typo from becoming a hole.

use std::rc::Rc;

use ai_readiness::core::colour::{is_css_colour, is_opaque};
use ai_readiness::core::config::{
    attribute_name, check_accent, is_safe_url, key_from_attribute, merge, parse, Config,
    ConfigError, ConfigValue, Entry, Theme,
};
use ai_readiness::core::i18n::{Catalog, Msg};
use ai_readiness::core::model::Perspective;

fn text(key: &str, value: &str) -> Entry {
    Entry::object(key, ConfigValue::Text(value.into()))
}

fn error(entries: &[Entry]) -> String {
    parse(entries).expect_err("should be refused").to_string()
}

/// The one problem a bad attribute leaves, the widget still running.
fn problem(entries: &[Entry]) -> String {
    let parsed = parse(entries).expect("attributes never refuse the widget");
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    parsed.problems[0].to_string()
}

#[test]
fn no_entries_give_the_defaults() {
    let parsed = parse(&[]).expect("empty is valid");
    assert_eq!(parsed.config, Config::default());
    assert!(parsed.warnings.is_empty());
}

#[test]
fn later_entries_win_so_mount_config_beats_attributes() {
    let parsed = parse(&[
        Entry::attribute("theme", "dark"),
        Entry::attribute("title", "From the attribute"),
        text("title", "  From mount  "),
    ])
    .expect("valid");
    assert_eq!(
        parsed.config.theme,
        Theme::Dark,
        "attribute kept where mount is silent"
    );
    let shown = parsed.config.catalog(&Rc::new(Catalog::english()));
    assert_eq!(
        shown.get(Msg::IntroTitle),
        "From mount",
        "mount overrides and is trimmed"
    );
}

#[test]
fn every_key_is_read() {
    let parsed = parse(&[
        text("locale", "de-AT"),
        text("theme", "auto"),
        text("accent", "#ff6600"),
        text("title", "T"),
        text("intro", "I"),
        text("ctaLabel", "Talk to us"),
        text("ctaUrl", "https://example.com/contact?from=quiz"),
        Entry::object("showIntro", ConfigValue::Bool(false)),
        text("storageKey", "acme.quiz"),
        Entry::attribute("storage", "false"),
        Entry::attribute("mode", "team"),
    ])
    .expect("valid");
    let c = parsed.config;
    assert_eq!(c.locale.as_deref(), Some("de-AT"));
    assert_eq!(c.theme, Theme::Auto);
    assert_eq!(c.accent.as_deref(), Some("#ff6600"));
    let shown = c.catalog(&Rc::new(Catalog::english()));
    assert_eq!(
        (shown.get(Msg::IntroTitle), shown.get(Msg::IntroLead)),
        ("T", "I")
    );
    let cta = c.cta.expect("a call to action");
    assert_eq!(
        (cta.label.as_str(), cta.url.as_str()),
        ("Talk to us", "https://example.com/contact?from=quiz")
    );
    assert!(!c.show_intro);
    assert_eq!(c.storage_key, "acme.quiz");
    assert!(!c.storage);
    assert_eq!(c.mode, ai_readiness::core::config::Mode::Team);
}

#[test]
fn messages_name_the_key_the_value_and_what_is_accepted() {
    assert_eq!(
        error(&[text("theme", "purple")]),
        "theme must be one of \"light\", \"dark\", \"auto\", got \"purple\""
    );
    assert_eq!(
        problem(&[Entry::attribute("theme", "purple")]),
        "data-theme must be one of \"light\", \"dark\", \"auto\", got \"purple\"",
        "attributes are named as the host wrote them"
    );
    assert_eq!(
        error(&[
            text("ctaLabel", "Go"),
            text("ctaUrl", "javascript:alert(1)")
        ]),
        "ctaUrl must be an http(s) URL or a relative link, whose only {placeholders} are {level}, {overall}, {biggestGap}, {code} and {perspective}, got \"javascript:alert(1)\""
    );
    assert_eq!(
        error(&[text("accent", "not a colour")]),
        "accent must be an opaque CSS colour such as \"#2b5fd9\", \"rgb(43 95 217)\" or \"teal\", got \"not a colour\""
    );
    assert_eq!(
        error(&[Entry::object("showIntro", ConfigValue::Number("3".into()))]),
        "showIntro must be true or false, got number 3"
    );
    assert_eq!(
        error(&[Entry::object(
            "title",
            ConfigValue::Other("an object".into())
        )]),
        "title must be a non-empty string of at most 300 characters, got an object"
    );
    assert!(error(&[text("locale", "english please")]).starts_with("locale must be a language tag"));
    assert!(error(&[text("storageKey", "a b")]).starts_with("storageKey must be 1 to 40"));
    assert_eq!(
        problem(&[Entry::attribute("mode", "admin")]),
        "data-mode must be \"assessment\" or \"team\", got \"admin\""
    );
}

#[test]
fn call_to_action_needs_both_halves() {
    assert_eq!(
        error(&[text("ctaLabel", "Go")]),
        "ctaLabel and ctaUrl go together: ctaUrl is missing"
    );
    assert_eq!(
        error(&[text("ctaUrl", "/contact")]),
        "ctaLabel and ctaUrl go together: ctaLabel is missing"
    );
}

#[test]
fn unknown_keys_warn_but_do_not_fail() {
    let parsed =
        parse(&[text("colour", "red"), Entry::attribute("colour", "red")]).expect("still valid");
    assert_eq!(parsed.config, Config::default());
    assert_eq!(parsed.warnings.len(), 2);
    assert!(
        parsed.warnings[0].contains("\"colour\""),
        "{}",
        parsed.warnings[0]
    );
    assert!(
        parsed.warnings[1].contains("\"data-colour\""),
        "{}",
        parsed.warnings[1]
    );
}

#[test]
fn long_values_are_shortened_in_messages() {
    let err = error(&[text("theme", &"x".repeat(500))]);
    assert!(err.chars().count() < 140, "{err}");
}

#[test]
fn not_an_object_says_what_it_got() {
    let err = ConfigError::NotAnObject {
        got: "number 5".into(),
    };
    assert_eq!(
        err.to_string(),
        "config must be an object like { theme: \"dark\" }, got number 5"
    );
}

#[test]
fn attribute_names_and_keys_convert_both_ways() {
    for key in ai_readiness::core::config::KEYS {
        let attr = attribute_name(key);
        assert_eq!(
            key_from_attribute(attr.strip_prefix("data-").expect("prefix")),
            key
        );
    }
    assert_eq!(attribute_name("ctaUrl"), "data-cta-url");
}

#[test]
fn the_browser_has_the_last_word_on_colour_names() {
    let knows = |v: &str| ["teal", "#abc"].contains(&v);
    let entries = [text("accent", "banana"), text("title", "T")];
    let mut parsed = parse(&entries).expect("banana has the shape of a colour name");
    assert_eq!(
        check_accent(&mut parsed, &entries, knows)
            .expect_err("the browser does not know it")
            .to_string(),
        "accent must be an opaque CSS colour such as \"#2b5fd9\", \"rgb(43 95 217)\" or \"teal\", got \"banana\""
    );
    // As an attribute, the theme's own accent stays and the problem is reported.
    let entries = [Entry::attribute("accent", "banana")];
    let mut parsed = parse(&entries).expect("valid shape");
    assert_eq!(check_accent(&mut parsed, &entries, knows), Ok(()));
    assert_eq!(parsed.config.accent, None);
    assert_eq!(
        parsed.problems[0].to_string(),
        "data-accent must be an opaque CSS colour such as \"#2b5fd9\", \"rgb(43 95 217)\" or \"teal\", got \"banana\""
    );
    let overridden = [Entry::attribute("accent", "banana"), text("accent", "teal")];
    let mut parsed = parse(&overridden).expect("valid");
    assert_eq!(
        check_accent(&mut parsed, &overridden, knows),
        Ok(()),
        "only the winning entry counts"
    );
    assert!(parsed.problems.is_empty());
    let mut parsed = parse(&[]).expect("valid");
    assert_eq!(check_accent(&mut parsed, &[], knows), Ok(()));
}

#[test]
fn only_http_and_relative_urls_pass() {
    for good in [
        "https://example.com",
        "http://example.com/a?b#c",
        "HTTPS://EXAMPLE.COM",
        "/contact",
        "./book",
        "../x",
        "contact.html",
        "?ref=quiz",
        "#plans",
        "path/with:colon",
    ] {
        assert!(is_safe_url(good), "{good} should pass");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "mailto:a@b.c",
        "https:example.com",
        "\u{0}https://x",
        "",
        "\\\\evil",
        // A browser reads a backslash as a slash: these lead to another site, not a page here.
        "\\/evil.example",
        "/\\evil.example",
        "\\\t\\evil.example",
        // Two slashes make another site's address, however they are written.
        "//evil.example/offer",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "\\\\evil.example",
        // Control characters are refused anywhere: a browser drops some and reads what is left,
        // and a stored outbox entry breaks on a newline.
        "https://hooks.example/in\nx",
        "https://hooks.example/\tin",
        "/api/\rin",
        "https://hooks.example/\u{85}",
    ] {
        assert!(!is_safe_url(bad), "{bad:?} should fail");
    }
}

#[test]
fn colours_are_recognised() {
    for good in [
        "#abc",
        "#AABBCC",
        "#aabbcc80",
        "rebeccapurple",
        "Teal",
        "rgb(43 95 217)",
        "hsl(210, 50%, 40%)",
        "oklch(0.6 0.15 250)",
    ] {
        assert!(is_css_colour(good), "{good} should pass");
    }
    for bad in [
        "not-a-colour",
        "#abcd5",
        "#ggg",
        "red; background: url(x)",
        "rgb(1,2,3);",
        "url(x)",
        "rgb()",
        "expression(alert(1))",
        "",
    ] {
        assert!(!is_css_colour(bad), "{bad:?} should fail");
    }
}

/// What Chromium's 2D canvas writes back for each accent (the embed layer asks it; the
/// end-to-end test `see-through accents are refused` checks these readings in a real browser).
#[test]
fn see_through_accents_are_not_opaque_in_any_syntax() {
    for (written, resolved) in [
        ("#0a7d5a", "#0a7d5a"),
        ("#0a7d5aff", "#0a7d5a"),
        ("rgba(1,2,3,1)", "#010203"),
        ("teal", "#008080"),
        ("oklch(0.7 0.1 200)", "oklch(0.7 0.1 200)"),
        ("lab(50 20 20 / 1)", "lab(50 20 20)"),
        ("rgb(from red r g b)", "color(srgb 1 0 0)"),
        ("rgb(from transparent r g b / 1)", "color(srgb 0 0 0)"),
        ("#0a7d5a", ""),
    ] {
        assert!(
            is_opaque(written, resolved),
            "{written} reads {resolved:?}: opaque"
        );
    }
    for (written, resolved) in [
        ("transparent", "rgba(0, 0, 0, 0)"),
        ("#0000", "rgba(0, 0, 0, 0)"),
        ("#0a7d5a80", "rgba(10, 125, 90, 0.5)"),
        ("rgb(1 2 3 / 50%)", "rgba(1, 2, 3, 0.5)"),
        ("hwb(0 0% 0% / 0.2)", "rgba(255, 0, 0, 0.2)"),
        ("oklch(0.7 0.1 200 / 0.5)", "oklch(0.7 0.1 200 / 0.5)"),
        (
            "color(display-p3 1 0 0 / 0.99)",
            "color(display-p3 1 0 0 / 0.99)",
        ),
        ("hsl(from red h s l / 0.5)", "color(srgb 1 0 0 / 0.5)"),
        ("rgb(from transparent r g b)", "color(srgb 0 0 0 / 0)"),
        // The text's own colour, whatever the canvas makes of it.
        ("currentcolor", "#000000"),
        ("CurrentColor", "#000000"),
        ("rgb(from currentColor r g b)", "color(srgb 0 0 0)"),
    ] {
        assert!(
            !is_opaque(written, resolved),
            "{written} reads {resolved:?}: see-through"
        );
    }
}

#[test]
fn the_key_list_in_messages_names_every_key() {
    let warning = &parse(&[text("nope", "x")]).expect("valid").warnings[0];
    for key in ai_readiness::core::config::KEYS {
        assert!(warning.contains(key), "{warning} misses {key}");
    }
}

#[test]
fn a_bad_attribute_keeps_its_default_and_the_widget_runs() {
    let parsed = parse(&[
        Entry::attribute("theme", "purple"),
        Entry::attribute("accent", "brand green"),
        Entry::attribute("title", "Our check"),
        Entry::attribute("ctaLabel", "Talk to us"),
        Entry::attribute("ctaUrl", "javascript:alert(1)"),
    ])
    .expect("attributes never refuse the widget");
    assert_eq!(parsed.config.theme, Theme::Light);
    assert_eq!(parsed.config.accent, None);
    assert_eq!(
        parsed.config.cta, None,
        "a bad URL drops the call to action"
    );
    assert_eq!(parsed.config.strings.len(), 1, "the good title stays");
    let keys: Vec<String> = parsed.problems.iter().map(ConfigError::key).collect();
    assert_eq!(
        keys,
        ["data-theme", "data-accent", "data-cta-url"],
        "one problem each"
    );
    // A script caller's bad value still refuses the configuration.
    assert!(parse(&[text("theme", "purple")]).is_err());
    // A call to action whose other half is missing only in the markup is dropped, reported once.
    let half = parse(&[Entry::attribute("ctaLabel", "Go")]).expect("runs");
    assert_eq!(half.config.cta, None);
    assert_eq!(half.problems[0].key(), "ctaUrl");
}

#[test]
fn the_call_to_action_carries_the_result() {
    use ai_readiness::core::code::encode;
    use ai_readiness::core::config::{fill_url, result_url};
    use ai_readiness::core::model::Answers;
    use ai_readiness::core::scoring::score;
    let url = "https://example.com/coaching?level={level}&o={overall}&gap={biggestGap}&code={code}&p={perspective}";
    let parsed = parse(&[text("ctaLabel", "Book"), text("ctaUrl", url)]).expect("valid");
    let answers = Answers(vec![3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
    let outcome = score(&answers).expect("valid");
    let cta = parsed.config.cta.expect("a cta");
    for perspective in [Perspective::Team, Perspective::Person] {
        let code = encode(&answers, perspective).expect("valid");
        let filled = result_url(&cta.url, &outcome, &code, perspective);
        assert_eq!(
            filled,
            format!(
                "https://example.com/coaching?level=adopting&o={}&gap=capability&code={}&p={}",
                outcome.overall,
                code,
                perspective.id()
            )
        );
    }
    // Values are percent-encoded; unknown braces stay as written.
    assert_eq!(
        fill_url("/x?a={code}&b={other}", &[("code", "a b&c/é")]),
        "/x?a=a%20b%26c%2F%C3%A9&b={other}"
    );
    // Unknown placeholders are refused with the list of known ones.
    assert!(
        error(&[text("ctaLabel", "Go"), text("ctaUrl", "/x?id={userId}")]).contains("{biggestGap}")
    );
}

#[test]
fn data_layer_is_off_unless_asked_for() {
    assert!(!parse(&[]).expect("valid").config.data_layer);
    assert!(
        parse(&[Entry::object("dataLayer", ConfigValue::Bool(true))])
            .expect("valid")
            .config
            .data_layer
    );
    assert!(
        parse(&[Entry::attribute("dataLayer", "true")])
            .expect("valid")
            .config
            .data_layer
    );
}

#[test]
fn perspective_and_team_link_are_read_and_checked() {
    let c = parse(&[]).expect("defaults").config;
    assert_eq!(c.perspective, Perspective::Team);
    assert!(!c.team_link, "public pages never offer the team view");
    let c = parse(&[
        Entry::attribute("perspective", "self"),
        Entry::attribute("teamLink", "true"),
    ])
    .expect("valid")
    .config;
    assert_eq!(c.perspective, Perspective::Person);
    assert!(c.team_link);
    assert!(
        !parse(&[Entry::attribute("teamLink", "false")])
            .expect("valid")
            .config
            .team_link
    );
    // Only true and false are booleans; a bad perspective says what it accepts.
    assert!(error(&[text("teamLink", "yes")]).contains("true or false"));
    assert_eq!(
        error(&[text("perspective", "me")]),
        "perspective must be \"team\" or \"self\", got \"me\""
    );
    let bad = parse(&[Entry::attribute("perspective", "manager")]).expect("runs");
    assert_eq!(bad.config.perspective, Perspective::Team);
    assert_eq!(bad.problems[0].key(), "data-perspective");
    // The perspective is read at mount only, like the mode.
    assert!(ai_readiness::core::config::AT_MOUNT.contains(&"perspective"));
}

/// A `setConfig` call's entries, from a small random choice of keys and values.
fn random_change(seed: &mut u64) -> Vec<Entry> {
    let mut next = |n: u64| {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) % n
    };
    let themes = ["light", "dark", "auto"];
    let keys = ["intro.title", "intro.lead", "de:intro.title"];
    let mut change: Vec<Entry> = Vec::new();
    for _ in 0..=next(2) {
        let entry = match next(4) {
            0 => text("theme", themes[next(3) as usize]),
            1 => text("title", ["A", "B"][next(2) as usize]),
            2 => text("ctaLabel", ["Talk to us", "Book a call"][next(2) as usize]),
            _ => {
                let mut texts: Vec<(String, ConfigValue)> = Vec::new();
                for _ in 0..=next(3) {
                    let key = keys[next(3) as usize];
                    // An object has each key once, here too.
                    if texts.iter().all(|(k, _)| k != key) {
                        let value = ConfigValue::Text(format!("{key} {}", next(5)));
                        texts.push((key.to_string(), value));
                    }
                }
                Entry::object("strings", ConfigValue::Map(texts))
            }
        };
        // An object has each key once.
        if change.iter().all(|e| e.key != entry.key) {
            change.push(entry);
        }
    }
    change
}

/// The configuration as the widget uses it: texts given twice count once, the last one.
fn effective(entries: &[Entry]) -> String {
    let mut parsed = parse(entries).expect("valid changes");
    let mut last: Vec<(String, String)> = Vec::new();
    for o in &parsed.config.strings {
        let key = format!("{:?} {:?} {:?}", o.lang, o.msg, o.form);
        last.retain(|(k, _)| *k != key);
        last.push((key, o.text.clone()));
    }
    last.sort();
    parsed.config.strings.clear();
    format!("{parsed:?} {last:?}")
}

#[test]
fn merging_changes_parses_like_appending_them_and_stays_small() {
    let mount = vec![
        Entry::attribute("theme", "dark"),
        Entry {
            value: ConfigValue::Map(vec![(
                "intro.lead".into(),
                ConfigValue::Text("From the page".into()),
            )]),
            ..Entry::attribute("strings", "")
        },
        text("ctaUrl", "https://example.com/talk"),
        text("ctaLabel", "Talk to us"),
    ];
    for run in 0..50u64 {
        let mut seed = run;
        let (mut appended, mut merged) = (mount.clone(), mount.clone());
        for _ in 0..200 {
            let change = random_change(&mut seed);
            appended.extend(change.clone());
            merged = merge(&merged, change);
            assert_eq!(effective(&merged), effective(&appended), "run {run}");
        }
        // One entry per key given (`theme`, `title`, `ctaUrl`, `ctaLabel`), and each text key
        // (three in the changes, `intro.lead` at mount too) once among the `strings` objects.
        let texts: Vec<&String> = merged
            .iter()
            .filter(|e| e.key == "strings")
            .flat_map(|e| match &e.value {
                ConfigValue::Map(texts) => texts.iter().map(|(key, _)| key).collect(),
                _ => Vec::new(),
            })
            .collect();
        let distinct: std::collections::HashSet<&String> = texts.iter().copied().collect();
        assert_eq!(texts.len(), distinct.len(), "a text key twice: {texts:?}");
        assert!(texts.len() <= 3, "{texts:?}");
        let others = merged.iter().filter(|e| e.key != "strings").count();
        assert!(others <= 4, "{others} entries besides texts");
        assert!(
            appended.len() > 10 * merged.len(),
            "{} of {}",
            merged.len(),
            appended.len()
        );
    }
}

#[test]
fn a_catalog_without_texts_for_its_language_is_shared_not_copied() {
    let base = Rc::new(Catalog::english());
    let plain = parse(&[text("theme", "dark")]).expect("valid").config;
    assert!(Rc::ptr_eq(&plain.catalog(&base), &base), "no texts at all");
    let german_only = parse(&[Entry::object(
        "strings",
        ConfigValue::Map(vec![(
            "de:intro.title".into(),
            ConfigValue::Text("Hallo".into()),
        )]),
    )])
    .expect("valid")
    .config;
    assert!(
        Rc::ptr_eq(&german_only.catalog(&base), &base),
        "texts for another language only"
    );
    let own = parse(&[text("title", "Ours")]).expect("valid").config;
    let shown = own.catalog(&base);
    assert!(!Rc::ptr_eq(&shown, &base));
    assert_eq!(shown.get(Msg::IntroTitle), "Ours");
    assert_ne!(
        base.get(Msg::IntroTitle),
        "Ours",
        "the shared one is untouched"
    );
}

#[test]
fn storage_keeps_across_visits_for_the_tab_only_or_in_memory() {
    let config = |v: &str| {
        parse(&[Entry::attribute("storage", v)])
            .expect("valid")
            .config
    };
    assert_eq!(
        (config("true").storage, config("true").session),
        (true, false)
    );
    assert_eq!(
        (config("session").storage, config("session").session),
        (true, true)
    );
    assert_eq!(
        (config("false").storage, config("false").session),
        (false, false)
    );
    let bad = parse(&[Entry::attribute("storage", "tab")]).expect("valid");
    assert_eq!(
        bad.problems[0].to_string(),
        "data-storage must be true, false or \"session\", got \"tab\""
    );
}

/// The intro as a visitor sees it, rendered by the widget's own components.
#[cfg(not(target_arch = "wasm32"))]
fn intro_text(config: &Config) -> String {
    use ai_readiness::ui::first_screen::{render, Opening};
    render(config, &Catalog::english(), Opening::Intro).expect("renders")
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_intro_says_nothing_leaves_only_when_nothing_can() {
    let quiet = parse(&[]).unwrap().config;
    assert!(!quiet.shares());
    assert!(intro_text(&quiet).contains("nothing leaves this page"));
    let sharing = [
        vec![Entry::attribute("submitUrl", "/collect")],
        vec![Entry::attribute("dataLayer", "true")],
        vec![Entry::attribute("lead", "after-result")],
        vec![Entry::attribute(
            "privacyNote",
            "Acme keeps your answers for a month.",
        )],
    ];
    for entries in sharing {
        let mut config = parse(&entries).unwrap().config;
        config.site = "blog.example".into();
        assert!(config.shares(), "{entries:?}");
        let intro = intro_text(&config);
        assert!(!intro.contains("nothing leaves"), "{entries:?}: {intro}");
        assert!(intro.contains("About 2 minutes"), "{intro}");
        if config.privacy_note.is_some() {
            assert!(
                intro.contains("Acme keeps your answers for a month."),
                "{intro}"
            );
        } else {
            assert!(
                intro.contains("shared with \u{2068}blog.example\u{2069}."),
                "{intro}"
            );
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_privacy_line_links_the_policy_and_names_the_page_without_a_site() {
    let mut config = parse(&[
        Entry::attribute("dataLayer", "true"),
        Entry::attribute("leadPrivacyUrl", "https://acme.example/privacy"),
    ])
    .unwrap()
    .config;
    let intro = intro_text(&config);
    assert!(
        intro.contains("href=\"https://acme.example/privacy\""),
        "{intro}"
    );
    assert!(intro.contains("Privacy policy"), "{intro}");
    assert!(intro.contains("the owner of this page"), "no site: {intro}");
    config.site = "acme.example".into();
    assert!(intro_text(&config).contains("acme.example"));
}

#[test]
fn a_refused_submit_url_leaves_nothing_that_can_leave() {
    let parsed = parse(&[Entry::attribute("submitUrl", "javascript:alert(1)")]).unwrap();
    assert_eq!(parsed.problems.len(), 1);
    assert!(!parsed.config.shares());
}

#[test]
fn privacy_note_and_submit_anonymous_are_checked_like_other_keys() {
    let c = parse(&[
        Entry::attribute("privacyNote", "  Acme reads this.  "),
        Entry::attribute("submitAnonymous", "true"),
    ])
    .unwrap()
    .config;
    assert_eq!(c.privacy_note.as_deref(), Some("Acme reads this."));
    assert!(c.submit_anonymous);
    assert!(problem(&[Entry::attribute("privacyNote", "   ")]).contains("data-privacy-note"));
    assert!(
        problem(&[Entry::attribute("submitAnonymous", "yes")]).contains("data-submit-anonymous")
    );
}

#[test]
fn site_names_are_plain_lower_case_host_names() {
    use ai_readiness::core::config::site_name;
    assert_eq!(site_name("www.Blog.Example"), "blog.example");
    assert_eq!(site_name("127.0.0.1"), "127.0.0.1");
    assert_eq!(site_name("[::1]"), "[::1]");
    assert_eq!(site_name(""), "");
    assert_eq!(site_name("evil.example\u{202E}"), "");
    assert_eq!(site_name("a b"), "");
}
#[test]
fn team_privacy_and_the_minimum_group_size_read_from_attributes_and_scripts() {
    use ai_readiness::core::team::TeamPrivacy;
    let defaults = Config::default();
    assert_eq!(defaults.team_privacy, TeamPrivacy::Named);
    assert_eq!(defaults.min_group_size, 5);
    let parsed = parse(&[
        Entry::attribute("teamPrivacy", "aggregate"),
        Entry::attribute("minGroupSize", "8"),
    ])
    .expect("valid");
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.config.team_privacy, TeamPrivacy::Aggregate);
    assert_eq!(parsed.config.min_group_size, 8);
    let parsed = parse(&[
        text("teamPrivacy", "named"),
        Entry::object("minGroupSize", ConfigValue::Number("2".into())),
    ])
    .expect("valid");
    assert_eq!(parsed.config.team_privacy, TeamPrivacy::Named);
    assert_eq!(parsed.config.min_group_size, 2);
    let parsed = parse(&[Entry::object(
        "minGroupSize",
        ConfigValue::Number("50".into()),
    )])
    .expect("the largest size");
    assert_eq!(parsed.config.min_group_size, 50);
}

#[test]
fn a_bad_privacy_setting_or_group_size_says_what_is_accepted() {
    assert_eq!(
        error(&[text("teamPrivacy", "anonymous")]),
        "teamPrivacy must be \"named\" or \"aggregate\", got \"anonymous\""
    );
    assert_eq!(
        problem(&[Entry::attribute("teamPrivacy", "off")]),
        "data-team-privacy must be \"named\" or \"aggregate\", got \"off\""
    );
    for bad in ["1", "51", "0", "-5", "4.5", "NaN", "1e3"] {
        assert_eq!(
            error(&[Entry::object(
                "minGroupSize",
                ConfigValue::Number(bad.into())
            )]),
            format!("minGroupSize must be a whole number of people from 2 to 50, got number {bad}")
        );
    }
    assert_eq!(
        problem(&[Entry::attribute("minGroupSize", "one")]),
        "data-min-group-size must be a whole number of people from 2 to 50, got \"one\""
    );
    assert_eq!(
        error(&[Entry::object("minGroupSize", ConfigValue::Bool(true))]),
        "minGroupSize must be a whole number of people from 2 to 50, got boolean true"
    );
    // A bad attribute keeps the default: groups of five.
    let parsed = parse(&[
        Entry::attribute("teamPrivacy", "aggregate"),
        Entry::attribute("minGroupSize", "1"),
    ])
    .expect("attributes never refuse the widget");
    assert_eq!(parsed.config.min_group_size, 5);
    assert_eq!(
        parsed.config.team_privacy,
        ai_readiness::core::team::TeamPrivacy::Aggregate
    );
}

#[test]
fn the_key_list_is_every_key_in_order() {
    use ai_readiness::core::config::{KEYS, KEY_LIST};
    assert_eq!(KEY_LIST, KEYS.join(", "));
}

/// The keys `AiReadinessConfig` declares in the TypeScript a host's editor reads
/// (`src/embed/types.rs`, copied into `pkg/ai_readiness.d.ts`).
fn declared_keys() -> Vec<&'static str> {
    let types = include_str!("../src/embed/types.rs");
    let start = types
        .find("export interface AiReadinessConfig {")
        .expect("the config interface");
    let body = &types[start..];
    let body = &body[..body.find("\n}").expect("its end")];
    body.lines()
        .filter_map(|line| line.trim_start().split_once("?:"))
        .map(|(key, _)| key)
        .filter(|key| key.chars().all(|c| c.is_ascii_alphanumeric()))
        .collect()
}

#[test]
fn the_typescript_declarations_name_every_config_key_and_no_other() {
    let declared = declared_keys();
    for key in ai_readiness::core::config::KEYS {
        assert!(declared.contains(&key), "AiReadinessConfig misses {key}");
    }
    for key in &declared {
        assert!(
            ai_readiness::core::config::KEYS.contains(key),
            "AiReadinessConfig declares {key}, which the config does not know"
        );
    }
    assert_eq!(declared.len(), ai_readiness::core::config::KEYS.len());
}
