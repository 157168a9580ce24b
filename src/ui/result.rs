use std::rc::Rc;

use yew::prelude::*;

use super::share::{CopyButton, ShareKind, ShareRequest};
use super::{attr, tx};
use crate::core::chart::{self, BAR_H};
use crate::core::code::ResultCode;
use crate::core::config::CallToAction;
use crate::core::events::WidgetEvent;
use crate::core::i18n::{Catalog, Msg};
use crate::core::model::{Dimension, Level};
use crate::core::plan::plan;
use crate::core::scoring::Outcome;
use crate::core::text::{self, dimension_name, level_meaning, level_name};

/// Props of the result screen.
pub struct ResultProps {
    /// The texts.
    pub t: Rc<Catalog>,
    /// The scored outcome.
    pub outcome: Outcome,
    /// The result code of these answers.
    pub code: ResultCode,
    /// The result before the last retake, to show what changed.
    pub previous: Option<Outcome>,
    /// Opened from someone's share link: read-only, with "Take it yourself" instead of Retake.
    pub shared: bool,
    /// Where copy requests go.
    pub on_share: Callback<ShareRequest>,
    /// Opens the team view; absent on a shared result.
    pub on_team: Option<Callback<MouseEvent>>,
    /// The level heading, which receives keyboard focus when the result appears.
    pub heading: NodeRef,
    /// The host's call to action, if configured.
    pub cta: Option<CallToAction>,
    /// Receives the `ai-readiness:cta` event when the call to action is followed.
    pub on_cta: Callback<Rc<WidgetEvent>>,
    /// Pressed Retake (or "Take it yourself" on a shared result).
    pub on_restart: Callback<MouseEvent>,
}

/// The result: level, chart, adoption gap, biggest gap with reason, plan, Retake.
pub fn result_view(props: &ResultProps) -> Html {
    let t = &*props.t;
    let o = &props.outcome;
    let plan = plan(o);
    let gap_reason = text::gap_reason(t, &o.biggest_gap);
    let adoption_sentence = text::adoption_gap_sentence(t, o);
    let gap_figure = match o.adoption_gap {
        0 => t.number(0),
        gap => t.lang.signed(gap.into()),
    };
    let steps = plan.steps.iter().map(|&s| html! { <li>{ tx(t, s) }</li> });
    let then = plan.then.map(|(d, step)| {
        let lead = t.fill(Msg::ResultThen, &[("dimension", dimension_name(t, d))]);
        html! { <p class="air-then"><strong>{ lead }</strong>{ " " }{ tx(t, step) }</p> }
    });

    html! {
        <section class="air-result" data-result="" data-level={o.level.id()} data-shared={props.shared.then_some("")}>
            if props.shared {
                <p class="air-shared-note">{ tx(t, Msg::SharedNote) }</p>
            }
            <p class="air-eyebrow">{ tx(t, if props.shared { Msg::SharedHeading } else { Msg::ResultLevelPrefix }) }</p>
            <h2 class="air-level" tabindex="-1" ref={props.heading.clone()}>{ level_name(t, o.level) }</h2>
            { level_ladder(t, o.level) }
            <p class="air-lead">{ level_meaning(t, o.level) }</p>
            <div class="air-figures">
                <div class="air-figure">
                    <span class="air-figure-value" data-figure="overall">{ t.number(o.overall) }</span>
                    <span class="air-figure-label">{ tx(t, Msg::ResultOverall) }</span>
                </div>
                <div class="air-figure">
                    // A sign stays left of its number in right-to-left text too.
                    <span class="air-figure-value" data-figure="adoption-gap" dir="ltr">{ gap_figure }</span>
                    <span class="air-figure-label">{ tx(t, Msg::ResultAdoptionGap) }</span>
                </div>
            </div>
            <p>{ adoption_sentence }</p>
            <h3>{ tx(t, Msg::ResultScores) }</h3>
            { score_chart(t, o) }
            { for props.previous.as_ref().map(|p| changes(t, p, o)) }
            <div class="air-gap" data-biggest-gap={o.biggest_gap.dimension.id()}>
                <h3>{ t.fill(Msg::ResultBiggestGap, &[("dimension", dimension_name(t, o.biggest_gap.dimension))]) }</h3>
                <p>{ gap_reason }</p>
            </div>
            <h3>{ tx(t, Msg::ResultNextSteps) }</h3>
            <ol class="air-steps">{ for steps }</ol>
            { for then }
            if !props.shared {
                { code_box(&props.t, &props.code, &props.on_share) }
            }
            <div class="air-nav">
                if props.shared {
                    <button type="button" class="air-btn air-primary" data-action="take" onclick={props.on_restart.clone()}>
                        { tx(t, Msg::SharedTake) }
                    </button>
                } else {
                    <button type="button" class="air-btn" data-action="restart" onclick={props.on_restart.clone()}>
                        { tx(t, Msg::ResultRetake) }
                    </button>
                    if let Some(on_team) = props.on_team.clone() {
                        <button type="button" class="air-btn" data-action="team" onclick={on_team}>
                            { tx(t, Msg::TeamOpen) }
                        </button>
                    }
                    { for props.cta.as_ref().map(|cta| cta_link(cta, o, &props.code, &props.on_cta)) }
                }
            </div>
        </section>
    }
}

/// The result code with buttons to copy it or a link that opens this result.
fn code_box(t: &Rc<Catalog>, code: &ResultCode, on_share: &Callback<ShareRequest>) -> Html {
    let text = AttrValue::from(code.to_string());
    html! {
        <div class="air-code-box">
            <p class="air-eyebrow">{ tx(t, Msg::CodeLabel) }</p>
            <p class="air-code" data-code={text.clone()} dir="ltr">{ text.clone() }</p>
            <p class="air-muted">{ tx(t, Msg::CodeHelp) }</p>
            <div class="air-copy-row">
                <CopyButton kind={ShareKind::Code} code={text.clone()} on_share={on_share.clone()} t={t.clone()} />
                <CopyButton kind={ShareKind::Link} code={text} on_share={on_share.clone()} t={t.clone()} />
            </div>
        </div>
    }
}

/// The host's call to action: a plain link that also tells the host it was followed.
fn cta_link(
    cta: &CallToAction,
    outcome: &Outcome,
    code: &ResultCode,
    on_cta: &Callback<Rc<WidgetEvent>>,
) -> Html {
    let event = Rc::new(WidgetEvent::cta(outcome, code, &cta.url));
    let on_cta = on_cta.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_cta.emit(event.clone()));
    html! {
        <a class="air-btn air-primary" data-action="cta" href={cta.url.clone()}
            target="_blank" rel="noopener noreferrer" {onclick}>
            { cta.label.clone() }
        </a>
    }
}

/// What moved since the previous result: the level, then each dimension.
fn changes(t: &Catalog, previous: &Outcome, now: &Outcome) -> Html {
    let rows = Dimension::ALL.iter().map(|&d| {
        let delta = i16::from(now.scores.get(d)) - i16::from(previous.scores.get(d));
        html! {
            <li data-dimension={d.id()} data-delta={delta.to_string()}>
                <span>{ dimension_name(t, d) }</span>
                <strong dir="ltr">{ t.lang.signed(delta.into()) }</strong>
            </li>
        }
    });
    html! {
        <div class="air-changes" data-changes="">
            <h3>{ tx(t, Msg::ChangeHeading) }</h3>
            <p>{ text::level_change(t, previous.level, now.level) }</p>
            <ul class="air-deltas">{ for rows }</ul>
        </div>
    }
}

/// The three levels in order, the reached one marked, so the level reads as a position.
fn level_ladder(t: &Catalog, current: Level) -> Html {
    let steps = Level::ALL.iter().map(|&l| {
        let reached = l <= current;
        html! {
            <li class={if reached { "air-rung air-rung-reached" } else { "air-rung" }}
                data-rung={l.id()}
                aria-current={(l == current).then_some("step")}>
                { level_name(t, l) }
            </li>
        }
    });
    html! { <ol class="air-ladder" aria-label={attr(t, Msg::ResultLevels)}>{ for steps }</ol> }
}

/// The four scores as horizontal bars, each with its name and number; mirrored in a
/// right-to-left language.
fn score_chart(t: &Catalog, outcome: &Outcome) -> Html {
    let c = chart::layout(outcome.scores, t.lang.rtl());
    let bar_h = BAR_H.to_string();
    let bars = c.bars.iter().map(|b| {
        let bar_y = b.bar_y.to_string();
        let text_y = b.text_y.to_string();
        html! {
            <g class="air-bar" data-dimension={b.dimension.id()} data-score={b.score.to_string()}>
                <text x={c.names.x} y={text_y.clone()} class="air-bar-label" text-anchor={c.names.anchor}>{ dimension_name(t, b.dimension) }</text>
                <text x={c.values.x} y={text_y} class="air-bar-value" text-anchor={c.values.anchor}>{ t.number(b.score) }</text>
                <rect class="air-bar-track" x="0" y={bar_y.clone()} width="100%" height={bar_h.clone()} rx="4" />
                <rect class="air-bar-fill" x={format!("{}%", b.fill_x)} y={bar_y} width={format!("{}%", b.score)} height={bar_h.clone()} rx="4" />
            </g>
        }
    });
    let floor_x = format!("{}%", c.floor_x);
    let floor = t.number(c.operating_floor);
    html! {
        <>
        <svg class="air-chart" width="100%" height={c.height.to_string()} role="img" aria-label={text::chart_summary(t, outcome)}>
            { for bars }
            <line class="air-chart-target" x1={floor_x.clone()} x2={floor_x}
                y1="18" y2={c.height.to_string()} />
        </svg>
        <p class="air-muted air-chart-note">{ t.fill(Msg::ResultChartNote, &[("floor", &floor)]) }</p>
        </>
    }
}
