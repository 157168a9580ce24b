use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::TeamProps;
use crate::core::i18n::{Catalog, Msg};
use crate::core::team::{with_code, Keeping, Kept, Round, TeamAction, TeamReport, TeamState};
use crate::ui::tx;

/// Keeping the list in the browser, marking rounds, forgetting both.
pub(super) fn keep_controls(
    t: &Catalog,
    report: &TeamReport,
    k: &Keeping,
    act: &Callback<TeamAction>,
    today: fn() -> String,
) -> Html {
    let toggle = act.reform(|e: Event| {
        TeamAction::Keep(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let forget = act.reform(|_: MouseEvent| TeamAction::Forget);
    let mark = Round::of(report, &today())
        .map(|round| act.reform(move |_: MouseEvent| TeamAction::Mark(round.clone())));
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
pub(super) fn first_keeping(props: &TeamProps) -> Keeping {
    let (store, text) = (props.store, &props.text);
    let kept = (store.recall)(&props.config);
    // A kept list comes back (unless something is in the box already); the code the visitor
    // brought from their result joins it.
    let list = match &kept {
        Some(kept) if text.trim().is_empty() => kept.text.clone(),
        _ => text.to_string(),
    };
    let list = match &props.own_code {
        Some(code) => with_code(&list, code.as_str()),
        None => list,
    };
    let back = kept.is_some().then(|| Rc::from(list.as_str()));
    if list != **text {
        props.on_text.emit(list.into());
    }
    Keeping {
        on: kept.is_some(),
        rounds: kept.map(|k| k.rounds).unwrap_or_default(),
        in_memory: false,
        back,
    }
}

/// Keeps the list as last read, and its rounds, while the lead wants it kept; forgets both
/// when not.
#[hook]
pub(super) fn use_keep(props: &TeamProps, state: &UseReducerHandle<TeamState>) {
    let (store, config) = (props.store, props.config.clone());
    let act = state.dispatcher().to_callback();
    let (keeping, settled) = (&state.keeping, &state.list.text);
    // The text counts only while the list is kept: typing into a list that is not kept
    // touches no storage. It is the text as last read, so a long list is written after a
    // pause in typing, not on every keystroke.
    let text = keeping.on.then(|| settled.clone());
    // A list still being read (a long kept one coming back, or a paste) is not written
    // until it has been read back whole: writing the list as last read would replace a kept
    // list with an empty one for as long as the read takes, and a reload then would lose it.
    let unread = keeping.on
        && (**settled != *props.text.as_str()
            || keeping.back.as_ref().is_some_and(|b| b != settled));
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
            act.emit(TeamAction::Kept { in_memory });
        },
    );
}
