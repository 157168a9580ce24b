use std::rc::Rc;
use yew::prelude::*;

use super::window::Scratch;
use crate::core::roster::{self, Reader, Roster};
use crate::core::team::{self, TeamReport};

/// Texts up to this many bytes (about 2,000 lines) are read as they are typed.
pub(super) const READ_AT_ONCE: usize = 64 * 1024;
/// A longer text is read once typing has paused this long...
const QUIET: std::time::Duration = std::time::Duration::from_millis(300);
/// ...this many lines per task (a few milliseconds each).
const SLICE: usize = 4_000;

/// A list as read: what did not count, and the team picture of what did.
pub(super) struct Settled {
    /// The text it was read from.
    pub(super) text: AttrValue,
    pub(super) roster: Roster,
    pub(super) report: TeamReport,
}

impl Settled {
    /// Reads a whole text now (a long one is read in slices by [`follow`]).
    pub(super) fn read(text: AttrValue) -> Settled {
        let mut roster = roster::parse(&text);
        let report = team::summarise(std::mem::take(&mut roster.entries));
        Settled {
            text,
            roster,
            report,
        }
    }
}

/// The list as read, and how far a read of a changed text has come.
#[derive(Clone)]
pub(super) struct List {
    pub(super) settled: Rc<Settled>,
    pub(super) reading: Option<(usize, usize)>,
}

/// Reads `text` if it is not what was last read: a short text now, a long one after a pause in
/// typing, a slice at a time.
pub(super) fn follow(
    list: &UseStateHandle<List>,
    scratch: &Rc<std::cell::RefCell<Scratch>>,
    text: &AttrValue,
) {
    let id = {
        let mut s = scratch.borrow_mut();
        if s.asked == *text {
            return;
        }
        s.asked = text.clone();
        s.job += 1;
        s.job
    };
    if text.len() <= READ_AT_ONCE {
        list.set(List {
            settled: Rc::new(Settled::read(text.clone())),
            reading: None,
        });
        return;
    }
    let (list, scratch, text) = (list.clone(), scratch.clone(), text.clone());
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(QUIET).await;
        let current = || scratch.borrow().job == id;
        let mut reader = Reader::new(&text);
        while current() {
            let done = reader.read(&text, SLICE);
            if !done {
                list.set(List {
                    settled: list.settled.clone(),
                    reading: Some(reader.progress(&text)),
                });
            }
            // Lets the browser paint and handle input before the next slice, and before the
            // summary, which is a task of its own.
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            if done && current() {
                // The summary in two tasks (the sort is the second), and the list it replaces
                // freed in a third.
                let mut roster = reader.finish();
                let mut report = team::tally(std::mem::take(&mut roster.entries));
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                if !current() {
                    return;
                }
                report.rank();
                let settled = Rc::new(Settled {
                    text,
                    roster,
                    report,
                });
                list.set(List {
                    settled,
                    reading: None,
                });
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                return;
            }
        }
    });
}
