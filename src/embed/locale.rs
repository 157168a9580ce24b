use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::js_config::error_text;
use super::warn;
use crate::core::i18n::{Catalog, CatalogError, Lang};
use crate::core::model::Perspective;
use crate::ui::parts::ChunkError;

thread_local! {
    /// The page's way to fetch a catalog file, set by `embed.js`.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Catalogs ready to use, English first, each built once per page.
    static READY: RefCell<Vec<Rc<Catalog>>> = RefCell::new(vec![Rc::new(Catalog::english())]);
}

/// Sets how the catalog files of languages other than English are fetched: `loader(tag)` returns
/// a promise of the text of `locales/<tag>.txt`. `embed.js` passes one that fetches the file
/// next to itself, once per page (checking its pinned hash in a `make dist` build).
#[wasm_bindgen(js_name = useLocales)]
pub fn use_locales(
    #[wasm_bindgen(unchecked_param_type = "(tag: string) => Promise<string>")]
    loader: js_sys::Function,
) {
    LOADER.with(|l| *l.borrow_mut() = Some(loader));
}

/// Calls `done` with the catalog of `lang` in `voice`: at once when it is ready, else once it is
/// fetched. When it cannot be fetched, `done` gets English and the console says why.
pub(super) fn with_catalog(lang: Lang, voice: Perspective, done: Done) {
    match ready(lang, voice) {
        Some(catalog) => done(catalog),
        None if voice == Perspective::Team => with_language(lang, done),
        None => with_language(
            lang,
            Box::new(move |base| {
                wasm_bindgen_futures::spawn_local(async move {
                    match super::parts::voice_part().await {
                        Ok(speak) => speak(lang, base, done),
                        Err(ChunkError) => {
                            warn("the texts of the self perspective could not be loaded; check that the files next to embed.js are reachable");
                            done(base)
                        }
                    }
                })
            }),
        ),
    }
}

/// Hands a catalog in the self voice to its listener (see [`speak_for_self`]).
pub(super) type Speak = fn(Lang, Rc<Catalog>, Done);

/// Hears a catalog once it is ready; boxed, so each way to it is compiled once.
pub(super) type Done = Box<dyn FnOnce(Rc<Catalog>)>;

/// Hands `done` the catalog of `lang` as a person reads it about their own work: `base` with
/// the first-person texts over it, English ones compiled in and the language's own fetched
/// (`locales/<tag>.self.txt`); when that file cannot be had, the English ones stand.
pub(super) fn speak_for_self(lang: Lang, base: Rc<Catalog>, done: Done) {
    wasm_bindgen_futures::spawn_local(async move {
        let own = match lang {
            Lang::En => String::new(),
            _ => fetch(&format!("{}.self", lang.tag()))
                .await
                .unwrap_or_else(|reason| {
                    warn(&format!(
                        "the {} texts of the self perspective could not be loaded ({reason}); showing them in English",
                        lang.tag()
                    ));
                    String::new()
                }),
        };
        // Widgets asking at the same time share the first one's catalog.
        let catalog = ready(lang, Perspective::Person).unwrap_or_else(|| {
            let (catalog, problems) = base.in_own_voice(&own);
            keep(catalog, problems)
        });
        done(catalog);
    });
}

/// Calls `done` with the catalog of `lang` as a lead reads it.
fn with_language(lang: Lang, done: Done) {
    if let Some(catalog) = ready(lang, Perspective::Team) {
        return done(catalog);
    }
    wasm_bindgen_futures::spawn_local(async move {
        let catalog = match fetch(lang.tag()).await {
            // Widgets asking at the same time share one fetch; the first to get it builds it.
            Ok(text) => match ready(lang, Perspective::Team) {
                Some(catalog) => catalog,
                None => match super::parts::read_catalog(lang, text).await {
                    Ok((catalog, problems)) => keep(catalog, problems),
                    Err(ChunkError) => {
                        warn(&format!(
                            "the reader of the {} texts could not be loaded; check that the files next to embed.js are reachable; showing English",
                            lang.tag()
                        ));
                        english()
                    }
                },
            },
            Err(reason) => {
                warn(&format!(
                    "the {} texts could not be loaded ({reason}); showing English",
                    lang.tag()
                ));
                english()
            }
        };
        done(catalog);
    });
}

fn ready(lang: Lang, voice: Perspective) -> Option<Rc<Catalog>> {
    READY.with(|r| {
        r.borrow()
            .iter()
            .find(|c| c.lang == lang && c.voice == voice)
            .cloned()
    })
}

fn english() -> Rc<Catalog> {
    ready(Lang::En, Perspective::Team).unwrap_or_else(|| Rc::new(Catalog::english()))
}

/// Keeps a catalog for every widget on the page, after reporting the lines of its file that
/// could not be used.
fn keep(catalog: Catalog, problems: Vec<CatalogError>) -> Rc<Catalog> {
    for problem in problems {
        warn(&format!(
            "{} texts: {problem}; using English there",
            catalog.lang.tag()
        ));
    }
    let catalog = Rc::new(catalog);
    READY.with(|r| {
        let mut ready = r.borrow_mut();
        ready.retain(|c| c.lang != catalog.lang || c.voice != catalog.voice);
        ready.push(catalog.clone());
    });
    catalog
}

/// Asks the page's loader for `locales/<tag>.txt` (`de`, or `de.self` for the self texts).
async fn fetch(tag: &str) -> Result<String, String> {
    let loader = LOADER
        .with(|l| l.borrow().clone())
        .ok_or("nothing loads them; load the widget through embed.js or call useLocales()")?;
    let promise = loader
        .call1(&JsValue::NULL, &JsValue::from_str(tag))
        .map_err(|e| error_text(&e))?;
    let text = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(|e| error_text(&e))?;
    text.as_string()
        .ok_or_else(|| "the loader gave no text".to_string())
}

/// The visitor's preferred languages, most preferred first.
pub(super) fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}
