use std::rc::Rc;

use super::{sort_people, summarise, PeopleColumn, PersonRow, Round, TeamReport};
use crate::core::i18n::{Catalog, Msg};
use crate::core::keys;
use crate::core::roster::{self, Roster};

/// People per page of the people table.
pub const PAGE: usize = 50;
/// Rows drawn at a time while everyone is shown: enough to fill the scrolling box (at most
/// 40rem high) with room to spare on both sides.
pub const WINDOW: usize = 60;
/// Rows drawn above the first one on screen; the window moves in steps of this many rows.
pub const OVERSCAN: usize = 15;

/// A list as read: what did not count, and the team picture of what did.
#[derive(Debug)]
pub struct Settled {
    /// The text it was read from.
    pub text: Rc<str>,
    /// The lines that did not count.
    pub roster: Roster,
    /// The team picture of the lines that did.
    pub report: TeamReport,
}

impl Settled {
    /// Reads a whole text now (the team view reads a long one a slice at a time).
    pub fn read(text: Rc<str>) -> Settled {
        let mut roster = roster::parse(&text);
        let report = summarise(std::mem::take(&mut roster.entries));
        Settled {
            text,
            roster,
            report,
        }
    }
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
    pub fn say(&self, t: &Catalog) -> String {
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

/// How the people table is ordered: by a column of [`PeopleColumn::ALL`] or, by default, the
/// stuck first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    /// The column sorted by; `None` puts the stuck first.
    pub column: Option<PeopleColumn>,
    /// Largest first.
    pub descending: bool,
}

/// What the lead chose about keeping the list: whether to keep it, the rounds marked, and
/// whether the browser keeps it or only memory does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keeping {
    /// The lead asked to keep the list.
    pub on: bool,
    /// The rounds marked, oldest first.
    pub rounds: Vec<Round>,
    /// The browser would not keep it: it lives in memory until the page closes.
    pub in_memory: bool,
    /// The list the view opened with, from what was kept, until it has been read back whole:
    /// nothing is written before, or a reload meanwhile would find the list as last read.
    pub back: Option<Rc<str>>,
}

/// Everything the team view shows besides its props, in one place: the list as last read, the
/// people table's page, order, filter and row window, the file note, and the kept list.
#[derive(Clone, Debug)]
pub struct TeamState {
    /// The list as last read.
    pub list: Rc<Settled>,
    /// How far a read of a changed text has come: lines read, lines in all.
    pub reading: Option<(usize, usize)>,
    /// The text in the list box, as last typed or put there. The box is not given its value on
    /// each render: Yew would read a long list back out of the page to compare it every time.
    pub boxed: Rc<str>,
    /// The people table's page, from 0.
    pub page: usize,
    /// Everyone at once, in a window of rows, instead of a page.
    pub show_all: bool,
    /// The first row drawn while everyone is shown.
    pub first: usize,
    /// One row's height in pixels, as last measured.
    pub row: f64,
    /// Between `beforeprint` and `afterprint`: every row is drawn.
    pub printing: bool,
    /// The people table's order.
    pub sort: Sort,
    /// The team the people table is narrowed to, by its key.
    pub filter: Option<String>,
    /// What to know about the file last picked or dropped.
    pub file_note: Option<FileError>,
    /// The kept list and its rounds.
    pub keeping: Keeping,
}

/// What happens to the team view: the visitor's clicks and what its effects report.
#[derive(Debug)]
pub enum TeamAction {
    /// The visitor typed in the list box, which now holds this text: back to the first page.
    Typed(Rc<str>),
    /// A text from elsewhere (a file, the kept list, the visitor's own code) was put in the box.
    Boxed(Rc<str>),
    /// A read of a long list has come this far: lines read, lines in all.
    Reading(usize, usize),
    /// A list has been read.
    Read(Rc<Settled>),
    /// A file was read into the box, with what to know about how (back to the first page).
    FileRead(Option<FileError>),
    /// A file could not be used.
    FileFailed(FileError),
    /// Go to a page of the people table.
    Page(usize),
    /// Switch between pages and everyone at once.
    ToggleAll,
    /// Sort by a column: ascending, or the other way when it is already sorted by it.
    SortBy(PeopleColumn),
    /// Narrow the people table to one team (its key), or show every team.
    Filter(Option<String>),
    /// The people table was scrolled to this many pixels from its top.
    Scrolled(f64),
    /// A row of the people table measured this many pixels high.
    Measured(f64),
    /// The page started (`true`) or finished printing.
    Printing(bool),
    /// Keep the list, or stop keeping it.
    Keep(bool),
    /// Forget the kept list and its rounds.
    Forget,
    /// Mark a round.
    Mark(Round),
    /// The list was kept (or forgotten); `in_memory` when the browser would not keep it.
    Kept {
        /// Only memory keeps it.
        in_memory: bool,
    },
}

/// The people table as the state shows it: the rows in order and narrowed, and which of them
/// are drawn.
pub struct PeopleWindow<'a> {
    /// Every row shown, in order.
    pub rows: Vec<&'a PersonRow>,
    /// Pages of [`PAGE`] rows, at least one.
    pub pages: usize,
    /// The page shown, from 0.
    pub at: usize,
    /// Rows left out before the first one drawn.
    pub skip: usize,
    /// Most rows drawn.
    pub take: usize,
    /// Everyone is shown in a window of rows, with spacers for the rest.
    pub windowed: bool,
}

impl PeopleWindow<'_> {
    /// Rows left out above the window, drawn, and left out below; zeros when not windowed.
    pub fn spans(&self) -> (usize, usize, usize) {
        let len = self.rows.len();
        let drawn = self.take.min(len - self.skip.min(len));
        match self.windowed {
            true => (self.skip, drawn, len - self.skip - drawn),
            false => (0, 0, 0),
        }
    }
}

impl TeamState {
    /// A view of `list`, keeping as chosen, on its first page.
    pub fn new(list: Settled, keeping: Keeping) -> TeamState {
        TeamState {
            list: Rc::new(list),
            reading: None,
            boxed: Rc::from(""),
            page: 0,
            show_all: false,
            first: 0,
            row: 33.0,
            printing: false,
            sort: Sort::default(),
            filter: None,
            file_note: None,
            keeping,
        }
    }

    /// The state after `action`, or `None` when nothing changed.
    pub fn apply(&self, action: TeamAction) -> Option<TeamState> {
        let mut next = self.clone();
        match action {
            TeamAction::Typed(text) => {
                next.boxed = text;
                next.page = 0;
            }
            TeamAction::Boxed(text) if *text == *self.boxed => return None,
            TeamAction::Boxed(text) => next.boxed = text,
            TeamAction::Reading(read, all) => next.reading = Some((read, all)),
            TeamAction::Read(list) => {
                next.list = list;
                next.reading = None;
            }
            TeamAction::FileRead(note) => {
                next.page = 0;
                next.file_note = note;
            }
            TeamAction::FileFailed(reason) => next.file_note = Some(reason),
            TeamAction::Page(page) if page == self.page => return None,
            TeamAction::Page(page) => next.page = page,
            TeamAction::ToggleAll => next.show_all = !self.show_all,
            TeamAction::SortBy(column) => {
                let again = self.sort.column == Some(column);
                next.sort = Sort {
                    column: Some(column),
                    descending: again && !self.sort.descending,
                };
                next.page = 0;
            }
            TeamAction::Filter(team) => {
                next.filter = team;
                next.page = 0;
            }
            TeamAction::Scrolled(top) => {
                let row = (top / self.row.max(1.0)) as usize;
                let first = row.saturating_sub(OVERSCAN) / OVERSCAN * OVERSCAN;
                if first == self.first {
                    return None;
                }
                next.first = first;
            }
            TeamAction::Measured(row) if row == self.row => return None,
            TeamAction::Measured(row) => next.row = row,
            TeamAction::Printing(on) if on == self.printing => return None,
            TeamAction::Printing(on) => next.printing = on,
            TeamAction::Keep(on) => next.keeping.on = on,
            TeamAction::Forget => next.keeping = Keeping::default(),
            TeamAction::Mark(round) => next.keeping.rounds.push(round),
            TeamAction::Kept { in_memory } => {
                if in_memory == self.keeping.in_memory && self.keeping.back.is_none() {
                    return None;
                }
                next.keeping.in_memory = in_memory;
                next.keeping.back = None;
            }
        }
        Some(next)
    }

    /// The people table: sorted, narrowed to the team asked for, and the page, the window of
    /// rows or (printing) every row drawn.
    pub fn people(&self) -> PeopleWindow<'_> {
        let report = &self.list.report;
        let order = match self.sort.column {
            Some(column) => sort_people(&report.people_rows, column, self.sort.descending),
            None => report.people_rows.iter().collect(),
        };
        let rows: Vec<&PersonRow> = match self.filter.as_deref() {
            Some(key) => order
                .into_iter()
                .filter(|p| p.team.as_deref().map(keys::team_key).unwrap_or_default() == key)
                .collect(),
            None => order,
        };
        let pages = rows.len().div_ceil(PAGE).max(1);
        let at = self.page.min(pages - 1);
        let (skip, take) = if self.printing {
            (0, usize::MAX)
        } else if self.show_all {
            (self.first.min(rows.len()), WINDOW)
        } else {
            (at * PAGE, PAGE)
        };
        PeopleWindow {
            rows,
            pages,
            at,
            skip,
            take,
            windowed: self.show_all && !self.printing,
        }
    }
}
