use std::rc::Rc;
use yew::prelude::*;

use super::window::{Scratch, Table};
use super::{no, zero, TeamProps};
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

/// The list as last read, and what the view's effects reach. After every render the list box
/// gets a text that came from elsewhere, a changed text is read, the people table's spacers are
/// sized, and the page's printing is heard.
#[hook]
pub(super) fn use_reading(props: &TeamProps) -> (UseStateHandle<List>, Table) {
    // The list as last read. A short text is read at once; a long one after a pause in typing,
    // a slice of lines per task, so no keystroke waits for a whole read and the page stays
    // responsive (`reading` says how far it has come).
    let list = {
        let text = props.text.clone();
        use_state(move || List {
            settled: Rc::new(Settled::read(if text.len() <= READ_AT_ONCE {
                text
            } else {
                AttrValue::default()
            })),
            reading: None,
        })
    };
    let table = Table {
        first: use_state(zero),
        printing: use_state(no),
        input: use_node_ref(),
        before: use_node_ref(),
        after: use_node_ref(),
        scratch: {
            let asked = list.settled.text.clone();
            use_mut_ref(move || Scratch {
                boxed: AttrValue::default(),
                asked,
                job: 0,
                spans: (0, 0, 0),
                row: 33.0,
                above_px: 0.0,
            })
        },
    };
    {
        // One effect after every render (each hook costs the bundle): put a text that came from
        // elsewhere (a file, the kept list, the visitor's own code) in the box, read a changed
        // text, size the people table's spacer rows, and hear the page print (printing draws
        // every row).
        let (list, table, input) = (list.clone(), table.clone(), props.text.clone());
        let watch = props.store.watch_print;
        use_effect(move || {
            table.fill_box(&input);
            table.size_spacers();
            follow(&list, &table.scratch, &input);
            let printing = table.printing.clone();
            watch(Callback::from(move |on| printing.set(on)))
        });
    }
    (list, table)
}
