//! Pasted rosters and the team picture: parsing edge cases, aggregation properties, CSV export.

use crate::common;

use ai_readiness::core::code::encode;
use ai_readiness::core::i18n::Catalog;
use ai_readiness::core::model::Perspective;
use ai_readiness::core::model::{Answers, Dimension, Level};
use ai_readiness::core::plan::steps;
use ai_readiness::core::roster::{decode_text, parse, Duplicate, Encoding, Reader, Roster};
use ai_readiness::core::scoring::{score, Outcome};
use ai_readiness::core::team::{
    coaching_said, common_gap_why, csv_name, person_fields, report, sort_people, starts_formula,
    teams_csv, to_csv, with_code, Coaching, Disclosure, FileError, Keeping, Kept, KeptError,
    PeopleColumn, Round, RoundKey, Settled, TeamAction, TeamPrivacy, TeamReport, TeamState, PAGE,
    ROBUST, TEAM_COLUMNS, WINDOW,
};
use common::{answers_by, random_answers, Rng};
use std::rc::Rc;

/// A person's own code (the self perspective): the people the team view counts.
fn code(answers: &Answers) -> String {
    encode(answers, Perspective::Person)
        .expect("valid answers")
        .to_string()
}

/// A lead's code about their team: a view, never a person.
fn view_code(answers: &Answers) -> String {
    encode(answers, Perspective::Team)
        .expect("valid answers")
        .to_string()
}

fn outcome(answers: &Answers) -> Outcome {
    score(answers).expect("valid answers")
}

fn team_of(text: &str) -> (Roster, TeamReport) {
    let roster = parse(text);
    let report = report(&roster);
    (roster, report)
}

// ---------------------------------------------------------------- aggregation

#[test]
fn identical_people_aggregate_to_exactly_that_person() {
    let mut rng = Rng::new(17);
    for _ in 0..400 {
        let answers = random_answers(&mut rng);
        let person = outcome(&answers);
        let n = 1 + rng.below(49);
        let text: String = (0..n)
            .map(|i| format!("Person {i}, Ops, {}\n", code(&answers)))
            .collect();
        let (roster, team) = team_of(&text);
        assert_eq!(roster.entries.len(), n);
        assert_eq!(team.people, n);
        assert_eq!(
            team.overall.as_ref(),
            Some(&person),
            "{n} copies of {answers:?}"
        );
        assert_eq!(
            team.overall.as_ref().map(|o| o.adoption_gap),
            Some(person.adoption_gap)
        );
        assert_eq!(team.levels[person.level as usize], n);
        // An Operating person's weakest area is nobody's gap.
        let gap = team
            .common_gap
            .map(|g| (g.dimension, g.people, g.of, g.level));
        match person.biggest_gap.is_gap() {
            true => assert_eq!(
                gap,
                Some((person.biggest_gap.dimension, n, n, person.level))
            ),
            false => assert_eq!(gap, None),
        }
        assert_eq!(team.teams.len(), 1);
        assert_eq!(team.teams[0].scores, person.scores);
        assert_eq!(team.teams[0].level, person.level);
        assert_eq!(team.teams[0].gap, team.common_gap);
        if let Some(gap) = team.common_gap {
            assert_eq!(
                gap.steps(),
                steps(person.biggest_gap.dimension, person.level, None).map(|s| s.msg)
            );
        }
    }
}

/// A random roster of valid codes, with names and one of a few teams (or none).
fn random_roster_text(
    rng: &mut Rng,
    people: usize,
) -> (String, Vec<(Option<&'static str>, Outcome)>) {
    const TEAMS: [Option<&str>; 4] = [Some("Sales"), Some("Ops"), Some("Finance"), None];
    let mut text = String::new();
    let mut truth = Vec::new();
    for i in 0..people {
        let answers = random_answers(rng);
        let team = TEAMS[rng.below(TEAMS.len())];
        text.push_str(&format!(
            "Person {i},{},{}\n",
            team.unwrap_or(""),
            code(&answers)
        ));
        truth.push((team, outcome(&answers)));
    }
    (text, truth)
}

#[test]
fn the_level_distribution_sums_to_the_people_counted() {
    let mut rng = Rng::new(23);
    for _ in 0..200 {
        let n = rng.below(60);
        let (text, truth) = random_roster_text(&mut rng, n);
        let (_, team) = team_of(&text);
        assert_eq!(team.people, n);
        assert_eq!(team.levels.iter().sum::<usize>(), n);
        for level in Level::ALL {
            let expected = truth.iter().filter(|(_, o)| o.level == level).count();
            assert_eq!(team.levels[level as usize], expected, "{level:?}");
        }
        assert_eq!(team.people_rows.len(), n);
        assert_eq!(team.teams.iter().map(|t| t.people).sum::<usize>(), n);
    }
}

#[test]
fn stuck_people_come_first() {
    let mut rng = Rng::new(31);
    for _ in 0..200 {
        let n = 2 + rng.below(40);
        let (text, _) = random_roster_text(&mut rng, n);
        let (_, team) = team_of(&text);
        for pair in team.people_rows.windows(2) {
            let key = |r: &ai_readiness::core::team::PersonRow| {
                (r.outcome.level, r.outcome.adoption, r.line)
            };
            assert!(
                key(&pair[0]) < key(&pair[1]),
                "{:?} before {:?}",
                key(&pair[0]),
                key(&pair[1])
            );
        }
    }
    let low = answers_by(|_, _| 0);
    let high = answers_by(|_, t| t);
    let text = format!(
        "Ann,{}\nBo,{}\nCy,{}\n",
        code(&high),
        code(&low),
        code(&high)
    );
    let (_, team) = team_of(&text);
    assert_eq!(team.people_rows[0].name.as_deref(), Some("Bo"));
    assert_eq!(team.people_rows[0].outcome.level, Level::Experimenting);
    assert_eq!(
        team.people_rows[1].name.as_deref(),
        Some("Ann"),
        "ties keep line order"
    );
}

#[test]
fn each_team_gets_the_rounded_mean_of_its_people() {
    let mut rng = Rng::new(37);
    for _ in 0..200 {
        let n = 1 + rng.below(60);
        let (text, truth) = random_roster_text(&mut rng, n);
        let (_, team) = team_of(&text);
        let names: Vec<Option<&str>> = team.teams.iter().map(|t| t.name.as_deref()).collect();
        let mut expected_names: Vec<Option<&str>> = ["Finance", "Ops", "Sales"]
            .into_iter()
            .map(Some)
            .filter(|t| truth.iter().any(|(x, _)| x == t))
            .collect();
        if truth.iter().any(|(t, _)| t.is_none()) {
            expected_names.push(None);
        }
        assert_eq!(names, expected_names, "sorted by name, no team last");
        for row in &team.teams {
            let members: Vec<&Outcome> = truth
                .iter()
                .filter(|(t, _)| *t == row.name.as_deref())
                .map(|(_, o)| o)
                .collect();
            assert_eq!(row.people, members.len());
            for d in Dimension::ALL {
                let mean = members
                    .iter()
                    .map(|o| f64::from(o.scores.get(d)))
                    .sum::<f64>()
                    / members.len() as f64;
                assert_eq!(
                    f64::from(row.scores.get(d)),
                    (mean + 1e-9).round(),
                    "{:?} {d:?}",
                    row.name
                );
            }
            assert_eq!(row.level, ai_readiness::core::scoring::level(row.scores));
        }
    }
}

#[test]
fn team_names_group_without_regard_to_case_or_spacing() {
    let a = code(&answers_by(|_, _| 0));
    let text = format!("A,Sales,{a}\nB, sales ,{a}\nC,SALES  ,{a}\nD,Ops,{a}\nE,,{a}\n");
    let (_, team) = team_of(&text);
    let rows: Vec<(Option<&str>, usize)> = team
        .teams
        .iter()
        .map(|t| (t.name.as_deref(), t.people))
        .collect();
    assert_eq!(rows, vec![(Some("Ops"), 1), (Some("Sales"), 3), (None, 1)]);
}

#[test]
fn the_most_common_gap_wins_and_ties_follow_the_priority() {
    let mut rng = Rng::new(41);
    let priority = [
        Dimension::Capability,
        Dimension::Visibility,
        Dimension::Usage,
        Dimension::Access,
    ];
    for _ in 0..300 {
        let n = rng.below(12);
        let (text, truth) = random_roster_text(&mut rng, n);
        let (_, team) = team_of(&text);
        let gapped: Vec<_> = truth
            .iter()
            .filter(|(_, o)| o.level != Level::Operating)
            .collect();
        let count = |d: Dimension| {
            gapped
                .iter()
                .filter(|(_, o)| o.biggest_gap.dimension == d)
                .count()
        };
        let most = Dimension::ALL.iter().map(|&d| count(d)).max().unwrap_or(0);
        let expected = priority
            .iter()
            .find(|&&d| most > 0 && count(d) == most)
            .map(|&d| (d, most, gapped.len()));
        assert_eq!(
            team.common_gap.map(|g| (g.dimension, g.people, g.of)),
            expected
        );
        // Its steps fit people below Operating.
        assert!(team.common_gap.is_none_or(|g| g.level < Level::Operating));
    }
}

#[test]
fn an_empty_roster_reports_nobody() {
    let team = report(&parse(""));
    assert_eq!(team.people, 0);
    assert_eq!(team.levels, [0, 0, 0]);
    assert_eq!(team.overall, None);
    assert_eq!(team.common_gap, None);
    assert!(team.teams.is_empty() && team.people_rows.is_empty() && team.views.is_empty());
    assert_eq!(to_csv(&team).lines().count(), 1, "just the header");
}

// ---------------------------------------------------------------- duplicates and problems

#[test]
fn reading_in_slices_gives_the_same_roster_as_reading_at_once() {
    let mut rng = Rng::new(29);
    let (text, _) = random_roster_text(&mut rng, 40);
    let first = text.lines().next().unwrap_or_default().to_string();
    // Every kind of line: a byte order mark, a header, CRLF and lone CR endings, Arabic commas,
    // blank lines, problems and a duplicate.
    let text = format!(
        "\u{FEFF}Name,Team,Code\r\n{text}\r\nnot a code\rA,B,C,D\n\"open,1\n{first}\nسارة\u{60c}Ops\u{60c}{code}",
        code = code(&random_answers(&mut rng)),
    );
    let whole = parse(&text);
    assert_eq!(whole.entries.len(), 41);
    assert_eq!(whole.problems.len(), 3);
    assert_eq!(whole.duplicates.len(), 1);
    for slice in [1, 2, 3, 7, 50] {
        let mut reader = Reader::new(&text);
        let mut reads = 1;
        while !reader.read(&text, slice) {
            reads += 1;
            let (read, all) = reader.progress(&text);
            assert!(read < all, "progress {read} of {all} before the end");
        }
        assert_eq!(reader.progress(&text).0, reader.progress(&text).1);
        assert_eq!(
            reads,
            47_usize.div_ceil(slice),
            "47 lines in reads of {slice}"
        );
        assert_eq!(reader.finish(), whole, "slices of {slice} lines");
    }
}

#[test]
fn a_repeated_name_and_code_counts_once() {
    let a = code(&answers_by(|_, _| 0));
    let b = code(&answers_by(|_, t| t));
    let text = format!(
        "Ann,Sales,{a}\nann , Ops, {}\nAnn,Sales,{b}\nBo,Sales,{a}\n  ANN  ,{a}\n",
        a.to_lowercase()
    );
    let (roster, team) = team_of(&text);
    assert_eq!(
        roster.entries.iter().map(|e| e.line).collect::<Vec<_>>(),
        vec![1, 3, 4]
    );
    assert_eq!(
        roster.duplicates,
        vec![
            Duplicate {
                line: 2,
                first_line: 1
            },
            Duplicate {
                line: 5,
                first_line: 1
            }
        ]
    );
    assert_eq!(team.people, 3);
}

#[test]
fn the_same_code_without_a_name_is_another_person() {
    let a = code(&answers_by(|_, _| 1));
    let (roster, team) = team_of(&format!("{a}\n{a}\n,Sales,{a}\n"));
    assert!(roster.duplicates.is_empty());
    assert_eq!(team.people, 3);
}

#[test]
fn bad_lines_are_listed_by_line_and_good_ones_still_count() {
    let good = code(&answers_by(|_, t| t));
    let mut typo: Vec<char> = good.chars().collect();
    typo.swap(3, 4);
    let typo: String = typo.into_iter().collect();
    let text = format!(
        "name,team,code\n{good}\n\nAnn,Sales,{typo}\nBo,Ops,hello\n\"Cy, Jr\",Ops,{good}\nDee,a,b,{good}\nEd,\"Ops,{good}\n"
    );
    let (roster, team) = team_of(&text);
    assert_eq!(
        roster.entries.iter().map(|e| e.line).collect::<Vec<_>>(),
        vec![2, 6]
    );
    assert_eq!(team.people, 2);
    let problems: Vec<(usize, String)> = roster
        .problems
        .iter()
        .map(|p| (p.line, p.reason.to_string()))
        .collect();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert_eq!(problems[0].0, 4);
    assert!(
        problems[0].1.starts_with("the check character"),
        "{}",
        problems[0].1
    );
    assert_eq!(problems[1].0, 5);
    assert!(
        problems[1]
            .1
            .contains("characters besides spaces and hyphens"),
        "{}",
        problems[1].1
    );
    assert_eq!(
        problems[2],
        (
            7,
            "expected at most 3 fields (name, team, code), got 4".to_string()
        )
    );
    assert_eq!(
        problems[3],
        (
            8,
            "field 2 has an opening quote but no closing one".to_string()
        )
    );
    assert_eq!(roster.problems[0].text, format!("Ann,Sales,{typo}"));
}

#[test]
fn a_long_bad_line_is_quoted_shortened() {
    let line = "é".repeat(500);
    let roster = parse(&line);
    let quoted = &roster.problems[0].text;
    assert_eq!(quoted.chars().count(), 60);
    assert!(quoted.ends_with('…'));
    assert_eq!(parse("short junk").problems[0].text, "short junk");
}

// ---------------------------------------------------------------- CSV input

#[test]
fn quoted_names_may_hold_commas_and_quotes() {
    let a = code(&answers_by(|_, _| 0));
    let text =
        format!("\"Smith, Ann\",\"The \"\"A\"\" team\",{a}\n  \"  Bo  \" , Ops ,  \"{a}\"  \n");
    let roster = parse(&text);
    assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    assert_eq!(roster.entries[0].name.as_deref(), Some("Smith, Ann"));
    assert_eq!(roster.entries[0].team.as_deref(), Some("The \"A\" team"));
    assert_eq!(roster.entries[1].name.as_deref(), Some("Bo"));
    assert_eq!(roster.entries[1].team.as_deref(), Some("Ops"));
    let bad = parse(&format!("\"Ann\"x,Ops,{a}"));
    assert!(
        bad.problems[0]
            .reason
            .to_string()
            .starts_with("field 1 has \"x\" after its closing quote"),
        "{:?}",
        bad.problems
    );
}

#[test]
fn bom_line_endings_and_blank_lines_do_not_matter() {
    let a = code(&answers_by(|_, _| 0));
    let b = code(&answers_by(|_, t| t));
    for text in [
        format!("\u{FEFF}Name,Team,Code\r\nAnn,Sales,{a}\r\n\r\n   \r\nBo,Ops,{b}\r\n"),
        format!("\u{FEFF}Name,Team,Code\rAnn,Sales,{a}\r\r   \rBo,Ops,{b}"),
        format!("Name,Team,Code\nAnn,Sales,{a}\n\n   \nBo,Ops,{b}\n\n"),
    ] {
        let roster = parse(&text);
        assert!(
            roster.problems.is_empty(),
            "{text:?}: {:?}",
            roster.problems
        );
        let lines: Vec<usize> = roster.entries.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 5], "{text:?}");
    }
}

#[test]
fn a_latin_1_file_reads_as_western_european_text() {
    let a = code(&answers_by(|_, _| 0));
    // "Müller;Vertrieb;<code>" and "Núñez" as a spreadsheet saves them in Windows-1252.
    let mut bytes = b"Name;Team;Code\r\nM\xFCller;Vertrieb;".to_vec();
    bytes.extend(a.as_bytes());
    bytes.extend(b"\r\nN\xFA\xF1ez \x80 \x93x\x94;Ventas;");
    bytes.extend(a.as_bytes());
    let (text, encoding) = decode_text(bytes);
    assert_eq!(encoding, Encoding::Windows1252);
    let roster = parse(&text);
    assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    let names: Vec<_> = roster.entries.iter().map(|e| e.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("M\u{fc}ller"),
            Some("N\u{fa}\u{f1}ez \u{20ac} \u{201c}x\u{201d}")
        ]
    );
}

#[test]
fn utf8_files_are_read_strictly_and_utf16_by_its_byte_order_mark() {
    let text =
        "\u{FEFF}Name,Code\nM\u{fc}ller \u{0645}\u{062d}\u{0645}\u{062f} \u{1F600},1-AAAAA-A\n";
    assert_eq!(
        decode_text(text.as_bytes().to_vec()),
        (text.to_string(), Encoding::Utf8)
    );
    assert_eq!(
        decode_text(b"plain ascii".to_vec()),
        ("plain ascii".into(), Encoding::Utf8)
    );
    assert_eq!(decode_text(Vec::new()), (String::new(), Encoding::Utf8));
    let body = &text['\u{FEFF}'.len_utf8()..];
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in body.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    assert_eq!(decode_text(le), (body.to_string(), Encoding::Utf16));
    assert_eq!(decode_text(be), (body.to_string(), Encoding::Utf16));
    // An odd trailing byte and a lone surrogate become U+FFFD, not a failure.
    assert_eq!(
        decode_text(vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, 7]).0,
        "a\u{FFFD}\u{FFFD}"
    );
    // One invalid byte anywhere makes the whole file Windows-1252: no half-and-half text.
    let mut mixed = "Gr\u{fc}\u{df}e ".as_bytes().to_vec();
    mixed.push(0xE9);
    let (text, encoding) = decode_text(mixed.clone());
    assert_eq!(encoding, Encoding::Windows1252);
    assert_eq!(text.chars().count(), mixed.len());
    assert!(text.ends_with('\u{e9}'));
}

#[test]
fn every_byte_is_one_character_in_windows_1252() {
    // 0x80..0xFF alone is never valid UTF-8, so each byte is decoded on its own.
    for byte in 0x80..=0xFFu8 {
        let (text, encoding) = decode_text(vec![byte]);
        assert_eq!(encoding, Encoding::Windows1252, "{byte:#x}");
        assert_eq!(text.chars().count(), 1, "{byte:#x}");
        let c = text.chars().next().unwrap_or_default();
        if byte >= 0xA0 {
            assert_eq!(u32::from(c), u32::from(byte), "Latin-1 above 0x9F");
        } else {
            assert_ne!(c, char::REPLACEMENT_CHARACTER, "{byte:#x}");
        }
    }
    assert_eq!(
        decode_text(vec![0x80, 0x8A, 0x9F]).0,
        "\u{20ac}\u{160}\u{178}"
    );
}

#[test]
fn field_counts_decide_name_team_and_code() {
    let a = code(&answers_by(|_, _| 0));
    let text = format!("{a}\nAnn,{a}\nBo,Sales,{a}\n,Ops,{a}\nCy,,{a}\nDee,Sales,{a},,\n,,\n");
    let roster = parse(&text);
    assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    let got: Vec<(Option<&str>, Option<&str>)> = roster
        .entries
        .iter()
        .map(|e| (e.name.as_deref(), e.team.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (None, None),
            (Some("Ann"), None),
            (Some("Bo"), Some("Sales")),
            (None, Some("Ops")),
            (Some("Cy"), None),
            (Some("Dee"), Some("Sales")),
        ]
    );
}

#[test]
fn semicolons_and_tabs_work_as_separators() {
    let a = code(&answers_by(|_, _| 0));
    let semi = parse(&format!(
        "Name;Team;Code\nMüller, Anna;Sales;{a}\nBo;Ops;{a}\n"
    ));
    assert!(semi.problems.is_empty(), "{:?}", semi.problems);
    assert_eq!(semi.entries[0].name.as_deref(), Some("Müller, Anna"));
    let tab = parse(&format!("Müller, Anna\tSales\t{a}\nBo Li\t\t{a}\n"));
    assert!(tab.problems.is_empty(), "{:?}", tab.problems);
    assert_eq!(tab.entries[1].name.as_deref(), Some("Bo Li"));
    assert_eq!(tab.entries[1].team, None);
}

#[test]
fn header_lines_are_skipped_quietly() {
    let a = code(&answers_by(|_, _| 0));
    for header in [
        "name,team,code",
        "NAME, TEAM, CODE",
        "Code",
        "\"Name\",\"Result code\"",
        "name;result_code",
    ] {
        let roster = parse(&format!("{header}\n{a}\n"));
        assert!(
            roster.problems.is_empty(),
            "{header}: {:?}",
            roster.problems
        );
        assert_eq!(roster.entries.len(), 1, "{header}");
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::new(53);
    let pieces: Vec<String> = vec![
        code(&answers_by(|_, _| 0)),
        "\"".into(),
        "\"\"".into(),
        ",".into(),
        ";".into(),
        "\t".into(),
        "\r".into(),
        "\n".into(),
        "\r\n".into(),
        "\u{FEFF}".into(),
        "code".into(),
        "Ann".into(),
        " ".into(),
        "😀".into(),
    ];
    for round in 0..20_000 {
        let text = if round % 2 == 0 {
            let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            (0..rng.below(40))
                .map(|_| pieces[rng.below(pieces.len())].as_str())
                .collect()
        };
        let roster = parse(&text);
        let team = report(&roster);
        let lines = text.split(['\n', '\r']).count();
        assert!(roster.entries.len() + roster.problems.len() + roster.duplicates.len() <= lines);
        assert_eq!(team.people, roster.entries.len());
        let mut numbers: Vec<usize> = roster.entries.iter().map(|e| e.line).collect();
        numbers.extend(roster.problems.iter().map(|p| p.line));
        numbers.extend(roster.duplicates.iter().map(|d| d.line));
        numbers.sort_unstable();
        assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "each line lands in one list: {text:?}"
        );
    }
}

// ---------------------------------------------------------------- CSV export

/// A small RFC 4180 reader, independent of the crate's, to read the export back.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .chars()
        .peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn the_export_quotes_fields_and_defuses_formulas() {
    let a = code(&answers_by(|_, _| 0));
    let b = code(&answers_by(|_, t| t));
    let text = format!(
        "\"Smith, Ann\",\"The \"\"A\"\" team\",{a}\n=SUM(A1:A9),+Ops,{b}\n-1,@team,{a}\nplain,,{b}\n{a}\n\";=9+9\",Müller\tGroup,{b}\n"
    );
    let (roster, team) = team_of(&text);
    assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    let csv = to_csv(&team);
    assert!(csv.ends_with("\r\n"));
    let rows = read_csv(&csv);
    assert_eq!(rows.len(), team.people + 1);
    assert_eq!(
        rows[0],
        [
            "name",
            "team",
            "perspective",
            "code",
            "level",
            "overall",
            "adoption",
            "access",
            "usage",
            "capability",
            "visibility",
            "biggest_gap"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 12), "{rows:?}");
    for (row, person) in rows[1..].iter().zip(&team.people_rows) {
        let o = &person.outcome;
        assert_eq!(row[2], "self");
        assert_eq!(row[3], person.code.to_string());
        assert_eq!(row[4], o.level.id());
        assert_eq!(row[5], o.overall.to_string());
        assert_eq!(row[6], o.adoption.to_string());
        assert_eq!(row[9], o.scores.capability.to_string());
        let gap = if o.level == Level::Operating {
            ""
        } else {
            o.biggest_gap.dimension.id()
        };
        assert_eq!(row[11], gap);
    }
    let names: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    for expected in [
        ("Smith, Ann", "The \"A\" team"),
        ("'=SUM(A1:A9)", "'+Ops"),
        ("'-1", "'@team"),
        ("plain", ""),
        ("", ""),
        (";=9+9", "Müller\tGroup"),
    ] {
        assert!(names.contains(&expected), "{expected:?} in {names:?}");
    }
    assert!(
        csv.contains("\"Smith, Ann\",\"The \"\"A\"\" team\""),
        "{csv}"
    );
    assert!(
        !csv.lines().any(|l| l.starts_with(['=', '+', '-', '@'])),
        "{csv}"
    );
    // Read as a spreadsheet that splits on semicolons would: no field starts a formula.
    assert!(csv.starts_with('\u{feff}'), "a byte order mark for Excel");
    assert!(csv.contains("\";=9+9\",\"Müller\tGroup\""), "{csv}");
    for line in csv.lines() {
        let mut quoted = false;
        let mut field_start = true;
        for c in line.chars() {
            if field_start && !quoted {
                assert!(
                    !matches!(c, '=' | '+' | '-' | '@'),
                    "a formula starts in {line:?}"
                );
            }
            field_start = false;
            match c {
                '"' => quoted = !quoted,
                ',' | ';' | '\t' if !quoted => field_start = true,
                _ => {}
            }
        }
    }
}

// ---------------------------------------------------------------- scale

#[test]
fn a_hundred_thousand_lines_with_many_duplicates_parse() {
    let mut rng = Rng::new(61);
    let codes: Vec<String> = (0..50).map(|_| code(&random_answers(&mut rng))).collect();
    let text: String = (0..100_000)
        .map(|i| format!("P{},T{},{}\n", i % 1_000, i % 7, codes[i % codes.len()]))
        .collect();
    let (roster, team) = team_of(&text);
    // 1,000 names × 50 codes repeat with period lcm(1000, 50) = 1000: every line after the first
    // thousand repeats an earlier name and code.
    assert_eq!(roster.entries.len(), 1_000);
    assert_eq!(roster.duplicates.len(), 99_000);
    assert_eq!(
        roster.duplicates[0],
        Duplicate {
            line: 1_001,
            first_line: 1
        }
    );
    assert_eq!(team.people, 1_000);
}

#[test]
fn arabic_commas_separate_fields_like_commas_and_may_mix_with_them() {
    let a = code(&answers_by(|_, _| 1));
    let roster = parse(&format!("سارة الأحمد، البحث، {a}\nعمر, {a}\n"));
    assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    let got: Vec<(Option<&str>, Option<&str>)> = roster
        .entries
        .iter()
        .map(|e| (e.name.as_deref(), e.team.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![(Some("سارة الأحمد"), Some("البحث")), (Some("عمر"), None)]
    );
}

// ---------------------------------------------------------------- people and views

/// Answers at the top everywhere except the questions of `weak`, answered lowest.
fn weak_in(weak: Dimension) -> Answers {
    answers_by(|d, top| if d == weak { 0 } else { top })
}

#[test]
fn a_leads_view_of_a_team_is_listed_apart_and_never_ranked_as_a_person() {
    let low = answers_by(|_, _| 0);
    let top = answers_by(|_, t| t);
    let text = format!(
        "Ann, Sales, {}\nLead of Sales, Sales, {}\nBo, Ops, {}\n{}\n",
        code(&low),
        view_code(&top),
        code(&top),
        view_code(&low)
    );
    let (roster, team) = team_of(&text);
    assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    assert_eq!(team.people, 2);
    assert_eq!(team.levels.iter().sum::<usize>(), 2);
    let people: Vec<usize> = team.people_rows.iter().map(|p| p.line).collect();
    assert_eq!(people, [1, 3], "the stuck first, views left out");
    assert!(team
        .people_rows
        .iter()
        .all(|p| p.perspective == Perspective::Person));
    let views: Vec<usize> = team.views.iter().map(|p| p.line).collect();
    assert_eq!(views, [2, 4], "views in line order");
    assert!(team
        .views
        .iter()
        .all(|p| p.perspective == Perspective::Team));
    // The lead's top view of Sales does not lift Sales: only Ann counts there.
    let sales = team
        .teams
        .iter()
        .find(|t| t.name.as_deref() == Some("Sales"));
    assert_eq!(
        sales.map(|t| (t.people, t.scores)),
        Some((1, outcome(&low).scores))
    );
    // Both appear in the CSV, people first, each with its perspective.
    let rows = read_csv(&to_csv(&team));
    let listed: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("Ann", "self"),
            ("Bo", "self"),
            ("Lead of Sales", "team"),
            ("", "team")
        ]
    );
}

#[test]
fn only_views_count_nobody() {
    let text = format!(
        "{}\n{}\n",
        view_code(&answers_by(|_, _| 1)),
        view_code(&answers_by(|_, t| t))
    );
    let (_, team) = team_of(&text);
    assert_eq!(team.people, 0);
    assert_eq!(team.overall, None);
    assert_eq!(team.views.len(), 2);
    assert!(team.teams.is_empty() && team.common_gap.is_none());
}

#[test]
fn each_team_coaches_its_own_gap_and_operating_people_have_none() {
    let top = answers_by(|_, t| t);
    assert_eq!(outcome(&top).level, Level::Operating);
    let unseen = weak_in(Dimension::Visibility);
    let unproven = weak_in(Dimension::Capability);
    assert_eq!(
        outcome(&unseen).biggest_gap.dimension,
        Dimension::Visibility
    );
    assert_eq!(
        outcome(&unproven).biggest_gap.dimension,
        Dimension::Capability
    );
    let text = format!(
        "A1, Sales, {top}\nA2, Sales, {unseen}\nA3, Sales, {unseen}\nA4, Sales, {unproven}\nB1, Ops, {top}\nB2, Ops, {top}\nC1, , {unproven}\n",
        top = code(&top),
        unseen = code(&unseen),
        unproven = code(&unproven)
    );
    let (_, team) = team_of(&text);
    let gap_of = |name: Option<&str>| {
        team.teams
            .iter()
            .find(|t| t.name.as_deref() == name)
            .map(|t| t.gap.map(|g| (g.dimension, g.people, g.of)))
    };
    // Sales: three people are not Operating, two of them are not seen.
    assert_eq!(
        gap_of(Some("Sales")),
        Some(Some((Dimension::Visibility, 2, 3)))
    );
    // Ops: everyone is Operating, so there is no gap, whatever its weakest area.
    assert_eq!(gap_of(Some("Ops")), Some(None));
    assert_eq!(gap_of(None), Some(Some((Dimension::Capability, 1, 1))));
    // The group counts only real gaps: four people below Operating, two with each gap; the tie
    // goes to Capability.
    let group = team.common_gap.expect("a group gap");
    assert_eq!(
        (group.dimension, group.people, group.of),
        (Dimension::Capability, 2, 4)
    );
    let sales = team
        .teams
        .iter()
        .find(|t| t.name.as_deref() == Some("Sales"))
        .unwrap();
    let gap = sales.gap.unwrap();
    assert_eq!(
        gap.steps(),
        steps(Dimension::Visibility, outcome(&unseen).level, None).map(|s| s.msg)
    );
}

#[test]
fn the_team_averages_download_has_everyone_then_each_team() {
    let text = format!(
        "A, Sales, {}\nB, Ops, {}\nC, , {}\n",
        code(&answers_by(|_, _| 0)),
        code(&answers_by(|_, t| t)),
        code(&weak_in(Dimension::Usage))
    );
    let (_, team) = team_of(&text);
    let rows = read_csv(&teams_csv(&team, &named(&team)));
    assert_eq!(rows[0], TEAM_COLUMNS);
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["*", "Ops", "Sales", ""]);
    let ops = &rows[2];
    let ops_row = &team.teams[0];
    assert_eq!(ops[1], "1");
    assert_eq!(ops[2], ops_row.level.id());
    assert_eq!(ops[5], ops_row.scores.capability.to_string());
    assert_eq!(
        (ops[7].as_str(), ops[8].as_str(), ops[9].as_str()),
        ("", "0", "0")
    );
    assert_eq!(
        rows[3][7], "access",
        "Sales: a gap on the way into Adopting"
    );
    assert_eq!(
        csv_name("teams", "2026-12-02"),
        "ai-readiness-teams-2026-12-02.csv"
    );
}

#[test]
fn the_people_table_and_the_csv_have_the_same_columns() {
    let mut rng = Rng::new(5);
    let (text, _) = random_roster_text(&mut rng, 30);
    let (_, team) = team_of(&text);
    let rows = read_csv(&to_csv(&team));
    assert_eq!(rows[0], PeopleColumn::ALL.map(PeopleColumn::id));
    for (row, person) in rows[1..].iter().zip(&team.people_rows) {
        // The CSV row is exactly the fields the table draws, guarded against formulas.
        let fields = person_fields(person);
        for (csv, field) in row.iter().zip(&fields) {
            assert!(
                csv == field || csv.strip_prefix('\'') == Some(field),
                "{csv:?} {field:?}"
            );
        }
    }
}

#[test]
fn columns_sort_as_numbers_levels_and_text() {
    let mut rng = Rng::new(77);
    let (text, _) = random_roster_text(&mut rng, 40);
    let (_, team) = team_of(&text);
    let capability = sort_people(
        &team.people_rows,
        PeopleColumn::Score(Dimension::Capability),
        true,
    );
    assert_eq!(capability.len(), team.people_rows.len());
    assert!(capability
        .windows(2)
        .all(|w| w[0].outcome.scores.capability >= w[1].outcome.scores.capability));
    let levels = sort_people(&team.people_rows, PeopleColumn::Level, false);
    assert!(levels
        .windows(2)
        .all(|w| w[0].outcome.level <= w[1].outcome.level));
    let names = sort_people(&team.people_rows, PeopleColumn::Name, false);
    let lower: Vec<String> = names
        .iter()
        .map(|p| p.name.clone().unwrap_or_default().to_ascii_lowercase())
        .collect();
    let filled: Vec<&String> = lower.iter().filter(|n| !n.is_empty()).collect();
    assert!(filled.windows(2).all(|w| w[0] <= w[1]), "{lower:?}");
    assert!(
        lower
            .iter()
            .skip_while(|n| !n.is_empty())
            .all(|n| n.is_empty()),
        "empty names last"
    );
    // Operating people have no gap: they sort last by gap, in either direction.
    for descending in [false, true] {
        let gaps = sort_people(&team.people_rows, PeopleColumn::BiggestGap, descending);
        assert!(gaps
            .iter()
            .skip_while(|p| p.gap().is_some())
            .all(|p| p.gap().is_none()));
    }
}

// ---------------------------------------------------------------- rounds

#[test]
fn a_round_shows_each_teams_change_per_dimension() {
    let before = format!(
        "A, Sales, {}\nB, Sales, {}\nC, Ops, {}\n",
        code(&answers_by(|_, _| 0)),
        code(&answers_by(|_, _| 1)),
        code(&answers_by(|_, _| 1))
    );
    let (_, first) = team_of(&before);
    let round = Round::of(&first, "2026-11-02").expect("people to mark");
    let after = format!(
        "A, Sales, {}\nB, Sales, {}\nD, Legal, {}\n",
        code(&answers_by(|_, t| t)),
        code(&answers_by(|_, _| 1)),
        code(&answers_by(|_, _| 1))
    );
    let (_, second) = team_of(&after);
    for team in &second.teams {
        let key = RoundKey::Team(team.key());
        let then = first.teams.iter().find(|t| t.key() == team.key());
        let expected = then.map(|then| {
            let (now, was) = (team.scores.to_array(), then.scores.to_array());
            std::array::from_fn(|i| i16::from(now[i]) - i16::from(was[i]))
        });
        assert_eq!(round.change(&key, team.scores), expected, "{:?}", team.name);
    }
    let sales = second.teams.iter().find(|t| t.key() == "sales").unwrap();
    assert!(round
        .change(&RoundKey::Team("sales".into()), sales.scores)
        .unwrap()
        .iter()
        .all(|&d| d > 0));
    assert_eq!(
        round.change(&RoundKey::Team("legal".into()), sales.scores),
        None,
        "new team"
    );
    let all = second.overall.as_ref().unwrap().scores;
    assert!(round.change(&RoundKey::Everyone, all).is_some());
    assert_eq!(Round::of(&team_of("").1, "2026-11-02"), None);
}

#[test]
fn a_kept_list_reads_back_and_other_formats_are_refused() {
    let mut rng = Rng::new(9);
    let (text, _) = random_roster_text(&mut rng, 12);
    let (_, team) = team_of(&text);
    let kept = Kept {
        text: format!("{text}Ann, The round 1 team\nline two\n"),
        rounds: vec![
            Round::of(&team, "2026-10-01").unwrap(),
            Round::of(&team, "2026-11-01").unwrap(),
        ],
    };
    assert_eq!(Kept::decode(&kept.encode()), Ok(kept.clone()));
    let empty = Kept::default();
    assert_eq!(Kept::decode(&empty.encode()), Ok(empty));
    assert_eq!(
        Kept::decode("ai-readiness-team v2\ntext\n"),
        Err(KeptError::Format)
    );
    assert_eq!(Kept::decode(""), Err(KeptError::Format));
    assert_eq!(
        Kept::decode("ai-readiness-team v1\nround x"),
        Err(KeptError::Format)
    );
    assert_eq!(
        Kept::decode("ai-readiness-team v1\nround 2026-01-01\n1 2 3 4 500 *\ntext\n"),
        Err(KeptError::Round { line: 3 })
    );
    assert_eq!(
        Kept::decode("ai-readiness-team v1\n1 2 3 4 5 *\ntext\n"),
        Err(KeptError::Round { line: 2 })
    );
}

#[test]
fn the_visitors_own_code_joins_the_list_once() {
    assert_eq!(with_code("", "S-1"), "S-1\n");
    assert_eq!(with_code("Ann, S-2\n\n", "S-1"), "Ann, S-2\nS-1\n");
    assert_eq!(with_code("Ann, S-1\n", "S-1"), "Ann, S-1\n");
}

/// What a named view shows: everything.
fn named(report: &TeamReport) -> Disclosure {
    Disclosure::of(report, TeamPrivacy::Named, 5)
}

// ---------------------------------------------------------------- privacy (`teamPrivacy`)

/// A roster of `sizes[i]` people in team `T{i}`, each with a name.
fn teams_of_sizes(sizes: &[usize]) -> String {
    let mut rng = Rng::new(sizes.iter().sum::<usize>() as u64 + 3);
    let mut text = String::new();
    for (i, &n) in sizes.iter().enumerate() {
        for p in 0..n {
            text.push_str(&format!(
                "Person {i}-{p}, T{i}, {}\n",
                code(&random_answers(&mut rng))
            ));
        }
    }
    text
}

#[test]
fn a_named_view_shows_every_team_whatever_its_size() {
    let (_, team) = team_of(&teams_of_sizes(&[1, 2, 7]));
    let shown = named(&team);
    assert!(shown.named && shown.everyone);
    assert_eq!(shown.teams, [true, true, true]);
}

#[test]
fn an_aggregate_view_hides_teams_below_the_minimum_group_size() {
    // T0 has 4 people, T1 5, T2 9: with the default of 5, only T0 is too small, and on its own
    // it could be worked out from everyone's figures, so the smallest shown team joins it.
    let (_, team) = team_of(&teams_of_sizes(&[4, 5, 9]));
    let shown = Disclosure::of(&team, TeamPrivacy::Aggregate, 5);
    assert!(!shown.named);
    assert!(shown.everyone);
    assert_eq!(shown.teams, [false, false, true]);
    // Two small teams that together reach the minimum hide nobody else.
    let (_, team) = team_of(&teams_of_sizes(&[3, 2, 6, 7]));
    let shown = Disclosure::of(&team, TeamPrivacy::Aggregate, 5);
    assert_eq!(shown.teams, [false, false, true, true]);
    // A lower minimum shows more.
    let shown = Disclosure::of(&team, TeamPrivacy::Aggregate, 2);
    assert_eq!(shown.teams, [true, true, true, true]);
}

#[test]
fn hidden_teams_always_hold_at_least_the_minimum_together_or_nobody() {
    let mut rng = Rng::new(71);
    for _ in 0..300 {
        let sizes: Vec<usize> = (0..1 + rng.below(5)).map(|_| 1 + rng.below(9)).collect();
        let min = 2 + rng.below(8) as u8;
        let (_, team) = team_of(&teams_of_sizes(&sizes));
        let shown = Disclosure::of(&team, TeamPrivacy::Aggregate, min);
        let min = usize::from(min);
        let hidden: usize = team
            .teams
            .iter()
            .zip(&shown.teams)
            .filter(|(_, s)| !**s)
            .map(|(t, _)| t.people)
            .sum();
        for (t, s) in team.teams.iter().zip(&shown.teams) {
            assert!(
                !*s || t.people >= min,
                "{sizes:?} min {min}: a small team shown"
            );
        }
        // Everyone minus the shown teams is the hidden ones: never a group below the minimum.
        if shown.everyone {
            assert!(
                hidden == 0 || hidden >= min,
                "{sizes:?} min {min}: {hidden} hidden"
            );
        }
        assert_eq!(shown.everyone, team.people >= min, "{sizes:?} min {min}");
    }
}

#[test]
fn everyone_is_hidden_too_when_the_whole_list_is_below_the_minimum() {
    let (_, team) = team_of(&teams_of_sizes(&[2, 2]));
    let shown = Disclosure::of(&team, TeamPrivacy::Aggregate, 5);
    assert!(!shown.everyone);
    assert_eq!(shown.teams, [false, false]);
    let rows = read_csv(&teams_csv(&team, &shown));
    for row in &rows[1..] {
        assert!(
            row[2..].iter().all(String::is_empty),
            "a hidden group shows only its name and head count: {row:?}"
        );
    }
    assert_eq!(rows[1][..2], ["*", "4"]);
}

#[test]
fn the_aggregate_download_names_nobody_and_leaves_hidden_teams_blank() {
    let (_, team) = team_of(&teams_of_sizes(&[3, 6, 8]));
    let shown = Disclosure::of(&team, TeamPrivacy::Aggregate, 5);
    let csv = teams_csv(&team, &shown);
    assert!(!csv.contains("Person"), "{csv}");
    let rows = read_csv(&csv);
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["*", "T0", "T1", "T2"]);
    // T0 (3) is too small; T1 (6) is hidden with it, or T0 would be everyone minus T1 and T2.
    assert_eq!(rows[2][1], "3");
    assert!(rows[2][2..].iter().all(String::is_empty), "{:?}", rows[2]);
    assert!(rows[3][2..].iter().all(String::is_empty), "{:?}", rows[3]);
    assert_eq!(rows[4][2], team.teams[2].level.id());
    assert_eq!(
        rows[1][2],
        team.overall.as_ref().expect("people").level.id()
    );
    // The named view's download of the same list has every team's scores.
    let rows = read_csv(&teams_csv(&team, &named(&team)));
    assert!(rows[1..].iter().all(|r| !r[2].is_empty()));
}

#[test]
fn privacy_settings_read_as_written() {
    assert_eq!(TeamPrivacy::from_id("named"), Some(TeamPrivacy::Named));
    assert_eq!(
        TeamPrivacy::from_id("aggregate"),
        Some(TeamPrivacy::Aggregate)
    );
    assert_eq!(TeamPrivacy::from_id("anonymous"), None);
    for p in [TeamPrivacy::Named, TeamPrivacy::Aggregate] {
        assert_eq!(TeamPrivacy::from_id(p.id()), Some(p));
    }
    assert_eq!(TeamPrivacy::default(), TeamPrivacy::Named);
}

// ---------------------------------------------------------------- wording

#[test]
fn one_person_or_all_of_them_is_never_counted_as_one_of_one() {
    let t = Catalog::english();
    for n in 1..=4 {
        let text: String = (0..n)
            .map(|i| format!("P{i}, Ops, {}\n", code(&weak_in(Dimension::Visibility))))
            .collect();
        let (_, team) = team_of(&text);
        let gap = team.common_gap.expect("not Operating");
        assert_eq!((gap.people, gap.of), (n, n));
        let said = common_gap_why(&t, &gap);
        let steps = coaching_said(&t, &team.teams[0].coaching());
        for sentence in [&said, &steps] {
            assert!(!sentence.contains(" of the "), "{sentence}");
            assert!(
                sentence.starts_with("Visibility is the biggest gap for"),
                "{sentence}"
            );
        }
        match n {
            1 => assert!(said.contains("the one person"), "{said}"),
            _ => assert!(
                said.contains(&format!("everyone who is not yet Operating ({n} people)")),
                "{said}"
            ),
        }
    }
    // Some of them: "2 of the 3".
    let text = format!(
        "A, Ops, {}\nB, Ops, {}\nC, Ops, {}\n",
        code(&weak_in(Dimension::Visibility)),
        code(&weak_in(Dimension::Visibility)),
        code(&weak_in(Dimension::Usage))
    );
    let (_, team) = team_of(&text);
    let gap = team.common_gap.expect("not Operating");
    let said = common_gap_why(&t, &gap);
    assert!(said.contains("for 2 of the 3 people"), "{said}");
}

#[test]
fn a_team_with_every_average_robust_names_no_weakest_area() {
    let t = Catalog::english();
    let best = answers_by(|_, top| top);
    let o = outcome(&best);
    assert!(
        o.biggest_gap.is_robust(),
        "the top answers are robust everywhere"
    );
    let text = format!("A, Ops, {}\nB, Ops, {}\n", code(&best), code(&best));
    let (_, team) = team_of(&text);
    let row = &team.teams[0];
    assert_eq!(row.gap, None);
    assert_eq!(row.coaching(), Coaching::Keep);
    let said = coaching_said(&t, &row.coaching());
    assert!(!said.contains("weakest"), "{said}");
    assert!(said.contains(&ROBUST.to_string()), "{said}");
    assert_eq!(
        row.coaching().steps(),
        ai_readiness::core::plan::KEEP.map(|s| s.msg),
        "the steps keep the level, as a single robust result's plan does"
    );
    for d in Dimension::ALL {
        let named = ai_readiness::core::text::dimension_name(&t, d);
        assert!(!said.contains(named), "{said} names {named}");
    }
}

#[test]
fn an_operating_team_below_robust_still_works_on_its_weakest_area() {
    let mut rng = Rng::new(29);
    let mut found = false;
    for _ in 0..4000 {
        let answers = random_answers(&mut rng);
        let o = outcome(&answers);
        if o.level != Level::Operating || o.biggest_gap.is_robust() {
            continue;
        }
        let (_, team) = team_of(&format!("A, Ops, {}\n", code(&answers)));
        assert_eq!(
            team.teams[0].coaching(),
            Coaching::Weakest(o.biggest_gap.dimension)
        );
        found = true;
        break;
    }
    assert!(found, "an Operating result below robust exists");
}

#[test]
fn people_without_any_team_are_one_group_not_two() {
    let (_, team) = team_of(&format!(
        "{}\nAda, , {}\n",
        code(&answers_by(|_, _| 0)),
        code(&answers_by(|_, t| t))
    ));
    assert_eq!(team.teams.len(), 1);
    assert!(
        !team.has_teams(),
        "only people without a team: no row beside everyone's"
    );
    let (_, team) = team_of(&format!(
        "Ada, Ops, {}\nBob, , {}\n",
        code(&answers_by(|_, _| 0)),
        code(&answers_by(|_, t| t))
    ));
    assert!(team.has_teams());
}

#[test]
fn invisible_characters_and_full_width_signs_cannot_smuggle_a_formula() {
    for field in [
        "=1+1",
        "\u{ff1d}1+1",
        "\u{ff0b}1",
        "\u{ff0d}1",
        "\u{ff20}SUM(A1)",
        "\u{200b}=1+1",
        "\u{feff}+1",
        "\u{200b}\u{feff}-1",
        "\u{2060}@SUM(A1)",
        "\u{200e}=1",
        "\u{202e}=1",
        "\u{ad}=1",
        " =1",
        "\u{a0}=1",
        "\u{3000}\u{ff1d}1",
        "\t=1",
        "\r=1",
    ] {
        assert!(starts_formula(field), "{field:?} starts a formula");
    }
    for field in ["Ada", "1-2", "a=b", "\u{200b}Ada", "", "\u{feff}"] {
        assert!(!starts_formula(field), "{field:?} is no formula");
    }
    let a = code(&answers_by(|_, _| 0));
    let text = format!("\u{200b}=HYPERLINK(\"x\"),\u{ff1d}1+1,{a}\n");
    let (_, team) = team_of(&text);
    let rows = read_csv(&to_csv(&team));
    assert_eq!(rows[1][0], "'\u{200b}=HYPERLINK(\"x\")");
    assert_eq!(rows[1][1], "'\u{ff1d}1+1");
}

// ---------------------------------------------------------------- the view's state

/// The team view's state with `n` people in two teams pasted, nothing kept.
fn view_of(n: usize) -> TeamState {
    let mut rng = Rng::new(7);
    let text: String = (0..n)
        .map(|i| {
            let team = ["Ops", "Sales"][i % 2];
            format!("Person {i}, {team}, {}\n", code(&random_answers(&mut rng)))
        })
        .collect();
    TeamState::new(Settled::read(text.into()), Keeping::default())
}

/// `state` after each of `actions` in turn; an action that changes nothing leaves it as it was.
fn after(state: TeamState, actions: Vec<TeamAction>) -> TeamState {
    actions
        .into_iter()
        .fold(state, |s, a| s.apply(a).unwrap_or(s))
}

#[test]
fn a_view_starts_on_the_first_page_of_its_list() {
    let state = view_of(120);
    let people = state.people();
    assert_eq!((people.rows.len(), people.pages, people.at), (120, 3, 0));
    assert_eq!(
        (people.skip, people.take, people.windowed),
        (0, PAGE, false)
    );
    assert_eq!(people.spans(), (0, 0, 0));
}

#[test]
fn sorting_by_a_column_twice_reverses_it_and_goes_back_to_the_first_page() {
    let level = PeopleColumn::Level;
    let state = after(
        view_of(120),
        vec![TeamAction::Page(2), TeamAction::SortBy(level)],
    );
    assert_eq!(
        (state.sort.column, state.sort.descending, state.page),
        (Some(level), false, 0)
    );
    let state = after(state, vec![TeamAction::Page(1), TeamAction::SortBy(level)]);
    assert_eq!((state.sort.descending, state.page), (true, 0));
    let state = after(state, vec![TeamAction::SortBy(level)]);
    assert!(!state.sort.descending);
    let overall = after(state, vec![TeamAction::SortBy(PeopleColumn::Overall)]);
    assert_eq!(overall.sort.column, Some(PeopleColumn::Overall));
    assert!(!overall.sort.descending, "a new column starts ascending");
}

#[test]
fn the_sorted_table_is_the_sorted_people() {
    let state = after(view_of(80), vec![TeamAction::SortBy(PeopleColumn::Overall)]);
    let expected = sort_people(&state.list.report.people_rows, PeopleColumn::Overall, false);
    let lines = |rows: &[&ai_readiness::core::team::PersonRow]| {
        rows.iter().map(|p| p.line).collect::<Vec<_>>()
    };
    assert_eq!(lines(&state.people().rows), lines(&expected));
}

#[test]
fn narrowing_to_a_team_shows_only_its_people_from_the_first_page() {
    let state = after(view_of(120), vec![TeamAction::Page(2)]);
    let key = state.list.report.teams[0].key();
    let state = after(state, vec![TeamAction::Filter(Some(key.clone()))]);
    assert_eq!(state.page, 0);
    let rows = state.people().rows;
    assert_eq!(rows.len(), 60);
    assert!(rows
        .iter()
        .all(|p| p.team.as_deref() == state.list.report.teams[0].name.as_deref()));
    let everyone = after(state, vec![TeamAction::Filter(None)]);
    assert_eq!(everyone.people().rows.len(), 120);
}

#[test]
fn a_page_past_the_end_shows_the_last_one() {
    let state = after(view_of(120), vec![TeamAction::Page(9)]);
    let people = state.people();
    assert_eq!((people.at, people.skip), (2, 2 * PAGE));
}

#[test]
fn everyone_at_once_draws_a_window_that_follows_the_scroll() {
    let state = after(
        view_of(1000),
        vec![TeamAction::ToggleAll, TeamAction::Measured(20.0)],
    );
    assert_eq!(state.people().spans(), (0, WINDOW, 1000 - WINDOW));
    // 100 rows down: the window starts 15 rows above, on a step of 15.
    let state = after(state, vec![TeamAction::Scrolled(2000.0)]);
    assert_eq!(state.first, 75);
    assert_eq!(state.people().spans(), (75, WINDOW, 1000 - 75 - WINDOW));
    // Scrolling within the same step changes nothing, so nothing renders again.
    assert!(state.apply(TeamAction::Scrolled(2010.0)).is_none());
    assert!(state.apply(TeamAction::Measured(20.0)).is_none());
    // At the very end the window holds what is left.
    let end = after(state, vec![TeamAction::Scrolled(1_000_000.0)]);
    assert_eq!(end.people().spans(), (1000, 0, 0));
}

#[test]
fn printing_draws_every_row_and_then_the_page_again() {
    let state = after(
        view_of(120),
        vec![TeamAction::Page(1), TeamAction::Printing(true)],
    );
    let people = state.people();
    assert_eq!((people.skip, people.take.min(people.rows.len())), (0, 120));
    assert!(!people.windowed);
    assert!(state.apply(TeamAction::Printing(true)).is_none());
    let state = after(state, vec![TeamAction::Printing(false)]);
    assert_eq!(state.people().skip, PAGE);
    // Printing everyone at once draws every row too, without spacers.
    let all = after(
        state,
        vec![TeamAction::ToggleAll, TeamAction::Printing(true)],
    );
    assert_eq!(all.people().spans(), (0, 0, 0));
}

#[test]
fn a_file_read_goes_back_to_the_first_page_and_a_failure_keeps_the_page() {
    let note = FileError::Western {
        name: "team.csv".to_string(),
    };
    let state = after(view_of(120), vec![TeamAction::Page(2)]);
    let failed = after(state.clone(), vec![TeamAction::FileFailed(note.clone())]);
    assert_eq!((failed.page, failed.file_note.as_ref()), (2, Some(&note)));
    let read = after(failed, vec![TeamAction::FileRead(None)]);
    assert_eq!((read.page, read.file_note), (0, None));
}

#[test]
fn typing_goes_back_to_the_first_page_and_a_box_that_holds_the_text_is_left_alone() {
    let state = after(
        view_of(120),
        vec![TeamAction::Page(2), TeamAction::Typed("a".into())],
    );
    assert_eq!((state.page, &*state.boxed), (0, "a"));
    assert!(state.apply(TeamAction::Boxed("a".into())).is_none());
    assert_eq!(
        &*after(state, vec![TeamAction::Boxed("b".into())]).boxed,
        "b"
    );
}

#[test]
fn a_read_list_replaces_the_one_shown_and_ends_the_reading() {
    let state = after(view_of(10), vec![TeamAction::Reading(4_000, 100_000)]);
    assert_eq!(state.reading, Some((4_000, 100_000)));
    let list = Rc::new(Settled::read("".into()));
    let state = after(state, vec![TeamAction::Read(list.clone())]);
    assert!(Rc::ptr_eq(&state.list, &list));
    assert_eq!(state.reading, None);
}

#[test]
fn keeping_marks_rounds_and_forgetting_drops_them() {
    let state = view_of(20);
    let round = Round::of(&state.list.report, "2026-01-01").expect("a round of people");
    let state = after(
        state,
        vec![
            TeamAction::Keep(true),
            TeamAction::Mark(round.clone()),
            TeamAction::Mark(round),
        ],
    );
    assert!(state.keeping.on);
    assert_eq!(state.keeping.rounds.len(), 2);
    let off = after(state.clone(), vec![TeamAction::Keep(false)]);
    assert_eq!((off.keeping.on, off.keeping.rounds.len()), (false, 2));
    assert_eq!(
        after(state, vec![TeamAction::Forget]).keeping,
        Keeping::default()
    );
}

#[test]
fn a_kept_list_says_when_only_memory_keeps_it_and_settles_once_read_back() {
    let back = Keeping {
        on: true,
        back: Some("Ann, Ops, x".into()),
        ..Keeping::default()
    };
    let state = TeamState::new(Settled::read("".into()), back);
    let kept = state
        .apply(TeamAction::Kept { in_memory: false })
        .expect("read back");
    assert_eq!(kept.keeping.back, None);
    // Written again with nothing new to say: nothing changes, nothing renders.
    assert!(kept.apply(TeamAction::Kept { in_memory: false }).is_none());
    let memory = after(kept, vec![TeamAction::Kept { in_memory: true }]);
    assert!(memory.keeping.in_memory);
}
