//! The first screen as the build draws it: the very [`App`] a visitor's wasm runs, rendered to
//! markup natively with Yew's server-side rendering, so that `embed.js` can show it before the
//! wasm arrives (`src/bin/first_screen.rs` writes it for every language and voice).
//!
//! Nothing here runs in the browser: the wasm draws the same screens itself, and an end-to-end
//! test holds the two drawings equal.

use std::marker::PhantomData;
use std::rc::Rc;

use yew::{Callback, LocalServerRenderer};

use super::parts::{Chunk, LoadFuture, Loader, Loaders, PartKind};
use super::{App, AppProps};
use crate::core::assessment::Step;
use crate::core::config::Config;
use crate::core::i18n::Catalog;
use crate::core::progress::Snapshot;

/// Which first screen: the intro, or the first question (after the intro, with its Back
/// button, or as the opening screen of a widget without one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// The intro with its Start button.
    Intro,
    /// The first question, reached by Start on the intro.
    QuestionAfterIntro,
    /// The first question of a widget configured with `showIntro: false`.
    QuestionWithoutIntro,
}

impl Opening {
    /// Every first screen.
    pub const ALL: [Opening; 3] = [
        Opening::Intro,
        Opening::QuestionAfterIntro,
        Opening::QuestionWithoutIntro,
    ];
}

/// Renders `opening` of a widget configured by `config` (its theme, perspective and intro) with
/// the texts of `catalog`, as markup; fails only when no runtime can be started to render on.
pub fn render(config: &Config, catalog: &Catalog, opening: Opening) -> Result<String, String> {
    let mut config = config.clone();
    config.show_intro = opening != Opening::QuestionWithoutIntro;
    // The first question after Start is the state a visitor who pressed Start is in; the same
    // state, read back from saved progress, draws it without a click.
    let resume = (opening == Opening::QuestionAfterIntro).then(|| {
        Rc::new(Snapshot {
            step: Step::Question(0),
            choices: vec![None; crate::core::bank::QUESTIONS.len()],
            previous: None,
        })
    });
    let props = AppProps {
        config: Rc::new(config),
        catalog: Rc::new(catalog.clone()),
        reset: 0,
        resume,
        on_event: Callback::noop(),
        on_progress: Callback::from(|_| true),
        shared: None,
        on_voice: Callback::noop(),
        parts: NOT_AT_BUILD_TIME,
        on_styles: Callback::noop(),
        on_problem: Callback::noop(),
        early: Rc::default(),
        on_drawn: Callback::from(|()| Rc::default()),
        on_forget: Callback::noop(),
    };
    run(LocalServerRenderer::<App>::with_props(props).hydratable(false))
}

/// Props of [`PrivacyLines`].
#[derive(yew::Properties, PartialEq)]
struct LinesProps {
    config: Rc<Config>,
    catalog: Rc<Catalog>,
}

/// The intro's privacy lines alone, in a `div`.
#[yew::component]
fn PrivacyLines(props: &LinesProps) -> yew::Html {
    yew::html! { <div>{ super::intro::privacy_line(&props.catalog, &props.config) }</div> }
}

/// The lines the intro shows in place of "nothing leaves this page" when a widget's answers can
/// leave it (`config.shares()`), in a `div`: `embed.js` swaps them in, so the prelude carries
/// them once per language rather than a second intro per voice.
pub fn render_privacy(config: &Config, catalog: &Catalog) -> Result<String, String> {
    let props = LinesProps {
        config: Rc::new(config.clone()),
        catalog: Rc::new(catalog.clone()),
    };
    run(LocalServerRenderer::<PrivacyLines>::with_props(props).hydratable(false))
}

/// Renders on a runtime of its own; fails only when none can be started.
fn run<C: yew::BaseComponent>(renderer: LocalServerRenderer<C>) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("no runtime to render on: {e}"))?;
    Ok(runtime.block_on(tokio::task::LocalSet::new().run_until(renderer.render())))
}

/// Rendering on the server runs no effects, so no part is ever asked for.
const NOT_AT_BUILD_TIME: Loaders = Loaders {
    result: Loader::of::<Never<_>>(),
    team: Loader::of::<Never<_>>(),
    lead: Loader::of::<Never<_>>(),
};

/// A part that never loads.
struct Never<F>(PhantomData<F>);

impl<F: PartKind> Chunk for Never<F> {
    type Fns = F;
    fn load() -> LoadFuture {
        Box::pin(std::future::pending())
    }
}
