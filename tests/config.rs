//! Configuration validation: clear messages that name the key, the value and what is accepted.

use ai_readiness::core::config::{parse, Config, ConfigError, ConfigValue};

fn entries(list: &[(&str, ConfigValue)]) -> Vec<(String, ConfigValue)> {
    list.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

#[test]
fn no_entries_give_the_defaults() {
    let parsed = parse(&[]).expect("empty is valid");
    assert_eq!(parsed.config, Config::default());
    assert!(parsed.warnings.is_empty());
}

#[test]
fn known_keys_override_defaults() {
    let parsed = parse(&entries(&[
        ("title", ConfigValue::Text("  Team check  ".into())),
        ("showIntro", ConfigValue::Text("false".into())),
    ]))
    .expect("valid");
    assert_eq!(parsed.config.title, "Team check");
    assert!(!parsed.config.show_intro);
}

#[test]
fn wrong_types_name_the_key_value_and_what_is_accepted() {
    let err = parse(&entries(&[("showIntro", ConfigValue::Number(3.0))])).expect_err("not a bool");
    assert_eq!(err.to_string(), "showIntro must be true or false, got number 3");
    let err = parse(&entries(&[("title", ConfigValue::Text("   ".into()))])).expect_err("blank");
    assert_eq!(err.to_string(), "title must be a non-empty string, got string \"   \"");
    let err = parse(&entries(&[("intro", ConfigValue::Other("an object".into()))])).expect_err("object");
    assert!(matches!(err, ConfigError::WrongType { key: "intro", .. }));
}

#[test]
fn unknown_keys_warn_but_do_not_fail() {
    let parsed = parse(&entries(&[("colour", ConfigValue::Text("red".into()))])).expect("still valid");
    assert_eq!(parsed.config, Config::default());
    assert_eq!(parsed.warnings.len(), 1);
    assert!(parsed.warnings[0].contains("\"colour\""), "{}", parsed.warnings[0]);
}

#[test]
fn long_values_are_shortened_in_messages() {
    let long = "x".repeat(500);
    let err = parse(&entries(&[("showIntro", ConfigValue::Text(long))])).expect_err("not a bool");
    assert!(err.to_string().len() < 120, "{err}");
}

#[test]
fn not_an_object_says_what_it_got() {
    let err = ConfigError::NotAnObject { got: "number 5".into() };
    assert_eq!(err.to_string(), "config must be an object like { title: \"…\" }, got number 5");
}
