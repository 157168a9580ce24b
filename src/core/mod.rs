//! The pure core: the question bank, scoring, the visitor's journey, events and texts.
//!
//! Rule: nothing here imports yew, web_sys, js_sys, wasm_bindgen or gloo, does I/O, or panics on
//! bad input; it returns error values instead. All of it is tested natively with `cargo test`.
//! Its modules import each other without cycles: what two of them share lives in a lower one
//! (`tests/tidy.rs` checks both rules).

/// The journey state machine.
pub mod assessment;
/// Questions and the question bank.
pub mod bank;
/// Reading catalog files, line by line (shared with `build.rs`).
pub mod catalog_file;
/// Chart geometry.
pub mod chart;
/// Result codes: encoding, decoding, typo checks.
pub mod code;
/// CSS colour recognition for the accent.
pub mod colour;
/// Host configuration.
pub mod config;
/// CSV rows with the guard against spreadsheet formulas, shared by every export.
pub mod csv;
/// Delivery to the host's endpoint: payload, outbox, retry rules.
pub mod delivery;
/// Host events as data.
pub mod events;
/// The working behind a result and the moves that lift it a level.
pub mod explain;
/// Text catalogs per language, plural and number rules.
pub mod i18n;
/// Name keys and the string map shared by the roster and the team report.
pub mod keys;
/// Lead capture: form configuration and checks.
pub mod lead;
/// Dimensions, levels, perspectives, steps, answers.
pub mod model;
/// Reading `{name}` placeholders in catalog texts (shared with `build.rs`).
pub mod placeholders;
/// The 90-day plan, fitted to the answers.
pub mod plan;
/// The practice coach: cards, the log, evidence and its code (linked only by the practice part).
pub mod practice;
/// Saved progress as versioned text.
pub mod progress;
/// Reading pasted lists of result codes.
pub mod roster;
/// Scores, level and gaps.
pub mod scoring;
/// Share links that carry a result code.
pub mod share;
/// The names of what a widget keeps in the browser's storage.
pub mod storage_keys;
/// Team aggregation and CSV export.
pub mod team;
/// Display texts.
pub mod text;
