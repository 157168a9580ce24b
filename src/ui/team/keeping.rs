use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::reading::List;
use super::TeamProps;
use crate::core::i18n::{Catalog, Msg};
use crate::core::team::{with_code, Kept, Round, TeamReport};
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

/// What the lead chose about keeping the list, starting from what was kept: a kept list comes
/// back into the box (with the visitor's own code, when they brought one).
#[hook]
pub(super) fn use_keeping(props: &TeamProps) -> UseStateHandle<Keeping> {
    let (store, config) = (props.store, props.config.clone());
    let (text, on_text) = (props.text.clone(), props.on_text.clone());
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
}

/// Keeps the list as last read, and its rounds, while the lead wants it kept; forgets both
/// when not.
#[hook]
pub(super) fn use_keep(
    props: &TeamProps,
    keeping: &UseStateHandle<Keeping>,
    list: &UseStateHandle<List>,
) {
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
        && (*settled != props.text || keeping.back.as_ref().is_some_and(|b| b != settled));
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
