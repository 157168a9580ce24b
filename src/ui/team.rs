use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::model::{Dimension, Level};
use crate::core::roster::{self, Roster};
use crate::core::scoring::Scores;
use crate::core::team::{self, TeamReport};
use crate::core::text::{dimension_name, level_name, team as words};

/// A file the visitor picked or dropped, for the embed layer to read as text.
#[derive(Clone, PartialEq)]
pub struct FileRequest {
    /// The file.
    pub file: web_sys::File,
    /// Hears the text, or why it could not be read.
    pub done: Callback<Result<String, String>>,
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
    /// Back to the assessment, when the team view was opened from it.
    #[prop_or_default]
    pub on_back: Option<Callback<MouseEvent>>,
}

/// People per page of the people table.
const PAGE: usize = 50;

/// The team view: paste or drop result codes, see the team picture, export it.
#[component]
pub fn TeamView(props: &TeamProps) -> Html {
    let input = props.text.clone();
    let page = use_state(|| 0usize);
    let show_all = use_state(|| false);
    let file_error = use_state(|| None::<String>);
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
            on_text.emit(AttrValue::from(e.target_unchecked_into::<HtmlTextAreaElement>().value()));
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
                done: Callback::from(move |read: Result<String, String>| match read {
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
        if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
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
            <h2>{ words::TITLE }</h2>
            <p class="air-lead">{ words::LEAD }</p>
            <p class="air-private">{ words::PRIVATE }</p>
            <div class="air-drop" {ondrop} {ondragover}>
                <label class="air-field-label" for="air-team-input">{ words::PASTE_LABEL }</label>
                <textarea id="air-team-input" class="air-input" rows="7" spellcheck="false"
                    placeholder={words::PLACEHOLDER} value={input.clone()} {oninput}
                    data-team-input="" />
                <label class="air-file">
                    <span>{ words::FILE_LABEL }</span>
                    <input type="file" accept=".csv,.txt,text/csv,text/plain" {onchange} data-team-file="" />
                </label>
                if let Some(reason) = (*file_error).clone() {
                    <p class="air-hint" role="alert">{ reason }</p>
                }
            </div>
            if report.people > 0 {
                { summary(report) }
                { team_table(report) }
                { common_gap(report) }
                { people_table(report, *page, &page, &show_all) }
                <div class="air-nav">
                    <button type="button" class="air-btn air-primary" data-action="export" onclick={export}>
                        { words::EXPORT }
                    </button>
                </div>
            } else if !input.trim().is_empty() {
                <p class="air-notice" role="status">{ words::NONE_VALID }</p>
            }
            { problems(roster) }
            if let Some(on_back) = props.on_back.clone() {
                <div class="air-nav">
                    <button type="button" class="air-btn" data-action="assessment" onclick={on_back}>
                        { words::BACK }
                    </button>
                </div>
            }
        </section>
    }
}

/// People, level distribution and the group's access-vs-adoption gap.
fn summary(report: &TeamReport) -> Html {
    let levels = Level::ALL.iter().zip(report.levels).map(|(&level, count)| {
        html! {
            <div class="air-figure" data-level-count={level.id()}>
                <span class="air-figure-value">{ count }</span>
                <span class="air-figure-label">{ format!("{} · {}%", level_name(level), percent(count, report.people)) }</span>
            </div>
        }
    });
    let group = report.overall.as_ref().map(|o| {
        html! {
            <p data-group-level={o.level.id()}>
                { words::group_sentence(report.people, o.level, o.adoption_gap) }
            </p>
        }
    });
    html! {
        <div class="air-team-summary">
            <div class="air-figures">
                <div class="air-figure">
                    <span class="air-figure-value" data-figure="people">{ report.people }</span>
                    <span class="air-figure-label">{ words::PEOPLE }</span>
                </div>
                { for levels }
            </div>
            { for group }
        </div>
    }
}

/// Average score per dimension, for everyone and per team, banded so weak cells stand out
/// (band classes, not colour alone: each cell also shows its number).
fn team_table(report: &TeamReport) -> Html {
    let Some(all) = report.overall.as_ref() else { return html! {} };
    let head = Dimension::ALL.iter().map(|&d| html! { <th scope="col">{ dimension_name(d) }</th> });
    let row = |name: String, people: usize, scores: Scores, level: Level, total: bool| {
        let cells = Dimension::ALL.iter().map(|&d| {
            let v = scores.get(d);
            html! { <td class={band(v)} data-dimension={d.id()}>{ v }</td> }
        });
        html! {
            <tr class={total.then_some("air-total")}>
                <th scope="row">{ name }</th>
                <td>{ people }</td>
                { for cells }
                <td>{ level_name(level) }</td>
            </tr>
        }
    };
    let teams = report.teams.iter().map(|t| {
        let name = t.name.clone().unwrap_or_else(|| words::NO_TEAM.to_string());
        row(name, t.people, t.scores, t.level, false)
    });
    html! {
        <>
        <h3>{ words::AVERAGES }</h3>
        // Scrolls sideways in a narrow column; focusable so keyboard users can scroll it too.
        <div class="air-table-wrap" tabindex="0" role="region" aria-label={words::AVERAGES}>
            <table class="air-table" data-team-table="">
                <caption class="air-sr">{ words::AVERAGES }</caption>
                <thead><tr><th scope="col">{ words::TEAM }</th><th scope="col">{ words::PEOPLE }</th>{ for head }<th scope="col">{ words::LEVEL }</th></tr></thead>
                <tbody>
                    { row(words::EVERYONE.to_string(), report.people, all.scores, all.level, true) }
                    { for teams }
                </tbody>
            </table>
        </div>
        </>
    }
}

/// The group's most common biggest gap and what to do about it.
fn common_gap(report: &TeamReport) -> Html {
    let Some((dimension, count)) = report.common_gap else { return html! {} };
    let steps = report.common_gap_steps().iter().map(|s| html! { <li>{ *s }</li> });
    html! {
        <div class="air-gap" data-common-gap={dimension.id()}>
            <h3>{ format!("{}: {}", words::COMMON_GAP, dimension_name(dimension)) }</h3>
            <p>{ words::common_gap_sentence(dimension, count, report.people) }</p>
            <ol class="air-steps">{ for steps }</ol>
        </div>
    }
}

/// Everyone, stuck first, a page at a time, or all at once for printing.
fn people_table(report: &TeamReport, page: usize, set_page: &UseStateHandle<usize>, show_all: &UseStateHandle<bool>) -> Html {
    let all = **show_all;
    let pages = report.people_rows.len().div_ceil(PAGE).max(1);
    let page = page.min(pages - 1);
    let (skip, take) = if all { (0, usize::MAX) } else { (page * PAGE, PAGE) };
    let rows = report.people_rows.iter().skip(skip).take(take).map(|p| {
        let o = &p.outcome;
        html! {
            <tr data-person-line={p.line.to_string()} data-level={o.level.id()}>
                <td>{ p.name.clone().unwrap_or_else(|| format!("{} {}", words::LINE, p.line)) }</td>
                <td>{ p.team.clone().unwrap_or_default() }</td>
                <td>{ level_name(o.level) }</td>
                <td>{ dimension_name(o.biggest_gap.dimension) }</td>
                <td>{ o.adoption }</td>
                <td class="air-mono">{ p.code.to_string() }</td>
            </tr>
        }
    });
    let go = |to: usize| {
        let set_page = set_page.clone();
        Callback::from(move |_: MouseEvent| set_page.set(to))
    };
    html! {
        <div class="air-people">
            <h3>{ words::PEOPLE_HEADING }</h3>
            <div class="air-table-wrap" tabindex="0" role="region" aria-label={words::PEOPLE_HEADING}>
                <table class="air-table" data-people-table="">
                    <caption class="air-sr">{ words::PEOPLE_HEADING }</caption>
                    <thead><tr>
                        <th scope="col">{ words::NAME }</th><th scope="col">{ words::TEAM }</th>
                        <th scope="col">{ words::LEVEL }</th><th scope="col">{ words::GAP }</th>
                        <th scope="col">{ words::ADOPTION }</th><th scope="col">{ words::CODE }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if pages > 1 {
                <div class="air-pager">
                    if !all {
                        <button type="button" class="air-btn air-small" data-action="page-prev" disabled={page == 0} onclick={go(page.saturating_sub(1))}>{ words::PREV }</button>
                        <span class="air-muted" data-page="">{ format!("{} {} / {}", words::PAGE, page + 1, pages) }</span>
                        <button type="button" class="air-btn air-small" data-action="page-next" disabled={page + 1 >= pages} onclick={go(page + 1)}>{ words::NEXT }</button>
                    }
                    <button type="button" class="air-btn air-small" data-action="page-all" onclick={toggle_all(show_all)}>
                        { if all { words::SHOW_PAGES } else { words::SHOW_ALL } }
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
fn problems(roster: &Roster) -> Html {
    let total = roster.problems.len() + roster.duplicates.len();
    if total == 0 {
        return html! {};
    }
    let more = total.saturating_sub(MAX_PROBLEMS);
    let bad = roster.problems.iter().take(MAX_PROBLEMS).map(|p| {
        html! { <li data-problem-line={p.line.to_string()}>{ format!("{} {}: {} ({})", words::LINE, p.line, p.reason, p.text) }</li> }
    });
    let dup = roster.duplicates.iter().take(MAX_PROBLEMS.saturating_sub(roster.problems.len())).map(|d| {
        html! { <li data-duplicate-line={d.line.to_string()}>{ words::duplicate_sentence(d.line, d.first_line) }</li> }
    });
    html! {
        <div class="air-problems" data-problems="">
            <h3>{ words::problems_heading(total) }</h3>
            <ul>{ for bad }{ for dup }</ul>
            if more > 0 {
                <p class="air-muted" data-problems-more="">{ words::more_problems(more) }</p>
            }
        </div>
    }
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
