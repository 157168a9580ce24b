use yew::prelude::*;

use super::tx;
use crate::core::i18n::{Catalog, Msg};

/// The intro: title, promise, duration, Start. Title and promise come from the catalog, where
/// the host's `title`, `intro` and `strings` have already replaced the defaults.
pub fn intro_view(t: &Catalog, on_start: Callback<MouseEvent>) -> Html {
    html! {
        <section class="air-intro" data-step="intro">
            <h2 class="air-title">{ tx(t, Msg::IntroTitle) }</h2>
            <p class="air-lead">{ tx(t, Msg::IntroLead) }</p>
            <p class="air-muted">{ tx(t, Msg::IntroDuration) }</p>
            <button type="button" class="air-btn air-primary" data-action="start" onclick={on_start}>
                { tx(t, Msg::IntroStart) }
            </button>
        </section>
    }
}
