use super::columns::{person_fields, PeopleColumn};
use super::report::{Disclosure, TeamReport};
use crate::core::csv::push_row;
pub use crate::core::csv::starts_formula;

/// The columns of [`teams_csv`], in order.
pub const TEAM_COLUMNS: [&str; 10] = [
    "team",
    "people",
    "level",
    "access",
    "usage",
    "capability",
    "visibility",
    "biggest_gap",
    "gap_people",
    "not_operating",
];

/// The report as CSV: a header row of [`PeopleColumn::ALL`], then one row per person in
/// `people_rows` order, then the leads' views of their teams (perspective `team`).
///
/// The file starts with a UTF-8 byte order mark, so Excel reads names such as Müller right.
/// Fields with a comma, semicolon, tab, quote or line break are quoted, quotes doubled (RFC
/// 4180, `\r\n` line ends): a spreadsheet that splits on semicolons (German and French Excel)
/// then keeps `;=9+9` whole. A field whose first visible character is `=`, `+`, `-` or `@` (or
/// their full-width forms, also behind white space or invisible characters such as U+200B or
/// U+FEFF), or that starts with a tab or carriage return, gets a leading `'`, so a spreadsheet
/// does not run a pasted name as a formula ([`starts_formula`]).
pub fn to_csv(report: &TeamReport) -> String {
    let mut out = String::from("\u{feff}");
    push_row(
        &mut out,
        PeopleColumn::ALL.iter().map(|c| c.id().to_string()),
    );
    for row in report.people_rows.iter().chain(&report.views) {
        push_row(&mut out, person_fields(row).into_iter());
    }
    out
}

/// The team averages as CSV, a header row of [`TEAM_COLUMNS`], then everyone (team `*`) and
/// each team (empty for people without one); quoting as in [`to_csv`]. A group `shown` hides
/// keeps its name and head count, and its other fields stay empty.
pub fn teams_csv(report: &TeamReport, shown: &Disclosure) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, TEAM_COLUMNS.iter().map(ToString::to_string));
    let Some(all) = &report.overall else {
        return out;
    };
    let everyone = (
        "*".to_string(),
        report.people,
        shown.everyone,
        all.scores,
        all.level,
        report.common_gap,
    );
    let teams = report.teams.iter().enumerate().map(|(i, t)| {
        let name = t.name.clone().unwrap_or_default();
        (name, t.people, shown.team(i), t.scores, t.level, t.gap)
    });
    for (name, people, visible, scores, level, gap) in std::iter::once(everyone).chain(teams) {
        let [a, u, c, v] = scores.to_array();
        let mut fields = [
            name,
            people.to_string(),
            level.id().to_string(),
            a.to_string(),
            u.to_string(),
            c.to_string(),
            v.to_string(),
            gap.map(|g| g.dimension.id())
                .unwrap_or_default()
                .to_string(),
            gap.map_or(0, |g| g.people).to_string(),
            gap.map_or(0, |g| g.of).to_string(),
        ];
        if !visible {
            for field in fields.iter_mut().skip(2) {
                field.clear();
            }
        }
        push_row(&mut out, fields.into_iter());
    }
    out
}

/// The download's file name for `what` (`people` or `teams`) on `date` (`YYYY-MM-DD`).
pub fn csv_name(what: &str, date: &str) -> String {
    format!("ai-readiness-{what}-{date}.csv")
}
