use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::code::ResultCode;
use crate::core::config::Config;
use crate::core::model::{Dimension, Level, Perspective};
use crate::core::roster::{self, Encoding, Reader, Roster};
use crate::core::scoring::Scores;
use crate::core::team::{
    self, with_code, Band, Coaching, Disclosure, Kept, PersonRow, Round, RoundKey, TeamReport,
    PEOPLE_COLUMNS,
};
use std::rc::Rc;

use super::{attr, tx};
use crate::core::i18n::{Catalog, Msg};
use crate::core::keys;
use crate::core::text::{self, dimension_name, level_name};

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
    fn say(&self, t: &Catalog) -> String {
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

/// Props of the team view.
#[derive(Properties, PartialEq)]
pub struct TeamProps {
    /// The pasted text; kept by the parent so it survives leaving and reopening the view.
    pub text: AttrValue,
    /// The text changed (typed, pasted or read from a file).
    pub on_text: Callback<AttrValue>,
    /// Reads a picked or dropped file.
    pub on_file: Callback<FileRequest>,
    /// Saves a file for the visitor.
    pub on_download: Callback<Download>,
    /// Keeps the list and its rounds, when the lead asks.
    pub store: TeamStore,
    /// The widget's configuration (where the list is kept).
    pub config: Rc<Config>,
    /// The visitor's own result code, when the view was opened from their result: it joins the
    /// list.
    #[prop_or_default]
    pub own_code: Option<ResultCode>,
    /// The texts.
    pub t: Rc<Catalog>,
    /// Back to the assessment, when the team view was opened from it.
    #[prop_or_default]
    pub on_back: Option<Callback<MouseEvent>>,
}

/// People per page of the people table.
const PAGE: usize = 50;

/// Texts up to this many bytes (about 2,000 lines) are read as they are typed.
const READ_AT_ONCE: usize = 64 * 1024;
/// A longer text is read once typing has paused this long...
const QUIET: std::time::Duration = std::time::Duration::from_millis(300);
/// ...this many lines per task (a few milliseconds each).
const SLICE: usize = 4_000;

/// A list as read: what did not count, and the team picture of what did.
struct Settled {
    /// The text it was read from.
    text: AttrValue,
    roster: Roster,
    report: TeamReport,
}

impl Settled {
    /// Reads a whole text now (a long one is read in slices by [`follow`]).
    fn read(text: AttrValue) -> Settled {
        let mut roster = roster::parse(&text);
        let report = team::summarise(std::mem::take(&mut roster.entries));
        Settled {
            text,
            roster,
            report,
        }
    }
}

/// Rows drawn at a time while everyone is shown: enough to fill the scrolling box (at most
/// 40rem high) with room to spare on both sides.
const WINDOW: usize = 60;
/// Rows drawn above the first one on screen; the window moves in steps of this many rows.
const OVERSCAN: usize = 15;

/// What the view's effects reach: the list box, the people table's window while everyone is
/// shown, and whether the page is being printed.
#[derive(Clone)]
struct Table {
    /// The first row drawn.
    first: UseStateHandle<usize>,
    /// Between `beforeprint` and `afterprint`: every row is drawn.
    printing: UseStateHandle<bool>,
    /// The list box.
    input: NodeRef,
    /// The people table's two spacer cells.
    before: NodeRef,
    after: NodeRef,
    /// What the view remembers between renders without rendering again.
    scratch: Rc<std::cell::RefCell<Scratch>>,
}

/// What the team view remembers between renders without rendering again.
struct Scratch {
    /// The text in the list box, as last typed or put there. The box is not given its value on
    /// each render: Yew would read a long list back out of the page to compare it every time.
    boxed: AttrValue,
    /// The text last read, or being read.
    asked: AttrValue,
    /// Counts reads started; a read stops when a later one starts.
    job: u32,
    /// Rows left out above the window, drawn, and left out below, at the last render.
    spans: (usize, usize, usize),
    /// One row's height in pixels, as last measured.
    row: f64,
    /// The top spacer's height in pixels, as last set.
    above_px: f64,
}

/// The list as read, and how far a read of a changed text has come.
#[derive(Clone)]
struct List {
    settled: Rc<Settled>,
    reading: Option<(usize, usize)>,
}

fn zero() -> usize {
    0
}

fn no() -> bool {
    false
}

/// Reads `text` if it is not what was last read: a short text now, a long one after a pause in
/// typing, a slice at a time.
fn follow(
    list: &UseStateHandle<List>,
    scratch: &Rc<std::cell::RefCell<Scratch>>,
    text: &AttrValue,
) {
    let id = {
        let mut s = scratch.borrow_mut();
        if s.asked == *text {
            return;
        }
        s.asked = text.clone();
        s.job += 1;
        s.job
    };
    if text.len() <= READ_AT_ONCE {
        list.set(List {
            settled: Rc::new(Settled::read(text.clone())),
            reading: None,
        });
        return;
    }
    let (list, scratch, text) = (list.clone(), scratch.clone(), text.clone());
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(QUIET).await;
        let current = || scratch.borrow().job == id;
        let mut reader = Reader::new(&text);
        while current() {
            let done = reader.read(&text, SLICE);
            if !done {
                list.set(List {
                    settled: list.settled.clone(),
                    reading: Some(reader.progress(&text)),
                });
            }
            // Lets the browser paint and handle input before the next slice, and before the
            // summary, which is a task of its own.
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            if done && current() {
                // The summary in two tasks (the sort is the second), and the list it replaces
                // freed in a third.
                let mut roster = reader.finish();
                let mut report = team::tally(std::mem::take(&mut roster.entries));
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                if !current() {
                    return;
                }
                report.rank();
                let settled = Rc::new(Settled {
                    text,
                    roster,
                    report,
                });
                list.set(List {
                    settled,
                    reading: None,
                });
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                return;
            }
        }
    });
}

impl Table {
    /// Puts `text` in the list box unless the box already holds it.
    fn fill_box(&self, text: &AttrValue) {
        let mut scratch = self.scratch.borrow_mut();
        if scratch.boxed != *text {
            if let Some(input) = self.input.cast::<HtmlTextAreaElement>() {
                input.set_value(text);
                scratch.boxed = text.clone();
            }
        }
    }

    /// Gives the spacer rows the height of the rows they stand for, measured from the rows
    /// drawn between them (rows never wrap, so they are all alike).
    fn size_spacers(&self) {
        let cell = |node: &NodeRef| node.cast::<web_sys::HtmlElement>();
        let (Some(before), Some(after)) = (cell(&self.before), cell(&self.after)) else {
            // No spacers drawn: the next ones start with no height.
            self.scratch.borrow_mut().above_px = 0.0;
            return;
        };
        let mut scratch = self.scratch.borrow_mut();
        let (above, drawn, below) = scratch.spans;
        // The top spacer is as tall as it was last made: the rows above at the last height.
        let span = f64::from(after.offset_top() - before.offset_top()) - scratch.above_px;
        if drawn > 0 && span > 0.0 {
            scratch.row = span / drawn as f64;
        }
        let row = scratch.row;
        scratch.above_px = (above as f64 * row).round();
        for (cell, rows) in [(before, above), (after, below)] {
            drop(cell.style().set_property(
                "height",
                &format!("{}px", (rows as f64 * row).round() as u64),
            ));
        }
    }
}

/// How the people table is ordered: by a column of [`PEOPLE_COLUMNS`] or, by default, the
/// stuck first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sort {
    column: Option<usize>,
    descending: bool,
}

/// What the lead chose about keeping the list: whether to keep it, the rounds marked, and
/// whether the browser keeps it or only memory does.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Keeping {
    on: bool,
    rounds: Vec<Round>,
    in_memory: bool,
    /// The list the view opened with, from what was kept, until it has been read back whole:
    /// nothing is written before, or a reload meanwhile would find the list as last read.
    back: Option<AttrValue>,
}

/// The team view: paste or drop result codes, see the team picture, export it.
#[component]
pub fn TeamView(props: &TeamProps) -> Html {
    let t = &*props.t;
    let input = props.text.clone();
    let page = use_state(zero);
    let show_all = use_state(no);
    let file_error = use_state(|| None::<FileError>);
    let sort = use_state(|| Sort {
        column: None,
        descending: false,
    });
    let filter = use_state(|| None::<String>);
    let keeping = {
        let (store, config) = (props.store, props.config.clone());
        let (text, on_text) = (input.clone(), props.on_text.clone());
        let own_code = props.own_code.clone();
        use_state(move || {
            let kept = (store.recall)(&config);
            // A kept list comes back (unless something is in the box already); the code the
            // visitor brought from their result joins it.
            let list = match &kept {
                Some(kept) if text.trim().is_empty() => kept.text.clone(),
                _ => text.to_string(),
            };
            let list = match &own_code {
                Some(code) => with_code(&list, code.as_str()),
                None => list,
            };
            let back = kept.is_some().then(|| AttrValue::from(list.clone()));
            if list != *text {
                on_text.emit(list.into());
            }
            Keeping {
                on: kept.is_some(),
                rounds: kept.map(|k| k.rounds).unwrap_or_default(),
                in_memory: false,
                back,
            }
        })
    };
    // The list as last read. A short text is read at once; a long one after a pause in typing,
    // a slice of lines per task, so no keystroke waits for a whole read and the page stays
    // responsive (`reading` says how far it has come).
    let list = {
        let text = input.clone();
        use_state(move || List {
            settled: Rc::new(Settled::read(if text.len() <= READ_AT_ONCE {
                text
            } else {
                AttrValue::default()
            })),
            reading: None,
        })
    };
    let table = Table {
        first: use_state(zero),
        printing: use_state(no),
        input: use_node_ref(),
        before: use_node_ref(),
        after: use_node_ref(),
        scratch: {
            let asked = list.settled.text.clone();
            use_mut_ref(move || Scratch {
                boxed: AttrValue::default(),
                asked,
                job: 0,
                spans: (0, 0, 0),
                row: 33.0,
                above_px: 0.0,
            })
        },
    };
    {
        // One effect after every render (each hook costs the bundle): put a text that came from
        // elsewhere (a file, the kept list, the visitor's own code) in the box, read a changed
        // text, size the people table's spacer rows, and hear the page print (printing draws
        // every row).
        let (list, table, input) = (list.clone(), table.clone(), input.clone());
        let watch = props.store.watch_print;
        use_effect(move || {
            table.fill_box(&input);
            table.size_spacers();
            follow(&list, &table.scratch, &input);
            let printing = table.printing.clone();
            watch(Callback::from(move |on| printing.set(on)))
        });
    }
    {
        let (store, config, keeping) = (props.store, props.config.clone(), keeping.clone());
        // The text counts only while the list is kept: typing into a list that is not kept
        // touches no storage. It is the text as last read, so a long list is written after a
        // pause in typing, not on every keystroke.
        let text = keeping.on.then(|| list.settled.text.clone());
        // A list still being read (a long kept one coming back, or a paste) is not written
        // until it has been read back whole: writing the list as last read would replace a kept
        // list with an empty one for as long as the read takes, and a reload then would lose it.
        let settled = &list.settled.text;
        let unread = keeping.on
            && (*settled != input || keeping.back.as_ref().is_some_and(|b| b != settled));
        use_effect_with(
            (text, keeping.on, keeping.rounds.clone(), unread),
            move |(text, on, rounds, unread)| {
                if *unread {
                    return;
                }
                // Off (or forgotten) removes what was kept: opting out leaves nothing behind.
                let kept = text.as_ref().map(|text| Kept {
                    text: text.to_string(),
                    rounds: rounds.clone(),
                });
                let in_memory = !(store.keep)(&config, kept.as_ref()) && *on;
                if in_memory != keeping.in_memory || keeping.back.is_some() {
                    keeping.set(Keeping {
                        in_memory,
                        back: None,
                        ..(*keeping).clone()
                    });
                }
            },
        );
    }
    let (roster, report) = (&list.settled.roster, &list.settled.report);

    let oninput = {
        let (on_text, scratch) = (props.on_text.clone(), table.scratch.clone());
        let page = page.clone();
        Callback::from(move |e: InputEvent| {
            let text = AttrValue::from(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            scratch.borrow_mut().boxed = text.clone();
            on_text.emit(text);
            page.set(0);
        })
    };
    let load = {
        let on_text = props.on_text.clone();
        let page = page.clone();
        let file_error = file_error.clone();
        let on_file = props.on_file.clone();
        Callback::from(move |file: web_sys::File| {
            let on_text = on_text.clone();
            let page = page.clone();
            let file_error = file_error.clone();
            let name = file.name();
            on_file.emit(FileRequest {
                file,
                done: Callback::from(
                    move |read: Result<(String, Encoding), FileError>| match read {
                        Ok((text, encoding)) => {
                            on_text.emit(AttrValue::from(text));
                            page.set(0);
                            file_error.set(
                                (encoding == Encoding::Windows1252)
                                    .then(|| FileError::Western { name: name.clone() }),
                            );
                        }
                        Err(reason) => file_error.set(Some(reason)),
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
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    // What this view may show: everything when people are named; groups only, each from the
    // minimum group size, when not (`teamPrivacy`, `minGroupSize`).
    let shown = Rc::new(Disclosure::of(
        report,
        props.config.team_privacy,
        props.config.min_group_size,
    ));
    let export = |what: &'static str, csv: fn(&TeamReport, &Disclosure) -> String| {
        let (settled, shown) = (list.settled.clone(), shown.clone());
        let on_download = props.on_download.clone();
        let today = props.store.today;
        Callback::from(move |_: MouseEvent| {
            on_download.emit(Download {
                name: team::csv_name(what, &today()),
                mime: "text/csv;charset=utf-8",
                content: csv(&settled.report, &shown),
            })
        })
    };
    let keep_controls = keep_controls(t, report, &keeping, props.store.today);
    // Changes are shown against the last round marked; rounds count from 1.
    let round = keeping.rounds.last().map(|r| (keeping.rounds.len(), r));
    let people = report.people > 0;
    let views = !report.views.is_empty();

    html! {
        <section class="air-team" data-team="" aria-busy={list.reading.is_some().then_some("true")}>
            <h2>{ tx(t, Msg::TeamTitle) }</h2>
            <p class="air-lead">{ tx(t, Msg::TeamLead) }</p>
            <p class="air-private">{ tx(t, Msg::TeamPrivate) }</p>
            if !shown.named {
                <p class="air-private" data-aggregate="">{ t.fill(Msg::TeamAggregateNote, &[("min", &t.number(shown.min_group as i64))]) }</p>
            }
            <div class="air-drop" {ondrop} {ondragover}>
                <label class="air-field-label" for="air-team-input">{ tx(t, Msg::TeamPasteLabel) }</label>
                // Codes, names and teams mix scripts: each line takes its direction from its own
                // text (`unicode-bidi: plaintext` in the stylesheet). `dir="auto"` would judge the
                // whole text at once, and makes Chromium lay out a long list many times slower.
                <textarea id="air-team-input" class="air-input air-list" rows="7" spellcheck="false"
                    placeholder={attr(t, Msg::TeamPlaceholder)} ref={table.input.clone()} {oninput}
                    data-team-input="" />
                <label class="air-file">
                    <span>{ tx(t, Msg::TeamFileLabel) }</span>
                    <input type="file" accept=".csv,.txt,text/csv,text/plain" {onchange} data-team-file="" />
                </label>
                if let Some(reason) = (*file_error).clone() {
                    <p class="air-hint" data-file-note="" role={ if matches!(reason, FileError::Western { .. }) { "status" } else { "alert" } }>
                        { reason.say(t) }
                    </p>
                }
            </div>
            { keep_controls }
            // Everything that changes as a list is read lives in this one element, so the view's
            // own children stay the same. Chromium restyles the 3 MB box beside a child inserted
            // among them (a status line, a new summary) for 200-360 ms; inside here it does not.
            <div class="air-picture">
            if let Some((read, all)) = list.reading {
                <p class="air-notice" role="status" data-reading="">
                    { t.fill(Msg::TeamReading, &[("percent", &t.lang.percent(percent(read, all) as i64))]) }
                </p>
            }
            if people && views {
                <p class="air-notice" role="status" data-mixed="">{ tx(t, Msg::TeamMixed) }</p>
            }
            if !people && views {
                <p class="air-notice" role="status" data-no-people="">{ tx(t, Msg::TeamNoPeople) }</p>
            }
            if people {
                { summary(t, report, &shown) }
                { team_table(t, report, round, &shown) }
                { team_steps(t, report, &shown) }
                if shown.named {
                    { people_table(t, report, &page, &show_all, &sort, &filter, &table) }
                }
            } else if !views && !input.trim().is_empty() {
                <p class="air-notice" role="status">{ tx(t, Msg::TeamNoneValid) }</p>
            }
            if views {
                { views_table(t, report, shown.named) }
            }
            // Without names there is no one to list: only the team averages download.
            if (people || views) && shown.named {
                <div class="air-nav">
                    <button type="button" class="air-btn air-primary" data-action="export" onclick={export("people", |r, _| team::to_csv(r))}>
                        { tx(t, Msg::TeamExport) }
                    </button>
                    if people {
                        <button type="button" class="air-btn" data-action="export-teams" onclick={export("teams", team::teams_csv)}>
                            { tx(t, Msg::TeamExportTeams) }
                        </button>
                    }
                </div>
            } else if people {
                <div class="air-nav">
                    <button type="button" class="air-btn air-primary" data-action="export-teams" onclick={export("teams", team::teams_csv)}>
                        { tx(t, Msg::TeamExportTeams) }
                    </button>
                </div>
            }
            { problems(t, roster, shown.named) }
            </div>
            if let Some(on_back) = props.on_back.clone() {
                <div class="air-nav">
                    <button type="button" class="air-btn" data-action="assessment" onclick={on_back}>
                        { tx(t, Msg::TeamBack) }
                    </button>
                </div>
            }
        </section>
    }
}

/// Keeping the list in the browser, marking rounds, forgetting both.
fn keep_controls(
    t: &Catalog,
    report: &TeamReport,
    keeping: &UseStateHandle<Keeping>,
    today: fn() -> String,
) -> Html {
    let k = (**keeping).clone();
    let toggle = {
        let keeping = keeping.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            keeping.set(Keeping {
                on,
                ..(*keeping).clone()
            });
        })
    };
    let forget = {
        let keeping = keeping.clone();
        Callback::from(move |_: MouseEvent| {
            keeping.set(Keeping {
                on: false,
                rounds: Vec::new(),
                in_memory: false,
                back: None,
            })
        })
    };
    let mark = Round::of(report, &today()).map(|round| {
        let keeping = keeping.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*keeping).clone();
            next.rounds.push(round.clone());
            keeping.set(next);
        })
    });
    let rounds = k.rounds.iter().enumerate().rev().map(|(i, r)| {
        let people = r.rows.first().map_or(0, |(_, n, _)| *n);
        let said = t.count(
            Msg::TeamRound,
            people as u64,
            &[("round", &t.number(i as i64 + 1)), ("date", &r.date)],
        );
        html! { <li data-round={(i + 1).to_string()}>{ said }</li> }
    });
    html! {
        <div class="air-keep" data-keep="">
            <label class="air-check">
                <input type="checkbox" checked={k.on} onchange={toggle} data-keep-list="" />
                <span>{ tx(t, Msg::TeamKeep) }</span>
            </label>
            <p class="air-muted">{ tx(t, Msg::TeamKeepHelp) }</p>
            if k.on && k.in_memory {
                <p class="air-hint" role="status" data-keep-memory="">{ tx(t, Msg::TeamKeepMemory) }</p>
            }
            if !k.rounds.is_empty() {
                <ul class="air-rounds" data-rounds="">{ for rounds }</ul>
            }
            if k.on || !k.rounds.is_empty() {
                <div class="air-pager">
                    if let (true, Some(mark)) = (k.on, mark) {
                        <button type="button" class="air-btn air-small" data-action="mark-round" onclick={mark}>{ tx(t, Msg::TeamMarkRound) }</button>
                    }
                    <button type="button" class="air-btn air-small" data-action="forget-list" onclick={forget}>{ tx(t, Msg::TeamForget) }</button>
                </div>
            }
        </div>
    }
}

/// People, level distribution, the group's access-vs-adoption gap and its most common gap; only
/// the number of people when everyone together is below the minimum group size.
fn summary(t: &Catalog, report: &TeamReport, shown: &Disclosure) -> Html {
    let people = html! {
        <div class="air-figure">
            <span class="air-figure-value" data-figure="people">{ t.number(report.people as i64) }</span>
            <span class="air-figure-label">{ tx(t, Msg::TeamPeople) }</span>
        </div>
    };
    if !shown.everyone {
        return html! {
            <div class="air-team-summary">
                <div class="air-figures">{ people }</div>
                { suppressed(t, Msg::TeamSuppressedEveryone, shown) }
            </div>
        };
    }
    let levels = Level::ALL.iter().zip(report.levels).map(|(&level, count)| {
        let share = t.lang.percent(percent(count, report.people) as i64);
        html! {
            <div class="air-figure" data-level-count={level.id()}>
                <span class="air-figure-value">{ t.number(count as i64) }</span>
                <span class="air-figure-label">{ t.fill(Msg::TeamLevelShare, &[("level", level_name(t, level)), ("percent", &share)]) }</span>
            </div>
        }
    });
    let group = report.overall.as_ref().map(|o| {
        let people = t.count(
            Msg::TeamGroup,
            report.people as u64,
            &[("level", level_name(t, o.level))],
        );
        let gap = match o.adoption_gap {
            g if g > 0 => t.count(Msg::TeamGapAhead, g.unsigned_abs().into(), &[]),
            g if g < 0 => t.count(Msg::TeamGapBehind, g.unsigned_abs().into(), &[]),
            _ => t.get(Msg::TeamGapLevel).to_string(),
        };
        html! { <p data-group-level={o.level.id()}>{ people }{ " " }{ gap }</p> }
    });
    let common = report.common_gap.map(|gap| {
        let name = dimension_name(t, gap.dimension);
        html! {
            <div class="air-gap" data-common-gap={gap.dimension.id()}>
                <h3>{ t.fill(Msg::TeamCommonGap, &[("dimension", name)]) }</h3>
                <p>{ team::common_gap_why(t, &gap) }</p>
            </div>
        }
    });
    html! {
        <div class="air-team-summary">
            <div class="air-figures">
                { people }
                { for levels }
            </div>
            { for group }
            { for common }
        </div>
    }
}

/// A team's name as shown: "No team given" for people without one.
fn team_label(t: &Catalog, name: &Option<String>) -> String {
    name.clone()
        .unwrap_or_else(|| t.get(Msg::TeamNoTeam).to_string())
}

/// Average score per dimension, for everyone and per team, shaded by the model's own cut-offs
/// (band classes, not colour alone: each cell also shows its number), with the change since the
/// last round when there is one. A group the view does not show keeps its name and head count;
/// a note stands in for its scores.
fn team_table(
    t: &Catalog,
    report: &TeamReport,
    round: Option<(usize, &Round)>,
    shown: &Disclosure,
) -> Html {
    let Some(all) = report.overall.as_ref() else {
        return html! {};
    };
    let head = Dimension::ALL
        .iter()
        .map(|&d| html! { <th scope="col">{ dimension_name(t, d) }</th> });
    let row = |name: String,
               key: RoundKey,
               people: usize,
               scores: Option<(Scores, Level)>,
               hidden: Msg| {
        let total = key == RoundKey::Everyone;
        let team = match &key {
            RoundKey::Team(_) => Some(name.clone()),
            RoundKey::Everyone => None,
        };
        let Some((scores, level)) = scores else {
            return html! {
                <tr class={total.then_some("air-total")} data-team-row={team}>
                    <th scope="row">{ name }</th>
                    <td>{ t.number(people as i64) }</td>
                    <td colspan="5">{ suppressed(t, hidden, shown) }</td>
                </tr>
            };
        };
        let change = round.and_then(|(_, r)| r.change(&key, scores));
        let cells = Dimension::ALL.iter().map(|&d| {
            let v = scores.get(d);
            let band = Band::of(d, v);
            let delta = change.map(|c| {
                let c = c[d.index()];
                html! { <span class="air-change" data-change={c.to_string()} dir="ltr">{ t.lang.signed(c.into()) }</span> }
            });
            html! {
                <td class={band_class(band)} data-dimension={d.id()} data-band={band.id()}>
                    { t.number(v) }{ for delta }
                </td>
            }
        });
        html! {
            <tr class={total.then_some("air-total")} data-team-row={team}>
                <th scope="row">{ name }</th>
                <td>{ t.number(people as i64) }</td>
                { for cells }
                <td>{ level_name(t, level) }</td>
            </tr>
        }
    };
    // People given without a team, and nobody with one: their row would repeat everyone's.
    let teams = report
        .teams
        .iter()
        .enumerate()
        .filter(|_| report.has_teams());
    let teams = teams.map(|(i, team)| {
        let key = RoundKey::Team(team.key());
        let hidden = if team.people < shown.min_group {
            Msg::TeamSuppressed
        } else {
            Msg::TeamSuppressedOther
        };
        row(
            team_label(t, &team.name),
            key,
            team.people,
            shown.team(i).then_some((team.scores, team.level)),
            hidden,
        )
    });
    let since = round.map(|(n, r)| {
        let number = t.number(n as i64);
        html! { <p class="air-muted" data-since="">{ t.fill(Msg::TeamSince, &[("round", &number), ("date", &r.date)]) }</p> }
    });
    html! {
        <>
        <h3>{ tx(t, Msg::TeamAverages) }</h3>
        { legend(t) }
        { for since }
        // Scrolls sideways in a narrow column; focusable so keyboard users can scroll it too.
        <div class="air-table-wrap" tabindex="0" role="region" aria-label={attr(t, Msg::TeamAverages)}>
            <table class="air-table" data-team-table="">
                <caption class="air-sr">{ tx(t, Msg::TeamAverages) }</caption>
                <thead><tr>
                    <th scope="col">{ tx(t, Msg::TeamColumnTeam) }</th><th scope="col">{ tx(t, Msg::TeamPeople) }</th>
                    { for head }<th scope="col">{ tx(t, Msg::TeamColumnLevel) }</th>
                </tr></thead>
                <tbody>
                    { row(t.get(Msg::TeamEveryone).to_string(), RoundKey::Everyone, report.people,
                        shown.everyone.then_some((all.scores, all.level)), Msg::TeamSuppressedEveryone) }
                    { for teams }
                </tbody>
            </table>
        </div>
        </>
    }
}

/// What the shading means, with the model's own cut-offs.
fn legend(t: &Catalog) -> Html {
    let floors: Vec<(&str, String)> = Dimension::ALL
        .iter()
        .map(|&d| (d.id(), t.number(team::floor(d))))
        .collect();
    let floors: Vec<(&str, &str)> = floors.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let robust = t.number(team::ROBUST);
    let item = |band: Band, text: String| {
        html! {
            <li><span class={classes_of(band)} aria-hidden="true"></span>{ text }</li>
        }
    };
    html! {
        <ul class="air-key" data-legend="">
            { item(Band::Short, t.fill(Msg::TeamLegendShort, &floors)) }
            { item(Band::Met, t.get(Msg::TeamLegendMet).to_string()) }
            { item(Band::Robust, t.fill(Msg::TeamLegendRobust, &[("robust", &robust)])) }
        </ul>
    }
}

/// A legend swatch's classes: the shading of its band's cells.
fn classes_of(band: Band) -> &'static str {
    match band {
        Band::Short => "air-swatch air-cell air-low",
        Band::Met => "air-swatch air-cell air-mid",
        Band::Robust => "air-swatch air-cell air-high",
    }
}

/// What stands in for a group's scores or steps when the view does not show them.
fn suppressed(t: &Catalog, msg: Msg, shown: &Disclosure) -> Html {
    let min = t.number(shown.min_group as i64);
    html! { <p class="air-muted" data-suppressed="">{ t.fill(msg, &[("min", &min)]) }</p> }
}

/// Each team's coaching: its level, its biggest gap among people not yet Operating, and what
/// to do about it; a hidden team's block says why it shows nothing.
fn team_steps(t: &Catalog, report: &TeamReport, shown: &Disclosure) -> Html {
    // People given without a team, and nobody with one: their block is everyone's.
    let label = |name: &Option<String>| match report.has_teams() {
        true => team_label(t, name),
        false => t.get(Msg::TeamEveryone).to_string(),
    };
    let blocks = report.teams.iter().enumerate().map(|(i, team)| {
        let name = label(&team.name);
        let data_team = team.name.clone().unwrap_or_default();
        if !shown.team(i) {
            let why = if team.people < shown.min_group {
                Msg::TeamSuppressed
            } else {
                Msg::TeamSuppressedOther
            };
            return html! {
                <div class="air-gap" data-team-steps="" data-team={data_team}>
                    <h4>{ name }</h4>
                    { suppressed(t, why, shown) }
                </div>
            };
        }
        let heading = t.fill(
            Msg::TeamStepsTeam,
            &[("team", &name), ("level", level_name(t, team.level))],
        );
        let coaching = team.coaching();
        let said = team::coaching_said(t, &coaching);
        let gap = match coaching {
            Coaching::Gap(gap) => Some(gap.dimension.id()),
            _ => None,
        };
        let items = coaching
            .steps()
            .into_iter()
            .map(|s| html! { <li>{ tx(t, s) }</li> });
        html! {
            <div class="air-gap" data-team-steps="" data-team={data_team} data-gap={gap}>
                <h4>{ heading }</h4>
                <p>{ said }</p>
                <ol class="air-steps">{ for items }</ol>
            </div>
        }
    });
    html! {
        <div class="air-team-steps">
            <h3>{ tx(t, Msg::TeamStepsHeading) }</h3>
            { for blocks }
        </div>
    }
}

/// The column names of [`PEOPLE_COLUMNS`], in the visitor's language.
fn column_names(t: &Catalog) -> [String; 12] {
    let m = |msg| t.get(msg).to_string();
    [
        m(Msg::TeamColumnName),
        m(Msg::TeamColumnTeam),
        m(Msg::TeamColumnPerspective),
        m(Msg::TeamColumnCode),
        m(Msg::TeamColumnLevel),
        m(Msg::ResultOverall),
        m(Msg::TeamColumnAdoption),
        dimension_name(t, Dimension::Access).to_string(),
        dimension_name(t, Dimension::Usage).to_string(),
        dimension_name(t, Dimension::Capability).to_string(),
        dimension_name(t, Dimension::Visibility).to_string(),
        m(Msg::TeamColumnGap),
    ]
}

/// One row's cells, in [`PEOPLE_COLUMNS`] order; without the name when the view names nobody.
fn person_cells(t: &Catalog, p: &PersonRow, named: bool) -> Html {
    let o = &p.outcome;
    let perspective = match p.perspective {
        Perspective::Person => Msg::TeamPerspectiveSelf,
        Perspective::Team => Msg::TeamPerspectiveTeam,
    };
    let scores = o
        .scores
        .to_array()
        .map(|v| html! { <td>{ t.number(v) }</td> });
    // A missing name is said to be missing, with the line to find the person by.
    let name = match &p.name {
        Some(name) => html! { <td>{ name.clone() }</td> },
        None => html! { <td class="air-muted" data-no-name="">{ line_label(t, p.line) }</td> },
    };
    html! {
        <>
            if named { { name } }
            <td>{ p.team.clone().unwrap_or_default() }</td>
            <td>{ tx(t, perspective) }</td>
            <td class="air-mono" dir="ltr">{ p.code.to_string() }</td>
            <td>{ level_name(t, o.level) }</td>
            <td>{ t.number(o.overall) }</td>
            <td>{ t.number(o.adoption) }</td>
            { for scores }
            <td>{ p.gap().map_or("—", |d| dimension_name(t, d)) }</td>
        </>
    }
}

/// The people (self-assessments), the stuck first or sorted by a column, narrowed to one team
/// if asked, a page at a time or all at once for printing.
fn people_table(
    t: &Catalog,
    report: &TeamReport,
    page: &UseStateHandle<usize>,
    show_all: &UseStateHandle<bool>,
    sort: &UseStateHandle<Sort>,
    filter: &UseStateHandle<Option<String>>,
    table: &Table,
) -> Html {
    let all = **show_all;
    let printing = *table.printing;
    let order = match sort.column {
        Some(column) => team::sort_people(&report.people_rows, column, sort.descending),
        None => report.people_rows.iter().collect(),
    };
    let shown: Vec<&PersonRow> = match filter.as_deref() {
        Some(key) => order
            .into_iter()
            .filter(|p| p.team.as_deref().map(keys::team_key).unwrap_or_default() == key)
            .collect(),
        None => order,
    };
    let pages = shown.len().div_ceil(PAGE).max(1);
    let at = (**page).min(pages - 1);
    let windowed = all && !printing;
    let (skip, take) = if printing {
        (0, usize::MAX)
    } else if all {
        ((*table.first).min(shown.len()), WINDOW)
    } else {
        (at * PAGE, PAGE)
    };
    let drawn = take.min(shown.len() - skip.min(shown.len()));
    table.scratch.borrow_mut().spans = if windowed {
        (skip, drawn, shown.len() - skip - drawn)
    } else {
        (0, 0, 0)
    };
    let rows = shown.iter().enumerate().skip(skip).take(take).map(|(i, p)| {
        html! {
            <tr data-person="" data-person-line={p.line.to_string()} data-level={p.outcome.level.id()} aria-rowindex={(i + 2).to_string()}>
                { person_cells(t, p, true) }
            </tr>
        }
    });
    let spacer = |node: &NodeRef| {
        html! { <tr class="air-spacer" aria-hidden="true"><td colspan="12" ref={node.clone()}></td></tr> }
    };
    let onscroll = {
        let (first, scratch) = (table.first.clone(), table.scratch.clone());
        Callback::from(move |e: Event| {
            let wrap = e.target_unchecked_into::<web_sys::Element>();
            let top = (f64::from(wrap.scroll_top()) / scratch.borrow().row.max(1.0)) as usize;
            let at = top.saturating_sub(OVERSCAN) / OVERSCAN * OVERSCAN;
            if at != *first {
                first.set(at);
            }
        })
    };
    let heads = column_names(t).into_iter().enumerate().map(|(i, name)| {
        let current = sort.column == Some(i);
        let aria = match (current, sort.descending) {
            (false, _) => None,
            (true, false) => Some("ascending"),
            (true, true) => Some("descending"),
        };
        let onclick = {
            let (sort, page) = (sort.clone(), page.clone());
            Callback::from(move |_: MouseEvent| {
                sort.set(Sort {
                    column: Some(i),
                    descending: current && !sort.descending,
                });
                page.set(0);
            })
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="air-sort" data-sort={PEOPLE_COLUMNS[i]} {onclick}>{ name }</button>
            </th>
        }
    });
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let team_filter = team_filter(t, report, filter, page);
    html! {
        <div class="air-people">
            <h3>{ tx(t, Msg::TeamPeopleHeading) }</h3>
            <p class="air-muted" data-names-note="">{ tx(t, Msg::TeamNamesNote) }</p>
            { team_filter }
            <div class={classes!("air-table-wrap", windowed.then_some("air-scroll"))} tabindex="0" role="region"
                aria-label={attr(t, Msg::TeamPeopleHeading)} {onscroll}>
                <table class="air-table" data-people-table="" aria-rowcount={(shown.len() + 1).to_string()}>
                    <caption class="air-sr">{ tx(t, Msg::TeamPeopleHeading) }</caption>
                    <thead><tr aria-rowindex="1">{ for heads }</tr></thead>
                    <tbody>
                        if windowed { { spacer(&table.before) } }
                        { for rows }
                        if windowed { { spacer(&table.after) } }
                    </tbody>
                </table>
            </div>
            if pages > 1 {
                <div class="air-pager">
                    if !all {
                        <button type="button" class="air-btn air-small" data-action="page-prev" disabled={at == 0} onclick={go(at.saturating_sub(1))}>{ tx(t, Msg::TeamPrev) }</button>
                        <span class="air-muted" data-page="">{ t.fill(Msg::TeamPage, &[("page", &t.number(at as i64 + 1)), ("pages", &t.number(pages as i64))]) }</span>
                        <button type="button" class="air-btn air-small" data-action="page-next" disabled={at + 1 >= pages} onclick={go(at + 1)}>{ tx(t, Msg::TeamNext) }</button>
                    }
                    <button type="button" class="air-btn air-small" data-action="page-all" onclick={toggle_all(show_all)}>
                        { tx(t, if all { Msg::TeamShowPages } else { Msg::TeamShowAll }) }
                    </button>
                </div>
            }
        </div>
    }
}

/// Narrows the people table to one team; shown when there is more than one.
fn team_filter(
    t: &Catalog,
    report: &TeamReport,
    filter: &UseStateHandle<Option<String>>,
    page: &UseStateHandle<usize>,
) -> Html {
    if report.teams.len() < 2 {
        return html! {};
    }
    let onchange = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            // The first option, every team, has no value; a team's is `=` and its key.
            filter.set(value.strip_prefix('=').map(str::to_string));
            page.set(0);
        })
    };
    let options = report.teams.iter().map(|team| {
        let key = team.key();
        let selected = filter.as_deref() == Some(key.as_str());
        html! { <option value={format!("={key}")} {selected}>{ team_label(t, &team.name) }</option> }
    });
    html! {
        <label class="air-filter">
            <span>{ tx(t, Msg::TeamFilter) }</span>
            <select data-team-filter="" {onchange}>
                <option value="" selected={filter.is_none()}>{ tx(t, Msg::TeamFilterAll) }</option>
                { for options }
            </select>
        </label>
    }
}

/// Leads' views of their teams: listed apart, in line order, never ranked as people; without
/// names when the view names nobody.
fn views_table(t: &Catalog, report: &TeamReport, named: bool) -> Html {
    let heads = column_names(t)
        .into_iter()
        .skip(usize::from(!named))
        .map(|name| html! { <th scope="col">{ name }</th> });
    // Leads' views are few in practice; a paste of thousands still draws only the first page
    // (the CSV has them all).
    let more = report.views.len().saturating_sub(PAGE);
    let rows = report.views.iter().take(PAGE).map(|p| {
        html! {
            <tr data-view="" data-view-line={p.line.to_string()} data-level={p.outcome.level.id()}>
                { person_cells(t, p, named) }
            </tr>
        }
    });
    html! {
        <div class="air-views" data-views="">
            <h3>{ tx(t, Msg::TeamViews) }</h3>
            <p class="air-muted">{ tx(t, Msg::TeamViewsNote) }</p>
            <div class="air-table-wrap" tabindex="0" role="region" aria-label={attr(t, Msg::TeamViews)}>
                <table class="air-table" data-views-table="">
                    <caption class="air-sr">{ tx(t, Msg::TeamViews) }</caption>
                    <thead><tr>{ for heads }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if more > 0 {
                <p class="air-muted" data-views-more="">{ t.fill(Msg::TeamViewsMore, &[("n", &t.number(more as i64))]) }</p>
            }
        </div>
    }
}

/// Switches between one page of people and all of them (for printing).
fn toggle_all(show_all: &UseStateHandle<bool>) -> Callback<MouseEvent> {
    let show_all = show_all.clone();
    Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
}

/// Most problem lines listed; a paste of junk must not render thousands of items.
const MAX_PROBLEMS: usize = 100;

/// Lines that did not count, and why; quoting each line only where the view names people.
fn problems(t: &Catalog, roster: &Roster, named: bool) -> Html {
    let total = roster.problems.len() + roster.duplicates.len();
    if total == 0 {
        return html! {};
    }
    let more = total.saturating_sub(MAX_PROBLEMS);
    let bad = roster.problems.iter().take(MAX_PROBLEMS).map(|p| {
        let line = t.number(p.line as i64);
        let msg = if named {
            Msg::TeamProblem
        } else {
            Msg::TeamProblemBare
        };
        let said = t.fill(
            msg,
            &[
                ("line", &line),
                ("reason", &text::problem(t, &p.reason)),
                ("text", &p.text),
            ],
        );
        html! { <li data-problem-line={p.line.to_string()}>{ said }</li> }
    });
    let dup = roster.duplicates.iter().take(MAX_PROBLEMS.saturating_sub(roster.problems.len())).map(|d| {
        let (line, first) = (t.number(d.line as i64), t.number(d.first_line as i64));
        html! { <li data-duplicate-line={d.line.to_string()}>{ t.fill(Msg::TeamDuplicate, &[("line", &line), ("first", &first)]) }</li> }
    });
    html! {
        <div class="air-problems" data-problems="">
            <h3>{ t.count(Msg::TeamProblems, total as u64, &[]) }</h3>
            <ul>{ for bad }{ for dup }</ul>
            if more > 0 {
                <p class="air-muted" data-problems-more="">{ t.count(Msg::TeamMore, more as u64, &[]) }</p>
            }
        </div>
    }
}

/// "Line 12", standing in for a missing name.
fn line_label(t: &Catalog, line: usize) -> String {
    t.fill(Msg::TeamLine, &[("line", &t.number(line as i64))])
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2) / whole.max(1)
}

/// A heatmap cell's classes for its band.
fn band_class(band: Band) -> &'static str {
    match band {
        Band::Short => "air-cell air-low",
        Band::Met => "air-cell air-mid",
        Band::Robust => "air-cell air-high",
    }
}
