//! Parts of the widget that load on demand: the result screen and the team view.
//!
//! In the release build (cargo feature `split`) each part is a split point: the functions only
//! it reaches are cut out of the main wasm into a chunk of their own (`wasm-split-cli`), which
//! the browser fetches the first time the part is asked for. Without the feature (native tests,
//! browser tests, a stable build without the splitter) the same calls resolve at once, so the
//! loading states below are exercised on every build.

use std::future::Future;
use std::pin::Pin;

use yew::prelude::*;

use super::result::{result_view, ResultProps};
use super::team::{TeamProps, TeamView};

/// A loaded part: how to draw it, and the stylesheet it brings (`style/parts.css`, shared by
/// both parts), which the embed layer adopts into the widget's shadow root.
#[derive(Clone, Copy, PartialEq)]
pub struct Loaded<F> {
    /// Draws the part.
    pub draw: F,
    /// The part's stylesheet, minified.
    pub css: &'static str,
}

/// The result screen, loaded.
pub type ResultPart = Loaded<fn(&ResultProps) -> Html>;
/// The team view, loaded.
pub type TeamPart = Loaded<fn(TeamProps) -> Html>;

/// Named only inside the split points, so it travels in the parts' chunk.
fn parts_css() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/parts.min.css"))
}

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

/// Starts loading a part and resolves to its drawing function.
pub type Loader<F> = fn() -> Pin<Box<dyn Future<Output = Result<F, ChunkError>>>>;

/// The result screen's loader.
pub fn result_loader() -> Pin<Box<dyn Future<Output = Result<ResultPart, ChunkError>>>> {
    Box::pin(result_part())
}

/// The team view's loader.
pub fn team_loader() -> Pin<Box<dyn Future<Output = Result<TeamPart, ChunkError>>>> {
    Box::pin(team_part())
}

/// The team view as one call, so that everything it reaches lands in its chunk.
fn team_view(props: TeamProps) -> Html {
    html! { <TeamView ..props /> }
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(result, fallible)]
fn result_part() -> Result<ResultPart, ChunkError> {
    crate::core::i18n::register_later_english();
    Ok(Loaded {
        draw: result_view,
        css: parts_css(),
    })
}

#[cfg(not(feature = "split"))]
async fn result_part() -> Result<ResultPart, ChunkError> {
    Ok(Loaded {
        draw: result_view,
        css: parts_css(),
    })
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(team, fallible)]
fn team_part() -> Result<TeamPart, ChunkError> {
    crate::core::i18n::register_later_english();
    Ok(Loaded {
        draw: team_view,
        css: parts_css(),
    })
}

#[cfg(not(feature = "split"))]
async fn team_part() -> Result<TeamPart, ChunkError> {
    Ok(Loaded {
        draw: team_view,
        css: parts_css(),
    })
}

/// A part that loads once `wanted` turns true (ahead of need), tries again by itself when it
/// failed then and becomes `shown` (on screen now), and offers a retry button's callback.
/// `on_problem` hears why a load failed, for the console.
#[hook]
pub fn use_part<F: Copy + PartialEq + 'static>(
    wanted: bool,
    shown: bool,
    load: Loader<F>,
    what: &'static str,
    on_problem: Callback<String>,
) -> (Part<F>, Callback<MouseEvent>) {
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
