//! The words the widget shows outside the question bank and the plan.

use super::model::{Dimension, Level};
use super::scoring::{BiggestGap, Outcome};

/// Default title on the intro screen.
pub const TITLE: &str = "How ready is your team for AI?";
/// Default one-line promise on the intro screen.
pub const INTRO: &str =
    "Twelve quick questions about your team show whether your AI seats turned into better work, and what to do next.";
/// How long it takes, shown on the intro.
pub const DURATION: &str = "About 2 minutes · nothing leaves this page";

/// The display name of a dimension.
pub fn dimension_name(d: Dimension) -> &'static str {
    match d {
        Dimension::Access => "Access",
        Dimension::Usage => "Usage",
        Dimension::Capability => "Capability",
        Dimension::Visibility => "Visibility",
    }
}

/// The display name of a level.
pub fn level_name(l: Level) -> &'static str {
    match l {
        Level::Experimenting => "Experimenting",
        Level::Adopting => "Adopting",
        Level::Operating => "Operating",
    }
}

/// What a level looks like in practice.
pub fn level_meaning(l: Level) -> &'static str {
    match l {
        Level::Experimenting => {
            "A few enthusiasts try AI on their own. There is no shared practice yet, so what they learn stays with them."
        }
        Level::Adopting => {
            "The tools are rolled out, but results are uneven and nobody can prove the difference. Most companies are here."
        }
        Level::Operating => {
            "AI is part of how the work gets done, and leaders can see where it pays off and where it doesn't."
        }
    }
}

/// Why a weak dimension matters, in one clause.
fn why_it_matters(d: Dimension) -> &'static str {
    match d {
        Dimension::Access => "without tools that fit their actual tasks, people have nothing to build a habit on",
        Dimension::Usage => "a seat that is not used on real work every week never becomes a habit",
        Dimension::Capability => {
            "until people can show better work with AI than without, the seats stay a cost, not an advantage"
        }
        Dimension::Visibility => "if leaders cannot see who is stuck, the people who most need help quietly give up",
    }
}

/// One sentence saying why the biggest gap holds the level back.
pub fn gap_reason(gap: &BiggestGap) -> String {
    let name = dimension_name(gap.dimension);
    let why = why_it_matters(gap.dimension);
    match gap.toward {
        Some(next) if gap.target < 100 => format!(
            "{name} is at {}, {} points below the {} a team at {} typically shows: {why}.",
            gap.score,
            gap.target - gap.score,
            gap.target,
            level_name(next)
        ),
        Some(next) => format!(
            "{name} at {} has the most room to grow, and raising it lifts you toward {} fastest: {why}.",
            gap.score,
            level_name(next)
        ),
        None => format!("{name} at {} is your weakest area, even at the top level: {why}.", gap.score),
    }
}

/// One sentence about the distance between seats and adoption.
pub fn adoption_gap_sentence(outcome: &Outcome) -> String {
    let gap = outcome.adoption_gap;
    if gap >= 15 {
        format!("Access runs {gap} points ahead of adoption: people have the tools, but the results have not followed yet.")
    } else if gap <= -15 {
        format!("Adoption runs {} points ahead of access: your people get results despite the tools, so better-fitting tools would pay off quickly.", -gap)
    } else {
        "Access and adoption move together: the tools you bought are turning into use and results.".to_string()
    }
}

/// One sentence on how the level moved since the previous result.
pub fn level_change(previous: Level, now: Level) -> String {
    let (was, is) = (level_name(previous), level_name(now));
    match now.cmp(&previous) {
        std::cmp::Ordering::Greater => format!("Up from {was} to {is}."),
        std::cmp::Ordering::Less => format!("Down from {was} to {is}."),
        std::cmp::Ordering::Equal => format!("Still {is}."),
    }
}

/// A signed change in points: `+12`, `−5` (with a real minus sign), `±0`.
pub fn signed(delta: i16) -> String {
    match delta {
        d if d > 0 => format!("+{d}"),
        d if d < 0 => format!("\u{2212}{}", -d),
        _ => "±0".to_string(),
    }
}

/// The result in one sentence, for screen readers: level and the four scores.
pub fn result_sentence(outcome: &Outcome) -> String {
    let s = outcome.scores;
    format!(
        "Your readiness level is {}. Access {}, Usage {}, Capability {}, Visibility {}, overall {}.",
        level_name(outcome.level),
        s.access,
        s.usage,
        s.capability,
        s.visibility,
        outcome.overall
    )
}

/// Labels and button texts.
pub mod ui {
    /// Progress as read out: "Question 4 of 12".
    pub fn question_of(position: usize, total: usize) -> String {
        format!("Question {position} of {total}")
    }

    /// Start button on the intro.
    pub const START: &str = "Start";
    /// Next button.
    pub const NEXT: &str = "Next";
    /// Back button.
    pub const BACK: &str = "Back";
    /// Last question's next button.
    pub const SEE_RESULT: &str = "See my result";
    /// Retake button on the result.
    pub const RETAKE: &str = "Retake";
    /// Hint shown when Next is pressed without an answer.
    pub const PICK_ONE: &str = "Pick the answer that fits best to continue.";
    /// Heading above the score chart.
    pub const SCORES: &str = "Your four dimensions";
    /// Explains the dashed line in the chart; the floor value follows.
    pub const CHART_NOTE: &str = "Dashed line: what Operating asks of Usage, Capability and Visibility,";
    /// Heading above the biggest gap.
    pub const BIGGEST_GAP: &str = "Your biggest gap";
    /// Heading above the plan.
    pub const NEXT_STEPS: &str = "What to do next";
    /// Prefix of the readiness level.
    pub const LEVEL_PREFIX: &str = "Your readiness level";
    /// Accessible name of the three-level ladder.
    pub const LEVELS: &str = "Readiness levels, lowest first";
    /// Label of the overall score.
    pub const OVERALL: &str = "Overall";
    /// Heading of the access vs adoption figure.
    pub const ADOPTION_GAP: &str = "Access vs adoption";
    /// Shown under the questions when progress cannot be saved.
    pub const STORAGE_NOTE: &str =
        "This browser does not let the page save your progress, so it lasts until you close the page.";
    /// Label above the result code.
    pub const YOUR_CODE: &str = "Your result code";
    /// Explains what the code is for.
    pub const CODE_HELP: &str =
        "Send it to your team lead: it carries your answers, nothing else, and opens in the team view.";
    /// Copy the code.
    pub const COPY_CODE: &str = "Copy code";
    /// Copy the share link.
    pub const COPY_LINK: &str = "Copy link";
    /// Said after a successful copy.
    pub const COPIED: &str = "Copied";
    /// Said when the browser refused to copy.
    pub const COPY_FAILED: &str = "Could not copy here: select the code and copy it by hand.";
    /// Heading over a result opened from a share link.
    pub const SHARED_HEADING: &str = "A shared result";
    /// Explains the shared view.
    pub const SHARED_NOTE: &str = "Someone shared this result with you. It is read-only.";
    /// Leaves the shared result.
    pub const TAKE_IT: &str = "Take it yourself";
    /// Shown on the intro when a share link's code could not be read; the reason follows.
    pub const BAD_LINK: &str = "The result in this link could not be opened:";
    /// Heading of the changes since the previous result.
    pub const SINCE_LAST: &str = "Since your last result";
    /// Title of the notice shown when the widget crashed.
    pub const CRASHED_TITLE: &str = "Sorry, the assessment stopped working";
    /// Shown when the widget crashed.
    pub const CRASHED: &str = "Reload the page to try again. Nothing else on this page is affected.";
    /// Title of the notice shown in place of a misconfigured widget.
    pub const CONFIG_PROBLEM: &str = "The AI readiness widget could not start";
}

/// Words of the team view.
pub mod team {
    use super::{dimension_name, level_name};
    use crate::core::model::{Dimension, Level};

    /// Heading.
    pub const TITLE: &str = "Your team's AI readiness";
    /// What to do here.
    pub const LEAD: &str =
        "Ask your people to take the assessment and send you their result code. Paste the codes here to see the team picture.";
    /// Privacy promise, shown on screen.
    pub const PRIVATE: &str =
        "Everything stays in this browser: the codes and names you paste are not sent anywhere.";
    /// Label of the paste box.
    pub const PASTE_LABEL: &str = "Result codes: one per line, or lines of Name, Team, Code";
    /// Example in the empty paste box.
    pub const PLACEHOLDER: &str = "1-7KD3Q-W\nAda Lovelace, Research, 1-0M4TB-S";
    /// Label of the file picker.
    pub const FILE_LABEL: &str = "or choose a .csv or .txt file (you can also drop it on the box)";
    /// No valid line yet.
    pub const NONE_VALID: &str = "No valid result code yet. Each line needs a code like 1-7KD3Q-W.";
    /// Count label.
    pub const PEOPLE: &str = "People";
    /// Caption of the averages table.
    pub const AVERAGES: &str = "Average score per dimension, for everyone and per team";
    /// Column header.
    pub const TEAM: &str = "Team";
    /// Column header.
    pub const LEVEL: &str = "Level";
    /// Row for the whole group.
    pub const EVERYONE: &str = "Everyone";
    /// Row for people given without a team.
    pub const NO_TEAM: &str = "No team given";
    /// Heading of the most common gap.
    pub const COMMON_GAP: &str = "Most common biggest gap";
    /// Heading of the people table.
    pub const PEOPLE_HEADING: &str = "People, those who are stuck first";
    /// Column header.
    pub const NAME: &str = "Name";
    /// Column header.
    pub const GAP: &str = "Biggest gap";
    /// Column header.
    pub const ADOPTION: &str = "Adoption";
    /// Column header.
    pub const CODE: &str = "Code";
    /// Word before a line number.
    pub const LINE: &str = "Line";
    /// Word before a page number.
    pub const PAGE: &str = "Page";
    /// Pager buttons.
    pub const PREV: &str = "Previous";
    /// Pager buttons.
    pub const NEXT: &str = "Next";
    /// Export button.
    pub const EXPORT: &str = "Download CSV";
    /// Shows every person at once, e.g. before printing.
    pub const SHOW_ALL: &str = "Show everyone (for printing)";
    /// Back to pages.
    pub const SHOW_PAGES: &str = "Show fifty per page";
    /// Back to the assessment.
    pub const BACK: &str = "Back to the assessment";
    /// Opens the team view from a result.
    pub const OPEN: &str = "Open the team view";

    /// One sentence on the whole group.
    pub fn group_sentence(people: usize, level: Level, gap: i16) -> String {
        let who = if people == 1 { "1 person".to_string() } else { format!("{people} people") };
        let gap_text = match gap {
            g if g > 0 => format!("access runs {g} points ahead of adoption"),
            g if g < 0 => format!("adoption runs {} points ahead of access", -g),
            _ => "access and adoption are level".to_string(),
        };
        format!("Taken together, {who} are {}, and {gap_text}.", level_name(level))
    }

    /// Why the most common gap matters for this group.
    pub fn common_gap_sentence(dimension: Dimension, count: usize, people: usize) -> String {
        format!(
            "{} is the biggest gap for {count} of {people}. Start there: these steps fit the group's level.",
            dimension_name(dimension)
        )
    }

    /// A duplicate line.
    pub fn duplicate_sentence(line: usize, first: usize) -> String {
        format!("Line {line} repeats line {first} and is counted once.")
    }

    /// The rest of a long problem list.
    pub fn more_problems(count: usize) -> String {
        format!("…and {count} more. Fix the lines above first; the rest are often the same mistake.")
    }

    /// Heading of the problem list.
    pub fn problems_heading(count: usize) -> String {
        if count == 1 {
            "1 line did not count".to_string()
        } else {
            format!("{count} lines did not count")
        }
    }
}
