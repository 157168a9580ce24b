use std::cell::RefCell;

use web_sys::Element;

use super::warn;
use crate::core::config::Config;

/// Where one widget keeps its saved progress: `localStorage` when allowed and working, memory
/// otherwise (private mode, blocked storage, a full quota, or `storage: false`).
pub(super) struct Store {
    key: String,
    local: RefCell<Option<web_sys::Storage>>,
    memory: RefCell<Option<String>>,
    /// The host wants progress kept across reloads (`storage` config).
    wanted: bool,
}

impl Store {
    /// Opens the store for a widget. The key is namespaced by the configured prefix, the format
    /// version and the host element's id, or without an id its position among the page's
    /// widgets, so two widgets on a page never share progress.
    pub(super) fn open(config: &Config, host: &Element) -> Store {
        let id = host.id();
        let key = if id.is_empty() {
            format!("{}:progress:v1:#{}", config.storage_key, position(host))
        } else {
            format!("{}:progress:v1:{id}", config.storage_key)
        };
        let local = if config.storage {
            local_storage()
        } else {
            None
        };
        let degraded = config.storage && local.is_none();
        if degraded {
            warn("this browser does not allow localStorage here; progress is kept in memory only");
        }
        Store {
            key,
            local: RefCell::new(local),
            memory: RefCell::new(None),
            wanted: config.storage,
        }
    }

    /// The saved value, if any.
    pub(super) fn load(&self) -> Option<String> {
        if let Some(local) = self.local.borrow().as_ref() {
            return local.get_item(&self.key).ok().flatten();
        }
        self.memory.borrow().clone()
    }

    /// Saves a value; on failure (quota, revoked access) it falls back to memory and returns
    /// true when that just happened.
    pub(super) fn save(&self, value: &str) -> bool {
        let failed = match self.local.borrow().as_ref() {
            Some(local) => local.set_item(&self.key, value).is_err(),
            None => false,
        };
        if failed {
            warn("could not save progress (storage full or blocked); keeping it in memory");
            *self.local.borrow_mut() = None;
        }
        if self.local.borrow().is_none() {
            *self.memory.borrow_mut() = Some(value.to_string());
        }
        failed
    }

    /// Forgets the saved value.
    pub(super) fn clear(&self) {
        if let Some(local) = self.local.borrow().as_ref() {
            let _ = local.remove_item(&self.key);
        }
        *self.memory.borrow_mut() = None;
    }

    /// True when storage was wanted but progress now lives in memory only.
    pub(super) fn degraded(&self) -> bool {
        self.wanted && self.local.borrow().is_none()
    }
}

/// The host's position among the page's `[data-ai-readiness]` elements (0 when it is not one).
fn position(host: &Element) -> u32 {
    let Some(list) = host
        .owner_document()
        .and_then(|d| d.query_selector_all("[data-ai-readiness]").ok())
    else {
        return 0;
    };
    (0..list.length())
        .find(|&i| {
            list.get(i)
                .is_some_and(|node| host.is_same_node(Some(&node)))
        })
        .unwrap_or(0)
}

/// `window.localStorage`, if the browser lets this page use it; reading the property itself
/// throws in some privacy modes, and a probe write catches storage that is present but unusable.
pub(super) fn local_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    let probe = "ai-readiness:probe";
    storage.set_item(probe, "1").ok()?;
    let _ = storage.remove_item(probe);
    Some(storage)
}
