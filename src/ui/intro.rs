use yew::prelude::*;

use super::tx;
use crate::core::config::Config;
use crate::core::i18n::{Catalog, Msg};

/// The intro: title, promise, duration, what leaves the page, Start. Title and promise come from
/// the catalog, where the host's `title`, `intro` and `strings` have already replaced the
/// defaults.
pub fn intro_view(t: &Catalog, config: &Config, on_start: Callback<MouseEvent>) -> Html {
    html! {
        <section class="air-intro" data-step="intro">
            <h2 class="air-title">{ tx(t, Msg::IntroTitle) }</h2>
            <p class="air-lead">{ tx(t, Msg::IntroLead) }</p>
            { privacy_line(t, config) }
            <button type="button" class="air-btn air-primary" data-action="start" onclick={on_start}>
                { tx(t, Msg::IntroStart) }
            </button>
        </section>
    }
}

/// "Nothing leaves this page" only when nothing can; otherwise the duration, then who receives
/// the answers (the host's `privacyNote`, or the page's site) and the host's privacy policy.
pub(crate) fn privacy_line(t: &Catalog, config: &Config) -> Html {
    if !config.shares() {
        return html! { <p class="air-muted" data-privacy="none">{ tx(t, Msg::IntroDuration) }</p> };
    }
    let sentence = match (&config.privacy_note, config.site.as_str()) {
        (Some(note), _) => note.clone(),
        (None, "") => t.get(Msg::IntroSharedPage).to_string(),
        // Isolated, so a Latin host name keeps its place in a right-to-left sentence.
        (None, site) => t.fill(
            Msg::IntroShared,
            &[("site", &format!("\u{2068}{site}\u{2069}"))],
        ),
    };
    let policy = config.lead.privacy_url.clone().map(|href| {
        html! {
            <>{ " " }<a {href} target="_blank" rel="noopener noreferrer">{ tx(t, Msg::IntroPrivacy) }</a></>
        }
    });
    html! {
        <>
            <p class="air-muted">{ tx(t, Msg::IntroTime) }</p>
            <p class="air-muted" data-privacy="shared"><span>{ sentence }</span>{ for policy }</p>
        </>
    }
}
