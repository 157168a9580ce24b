//! Next steps: for each dimension at each level, concrete actions tied to the team's real work.
//!
//! The advice follows why people stall: no path from login to their real work, no help at the
//! first bad result, and nobody seeing who is stuck. The first ninety days decide the habit.

use super::model::{Dimension, Level};
use super::scoring::Outcome;

/// Actions for improving `dimension` at `level`, most urgent first.
pub fn steps(dimension: Dimension, level: Level) -> &'static [&'static str] {
    use Dimension::*;
    use Level::*;
    match (dimension, level) {
        (Access, Experimenting) => &[
            "List the five tasks each role spends most time on, and pick a tool that helps with at least two of them.",
            "Write one page on which data may go into AI and which may not, with three real examples from your team.",
            "Give the tool to a first group who have a concrete task waiting for it, not to whoever asks first.",
        ],
        (Access, Adopting) => &[
            "Ask each team which task the current tool fails at, and close that gap before buying more seats.",
            "Bring AI into the tools people already work in, so nobody has to switch windows to use it.",
            "Turn the data rules into a checklist people can apply in ten seconds while they work.",
        ],
        (Access, Operating) => &[
            "Review once a quarter whether each role still has the right tool for how its work has changed.",
            "Retire seats nobody used for a month and move them to teams with a waiting task.",
        ],
        (Usage, Experimenting) => &[
            "Pick one recurring task per team, such as a weekly report, and agree to try AI on it every week for a month.",
            "Name one person per team whom colleagues can ask the moment a result looks wrong.",
            "Check in after two weeks: who used it on real work, and where did they stop?",
        ],
        (Usage, Adopting) => &[
            "Write down the two or three workflows where AI already works and make them the team's default.",
            "When someone gets a poor first result, have a colleague sit with them on that same task within the week.",
            "Track weekly use on real tasks for each new user through their first ninety days.",
        ],
        (Usage, Operating) => &[
            "Add AI steps to the written procedures of every workflow where they proved useful.",
            "Ask new joiners to shadow a strong user during their first week.",
        ],
        (Capability, Experimenting) => &[
            "Take one task, do it with and without AI, and compare time and quality side by side.",
            "Collect prompts and examples that worked on your own tasks in one shared place.",
        ],
        (Capability, Adopting) => &[
            "Replace generic courses with short coaching sessions on each person's own work.",
            "Measure two or three tasks before and after AI, so better results are shown, not claimed.",
            "Pair people who get good results with those who gave up after a bad first try.",
        ],
        (Capability, Operating) => &[
            "Re-measure the key tasks each quarter and retire practices that stopped paying off.",
            "Let your strongest users coach other teams on those teams' own tasks.",
        ],
        (Visibility, Experimenting) => &[
            "Decide what a better result looks like for one task before anyone measures usage.",
            "Ask each team lead for a monthly two-line note: where AI helped, where it failed.",
        ],
        (Visibility, Adopting) => &[
            "Stop reporting logins as success; report results per team instead: time saved, quality, rework.",
            "Review every new user at thirty, sixty and ninety days to spot who is stuck while there is still time.",
            "Give leaders one view of use and results by team, and act on the weakest team first.",
        ],
        (Visibility, Operating) => &[
            "Share the team-by-team picture openly, so teams learn from each other's results.",
            "Set an alert when a team's use or results drop, and follow up within a week.",
        ],
    }
}

/// A short plan for one result: the biggest gap's steps, then one step for the next weakest area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The dimension to work on first.
    pub focus: Dimension,
    /// Its steps.
    pub steps: &'static [&'static str],
    /// One further step for the second weakest dimension, when there is one worth naming.
    pub then: Option<(Dimension, &'static str)>,
}

/// Builds the plan for an outcome.
pub fn plan(outcome: &Outcome) -> Plan {
    let focus = outcome.biggest_gap.dimension;
    let then = Dimension::ALL
        .iter()
        .copied()
        .filter(|&d| d != focus && outcome.scores.get(d) < 100)
        .min_by_key(|&d| outcome.scores.get(d))
        .and_then(|d| steps(d, outcome.level).first().map(|s| (d, *s)));
    Plan { focus, steps: steps(focus, outcome.level), then }
}
