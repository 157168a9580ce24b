use yew::prelude::*;

use crate::core::config::Config;
use crate::core::i18n::{Catalog, Msg};
use crate::core::roster::Encoding;
use crate::core::team::Kept;

/// A file the visitor picked or dropped, for the embed layer to read as text.
#[derive(Clone, PartialEq)]
pub struct FileRequest {
    /// The file.
    pub file: web_sys::File,
    /// Hears the text and how its bytes were read, or why it could not be read.
    pub done: Callback<Result<(String, Encoding), FileError>>,
}

/// Why a picked or dropped file could not be used, or what the visitor should know about how it
/// was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Over the size limit.
    TooLarge {
        /// The file's name.
        name: String,
    },
    /// Read, but as Windows-1252, since it is not UTF-8: names may need a look.
    Western {
        /// The file's name.
        name: String,
    },
    /// The browser could not read it.
    Unreadable {
        /// The file's name.
        name: String,
        /// The browser's own message.
        reason: String,
    },
}

impl FileError {
    /// The problem in the visitor's language.
    pub(super) fn say(&self, t: &Catalog) -> String {
        match self {
            FileError::TooLarge { name } => t.fill(Msg::ErrorFileLarge, &[("name", name)]),
            FileError::Western { name } => t.fill(Msg::ErrorFileWestern, &[("name", name)]),
            FileError::Unreadable { name, reason } => t.fill(
                Msg::ErrorFileUnreadable,
                &[("name", name), ("reason", reason)],
            ),
        }
    }
}

/// A file for the visitor to save, made in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// Suggested file name.
    pub name: String,
    /// MIME type.
    pub mime: &'static str,
    /// Content.
    pub content: String,
}

/// What the team view keeps in the browser, through the embed layer (the team view's chunk).
#[derive(Clone, Copy)]
pub struct TeamStore {
    /// The list this widget kept, if the lead asked to keep one.
    pub recall: fn(&Config) -> Option<Kept>,
    /// Keeps the list (`Some`) or forgets it (`None`); false when the browser does not let the
    /// page keep it, so it lives in memory until the page closes.
    pub keep: fn(&Config, Option<&Kept>) -> bool,
    /// Today's date as `YYYY-MM-DD`, for rounds and file names.
    pub today: fn() -> String,
    /// Tells the callback `true` when the page is about to print and `false` after; the
    /// returned function stops telling.
    pub watch_print: fn(Callback<bool>) -> Box<dyn FnOnce()>,
}

impl PartialEq for TeamStore {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.recall, other.recall)
            && std::ptr::fn_addr_eq(self.keep, other.keep)
            && std::ptr::fn_addr_eq(self.today, other.today)
            && std::ptr::fn_addr_eq(self.watch_print, other.watch_print)
    }
}
