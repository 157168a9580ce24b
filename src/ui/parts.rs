//! Parts of the widget that load on demand: the result screen, the team view and the lead form.
//!
//! In the release build (cargo feature `split`) each part is a split point: the functions only
//! it reaches are cut out of the main wasm into a chunk of their own (`wasm-split-cli`), which
//! the browser fetches the first time the part is asked for. The split points themselves are in
//! the embed layer (`embed::parts`), because a part brings its browser side too (the clipboard
//! for the result, files for the team view); the UI receives them as [`Loaders`]. Without the
//! feature (native tests, browser tests, a stable build without the splitter) the same calls
//! resolve at once, so the loading states below are exercised on every build.

use std::future::Future;
use std::pin::Pin;

use yew::prelude::*;

use super::lead::LeadFns;
use super::result::ResultProps;
use super::share::ShareRequest;
use super::team::{Download, FileRequest, TeamProps, TeamStore, TeamView};
use crate::core::code::CodeError;
use crate::core::i18n::Catalog;
use crate::core::model::{Answers, Perspective};

/// A loaded part: what it brings, and its stylesheet (`style/parts.css`, shared by both parts),
/// which the embed layer adopts into the widget's shadow root.
#[derive(Clone, Copy, PartialEq)]
pub struct Loaded<F> {
    /// The part's functions.
    pub draw: F,
    /// The part's stylesheet, minified.
    pub css: &'static str,
}

/// What the result screen's chunk brings.
#[derive(Clone, Copy)]
pub struct ResultFns {
    /// Draws the result screen.
    pub view: fn(&ResultProps) -> Html,
    /// Puts a code, link or plan on the clipboard.
    pub copy: fn(ShareRequest),
    /// Reads the code of a share link (only a shared result needs the code reader).
    pub open: fn(&str) -> Result<(Answers, Perspective), CodeError>,
    /// Says why a shared code could not be read, in the catalog's language.
    pub say: fn(&Catalog, &CodeError) -> String,
}

impl PartialEq for ResultFns {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.view, other.view) && std::ptr::fn_addr_eq(self.copy, other.copy)
    }
}

/// What the team view's chunk brings.
#[derive(Clone, Copy)]
pub struct TeamFns {
    /// Draws the team view.
    pub view: fn(TeamProps) -> Html,
    /// Reads a picked or dropped file.
    pub read: fn(FileRequest),
    /// Saves a file made in the browser.
    pub save: fn(Download),
    /// Keeps the pasted list and its rounds, when the lead asks.
    pub store: TeamStore,
}

impl PartialEq for TeamFns {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.view, other.view)
            && std::ptr::fn_addr_eq(self.read, other.read)
            && std::ptr::fn_addr_eq(self.save, other.save)
            && self.store == other.store
    }
}

/// What a loaded part brings. One type for every part, so that the hook that loads them is
/// compiled once (in the main module) and a part loading another part costs it nothing.
#[derive(Clone, Copy, PartialEq)]
pub enum Fns {
    /// The result screen's.
    Result(ResultFns),
    /// The team view's.
    Team(TeamFns),
    /// The lead form's.
    Lead(LeadFns),
}

/// A part, loaded.
pub type PartFns = Loaded<Fns>;

/// A part's chunk could not be fetched or instantiated (offline, blocked, tampered).
#[derive(Debug)]
pub struct ChunkError;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Where a part stands.
#[derive(Clone, Copy, PartialEq)]
pub enum Part<F> {
    /// Not asked for yet.
    Idle,
    /// On its way.
    Loading,
    /// Loaded: draw with this.
    Ready(F),
    /// The chunk failed to load; a retry may succeed.
    Failed,
}

/// Starts loading a part and resolves to what it brings.
pub type Loader = fn() -> Pin<Box<dyn Future<Output = Result<PartFns, ChunkError>>>>;

/// How to load each part; the embed layer provides them.
#[derive(Clone, Copy)]
pub struct Loaders {
    /// The result screen's loader.
    pub result: Loader,
    /// The team view's loader.
    pub team: Loader,
    /// The lead form's loader.
    pub lead: Loader,
}

impl PartialEq for Loaders {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.result, other.result)
            && std::ptr::fn_addr_eq(self.team, other.team)
            && std::ptr::fn_addr_eq(self.lead, other.lead)
    }
}

/// The team view as one call, so that everything it reaches lands in its chunk.
pub fn team_view(props: TeamProps) -> Html {
    html! { <TeamView ..props /> }
}

/// A part that loads once `wanted` turns true (ahead of need), tries again by itself when it
/// failed then and becomes `shown` (on screen now), and offers a retry button's callback.
/// `on_problem` hears why a load failed, for the console.
#[hook]
pub fn use_part(
    wanted: bool,
    shown: bool,
    load: Loader,
    what: &'static str,
    on_problem: Callback<String>,
) -> (Part<PartFns>, Callback<MouseEvent>) {
    let part = use_state_eq(|| Part::Idle);
    let attempt = use_state_eq(|| 0u32);
    {
        let part = part.clone();
        use_effect_with(
            (wanted || shown, shown, *attempt),
            move |&(wanted, _, _)| {
                if wanted && !matches!(*part, Part::Ready(_) | Part::Loading) {
                    part.set(Part::Loading);
                    yew::platform::spawn_local(async move {
                        match load().await {
                            Ok(draw) => part.set(Part::Ready(draw)),
                            Err(ChunkError) => {
                                on_problem.emit(format!("the {what} could not be loaded; check that the files next to embed.js are reachable"));
                                part.set(Part::Failed);
                            }
                        }
                    });
                }
            },
        );
    }
    let retry = Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1));
    (*part, retry)
}
