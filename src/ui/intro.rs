use yew::prelude::*;

use crate::core::text::{ui, DURATION};

/// Props of the intro screen.
pub struct IntroProps {
    /// The title, as configured.
    pub title: AttrValue,
    /// The one-line promise, as configured.
    pub intro: AttrValue,
    /// Pressed Start.
    pub on_start: Callback<MouseEvent>,
}

/// The intro: title, promise, duration, Start.
pub fn intro_view(props: &IntroProps) -> Html {
    html! {
        <section class="air-intro" data-step="intro">
            <h2 class="air-title">{ props.title.clone() }</h2>
            <p class="air-lead">{ props.intro.clone() }</p>
            <p class="air-muted">{ DURATION }</p>
            <button type="button" class="air-btn air-primary" data-action="start" onclick={props.on_start.clone()}>
                { ui::START }
            </button>
        </section>
    }
}
