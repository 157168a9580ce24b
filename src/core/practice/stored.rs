//! The practice log as the browser keeps it: versioned text that any tab can merge into without
//! losing another tab's entries, read back without ever panicking (a line that cannot be used is
//! dropped with its reason), and exported as CSV for a spreadsheet.
//!
//! ## Format
//!
//! The first line names the format, `ai-readiness practice log v1`. Then one record a line,
//! fields separated by tabs:
//!
//! - `e`, id, date (`YYYY-MM-DD`), role, task (`t:<task id>` or `o:<own task>`), gap, minutes
//!   without, minutes with, quality (`worse`, `same`, `better`), again (`yes`, `no`), note: an
//!   entry;
//! - `d`, id: an entry deleted, remembered so that merging a tab that still has it does not
//!   bring it back.
//!
//! In the own task and the note, `\` is written `\\`, a tab `\t`, a line break `\n` and a
//! carriage return `\r`.

use std::collections::BTreeSet;

use crate::core::csv::push_row;
use crate::core::lead::steers;
use crate::core::model::Dimension;

use super::card::OwnTask;
use super::log::{is_entry_id, Day, Entry, Quality, TaskRef, MAX_MINUTES, MAX_NOTE};
use super::roles::role;
use super::texts::PracticeTexts;

/// The first line of a stored log of this version.
pub const LOG_HEADER: &str = "ai-readiness practice log v1";

/// The columns of [`Log::to_csv`], in order.
pub const LOG_COLUMNS: [&str; 8] = [
    "date",
    "role",
    "task",
    "minutes_without",
    "minutes_with",
    "quality",
    "again",
    "note",
];

/// A person's practice log: the entries, newest first, and the ids of deleted ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Log {
    entries: Vec<Entry>,
    deleted: BTreeSet<String>,
}

/// Why stored text, or one line of it, was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredProblem {
    /// The first line is not [`LOG_HEADER`]: another format or version, or damage; nothing of
    /// the text is used.
    UnknownFormat {
        /// The first line as found, shortened.
        found: String,
    },
    /// A line that is not a record this version can use.
    BadLine {
        /// Line number, from 1.
        line: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl std::fmt::Display for StoredProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoredProblem::UnknownFormat { found } => write!(
                f,
                "the practice log is not in a format this widget reads (it starts with \"{found}\"); it was not used"
            ),
            StoredProblem::BadLine { line, reason } => {
                write!(f, "line {line} of the practice log was dropped: {reason}")
            }
        }
    }
}

impl std::error::Error for StoredProblem {}

impl Log {
    /// An empty log.
    pub fn new() -> Log {
        Log::default()
    }

    /// The entries, newest first (by day, then by id).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Adds an entry; `false` (and nothing changes) when an entry with its id is already in the
    /// log or was deleted from it.
    pub fn add(&mut self, entry: Entry) -> bool {
        let added = self.insert(entry);
        if added {
            self.sort();
        }
        added
    }

    /// [`Log::add`] without putting the entries in order, for adding many at once.
    fn insert(&mut self, entry: Entry) -> bool {
        if self.deleted.contains(&entry.id) || self.entries.iter().any(|e| e.id == entry.id) {
            return false;
        }
        self.entries.push(entry);
        true
    }

    /// Deletes the entry with `id`; `false` when there is none.
    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.id != id);
        let found = self.entries.len() != before;
        if found {
            self.deleted.insert(id.to_string());
        }
        found
    }

    /// Deletes every entry.
    pub fn clear(&mut self) {
        for entry in self.entries.drain(..) {
            self.deleted.insert(entry.id);
        }
    }

    /// Both logs in one: every entry of either that neither deleted. Another tab's entries are
    /// never lost, and an entry deleted in one tab stays deleted.
    pub fn merge(&self, other: &Log) -> Log {
        let deleted: BTreeSet<String> = self.deleted.union(&other.deleted).cloned().collect();
        let mut merged = Log {
            entries: Vec::new(),
            deleted,
        };
        for entry in self.entries.iter().chain(&other.entries) {
            merged.insert(entry.clone());
        }
        merged.sort();
        merged
    }

    fn sort(&mut self) {
        self.entries
            .sort_by(|a, b| (b.day, &b.id).cmp(&(a.day, &a.id)));
    }

    /// The log as stored text (see the module docs).
    pub fn to_text(&self) -> String {
        let mut out = String::from(LOG_HEADER);
        out.push('\n');
        // Oldest first, so a log that only grows changes only at its end.
        for e in self.entries.iter().rev() {
            let task = match &e.task {
                TaskRef::Listed(id) => format!("t:{id}"),
                TaskRef::Own(own) => format!("o:{}", escape(own.as_str())),
            };
            let fields = [
                "e".to_string(),
                e.id.clone(),
                e.day.to_iso(),
                e.role.clone(),
                task,
                e.gap.id().to_string(),
                e.minutes_without.to_string(),
                e.minutes_with.to_string(),
                e.quality.id().to_string(),
                if e.again { "yes" } else { "no" }.to_string(),
                escape(&e.note),
            ];
            out.push_str(&fields.join("\t"));
            out.push('\n');
        }
        for id in &self.deleted {
            out.push_str("d\t");
            out.push_str(id);
            out.push('\n');
        }
        out
    }

    /// Reads stored text. Never panics: a text of another format gives an empty log, a line
    /// that cannot be used is dropped; each with its reason, for a console warning.
    pub fn parse(text: &str) -> (Log, Vec<StoredProblem>) {
        let mut log = Log::new();
        let mut problems = Vec::new();
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        if first.trim_end() != LOG_HEADER {
            let found: String = first.chars().take(40).collect();
            problems.push(StoredProblem::UnknownFormat { found });
            return (log, problems);
        }
        let mut entries = Vec::new();
        for (i, line) in lines.enumerate() {
            let number = i + 2;
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let record = match fields.as_slice() {
                ["d", id] if is_entry_id(id) => {
                    log.deleted.insert(id.to_string());
                    Ok(())
                }
                ["d", ..] => Err("not a deleted entry's id"),
                ["e", rest @ ..] => read_entry(rest).map(|entry| entries.push((number, entry))),
                _ => Err("not a record"),
            };
            if let Err(reason) = record {
                problems.push(StoredProblem::BadLine {
                    line: number,
                    reason,
                });
            }
        }
        for (number, entry) in entries {
            let id = entry.id.clone();
            if !log.insert(entry) && !log.deleted.contains(&id) {
                problems.push(StoredProblem::BadLine {
                    line: number,
                    reason: "an entry id appears twice",
                });
            }
        }
        log.sort();
        (log, problems)
    }

    /// The entries as CSV, newest first: a header row of [`LOG_COLUMNS`], the role and task as
    /// `texts` names them (an own task as typed), quoting and the guard against spreadsheet
    /// formulas as in the team CSVs; a byte order mark first, so Excel reads accents right.
    pub fn to_csv(&self, texts: &PracticeTexts) -> String {
        let mut out = String::from("\u{feff}");
        push_row(&mut out, LOG_COLUMNS.iter().map(ToString::to_string));
        for e in &self.entries {
            let known = role(&e.role);
            let role_name = known
                .and_then(|r| texts.get(&r.name_key()))
                .unwrap_or(&e.role)
                .to_string();
            let task = match &e.task {
                TaskRef::Own(own) => own.as_str().to_string(),
                TaskRef::Listed(id) => known
                    .and_then(|r| Some(r.task_key(r.task(id)?, None)))
                    .and_then(|key| texts.get(&key))
                    .unwrap_or(id)
                    .to_string(),
            };
            let fields = [
                e.day.to_iso(),
                role_name,
                task,
                e.minutes_without.to_string(),
                e.minutes_with.to_string(),
                e.quality.id().to_string(),
                if e.again { "yes" } else { "no" }.to_string(),
                e.note.clone(),
            ];
            push_row(&mut out, fields.into_iter());
        }
        out
    }
}

/// One stored entry's fields after the `e`.
fn read_entry(fields: &[&str]) -> Result<Entry, &'static str> {
    let [id, date, role_id, task, gap, without, with, quality, again, note] = fields else {
        return Err("an entry has ten fields");
    };
    if !is_entry_id(id) {
        return Err("not an entry id");
    }
    let day = Day::from_iso(date).ok_or("not a date")?;
    let role = role(role_id).ok_or("not a role")?;
    let task = if let Some(task_id) = task.strip_prefix("t:") {
        role.task(task_id).ok_or("not a task of the role")?;
        TaskRef::Listed(task_id.to_string())
    } else if let Some(own) = task.strip_prefix("o:") {
        TaskRef::Own(OwnTask::new(&unescape(own)?).map_err(|_| "not an own task")?)
    } else {
        return Err("not a task");
    };
    let gap = Dimension::ALL
        .into_iter()
        .find(|d| d.id() == *gap)
        .ok_or("not a gap")?;
    let minutes = |text: &str, least: u16| {
        text.parse::<u16>()
            .ok()
            .filter(|m| (least..=MAX_MINUTES).contains(m) && !text.starts_with('+'))
    };
    let minutes_without = minutes(without, 0).ok_or("minutes without out of range")?;
    let minutes_with = minutes(with, 1).ok_or("minutes with out of range")?;
    let quality = Quality::from_id(quality).ok_or("not a quality")?;
    let again = match *again {
        "yes" => true,
        "no" => false,
        _ => return Err("again is neither yes nor no"),
    };
    let note = unescape(note)?;
    if note.chars().count() > MAX_NOTE
        || note
            .chars()
            .any(|c| steers(c) && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err("not a note");
    }
    Ok(Entry {
        id: id.to_string(),
        day,
        role: role.id.to_string(),
        task,
        gap,
        minutes_without,
        minutes_with,
        quality,
        again,
        note,
    })
}

/// A field as stored: `\` `\\`, a tab `\t`, a line break `\n`, a carriage return `\r`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The field [`escape`] wrote; an escape it never writes is damage.
fn unescape(text: &str) -> Result<String, &'static str> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next() {
            Some('\\') => '\\',
            Some('t') => '\t',
            Some('n') => '\n',
            Some('r') => '\r',
            _ => return Err("a broken escape"),
        });
    }
    Ok(out)
}
