//! The practice coach's core: after the result, a card that turns the biggest gap into a habit
//! on a real task with whatever AI tool the person already has, a log of what happened, the
//! evidence it adds up to, and a code that carries that evidence to a lead.
//!
//! The widget calls no AI service and names no vendor: a card is text to paste anywhere.
//! Nothing here is reachable from the assessment's code paths; the practice part links it, so
//! a visitor who never opens practice downloads none of it. Its texts live in
//! `src/core/locales/practice/<tag>.txt`, apart from the main catalogs, read by the same reader.

/// Practice cards, put together from parts.
pub mod card;
/// The evidence a log adds up to, in numbers and in words.
pub mod evidence;
/// Evidence codes (`P-…`) for a lead.
pub mod evidence_code;
/// One practice entry and the log form's checks.
pub mod log;
/// Roles, tasks and kinds of task as ids, and the texts a complete catalog holds (shared with
/// `build.rs`).
pub mod roles;
/// The practice section's state and transitions, for the UI's reducer.
pub mod section;
/// The log as stored text: merging, deleting, CSV.
pub mod stored;
/// Practice codes pasted into the team view, joined to the people.
pub mod team;
/// The practice catalog of one language.
pub mod texts;

pub use card::{card, Card, CardError, OwnTask, TaskChoice, Trap, MAX_OWN_TASK, OWN_TASK};
pub use evidence::{evidence, summary, Evidence};
pub use evidence_code::{
    evidence_code, looks_like_evidence_code, read_evidence_code, EvidenceCode, EvidenceCodeError,
};
pub use log::{
    check, entry_id, Day, Entry, EntryField, EntryInput, EntryProblem, Quality, TaskRef,
    MAX_MINUTES, MAX_NOTE,
};
pub use roles::{role, Kind, Role, Task, ROLES};
pub use section::{Practice, PracticeAction, PracticeDetail};
pub use stored::{Log, StoredProblem, LOG_COLUMNS, LOG_HEADER};
pub use team::{
    attach, people_csv, practice_fields, separate, PersonPractice, PracticeAlone, PracticeLine,
    PracticeProblem, Separated, TeamPractice, TeamPracticeCount, PRACTICE_COLUMNS,
};
pub use texts::{MissingText, PracticeTexts, TextProblem};
