use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::model::{Dimension, Level};
use crate::core::roster::{self, Roster};
use crate::core::scoring::Scores;
use crate::core::team::{self, TeamReport};
use std::rc::Rc;

use super::{attr, tx};
use crate::core::i18n::{Catalog, Msg};
use crate::core::text::{self, dimension_name, level_name};

/// A file the visitor picked or dropped, for the embed layer to read as text.
#[derive(Clone, PartialEq)]
pub struct FileRequest {
    /// The file.
    pub file: web_sys::File,
    /// Hears the text, or why it could not be read.
    pub done: Callback<Result<String, FileError>>,
}

/// Why a picked or dropped file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Over the size limit.
    TooLarge {
        /// The file's name.
        name: String,
    },
    /// Not text.
    NotText {
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
            FileError::NotText { name } => t.fill(Msg::ErrorFileNotText, &[("name", name)]),
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
    /// The texts.
    pub t: Rc<Catalog>,
    /// Back to the assessment, when the team view was opened from it.
    #[prop_or_default]
    pub on_back: Option<Callback<MouseEvent>>,
}

/// People per page of the people table.
const PAGE: usize = 50;

/// The team view: paste or drop result codes, see the team picture, export it.
#[component]
pub fn TeamView(props: &TeamProps) -> Html {
    let t = &*props.t;
    let input = props.text.clone();
    let page = use_state(|| 0usize);
    let show_all = use_state(|| false);
    let file_error = use_state(|| None::<FileError>);
    let parsed = use_memo(input.clone(), |text| {
        let roster = roster::parse(text);
        let report = team::report(&roster);
        (roster, report)
    });
    let (roster, report) = (&parsed.0, &parsed.1);

    let oninput = {
        let on_text = props.on_text.clone();
        let page = page.clone();
        Callback::from(move |e: InputEvent| {
            on_text.emit(AttrValue::from(
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ));
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
            on_file.emit(FileRequest {
                file,
                done: Callback::from(move |read: Result<String, FileError>| match read {
                    Ok(text) => {
                        on_text.emit(AttrValue::from(text));
                        page.set(0);
                        file_error.set(None);
                    }
                    Err(reason) => file_error.set(Some(reason)),
                }),
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
    let export = {
        let parsed = parsed.clone();
        let on_download = props.on_download.clone();
        Callback::from(move |_: MouseEvent| {
            on_download.emit(Download {
                name: "ai-readiness-team.csv".to_string(),
                mime: "text/csv;charset=utf-8",
                content: team::to_csv(&parsed.1),
            })
        })
    };

    html! {
        <section class="air-team" data-team="">
            <h2>{ tx(t, Msg::TeamTitle) }</h2>
            <p class="air-lead">{ tx(t, Msg::TeamLead) }</p>
            <p class="air-private">{ tx(t, Msg::TeamPrivate) }</p>
            <div class="air-drop" {ondrop} {ondragover}>
                <label class="air-field-label" for="air-team-input">{ tx(t, Msg::TeamPasteLabel) }</label>
                // Codes, names and teams mix scripts; each line takes its direction from its text.
                <textarea id="air-team-input" class="air-input" rows="7" spellcheck="false" dir="auto"
                    placeholder={attr(t, Msg::TeamPlaceholder)} value={input.clone()} {oninput}
                    data-team-input="" />
                <label class="air-file">
                    <span>{ tx(t, Msg::TeamFileLabel) }</span>
                    <input type="file" accept=".csv,.txt,text/csv,text/plain" {onchange} data-team-file="" />
                </label>
                if let Some(reason) = (*file_error).clone() {
                    <p class="air-hint" role="alert">{ reason.say(t) }</p>
                }
            </div>
            if report.people > 0 {
                { summary(t, report) }
                { team_table(t, report) }
                { common_gap(t, report) }
                { people_table(t, report, *page, &page, &show_all) }
                <div class="air-nav">
                    <button type="button" class="air-btn air-primary" data-action="export" onclick={export}>
                        { tx(t, Msg::TeamExport) }
                    </button>
                </div>
            } else if !input.trim().is_empty() {
                <p class="air-notice" role="status">{ tx(t, Msg::TeamNoneValid) }</p>
            }
            { problems(t, roster) }
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

/// People, level distribution and the group's access-vs-adoption gap.
fn summary(t: &Catalog, report: &TeamReport) -> Html {
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
    html! {
        <div class="air-team-summary">
            <div class="air-figures">
                <div class="air-figure">
                    <span class="air-figure-value" data-figure="people">{ t.number(report.people as i64) }</span>
                    <span class="air-figure-label">{ tx(t, Msg::TeamPeople) }</span>
                </div>
                { for levels }
            </div>
            { for group }
        </div>
    }
}

/// Average score per dimension, for everyone and per team, banded so weak cells stand out
/// (band classes, not colour alone: each cell also shows its number).
fn team_table(t: &Catalog, report: &TeamReport) -> Html {
    let Some(all) = report.overall.as_ref() else {
        return html! {};
    };
    let head = Dimension::ALL
        .iter()
        .map(|&d| html! { <th scope="col">{ dimension_name(t, d) }</th> });
    let row = |name: String, people: usize, scores: Scores, level: Level, total: bool| {
        let cells = Dimension::ALL.iter().map(|&d| {
            let v = scores.get(d);
            html! { <td class={band(v)} data-dimension={d.id()}>{ t.number(v) }</td> }
        });
        html! {
            <tr class={total.then_some("air-total")}>
                <th scope="row">{ name }</th>
                <td>{ t.number(people as i64) }</td>
                { for cells }
                <td>{ level_name(t, level) }</td>
            </tr>
        }
    };
    let teams = report.teams.iter().map(|row_team| {
        let name = row_team
            .name
            .clone()
            .unwrap_or_else(|| t.get(Msg::TeamNoTeam).to_string());
        row(
            name,
            row_team.people,
            row_team.scores,
            row_team.level,
            false,
        )
    });
    html! {
        <>
        <h3>{ tx(t, Msg::TeamAverages) }</h3>
        // Scrolls sideways in a narrow column; focusable so keyboard users can scroll it too.
        <div class="air-table-wrap" tabindex="0" role="region" aria-label={attr(t, Msg::TeamAverages)}>
            <table class="air-table" data-team-table="">
                <caption class="air-sr">{ tx(t, Msg::TeamAverages) }</caption>
                <thead><tr>
                    <th scope="col">{ tx(t, Msg::TeamColumnTeam) }</th><th scope="col">{ tx(t, Msg::TeamPeople) }</th>
                    { for head }<th scope="col">{ tx(t, Msg::TeamColumnLevel) }</th>
                </tr></thead>
                <tbody>
                    { row(t.get(Msg::TeamEveryone).to_string(), report.people, all.scores, all.level, true) }
                    { for teams }
                </tbody>
            </table>
        </div>
        </>
    }
}

/// The group's most common biggest gap and what to do about it.
fn common_gap(t: &Catalog, report: &TeamReport) -> Html {
    let Some((dimension, count)) = report.common_gap else {
        return html! {};
    };
    let steps = report
        .common_gap_steps()
        .into_iter()
        .map(|s| html! { <li>{ tx(t, s) }</li> });
    let name = dimension_name(t, dimension);
    let count = t.number(count as i64);
    html! {
        <div class="air-gap" data-common-gap={dimension.id()}>
            <h3>{ t.fill(Msg::TeamCommonGap, &[("dimension", name)]) }</h3>
            <p>{ t.count(Msg::TeamCommonGapWhy, report.people as u64, &[("dimension", name), ("count", &count)]) }</p>
            <ol class="air-steps">{ for steps }</ol>
        </div>
    }
}

/// Everyone, stuck first, a page at a time, or all at once for printing.
fn people_table(
    t: &Catalog,
    report: &TeamReport,
    page: usize,
    set_page: &UseStateHandle<usize>,
    show_all: &UseStateHandle<bool>,
) -> Html {
    let all = **show_all;
    let pages = report.people_rows.len().div_ceil(PAGE).max(1);
    let page = page.min(pages - 1);
    let (skip, take) = if all {
        (0, usize::MAX)
    } else {
        (page * PAGE, PAGE)
    };
    let rows = report.people_rows.iter().skip(skip).take(take).map(|p| {
        let o = &p.outcome;
        html! {
            <tr data-person-line={p.line.to_string()} data-level={o.level.id()}>
                <td>{ p.name.clone().unwrap_or_else(|| line_label(t, p.line)) }</td>
                <td>{ p.team.clone().unwrap_or_default() }</td>
                <td>{ level_name(t, o.level) }</td>
                <td>{ dimension_name(t, o.biggest_gap.dimension) }</td>
                <td>{ t.number(o.adoption) }</td>
                <td class="air-mono" dir="ltr">{ p.code.to_string() }</td>
            </tr>
        }
    });
    let go = |to: usize| {
        let set_page = set_page.clone();
        Callback::from(move |_: MouseEvent| set_page.set(to))
    };
    html! {
        <div class="air-people">
            <h3>{ tx(t, Msg::TeamPeopleHeading) }</h3>
            <div class="air-table-wrap" tabindex="0" role="region" aria-label={attr(t, Msg::TeamPeopleHeading)}>
                <table class="air-table" data-people-table="">
                    <caption class="air-sr">{ tx(t, Msg::TeamPeopleHeading) }</caption>
                    <thead><tr>
                        <th scope="col">{ tx(t, Msg::TeamColumnName) }</th><th scope="col">{ tx(t, Msg::TeamColumnTeam) }</th>
                        <th scope="col">{ tx(t, Msg::TeamColumnLevel) }</th><th scope="col">{ tx(t, Msg::TeamColumnGap) }</th>
                        <th scope="col">{ tx(t, Msg::TeamColumnAdoption) }</th><th scope="col">{ tx(t, Msg::TeamColumnCode) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if pages > 1 {
                <div class="air-pager">
                    if !all {
                        <button type="button" class="air-btn air-small" data-action="page-prev" disabled={page == 0} onclick={go(page.saturating_sub(1))}>{ tx(t, Msg::TeamPrev) }</button>
                        <span class="air-muted" data-page="">{ t.fill(Msg::TeamPage, &[("page", &t.number(page as i64 + 1)), ("pages", &t.number(pages as i64))]) }</span>
                        <button type="button" class="air-btn air-small" data-action="page-next" disabled={page + 1 >= pages} onclick={go(page + 1)}>{ tx(t, Msg::TeamNext) }</button>
                    }
                    <button type="button" class="air-btn air-small" data-action="page-all" onclick={toggle_all(show_all)}>
                        { tx(t, if all { Msg::TeamShowPages } else { Msg::TeamShowAll }) }
                    </button>
                </div>
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

/// Lines that did not count, and why.
fn problems(t: &Catalog, roster: &Roster) -> Html {
    let total = roster.problems.len() + roster.duplicates.len();
    if total == 0 {
        return html! {};
    }
    let more = total.saturating_sub(MAX_PROBLEMS);
    let bad = roster.problems.iter().take(MAX_PROBLEMS).map(|p| {
        let line = t.number(p.line as i64);
        let said = t.fill(
            Msg::TeamProblem,
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

/// Score band for a heatmap cell.
fn band(score: u8) -> &'static str {
    match score {
        0..=39 => "air-cell air-low",
        40..=64 => "air-cell air-mid",
        _ => "air-cell air-high",
    }
}
