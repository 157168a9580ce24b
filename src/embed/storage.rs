use std::cell::RefCell;

use web_sys::Element;

use super::warn;
use crate::core::assessment::Step;
use crate::core::config::{Config, ConfigValue, Entry};
use crate::core::progress::Snapshot;
use crate::core::storage_keys;

/// Where one widget keeps its saved progress: `localStorage` when allowed and working, memory
/// otherwise (private mode, blocked storage, a full quota, or `storage: false`).
pub(super) struct Store {
    pub(super) key: String,
    local: RefCell<Option<web_sys::Storage>>,
    memory: RefCell<Option<String>>,
    /// The host wants progress kept across reloads (`storage` config).
    wanted: bool,
    /// The value this widget last read or wrote: what it may replace. Anything else was
    /// written by another tab since.
    known: RefCell<Option<String>>,
}

/// The key of a host element's saved progress: namespaced by the configured prefix and the
/// format version, then the element's id; without an id, a hash of the widget's configuration
/// (so a widget added above it with other settings does not take its progress); the caller
/// numbers widgets configured alike.
pub(super) fn key_for(config: &Config, host: &Element, entries: &[Entry]) -> String {
    let id = host.id();
    if !id.is_empty() {
        return storage_keys::progress(&config.storage_key, &id);
    }
    // FNV-1a over each key and its value as written.
    fn fnv(hash: u32, text: &str) -> u32 {
        text.bytes()
            .fold(hash, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }
    let mut hash: u32 = 0x811c_9dc5;
    for entry in entries {
        let value = match &entry.value {
            ConfigValue::Text(v) | ConfigValue::Number(v) | ConfigValue::Other(v) => v.as_str(),
            ConfigValue::Bool(true) => "true",
            ConfigValue::Bool(false) => "false",
            ConfigValue::Map(_) => "{}",
        };
        hash = fnv(fnv(hash, &entry.key), value);
    }
    storage_keys::progress_unnamed(&config.storage_key, hash)
}

impl Store {
    /// Opens the store at `key` (see [`key_for`]).
    pub(super) fn open(config: &Config, key: String) -> Store {
        let local = Place::of(config).storage();
        let degraded = config.storage && local.is_none();
        if degraded {
            warn("this browser does not allow localStorage here; progress is kept in memory only");
        }
        Store {
            key,
            local: RefCell::new(local),
            memory: RefCell::new(None),
            wanted: config.storage,
            known: RefCell::new(None),
        }
    }

    /// The saved value, if any.
    pub(super) fn load(&self) -> Option<String> {
        let value = match self.local.borrow().as_ref() {
            Some(local) => local.get_item(&self.key).ok().flatten(),
            None => self.memory.borrow().clone(),
        };
        self.known.replace(value.clone());
        value
    }

    /// Saves a value; on failure (quota, revoked access) it falls back to memory for good.
    /// Returns false while progress lives in memory only although the host wanted it kept
    /// across reloads. Progress that is not `finished` never replaces a finished result another
    /// tab saved since this widget last looked: that result stays.
    pub(super) fn save(&self, value: &str, finished: bool) -> bool {
        let failed = match self.local.borrow().as_ref() {
            Some(local) => {
                let stored = local.get_item(&self.key).ok().flatten();
                let theirs = stored != *self.known.borrow()
                    && stored
                        .as_deref()
                        .and_then(|s| Snapshot::decode(s).ok())
                        .is_some_and(|s| s.step == Step::Result);
                if !finished && theirs {
                    return true;
                }
                local.set_item(&self.key, value).is_err()
            }
            None => false,
        };
        self.known.replace(Some(value.to_string()));
        if failed {
            warn("could not save progress (storage full or blocked); keeping it in memory");
            *self.local.borrow_mut() = None;
        }
        if self.local.borrow().is_none() {
            *self.memory.borrow_mut() = Some(value.to_string());
        }
        !self.degraded()
    }

    /// Forgets the saved value.
    pub(super) fn clear(&self) {
        if let Some(local) = self.local.borrow().as_ref() {
            let _ = local.remove_item(&self.key);
        }
        *self.memory.borrow_mut() = None;
        self.known.replace(None);
    }

    /// True when storage was wanted but progress now lives in memory only.
    pub(super) fn degraded(&self) -> bool {
        self.wanted && self.local.borrow().is_none()
    }
}

thread_local! {
    /// Small values [`Place::set`] could not put in the browser's storage, by key.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Where a widget keeps what it keeps (`storage`): `localStorage`, `sessionStorage` (this tab
/// only), or memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// `localStorage`: across reloads and visits.
    Local,
    /// `sessionStorage` (`storage: "session"`): until the tab closes.
    Session,
    /// Memory (`storage: false`): until the page closes.
    Memory,
}

impl Place {
    /// The place the configuration asks for.
    pub(crate) fn of(config: &Config) -> Place {
        match (config.storage, config.session) {
            (false, _) => Place::Memory,
            (true, true) => Place::Session,
            (true, false) => Place::Local,
        }
    }

    /// The value kept at `key`: what [`Place::set`] could keep only in memory, else what this
    /// place's storage holds.
    pub(crate) fn get(self, key: &str) -> Option<String> {
        MEMORY
            .with(|m| {
                m.borrow()
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
            })
            .or_else(|| self.storage()?.get_item(key).ok().flatten())
    }

    /// Keeps `value` at `key` in this place's storage, or in memory until the page closes when
    /// there is none or it refuses (full, blocked).
    pub(crate) fn set(self, key: &str, value: &str) {
        let stored = self
            .storage()
            .is_some_and(|s| s.set_item(key, value).is_ok());
        MEMORY.with(|m| {
            let mut m = m.borrow_mut();
            m.retain(|(k, _)| k != key);
            if !stored {
                m.push((key.to_string(), value.to_string()));
            }
        });
    }

    /// Forgets what is kept at `key`, in storage and in memory.
    pub(crate) fn remove(self, key: &str) {
        MEMORY.with(|m| m.borrow_mut().retain(|(k, _)| k != key));
        if let Some(s) = self.storage() {
            let _ = s.remove_item(key);
        }
    }

    /// The browser's storage for this place, if the page may use it; `None` for memory.
    pub(crate) fn storage(self) -> Option<web_sys::Storage> {
        match self {
            Place::Local => local_storage(),
            Place::Session => usable(web_sys::window()?.session_storage().ok().flatten()?),
            Place::Memory => None,
        }
    }
}

/// `window.localStorage`, if the browser lets this page use it; reading the property itself
/// throws in some privacy modes, and a probe write catches storage that is present but unusable.
pub(super) fn local_storage() -> Option<web_sys::Storage> {
    usable(web_sys::window()?.local_storage().ok().flatten()?)
}

/// `storage`, if a probe write works.
fn usable(storage: web_sys::Storage) -> Option<web_sys::Storage> {
    storage.set_item(storage_keys::PROBE, "1").ok()?;
    let _ = storage.remove_item(storage_keys::PROBE);
    Some(storage)
}
