use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::summary::suppressed;
use super::window::Table;
use crate::core::i18n::{Catalog, Msg};
use crate::core::model::{Dimension, Level, Perspective};
use crate::core::roster::Roster;
use crate::core::scoring::Scores;
use crate::core::team::{
    self, Band, Disclosure, PeopleColumn, PeopleWindow, PersonRow, Round, RoundKey, TeamAction,
    TeamReport, TeamState, PAGE,
};
use crate::core::text::{self, dimension_name, level_name};
use crate::ui::{attr, tx};

/// A team's name as shown: "No team given" for people without one.
pub(super) fn team_label(t: &Catalog, name: &Option<String>) -> String {
    name.clone()
        .unwrap_or_else(|| t.get(Msg::TeamNoTeam).to_string())
}

/// Average score per dimension, for everyone and per team, shaded by the model's own cut-offs
/// (band classes, not colour alone: each cell also shows its number), with the change since the
/// last round when there is one. A group the view does not show keeps its name and head count;
/// a note stands in for its scores.
pub(super) fn team_table(
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

/// A column's name in the visitor's language.
fn column_name(t: &Catalog, column: PeopleColumn) -> String {
    let msg = match column {
        PeopleColumn::Name => Msg::TeamColumnName,
        PeopleColumn::Team => Msg::TeamColumnTeam,
        PeopleColumn::Perspective => Msg::TeamColumnPerspective,
        PeopleColumn::Code => Msg::TeamColumnCode,
        PeopleColumn::Level => Msg::TeamColumnLevel,
        PeopleColumn::Overall => Msg::ResultOverall,
        PeopleColumn::Adoption => Msg::TeamColumnAdoption,
        PeopleColumn::Score(d) => return dimension_name(t, d).to_string(),
        PeopleColumn::BiggestGap => Msg::TeamColumnGap,
    };
    t.get(msg).to_string()
}

/// One row's cells, in [`PeopleColumn::ALL`] order; without the name when the view names nobody.
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
pub(super) fn people_table(
    t: &Catalog,
    state: &TeamState,
    window: &PeopleWindow,
    act: &Callback<TeamAction>,
    table: &Table,
) -> Html {
    let PeopleWindow {
        rows: shown,
        pages,
        at,
        skip,
        take,
        windowed,
    } = window;
    let (pages, at, windowed, sort) = (*pages, *at, *windowed, state.sort);
    let rows = shown.iter().enumerate().skip(*skip).take(*take).map(|(i, p)| {
        html! {
            <tr data-person="" data-person-line={p.line.to_string()} data-level={p.outcome.level.id()} aria-rowindex={(i + 2).to_string()}>
                { person_cells(t, p, true) }
            </tr>
        }
    });
    let spacer = |node: &NodeRef| {
        html! { <tr class="air-spacer" aria-hidden="true"><td colspan="12" ref={node.clone()}></td></tr> }
    };
    let onscroll = act.reform(|e: Event| {
        TeamAction::Scrolled(f64::from(
            e.target_unchecked_into::<web_sys::Element>().scroll_top(),
        ))
    });
    let heads = PeopleColumn::ALL.into_iter().map(|column| {
        let aria = match (sort.column == Some(column), sort.descending) {
            (false, _) => None,
            (true, false) => Some("ascending"),
            (true, true) => Some("descending"),
        };
        let onclick = act.reform(move |_: MouseEvent| TeamAction::SortBy(column));
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="air-sort" data-sort={column.id()} {onclick}>{ column_name(t, column) }</button>
            </th>
        }
    });
    let go = |to: usize| act.reform(move |_: MouseEvent| TeamAction::Page(to));
    let all = state.show_all;
    html! {
        <div class="air-people">
            <h3>{ tx(t, Msg::TeamPeopleHeading) }</h3>
            <p class="air-muted" data-names-note="">{ tx(t, Msg::TeamNamesNote) }</p>
            { team_filter(t, &state.list.report, state.filter.as_deref(), act) }
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
                    <button type="button" class="air-btn air-small" data-action="page-all" onclick={act.reform(|_: MouseEvent| TeamAction::ToggleAll)}>
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
    filter: Option<&str>,
    act: &Callback<TeamAction>,
) -> Html {
    if report.teams.len() < 2 {
        return html! {};
    }
    let onchange = act.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        // The first option, every team, has no value; a team's is `=` and its key.
        TeamAction::Filter(value.strip_prefix('=').map(str::to_string))
    });
    let options = report.teams.iter().map(|team| {
        let key = team.key();
        let selected = filter == Some(key.as_str());
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
pub(super) fn views_table(t: &Catalog, report: &TeamReport, named: bool) -> Html {
    let heads = PeopleColumn::ALL
        .into_iter()
        .skip(usize::from(!named))
        .map(|column| html! { <th scope="col">{ column_name(t, column) }</th> });
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

/// Most problem lines listed; a paste of junk must not render thousands of items.
const MAX_PROBLEMS: usize = 100;

/// Lines that did not count, and why; quoting each line only where the view names people.
pub(super) fn problems(t: &Catalog, roster: &Roster, named: bool) -> Html {
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

/// A heatmap cell's classes for its band.
fn band_class(band: Band) -> &'static str {
    match band {
        Band::Short => "air-cell air-low",
        Band::Met => "air-cell air-mid",
        Band::Robust => "air-cell air-high",
    }
}
