//! Lead capture, natively: the form's checks and the `lead*` configuration keys.

use ai_readiness::core::config::{attribute_name, parse, ConfigValue, Entry};
use ai_readiness::core::i18n::Msg;
use ai_readiness::core::lead::{check, FieldRule, LeadField, LeadInput, LeadMode, DEFAULT_RULES};

fn input(name: &str, email: &str, company: &str, size: &str, consent: bool) -> LeadInput {
    LeadInput {
        name: name.into(),
        email: email.into(),
        company: company.into(),
        size: size.into(),
        consent,
    }
}

fn problems(i: &LeadInput, rules: &[FieldRule; 4]) -> Vec<(LeadField, Msg)> {
    check(i, rules, "ok").err().unwrap_or_default()
}

#[test]
fn a_complete_form_becomes_a_lead_with_trimmed_fields_and_the_consent_text() {
    let lead = check(
        &input(" Ada ", "ada@example.com ", "", "50-249", true),
        &DEFAULT_RULES,
        "I agree.",
    )
    .unwrap();
    assert_eq!(lead.name.as_deref(), Some("Ada"));
    assert_eq!(lead.email.as_deref(), Some("ada@example.com"));
    assert_eq!(lead.company, None, "an empty optional field is left out");
    assert_eq!(lead.size.as_deref(), Some("50-249"));
    assert!(lead.consent);
    assert_eq!(lead.consent_text, "I agree.");
}

#[test]
fn every_problem_is_named_at_once_in_form_order() {
    let found = problems(&input("", "", "", "", false), &DEFAULT_RULES);
    assert_eq!(
        found,
        vec![
            (LeadField::Name, Msg::LeadErrorName),
            (LeadField::Email, Msg::LeadErrorEmail),
        ]
    );
}

#[test]
fn email_messages_say_what_is_wrong() {
    let email = |e: &str| {
        problems(&input("A", e, "", "", true), &DEFAULT_RULES)
            .first()
            .map(|p| p.1)
    };
    assert_eq!(email("ada.example.com"), Some(Msg::LeadErrorEmailAt));
    assert_eq!(email("@example.com"), Some(Msg::LeadErrorEmailAt));
    assert_eq!(email("ada@example"), Some(Msg::LeadErrorEmailDomain));
    assert_eq!(email("ada@example..com"), Some(Msg::LeadErrorEmailDomain));
    assert_eq!(email("ada@-example.com"), Some(Msg::LeadErrorEmailDomain));
    assert_eq!(
        email("ada lovelace@example.com"),
        Some(Msg::LeadErrorEmailSpace)
    );
    assert_eq!(email("a+tag@mail.example.co.uk"), None);
}

#[test]
fn rules_make_fields_required_optional_or_hidden() {
    let rules = [
        FieldRule::Optional,
        FieldRule::Required,
        FieldRule::Required,
        FieldRule::Hidden,
    ];
    let found = problems(&input("", "a@b.co", "", "not a size", true), &rules);
    assert_eq!(found, vec![(LeadField::Company, Msg::LeadErrorCompany)]);
    let lead = check(&input("", "a@b.co", "Acme", "5000+", true), &rules, "").unwrap();
    assert_eq!(lead.size, None, "a hidden field is never sent");
    assert_eq!(
        problems(&input("A", "a@b.co", "", "12", true), &DEFAULT_RULES),
        vec![(LeadField::Size, Msg::LeadErrorSize)]
    );
    assert_eq!(
        problems(
            &input(&"x".repeat(121), "a@b.co", "", "", true),
            &DEFAULT_RULES
        ),
        vec![(LeadField::Name, Msg::LeadErrorLong)]
    );
}

fn attr(key: &str, value: &str) -> Entry {
    Entry::attribute(key, value)
}

#[test]
fn lead_keys_are_read_from_attributes_and_scripts() {
    let parsed = parse(&[
        attr("lead", "before-result"),
        attr("leadFields", "company:required, size:hidden"),
        attr("leadConsent", "Yes, Acme may call me."),
        attr("leadPrivacyUrl", "https://acme.example/privacy"),
        attr("submitUrl", "https://hooks.example/catch/1"),
    ])
    .unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let c = parsed.config;
    assert_eq!(c.lead.mode, LeadMode::BeforeResult);
    assert_eq!(
        c.lead.rules,
        [
            FieldRule::Required,
            FieldRule::Required,
            FieldRule::Required,
            FieldRule::Hidden
        ]
    );
    assert_eq!(c.lead.consent.as_deref(), Some("Yes, Acme may call me."));
    assert_eq!(
        c.submit_url.as_deref(),
        Some("https://hooks.example/catch/1")
    );
    let script = parse(&[Entry::object(
        "leadFields",
        ConfigValue::Text("name:hidden;email:optional".into()),
    )])
    .unwrap();
    assert_eq!(
        script.config.lead.rules,
        [
            FieldRule::Hidden,
            FieldRule::Optional,
            FieldRule::Optional,
            FieldRule::Optional
        ]
    );
}

#[test]
fn bad_lead_values_fall_back_for_attributes_and_throw_for_scripts() {
    for (key, value, says) in [
        ("lead", "sometimes", "before-result"),
        (
            "leadFields",
            "phone:required",
            "fields name, email, company, size",
        ),
        ("leadFields", "name", "company:required"),
        (
            "leadFields",
            "name:mandatory",
            "rules required, optional, hidden",
        ),
        ("submitUrl", "javascript:alert(1)", "http(s)"),
        ("submitUrl", "ftp://example.com/in", "http(s)"),
        ("leadPrivacyUrl", "data:text/html,hi", "http(s)"),
    ] {
        let parsed = parse(&[attr(key, value)]).unwrap();
        assert_eq!(parsed.problems.len(), 1, "{key}={value}");
        let message = parsed.problems[0].to_string();
        assert!(message.contains(&attribute_name(key)), "{message}");
        assert!(message.contains(says), "{message}");
        assert_eq!(parsed.config.lead.mode, LeadMode::Off);
        assert_eq!(parsed.config.submit_url, None);
        let thrown = parse(&[Entry::object(key, ConfigValue::Text(value.into()))]).unwrap_err();
        assert!(thrown.to_string().starts_with(key), "{thrown}");
    }
}

#[test]
fn the_consent_box_is_never_required_and_is_sent_as_it_was() {
    let unticked = check(
        &input("Ada", "ada@example.com", "", "", false),
        &DEFAULT_RULES,
        "You may call me.",
    )
    .unwrap();
    assert!(!unticked.consent, "an unticked box is sent as false");
    assert_eq!(unticked.consent_text, "You may call me.");
    let ticked = check(
        &input("Ada", "ada@example.com", "", "", true),
        &DEFAULT_RULES,
        "You may call me.",
    )
    .unwrap();
    assert!(ticked.consent);
}

#[test]
fn control_and_direction_override_characters_are_refused_in_every_field() {
    for bad in [
        "Ada\u{202E}",
        "A\u{7}da",
        "Ada\nLovelace",
        "\u{2066}Ada",
        "Ad\u{1b}[31ma",
    ] {
        assert_eq!(
            problems(
                &input(bad, "ada@example.com", "", "", false),
                &DEFAULT_RULES
            ),
            vec![(LeadField::Name, Msg::LeadErrorHidden)],
            "{bad:?}"
        );
        assert_eq!(
            problems(
                &input("Ada", "ada@example.com", bad, "", false),
                &DEFAULT_RULES
            ),
            vec![(LeadField::Company, Msg::LeadErrorHidden)],
            "{bad:?}"
        );
    }
    assert_eq!(
        problems(
            &input("Ada", "moc.\u{202E}ada@evil.com", "", "", false),
            &DEFAULT_RULES
        ),
        vec![(LeadField::Email, Msg::LeadErrorHidden)]
    );
}

#[test]
fn a_name_of_invisible_characters_only_is_no_name() {
    for unseen in [
        "\u{200B}",
        "\u{200B}\u{200D}\u{FEFF}",
        "\u{3164}",
        " \u{2060} ",
    ] {
        assert_eq!(
            problems(
                &input(unseen, "ada@example.com", "", "", false),
                &DEFAULT_RULES
            ),
            vec![(LeadField::Name, Msg::LeadErrorName)],
            "{unseen:?} in a required field"
        );
        assert_eq!(
            problems(
                &input("Ada", "ada@example.com", unseen, "", false),
                &DEFAULT_RULES
            ),
            vec![(LeadField::Company, Msg::LeadErrorHidden)],
            "{unseen:?} in an optional field"
        );
    }
    // A joiner between visible characters belongs to the text (emoji, some scripts).
    let lead = check(
        &input(
            "\u{0915}\u{094D}\u{200D}\u{0937} 👩\u{200D}💻",
            "ada@example.com",
            "",
            "",
            false,
        ),
        &DEFAULT_RULES,
        "",
    )
    .unwrap();
    assert!(lead.name.is_some());
}
