use std::rc::Rc;

use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::team::{TeamAction, TeamState};

/// The elements the view's effects reach: the list box and the people table's two spacer cells,
/// which stand for the rows outside the window while everyone is shown.
#[derive(Clone, Default)]
pub(super) struct Table {
    /// The list box.
    pub(super) input: NodeRef,
    /// The spacer cell above the rows drawn.
    pub(super) before: NodeRef,
    /// The spacer cell below the rows drawn.
    pub(super) after: NodeRef,
}

/// An `Rc<str>` of a text from Yew, without copying a long list when it is shared already.
pub(super) fn shared(text: &AttrValue) -> Rc<str> {
    match text {
        AttrValue::Rc(text) => text.clone(),
        AttrValue::Static(text) => Rc::from(*text),
    }
}

impl Table {
    /// What typing in the list box does: the text goes to the parent, and the people table
    /// back to its first page.
    pub(super) fn on_input(
        &self,
        on_text: Callback<AttrValue>,
        act: Callback<TeamAction>,
    ) -> Callback<InputEvent> {
        Callback::from(move |e: InputEvent| {
            let text = AttrValue::from(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            act.emit(TeamAction::Typed(shared(&text)));
            on_text.emit(text);
        })
    }

    /// Puts `text` in the list box unless the box already holds it.
    pub(super) fn fill_box(&self, boxed: &str, text: &AttrValue, act: &Callback<TeamAction>) {
        if boxed != text.as_str() {
            if let Some(input) = self.input.cast::<HtmlTextAreaElement>() {
                input.set_value(text);
                act.emit(TeamAction::Boxed(shared(text)));
            }
        }
    }

    /// Gives the spacer cells the height of the rows they stand for (`spans`: rows above, drawn
    /// and below), measured from the rows drawn between them (rows never wrap, so they are all
    /// alike); a new height is reported for scrolling.
    pub(super) fn size_spacers(
        &self,
        spans: (usize, usize, usize),
        row: f64,
        act: &Callback<TeamAction>,
    ) {
        let cell = |node: &NodeRef| node.cast::<HtmlElement>();
        let (Some(before), Some(after)) = (cell(&self.before), cell(&self.after)) else {
            return;
        };
        let (above, drawn, below) = spans;
        // The rows drawn lie between the bottom of the top spacer and the top of the other.
        let bottom = before.offset_top() + before.offset_height();
        let span = f64::from(after.offset_top() - bottom);
        let row = if drawn > 0 && span > 0.0 {
            span / drawn as f64
        } else {
            row
        };
        for (cell, rows) in [(before, above), (after, below)] {
            drop(cell.style().set_property(
                "height",
                &format!("{}px", (rows as f64 * row).round() as u64),
            ));
        }
        act.emit(TeamAction::Measured(row));
    }
}

/// The elements the view's effects reach, and one effect after every render: put a text that
/// came from elsewhere (a file, the kept list, the visitor's own code) in the box, and size the
/// people table's spacer cells (`spans`: rows above the window, drawn, and below).
#[hook]
pub(super) fn use_table(
    text: &AttrValue,
    state: &UseReducerHandle<TeamState>,
    spans: (usize, usize, usize),
) -> Rc<Table> {
    let table = use_memo((), |_| Table::default());
    let (after, act, text) = (
        table.clone(),
        state.dispatcher().to_callback(),
        text.clone(),
    );
    let (boxed, row) = (state.boxed.clone(), state.row);
    use_effect(move || {
        after.fill_box(&boxed, &text, &act);
        after.size_spacers(spans, row, &act);
    });
    table
}
