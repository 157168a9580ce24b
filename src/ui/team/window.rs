use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Rows drawn at a time while everyone is shown: enough to fill the scrolling box (at most
/// 40rem high) with room to spare on both sides.
pub(super) const WINDOW: usize = 60;
/// Rows drawn above the first one on screen; the window moves in steps of this many rows.
pub(super) const OVERSCAN: usize = 15;

/// What the view's effects reach: the list box, the people table's window while everyone is
/// shown, and whether the page is being printed.
#[derive(Clone)]
pub(super) struct Table {
    /// The first row drawn.
    pub(super) first: UseStateHandle<usize>,
    /// Between `beforeprint` and `afterprint`: every row is drawn.
    pub(super) printing: UseStateHandle<bool>,
    /// The list box.
    pub(super) input: NodeRef,
    /// The people table's two spacer cells.
    pub(super) before: NodeRef,
    pub(super) after: NodeRef,
    /// What the view remembers between renders without rendering again.
    pub(super) scratch: Rc<std::cell::RefCell<Scratch>>,
}

/// What the team view remembers between renders without rendering again.
pub(super) struct Scratch {
    /// The text in the list box, as last typed or put there. The box is not given its value on
    /// each render: Yew would read a long list back out of the page to compare it every time.
    pub(super) boxed: AttrValue,
    /// The text last read, or being read.
    pub(super) asked: AttrValue,
    /// Counts reads started; a read stops when a later one starts.
    pub(super) job: u32,
    /// Rows left out above the window, drawn, and left out below, at the last render.
    pub(super) spans: (usize, usize, usize),
    /// One row's height in pixels, as last measured.
    pub(super) row: f64,
    /// The top spacer's height in pixels, as last set.
    pub(super) above_px: f64,
}

impl Table {
    /// What typing in the list box does: the text goes to the parent, and the people table
    /// back to its first page.
    pub(super) fn on_input(
        &self,
        on_text: Callback<AttrValue>,
        page: UseStateHandle<usize>,
    ) -> Callback<InputEvent> {
        let scratch = self.scratch.clone();
        Callback::from(move |e: InputEvent| {
            let text = AttrValue::from(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            scratch.borrow_mut().boxed = text.clone();
            on_text.emit(text);
            page.set(0);
        })
    }

    /// Puts `text` in the list box unless the box already holds it.
    pub(super) fn fill_box(&self, text: &AttrValue) {
        let mut scratch = self.scratch.borrow_mut();
        if scratch.boxed != *text {
            if let Some(input) = self.input.cast::<HtmlTextAreaElement>() {
                input.set_value(text);
                scratch.boxed = text.clone();
            }
        }
    }

    /// Gives the spacer rows the height of the rows they stand for, measured from the rows
    /// drawn between them (rows never wrap, so they are all alike).
    pub(super) fn size_spacers(&self) {
        let cell = |node: &NodeRef| node.cast::<web_sys::HtmlElement>();
        let (Some(before), Some(after)) = (cell(&self.before), cell(&self.after)) else {
            // No spacers drawn: the next ones start with no height.
            self.scratch.borrow_mut().above_px = 0.0;
            return;
        };
        let mut scratch = self.scratch.borrow_mut();
        let (above, drawn, below) = scratch.spans;
        // The top spacer is as tall as it was last made: the rows above at the last height.
        let span = f64::from(after.offset_top() - before.offset_top()) - scratch.above_px;
        if drawn > 0 && span > 0.0 {
            scratch.row = span / drawn as f64;
        }
        let row = scratch.row;
        scratch.above_px = (above as f64 * row).round();
        for (cell, rows) in [(before, above), (after, below)] {
            drop(cell.style().set_property(
                "height",
                &format!("{}px", (rows as f64 * row).round() as u64),
            ));
        }
    }
}
