//! Parts of the widget that load on demand: the result screen, the team view and the lead form.
//!
//! In the release build (cargo feature `split`) each part is a split point: the functions only
//! it reaches are cut out of the main wasm into a chunk of their own (`wasm-split-cli`), which
//! the browser fetches the first time the part is asked for. The split points themselves are in
//! the embed layer (`embed::parts`), because a part brings its browser side too (the clipboard
//! for the result, files for the team view); the UI receives them as [`Loaders`], one typed
//! [`Loader`] per part, and [`use_part`] hands back that part's functions and nothing else.
//! Without the feature (native tests, browser tests, a stable build without the splitter) the
//! same calls resolve at once, so the loading states below are exercised on every build.

use std::future::Future;
use std::marker::PhantomData;
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
        std::ptr::fn_addr_eq(self.view, other.view)
            && std::ptr::fn_addr_eq(self.copy, other.copy)
            && std::ptr::fn_addr_eq(self.open, other.open)
            && std::ptr::fn_addr_eq(self.say, other.say)
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

/// What a part brings, as one of the variants of [`Fns`].
pub trait PartKind: Copy + 'static {
    /// Wraps the part's functions for the loading hook.
    fn wrap(self) -> Fns;
    /// The part's functions, if `fns` holds this part's.
    fn unwrap(fns: Fns) -> Option<Self>;
}

/// Writes, from the list of the UI's parts, [`Fns`] with a variant per part, [`PartKind`] for
/// each part's functions, and [`Loaders`] with a typed loader per part.
macro_rules! part_kinds {
    ($($(#[$doc:meta])* $part:ident: $variant:ident($fns:ty),)*) => {
        /// A part's functions as the loading hook keeps them: one type for every part, so that
        /// the hook is compiled once (in the main module) and a part loading another part costs
        /// it nothing. Only [`Loader`] wraps and unwraps it, through [`PartKind`], so the UI
        /// never matches on it.
        #[derive(Clone, Copy, PartialEq)]
        pub enum Fns {
            $($(#[$doc])* $variant($fns),)*
        }

        $(impl PartKind for $fns {
            fn wrap(self) -> Fns {
                Fns::$variant(self)
            }
            fn unwrap(fns: Fns) -> Option<Self> {
                match fns {
                    Fns::$variant(fns) => Some(fns),
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        })*

        /// How to load each part; the embed layer provides them (`embed::parts`).
        #[derive(Clone, Copy, PartialEq)]
        pub struct Loaders {
            $($(#[$doc])* pub $part: Loader<$fns>,)*
        }
    };
}

part_kinds! {
    /// The result screen.
    result: Result(ResultFns),
    /// The team view.
    team: Team(TeamFns),
    /// The lead form.
    lead: Lead(LeadFns),
}

/// A part, loaded, as the loading hook keeps it.
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

/// A part as the UI holds it: where it stands, typed by what it brings (`F`). What it holds is
/// the same for every part, so the code around it is compiled once; only [`PartOf::ready`]
/// unwraps the part's own functions.
pub struct PartOf<F> {
    state: Part<PartFns>,
    fns: PhantomData<fn() -> F>,
}

impl<F> Clone for PartOf<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for PartOf<F> {}

impl<F: PartKind> PartOf<F> {
    /// The part's functions, once it has loaded.
    pub fn ready(&self) -> Option<F> {
        match self.state {
            Part::Ready(loaded) => F::unwrap(loaded.draw),
            _ => None,
        }
    }
}

impl<F> PartOf<F> {
    /// Where the part stands (for the loading and failed states).
    pub fn state(&self) -> Part<PartFns> {
        self.state
    }

    /// The part's stylesheet, once it has loaded.
    pub fn css(&self) -> Option<&'static str> {
        match self.state {
            Part::Ready(loaded) => Some(loaded.css),
            _ => None,
        }
    }
}

/// A split point that brings a part: in the release build its chunk, else the same functions at
/// once. Written only by `embed::parts`'s `ui_parts!`, from the part's declaration, so `Fns`
/// names what its split point brings.
pub trait Chunk: 'static {
    /// What the part brings.
    type Fns: PartKind;
    /// Loads the chunk (if need be) and hands over the part, wrapped for the loading hook
    /// ([`Loaded::erase`]).
    fn load() -> LoadFuture;
}

/// A part's load on its way, as the loading hook awaits it.
pub type LoadFuture = Pin<Box<dyn Future<Output = Result<PartFns, ChunkError>>>>;

impl<F: PartKind> Loaded<F> {
    /// The part wrapped for the loading hook.
    pub fn erase(self) -> PartFns {
        Loaded {
            draw: self.draw.wrap(),
            css: self.css,
        }
    }
}

/// How to load the part that brings `F`. Made only from a [`Chunk`] whose part brings `F`, so a
/// view cannot be handed another part's loader:
///
/// ```compile_fail
/// use ai_readiness::ui::parts::{Loader, ResultFns, TeamFns};
/// fn result_loader(team: Loader<TeamFns>) -> Loader<ResultFns> {
///     team
/// }
/// ```
///
/// while the same with the right part compiles:
///
/// ```
/// use ai_readiness::ui::parts::{Loader, ResultFns, TeamFns};
/// fn result_loader(result: Loader<ResultFns>) -> Loader<ResultFns> {
///     result
/// }
/// ```
pub struct Loader<F> {
    load: fn() -> LoadFuture,
    fns: PhantomData<fn() -> F>,
}

impl<F: PartKind> Loader<F> {
    /// The loader of `C`'s part.
    pub const fn of<C: Chunk<Fns = F>>() -> Self {
        Loader {
            load: C::load,
            fns: PhantomData,
        }
    }
}

impl<F> Clone for Loader<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Loader<F> {}

/// Two loaders are equal when they load the same way (`fns` is a marker with nothing to compare).
impl<F> PartialEq for Loader<F> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.load, other.load)
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
pub fn use_part<F: PartKind>(
    wanted: bool,
    shown: bool,
    load: Loader<F>,
    what: &'static str,
    on_problem: Callback<String>,
) -> (PartOf<F>, Callback<MouseEvent>) {
    // size: `F` only marks the types, so the copies of this wrapper are alike and the loading
    // itself is compiled once.
    let (state, retry) = use_loading(wanted, shown, load.load, what, on_problem);
    let part = PartOf {
        state,
        fns: PhantomData,
    };
    (part, retry)
}

/// [`use_part`] for every part alike.
#[hook]
fn use_loading(
    wanted: bool,
    shown: bool,
    load: fn() -> LoadFuture,
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
