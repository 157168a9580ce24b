use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::i18n::{Catalog, Msg};
use crate::core::team::{Round, TeamReport};
use crate::ui::tx;

/// What the lead chose about keeping the list: whether to keep it, the rounds marked, and
/// whether the browser keeps it or only memory does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Keeping {
    pub(super) on: bool,
    pub(super) rounds: Vec<Round>,
    pub(super) in_memory: bool,
    /// The list the view opened with, from what was kept, until it has been read back whole:
    /// nothing is written before, or a reload meanwhile would find the list as last read.
    pub(super) back: Option<AttrValue>,
}

/// Keeping the list in the browser, marking rounds, forgetting both.
pub(super) fn keep_controls(
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
