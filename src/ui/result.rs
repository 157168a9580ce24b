use std::rc::Rc;

use yew::prelude::*;

use super::lead::{LeadFns, LeadProps};
use super::part_pending;
use super::parts::{Part, PartOf};
use super::share::{CopyButton, ShareKind, ShareRequest};
use super::{attr, tx};
use crate::core::bank::QUESTIONS;
use crate::core::chart::{self, BAR_H};
use crate::core::code::ResultCode;
use crate::core::config::{result_url, CallToAction, Config};
use crate::core::explain::{move_up, working};
use crate::core::i18n::{Catalog, Msg};
use crate::core::lead::{LeadAnswer, LeadMode};
use crate::core::model::{Answers, Dimension, Level, Perspective};
use crate::core::plan::{plan, Plan};
use crate::core::scoring::Outcome;
use crate::core::text::{self, dimension_name, level_name};

/// Props of the result screen.
pub struct ResultProps {
    /// The texts.
    pub t: Rc<Catalog>,
    /// The scored outcome.
    pub outcome: Outcome,
    /// The result code of these answers.
    pub code: ResultCode,
    /// Whose work the answers describe.
    pub perspective: Perspective,
    /// The answers behind the result: the plan and the working are fitted to them.
    pub answers: Answers,
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
    /// Hears the call to action's URL (placeholders filled) when the visitor follows it; the
    /// reducer turns it into `ai-readiness:cta`.
    pub on_cta: Callback<Rc<str>>,
    /// Pressed Retake (or "Take it yourself" on a shared result).
    pub on_restart: Callback<MouseEvent>,
    /// Pressed "Forget my answers on this device" (only on the visitor's own result).
    pub on_forget: Callback<MouseEvent>,
    /// The widget's configuration (the lead form's settings).
    pub config: Rc<Config>,
    /// The lead form's part, when the host turned it on, and its retry.
    pub lead: (PartOf<LeadFns>, Callback<MouseEvent>),
    /// Hears the visitor's answer to the lead form.
    pub on_lead: Callback<LeadAnswer>,
}

/// The result: level, chart, adoption gap, biggest gap with reason, what moves it up, the
/// 90-day plan, the working behind it, Retake.
pub fn result_view(props: &ResultProps) -> Html {
    let t = &*props.t;
    let o = &props.outcome;
    let plan = plan(o, &props.answers);
    let unseen = text::unseen_sentence(t, o);
    let gap_kind = match (o.biggest_gap.is_gap(), o.biggest_gap.is_robust()) {
        (true, _) => "gap",
        (false, true) => "robust",
        (false, false) => "weakest",
    };
    let then = plan.then.map(|(d, step)| {
        let lead = t.fill(Msg::ResultThen, &[("dimension", dimension_name(t, d))]);
        html! { <p class="air-then"><strong>{ lead }</strong>{ " " }{ tx(t, step.msg) }</p> }
    });

    html! {
        <section class="air-result" data-result="" data-level={o.level.id()} data-shared={props.shared.then_some("")}>
            if props.shared {
                <p class="air-shared-note">{ tx(t, Msg::SharedNote) }</p>
            }
            <p class="air-eyebrow">{ tx(t, if props.shared { Msg::SharedHeading } else { Msg::ResultLevelPrefix }) }</p>
            <h2 class="air-level" tabindex="-1" ref={props.heading.clone()}>{ level_name(t, o.level) }</h2>
            { level_ladder(t, o.level) }
            <p class="air-lead">{ text::result_meaning(t, o) }</p>
            { lead_slot(props, LeadMode::BeforeResult) }
            <div class="air-figures">
                <div class="air-figure">
                    <span class="air-figure-value" data-figure="overall">{ t.number(o.overall) }</span>
                    <span class="air-figure-label">{ tx(t, Msg::ResultOverall) }</span>
                </div>
                <div class="air-figure">
                    // A sign stays left of its number in right-to-left text too.
                    <span class="air-figure-value" data-figure="adoption-gap" dir="ltr">{ text::signed_gap(t, o.adoption_gap) }</span>
                    <span class="air-figure-label">{ tx(t, Msg::ResultAdoptionGap) }</span>
                </div>
            </div>
            <p data-adoption-sentence="">{ text::adoption_gap_sentence(t, o) }</p>
            if let Some(unseen) = unseen {
                <p data-unseen="">{ unseen }</p>
            }
            <h3>{ tx(t, Msg::ResultScores) }</h3>
            { score_chart(t, o) }
            { for props.previous.as_ref().map(|p| changes(t, p, o)) }
            <div class="air-gap" data-biggest-gap={o.biggest_gap.dimension.id()}
                data-gap-kind={gap_kind}>
                <h3>{ text::gap_heading(t, &o.biggest_gap) }</h3>
                <p>{ text::gap_reason(t, &o.biggest_gap) }</p>
            </div>
            { move_up_list(t, o, &props.answers) }
            { plan_view(&props.t, &plan, o.level, &props.on_share) }
            { for then }
            { explanation(t, o, &props.answers) }
            if !props.shared {
                { code_box(&props.t, &props.code, props.config.team_link, &props.on_share) }
            }
            { lead_slot(props, LeadMode::AfterResult) }
            <div class="air-nav">
                if props.shared {
                    <button type="button" class="air-btn air-primary" data-action="take" onclick={props.on_restart.clone()}>
                        { tx(t, Msg::SharedTake) }
                    </button>
                } else {
                    <button type="button" class="air-btn" data-action="restart" onclick={props.on_restart.clone()}>
                        { tx(t, Msg::ResultRetake) }
                    </button>
                    <button type="button" class="air-btn" data-action="forget" onclick={props.on_forget.clone()}>
                        { tx(t, Msg::ResultForget) }
                    </button>
                    if let Some(on_team) = props.on_team.clone() {
                        <button type="button" class="air-btn" data-action="team" onclick={on_team}>
                            { tx(t, Msg::TeamOpen) }
                        </button>
                    }
                }
                { for props.cta.as_ref().map(|cta| cta_link(cta, o, &props.code, props.perspective, &props.on_cta)) }
            </div>
        </section>
    }
}

/// The lead form's place, when the host asked for it `at` this point (never on someone else's
/// shared result). Before the result, the slot's `data-lead-state` holds back what follows it
/// but the buttons until the form is sent (`style/parts.css`); a form that cannot load holds
/// back nothing.
fn lead_slot(props: &ResultProps, at: LeadMode) -> Html {
    if props.shared || props.config.lead.mode != at {
        return html! {};
    }
    let (part, retry) = &props.lead;
    match part.ready() {
        Some(fns) => (fns.view)(LeadProps {
            t: props.t.clone(),
            config: props.config.clone(),
            code: props.code.to_string().into(),
            fns,
            on_answer: props.on_lead.clone(),
        }),
        None => {
            let state = if matches!(part.state(), Part::Failed) {
                "failed"
            } else {
                "loading"
            };
            html! {
                <div class="air-lead-slot" data-lead-mode={at.id()} data-lead-state={state}>
                    { part_pending(&props.t, part.state(), retry.clone()) }
                </div>
            }
        }
    }
}

/// The fewest answer changes that lift the result a level (at Operating: that make the weakest
/// area robust), each as the question, the answer it would take and the answer given. Nothing
/// when every area is robust already.
fn move_up_list(t: &Catalog, o: &Outcome, answers: &Answers) -> Html {
    let Some(up) = move_up(answers) else {
        return html! {};
    };
    let heading = match up.toward {
        Some(level) => t.fill(Msg::MoveupHeading, &[("level", level_name(t, level))]),
        None => t.fill(
            Msg::MoveupRobust,
            &[("dimension", dimension_name(t, o.biggest_gap.dimension))],
        ),
    };
    let items = up.moves.iter().map(|m| {
        let q = &QUESTIONS[m.question];
        let option = |i: u8| q.options.get(usize::from(i)).map_or("", |&msg| t.get(msg));
        html! {
            <li data-move-up="" data-question-id={q.id} data-option={m.to.to_string()}>
                <span class="air-move-question">{ tx(t, q.prompt) }</span>
                { " " }<strong>{ option(m.to) }</strong>
                { " " }<span class="air-muted">{ t.fill(Msg::MoveupNow, &[("answer", option(m.from))]) }</span>
            </li>
        }
    });
    html! {
        <div class="air-move-up" data-move-up-list={up.toward.map_or("robust", |l| l.id())}>
            <h3>{ heading }</h3>
            <p>{ tx(t, Msg::MoveupIntro) }</p>
            <ul class="air-moves">{ for items }</ul>
        </div>
    }
}

/// The 90-day plan: three phases, each one step fitted to the answers, copyable as a checklist;
/// with every area robust, the steps that keep the level.
fn plan_view(
    t: &Rc<Catalog>,
    plan: &Plan,
    level: Level,
    on_share: &Callback<ShareRequest>,
) -> Html {
    let heading = text::plan_heading(t, plan, level);
    let labels = [Msg::PlanPhase1, Msg::PlanPhase2, Msg::PlanPhase3];
    let phases = plan
        .phases
        .iter()
        .zip(labels)
        .zip(1..)
        .map(|((step, label), n)| {
            html! {
                <li data-phase={n.to_string()}>
                    <strong class="air-phase">{ tx(t, label) }</strong>
                    <span>{ tx(t, step.msg) }</span>
                </li>
            }
        });
    let checklist = AttrValue::from(text::plan_checklist(t, &heading, &plan.phases));
    html! {
        <div class="air-plan" data-plan={plan.focus.map_or("keep", |d| d.id())}>
            <h3>{ heading }</h3>
            <ol class="air-steps air-phases">{ for phases }</ol>
            <div class="air-copy-row">
                <CopyButton kind={ShareKind::Plan} code={checklist} on_share={on_share.clone()} t={t.clone()} />
            </div>
        </div>
    }
}

/// "How we got this": each dimension's answers and points, adoption, the level rules with this
/// result's numbers, how the biggest gap is chosen (and a tie broken), and the model's identity,
/// which shows nowhere else. Built from the same data as the score.
fn explanation(t: &Catalog, o: &Outcome, answers: &Answers) -> Html {
    let dimensions = working(answers).into_iter().map(|w| {
        let rows = w.answers.iter().map(|e| {
            let q = &QUESTIONS[e.question];
            let answer = q.options.get(usize::from(e.option)).map_or("", |&m| t.get(m));
            html! {
                <tr data-question-id={q.id} data-points={e.points.to_string()}>
                    <td>{ tx(t, q.prompt) }</td>
                    <td>{ answer }</td>
                    <td class="air-num">{ t.number(e.points) }</td>
                </tr>
            }
        });
        let name = dimension_name(t, w.dimension);
        html! {
            <div class="air-working" data-dimension={w.dimension.id()} data-score={w.score.to_string()}>
                <h4>{ name }</h4>
                <table class="air-table">
                    <thead><tr>
                        <th scope="col">{ tx(t, Msg::ExplainQuestion) }</th>
                        <th scope="col">{ tx(t, Msg::ExplainAnswer) }</th>
                        <th scope="col" class="air-num">{ tx(t, Msg::ExplainPoints) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                <p>{ t.fill(Msg::ExplainScore, &[("dimension", name), ("score", &t.number(w.score))]) }</p>
            </div>
        }
    });
    let rules = [Level::Adopting, Level::Operating]
        .iter()
        .filter_map(|&l| text::rule_sentence(t, l))
        .map(|rule| html! { <li>{ rule }</li> });
    let model = t.fill(
        Msg::ResultModel,
        &[
            ("version", o.model_version),
            ("fingerprint", o.model_fingerprint),
        ],
    );
    html! {
        <details class="air-explanation" data-explanation="">
            <summary>{ tx(t, Msg::ExplainTitle) }</summary>
            { for dimensions }
            <p>{ text::adoption_working(t, o) }</p>
            <ul class="air-rules">{ for rules }</ul>
            <p data-verdict="">{ text::verdict(t, o) }</p>
            <p data-gap-rule="">{ text::gap_rule(t) }</p>
            if let Some(tie) = text::tie_sentence(t, o) {
                <p data-tie="">{ tie }</p>
            }
            <p class="air-muted" data-model-version={o.model_version} data-model-fingerprint={o.model_fingerprint}>{ model }</p>
        </details>
    }
}

/// The result code with buttons to copy it or a link that opens this result; it suggests sending
/// the code to a team lead only where the host offers the team view (`team_link`).
fn code_box(
    t: &Rc<Catalog>,
    code: &ResultCode,
    team_link: bool,
    on_share: &Callback<ShareRequest>,
) -> Html {
    let text = AttrValue::from(code.to_string());
    html! {
        <div class="air-code-box">
            <p class="air-eyebrow">{ tx(t, Msg::CodeLabel) }</p>
            <p class="air-code" data-code={text.clone()} dir="ltr">{ text.clone() }</p>
            <p class="air-muted">{ tx(t, text::code_help_msg(team_link)) }</p>
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
    perspective: Perspective,
    on_cta: &Callback<Rc<str>>,
) -> Html {
    // The host's link with this result filled in ({level}, {code}, …).
    let url = result_url(&cta.url, outcome, code, perspective);
    let followed: Rc<str> = url.as_str().into();
    let on_cta = on_cta.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_cta.emit(followed.clone()));
    html! {
        <a class="air-btn air-primary" data-action="cta" href={url}
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
    let c = chart::layout(outcome, t.lang.rtl());
    let bar_h = BAR_H.to_string();
    let bars = c.bars.iter().map(|b| {
        let bar_y = b.bar_y.to_string();
        let text_y = b.text_y.to_string();
        // A tick across the bar where the marked level's floor for this dimension lies.
        let tick = b.floor.map(|(floor, x)| {
            let x = format!("{x}%");
            html! {
                <line class="air-chart-target" data-floor={floor.to_string()} x1={x.clone()} x2={x}
                    y1={(b.bar_y - 4).to_string()} y2={(b.bar_y + BAR_H + 4).to_string()} />
            }
        });
        html! {
            <g class="air-bar" data-dimension={b.dimension.id()} data-score={b.score.to_string()}>
                <text x={c.names.x} y={text_y.clone()} class="air-bar-label" text-anchor={c.names.anchor}>{ dimension_name(t, b.dimension) }</text>
                <text x={c.values.x} y={text_y} class="air-bar-value" text-anchor={c.values.anchor}>{ t.number(b.score) }</text>
                <rect class="air-bar-track" x="0" y={bar_y.clone()} width="100%" height={bar_h.clone()} rx="4" />
                <rect class="air-bar-fill" x={format!("{}%", b.fill_x)} y={bar_y} width={format!("{}%", b.score)} height={bar_h.clone()} rx="4" />
                { for tick }
            </g>
        }
    });
    html! {
        <>
        <svg class="air-chart" width="100%" height={c.height.to_string()} role="img" aria-label={text::chart_summary(t, outcome)}>
            { for bars }
        </svg>
        <p class="air-muted air-chart-note" data-marked={c.marked.id()}>{ t.fill(Msg::ResultChartNote, &[("level", level_name(t, c.marked))]) }</p>
        </>
    }
}
