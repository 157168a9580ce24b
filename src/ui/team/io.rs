use std::rc::Rc;

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::TeamProps;
use crate::core::config::Config;
use crate::core::roster::Encoding;
use crate::core::team::{self, Disclosure, FileError, Kept, Settled, TeamAction, TeamReport};

/// A file the visitor picked or dropped, for the embed layer to read as text.
#[derive(Clone, PartialEq)]
pub struct FileRequest {
    /// The file.
    pub file: web_sys::File,
    /// Hears the text and how its bytes were read, or why it could not be read.
    pub done: Callback<Result<(String, Encoding), FileError>>,
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

/// What the file picker and the drop zone do: hand the file to the embed layer to read, then put
/// its text in the box, or say why it could not be used.
pub(super) fn file_callbacks(
    props: &TeamProps,
    act: &Callback<TeamAction>,
) -> (Callback<Event>, Callback<DragEvent>) {
    let load = {
        let (on_text, on_file) = (props.on_text.clone(), props.on_file.clone());
        let act = act.clone();
        Callback::from(move |file: web_sys::File| {
            let (on_text, act) = (on_text.clone(), act.clone());
            let name = file.name();
            on_file.emit(FileRequest {
                file,
                done: Callback::from(
                    move |read: Result<(String, Encoding), FileError>| match read {
                        Ok((text, encoding)) => {
                            on_text.emit(AttrValue::from(text));
                            act.emit(TeamAction::FileRead(
                                (encoding == Encoding::Windows1252)
                                    .then(|| FileError::Western { name: name.clone() }),
                            ));
                        }
                        Err(reason) => act.emit(TeamAction::FileFailed(reason)),
                    },
                ),
            });
        })
    };
    let onchange = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let files = e.target_unchecked_into::<HtmlInputElement>().files();
            if let Some(file) = files.and_then(|f| f.get(0)) {
                load.emit(file);
            }
        })
    };
    let ondrop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            load.emit(file);
        }
    });
    (onchange, ondrop)
}

/// Saves a CSV of the report as last read: `what` names the file, `csv` writes it from what the
/// view may show.
pub(super) fn export(
    props: &TeamProps,
    list: &Rc<Settled>,
    shown: &Rc<Disclosure>,
    what: &'static str,
    csv: fn(&TeamReport, &Disclosure) -> String,
) -> Callback<MouseEvent> {
    let (settled, shown) = (list.clone(), shown.clone());
    let on_download = props.on_download.clone();
    let today = props.store.today;
    Callback::from(move |_: MouseEvent| {
        on_download.emit(Download {
            name: team::csv_name(what, &today()),
            mime: "text/csv;charset=utf-8",
            content: csv(&settled.report, &shown),
        })
    })
}
