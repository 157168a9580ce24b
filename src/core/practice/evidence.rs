//! The evidence a practice log adds up to: how many tasks, the median time saved, how many came
//! out better, and the streak of weeks; as numbers a script can read and as one sentence.

use super::log::{round_div, Day, Entry, Quality};
use super::texts::{MissingText, PracticeTexts};

/// What a person's practice shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// How many entries.
    pub entries: u32,
    /// The median percentage of time saved over the entries with both times, rounded half away
    /// from zero; negative when AI made them slower; `None` when no entry has both.
    pub median_saved: Option<i32>,
    /// How many entries came out better than without AI.
    pub better: u32,
    /// Consecutive calendar weeks (Monday to Sunday) with at least one entry, counted back from
    /// this week; a streak is still alive in a week without an entry yet, counted from the week
    /// before. Entries dated after today do not count.
    pub streak_weeks: u32,
}

/// The evidence of `entries` on `today`.
pub fn evidence(entries: &[Entry], today: Day) -> Evidence {
    let mut saved: Vec<i32> = entries.iter().filter_map(Entry::saved_percent).collect();
    saved.sort_unstable();
    let middle = saved.len() / 2;
    let median_saved = match saved.len() {
        0 => None,
        n if n % 2 == 1 => saved.get(middle).copied(),
        _ => {
            let low = saved.get(middle - 1).copied().unwrap_or_default();
            let high = saved.get(middle).copied().unwrap_or_default();
            Some(round_div(i64::from(low) + i64::from(high), 2) as i32)
        }
    };
    let mut weeks: Vec<i32> = entries
        .iter()
        .filter(|e| e.day <= today)
        .map(|e| e.day.week())
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    let this_week = today.week();
    let mut week = if weeks.binary_search(&this_week).is_ok() {
        this_week
    } else {
        this_week - 1
    };
    let mut streak_weeks = 0;
    while weeks.binary_search(&week).is_ok() {
        streak_weeks += 1;
        week -= 1;
    }
    Evidence {
        entries: count(entries.len()),
        median_saved,
        better: count(
            entries
                .iter()
                .filter(|e| e.quality == Quality::Better)
                .count(),
        ),
        streak_weeks,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The evidence in one sentence of the catalog's language: "4 tasks, median 30% faster, better
/// quality in 3 of 4"; without a median, its part is left out; with no entries, a sentence
/// saying so.
pub fn summary(evidence: &Evidence, texts: &PracticeTexts) -> Result<String, MissingText> {
    if evidence.entries == 0 {
        return texts.text("evidence.none").map(str::to_string);
    }
    let lang = texts.lang;
    let tasks = texts.count("evidence.tasks", u64::from(evidence.entries), &[])?;
    let total = lang.number(i64::from(evidence.entries));
    let better = texts.count(
        "evidence.better",
        u64::from(evidence.better),
        &[("total", &total)],
    )?;
    match evidence.median_saved {
        None => texts.fill(
            "evidence.without_median",
            &[("tasks", &tasks), ("better", &better)],
        ),
        Some(saved) => {
            let percent = lang.percent(i64::from(saved).abs());
            let median = match saved {
                0 => texts.text("evidence.even")?.to_string(),
                s if s > 0 => texts.fill("evidence.faster", &[("percent", &percent)])?,
                _ => texts.fill("evidence.slower", &[("percent", &percent)])?,
            };
            texts.fill(
                "evidence.with_median",
                &[("tasks", &tasks), ("median", &median), ("better", &better)],
            )
        }
    }
}
