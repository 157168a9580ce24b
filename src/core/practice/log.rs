//! One practice entry: what a person did with a card and how it went, as typed into the log
//! form and as checked, with one message per field that cannot be used.

use crate::core::lead::{invisible, steers};
use crate::core::model::Dimension;

use super::card::{OwnTask, OWN_TASK};
use super::roles::role;

/// The most minutes an entry can have either way: one day.
pub const MAX_MINUTES: u16 = 1440;

/// The longest note, in characters.
pub const MAX_NOTE: usize = 500;

/// A calendar day, counted from 1970-01-01 (day 0). Written as an ISO date, `2026-12-08`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day(pub i32);

impl Day {
    /// Reads `YYYY-MM-DD` (years 1970 to 9999), refusing dates that do not exist.
    pub fn from_iso(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<i32> {
            let digits = text.get(range)?;
            digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse().ok())
                .flatten()
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if year < 1970 || day < 1 || day > days_in_month {
            return None;
        }
        Some(Day(days_from_civil(year, month, day)))
    }

    /// The ISO date, `2026-12-08`.
    pub fn to_iso(self) -> String {
        let (year, month, day) = civil_from_days(self.0);
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// The calendar week the day falls in, weeks starting on Monday, counted from the week of
    /// Monday 1969-12-29 (week 0). Consecutive weeks have consecutive numbers, across years too.
    pub fn week(self) -> i32 {
        // 1970-01-01 was a Thursday: three days after a Monday.
        (self.0 + 3).div_euclid(7)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: i32, day: i32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count (the inverse of [`days_from_civil`]).
fn civil_from_days(days: i32) -> (i32, i32, i32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// How the result compared with doing it without AI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quality {
    /// Worse than without.
    Worse,
    /// About the same.
    Same,
    /// Better than without.
    Better,
}

impl Quality {
    /// Every rating, worst first.
    pub const ALL: [Quality; 3] = [Quality::Worse, Quality::Same, Quality::Better];

    /// The value the form sends and the stored log and the CSV hold.
    pub fn id(self) -> &'static str {
        match self {
            Quality::Worse => "worse",
            Quality::Same => "same",
            Quality::Better => "better",
        }
    }

    /// The rating with this id.
    pub fn from_id(id: &str) -> Option<Quality> {
        Quality::ALL.into_iter().find(|q| q.id() == id)
    }
}

/// The task an entry was about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TaskRef {
    /// One of the role's tasks, by id.
    Listed(String),
    /// The visitor's own task, as typed.
    Own(OwnTask),
}

/// One logged practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Unique among every tab's entries, so logs from two tabs can be merged (see
    /// [`entry_id`]).
    pub id: String,
    /// The day the task was done.
    pub day: Day,
    /// The role's id.
    pub role: String,
    /// The task.
    pub task: TaskRef,
    /// The gap the card was for.
    pub gap: Dimension,
    /// The estimate of the minutes the task takes without AI; 0 when the person cannot say
    /// (the entry then has no saving and stays out of the median).
    pub minutes_without: u16,
    /// The minutes it took with AI, from 1 to [`MAX_MINUTES`].
    pub minutes_with: u16,
    /// How the result compared.
    pub quality: Quality,
    /// Whether they would do it this way again.
    pub again: bool,
    /// The optional note, at most [`MAX_NOTE`] characters; line breaks allowed.
    pub note: String,
}

impl Entry {
    /// The percentage of time saved, rounded half away from zero: negative when it took longer
    /// with AI; `None` without an estimate (never a division by zero).
    pub fn saved_percent(&self) -> Option<i32> {
        let without = i64::from(self.minutes_without);
        if without == 0 {
            return None;
        }
        let gained = 100 * (without - i64::from(self.minutes_with));
        Some(round_div(gained, without) as i32)
    }
}

/// `n / d` rounded half away from zero, for `d > 0`.
pub(crate) fn round_div(n: i64, d: i64) -> i64 {
    let half = d / 2;
    if n >= 0 {
        (n + half) / d
    } else {
        -((-n + half) / d)
    }
}

/// A new entry id from the time in milliseconds and a random number the browser gives: lower
/// case letters and digits, `lq3x9k2a-1f0c3e`.
pub fn entry_id(millis: u64, random: u32) -> String {
    format!("{}-{}", base36(millis), base36(u64::from(random)))
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        let d = (n % 36) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// Whether `id` has the shape of an entry id: 1 to 40 lower case letters, digits and hyphens.
pub fn is_entry_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A field of the log form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryField {
    /// The day (the UI fills in today).
    Date,
    /// `select[name="role"]`.
    Role,
    /// `input[name="task"]`.
    Task,
    /// `ownTask`, the visitor's own task.
    OwnTask,
    /// The gap the card was for (the UI fills it in).
    Gap,
    /// `minutesWithout`.
    MinutesWithout,
    /// `minutesWith`.
    MinutesWith,
    /// `quality`.
    Quality,
    /// `again`.
    Again,
    /// `note`.
    Note,
}

impl EntryField {
    /// Every field, in form order.
    pub const ALL: [EntryField; 10] = [
        EntryField::Date,
        EntryField::Role,
        EntryField::Task,
        EntryField::OwnTask,
        EntryField::Gap,
        EntryField::MinutesWithout,
        EntryField::MinutesWith,
        EntryField::Quality,
        EntryField::Again,
        EntryField::Note,
    ];

    /// The input's `name`.
    pub fn id(self) -> &'static str {
        match self {
            EntryField::Date => "date",
            EntryField::Role => "role",
            EntryField::Task => "task",
            EntryField::OwnTask => "ownTask",
            EntryField::Gap => "gap",
            EntryField::MinutesWithout => "minutesWithout",
            EntryField::MinutesWith => "minutesWith",
            EntryField::Quality => "quality",
            EntryField::Again => "again",
            EntryField::Note => "note",
        }
    }
}

/// A problem with one field: the field and the key of the practice text that explains it.
pub type EntryProblem = (EntryField, &'static str);

/// What the visitor typed and picked, as typed; the UI keeps it, so nothing is lost when a
/// field is refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryInput {
    /// Today, `YYYY-MM-DD`.
    pub date: String,
    /// The role's id.
    pub role: String,
    /// A task id of the role, or [`OWN_TASK`].
    pub task: String,
    /// The own task's text (read when `task` is [`OWN_TASK`]).
    pub own_task: String,
    /// The gap's dimension id.
    pub gap: String,
    /// Minutes without AI, as typed.
    pub minutes_without: String,
    /// Minutes with AI, as typed.
    pub minutes_with: String,
    /// `worse`, `same` or `better`.
    pub quality: String,
    /// `yes` or `no`.
    pub again: String,
    /// The note, as typed.
    pub note: String,
}

/// Checks the form: the entry with `id`, or every problem at once, in form order.
pub fn check(input: &EntryInput, id: &str) -> Result<Entry, Vec<EntryProblem>> {
    let mut problems = Vec::new();
    let day = Day::from_iso(input.date.trim());
    if day.is_none() {
        problems.push((EntryField::Date, "log.error.date"));
    }
    let role = role(input.role.trim());
    if role.is_none() {
        problems.push((EntryField::Role, "log.error.role"));
    }
    let task = match input.task.trim() {
        OWN_TASK => match OwnTask::new(&input.own_task) {
            Ok(own) => Some(TaskRef::Own(own)),
            Err(key) => {
                problems.push((EntryField::OwnTask, key));
                None
            }
        },
        id => match role.and_then(|r| r.task(id)) {
            Some(task) => Some(TaskRef::Listed(task.id.to_string())),
            None => {
                // Without a role there is no list to pick from: that is the role's problem.
                if role.is_some() {
                    problems.push((EntryField::Task, "log.error.task"));
                }
                None
            }
        },
    };
    let gap = Dimension::ALL
        .into_iter()
        .find(|d| d.id() == input.gap.trim());
    if gap.is_none() {
        problems.push((EntryField::Gap, "log.error.gap"));
    }
    let minutes_without = minutes(&input.minutes_without, 0);
    if minutes_without.is_none() {
        problems.push((EntryField::MinutesWithout, "log.error.without"));
    }
    let minutes_with = minutes(&input.minutes_with, 1);
    if minutes_with.is_none() {
        problems.push((EntryField::MinutesWith, "log.error.with"));
    }
    let quality = Quality::from_id(input.quality.trim());
    if quality.is_none() {
        problems.push((EntryField::Quality, "log.error.quality"));
    }
    let again = match input.again.trim() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    if again.is_none() {
        problems.push((EntryField::Again, "log.error.again"));
    }
    let note = input.note.trim();
    if note.chars().count() > MAX_NOTE {
        problems.push((EntryField::Note, "log.error.note_long"));
    } else if unusable_note(note) {
        problems.push((EntryField::Note, "log.error.hidden"));
    }
    match (
        day,
        role,
        task,
        gap,
        minutes_without,
        minutes_with,
        quality,
        again,
    ) {
        (
            Some(day),
            Some(role),
            Some(task),
            Some(gap),
            Some(without),
            Some(with),
            Some(quality),
            Some(again),
        ) if problems.is_empty() => Ok(Entry {
            id: id.to_string(),
            day,
            role: role.id.to_string(),
            task,
            gap,
            minutes_without: without,
            minutes_with: with,
            quality,
            again,
            note: note.replace("\r\n", "\n"),
        }),
        _ => Err(problems),
    }
}

/// A note that steers how text is shown (line breaks and tabs are text here), or that is
/// nothing but invisible characters.
fn unusable_note(note: &str) -> bool {
    let steering = note
        .chars()
        .any(|c| steers(c) && !matches!(c, '\n' | '\r' | '\t'));
    let unseen = !note.is_empty() && !note.chars().any(|c| !c.is_whitespace() && !invisible(c));
    steering || unseen
}

/// Whole minutes from `least` to [`MAX_MINUTES`], as typed (spaces around allowed).
fn minutes(typed: &str, least: u16) -> Option<u16> {
    let typed = typed.trim();
    if typed.is_empty() || typed.len() > 5 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    typed
        .parse::<u16>()
        .ok()
        .filter(|m| (least..=MAX_MINUTES).contains(m))
}
