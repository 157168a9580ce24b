//! The lead form's browser side, in its chunk: remembering per result whether the visitor sent
//! or declined the form (so a reload does not ask again). The form's answer itself travels as an
//! action to the reducer, which emits `ai-readiness:lead` like every event of the journey.

use super::storage;
use crate::core::config::Config;
use crate::core::storage_keys;
use crate::ui::lead::LeadStatus;

/// The key that keeps the form's status for this widget's last result: its progress key with
/// `lead` in place of `progress`, so two widgets on a page keep theirs apart.
pub(crate) fn key(config: &Config) -> String {
    match super::widget_key(config) {
        Some(widget) => storage_keys::lead_of(&widget),
        None => storage_keys::lead(&config.storage_key),
    }
}

/// Whether the visitor already sent or declined the form for the result with `code`.
pub(crate) fn recall(config: &Config, code: &str) -> LeadStatus {
    let saved = storage::Place::of(config).get(&key(config));
    match saved.as_deref().and_then(|v| v.split_once(' ')) {
        Some((c, "sent")) if c == code => LeadStatus::Sent,
        Some((c, "declined")) if c == code => LeadStatus::Declined,
        _ => LeadStatus::Open,
    }
}

/// Keeps the form's status for the result with `code`; only the code and the status, never
/// what the visitor typed.
pub(crate) fn remember(config: &Config, code: &str, status: LeadStatus) {
    storage::Place::of(config).set(&key(config), &format!("{code} {}", status.id()));
}
