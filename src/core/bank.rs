//! The question bank: twelve questions, three per dimension, as data in one place.
//!
//! Changing a question's meaning or its options changes what a stored answer means, so any such
//! change must bump [`QUESTION_SET`] (and add a row to the code formats). Changing how answers
//! are scored bumps [`MODEL_VERSION`] only: stored answers keep their meaning, so result codes
//! and saved progress stay readable and are simply scored by today's rules. The first-person
//! texts of the self perspective are twins of these (see [`QUESTIONS`]): changing one changes the
//! other.

use super::i18n::Msg;
use super::model::Dimension;

/// Version of the question bank: what a stored answer means. Result codes and saved progress
/// carry it.
pub const QUESTION_SET: &str = "1";

/// Version of the scoring model (bank and rules); travels with every result. Version 2 made
/// adoption the mean of Usage and Capability (Visibility apart) and every level a set of floors.
pub const MODEL_VERSION: &str = "2";
const _: () = assert!(!MODEL_VERSION.is_empty(), "results must name their model");

/// One question of the bank. Options run from least to most mature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id, used in events and result codes (`access.fit`).
    pub id: &'static str,
    /// The dimension this question feeds.
    pub dimension: Dimension,
    /// The question as the visitor reads it.
    pub prompt: Msg,
    /// Answer options, least mature first.
    pub options: &'static [Msg],
}

impl Question {
    /// Points for the option at `index`: spread evenly from 0 to 100, rounded half up to whole
    /// points (0, 33, 67, 100 for four options), so the working shown adds up exactly.
    pub fn points(&self, index: u8) -> u8 {
        let top = self.options.len().saturating_sub(1).max(1) as u32;
        let index = u32::from(index).min(top);
        ((index * 200 + top) / (2 * top)) as u8
    }
}

/// The questions in the order they are asked, as a lead reads them about their team.
///
/// The self perspective asks the same twelve questions about the visitor's own work: every
/// prompt and option key has a first-person twin `self.<key>` in the catalogs (the English ones
/// load on demand with the self voice, see [`super::i18n::Catalog::in_own_voice`]). Twins keep the
/// question's dimension, options and their order, so both perspectives score alike.
pub const QUESTIONS: [Question; 12] = [
    Question {
        id: "access.fit",
        dimension: Dimension::Access,
        prompt: Msg::QAccessFit,
        options: &[
            Msg::QAccessFit1,
            Msg::QAccessFit2,
            Msg::QAccessFit3,
            Msg::QAccessFit4,
            Msg::QAccessFit5,
        ],
    },
    Question {
        id: "access.guidance",
        dimension: Dimension::Access,
        prompt: Msg::QAccessGuidance,
        options: &[
            Msg::QAccessGuidance1,
            Msg::QAccessGuidance2,
            Msg::QAccessGuidance3,
            Msg::QAccessGuidance4,
        ],
    },
    Question {
        id: "access.reach",
        dimension: Dimension::Access,
        prompt: Msg::QAccessReach,
        options: &[
            Msg::QAccessReach1,
            Msg::QAccessReach2,
            Msg::QAccessReach3,
            Msg::QAccessReach4,
        ],
    },
    Question {
        id: "usage.weekly",
        dimension: Dimension::Usage,
        prompt: Msg::QUsageWeekly,
        options: &[
            Msg::QUsageWeekly1,
            Msg::QUsageWeekly2,
            Msg::QUsageWeekly3,
            Msg::QUsageWeekly4,
            Msg::QUsageWeekly5,
        ],
    },
    Question {
        id: "usage.workflows",
        dimension: Dimension::Usage,
        prompt: Msg::QUsageWorkflows,
        options: &[
            Msg::QUsageWorkflows1,
            Msg::QUsageWorkflows2,
            Msg::QUsageWorkflows3,
            Msg::QUsageWorkflows4,
        ],
    },
    Question {
        id: "usage.setback",
        dimension: Dimension::Usage,
        prompt: Msg::QUsageSetback,
        options: &[
            Msg::QUsageSetback1,
            Msg::QUsageSetback2,
            Msg::QUsageSetback3,
            Msg::QUsageSetback4,
        ],
    },
    Question {
        id: "capability.better",
        dimension: Dimension::Capability,
        prompt: Msg::QCapabilityBetter,
        options: &[
            Msg::QCapabilityBetter1,
            Msg::QCapabilityBetter2,
            Msg::QCapabilityBetter3,
            Msg::QCapabilityBetter4,
        ],
    },
    Question {
        id: "capability.knowhow",
        dimension: Dimension::Capability,
        prompt: Msg::QCapabilityKnowhow,
        options: &[
            Msg::QCapabilityKnowhow1,
            Msg::QCapabilityKnowhow2,
            Msg::QCapabilityKnowhow3,
            Msg::QCapabilityKnowhow4,
        ],
    },
    Question {
        id: "capability.coaching",
        dimension: Dimension::Capability,
        prompt: Msg::QCapabilityCoaching,
        options: &[
            Msg::QCapabilityCoaching1,
            Msg::QCapabilityCoaching2,
            Msg::QCapabilityCoaching3,
            Msg::QCapabilityCoaching4,
        ],
    },
    Question {
        id: "visibility.leaders",
        dimension: Dimension::Visibility,
        prompt: Msg::QVisibilityLeaders,
        options: &[
            Msg::QVisibilityLeaders1,
            Msg::QVisibilityLeaders2,
            Msg::QVisibilityLeaders3,
            Msg::QVisibilityLeaders4,
        ],
    },
    Question {
        id: "visibility.measures",
        dimension: Dimension::Visibility,
        prompt: Msg::QVisibilityMeasures,
        options: &[
            Msg::QVisibilityMeasures1,
            Msg::QVisibilityMeasures2,
            Msg::QVisibilityMeasures3,
            Msg::QVisibilityMeasures4,
        ],
    },
    Question {
        id: "visibility.stuck",
        dimension: Dimension::Visibility,
        prompt: Msg::QVisibilityStuck,
        options: &[
            Msg::QVisibilityStuck1,
            Msg::QVisibilityStuck2,
            Msg::QVisibilityStuck3,
            Msg::QVisibilityStuck4,
        ],
    },
];

/// How many words a visitor reads across all questions and options, in `catalog`.
pub fn word_count(catalog: &super::i18n::Catalog) -> usize {
    QUESTIONS
        .iter()
        .flat_map(|q| std::iter::once(q.prompt).chain(q.options.iter().copied()))
        .map(|msg| catalog.get(msg).split_whitespace().count())
        .sum()
}
