//! Delivery to the host's endpoint, natively: `submitUrl` configuration, the payload's shape,
//! the outbox entry and the retry rules.

use ai_readiness::core::code::encode;
use ai_readiness::core::config::{blocked_by_policy, parse, ConfigValue, Entry};
use ai_readiness::core::delivery::{
    retry_after, submission_id, verdict, Entry as Waiting, Kind, NoAnswer, Submission, Verdict,
};
use ai_readiness::core::events::CompleteDetail;
use ai_readiness::core::model::Answers;
use ai_readiness::core::model::Perspective;
use ai_readiness::core::scoring::score;

fn attr(key: &str, value: &str) -> Entry {
    Entry::attribute(key, value)
}

#[test]
fn submit_url_takes_http_and_relative_endpoints_only() {
    let parsed = parse(&[attr("submitUrl", "https://hooks.example/catch/1")]).unwrap();
    assert!(parsed.problems.is_empty());
    assert_eq!(
        parsed.config.submit_url.as_deref(),
        Some("https://hooks.example/catch/1")
    );
    let relative = parse(&[attr("submitUrl", "/api/readiness")]).unwrap();
    assert_eq!(
        relative.config.submit_url.as_deref(),
        Some("/api/readiness")
    );
    for bad in [
        "javascript:alert(1)",
        "ftp://example.com/in",
        "data:text/plain,x",
        "",
    ] {
        let parsed = parse(&[attr("submitUrl", bad)]).unwrap();
        assert_eq!(parsed.config.submit_url, None, "{bad}");
        let message = parsed.problems[0].to_string();
        assert!(
            message.starts_with("data-submit-url must be an http(s) URL"),
            "{message}"
        );
        let thrown =
            parse(&[Entry::object("submitUrl", ConfigValue::Text(bad.into()))]).unwrap_err();
        assert!(
            thrown.to_string().starts_with("submitUrl must be"),
            "{thrown}"
        );
    }
}

fn detail(answers: &[u8]) -> CompleteDetail {
    let answers = Answers(answers.to_vec());
    CompleteDetail::of(
        &score(&answers).unwrap(),
        &encode(&answers, Perspective::Team).unwrap(),
        Perspective::Team,
    )
}

#[test]
fn the_payload_has_the_documented_shape() {
    let answers = vec![3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
    let result = CompleteDetail {
        url: Some("https://cta.example".into()),
        ..detail(&answers)
    };
    let s = Submission::new(
        Kind::Complete,
        submission_id(&[0xab; 16]),
        &result,
        Answers(answers.clone()),
        None,
        "https://blog.example/post".into(),
        "2026-12-02T10:00:00.000Z".into(),
    );
    let json = serde_json::to_value(&s).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut documented = [
        "schema",
        "submissionId",
        "kind",
        "time",
        "pageUrl",
        "perspective",
        "code",
        "answers",
        "result",
    ];
    documented.sort_unstable();
    assert_eq!(keys, documented);
    assert_eq!(json["submissionId"], "ab".repeat(16));
    assert_eq!(json["kind"], "complete");
    assert_eq!(json["perspective"], "team");
    assert_eq!(json["code"], json["result"]["code"]);
    assert_eq!(json["result"]["level"], result.level.id());
    assert!(
        json["result"].get("url").is_none(),
        "the link is not part of the result"
    );
    let given = json["answers"].as_object().unwrap();
    assert_eq!(given.len(), answers.len());
    for (q, a) in ai_readiness::core::bank::QUESTIONS.iter().zip(&answers) {
        assert_eq!(given[q.id], u64::from(*a), "{}", q.id);
    }
}

#[test]
fn only_success_delivers_and_only_a_final_client_error_refuses() {
    for (status, expected) in [
        (Some(200), Verdict::Delivered),
        (Some(204), Verdict::Delivered),
        (Some(400), Verdict::Refused),
        (Some(404), Verdict::Refused),
        (Some(422), Verdict::Refused),
        (Some(408), Verdict::Retry),
        (Some(429), Verdict::Retry),
        (Some(500), Verdict::Retry),
        (Some(503), Verdict::Retry),
        (None, Verdict::Retry),
    ] {
        assert_eq!(verdict(status), expected, "{status:?}");
    }
}

#[test]
fn a_request_the_page_policy_blocked_is_blamed_on_the_policy_not_on_cors() {
    // (timed out, the policy reported blocking it, offline) -> the cause.
    for (said, expected) in [
        ((false, true, false), NoAnswer::Policy),
        ((false, true, true), NoAnswer::Policy),
        ((true, true, false), NoAnswer::Timeout),
        ((false, false, true), NoAnswer::Offline),
        ((false, false, false), NoAnswer::Unreadable),
        ((true, false, true), NoAnswer::Timeout),
    ] {
        assert_eq!(NoAnswer::of(said.0, said.1, said.2), expected, "{said:?}");
    }
    let policy = NoAnswer::Policy.reason();
    assert!(
        policy.starts_with("blocked by the page's Content-Security-Policy (connect-src)"),
        "{policy}"
    );
    assert!(!policy.contains("CORS"), "{policy}");
    let other = NoAnswer::Unreadable.reason();
    assert!(other.contains("CORS"), "{other}");
    assert!(!other.contains("Content-Security-Policy"), "{other}");
    assert_eq!(NoAnswer::Timeout.reason(), "no answer within 10 s");
    assert_eq!(NoAnswer::Offline.reason(), "offline");
}

#[test]
fn only_a_connect_src_violation_at_the_endpoints_origin_is_the_endpoints() {
    let page = "https://blog.example";
    let hook = "https://hooks.example/catch/1?x=1";
    for (directive, blocked, url, expected) in [
        (
            "connect-src",
            "https://hooks.example/catch/1?x=1",
            hook,
            true,
        ),
        // Chrome may report only the origin, or another path on it.
        ("connect-src", "https://hooks.example", hook, true),
        ("connect-src", "https://HOOKS.example:443/other", hook, true),
        // A relative endpoint is on the page's own origin.
        (
            "connect-src",
            "https://blog.example/api/in",
            "/api/in",
            true,
        ),
        (
            "connect-src",
            "https://hooks.example/catch/1",
            "/api/in",
            false,
        ),
        // Another origin, another port, another scheme.
        ("connect-src", "https://tracker.example/pixel", hook, false),
        (
            "connect-src",
            "https://hooks.example:8443/catch/1",
            hook,
            false,
        ),
        ("connect-src", "http://hooks.example/catch/1", hook, false),
        // Other directives and what is not a URL.
        ("img-src", "https://hooks.example/catch/1", hook, false),
        ("style-src-attr", "inline", hook, false),
        ("connect-src", "", hook, false),
    ] {
        assert_eq!(
            blocked_by_policy(directive, blocked, url, page),
            expected,
            "{directive} {blocked} for {url}"
        );
    }
}

#[test]
fn pauses_double_from_one_second_up_to_five_minutes() {
    let pauses: Vec<u32> = (1..=12).map(retry_after).collect();
    assert_eq!(&pauses[..4], &[1000, 2000, 4000, 8000]);
    assert!(pauses.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(retry_after(40), 300_000);
    assert_eq!(retry_after(u32::MAX), 300_000);
}

#[test]
fn outbox_entries_round_trip_and_damage_is_refused() {
    let mut e = Waiting {
        url: "https://hooks.example/in".into(),
        body: "{\"a\":\"line\\nbreak\"}\nsecond line".into(),
        failures: 0,
        next_at: 0,
        lease_until: 0,
        expires_at: 0,
        owner: "ai-readiness:progress:v1:w".into(),
    };
    assert_eq!(Waiting::decode(&e.encode()), Some(e.clone()));
    assert!(e.due(5));
    let pause = e.failed(10_000);
    assert_eq!((e.failures, e.next_at, pause), (1, 11_000, 1000));
    assert!(!e.due(10_500) && e.due(11_000));
    e.lease_until = 50_000;
    assert_eq!(e.wake_at(), 50_000);
    assert_eq!(Waiting::decode(&e.encode()), Some(e.clone()));
    assert_eq!(Waiting::decode("outbox-v2\n0\n0\n0\nu\nb"), None);
    assert_eq!(Waiting::decode("outbox-v1\nx\n0\n0\nu\nb"), None);
    assert_eq!(Waiting::decode("outbox-v1\n0\n0\n0\nu"), None);
}

#[test]
fn submission_ids_are_32_hex_digits_of_their_bytes() {
    let id = submission_id(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255]);
    assert_eq!(id, "000102030405060708090a0b0c0d0eff");
}

#[test]
fn a_lead_payload_carries_the_lead_and_leaves_hidden_fields_out() {
    use ai_readiness::core::lead::{check, LeadInput, DEFAULT_RULES};
    let input = LeadInput {
        name: "Ada".into(),
        email: "ada@example.com".into(),
        company: "Acme".into(),
        size: String::new(),
        consent: true,
    };
    let lead = check(&input, &DEFAULT_RULES, "I agree.").unwrap();
    let s = Submission::new(
        Kind::Lead,
        "00".repeat(16),
        &detail(&[0; 12]),
        Answers(vec![0; 12]),
        Some(lead),
        String::new(),
        String::new(),
    );
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["kind"], "lead");
    assert_eq!(json["lead"]["email"], "ada@example.com");
    assert_eq!(json["lead"]["consent"], true);
    assert_eq!(json["lead"]["consentText"], "I agree.");
    assert!(json["lead"].get("size").is_none());
}

mod only_where_the_owner_said {
    use ai_readiness::core::config::{
        check_submit, origin_of, parse, read_origins, ConfigValue, Entry,
    };

    const PAGE: &str = "https://blog.example";

    /// The submitUrl a widget keeps on a page of `PAGE` with `named` on its script element.
    fn kept(entries: &[Entry], named: &[&str]) -> (Option<String>, Vec<String>) {
        let mut parsed = parse(entries).expect("valid");
        let named: Vec<String> = named.iter().map(|s| s.to_string()).collect();
        check_submit(&mut parsed, entries, PAGE, &named);
        let problems = parsed.problems.iter().map(|p| p.to_string()).collect();
        (parsed.config.submit_url, problems)
    }

    fn attr(url: &str) -> Entry {
        Entry::attribute("submitUrl", url)
    }

    #[test]
    fn markup_alone_sends_only_to_the_pages_own_origin() {
        for own in [
            "/api/in",
            "in",
            "https://blog.example/api",
            "HTTPS://Blog.Example:443/x",
        ] {
            assert_eq!(kept(&[attr(own)], &[]).0.as_deref(), Some(own), "{own}");
        }
        for other in [
            "https://evil.example/collect",
            "https://blog.example.evil.example/",
            "https://blog.example@evil.example/",
            "http://blog.example/api",
            "https://blog.example:8443/api",
        ] {
            let (url, problems) = kept(&[attr(other)], &[]);
            assert_eq!(url, None, "{other}");
            assert_eq!(problems.len(), 1, "{other}");
            assert!(
                problems[0].starts_with("data-submit-url leads to "),
                "{}",
                problems[0]
            );
            assert!(problems[0].contains("data-connect="), "{}", problems[0]);
        }
    }

    #[test]
    fn an_origin_named_on_the_script_element_or_in_mount_may_be_used_from_markup() {
        let url = "https://hooks.example/catch/1";
        assert_eq!(
            kept(&[attr(url)], &["https://hooks.example"]).0.as_deref(),
            Some(url)
        );
        let connect = Entry::object(
            "connect",
            ConfigValue::Text("https://a.example https://hooks.example".into()),
        );
        assert_eq!(kept(&[attr(url), connect], &[]).0.as_deref(), Some(url));
        // Another origin on the same list names nothing else.
        assert_eq!(kept(&[attr(url)], &["https://hooks.example.evil"]).0, None);
    }

    #[test]
    fn a_script_names_the_origin_by_giving_submit_url_itself() {
        let entry = Entry::object(
            "submitUrl",
            ConfigValue::Text("https://hooks.example/in".into()),
        );
        assert_eq!(
            kept(&[entry], &[]).0.as_deref(),
            Some("https://hooks.example/in")
        );
    }

    #[test]
    fn connect_on_the_widgets_element_is_refused() {
        let (url, problems) = kept(
            &[
                Entry::attribute("connect", "https://evil.example"),
                attr("https://evil.example/c"),
            ],
            &[],
        );
        assert_eq!(url, None);
        assert!(
            problems[0].starts_with("data-connect must be origins"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].starts_with("data-submit-url leads to https://evil.example"),
            "{}",
            problems[1]
        );
    }

    #[test]
    fn origins_are_read_strictly() {
        assert_eq!(
            read_origins("https://Hooks.Example, http://x.example:8080/ https://y.example:443")
                .unwrap(),
            [
                "https://hooks.example",
                "http://x.example:8080",
                "https://y.example"
            ]
        );
        for bad in [
            "hooks.example",
            "https://hooks.example/path",
            "javascript:x",
            "https://",
            "https://a@b.example",
            "//hooks.example",
        ] {
            assert!(read_origins(bad).is_err(), "{bad}");
        }
        assert_eq!(origin_of("/relative"), None);
        assert_eq!(
            origin_of("https://a.example\\@evil.example/").as_deref(),
            Some("https://a.example")
        );
    }

    #[test]
    fn a_newline_url_is_refused_and_never_stored() {
        let (url, problems) = kept(&[attr("/api/in\nhttps://evil.example")], &[]);
        assert_eq!(url, None);
        assert!(
            problems[0].starts_with("data-submit-url must be"),
            "{}",
            problems[0]
        );
    }
}

#[test]
fn page_url_keeps_only_campaign_parameters_and_no_fragment() {
    use ai_readiness::core::delivery::page_url;
    for (href, sent) in [
        ("https://blog.example/post", "https://blog.example/post"),
        (
            "https://blog.example/post#plans",
            "https://blog.example/post",
        ),
        (
            "https://blog.example/post?q=ada%40example.com&token=abc#x",
            "https://blog.example/post",
        ),
        (
            "https://blog.example/post?utm_source=news&email=a%40b.c&utm_campaign=q4#top",
            "https://blog.example/post?utm_source=news&utm_campaign=q4",
        ),
        (
            "https://blog.example/post?xutm_source=1&UTM_x=2",
            "https://blog.example/post",
        ),
        ("https://blog.example/?", "https://blog.example/"),
    ] {
        assert_eq!(page_url(href), sent, "{href}");
    }
}

#[test]
fn an_entry_with_lead_fields_expires_after_its_days_and_others_wait() {
    use ai_readiness::core::delivery::DAY_MS;
    const NOW: u64 = 1_800_000_000_000;
    let lead = Waiting::new(
        "https://h.example/in".into(),
        "{\"kind\":\"lead\",\"lead\":{\"name\":\"Ada\"}}".into(),
        "w".into(),
        NOW,
        7,
    );
    let plain = Waiting::new(
        "https://h.example/in".into(),
        "{\"kind\":\"complete\"}".into(),
        "w".into(),
        NOW,
        7,
    );
    assert_eq!(lead.expires_at, NOW + 7 * DAY_MS);
    assert_eq!(plain.expires_at, 0, "no lead fields: kept until delivered");
    assert!(!lead.expired(NOW + 7 * DAY_MS - 1));
    assert!(lead.expired(NOW + 7 * DAY_MS));
    assert!(!plain.expired(u64::MAX));
    // The expiry survives storage.
    assert_eq!(Waiting::decode(&lead.encode()), Some(lead.clone()));
    // An entry kept before expiry existed gets one when first read: 7 days from then.
    let mut old = Waiting::decode(&format!(
        "outbox-v1\n0\n0\n0\nhttps://h.example/in\n{}",
        lead.body
    ))
    .expect("v1 reads");
    assert_eq!((old.expires_at, old.owner.as_str()), (0, ""));
    assert!(old.bound(NOW + 1, 3));
    assert_eq!(old.expires_at, NOW + 1 + 3 * DAY_MS);
    assert!(!old.bound(NOW + 2, 3), "bound once");
}

#[test]
fn outbox_days_takes_whole_days_from_1_to_30() {
    assert_eq!(parse(&[]).unwrap().config.outbox_days, 7);
    assert_eq!(
        parse(&[attr("outboxDays", "2")])
            .unwrap()
            .config
            .outbox_days,
        2
    );
    let number = Entry::object("outboxDays", ConfigValue::Number("30".into()));
    assert_eq!(parse(&[number]).unwrap().config.outbox_days, 30);
    for bad in ["0", "31", "1.5", "-1", "seven", ""] {
        let parsed = parse(&[attr("outboxDays", bad)]).unwrap();
        assert_eq!(parsed.config.outbox_days, 7, "{bad}");
        assert!(
            parsed.problems[0]
                .to_string()
                .starts_with("data-outbox-days must be a whole number of days from 1 to 30"),
            "{}",
            parsed.problems[0]
        );
    }
}
