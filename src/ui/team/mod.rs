/// What the view exchanges with the embed layer: files to read and save, what it keeps.
mod io;
/// Keeping the list in the browser and marking rounds.
mod keeping;
/// Reading the pasted list, a slice at a time when it is long.
mod reading;
/// The team picture in words: levels, the common gap, each team's steps.
mod summary;
/// The team averages, the people, the leads' views and the problem lines.
mod tables;
/// The list box and the people table's row window.
mod window;

pub use io::{Download, FileError, FileRequest, TeamStore};

use std::rc::Rc;

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use keeping::{keep_controls, Keeping};
use reading::{follow, List, Settled, READ_AT_ONCE};
use summary::{summary, team_steps};
use tables::{people_table, problems, team_table, views_table, Sort};
use window::{Scratch, Table};

use super::{attr, tx};
use crate::core::code::ResultCode;
use crate::core::config::Config;
use crate::core::i18n::{Catalog, Msg};
use crate::core::roster::Encoding;
use crate::core::team::{self, with_code, Disclosure, Kept, TeamReport};

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

fn zero() -> usize {
    0
}

fn no() -> bool {
    false
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

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2) / whole.max(1)
}
