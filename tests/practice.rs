//! The practice coach's core: cards for every role, task, gap and language; the log and its
//! checks; the evidence; the stored log; the evidence code.

use std::fs;

use ai_readiness::core::i18n::{Lang, Plural};
use ai_readiness::core::model::Dimension;
use ai_readiness::core::practice::roles::{required_keys, GAPS};
use ai_readiness::core::practice::{
    card, role, CardError, Kind, OwnTask, PracticeTexts, TaskChoice, MAX_OWN_TASK, ROLES,
};

/// The languages whose practice catalogs exist.
const LANGS: [Lang; 1] = [Lang::En];

fn source(lang: Lang) -> String {
    let path = format!(
        "{}/src/core/locales/practice/{}.txt",
        env!("CARGO_MANIFEST_DIR"),
        lang.tag()
    );
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A language's practice texts from its own file alone, every line used.
fn own_texts(lang: Lang) -> PracticeTexts {
    let (texts, problems) = PracticeTexts::parse(lang, &source(lang));
    assert!(problems.is_empty(), "{}: {problems:?}", lang.tag());
    texts
}

fn listed(id: &str) -> TaskChoice {
    TaskChoice::Listed(id.to_string())
}

#[test]
fn the_offer_has_eight_roles_with_four_distinct_tasks_each() {
    let ids: Vec<&str> = ROLES.iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [
            "marketing",
            "sales",
            "support",
            "engineering",
            "finance",
            "hr",
            "operations",
            "leadership"
        ]
    );
    for role in &ROLES {
        for (i, task) in role.tasks.iter().enumerate() {
            assert!(
                role.tasks[..i].iter().all(|t| t.id != task.id),
                "{}",
                task.id
            );
            assert_ne!(
                task.kind,
                Kind::Own,
                "{}: own is for the visitor's task",
                task.id
            );
            assert!(task.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
    }
}

#[test]
fn card_gaps_are_the_models_dimensions() {
    let ids: Vec<&str> = Dimension::ALL.iter().map(|d| d.id()).collect();
    assert_eq!(ids, GAPS);
}

#[test]
fn every_catalog_is_complete_with_its_languages_plural_forms() {
    for lang in LANGS {
        let texts = own_texts(lang);
        assert_eq!(texts.missing(), Vec::<String>::new(), "{}", lang.tag());
        for key in ["evidence.tasks", "evidence.better"] {
            let mut forms = texts.forms(key);
            forms.sort_by_key(|p| Plural::ALL.iter().position(|q| q == p));
            assert_eq!(forms, lang.plurals(), "{}: {key}", lang.tag());
        }
        // Nothing the catalog holds goes unused: a stray key is a typo of a required one.
        let required = required_keys();
        for line in source(lang).lines() {
            let Some((key, _)) = line.split_once('=') else {
                continue;
            };
            let key = key.trim().split('[').next().unwrap_or_default();
            if !key.starts_with('#') && !key.is_empty() {
                assert!(
                    required.iter().any(|k| k == key),
                    "{}: stray {key}",
                    lang.tag()
                );
            }
        }
    }
}

#[test]
fn every_role_task_and_gap_gives_a_complete_card_in_every_language() {
    let own = OwnTask::new("Turn my scribbled notes into a tidy weekly report").unwrap();
    for lang in LANGS {
        let texts = own_texts(lang);
        let mut prompts = Vec::new();
        for role in &ROLES {
            let tasks = role
                .tasks
                .iter()
                .map(|t| listed(t.id))
                .chain([TaskChoice::Own(own.clone())]);
            for task in tasks {
                for gap in Dimension::ALL {
                    let card = card(&texts, role.id, &task, gap).unwrap_or_else(|e| {
                        panic!("{} {} {task:?} {gap:?}: {e}", lang.tag(), role.id)
                    });
                    let all = [&card.prompt, &card.follow_up, &card.why];
                    for text in all
                        .into_iter()
                        .chain(card.traps.iter().flat_map(|t| [&t.trap, &t.fix]))
                    {
                        assert!(
                            !text.trim().is_empty(),
                            "{} {}: an empty text",
                            lang.tag(),
                            role.id
                        );
                        assert!(
                            !text.contains('{'),
                            "{}: unfilled placeholder in {text}",
                            lang.tag()
                        );
                    }
                    assert_eq!(card.traps.len(), 3);
                    // Context, task, what to give, output and the constraints, each present.
                    assert_eq!(card.prompt.split("\n\n").count(), 5, "{}", card.prompt);
                    assert!(card
                        .prompt
                        .contains(texts.get(&role.context_key()).unwrap()));
                    assert!(card
                        .prompt
                        .contains(texts.get(&format!("gap.{}.rule", gap.id())).unwrap()));
                    if let TaskChoice::Own(own) = &task {
                        assert!(card.prompt.contains(own.as_str()));
                    }
                    prompts.push(card.prompt);
                }
            }
        }
        // Every combination is its own prompt: no two cards collapse into one.
        let count = prompts.len();
        prompts.sort();
        prompts.dedup();
        assert_eq!(prompts.len(), count, "{}", lang.tag());
        assert_eq!(count, 8 * 5 * 4);
    }
}

#[test]
fn cards_are_deterministic() {
    let texts = PracticeTexts::english();
    for gap in Dimension::ALL {
        let first = card(&texts, "sales", &listed("call-prep"), gap).unwrap();
        let again = card(
            &PracticeTexts::english(),
            "sales",
            &listed("call-prep"),
            gap,
        )
        .unwrap();
        assert_eq!(first, again);
    }
    let capability = card(&texts, "sales", &listed("call-prep"), Dimension::Capability).unwrap();
    let usage = card(&texts, "sales", &listed("call-prep"), Dimension::Usage).unwrap();
    assert_ne!(capability.why, usage.why);
    assert!(capability.why.contains("without AI"), "{}", capability.why);
}

#[test]
fn gap_lines_say_what_the_gap_needs() {
    let texts = PracticeTexts::english();
    let why = |gap| card(&texts, "hr", &listed("job-ad"), gap).unwrap().why;
    assert!(why(Dimension::Capability).contains("once without AI and once with it"));
    assert!(why(Dimension::Visibility).contains("before and after with your lead"));
    assert!(why(Dimension::Usage).contains("every day this week"));
    assert!(why(Dimension::Access).contains("tool you already have"));
}

#[test]
fn unknown_roles_and_tasks_are_refused_by_name() {
    let texts = PracticeTexts::english();
    assert_eq!(
        card(&texts, "astronaut", &listed("blog-draft"), Dimension::Usage),
        Err(CardError::UnknownRole("astronaut".into()))
    );
    // A task of another role is not this role's task.
    assert!(matches!(
        card(&texts, "finance", &listed("blog-draft"), Dimension::Usage),
        Err(CardError::UnknownTask { .. })
    ));
    assert!(role("marketing").is_some_and(|r| r.task("blog-draft").is_some()));
}

#[test]
fn a_missing_text_is_named_not_left_blank() {
    let (partial, _) = PracticeTexts::parse(Lang::De, "card.context = Kontext\n");
    match card(&partial, "sales", &listed("call-prep"), Dimension::Usage) {
        Err(CardError::Missing(missing)) => assert!(!missing.key.is_empty()),
        other => panic!("{other:?}"),
    }
    // Laid over English, a partial catalog still makes whole cards.
    let (over, problems) = PracticeTexts::load(Lang::De, "card.context = Kontext\n");
    assert!(problems.is_empty());
    let card = card(&over, "sales", &listed("call-prep"), Dimension::Usage).unwrap();
    assert!(card.prompt.starts_with("Kontext\n"));
}

#[test]
fn own_tasks_are_kept_as_typed_within_bounds() {
    let typed = "  Rewrite our «returns» page — ça va, 10 % shorter 🚀 ";
    assert_eq!(OwnTask::new(typed).unwrap().as_str(), typed.trim());
    let longest = "x".repeat(MAX_OWN_TASK);
    assert!(OwnTask::new(&longest).is_ok());
    assert_eq!(
        OwnTask::new(&format!("{longest}y")),
        Err("log.error.own_long")
    );
    assert_eq!(OwnTask::new("   "), Err("log.error.task"));
    assert_eq!(OwnTask::new("\u{200B}\u{FEFF}"), Err("log.error.hidden"));
    for bad in [
        "line\nbreak",
        "bell\u{7}",
        "mirror \u{202E}txet",
        "isolate \u{2066}x",
    ] {
        assert_eq!(OwnTask::new(bad), Err("log.error.hidden"), "{bad:?}");
    }
    // Characters count, not bytes: 200 letters of a non-Latin script fit.
    assert!(OwnTask::new(&"ب".repeat(MAX_OWN_TASK)).is_ok());
}
