//! The team picture: many people's results, aggregated for the lead who collected the codes.
//!
//! Codes of the self perspective are people: each describes one person's own work, and only
//! they are counted, ranked and averaged. Codes of the team perspective are a lead's view of a
//! team, an opinion: they are listed apart ([`TeamReport::views`]) and never ranked as people.
//!
//! Averages are taken per dimension over people, each mean rounded half up, and everything else
//! (level, adoption gap) follows from those means exactly as for one person. So a team of people
//! who all gave the same answers gets exactly that one result. A gap is only ever a gap: an
//! Operating person's weakest area is not counted as anyone's biggest gap.

/// The people table's and the people CSV's columns, and sorting people by one.
mod columns;
/// Both CSV exports and their guard against formulas.
mod csv;
/// The kept list's stored form and the rounds it holds.
mod kept;
/// Aggregation: the team picture, its gaps and coaching, what a view may show, the bands.
mod report;
/// The team view's state and its transitions: the list as read, the people table's page,
/// order and window, the file note and the kept list.
mod view;

pub use columns::{person_fields, sort_people, PeopleColumn};
pub use csv::{csv_name, starts_formula, teams_csv, to_csv, TEAM_COLUMNS};
pub use kept::{with_code, Kept, KeptError, Round, RoundKey};
pub use report::{
    coaching_said, common_gap_why, floor, report, summarise, tally, Band, Coaching, Disclosure,
    PersonRow, TeamGap, TeamPrivacy, TeamReport, TeamRow, MIN_GROUP_SIZE, MIN_GROUP_SIZES, ROBUST,
};
pub use view::{
    FileError, Keeping, PeopleWindow, Settled, Sort, TeamAction, TeamState, OVERSCAN, PAGE, WINDOW,
};
