//! The lead form's browser side, in its chunk: announcing a sent form as `ai-readiness:lead` on
//! the widget's host, handing it to delivery, and remembering per result whether the visitor
//! sent or declined the form (so a reload does not ask again).

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use super::delivery::{self, Courier, Job};
use super::{dispatch_detail, storage};
use crate::core::config::Config;
use crate::core::delivery::Kind;
use crate::core::events::CompleteDetail;
use crate::core::events::LEAD_EVENT;
use crate::core::lead::Lead;
use crate::core::storage_keys;
use crate::ui::lead::{LeadSent, LeadStatus};

/// Detail of `ai-readiness:lead`: the result's fields (the perspective among them) and the lead.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct LeadDetail<'a> {
    #[serde(flatten)]
    result: &'a CompleteDetail,
    lead: &'a Lead,
}

/// The widget's host element, from any element inside its shadow root.
pub(crate) fn host_of(inside: &Element) -> Option<Element> {
    inside
        .get_root_node()
        .dyn_into::<ShadowRoot>()
        .ok()
        .map(|root| root.host())
}

/// Announces a sent form; with `submitUrl`, delivers the result held back for this answer and
/// then the lead.
pub(crate) fn sent(sent: LeadSent) {
    let Some(host) = sent.anchor.cast::<Element>().and_then(|e| host_of(&e)) else {
        return;
    };
    if let Some(lead) = &sent.lead {
        let detail = LeadDetail {
            result: &sent.result,
            lead,
        };
        match serde::Serialize::serialize(
            &detail,
            &serde_wasm_bindgen::Serializer::json_compatible(),
        ) {
            Ok(value) => dispatch_detail(&host, LEAD_EVENT, &value),
            Err(e) => super::error(&format!("could not build the lead event: {e}")),
        }
    }
    let Some(url) = sent.config.submit_url.clone() else {
        return;
    };
    let config = &sent.config;
    let jobs = [
        sent.with_result.then_some((Kind::Complete, None)),
        sent.lead.map(|lead| (Kind::Lead, Some(lead))),
    ];
    for (kind, lead) in jobs.into_iter().flatten() {
        delivery::deliver(Courier {
            host: host.clone(),
            url: url.clone(),
            prefix: config.storage_key.clone(),
            storage: storage::Place::of(config),
            days: config.outbox_days,
            owner: super::widget_key(config).unwrap_or_default(),
            job: Some(Job {
                kind,
                result: sent.result.clone(),
                lead,
            }),
        });
    }
}

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
