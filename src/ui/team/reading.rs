use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use yew::platform::time::sleep;
use yew::prelude::*;

use super::window::shared;
use crate::core::roster::Reader;
use crate::core::team::{self, Settled, TeamAction, TeamState};

/// Texts up to this many bytes (about 2,000 lines) are read as they are typed.
pub(super) const READ_AT_ONCE: usize = 64 * 1024;
/// A longer text is read once typing has paused this long...
const QUIET: Duration = Duration::from_millis(300);
/// ...this many lines per task (a few milliseconds each).
const SLICE: usize = 4_000;

/// The list the view starts with: a short text read now, a long one left for [`use_reading`].
pub(super) fn first_list(text: &AttrValue) -> Settled {
    Settled::read(match text.len() <= READ_AT_ONCE {
        true => shared(text),
        false => Rc::from(""),
    })
}

/// Reads `text` when it changes: a short text now, a long one after a pause in typing, a slice
/// of lines per task, so no keystroke waits for a whole read and the page stays responsive
/// (`TeamState::reading` says how far it has come). A read stops when the text changes again.
#[hook]
pub(super) fn use_reading(text: &AttrValue, state: &UseReducerHandle<TeamState>) {
    let act = state.dispatcher().to_callback();
    // Read already: the short text the view started with, or the list a changed text went back
    // to before its read got under way.
    let done = *state.list.text == *text.as_str() && state.reading.is_none();
    use_effect_with(text.clone(), move |text| {
        let stop = Rc::new(Cell::new(false));
        if done {
            // Nothing to read.
        } else if text.len() <= READ_AT_ONCE {
            act.emit(TeamAction::Read(Rc::new(Settled::read(shared(text)))));
        } else {
            yew::platform::spawn_local(read_slices(shared(text), act, stop.clone()));
        }
        move || stop.set(true)
    });
}

/// Reads a long text after a pause, a slice at a time, telling how far it has come, unless
/// `stop` is set meanwhile.
async fn read_slices(text: Rc<str>, act: Callback<TeamAction>, stop: Rc<Cell<bool>>) {
    sleep(QUIET).await;
    let mut reader = Reader::new(&text);
    while !stop.get() {
        let done = reader.read(&text, SLICE);
        if !done {
            let (read, all) = reader.progress(&text);
            act.emit(TeamAction::Reading(read, all));
        }
        // Lets the browser paint and handle input before the next slice, and before the
        // summary, which is a task of its own.
        sleep(Duration::ZERO).await;
        if done && !stop.get() {
            // The summary in two tasks (the sort is the second), and the list it replaces
            // freed in a third.
            let mut roster = reader.finish();
            let mut report = team::tally(std::mem::take(&mut roster.entries));
            sleep(Duration::ZERO).await;
            if stop.get() {
                return;
            }
            report.rank();
            let settled = Settled {
                text,
                roster,
                report,
            };
            act.emit(TeamAction::Read(Rc::new(settled)));
            sleep(Duration::ZERO).await;
            return;
        }
    }
}
