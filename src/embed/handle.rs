use std::rc::Rc;
use wasm_bindgen::prelude::*;

use crate::core::events::WidgetEvent;
use crate::core::model::{Answers, Perspective};
use crate::core::{code, config, scoring};

use super::mount::{checked, mark_data_layer};
use super::style::apply_accent;
use super::{detail, fail, js_config, warn, warn_all, Instance, CONNECT, LIVE};

/// A mounted widget, returned by [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    pub(super) inner: Rc<Instance>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and everything it added; the element can be mounted again.
    pub fn destroy(&self) {
        if let Some(app) = self.inner.app.borrow_mut().take() {
            app.destroy();
        }
        self.inner.shadow.set_text_content(None);
        LIVE.with(|live| live.borrow_mut().retain(|i| !Rc::ptr_eq(i, &self.inner)));
    }

    /// A destroyed widget's handle refuses calls: quietly drawing a hidden widget again would
    /// leak it.
    fn alive(&self) -> Result<(), JsError> {
        if self.inner.is_live() {
            Ok(())
        } else {
            Err(fail("this widget was destroyed"))
        }
    }

    /// Whether the widget is still mounted (false after `destroy()`).
    #[wasm_bindgen(getter)]
    pub fn live(&self) -> bool {
        self.inner.is_live()
    }

    /// Returns the widget to its first screen, dropping the current answers. After `destroy()`
    /// it does nothing but log why.
    pub fn reset(&self) {
        if self.alive().is_ok() {
            self.inner
                .resets
                .set(self.inner.resets.get().wrapping_add(1));
            self.inner.rerender();
        }
    }

    /// Changes some configuration keys on a live widget, e.g. `{ theme: "dark" }`. Throws, and
    /// keeps the current configuration, when the change is invalid, and after `destroy()`.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<AiReadinessConfig>")] partial: JsValue,
    ) -> Result<(), JsError> {
        self.alive()?;
        let mut added = js_config::entries(&partial).map_err(|e| fail(&e.to_string()))?;
        added.retain(|e| {
            let at_mount = config::AT_MOUNT.contains(&e.key.as_str());
            if at_mount {
                warn(&format!(
                    "{} is read only when mounting; pass it to mount() or as an attribute",
                    e.key
                ));
            }
            !at_mount
        });
        let entries = config::merge(&self.inner.entries.borrow(), added);
        // Attribute problems were reported when the widget mounted; a script's bad value throws.
        let parsed = checked(&entries, &self.inner.host).map_err(|e| fail(&e.to_string()))?;
        warn_all(&parsed.warnings);
        apply_accent(&self.inner.container, parsed.config.accent.as_deref());
        mark_data_layer(&self.inner.container, parsed.config.data_layer);
        *self.inner.entries.borrow_mut() = entries;
        *self.inner.config.borrow_mut() = Rc::new(parsed.config);
        self.inner.choose_language();
        Ok(())
    }
}

/// Scores a complete answer list (one option index per question, least mature = 0) and returns
/// the same object `ai-readiness:complete` carries.
#[wasm_bindgen(js_name = scoreAnswers, unchecked_return_type = "AiReadinessResult")]
pub fn score_answers(answers: Vec<u8>) -> Result<JsValue, JsError> {
    let answers = Answers(answers);
    let outcome = scoring::score(&answers).map_err(|e| fail(&e.to_string()))?;
    // Answers that score always make a code; the error's text is not worth its bytes here.
    let code = code::encode(&answers, Perspective::Team)
        .map_err(|_| fail("these answers make no result code"))?;
    Ok(detail::detail(&WidgetEvent::complete(
        &outcome,
        &code,
        Perspective::Team,
    )))
}

/// Names the origins, besides the page's own, that a `submitUrl` from markup may lead to, as
/// `data-connect` on the `embed.js` script element does (`embed.js` hands it over here, once,
/// before any widget mounts). Throws when an entry is not an origin such as
/// `https://hooks.example`.
#[wasm_bindgen]
pub fn connect(origins: &str) -> Result<(), JsError> {
    let found = config::read_origins(origins).map_err(|bad| {
        fail(&format!(
            "data-connect takes origins such as \"https://hooks.example\", separated by spaces, got \"{bad}\""
        ))
    })?;
    CONNECT.with(|c| c.borrow_mut().extend(found));
    Ok(())
}
