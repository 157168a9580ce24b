use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::tx;
use crate::core::bank::QUESTIONS;
use crate::core::i18n::{Catalog, Msg};
use crate::core::text::{dimension_name, position, question_of};

/// Props of one question screen.
pub struct QuestionProps {
    /// The question's index in the bank.
    pub index: usize,
    /// How many questions there are.
    pub total: usize,
    /// The option chosen so far, if any.
    pub choice: Option<u8>,
    /// Next was pressed without an answer.
    pub needs_answer: bool,
    /// Whether Back leads anywhere.
    pub can_go_back: bool,
    /// The heading, which receives keyboard focus when the step changes.
    pub heading: NodeRef,
    /// The radio group's name, unique per widget instance.
    pub name: AttrValue,
    /// Picked an option: (question index, option index, picked with a pointer). A pointer pick
    /// moves on by itself after a beat; a keyboard one only moves the selection.
    pub on_choose: Callback<(usize, u8, bool)>,
    /// The option a pointer (mouse, touch, pen) was last released on, until its `change`
    /// arrives: keyboard changes never set it, which is how the two are told apart.
    pub pointer: Rc<Cell<Option<u8>>>,
    /// Pressed Next.
    pub on_next: Callback<MouseEvent>,
    /// Pressed Back.
    pub on_back: Callback<MouseEvent>,
    /// Pressed Enter on an option: choose it and go on.
    pub on_next_key: Callback<KeyboardEvent>,
}

/// One question with its options, progress, Back and Next. A plain function: the focus
/// effect lives in `App`, so this needs no component of its own.
pub fn question_view(t: &Catalog, props: &QuestionProps) -> Html {
    let q = &QUESTIONS[props.index];
    let number = props.index + 1;
    let last = number == props.total;
    let hint_id = format!("{}-hint", props.name);
    let options = q.options.iter().enumerate().map(|(i, text)| {
        let option = i as u8;
        let on_choose = props.on_choose.clone();
        let index = props.index;
        let pointer = props.pointer.clone();
        let onchange = Callback::from(move |_: Event| {
            let by_pointer = pointer.take() == Some(option);
            on_choose.emit((index, option, by_pointer));
        });
        let pointer = props.pointer.clone();
        let onpointerup = Callback::from(move |_: PointerEvent| pointer.set(Some(option)));
        let on_next = props.on_next_key.clone();
        let pointer = props.pointer.clone();
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            pointer.set(None);
            // Enter on a radio confirms it, like submitting a one-question form.
            if e.key() == "Enter" {
                e.prevent_default();
                on_next.emit(e);
            }
        });
        html! {
            <label class="air-option" key={i} {onpointerup}>
                <input
                    type="radio"
                    name={props.name.clone()}
                    value={i.to_string()}
                    checked={props.choice == Some(option)}
                    {onchange}
                    {onkeydown}
                />
                <span>{ tx(t, *text) }</span>
            </label>
        }
    });

    html! {
        <section key={props.index.to_string()} class="air-question" data-question={q.id} data-dimension={q.dimension.id()}>
            <div class="air-progress-row">
                <span class="air-muted">{ position(t, number, props.total) }</span>
                <span class="air-chip">{ dimension_name(t, q.dimension) }</span>
            </div>
            <progress class="air-progress" max={props.total.to_string()} value={number.to_string()}
                aria-label={question_of(t, number, props.total)} />
            <fieldset class="air-fieldset" aria-describedby={props.needs_answer.then(|| hint_id.clone())}>
                <legend class="air-legend">
                    <h2 class="air-prompt" tabindex="-1" ref={props.heading.clone()}>{ tx(t, q.prompt) }</h2>
                </legend>
                <div class="air-options">{ for options }</div>
            </fieldset>
            if props.needs_answer {
                <p class="air-hint" id={hint_id} role="alert">{ tx(t, Msg::QuestionPickOne) }</p>
            }
            <div class="air-nav">
                if props.can_go_back {
                    <button type="button" class="air-btn" data-action="back" onclick={props.on_back.clone()}>
                        { tx(t, Msg::QuestionBack) }
                    </button>
                }
                <button type="button" class="air-btn air-primary" data-action="next" onclick={props.on_next.clone()}>
                    { tx(t, if last { Msg::QuestionFinish } else { Msg::QuestionNext }) }
                </button>
            </div>
        </section>
    }
}
