//! The vocabulary of the assessment: dimensions, levels, perspectives, steps and answers.

use serde::Serialize;

/// One of the four things the assessment measures. Only `Access` is about seats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// Do people have AI tools that fit the work they actually do?
    Access,
    /// Do they use those tools on real tasks, week after week?
    Usage,
    /// Can they produce measurably better work with AI than without?
    Capability,
    /// Can leaders see where it works and where it doesn't?
    Visibility,
}

impl Dimension {
    /// All dimensions in display order.
    pub const ALL: [Dimension; 4] = [
        Dimension::Access,
        Dimension::Usage,
        Dimension::Capability,
        Dimension::Visibility,
    ];

    /// The stable lowercase id used in data attributes and event details.
    pub fn id(self) -> &'static str {
        match self {
            Dimension::Access => "access",
            Dimension::Usage => "usage",
            Dimension::Capability => "capability",
            Dimension::Visibility => "visibility",
        }
    }

    /// Position in [`Dimension::ALL`], for indexing per-dimension arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Readiness level, lowest first, so `Ord` follows maturity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A few enthusiasts try AI on their own; no shared practice.
    Experimenting,
    /// Tools are rolled out, results are uneven, nobody can prove the difference.
    Adopting,
    /// AI is part of how the work gets done, and leaders can see it.
    Operating,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 3] = [Level::Experimenting, Level::Adopting, Level::Operating];

    /// The stable lowercase id used in `data-level` and event details.
    pub fn id(self) -> &'static str {
        match self {
            Level::Experimenting => "experimenting",
            Level::Adopting => "adopting",
            Level::Operating => "operating",
        }
    }

    /// The level above this one, if any.
    pub fn next(self) -> Option<Level> {
        match self {
            Level::Experimenting => Some(Level::Adopting),
            Level::Adopting => Some(Level::Operating),
            Level::Operating => None,
        }
    }
}

/// Whose work the questions ask about. The scoring is the same in both; what differs is who
/// answers, and so what a result code says: a lead's view of a team, or one person's own work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Perspective {
    /// A lead about their team (`"team"`): an opinion of a team, never a person's own result.
    #[default]
    Team,
    /// A person about their own work (`"self"`).
    #[serde(rename = "self")]
    Person,
}

impl Perspective {
    /// The stable id used in configuration, events and the CSV: `team` or `self`.
    pub fn id(self) -> &'static str {
        match self {
            Perspective::Team => "team",
            Perspective::Person => "self",
        }
    }

    /// The perspective with this id.
    pub fn from_id(id: &str) -> Option<Perspective> {
        match id {
            "team" => Some(Perspective::Team),
            "self" => Some(Perspective::Person),
            _ => None,
        }
    }
}

/// Where the visitor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The intro screen with the Start button.
    Intro,
    /// Question `n` (0-based) of the bank.
    Question(usize),
    /// The result screen.
    Result,
}

/// A full set of answers: for each question of the bank, the chosen option index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers(pub Vec<u8>);

impl Answers {
    /// The option index chosen for question `i`.
    pub fn get(&self, i: usize) -> u8 {
        self.0[i]
    }
}
