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

pub use crate::core::team::FileError;
pub use io::{Download, FileRequest, TeamStore};

use std::rc::Rc;

use web_sys::DragEvent;
use yew::prelude::*;

use io::{export, file_callbacks};
use keeping::{first_keeping, keep_controls, use_keep};
use reading::{first_list, use_reading};
use summary::{summary, team_steps};
use tables::{people_table, problems, team_table, views_table};
use window::use_table;

use super::{attr, tx};
use crate::core::code::ResultCode;
use crate::core::config::Config;
use crate::core::i18n::{Catalog, Msg};
use crate::core::team::{self, Disclosure, TeamAction, TeamState};

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

// The view's state in one place, its transitions pure functions in core
// (`TeamState::apply`): a change that alters nothing returns the same `Rc`, and Yew skips the
// render.
impl Reducible for TeamState {
    type Action = TeamAction;

    fn reduce(self: Rc<Self>, action: TeamAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// The team view: paste or drop result codes, see the team picture, export it.
#[component]
pub fn TeamView(props: &TeamProps) -> Html {
    let t = &*props.t;
    let input = &props.text;
    let state = use_reducer(|| TeamState::new(first_list(&props.text), first_keeping(props)));
    let act = state.dispatcher().to_callback();
    use_reading(input, &state);
    use_keep(props, &state);
    use_print(props, &act);
    let list = state.list.clone();
    let (roster, report) = (&list.roster, &list.report);
    // What this view may show: everything when people are named; groups only, each from the
    // minimum group size, when not (`teamPrivacy`, `minGroupSize`).
    let shown = Rc::new(Disclosure::of(
        report,
        props.config.team_privacy,
        props.config.min_group_size,
    ));
    let people = report.people > 0;
    let views = !report.views.is_empty();
    let window = (people && shown.named).then(|| state.people());
    let spans = window.as_ref().map_or((0, 0, 0), |w| w.spans());
    let table = use_table(input, &state, spans);
    let oninput = table.on_input(props.on_text.clone(), act.clone());
    let (onchange, ondrop) = file_callbacks(props, &act);
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let keeping = &state.keeping;
    let keep_controls = keep_controls(t, report, keeping, &act, props.store.today);
    // Changes are shown against the last round marked; rounds count from 1.
    let round = keeping.rounds.last().map(|r| (keeping.rounds.len(), r));

    html! {
        <section class="air-team" data-team="" aria-busy={state.reading.is_some().then_some("true")}>
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
                if let Some(reason) = state.file_note.clone() {
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
            if let Some((read, all)) = state.reading {
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
                if let Some(window) = &window {
                    { people_table(t, &state, window, &act, &table) }
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
                    <button type="button" class="air-btn air-primary" data-action="export" onclick={export(props, &list, &shown, "people", |r, _| team::to_csv(r))}>
                        { tx(t, Msg::TeamExport) }
                    </button>
                    if people {
                        <button type="button" class="air-btn" data-action="export-teams" onclick={export(props, &list, &shown, "teams", team::teams_csv)}>
                            { tx(t, Msg::TeamExportTeams) }
                        </button>
                    }
                </div>
            } else if people {
                <div class="air-nav">
                    <button type="button" class="air-btn air-primary" data-action="export-teams" onclick={export(props, &list, &shown, "teams", team::teams_csv)}>
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

/// Hears the page print (printing draws every row): subscribed once, when the view mounts, and
/// again only if the store's functions change; unsubscribed when the view goes.
#[hook]
fn use_print(props: &TeamProps, act: &Callback<TeamAction>) {
    let act = act.clone();
    use_effect_with(props.store, move |store| {
        (store.watch_print)(act.reform(TeamAction::Printing))
    });
}
