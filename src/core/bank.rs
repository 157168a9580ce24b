//! The question bank: twelve questions, three per dimension, as data in one place.
//!
//! Changing a question's meaning or its options changes what a stored answer means, so any such
//! change must bump [`MODEL_VERSION`].

use super::model::{Dimension, Question};

/// Version of the question bank and scoring model; travels with every result.
pub const MODEL_VERSION: &str = "1";

/// The questions in the order they are asked.
pub const QUESTIONS: [Question; 12] = [
    Question {
        id: "access.fit",
        dimension: Dimension::Access,
        prompt: "How many of your people have an AI tool that suits the work they actually do?",
        options: &[
            "Almost none",
            "A few, mostly tools they found themselves",
            "About half",
            "Most of them",
            "Everyone, with tools matched to their tasks",
        ],
    },
    Question {
        id: "access.guidance",
        dimension: Dimension::Access,
        prompt: "Do people know which data they may use with AI?",
        options: &[
            "No, they guess",
            "Only informal advice",
            "There are written rules few have read",
            "Clear rules with examples that everyone knows",
        ],
    },
    Question {
        id: "access.reach",
        dimension: Dimension::Access,
        prompt: "Can people use AI inside the tools where their work happens?",
        options: &[
            "No, only on a separate website",
            "In one or two tools",
            "In most of their daily tools",
            "Wherever the work is done",
        ],
    },
    Question {
        id: "usage.weekly",
        dimension: Dimension::Usage,
        prompt: "In a typical week, how many of them use AI on a real work task?",
        options: &["Almost none", "A handful", "About half", "Most", "Nearly everyone"],
    },
    Question {
        id: "usage.workflows",
        dimension: Dimension::Usage,
        prompt: "Is AI part of any recurring workflow, such as reports, reviews or tickets?",
        options: &[
            "No",
            "Only as one person's private habit",
            "In one or two shared workflows",
            "In several, written down and shared",
        ],
    },
    Question {
        id: "usage.setback",
        dimension: Dimension::Usage,
        prompt: "When someone gets a poor first result from AI, what usually happens next?",
        options: &[
            "They quietly stop using it",
            "They retry on their own",
            "They ask a colleague",
            "Someone helps them fix it that same week",
        ],
    },
    Question {
        id: "capability.better",
        dimension: Dimension::Capability,
        prompt: "Can your team show work that is measurably better with AI than without?",
        options: &[
            "Nobody has checked",
            "We believe so, without evidence",
            "A few measured examples",
            "Yes, measured on our main tasks",
        ],
    },
    Question {
        id: "capability.knowhow",
        dimension: Dimension::Capability,
        prompt: "Do people know how to get good AI results on their own tasks?",
        options: &[
            "Rarely",
            "A few experts do",
            "Many do, but unevenly",
            "Most do, and they share what works",
        ],
    },
    Question {
        id: "capability.coaching",
        dimension: Dimension::Capability,
        prompt: "How do people learn to use AI well for their job?",
        options: &[
            "They are left to figure it out",
            "Generic online courses",
            "Occasional workshops",
            "Coaching on their own real work",
        ],
    },
    Question {
        id: "visibility.leaders",
        dimension: Dimension::Visibility,
        prompt: "Can leaders see AI use and results by team and by person?",
        options: &[
            "No",
            "Only licence and login counts",
            "Stories from a few teams",
            "Yes, for every team and person",
        ],
    },
    Question {
        id: "visibility.measures",
        dimension: Dimension::Visibility,
        prompt: "What do you measure to judge whether AI is working?",
        options: &[
            "Nothing yet",
            "Logins and seats",
            "How often it is used",
            "Results: time saved, quality, outcomes",
        ],
    },
    Question {
        id: "visibility.stuck",
        dimension: Dimension::Visibility,
        prompt: "How soon would you notice a team that is stuck with AI?",
        options: &[
            "We would not notice",
            "At a quarterly review, maybe",
            "Within its first ninety days",
            "Within weeks, and someone steps in",
        ],
    },
];

/// How many words a visitor reads across all questions and options.
pub fn word_count() -> usize {
    QUESTIONS
        .iter()
        .flat_map(|q| std::iter::once(q.prompt).chain(q.options.iter().copied()))
        .map(|text| text.split_whitespace().count())
        .sum()
}
