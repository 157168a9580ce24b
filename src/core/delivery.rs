//! Delivery to the host's endpoint (`submitUrl`): the payload, the outbox entry that keeps it
//! until the endpoint acknowledges it, and the retry rules. The embed layer does the sending.
//!
//! A submission is sent until a 2xx answer, at least once: a receiver de-duplicates by
//! `submissionId`. A 4xx answer (other than 408, 425 and 429) refuses it for good; anything else
//! (offline, timeout, a blocked or failed request, 5xx) retries with a growing pause, on later
//! page loads too.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::bank::QUESTIONS;
use super::events::CompleteDetail;
use super::lead::Lead;
use super::model::{Answers, Perspective};

/// Version of the payload's shape, sent as `schema`.
pub const SCHEMA: u8 = 1;

/// Why the widget posts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The visitor reached a result.
    Complete,
    /// The visitor sent the lead form.
    Lead,
}

/// The JSON body posted to `submitUrl` (docs/src/lead-and-delivery.md documents it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    /// The payload's shape version.
    pub schema: u8,
    /// Random, 32 hex digits; the same on every retry, so the receiver can de-duplicate.
    pub submission_id: String,
    /// Why it was sent.
    pub kind: Kind,
    /// When the visitor completed or sent the form, ISO 8601 in UTC.
    pub time: String,
    /// The page the widget was on.
    pub page_url: String,
    /// Whose view the answers are: `team` (a lead about their team) or `self` (a person).
    pub perspective: Perspective,
    /// The result code of the answers.
    pub code: String,
    /// Each question's id and the option chosen (0 = least mature), in question order.
    pub answers: AnswerMap,
    /// The result, as `ai-readiness:complete` carries it.
    pub result: CompleteDetail,
    /// The lead form's fields, on a `lead` submission.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Lead>,
}

impl Submission {
    /// A submission of `result` (whose code carries `answers`), with a lead when the form was sent.
    pub fn new(
        kind: Kind,
        submission_id: String,
        result: &CompleteDetail,
        answers: Answers,
        lead: Option<Lead>,
        page_url: String,
        time: String,
    ) -> Submission {
        Submission {
            schema: SCHEMA,
            submission_id,
            kind,
            time,
            page_url,
            perspective: result.perspective,
            code: result.code.clone(),
            answers: AnswerMap(answers),
            result: CompleteDetail {
                url: None,
                ..result.clone()
            },
            lead,
        }
    }
}

/// Answers as an object of question ids and option indexes, in question order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerMap(pub Answers);

impl Serialize for AnswerMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0 .0.len()))?;
        for (q, a) in QUESTIONS.iter().zip(&self.0 .0) {
            map.serialize_entry(q.id, a)?;
        }
        map.end()
    }
}

/// 32 hex digits from 16 random bytes.
pub fn submission_id(bytes: &[u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// What to do after one attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Acknowledged: forget it.
    Delivered,
    /// Try again later.
    Retry,
    /// Refused for good: forget it and say so.
    Refused,
}

/// The verdict on an HTTP status; `None` when no answer came (offline, timeout, blocked).
pub fn verdict(status: Option<u16>) -> Verdict {
    match status {
        Some(200..=299) => Verdict::Delivered,
        Some(408 | 425 | 429) | None => Verdict::Retry,
        Some(400..=499) => Verdict::Refused,
        Some(_) => Verdict::Retry,
    }
}

/// The pause before attempt `failures + 1`, in milliseconds: 1 s, 2 s, 4 s, … up to 5 minutes.
pub fn retry_after(failures: u32) -> u32 {
    const CAP: u32 = 300_000;
    1000u32
        .checked_shl(failures.saturating_sub(1))
        .map_or(CAP, |ms| ms.min(CAP))
}

/// How long a tab may take to send an entry before another tab may send it too, in ms: longer
/// than a request's timeout.
pub const LEASE_MS: u64 = 30_000;

/// How long one request may take before it counts as failed, in ms.
pub const TIMEOUT_MS: u32 = 10_000;

/// Why an attempt got no answer the widget may read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// Nothing came back within [`TIMEOUT_MS`].
    Timeout,
    /// The page's Content-Security-Policy kept the request from leaving: its `connect-src` does
    /// not list the endpoint.
    Policy,
    /// The browser is offline.
    Offline,
    /// What the browser does not tell apart: the endpoint is unreachable, answered with a
    /// redirect, or does not allow this page (CORS).
    Unreadable,
}

impl NoAnswer {
    /// The cause, from what the browser said: the request timed out, the page's policy reported
    /// blocking it (a `securitypolicyviolation` that `config::blocked_by_policy` matched), the
    /// browser is offline. A policy block is named before being offline: the request never left.
    pub fn of(timed_out: bool, blocked: bool, offline: bool) -> NoAnswer {
        match (timed_out, blocked, offline) {
            (true, _, _) => NoAnswer::Timeout,
            (_, true, _) => NoAnswer::Policy,
            (_, _, true) => NoAnswer::Offline,
            _ => NoAnswer::Unreadable,
        }
    }

    /// The reason, as the console message and the delivery event's `message` give it.
    pub fn reason(self) -> String {
        match self {
            NoAnswer::Timeout => format!("no answer within {} s", TIMEOUT_MS / 1000),
            NoAnswer::Policy => "blocked by the page's Content-Security-Policy (connect-src): it must list the endpoint's origin".into(),
            NoAnswer::Offline => "offline".into(),
            NoAnswer::Unreadable => "no answer it may read: the endpoint is unreachable, answered with a redirect (it must answer itself: a redirect is never followed), or does not allow this page (CORS: it must answer with Access-Control-Allow-Origin)".into(),
        }
    }
}

/// A submission waiting in the outbox, as kept in `localStorage` (one key per submission, so
/// tabs never overwrite each other's entries).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The endpoint.
    pub url: String,
    /// The JSON body.
    pub body: String,
    /// Failed attempts so far.
    pub failures: u32,
    /// Not before this time (ms since the epoch).
    pub next_at: u64,
    /// A tab is sending it until this time (ms since the epoch); 0 when none is.
    pub lease_until: u64,
    /// It is dropped unsent from this time on (ms since the epoch); 0 for never. Set for an entry
    /// that carries lead fields: `outboxDays` after it was made.
    pub expires_at: u64,
    /// The widget that made it (its progress key), so that forgetting clears its entries only;
    /// empty for one kept before entries knew.
    pub owner: String,
}

/// One day in milliseconds.
pub const DAY_MS: u64 = 86_400_000;

/// How many days an entry with lead fields waits by default (`outboxDays`).
pub const OUTBOX_DAYS: u32 = 7;

/// The first line of a stored entry: its format's version.
const ENTRY_VERSION: &str = "outbox-v2";
/// The version before entries expired; still read.
const ENTRY_V1: &str = "outbox-v1";

impl Entry {
    /// A new entry for `body`, made at `now` by the widget `owner`; one with lead fields expires
    /// `days` later.
    pub fn new(url: String, body: String, owner: String, now: u64, days: u32) -> Entry {
        let mut entry = Entry {
            url,
            body,
            failures: 0,
            next_at: 0,
            lease_until: 0,
            expires_at: 0,
            owner,
        };
        entry.bound(now, days);
        entry
    }

    /// Whether the body carries lead fields (a `lead` submission's `lead` object).
    pub fn carries_lead(&self) -> bool {
        self.body.contains("\"lead\":{")
    }

    /// Gives an entry with lead fields and no expiry one: `days` after `now`. True when it did
    /// (the entry should be written back).
    pub fn bound(&mut self, now: u64, days: u32) -> bool {
        let unbound = self.expires_at == 0 && self.carries_lead();
        if unbound {
            self.expires_at = now + u64::from(days) * DAY_MS;
        }
        unbound
    }

    /// Whether it must be dropped unsent at `now`.
    pub fn expired(&self, now: u64) -> bool {
        self.expires_at != 0 && now >= self.expires_at
    }

    /// The stored text: a version line, six fields a line, then the body.
    pub fn encode(&self) -> String {
        format!(
            "{ENTRY_VERSION}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            self.failures,
            self.next_at,
            self.lease_until,
            self.expires_at,
            self.owner,
            self.url,
            self.body
        )
    }

    /// Reads a stored entry, of this version or the one before; `None` for anything else
    /// (another version, damage).
    pub fn decode(text: &str) -> Option<Entry> {
        let mut lines = text.splitn(8, '\n');
        let v2 = match lines.next()? {
            ENTRY_VERSION => true,
            ENTRY_V1 => false,
            _ => return None,
        };
        let failures = lines.next()?.parse().ok()?;
        let next_at = lines.next()?.parse().ok()?;
        let lease_until = lines.next()?.parse().ok()?;
        let (expires_at, owner) = match v2 {
            true => (lines.next()?.parse().ok()?, lines.next()?.to_string()),
            false => (0, String::new()),
        };
        let url = lines.next()?.to_string();
        // A v1 body was the rest of the text, newlines and all.
        let body = match v2 {
            true => lines.next()?.to_string(),
            false => lines.collect::<Vec<_>>().join("\n"),
        };
        (!url.is_empty() && !body.is_empty()).then_some(Entry {
            url,
            body,
            failures,
            next_at,
            lease_until,
            expires_at,
            owner,
        })
    }

    /// Whether this tab may send it at `now`.
    pub fn due(&self, now: u64) -> bool {
        self.next_at <= now && self.lease_until <= now
    }

    /// When it will be due next, if not now.
    pub fn wake_at(&self) -> u64 {
        self.next_at.max(self.lease_until)
    }

    /// After a failed attempt at `now`: one more failure, the next attempt after the pause, no
    /// lease.
    pub fn failed(&mut self, now: u64) -> u32 {
        self.failures += 1;
        let pause = retry_after(self.failures);
        self.next_at = now + u64::from(pause);
        self.lease_until = 0;
        pause
    }
}

/// The page's address as a submission carries it (`pageUrl`): without the fragment, and without
/// every query parameter but the `utm_*` campaign ones, which may hold a visitor's own details
/// (a search, an email in a newsletter link, a session token).
pub fn page_url(href: &str) -> String {
    let href = href.split('#').next().unwrap_or("");
    let Some((base, query)) = href.split_once('?') else {
        return href.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| pair.starts_with("utm_"))
        .collect();
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}
