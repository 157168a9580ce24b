//! The practice coach's core: cards for every role, task, gap and language; the log and its
//! checks; the evidence; the stored log; the evidence code.

use std::fs;

use ai_readiness::core::i18n::{placeholders, Lang, Plural};
use ai_readiness::core::model::Dimension;
use ai_readiness::core::practice::roles::{required_keys, GAPS};
use ai_readiness::core::practice::{
    card, role, CardError, Kind, OwnTask, PracticeTexts, TaskChoice, MAX_OWN_TASK, ROLES,
};

/// The languages whose practice catalogs exist.
const LANGS: [Lang; 5] = Lang::ALL;

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
        // The same placeholders as English; a plural form may leave out its count.
        let english = PracticeTexts::english();
        for key in required_keys() {
            for form in texts.forms(&key) {
                let mut theirs = placeholders(english.get(&key).unwrap());
                let mut mine = placeholders(texts.form(&key, form).unwrap());
                if form != Plural::Other && !mine.contains(&"n") {
                    theirs.retain(|p| *p != "n");
                }
                mine.sort_unstable();
                theirs.sort_unstable();
                assert_eq!(mine, theirs, "{}: {key}[{}]", lang.tag(), form.name());
            }
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

// --- The log form -------------------------------------------------------------------------

use ai_readiness::core::practice::{
    check, entry_id, evidence, summary, Day, Entry, EntryField, EntryInput, Evidence, Quality,
    TaskRef, MAX_NOTE,
};

/// A form filled in as a visitor would.
fn input() -> EntryInput {
    EntryInput {
        date: "2026-12-08".into(),
        role: "marketing".into(),
        task: "blog-draft".into(),
        own_task: String::new(),
        gap: "capability".into(),
        minutes_without: "60".into(),
        minutes_with: "40".into(),
        quality: "better".into(),
        again: "yes".into(),
        note: "Tone needed work.\nStill faster.".into(),
    }
}

#[test]
fn a_filled_in_form_is_an_entry() {
    let entry = check(&input(), "e1").unwrap();
    assert_eq!(entry.day, Day::from_iso("2026-12-08").unwrap());
    assert_eq!(entry.task, TaskRef::Listed("blog-draft".into()));
    assert_eq!((entry.minutes_without, entry.minutes_with), (60, 40));
    assert_eq!(entry.quality, Quality::Better);
    assert!(entry.again);
    assert_eq!(entry.note, "Tone needed work.\nStill faster.");
    assert_eq!(entry.saved_percent(), Some(33));
}

#[test]
fn the_own_task_is_kept_as_typed() {
    let mut form = input();
    form.task = "own".into();
    form.own_task = " Sort the «Q4» supplier mails ".into();
    let entry = check(&form, "e1").unwrap();
    assert_eq!(
        entry.task,
        TaskRef::Own(OwnTask::new("Sort the «Q4» supplier mails").unwrap())
    );
}

/// The problems of a form with `change` applied, as (field, message key).
fn problems(change: impl Fn(&mut EntryInput)) -> Vec<(EntryField, &'static str)> {
    let mut form = input();
    change(&mut form);
    check(&form, "e1").expect_err("a problem")
}

/// A change to the form, and the problems it must bring.
type Row = (
    Box<dyn Fn(&mut EntryInput)>,
    Vec<(EntryField, &'static str)>,
);

#[test]
fn each_bad_field_gets_its_own_message() {
    use EntryField::*;
    let table: Vec<Row> = vec![
        (
            Box::new(|f| f.date = "2026-02-30".into()),
            vec![(Date, "log.error.date")],
        ),
        (
            Box::new(|f| f.date = "08.12.2026".into()),
            vec![(Date, "log.error.date")],
        ),
        (
            Box::new(|f| f.role = "pilot".into()),
            vec![(Role, "log.error.role")],
        ),
        (
            Box::new(|f| f.task = "job-ad".into()),
            vec![(Task, "log.error.task")],
        ),
        (
            Box::new(|f| f.task = String::new()),
            vec![(Task, "log.error.task")],
        ),
        (
            Box::new(|f| f.task = "own".into()),
            vec![(OwnTask, "log.error.task")],
        ),
        (
            Box::new(|f| {
                f.task = "own".into();
                f.own_task = "x".repeat(201);
            }),
            vec![(OwnTask, "log.error.own_long")],
        ),
        (
            Box::new(|f| f.gap = "speed".into()),
            vec![(Gap, "log.error.gap")],
        ),
        (
            Box::new(|f| f.minutes_without = String::new()),
            vec![(MinutesWithout, "log.error.without")],
        ),
        (
            Box::new(|f| f.minutes_without = "1441".into()),
            vec![(MinutesWithout, "log.error.without")],
        ),
        (
            Box::new(|f| f.minutes_without = "-5".into()),
            vec![(MinutesWithout, "log.error.without")],
        ),
        (
            Box::new(|f| f.minutes_without = "7.5".into()),
            vec![(MinutesWithout, "log.error.without")],
        ),
        (
            Box::new(|f| f.minutes_with = "0".into()),
            vec![(MinutesWith, "log.error.with")],
        ),
        (
            Box::new(|f| f.minutes_with = "99999999".into()),
            vec![(MinutesWith, "log.error.with")],
        ),
        (
            Box::new(|f| f.quality = "great".into()),
            vec![(Quality, "log.error.quality")],
        ),
        (
            Box::new(|f| f.again = "maybe".into()),
            vec![(Again, "log.error.again")],
        ),
        (
            Box::new(|f| f.note = "n".repeat(MAX_NOTE + 1)),
            vec![(Note, "log.error.note_long")],
        ),
        (
            Box::new(|f| f.note = "turn \u{202E}this".into()),
            vec![(Note, "log.error.hidden")],
        ),
        (
            Box::new(|f| f.note = "\u{200B}".into()),
            vec![(Note, "log.error.hidden")],
        ),
        // Every problem at once, in form order.
        (
            Box::new(|f| {
                f.role = String::new();
                f.minutes_with = "abc".into();
                f.again = String::new();
            }),
            vec![
                (Role, "log.error.role"),
                (MinutesWith, "log.error.with"),
                (Again, "log.error.again"),
            ],
        ),
    ];
    for (i, (change, expected)) in table.iter().enumerate() {
        assert_eq!(problems(change), *expected, "row {i}");
    }
}

#[test]
fn bounds_are_inclusive_and_zero_without_means_no_estimate() {
    let entry = |without: &str, with: &str| {
        let mut form = input();
        form.minutes_without = without.into();
        form.minutes_with = with.into();
        check(&form, "e1")
    };
    assert_eq!(entry("0", "1").unwrap().saved_percent(), None);
    assert_eq!(entry("1440", "1440").unwrap().saved_percent(), Some(0));
    assert_eq!(entry("10", "1440").unwrap().saved_percent(), Some(-14300));
    assert_eq!(entry(" 30 ", "45").unwrap().saved_percent(), Some(-50));
    assert_eq!(entry("3", "2").unwrap().saved_percent(), Some(33));
    assert_eq!(entry("3", "1").unwrap().saved_percent(), Some(67));
    assert_eq!(entry("8", "9").unwrap().saved_percent(), Some(-13));
}

#[test]
fn every_message_the_form_can_give_has_a_text_in_every_language() {
    // Inputs that between them break every field, each in every way the form names.
    let bad = [
        EntryInput::default(),
        EntryInput {
            date: "2026-02-30".into(),
            role: "astronaut".into(),
            gap: "luck".into(),
            minutes_without: "-5".into(),
            minutes_with: "0".into(),
            quality: "meh".into(),
            again: "maybe".into(),
            note: "n".repeat(501),
            ..input()
        },
        EntryInput {
            task: "no-such-task".into(),
            minutes_without: "1441".into(),
            minutes_with: "forty".into(),
            note: "\u{202e}".into(),
            ..input()
        },
        EntryInput {
            task: ai_readiness::core::practice::OWN_TASK.into(),
            own_task: "t".repeat(201),
            ..input()
        },
        EntryInput {
            task: ai_readiness::core::practice::OWN_TASK.into(),
            own_task: "\u{200b}\u{202e}".into(),
            ..input()
        },
    ];
    let mut keys: Vec<&str> = bad
        .iter()
        .flat_map(|i| check(i, "x").err().unwrap_or_default())
        .map(|(_, key)| key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    assert!(
        keys.len() >= 10,
        "the bad inputs reach too few messages: {keys:?}"
    );
    for lang in LANGS {
        let texts = own_texts(lang);
        for key in &keys {
            assert!(texts.get(key).is_some(), "{}: {key}", lang.tag());
        }
    }
}

#[test]
fn days_read_and_write_iso_dates_and_weeks_start_on_monday() {
    for iso in [
        "1970-01-01",
        "2000-02-29",
        "2026-12-31",
        "2027-01-01",
        "9999-12-31",
    ] {
        assert_eq!(Day::from_iso(iso).unwrap().to_iso(), iso);
    }
    assert_eq!(Day::from_iso("1970-01-01"), Some(Day(0)));
    for bad in [
        "1900-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-1-01",
        "２０２６-12-01",
        "",
        "1969-12-31",
    ] {
        assert_eq!(Day::from_iso(bad), None, "{bad}");
    }
    let day = |iso| Day::from_iso(iso).unwrap();
    // Monday 2026-12-28 to Sunday 2027-01-03 is one week; the Sunday before is the week before.
    assert_eq!(day("2026-12-28").week(), day("2027-01-03").week());
    assert_eq!(day("2026-12-27").week() + 1, day("2026-12-28").week());
    assert_eq!(day("2027-01-04").week(), day("2027-01-03").week() + 1);
}

#[test]
fn entry_ids_are_distinct_and_readable() {
    let a = entry_id(1_765_000_000_000, 7);
    let b = entry_id(1_765_000_000_000, 8);
    assert_ne!(a, b);
    assert!(
        a.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'),
        "{a}"
    );
    assert_eq!(entry_id(0, 0), "0-0");
}

// --- Evidence -----------------------------------------------------------------------------

fn day(iso: &str) -> Day {
    Day::from_iso(iso).unwrap()
}

/// A checked entry on `date` with the two times and a quality.
fn logged(id: &str, date: &str, without: u16, with: u16, quality: &str) -> Entry {
    let mut form = input();
    form.date = date.into();
    form.minutes_without = without.to_string();
    form.minutes_with = with.to_string();
    form.quality = quality.into();
    check(&form, id).unwrap()
}

#[test]
fn no_entries_is_no_evidence() {
    let none = evidence(&[], day("2026-12-08"));
    assert_eq!(none, Evidence::default());
    assert_eq!(none.median_saved, None);
    assert_eq!(
        summary(&none, &PracticeTexts::english()).unwrap(),
        "No tasks logged yet."
    );
}

#[test]
fn one_entry_is_its_own_median() {
    let one = evidence(
        &[logged("a", "2026-12-08", 50, 40, "same")],
        day("2026-12-08"),
    );
    assert_eq!(
        one,
        Evidence {
            entries: 1,
            median_saved: Some(20),
            better: 0,
            streak_weeks: 1
        }
    );
    assert_eq!(
        summary(&one, &PracticeTexts::english()).unwrap(),
        "1 task, median 20% faster, better quality in 0 of 1"
    );
}

#[test]
fn the_median_is_over_entries_with_both_times() {
    let entries = [
        logged("a", "2026-12-07", 60, 30, "better"), // 50
        logged("b", "2026-12-07", 0, 30, "better"),  // no estimate: left out
        logged("c", "2026-12-08", 100, 90, "same"),  // 10
        logged("d", "2026-12-08", 20, 14, "better"), // 30
        logged("e", "2026-12-08", 10, 15, "worse"),  // −50
    ];
    let e = evidence(&entries, day("2026-12-08"));
    // Sorted −50, 10, 30, 50: the mean of the middle two.
    assert_eq!(e.median_saved, Some(20));
    assert_eq!((e.entries, e.better), (5, 3));
    assert_eq!(
        summary(&e, &PracticeTexts::english()).unwrap(),
        "5 tasks, median 20% faster, better quality in 3 of 5"
    );
}

#[test]
fn a_zero_estimate_alone_gives_no_median_and_no_division() {
    let e = evidence(
        &[logged("a", "2026-12-08", 0, 25, "better")],
        day("2026-12-08"),
    );
    assert_eq!(e.median_saved, None);
    assert_eq!(
        summary(&e, &PracticeTexts::english()).unwrap(),
        "1 task, better quality in 1 of 1"
    );
}

#[test]
fn slower_with_ai_is_a_negative_median_said_as_slower() {
    let entries = [
        logged("a", "2026-12-08", 20, 30, "same"),
        logged("b", "2026-12-08", 40, 40, "same"),
    ];
    let e = evidence(&entries, day("2026-12-08"));
    // −50 and 0: the mean −25.
    assert_eq!(e.median_saved, Some(-25));
    assert_eq!(
        summary(&e, &PracticeTexts::english()).unwrap(),
        "2 tasks, median 25% slower, better quality in 0 of 2"
    );
    let even = evidence(&entries[1..], day("2026-12-08"));
    assert_eq!(even.median_saved, Some(0));
    assert!(summary(&even, &PracticeTexts::english())
        .unwrap()
        .contains("median time unchanged"));
    // Halves round away from zero on both sides.
    let halves = [
        logged("a", "2026-12-08", 100, 99, "same"),
        logged("b", "2026-12-08", 100, 98, "same"),
    ];
    assert_eq!(evidence(&halves, day("2026-12-08")).median_saved, Some(2));
    let halves = [
        logged("a", "2026-12-08", 100, 101, "same"),
        logged("b", "2026-12-08", 100, 102, "same"),
    ];
    assert_eq!(evidence(&halves, day("2026-12-08")).median_saved, Some(-2));
}

#[test]
fn the_streak_counts_calendar_weeks_back_across_a_year_boundary() {
    let streak = |dates: &[&str], today: &str| {
        let entries: Vec<Entry> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| logged(&format!("e{i}"), d, 10, 5, "same"))
            .collect();
        evidence(&entries, day(today)).streak_weeks
    };
    // Weeks of Mon 15 Dec, Mon 22 Dec, Mon 29 Dec (holding 1 Jan) and Mon 5 Jan.
    let dates = ["2025-12-19", "2025-12-22", "2026-01-01", "2026-01-05"];
    assert_eq!(streak(&dates, "2026-01-05"), 4);
    assert_eq!(streak(&dates, "2026-01-11"), 4);
    // A week without an entry yet keeps last week's streak alive; two weeks without end it.
    assert_eq!(streak(&dates, "2026-01-12"), 4);
    assert_eq!(streak(&dates, "2026-01-19"), 0);
    // A missing week breaks it: only the weeks after the gap count.
    assert_eq!(
        streak(&["2025-12-15", "2025-12-31", "2026-01-06"], "2026-01-07"),
        2
    );
    // Many entries in one week are one week; future entries do not count.
    assert_eq!(
        streak(&["2026-12-07", "2026-12-08", "2026-12-13"], "2026-12-13"),
        1
    );
    assert_eq!(streak(&["2026-12-14"], "2026-12-13"), 0);
    // Sunday and the next Monday are two weeks.
    assert_eq!(streak(&["2026-12-13", "2026-12-14"], "2026-12-14"), 2);
}

// --- The stored log -----------------------------------------------------------------------

use ai_readiness::core::practice::{Log, StoredProblem, LOG_HEADER};

/// A log with entries from several days, an own task and a note with line breaks and tabs.
fn sample_log() -> Log {
    let mut log = Log::new();
    log.add(logged("a1", "2026-12-01", 60, 30, "better"));
    let mut own = input();
    own.task = "own".into();
    own.own_task = "Sort \\ the «Q4» mails".into();
    own.note = "first\nsecond\tcolumn \\n not a break".into();
    log.add(check(&own, "b2").unwrap());
    log.add(logged("c3", "2026-11-30", 0, 10, "worse"));
    log
}

#[test]
fn a_stored_log_reads_back_as_it_was() {
    let log = sample_log();
    let text = log.to_text();
    assert!(text.starts_with(LOG_HEADER));
    let (back, problems) = Log::parse(&text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, log);
    // Newest first.
    let ids: Vec<&str> = back.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["b2", "a1", "c3"]);
}

#[test]
fn merging_keeps_every_tabs_entries_and_every_deletion() {
    let (mut one, _) = Log::parse(&sample_log().to_text());
    let mut other = one.clone();
    assert!(one.add(logged("d4", "2026-12-08", 10, 5, "same")));
    assert!(other.add(logged("e5", "2026-12-08", 10, 5, "same")));
    assert!(other.delete("a1"));
    let merged = one.merge(&other);
    let mut ids: Vec<&str> = merged.entries().iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["b2", "c3", "d4", "e5"]);
    // Either way round, and again: the same log.
    assert_eq!(other.merge(&one), merged);
    assert_eq!(merged.merge(&one), merged);
    // A deleted entry does not come back, not even when added again.
    let (mut read, problems) = Log::parse(&merged.to_text());
    assert!(problems.is_empty());
    assert!(!read.add(logged("a1", "2026-12-01", 60, 30, "better")));
    assert!(
        !read.add(logged("b2", "2026-12-01", 60, 30, "better")),
        "ids are unique"
    );
}

#[test]
fn delete_one_and_clear_all() {
    let mut log = sample_log();
    assert!(log.delete("b2"));
    assert!(!log.delete("b2"));
    assert!(!log.delete("nope"));
    assert_eq!(log.entries().len(), 2);
    log.clear();
    assert!(log.entries().is_empty());
    // Merged with a tab that still has them, cleared entries stay cleared.
    assert!(log.merge(&sample_log()).entries().is_empty());
    assert!(Log::parse(&log.to_text()).0.entries().is_empty());
}

#[test]
fn another_format_or_damaged_lines_are_dropped_with_reasons() {
    let (log, problems) = Log::parse("{\"entries\":[]}");
    assert!(log.entries().is_empty());
    assert!(matches!(
        problems.as_slice(),
        [StoredProblem::UnknownFormat { .. }]
    ));
    assert!(problems[0].to_string().contains("not in a format"));
    let good = sample_log().to_text();
    let damaged = format!(
        "{good}e\tz9\t2026-02-30\tsales\tt:call-prep\tusage\t1\t1\tsame\tno\t\n\
         e\tz8\t2026-12-01\tsales\tt:blog-draft\tusage\t1\t1\tsame\tno\t\n\
         e\tz7\t2026-12-01\tsales\tt:call-prep\tusage\t1\t0\tsame\tno\t\n\
         e\tz6\t2026-12-01\tsales\tt:call-prep\tusage\t1\t1\tsame\tno\tbad \\q escape\n\
         e\ta1\t2026-12-01\tsales\tt:call-prep\tusage\t1\t1\tsame\tno\t\n\
         x\tnothing\n"
    );
    let (log, problems) = Log::parse(&damaged);
    assert_eq!(log.entries().len(), 3, "the good entries stay");
    let reasons: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 6, "{reasons:#?}");
    for (reason, says) in reasons.iter().zip([
        "not a date",
        "not a task of the role",
        "minutes with out of range",
        "a broken escape",
        "not a record",
        "an entry id appears twice",
    ]) {
        assert!(reason.contains(says), "{reason} should say {says}");
    }
}

/// A small deterministic generator (xorshift), so a failing case can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn corrupt_stored_logs_never_panic() {
    let good = sample_log().merge(&{
        let mut l = Log::new();
        l.add(logged("f6", "2026-12-08", 5, 9, "same"));
        l.delete("f6");
        l.add(logged("g7", "2026-12-09", 1440, 1, "better"));
        l
    });
    let text = good.to_text();
    let pieces = [
        "\t",
        "\n",
        "\\",
        "\\n",
        "e\t",
        "d\t",
        "t:",
        "o:",
        "9",
        "-",
        "é",
        "\u{202E}",
        "\r",
        "0000-00-00",
        "🚀",
    ];
    let texts = PracticeTexts::english();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3000 {
        let mut chars: Vec<char> = text.chars().collect();
        for _ in 0..=rng.below(6) {
            let at = rng.below(chars.len() + 1);
            match rng.below(4) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => chars.truncate(at),
                2 if at < chars.len() => {
                    chars[at] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')
                }
                _ => {
                    let piece = pieces[rng.below(pieces.len())];
                    chars.splice(at..at, piece.chars());
                }
            }
        }
        let mutated: String = chars.into_iter().collect();
        let (log, problems) = Log::parse(&mutated);
        // Whatever was read writes back to a text that reads the same, with no new problems.
        let (again, more) = Log::parse(&log.to_text());
        assert_eq!(again, log, "round {round}: {mutated:?}");
        assert!(more.is_empty(), "round {round}: {more:?}");
        let _ = (
            problems,
            log.to_csv(&texts),
            evidence(log.entries(), day("2026-12-09")),
        );
    }
    // Random bytes read as text, too.
    for _ in 0..2000 {
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        let _ = Log::parse(&String::from_utf8_lossy(&bytes));
        let _ = Log::parse(&format!(
            "{LOG_HEADER}\n{}",
            String::from_utf8_lossy(&bytes)
        ));
    }
}

#[test]
fn the_csv_has_the_columns_and_the_formula_guard() {
    let mut log = sample_log();
    let mut form = input();
    form.note = "=HYPERLINK(\"http://x\")".into();
    form.task = "own".into();
    form.own_task = "+1 call; then -2".into();
    log.add(check(&form, "h8").unwrap());
    let csv = log.to_csv(&PracticeTexts::english());
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("\u{feff}date,role,task,minutes_without,minutes_with,quality,again,note")
    );
    assert!(
        csv.contains("2026-12-01,Marketing,First draft of a blog post,60,30,better,yes,"),
        "{csv}"
    );
    // A formula in a note or an own task is written as text, and quoted where it holds a quote
    // or a semicolon.
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(csv.contains(",\"'+1 call; then -2\","), "{csv}");
    // A line break inside a note stays inside its quoted field.
    assert!(
        csv.contains("\"first\nsecond\tcolumn \\n not a break\""),
        "{csv}"
    );
    assert_eq!(csv.matches("\r\n").count(), 1 + log.entries().len());
}

// --- Evidence codes -----------------------------------------------------------------------

use ai_readiness::core::practice::{
    evidence_code, looks_like_evidence_code, read_evidence_code, EvidenceCodeError,
};

#[test]
fn evidence_codes_round_trip() {
    let mut rng = Rng(42);
    let mut cases = vec![
        Evidence::default(),
        Evidence {
            entries: 1,
            median_saved: None,
            better: 1,
            streak_weeks: 0,
        },
        Evidence {
            entries: 999,
            median_saved: Some(100),
            better: 999,
            streak_weeks: 99,
        },
        Evidence {
            entries: 4,
            median_saved: Some(-100),
            better: 0,
            streak_weeks: 1,
        },
        Evidence {
            entries: 4,
            median_saved: Some(0),
            better: 3,
            streak_weeks: 2,
        },
    ];
    for _ in 0..3000 {
        let entries = 1 + rng.below(999) as u32;
        cases.push(Evidence {
            entries,
            median_saved: (rng.below(5) > 0).then(|| rng.below(201) as i32 - 100),
            better: rng.below(entries as usize + 1) as u32,
            streak_weeks: rng.below(100) as u32,
        });
    }
    for e in cases {
        let code = evidence_code(&e);
        assert!(
            code.as_str().starts_with("P-") && code.as_str().len() == 11,
            "{code}"
        );
        assert_eq!(read_evidence_code(code.as_str()), Ok((code.clone(), e)));
        // Typed loosely: lower case, spaces, look-alikes.
        let loose = code
            .as_str()
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o");
        assert_eq!(read_evidence_code(&loose).map(|(_, e)| e), Ok(e), "{loose}");
    }
}

#[test]
fn evidence_codes_cap_what_they_cannot_hold() {
    let big = Evidence {
        entries: 1200,
        median_saved: Some(-14300),
        better: 1100,
        streak_weeks: 150,
    };
    let (_, read) = read_evidence_code(evidence_code(&big).as_str()).unwrap();
    assert_eq!(
        read,
        Evidence {
            entries: 999,
            median_saved: Some(-100),
            better: 999,
            streak_weeks: 99
        }
    );
}

#[test]
fn evidence_codes_carry_only_the_four_numbers() {
    let entries = [
        logged("a", "2026-12-08", 30, 20, "better"),
        logged("b", "2026-12-08", 30, 20, "better"),
    ];
    let mut noted = entries.clone();
    noted[0].note = "private thoughts".into();
    noted[1].task = TaskRef::Own(OwnTask::new("Secret merger memo").unwrap());
    let today = day("2026-12-08");
    assert_eq!(
        evidence_code(&evidence(&entries, today)),
        evidence_code(&evidence(&noted, today))
    );
}

/// `P-<digits>-<check>` with the check character the format's rule gives, computed here from
/// the rule as the docs state it.
fn with_check(digits: &str) -> String {
    let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXY";
    let values: Vec<u32> = std::iter::once('P')
        .chain(digits.chars())
        .map(|c| alphabet.find(c).unwrap() as u32)
        .collect();
    let n = values.len() as u32 + 1;
    let sum: u32 = values.iter().zip((2..=n).rev()).map(|(v, w)| v * w).sum();
    let check = alphabet
        .chars()
        .nth(((31 - sum % 31) % 31) as usize)
        .unwrap();
    format!("P-{digits}-{check}")
}

#[test]
fn bad_evidence_codes_are_refused_with_their_reason() {
    use EvidenceCodeError::*;
    let good = evidence_code(&Evidence {
        entries: 4,
        median_saved: Some(30),
        better: 3,
        streak_weeks: 2,
    });
    let good = good.as_str();
    let typo = {
        let mut chars: Vec<char> = good.chars().collect();
        chars[4] = if chars[4] == '7' { '8' } else { '7' };
        chars.into_iter().collect::<String>()
    };
    let swapped = {
        let mut chars: Vec<char> = good.chars().collect();
        let (i, j) = (2..9)
            .map(|i| (i, i + 1))
            .find(|&(i, j)| chars[i] != chars[j] && chars[j] != '-')
            .unwrap();
        chars.swap(i, j);
        chars.into_iter().collect::<String>()
    };
    // Numbers past the format's range, and numbers no log can give (entries 0, better 1), each
    // with a valid check character, so only their numbers are wrong.
    let past = with_check("YYYYYYY");
    let impossible = with_check("0000100");
    let table: Vec<(&str, EvidenceCodeError)> = vec![
        ("", Empty),
        (" - ", Empty),
        (
            "P-12#4567-8",
            BadCharacter {
                character: '#',
                position: 5,
            },
        ),
        (
            "P-ZZZZZZZ-0",
            BadCharacter {
                character: 'Z',
                position: 3,
            },
        ),
        ("S-7KD3Q-W", NotPractice),
        ("1-7KD3Q-W", NotPractice),
        ("P-1234-5", WrongLength { got: 6 }),
        (&typo, BadCheck),
        (&swapped, BadCheck),
        (&past, OutOfRange),
        (&impossible, OutOfRange),
    ];
    for (text, expected) in &table {
        let got = read_evidence_code(text);
        // An out-of-range code needs a valid check character to get that far.
        if *expected == OutOfRange && *text == "P-YYYYYYY-0" {
            assert!(
                matches!(got, Err(BadCheck) | Err(OutOfRange)),
                "{text}: {got:?}"
            );
            continue;
        }
        assert_eq!(got, Err(expected.clone()), "{text}");
    }
    let texts = PracticeTexts::english();
    for (_, error) in table {
        let args = error.args();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let message = texts.fill(error.key(), &args).unwrap();
        assert!(!message.contains('{'), "{message}");
    }
    assert!(looks_like_evidence_code(" p-123"));
    assert!(!looks_like_evidence_code("S-7KD3Q-W"));
}

#[test]
fn every_single_typo_in_an_evidence_code_is_caught() {
    let code = evidence_code(&Evidence {
        entries: 12,
        median_saved: Some(-7),
        better: 5,
        streak_weeks: 3,
    });
    let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXY";
    let chars: Vec<char> = code.as_str().chars().collect();
    for (i, &c) in chars.iter().enumerate().filter(|(_, c)| **c != '-') {
        for other in alphabet.chars().filter(|o| *o != c) {
            let mut typed = chars.clone();
            typed[i] = other;
            let typed: String = typed.into_iter().collect();
            assert!(read_evidence_code(&typed).is_err(), "{typed} was read");
        }
    }
}

#[test]
fn the_evidence_sentence_follows_each_languages_numbers_and_plurals() {
    let texts = |lang: Lang| PracticeTexts::load(lang, &source(lang)).0;
    let four = Evidence {
        entries: 4,
        median_saved: Some(30),
        better: 3,
        streak_weeks: 2,
    };
    assert_eq!(
        summary(&four, &texts(Lang::En)).unwrap(),
        "4 tasks, median 30% faster, better quality in 3 of 4"
    );
    assert_eq!(
        summary(&four, &texts(Lang::De)).unwrap(),
        "4 Aufgaben, im Median 30\u{a0}% schneller, bessere Qualität bei 3 von 4"
    );
    let two = Evidence {
        entries: 2,
        median_saved: Some(-12),
        better: 1,
        streak_weeks: 1,
    };
    let arabic = summary(&two, &texts(Lang::Ar)).unwrap();
    assert_eq!(
        arabic,
        "مهمتان، الوسيط أبطأ بنسبة ١٢٪، جودة أفضل في واحدة من ٢"
    );
    let one = Evidence {
        entries: 1,
        median_saved: None,
        better: 0,
        streak_weeks: 1,
    };
    assert_eq!(
        summary(&one, &texts(Lang::Fr)).unwrap(),
        "1 tâche, meilleure qualité pour 0 sur 1"
    );
}

// --- Practice in the team view ------------------------------------------------------------

use ai_readiness::core::code::encode;
use ai_readiness::core::model::{Answers, Perspective};
use ai_readiness::core::practice::{attach, people_csv, separate, PRACTICE_COLUMNS};
use ai_readiness::core::roster;
use ai_readiness::core::team::{report, PeopleColumn};

fn self_code(answer: u8) -> String {
    encode(&Answers(vec![answer; 12]), Perspective::Person)
        .unwrap()
        .to_string()
}

fn p_code(entries: u32, saved: i32, better: u32, streak: u32) -> String {
    evidence_code(&Evidence {
        entries,
        median_saved: Some(saved),
        better,
        streak_weeks: streak,
    })
    .to_string()
}

#[test]
fn practice_codes_join_people_on_their_line_or_by_name() {
    let (anna, ben, cleo) = (self_code(1), self_code(2), self_code(3));
    let text = format!(
        "Name,Team,Code\n\
         Anna,Sales,{anna},{}\n\
         Ben,Sales,{ben}\n\
         ben ,{}\n\
         Cleo,Support,{cleo}\n\
         Dana,Support,{}\n\
         Eve,P-1234567-8\n",
        p_code(4, 30, 3, 2),
        p_code(6, -10, 1, 1),
        p_code(2, 50, 2, 1),
    );
    let separated = separate(&text);
    // The roster reads the same people as without practice, on the same lines.
    let roster = roster::parse(&separated.roster_text);
    assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    let lines: Vec<usize> = roster.entries.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 5]);
    let plain = roster::parse(&format!(
        "Name,Team,Code\nAnna,Sales,{anna}\nBen,Sales,{ben}\n\nCleo,Support,{cleo}\n"
    ));
    assert_eq!(report(&roster), report(&plain));

    let practice = attach(&roster, separated.practice);
    let of = |line| {
        practice
            .of_line(line)
            .map(|e| (e.entries, e.median_saved, e.streak_weeks))
    };
    assert_eq!(of(2), Some((4, Some(30), 2)), "Anna, on her line");
    assert_eq!(
        of(3),
        Some((6, Some(-10), 1)),
        "Ben, by name on a line of his own"
    );
    assert_eq!(of(5), None, "Cleo practises nothing");
    assert_eq!(practice.alone.len(), 1);
    assert_eq!(practice.alone[0].name.as_deref(), Some("Dana"));
    assert_eq!(practice.alone[0].team.as_deref(), Some("Support"));
    assert_eq!(practice.problems.len(), 1, "Eve's code is mistyped");
    assert_eq!(practice.problems[0].line, 7);

    let team = report(&roster);
    let counts = practice.per_team(&team);
    let sales = counts
        .iter()
        .find(|c| c.team.as_deref() == Some("Sales"))
        .unwrap();
    assert_eq!((sales.people, sales.entries, sales.better), (2, 10, 4));
    let support = counts
        .iter()
        .find(|c| c.team.as_deref() == Some("Support"))
        .unwrap();
    assert_eq!(
        (support.people, support.entries),
        (0, 0),
        "practice without a result is not counted"
    );

    let csv = people_csv(&team, &practice);
    let header = csv.lines().next().unwrap();
    let expected: Vec<&str> = PeopleColumn::ALL
        .iter()
        .map(|c| c.id())
        .chain(PRACTICE_COLUMNS)
        .collect();
    assert_eq!(header.trim_start_matches('\u{feff}'), expected.join(","));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Anna,Sales,") && l.ends_with(",4,30,2")),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Cleo,Support,") && l.ends_with(",,,")),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Dana,Support,,") && l.ends_with(",2,50,1")),
        "{csv}"
    );
}

#[test]
fn a_list_without_practice_reads_exactly_as_before() {
    let text = format!(
        "Anna,Sales,{}\n\n  Ben ; {}\nbad line\n",
        self_code(1),
        self_code(2)
    );
    let separated = separate(&text);
    assert!(separated.practice.is_empty());
    assert_eq!(roster::parse(&separated.roster_text), roster::parse(&text));
}

#[test]
fn a_practice_code_after_a_mistyped_result_code_stays_on_that_line() {
    let good = self_code(1);
    let last = good.chars().last().unwrap();
    let bad = format!(
        "{}{}",
        &good[..good.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    let text = format!("Anna,Sales,{bad},{}\n", p_code(1, 10, 1, 1));
    let separated = separate(&text);
    let roster = roster::parse(&separated.roster_text);
    assert_eq!(
        roster.problems.len(),
        1,
        "the roster reports the bad result code"
    );
    let practice = attach(&roster, separated.practice);
    // Nobody to join on that line: practice without a result, never someone else's.
    assert!(practice.people.is_empty());
    assert_eq!(practice.alone.len(), 1);
}

#[test]
fn the_log_is_kept_under_a_versioned_name_of_its_own() {
    use ai_readiness::core::storage_keys;
    assert_eq!(
        storage_keys::practice("ai-readiness"),
        "ai-readiness:practice:v1"
    );
    assert_ne!(storage_keys::practice("a"), storage_keys::team("a"));
    assert!(
        LOG_HEADER.ends_with("v1"),
        "the stored text names the same version"
    );
}

// --- The practice section's state ---------------------------------------------------------

use ai_readiness::core::practice::{Practice, PracticeAction};

fn typed(field: EntryField, value: &str) -> PracticeAction {
    PracticeAction::Type {
        field,
        value: value.into(),
    }
}

/// Applies actions in turn, each required to change the state.
fn run(mut state: Practice, actions: Vec<PracticeAction>) -> Practice {
    for action in actions {
        state = state
            .apply(action.clone())
            .unwrap_or_else(|| panic!("{action:?} changed nothing"));
    }
    state
}

fn filled(state: Practice) -> Practice {
    run(
        state,
        vec![
            PracticeAction::PickRole("marketing".into()),
            PracticeAction::PickTask("blog-draft".into()),
            typed(EntryField::MinutesWithout, "60"),
            typed(EntryField::MinutesWith, "45"),
            typed(EntryField::Quality, "better"),
            typed(EntryField::Again, "yes"),
            typed(EntryField::Note, "kept private"),
        ],
    )
}

#[test]
fn the_section_logs_an_entry_and_keeps_the_role_and_task() {
    let (start, problems) = Practice::new(Dimension::Capability, Perspective::Person, None);
    assert!(problems.is_empty());
    assert_eq!(
        start.card(&PracticeTexts::english()),
        None,
        "no card before a task"
    );
    let state = filled(start);
    let card = state.card(&PracticeTexts::english()).unwrap().unwrap();
    assert!(card.why.contains("without AI"));
    let state = state
        .apply(PracticeAction::Submit {
            today: "2026-12-08".into(),
            id: "e1".into(),
        })
        .unwrap();
    assert_eq!(state.log.entries().len(), 1);
    assert_eq!(state.saved_version, 1);
    assert_eq!(
        (state.input.role.as_str(), state.input.task.as_str()),
        ("marketing", "blog-draft")
    );
    assert!(state.input.minutes_with.is_empty() && state.input.note.is_empty());
    let detail = state.logged_detail().unwrap();
    let json = serde_json::to_string(&detail).unwrap();
    assert_eq!(
        json,
        r#"{"role":"marketing","task":"blog-draft","gap":"capability","entries":1,"medianSaved":25,"perspective":"self"}"#
    );
    // The next action forgets the logged entry, so the event goes once.
    let state = state.apply(typed(EntryField::MinutesWith, "5")).unwrap();
    assert!(state.logged.is_none());
}

#[test]
fn a_refused_submit_keeps_everything_typed() {
    let (start, _) = Practice::new(Dimension::Usage, Perspective::Team, None);
    let state = run(
        start,
        vec![
            PracticeAction::PickRole("sales".into()),
            typed(EntryField::MinutesWith, "0"),
        ],
    );
    let refused = state
        .apply(PracticeAction::Submit {
            today: "2026-12-08".into(),
            id: "e1".into(),
        })
        .unwrap();
    assert_eq!(refused.input.minutes_with, "0");
    let fields: Vec<EntryField> = refused.problems.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            EntryField::Task,
            EntryField::MinutesWithout,
            EntryField::MinutesWith,
            EntryField::Quality,
            EntryField::Again
        ]
    );
    assert!(refused.log.entries().is_empty());
    assert_eq!(refused.saved_version, 0);
    // Submitting the same again changes nothing.
    assert_eq!(
        refused.apply(PracticeAction::Submit {
            today: "2026-12-08".into(),
            id: "e2".into()
        }),
        None
    );
}

#[test]
fn the_own_task_never_leaves_in_the_detail() {
    let (start, _) = Practice::new(Dimension::Visibility, Perspective::Person, None);
    let state = run(
        filled(start),
        vec![
            PracticeAction::PickTask("own".into()),
            typed(EntryField::OwnTask, "Merger memo for Acme"),
        ],
    );
    let card = state.card(&PracticeTexts::english()).unwrap().unwrap();
    assert!(card.prompt.contains("Merger memo for Acme"));
    let state = state
        .apply(PracticeAction::Submit {
            today: "2026-12-08".into(),
            id: "e1".into(),
        })
        .unwrap();
    let json = serde_json::to_string(&state.logged_detail().unwrap()).unwrap();
    assert!(json.contains(r#""task":"own""#), "{json}");
    assert!(
        !json.contains("Merger") && !json.contains("private"),
        "{json}"
    );
}

#[test]
fn clearing_asks_first_and_merging_keeps_another_tabs_entries() {
    let (start, _) = Practice::new(Dimension::Usage, Perspective::Person, None);
    let submit = |id: &str| PracticeAction::Submit {
        today: "2026-12-08".into(),
        id: id.into(),
    };
    let state = run(filled(start), vec![submit("e1")]);
    // Another tab logged e2 meanwhile.
    let mut other = state.log.clone();
    other.add(logged("e2", "2026-12-08", 10, 5, "same"));
    let state = state
        .apply(PracticeAction::Stored(other.to_text()))
        .unwrap();
    assert_eq!(state.log.entries().len(), 2);
    assert_eq!(
        state.apply(PracticeAction::Stored(other.to_text())),
        None,
        "nothing new"
    );
    assert_eq!(
        state.apply(PracticeAction::ConfirmClear),
        None,
        "not without asking"
    );
    let asked = state.apply(PracticeAction::AskClear).unwrap();
    assert_eq!(
        asked.apply(PracticeAction::CancelClear).unwrap().log,
        state.log
    );
    let cleared = asked.apply(PracticeAction::ConfirmClear).unwrap();
    assert!(cleared.log.entries().is_empty() && !cleared.confirm_clear);
    assert!(cleared.saved_version > state.saved_version);
    // A stale tab's copy does not bring them back.
    assert_eq!(cleared.apply(PracticeAction::Stored(other.to_text())), None);
    assert_eq!(cleared.apply(PracticeAction::Delete("e1".into())), None);
}

#[test]
fn picks_outside_the_offer_change_nothing() {
    let (start, problems) = Practice::new(Dimension::Access, Perspective::Person, Some("garbage"));
    assert_eq!(
        problems.len(),
        1,
        "the stored text is dropped with a reason"
    );
    assert_eq!(start.apply(PracticeAction::PickRole("pilot".into())), None);
    assert_eq!(
        start.apply(PracticeAction::PickTask("blog-draft".into())),
        None,
        "no role yet"
    );
    let state = start.apply(PracticeAction::PickRole("hr".into())).unwrap();
    assert_eq!(
        state.apply(PracticeAction::PickTask("blog-draft".into())),
        None
    );
    assert_eq!(state.apply(PracticeAction::PickRole("hr".into())), None);
    assert_eq!(state.apply(typed(EntryField::Gap, "usage")), None);
}

#[test]
fn a_long_log_reads_back_newest_first() {
    let mut log = Log::new();
    let start = day("2026-01-01").0;
    for i in 0..1500 {
        let date = Day(start + (i * 7919) % 365).to_iso();
        log.add(logged(&format!("id{i}"), &date, 30, 20, "same"));
    }
    let (back, problems) = Log::parse(&log.to_text());
    assert!(problems.is_empty());
    assert_eq!(back, log);
    assert!(back.entries().windows(2).all(|w| w[0].day >= w[1].day));
    assert_eq!(evidence(back.entries(), day("2026-12-31")).entries, 1500);
}
