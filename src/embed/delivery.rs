//! Delivery to the host's endpoint (`submitUrl`), in its own chunk: each submission goes into
//! an outbox (one `localStorage` key per submission, memory when storage is off or refuses),
//! and is posted until the endpoint acknowledges it. Failures retry with a growing pause, on
//! later page loads too; tabs share the outbox and take a short lease on what they send. The
//! rules are in `core::delivery`; every outcome is reported as `ai-readiness:delivery`.

use std::cell::RefCell;
use std::time::Duration;

use js_sys::Object;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use super::detail::set;
use super::storage::Place;
use super::{dispatch_detail, error, warn};
use crate::core::code;
use crate::core::config::blocked_by_policy;
use crate::core::delivery::{
    page_url, submission_id, verdict, Entry, Kind, NoAnswer, Submission, Verdict, LEASE_MS,
    OUTBOX_DAYS, TIMEOUT_MS,
};
use crate::core::events::{CompleteDetail, DELIVERY_EVENT};
use crate::core::lead::Lead;
use crate::core::storage_keys;

/// A request for the delivery chunk: send `job` (if any) and whatever the outbox still holds.
pub(crate) struct Courier {
    /// The widget that asks; outcomes are announced on it.
    pub host: Element,
    /// The endpoint.
    pub url: String,
    /// The widget's storage prefix (`storageKey`).
    pub prefix: String,
    /// Where the widget keeps things (`storage`).
    pub storage: Place,
    /// Days an entry with lead fields waits before it is dropped unsent (`outboxDays`).
    pub days: u32,
    /// The widget's progress key: whose entries these are.
    pub owner: String,
    /// A new submission, or `None` to send only what waits.
    pub job: Option<Job>,
}

/// A new submission's content.
pub(crate) struct Job {
    /// Why it is sent.
    pub kind: Kind,
    /// The result.
    pub result: CompleteDetail,
    /// The lead, when the form was sent.
    pub lead: Option<Lead>,
}

/// Loads the delivery chunk and hands it `courier`.
pub(crate) fn deliver(courier: Courier) {
    yew::platform::spawn_local(async move {
        match super::parts::delivery_part().await {
            Ok(send) => send(courier),
            Err(_) => error("the delivery code could not be loaded; check that the files next to embed.js are reachable"),
        }
    });
}

/// The outbox of this page.
#[derive(Default)]
struct Outbox {
    /// Storage prefixes whose entries this page sends (`storageKey`), and where they are kept.
    prefixes: Vec<(String, Place)>,
    /// Entries that could not be stored.
    memory: Vec<(String, Entry)>,
    /// Keys being sent by this page right now.
    in_flight: Vec<String>,
    /// When a pump is already due.
    wake: Option<u64>,
    /// Where each outcome is announced: the widget that made the submission, by entry key; for
    /// one a failure left from an earlier page load, the first widget here with its prefix.
    senders: Vec<(String, Element)>,
    /// The first widget that asked for each prefix.
    first: Vec<(String, Element)>,
    /// Whether the console already heard that entries live in memory only.
    told_memory: bool,
    /// Whether `online` wakes the outbox and policy violations are heard.
    listening: bool,
    /// What the page's Content-Security-Policy blocked: each violation's `effectiveDirective`
    /// and `blockedURI`, once.
    blocked: Vec<(String, String)>,
}

thread_local! {
    static OUTBOX: RefCell<Outbox> = RefCell::new(Outbox::default());
}

/// The chunk's entry point.
pub(crate) fn send(courier: Courier) {
    let prefix = courier.prefix.clone();
    OUTBOX.with(|o| {
        let mut o = o.borrow_mut();
        if !o.first.iter().any(|(p, _)| *p == prefix) {
            o.first.push((prefix.clone(), courier.host.clone()));
        }
        if !o.prefixes.iter().any(|(p, _)| *p == prefix) {
            o.prefixes.push((prefix.clone(), courier.storage));
        }
    });
    listen();
    if let Some(job) = courier.job {
        match body(&job) {
            Ok((id, body)) => {
                let entry = Entry::new(courier.url, body, courier.owner, now(), courier.days);
                let key = storage_keys::outbox(&prefix, &id);
                OUTBOX.with(|o| o.borrow_mut().senders.push((key.clone(), courier.host)));
                add(key, entry, courier.storage);
            }
            Err(e) => error(&format!("could not build the submission: {e}")),
        }
    }
    pump();
}

/// The submission's id and its JSON body.
fn body(job: &Job) -> Result<(String, String), String> {
    let window = web_sys::window().ok_or("no window")?;
    let mut bytes = [0u8; 16];
    window
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes))
        .map_err(|_| "this browser offers no random numbers")?;
    let id = submission_id(&bytes);
    let answers = code::decode(&job.result.code)
        .map_err(|e| e.to_string())?
        .answers;
    let submission = Submission::new(
        job.kind,
        id.clone(),
        &job.result,
        answers,
        job.lead.clone(),
        page_url(&super::page_address(&window)),
        String::from(js_sys::Date::new_0().to_iso_string()),
    );
    let value = serde::Serialize::serialize(
        &submission,
        &serde_wasm_bindgen::Serializer::json_compatible(),
    )
    .map_err(|e| e.to_string())?;
    let text = js_sys::JSON::stringify(&value).map_err(|_| "not JSON")?;
    Ok((id, text.into()))
}

/// Keeps a new entry: in the widget's storage when allowed and working, else in memory, saying
/// so.
fn add(key: String, entry: Entry, place: Place) {
    let storage = place != Place::Memory;
    let stored = place
        .storage()
        .is_some_and(|s| s.set_item(&key, &entry.encode()).is_ok());
    if !stored {
        OUTBOX.with(|o| {
            let mut o = o.borrow_mut();
            if !std::mem::replace(&mut o.told_memory, true) {
                warn(if storage {
                    "submissions cannot be kept in this browser's storage; one that fails is retried only while this page stays open"
                } else {
                    "storage is off: a submission that fails is retried only while this page stays open"
                });
            }
            o.memory.push((key, entry));
        });
    }
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Every entry of the outbox with its key: stored ones of every known prefix, then memory's.
fn entries() -> Vec<(String, Entry)> {
    let (prefixes, memory) = OUTBOX.with(|o| {
        let o = o.borrow();
        (o.prefixes.clone(), o.memory.clone())
    });
    let mut found = Vec::new();
    for (place, local) in [Place::Local, Place::Session]
        .into_iter()
        .filter_map(|p| Some((p, p.storage()?)))
    {
        // `Object.entries` lists a storage's items; the glue has it already for configuration.
        for pair in js_sys::Object::entries(&local).iter() {
            let pair: js_sys::Array = pair.unchecked_into();
            let (Some(key), Some(text)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
                continue;
            };
            let ours = prefixes
                .iter()
                .any(|(p, at)| *at == place && storage_keys::is_outbox(&key, p));
            if !ours {
                continue;
            }
            match Entry::decode(&text) {
                Some(entry) => found.push((key, entry)),
                None => {
                    warn(&format!("dropped an unreadable waiting submission ({key})"));
                    let _ = local.remove_item(&key);
                }
            }
        }
    }
    found.extend(memory);
    found
}

/// Writes an entry back where it lives; `None` removes it.
fn put(key: &str, entry: Option<&Entry>) {
    let in_memory = OUTBOX.with(|o| {
        let mut o = o.borrow_mut();
        let at = o.memory.iter().position(|(k, _)| k == key);
        match (at, entry) {
            (Some(i), Some(e)) => o.memory[i].1 = e.clone(),
            (Some(i), None) => {
                o.memory.remove(i);
            }
            (None, _) => return false,
        }
        true
    });
    if in_memory {
        return;
    }
    if let Some(local) = place_of(key).storage() {
        let _ = match entry {
            Some(e) => local.set_item(key, &e.encode()),
            None => local.remove_item(key),
        };
    }
}

/// Where the entry at `key` is kept: where its prefix's widgets keep things.
fn place_of(key: &str) -> Place {
    OUTBOX.with(|o| {
        o.borrow()
            .prefixes
            .iter()
            .find(|(p, _)| storage_keys::is_outbox(key, p))
            .map_or(Place::Local, |(_, place)| *place)
    })
}

/// Whether an entry is still waiting (another tab may have delivered it meanwhile).
fn still_waiting(key: &str) -> Option<Entry> {
    entries()
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, e)| e)
}

/// Sends every entry that is due and not on its way; wakes again for the next one.
fn pump() {
    let t = now();
    let mut next: Option<u64> = None;
    for (key, mut entry) in entries() {
        if OUTBOX.with(|o| o.borrow().in_flight.contains(&key)) {
            continue;
        }
        if entry.expired(t) {
            expire(&key, &entry);
            continue;
        }
        // An entry kept before entries expired gets its days from now.
        if entry.bound(t, OUTBOX_DAYS) {
            put(&key, Some(&entry));
        }
        if !entry.due(t) {
            next = Some(next.map_or(entry.wake_at(), |n| n.min(entry.wake_at())));
            continue;
        }
        entry.lease_until = t + LEASE_MS;
        put(&key, Some(&entry));
        OUTBOX.with(|o| o.borrow_mut().in_flight.push(key.clone()));
        yew::platform::spawn_local(attempt(key, entry));
    }
    if let Some(at) = next {
        wake_at(at);
    }
}

/// Drops an entry with lead fields that waited its `outboxDays`, and says so.
fn expire(key: &str, entry: &Entry) {
    put(key, None);
    let id = storage_keys::outbox_id(key);
    let message = format!(
        "submission {id} to {} waited its days and was dropped unsent: lead details are not kept longer (outboxDays)",
        entry.url
    );
    warn(&message);
    let detail = Object::new();
    set(&detail, "submissionId", id.into());
    set(&detail, "url", entry.url.as_str().into());
    set(&detail, "attempts", entry.failures.into());
    set(&detail, "status", "expired".into());
    set(&detail, "message", message.into());
    if let Some(host) = sender(key) {
        dispatch_detail(&host, DELIVERY_EVENT, &detail);
    }
    OUTBOX.with(|o| o.borrow_mut().senders.retain(|(k, _)| k != key));
}

/// Pumps again at `at` (ms since the epoch), unless an earlier pump is already due.
fn wake_at(at: u64) {
    let sooner = OUTBOX.with(|o| {
        let mut o = o.borrow_mut();
        let sooner = o.wake.is_none_or(|w| at < w);
        if sooner {
            o.wake = Some(at);
        }
        sooner
    });
    if sooner {
        let pause = Duration::from_millis(at.saturating_sub(now()));
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(pause).await;
            OUTBOX.with(|o| {
                let mut o = o.borrow_mut();
                if o.wake == Some(at) {
                    o.wake = None;
                }
            });
            pump();
        });
    }
}

/// One attempt at one entry, and what follows from its answer.
async fn attempt(key: String, mut entry: Entry) {
    let id = storage_keys::outbox_id(&key).to_string();
    let answer = post(&entry.url, &entry.body).await;
    OUTBOX.with(|o| o.borrow_mut().in_flight.retain(|k| *k != key));
    let status = answer.as_ref().ok().copied();
    let detail = Object::new();
    set(&detail, "submissionId", id.as_str().into());
    set(&detail, "url", entry.url.as_str().into());
    set(&detail, "attempts", (entry.failures + 1).into());
    if let Some(status) = status {
        set(&detail, "httpStatus", status.into());
    }
    let outcome = match verdict(status) {
        Verdict::Delivered => {
            put(&key, None);
            "delivered"
        }
        Verdict::Refused => {
            put(&key, None);
            let message = format!(
                "{} refused submission {id} with HTTP {}; it will not be sent again",
                entry.url,
                status.unwrap_or_default()
            );
            error(&message);
            set(&detail, "message", message.into());
            "refused"
        }
        Verdict::Retry => {
            let reason = match &answer {
                Ok(status) => format!("HTTP {status}"),
                Err(reason) => reason.clone(),
            };
            // Another tab may have delivered it meanwhile; then there is nothing to retry.
            let pause = match still_waiting(&key) {
                Some(_) => {
                    let pause = entry.failed(now());
                    put(&key, Some(&entry));
                    wake_at(entry.next_at);
                    pause
                }
                None => 0,
            };
            let message = format!(
                "could not deliver submission {id} to {} ({reason}); trying again in {} s",
                entry.url,
                pause / 1000
            );
            warn(&message);
            set(&detail, "retryInMs", pause.into());
            set(&detail, "message", message.into());
            "retrying"
        }
    };
    set(&detail, "status", outcome.into());
    if let Some(host) = sender(&key) {
        dispatch_detail(&host, DELIVERY_EVENT, &detail);
    }
    if outcome != "retrying" {
        OUTBOX.with(|o| o.borrow_mut().senders.retain(|(k, _)| *k != key));
    }
}

/// The widget that made the submission kept at `key`; for one left from an earlier page load,
/// the first widget here that sends with its prefix.
fn sender(key: &str) -> Option<Element> {
    OUTBOX.with(|o| {
        let o = o.borrow();
        o.senders
            .iter()
            .find(|(k, _)| k == key)
            .or_else(|| {
                o.first
                    .iter()
                    .find(|(p, _)| storage_keys::is_outbox(key, p))
            })
            .map(|(_, host)| host.clone())
    })
}

/// Posts `body` as JSON; the HTTP status, or why no answer came. A redirect is an error
/// (`redirect: "error"`): after a 301, 302 or 303 the browser would fetch the new address with a
/// GET, and after a 307 or 308 post the submission to wherever the receiver points, perhaps
/// another site. So the submission is kept and retried, and the message says why.
async fn post(url: &str, body: &str) -> Result<u16, String> {
    let window = web_sys::window().ok_or("no window")?;
    // A plain object as the request's options, and properties read by name: each typed
    // binding would add a function to the JS glue every visitor downloads.
    let init = Object::new();
    set(&init, "method", "POST".into());
    set(&init, "redirect", "error".into());
    set(&init, "body", body.into());
    let headers = Object::new();
    set(&headers, "Content-Type", "application/json".into());
    set(&init, "headers", headers.into());
    set(
        &init,
        "signal",
        web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS).into(),
    );
    let get = |from: &JsValue, key: &str| {
        js_sys::Reflect::get(from, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    match JsFuture::from(window.fetch_with_str_and_init(url, init.unchecked_ref())).await {
        Ok(response) => Ok(get(&response, "status").as_f64().unwrap_or(0.0) as u16),
        Err(e) => {
            let timed_out = get(&e, "name") == "TimeoutError";
            // The policy's report is an event of its own, queued beside the failure: let it
            // arrive before choosing the reason.
            yew::platform::time::sleep(Duration::ZERO).await;
            let page = window.location().origin().unwrap_or_default();
            let blocked = OUTBOX.with(|o| {
                o.borrow()
                    .blocked
                    .iter()
                    .any(|(directive, uri)| blocked_by_policy(directive, uri, url, &page))
            });
            let offline = get(&window.navigator(), "onLine") == JsValue::FALSE;
            Err(NoAnswer::of(timed_out, blocked, offline).reason())
        }
    }
}

/// Coming back online sends what waits at once; what the page's Content-Security-Policy blocks
/// is noted, since a blocked request fails as bare as any other and only this event says why.
fn listen() {
    let first = OUTBOX.with(|o| !std::mem::replace(&mut o.borrow_mut().listening, true));
    if let (true, Some(window)) = (first, web_sys::window()) {
        let wake = Closure::<dyn Fn()>::new(pump);
        let _ = window.add_event_listener_with_callback("online", wake.as_ref().unchecked_ref());
        // size: the closure's type is Yew's own event listener's, so it adds no new glue.
        let heard = Closure::<dyn Fn(&web_sys::Event)>::new(|event: &web_sys::Event| {
            let read = |key: &str| {
                js_sys::Reflect::get(event, &JsValue::from_str(key))
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            let seen = (read("effectiveDirective"), read("blockedURI"));
            OUTBOX.with(|o| {
                let mut o = o.borrow_mut();
                if !o.blocked.contains(&seen) {
                    o.blocked.push(seen);
                }
            });
        });
        let _ = window.add_event_listener_with_callback(
            "securitypolicyviolation",
            heard.as_ref().unchecked_ref(),
        );
        // The page keeps both listeners for its lifetime.
        wake.forget();
        heard.forget();
    }
}
