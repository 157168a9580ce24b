use std::rc::Rc;

use yew::prelude::*;

use super::share::{CopyButton, ShareKind, ShareRequest};
use crate::core::chart::{self, BAR_H};
use crate::core::code::ResultCode;
use crate::core::config::CallToAction;
use crate::core::events::WidgetEvent;
use crate::core::plan::plan;
use crate::core::model::{Dimension, Level};
use crate::core::scoring::{Outcome, Scores};
use crate::core::text::{self, dimension_name, level_meaning, level_name, ui};

/// Props of the result screen.
pub struct ResultProps {
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
    let o = &props.outcome;
    let plan = plan(o);
    let gap_reason = text::gap_reason(&o.biggest_gap);
    let adoption_sentence = text::adoption_gap_sentence(o);
    let gap_figure = if o.adoption_gap > 0 {
        format!("+{}", o.adoption_gap)
    } else {
        o.adoption_gap.to_string()
    };
    let steps = plan.steps.iter().map(|s| html! { <li>{ *s }</li> });
    let then = plan.then.map(|(d, step)| {
        html! { <p class="air-then"><strong>{ format!("Then, for {}: ", dimension_name(d)) }</strong>{ step }</p> }
    });

    html! {
        <section class="air-result" data-result="" data-level={o.level.id()} data-shared={props.shared.then_some("")}>
            if props.shared {
                <p class="air-shared-note">{ ui::SHARED_NOTE }</p>
            }
            <p class="air-eyebrow">{ if props.shared { ui::SHARED_HEADING } else { ui::LEVEL_PREFIX } }</p>
            <h2 class="air-level" tabindex="-1" ref={props.heading.clone()}>{ level_name(o.level) }</h2>
            { level_ladder(o.level) }
            <p class="air-lead">{ level_meaning(o.level) }</p>
            <div class="air-figures">
                <div class="air-figure">
                    <span class="air-figure-value" data-figure="overall">{ o.overall }</span>
                    <span class="air-figure-label">{ ui::OVERALL }</span>
                </div>
                <div class="air-figure">
                    <span class="air-figure-value" data-figure="adoption-gap">{ gap_figure }</span>
                    <span class="air-figure-label">{ ui::ADOPTION_GAP }</span>
                </div>
            </div>
            <p>{ adoption_sentence }</p>
            <h3>{ ui::SCORES }</h3>
            { score_chart(o.scores) }
            { for props.previous.as_ref().map(|p| changes(p, o)) }
            <div class="air-gap" data-biggest-gap={o.biggest_gap.dimension.id()}>
                <h3>{ format!("{}: {}", ui::BIGGEST_GAP, dimension_name(o.biggest_gap.dimension)) }</h3>
                <p>{ gap_reason }</p>
            </div>
            <h3>{ ui::NEXT_STEPS }</h3>
            <ol class="air-steps">{ for steps }</ol>
            { for then }
            if !props.shared {
                { code_box(&props.code, &props.on_share) }
            }
            <div class="air-nav">
                if props.shared {
                    <button type="button" class="air-btn air-primary" data-action="take" onclick={props.on_restart.clone()}>
                        { ui::TAKE_IT }
                    </button>
                } else {
                    <button type="button" class="air-btn" data-action="restart" onclick={props.on_restart.clone()}>
                        { ui::RETAKE }
                    </button>
                    if let Some(on_team) = props.on_team.clone() {
                        <button type="button" class="air-btn" data-action="team" onclick={on_team}>
                            { text::team::OPEN }
                        </button>
                    }
                    { for props.cta.as_ref().map(|cta| cta_link(cta, o, &props.code, &props.on_cta)) }
                }
            </div>
        </section>
    }
}

/// The result code with buttons to copy it or a link that opens this result.
fn code_box(code: &ResultCode, on_share: &Callback<ShareRequest>) -> Html {
    let text = AttrValue::from(code.to_string());
    html! {
        <div class="air-code-box">
            <p class="air-eyebrow">{ ui::YOUR_CODE }</p>
            <p class="air-code" data-code={text.clone()}>{ text.clone() }</p>
            <p class="air-muted">{ ui::CODE_HELP }</p>
            <div class="air-copy-row">
                <CopyButton kind={ShareKind::Code} code={text.clone()} on_share={on_share.clone()} />
                <CopyButton kind={ShareKind::Link} code={text} on_share={on_share.clone()} />
            </div>
        </div>
    }
}

/// The host's call to action: a plain link that also tells the host it was followed.
fn cta_link(cta: &CallToAction, outcome: &Outcome, code: &ResultCode, on_cta: &Callback<Rc<WidgetEvent>>) -> Html {
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
fn changes(previous: &Outcome, now: &Outcome) -> Html {
    let rows = Dimension::ALL.iter().map(|&d| {
        let delta = i16::from(now.scores.get(d)) - i16::from(previous.scores.get(d));
        html! {
            <li data-dimension={d.id()} data-delta={delta.to_string()}>
                <span>{ dimension_name(d) }</span>
                <strong>{ text::signed(delta) }</strong>
            </li>
        }
    });
    html! {
        <div class="air-changes" data-changes="">
            <h3>{ ui::SINCE_LAST }</h3>
            <p>{ text::level_change(previous.level, now.level) }</p>
            <ul class="air-deltas">{ for rows }</ul>
        </div>
    }
}

/// The three levels in order, the reached one marked, so the level reads as a position.
fn level_ladder(current: Level) -> Html {
    let steps = Level::ALL.iter().map(|&l| {
        let reached = l <= current;
        html! {
            <li class={if reached { "air-rung air-rung-reached" } else { "air-rung" }}
                aria-current={(l == current).then_some("step")}>
                { level_name(l) }
            </li>
        }
    });
    html! { <ol class="air-ladder" aria-label={ui::LEVELS}>{ for steps }</ol> }
}

/// The four scores as horizontal bars, each with its name and number.
fn score_chart(scores: Scores) -> Html {
    let c = chart::layout(scores);
    let summary = c.bars.iter().fold(String::new(), |mut out, b| {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&format!("{} {}", dimension_name(b.dimension), b.score));
        out
    });
    let bar_h = BAR_H.to_string();
    let bars = c.bars.iter().map(|b| {
        let bar_y = b.bar_y.to_string();
        let text_y = b.text_y.to_string();
        html! {
            <g class="air-bar" data-dimension={b.dimension.id()} data-score={b.score.to_string()}>
                <text x="0" y={text_y.clone()} class="air-bar-label">{ dimension_name(b.dimension) }</text>
                <text x="100%" y={text_y} class="air-bar-value" text-anchor="end">{ b.score }</text>
                <rect class="air-bar-track" x="0" y={bar_y.clone()} width="100%" height={bar_h.clone()} rx="4" />
                <rect class="air-bar-fill" x="0" y={bar_y} width={format!("{}%", b.score)} height={bar_h.clone()} rx="4" />
            </g>
        }
    });
    let floor_x = format!("{}%", c.operating_floor);
    html! {
        <>
        <svg class="air-chart" width="100%" height={c.height.to_string()} role="img" aria-label={summary}>
            { for bars }
            <line class="air-chart-target" x1={floor_x.clone()} x2={floor_x}
                y1="18" y2={c.height.to_string()} />
        </svg>
        <p class="air-muted air-chart-note">{ format!("{} {}", ui::CHART_NOTE, c.operating_floor) }</p>
        </>
    }
}
