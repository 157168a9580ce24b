use yew::prelude::*;

use super::percent;
use super::tables::team_label;
use crate::core::i18n::{Catalog, Msg};
use crate::core::model::Level;
use crate::core::team::{self, Coaching, Disclosure, TeamReport};
use crate::core::text::{dimension_name, level_name};
use crate::ui::tx;

/// People, level distribution, the group's access-vs-adoption gap and its most common gap; only
/// the number of people when everyone together is below the minimum group size.
pub(super) fn summary(t: &Catalog, report: &TeamReport, shown: &Disclosure) -> Html {
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

/// What stands in for a group's scores or steps when the view does not show them.
pub(super) fn suppressed(t: &Catalog, msg: Msg, shown: &Disclosure) -> Html {
    let min = t.number(shown.min_group as i64);
    html! { <p class="air-muted" data-suppressed="">{ t.fill(msg, &[("min", &min)]) }</p> }
}

/// Each team's coaching: its level, its biggest gap among people not yet Operating, and what
/// to do about it; a hidden team's block says why it shows nothing.
pub(super) fn team_steps(t: &Catalog, report: &TeamReport, shown: &Disclosure) -> Html {
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
