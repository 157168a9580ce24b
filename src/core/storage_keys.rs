//! The names of everything a widget keeps in the browser's storage. Each starts with the host's
//! `storageKey` (the prefix, `ai-readiness` by default), then says what it holds and the version
//! of its format. The names are a contract with what earlier visits left behind: change a format,
//! change its version here (the book: docs/src/results-that-travel.md, lead-and-delivery.md,
//! team-view.md).

/// What follows the prefix in the name of a saved progress, before the element's id (or `~` and
/// a hash of the configuration for an element without one). `embed.js` gets it from the build
/// (`src/bin/first_screen.rs`) to tell whether a widget will resume.
pub const PROGRESS: &str = ":progress:v1:";

/// What follows the prefix in the name of a widget's lead form status.
const LEAD: &str = ":lead:v2:";

/// What follows the prefix in the name of a waiting submission, before its id.
const OUTBOX: &str = ":outbox:v1:";

/// The name a storage is probed with before it is used; removed at once.
pub const PROBE: &str = "ai-readiness:probe";

/// Saved progress of the widget in the element with `id`: `ai-readiness:progress:v1:quiz`.
pub fn progress(prefix: &str, id: &str) -> String {
    format!("{prefix}{PROGRESS}{id}")
}

/// Saved progress of a widget in an element without an id, told apart by a `hash` of its
/// configuration: `ai-readiness:progress:v1:~123`.
pub fn progress_unnamed(prefix: &str, hash: u32) -> String {
    format!("{prefix}{PROGRESS}~{hash}")
}

/// The `n`th widget (from 2) mounted with the same progress name `base`: `base-2`.
pub fn numbered(base: &str, n: usize) -> String {
    format!("{base}-{n}")
}

/// Whether `key` is `base` or one of its [`numbered`] forms (`~12` does not count `~123`).
pub fn is_numbered(key: &str, base: &str) -> bool {
    key.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
}

/// The lead form's status of the widget whose progress is kept under `progress`: the same name
/// with `lead` in place of `progress`, so two widgets on a page keep theirs apart.
pub fn lead_of(progress: &str) -> String {
    progress.replacen(PROGRESS, LEAD, 1)
}

/// The lead form's status of a widget not mounted by `embed` (no progress name).
pub fn lead(prefix: &str) -> String {
    format!("{prefix}{LEAD}")
}

/// A waiting submission with `id`: `ai-readiness:outbox:v1:0f3a…`.
pub fn outbox(prefix: &str, id: &str) -> String {
    format!("{prefix}{OUTBOX}{id}")
}

/// The submission id in a waiting submission's name.
pub fn outbox_id(key: &str) -> &str {
    key.rsplit(':').next().unwrap_or_default()
}

/// Whether `key` names a waiting submission under `prefix`.
pub fn is_outbox(key: &str, prefix: &str) -> bool {
    key.strip_prefix(prefix)
        .is_some_and(|rest| rest.starts_with(OUTBOX))
}

/// The team list a lead kept: `ai-readiness:team:v1`.
pub fn team(prefix: &str) -> String {
    format!("{prefix}:team:v1")
}

/// A person's practice log (`core::practice::Log`'s stored text): `ai-readiness:practice:v1`.
/// One per prefix, shared by every widget and tab on the origin, which merge into it.
pub fn practice(prefix: &str) -> String {
    format!("{prefix}:practice:v1")
}
