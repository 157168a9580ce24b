//! Browser glue: the only layer that touches the DOM and JavaScript values.
//!
//! It mounts a widget into an open Shadow DOM on the host element, adopts the widget stylesheet,
//! reads `data-*` configuration, turns [`WidgetEvent`]s into `CustomEvent`s on the host, keeps a
//! registry of live widgets (for double-mount checks and the panic hook) and exports the
//! JavaScript API.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback};

use crate::core::assessment::{Early, Step};
use crate::core::code;
use crate::core::code::CodeError;
use crate::core::colour;
use crate::core::config::{self, Config, ConfigError, Entry};
use crate::core::delivery::Kind;
use crate::core::events::WidgetEvent;
use crate::core::events::ERROR_EVENT;
use crate::core::i18n::{self, Catalog, Lang};
use crate::core::lead::LeadMode;
use crate::core::model::{Answers, Perspective};
use crate::core::progress::Snapshot;
use crate::core::scoring;
use crate::core::storage_keys;
use crate::core::text;
use crate::ui::{App, AppProps};

/// Delivery to the host's endpoint (`submitUrl`), in its own chunk.
mod delivery;
/// Event details as plain objects, without a serializer.
mod detail;
/// Reading dropped files and saving downloads.
mod files;
/// Reading JavaScript config objects and attributes into core's terms.
mod js_config;
/// The lead form's browser side, in its chunk.
mod lead;
/// Fetching and sharing the catalogs of languages other than English.
pub mod locale;
/// What a crash shows: the apology each widget keeps ready for `embed.js`, the panic hook.
mod panic;
/// The split points of the parts that load on demand, with their browser side.
mod parts;
/// Share links and the clipboard.
mod share;
/// Saved progress in localStorage, or in memory when that is not possible.
mod storage;
/// TypeScript declarations for the exported API.
mod types;

/// The widget stylesheet, compiled in so the host loads no extra file and no inline style.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Prefix of every console message.
pub(crate) const LOG_PREFIX: &str = "[ai-readiness]";

thread_local! {
    /// The constructed stylesheet, shared by every instance on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// The stylesheets of the parts loaded on demand, by their text's address, once loaded.
    static PART_SHEETS: RefCell<Vec<(usize, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
    /// Origins the page owner named for `submitUrl` on the script element (`data-connect`).
    static CONNECT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Widgets mounted and not destroyed.
    static LIVE: RefCell<Vec<Rc<Instance>>> = const { RefCell::new(Vec::new()) };
}

/// Says why a shared code could not be read, in a catalog's language.
type SayWhy = fn(&Catalog, &CodeError) -> String;

/// One mounted widget.
struct Instance {
    host: Element,
    shadow: ShadowRoot,
    container: HtmlElement,
    app: RefCell<Option<AppHandle<App>>>,
    /// Every entry the configuration was built from, in order; `setConfig` appends.
    entries: RefCell<Vec<Entry>>,
    config: RefCell<Rc<Config>>,
    resets: Cell<u32>,
    /// The language asked for; a catalog that arrives for another one is not used.
    wanted: Cell<Lang>,
    /// Whose voice the texts speak in: a lead's about their team, or a person's own.
    voice: Cell<Perspective>,
    /// The language's catalog, once it is ready.
    base: RefCell<Option<Rc<Catalog>>>,
    /// `base` with the host's own texts on top: what the widget shows.
    shown: RefCell<Option<Rc<Catalog>>>,
    store: storage::Store,
    /// Progress read at mount, handed to the widget once.
    resume: Option<Rc<Snapshot>>,
    /// A result from the page's share link, for the first widget on the page, once read; and
    /// the reader's way to say why one could not be read.
    shared: RefCell<Option<Result<(Answers, Perspective), CodeError>>>,
    say: Cell<Option<SayWhy>>,
    /// A share link's code is being read (in the result screen's chunk): nothing is drawn yet.
    reading_link: Cell<bool>,
    /// The first screen `embed.js` drew before the wasm arrived, until the widget's own first
    /// drawing replaces it.
    predrawn: RefCell<Option<Element>>,
    /// What the visitor did on that screen, replayed when the widget starts: read when it first
    /// draws, so what they do while its language loads counts too.
    early: RefCell<Rc<Early>>,
    /// How many of the drawn screen's recorded actions `early` holds; the rest came later.
    early_read: Cell<usize>,
    /// Itself, so callbacks can reach the instance without keeping it alive.
    this: Weak<Instance>,
}

impl Instance {
    fn props(&self, catalog: Rc<Catalog>) -> AppProps {
        let this = self.this.clone();
        let shared = self.shared.borrow().as_ref().map(|read| {
            Rc::new(match read {
                Ok(found) => Ok(found.clone()),
                Err(e) => Err(self
                    .say
                    .get()
                    .map(|say| say(&catalog, e))
                    .unwrap_or_default()),
            })
        });
        AppProps {
            config: self.config.borrow().clone(),
            catalog,
            reset: self.resets.get(),
            resume: self.resume.clone(),
            on_event: event_dispatcher(
                self.container.clone(),
                self.host.clone(),
                self.config.borrow().clone(),
                self.store.key.clone(),
            ),
            shared,
            on_voice: {
                let this = self.this.clone();
                Callback::from(move |voice| {
                    if let Some(instance) = this.upgrade().filter(|i| i.voice.get() != voice) {
                        instance.voice.set(voice);
                        instance.choose_language();
                    }
                })
            },
            parts: parts::LOADERS,
            on_forget: {
                let this = self.this.clone();
                Callback::from(move |()| {
                    if let Some(instance) = this.upgrade() {
                        instance.forget();
                    }
                })
            },
            on_problem: Callback::from(|message: String| error(&message)),
            early: self.early.borrow().clone(),
            on_drawn: {
                let this = self.this.clone();
                Callback::from(move |()| {
                    this.upgrade()
                        .and_then(|instance| instance.take_over())
                        .unwrap_or_default()
                })
            },
            on_styles: {
                let shadow = self.shadow.clone();
                Callback::from(move |css: &'static str| adopt_part_stylesheet(&shadow, css))
            },
            on_progress: Callback::from(move |snapshot: Snapshot| {
                this.upgrade().is_none_or(|instance| {
                    let finished = snapshot.step == Step::Result;
                    instance.store.save(&snapshot.encode(), finished)
                })
            }),
        }
    }

    /// Renders the widget, or updates it, once its language's catalog is ready.
    fn rerender(&self) {
        let Some(catalog) = self.shown.borrow().clone() else {
            return;
        };
        if self.reading_link.get() {
            return;
        }
        if self.app.borrow().is_none() {
            if let Some(predrawn) = self.predrawn.borrow().as_ref() {
                let (early, read) = early_actions(predrawn, 0);
                *self.early.borrow_mut() = early;
                self.early_read.set(read);
            }
        }
        let props = self.props(catalog);
        let mut app = self.app.borrow_mut();
        match app.as_mut() {
            Some(app) => app.update(props),
            None => {
                let root = self.container.clone().into();
                *app = Some(yew::Renderer::<App>::with_root_and_props(root, props).render());
            }
        }
    }

    /// Lays the host's texts over the language's catalog and renders.
    fn show(&self) {
        let shown = self
            .base
            .borrow()
            .as_ref()
            .map(|base| self.config.borrow().catalog(base));
        if let Some(shown) = shown {
            panic::keep_apology_ready(&self.container, &shown);
            *self.shown.borrow_mut() = Some(shown);
            self.rerender();
        }
    }

    /// Settles the language (configured, else the browser's, else English), fetching its
    /// catalog when needed, and shows the widget in it.
    fn choose_language(&self) {
        let lang = i18n::negotiate(
            self.config.borrow().locale.as_deref(),
            &locale::browser_languages(),
        );
        let voice = self.voice.get();
        self.wanted.set(lang);
        if self
            .base
            .borrow()
            .as_ref()
            .is_some_and(|b| b.lang == lang && b.voice == voice)
        {
            return self.show();
        }
        let this = self.this.clone();
        locale::with_catalog(
            lang,
            voice,
            Box::new(move |catalog| {
                let Some(instance) = this
                    .upgrade()
                    .filter(|i| i.wanted.get() == lang && i.voice.get() == voice && i.is_live())
                else {
                    return;
                };
                *instance.base.borrow_mut() = Some(catalog);
                instance.show();
            }),
        );
    }

    /// Takes the drawn-ahead screen away now that the widget's own drawing, the same markup, is
    /// in the page (both in one frame, so nothing moves), and gives focus back to the same
    /// control.
    /// Returns what the visitor did on the drawn screen after the widget read it.
    fn take_over(&self) -> Option<Rc<Early>> {
        let predrawn = self.predrawn.borrow_mut().take()?;
        let (late, _) = early_actions(&predrawn, self.early_read.get());
        let focused = self
            .shadow
            .active_element()
            .filter(|active| predrawn.contains(Some(active)))
            .map(|active| path_within(&predrawn, &active));
        let old = animations(&predrawn);
        let _ = predrawn.replace_with_with_node_1(&self.container);
        carry_animations(&old, &self.container);
        let target = focused.and_then(|path| {
            path.iter().try_fold(
                self.container.clone().unchecked_into::<Element>(),
                |at, &i| at.children().item(i),
            )
        });
        if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            let _ = target.focus();
        }
        Some(late)
    }

    /// Clears what this widget keeps on this device: progress and result, the lead form's
    /// status, and the submissions it made that still wait in the outbox.
    fn forget(&self) {
        self.store.clear();
        let config = self.config.borrow().clone();
        let place = storage::Place::of(&config);
        place.remove(&storage_keys::lead_of(&self.store.key));
        let Some(kept) = place.storage() else {
            return;
        };
        for pair in js_sys::Object::entries(&kept).iter() {
            let pair: js_sys::Array = pair.unchecked_into();
            let (Some(key), Some(text)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
                continue;
            };
            let mine = storage_keys::is_outbox(&key, &config.storage_key)
                && crate::core::delivery::Entry::decode(&text)
                    .is_some_and(|e| e.owner == self.store.key);
            if mine {
                let _ = kept.remove_item(&key);
            }
        }
    }

    fn is_live(&self) -> bool {
        LIVE.with(|live| live.borrow().iter().any(|i| std::ptr::eq(&**i, self)))
    }
}

/// A mounted widget, returned by [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Rc<Instance>,
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

/// Mounts a widget into `element`, configured by its `data-*` attributes and then by `config`,
/// and returns its handle.
///
/// Throws an `Error` when `element` is not a DOM element or the configuration is invalid; the
/// message says which key and why, and the element shows the same message in a small box.
/// Mounting an element that already holds a widget warns and returns the existing handle.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AiReadinessConfig | undefined")] config: JsValue,
) -> Result<WidgetHandle, JsError> {
    panic::install();
    let host = element.dyn_into::<Element>().map_err(|v| {
        fail(&format!(
            "mount needs a DOM element, got {}",
            js_config::describe(&v)
        ))
    })?;
    if let Some(existing) = LIVE.with(|live| live.borrow().iter().find(|i| i.host == host).cloned())
    {
        warn_all(&["this element already holds a widget; mount() returns its handle".to_string()]);
        return Ok(WidgetHandle { inner: existing });
    }
    let shadow = shadow_root(&host)?;
    // A first screen `embed.js` drew stays until the widget's own drawing replaces it; anything
    // else is emptied, without `innerHTML`, which a page requiring Trusted Types refuses.
    let predrawn = drawn_ahead(&shadow);
    if predrawn.is_none() {
        shadow.set_text_content(None);
    }
    adopt_stylesheet(&shadow);

    let mut entries = js_config::attribute_entries(&host);
    let parsed = js_config::entries(&config)
        .and_then(|object| {
            entries.extend(object);
            checked(&entries, &host)
        })
        .map_err(|e| refuse(&shadow, &e))?;
    warn_all(&parsed.warnings);
    report_problems(&host, &parsed.problems);

    let container = document()?
        .create_element("div")
        .map_err(|_| fail("could not create the widget container"))?
        .unchecked_into::<HtmlElement>();
    // Beside a drawn-ahead screen, the widget draws out of the page and swaps itself in when it
    // has drawn (`take_over`): the scheduler may yield to the browser between drawing and its
    // effects, and the page must never show both screens.
    if predrawn.is_none() {
        shadow
            .append_child(&container)
            .map_err(|_| fail("could not attach the widget container"))?;
    }
    apply_accent(&container, parsed.config.accent.as_deref());
    mark_data_layer(&container, parsed.config.data_layer);
    panic::keep_apology_ready(&container, &Catalog::english());

    // Widgets without an id are told apart by their configuration; alike ones by mount order.
    let base = storage::key_for(&parsed.config, &host, &entries);
    let idless = host.id().is_empty();
    let (taken, crowded) = LIVE.with(|live| {
        let live = live.borrow();
        let taken = live
            .iter()
            .filter(|i| storage_keys::is_numbered(&i.store.key, &base))
            .count();
        (taken, idless && live.iter().any(|i| i.host.id().is_empty()))
    });
    if crowded {
        warn("several widgets here have no id; give each one an id to keep its progress apart");
    }
    let key = match taken {
        n if n == 0 || !idless => base,
        n => storage_keys::numbered(&base, n + 1),
    };
    let store = storage::Store::open(&parsed.config, key);
    let resume = saved_progress(&store).map(Rc::new);
    let link = match parsed.config.mode {
        config::Mode::Assessment => share::take_shared_link(),
        config::Mode::Team => None,
    };
    // Submissions a failure left in the outbox go out on the next page load.
    if let Some(courier) = courier(&host, &parsed.config, &store.key) {
        delivery::deliver(courier);
    }
    let voice = link.as_deref().map_or(
        parsed.config.perspective,
        crate::core::share::perspective_hint,
    );
    let instance = Rc::new_cyclic(|this| Instance {
        host,
        shadow,
        container: container.clone(),
        app: RefCell::new(None),
        entries: RefCell::new(entries),
        config: RefCell::new(Rc::new(parsed.config)),
        resets: Cell::new(0),
        wanted: Cell::new(Lang::En),
        voice: Cell::new(voice),
        base: RefCell::new(None),
        shown: RefCell::new(None),
        store,
        resume,
        shared: RefCell::new(None),
        say: Cell::new(None),
        reading_link: Cell::new(link.is_some()),
        predrawn: RefCell::new(predrawn),
        early: RefCell::default(),
        early_read: Cell::new(0),
        this: this.clone(),
    });
    LIVE.with(|live| live.borrow_mut().push(instance.clone()));
    // English and languages already loaded render at once; others once their catalog arrives.
    instance.choose_language();
    // A shared result is read by the result screen's chunk, which it needs anyway; the widget
    // is drawn once it is read (if that chunk cannot load, the visitor's own assessment shows).
    if let Some(link) = link {
        let this = Rc::downgrade(&instance);
        wasm_bindgen_futures::spawn_local(async move {
            let fns = parts::result_fns_loaded().await;
            let Some(instance) = this.upgrade() else {
                return;
            };
            match fns {
                Some(fns) => {
                    *instance.shared.borrow_mut() = Some((fns.open)(&link));
                    instance.say.set(Some(fns.say));
                }
                None => error("the result screen could not be loaded to open the shared result"),
            }
            instance.reading_link.set(false);
            instance.rerender();
        });
    }
    Ok(WidgetHandle { inner: instance })
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

/// The container of the first screen `embed.js` drew in this shadow root before the wasm
/// arrived, if it is there and nothing else is.
fn drawn_ahead(shadow: &ShadowRoot) -> Option<Element> {
    let first = shadow.first_element_child()?;
    (first.has_attribute("data-predrawn") && shadow.child_element_count() == 1).then_some(first)
}

/// What the visitor did on the drawn-ahead screen, as `embed.js` recorded it in the container's
/// `actions` list, from entry `from` on; and how many entries the list holds.
fn early_actions(predrawn: &Element, from: usize) -> (Rc<Early>, usize) {
    let recorded = js_sys::Reflect::get(predrawn, &JsValue::from_str("actions"))
        .ok()
        .filter(|list| list.is_array())
        .map(|list| {
            js_sys::Array::from(&list)
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let (early, unusable) = Early::read(recorded.iter().skip(from).map(String::as_str));
    if !unusable.is_empty() {
        warn(&format!("ignored early actions: {}", unusable.join(", ")));
    }
    (Rc::new(early), recorded.len())
}

/// The animations running in `root` and its subtree (none where the browser cannot say).
fn animations(root: &Element) -> js_sys::Array {
    let options = js_sys::Object::new();
    detail::set(&options, "subtree", JsValue::TRUE);
    let list = detail::call(root, "getAnimations", &options);
    match js_sys::Array::is_array(&list) {
        true => list.unchecked_into::<js_sys::Array>(),
        false => js_sys::Array::new(),
    }
}

/// A question that slides in on the drawn-ahead screen goes on sliding from where it was (`old`,
/// its animations), not from the start, in the widget's drawing of it (the same markup has the
/// same animations, in the same order); one that already finished stays finished.
fn carry_animations(old: &js_sys::Array, to: &Element) {
    let new = animations(to);
    let time = JsValue::from_str("currentTime");
    for (i, animation) in new.iter().enumerate() {
        match old.get(i as u32) {
            running if running.is_object() => {
                let at = js_sys::Reflect::get(&running, &time).unwrap_or(JsValue::NULL);
                let _ = js_sys::Reflect::set(&animation, &time, &at);
            }
            _ => drop(detail::call(&animation, "finish", &JsValue::UNDEFINED)),
        }
    }
}

/// The child positions from `ancestor` down to `node`.
fn path_within(ancestor: &Element, node: &Element) -> Vec<u32> {
    let mut path = Vec::new();
    let mut at = node.clone();
    while &at != ancestor {
        let Some(parent) = at.parent_element() else {
            break;
        };
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&at));
        path.push(index.unwrap_or(0));
        at = parent;
    }
    path.reverse();
    path
}

/// Whether the browser knows `value` as a colour and it is opaque; when it cannot say, the core's
/// shape check stands.
fn browser_knows_colour(value: &str) -> bool {
    web_sys::css::supports_with_value("color", value).unwrap_or(true)
        && colour::is_opaque(value, &canvas_colour(value))
}

/// `value` as the browser's 2D canvas writes a colour back (see [`colour::is_opaque`]); empty
/// when there is no canvas to ask.
fn canvas_colour(value: &str) -> String {
    let Some(canvas) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
    else {
        return String::new();
    };
    let context = detail::call(&canvas, "getContext", &"2d".into());
    let key = JsValue::from_str("fillStyle");
    let _ = js_sys::Reflect::set(&context, &key, &value.into());
    js_sys::Reflect::get(&context, &key)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The visitor's saved progress; anything unreadable is dropped with a warning.
fn saved_progress(store: &storage::Store) -> Option<Snapshot> {
    let text = store.load()?;
    match Snapshot::decode(&text) {
        Ok(snapshot) => Some(snapshot),
        Err(e) => {
            warn_all(&[format!("{e}; starting fresh")]);
            store.clear();
            None
        }
    }
}

/// `dataLayer: true` as `data-data-layer` on the container, for `embed.js`, which pushes the
/// widget's events to `window.dataLayer`.
fn mark_data_layer(container: &HtmlElement, on: bool) {
    let _ = if on {
        container.set_attribute("data-data-layer", "")
    } else {
        container.remove_attribute("data-data-layer")
    };
}

/// Parses entries, has the browser confirm the accent, keeps `submitUrl` only where the page
/// owner said (`config::check_submit`), and names the site the intro's privacy line names.
fn checked(entries: &[Entry], host: &Element) -> Result<config::Parsed, ConfigError> {
    let mut parsed = config::parse(entries)?;
    config::check_accent(&mut parsed, entries, browser_knows_colour)?;
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    CONNECT.with(|c| config::check_submit(&mut parsed, entries, &origin, &c.borrow()));
    // In iframe mode `framed.js` puts the parent page's host name on the element.
    let site = js_sys::Reflect::get(host, &"aiReadinessSite".into())
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| location.and_then(|l| l.hostname().ok()))
        .unwrap_or_default();
    parsed.config.site = config::site_name(&site);
    Ok(parsed)
}

/// The address of the page the visitor is on, for `pageUrl` and share links: in iframe mode the
/// parent page's, which `framed.js` passes on as `aiReadinessPage`; otherwise this page's.
pub(crate) fn page_address(window: &web_sys::Window) -> String {
    js_sys::Reflect::get(window, &"aiReadinessPage".into())
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| window.location().href().ok())
        .unwrap_or_default()
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

/// Each attribute that could not be used: a console error and an `ai-readiness:error` event
/// naming the key, the value and what it accepts. The widget runs with that key's default.
fn report_problems(host: &Element, problems: &[ConfigError]) {
    for problem in problems {
        let message = format!("{problem}; using the default instead");
        error(&message);
        let o = js_sys::Object::new();
        detail::set(&o, "key", problem.key().into());
        detail::set(&o, "message", message.into());
        dispatch_detail(host, ERROR_EVENT, &o);
    }
}

/// Dispatches each event on the host; a completion also goes to `submitUrl` when set, at once
/// unless the lead form is on: then it waits for the visitor to send or decline the form (the
/// form sends it, `embed::lead`), unless the host set `submitAnonymous`.
fn event_dispatcher(
    container: HtmlElement,
    host: Element,
    config: Rc<Config>,
    owner: String,
) -> Callback<Rc<WidgetEvent>> {
    Callback::from(move |event: Rc<WidgetEvent>| {
        // A widget destroyed before its first render says nothing (no `ready` after `destroy()`):
        // `destroy()` takes the container out of the shadow root.
        if container.parent_node().is_none() {
            return;
        }
        dispatch(&host, &event);
        let held = config.lead.mode != LeadMode::Off && !config.submit_anonymous;
        let idle = courier(&host, &config, &owner).filter(|_| !held);
        if let (WidgetEvent::Complete(detail), Some(idle)) = (&*event, idle) {
            delivery::deliver(delivery::Courier {
                job: Some(delivery::Job {
                    kind: Kind::Complete,
                    result: detail.clone(),
                    lead: None,
                }),
                ..idle
            });
        }
    })
}

/// A courier for the widget's `submitUrl`, if it has one, with nothing new to send; `owner` is
/// the widget's progress key.
fn courier(host: &Element, config: &Config, owner: &str) -> Option<delivery::Courier> {
    Some(delivery::Courier {
        host: host.clone(),
        url: config.submit_url.clone()?,
        prefix: config.storage_key.clone(),
        storage: storage::Place::of(config),
        days: config.outbox_days,
        owner: owner.to_string(),
        job: None,
    })
}

/// The progress key of the live widget whose configuration `config` is (the one the widget
/// hands its parts), which names what it keeps apart from other widgets'.
pub(crate) fn widget_key(config: &Config) -> Option<String> {
    LIVE.with(|live| {
        live.borrow()
            .iter()
            .find(|i| std::ptr::eq(&**i.config.borrow(), config))
            .map(|i| i.store.key.clone())
    })
}

/// Dispatches `event` on the host element. (`embed.js` pushes it to `window.dataLayer` too when
/// the widget's container says `data-data-layer`.)
fn dispatch(host: &Element, event: &WidgetEvent) {
    dispatch_detail(host, event.name(), &detail::detail(event));
}

pub(crate) fn dispatch_detail(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(custom) => {
            let _ = host.dispatch_event(&custom);
        }
        Err(_) => error(&format!("could not create {name}")),
    }
}

/// Sets the accent as a custom property on the container, through the CSSOM (which a strict
/// Content-Security-Policy allows, unlike a `style` attribute in markup). The text on accent
/// buttons follows from it in the stylesheet.
fn apply_accent(container: &HtmlElement, accent: Option<&str>) {
    let style = container.style();
    match accent {
        Some(value) => drop(style.set_property("--air-accent", value)),
        None => drop(style.remove_property("--air-accent")),
    }
}

/// Marks the shadow roots this widget attached, so that a later mount in the same element (after
/// `destroy()`, or after a refused configuration) reuses its own and never wipes another's.
const OURS: &str = "aiReadiness";

/// The host's shadow root: a new one, or the one an earlier widget attached. Another
/// component's shadow root is refused rather than wiped.
fn shadow_root(host: &Element) -> Result<ShadowRoot, JsError> {
    let tag = || host.tag_name().to_ascii_lowercase();
    if let Some(existing) = host.shadow_root() {
        if js_sys::Reflect::get(&existing, &JsValue::from_str(OURS)).is_ok_and(|v| v.is_truthy()) {
            return Ok(existing);
        }
        return Err(fail(&format!(
            "<{}> already holds another component's shadow root; mount the widget in an element of its own",
            tag()
        )));
    }
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|e| {
            fail(&format!(
                "cannot attach a shadow root to <{}>: {}",
                tag(),
                js_config::error_text(&e)
            ))
        })?;
    detail::set(shadow.unchecked_ref(), OURS, JsValue::TRUE);
    Ok(shadow)
}

/// Adds the stylesheet of a part loaded on demand after the widget's own, once per shadow root;
/// one sheet object per stylesheet serves every widget on the page.
fn adopt_part_stylesheet(shadow: &ShadowRoot, css: &'static str) {
    let adopted = shadow.adopted_style_sheets();
    let sheet = PART_SHEETS.with(|cell| {
        let mut sheets = cell.borrow_mut();
        let at = css.as_ptr() as usize;
        if let Some((_, sheet)) = sheets.iter().find(|(key, _)| *key == at) {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new()
            .ok()
            .filter(|s| s.replace_sync(css).is_ok())?;
        sheets.push((at, sheet.clone()));
        Some(sheet)
    });
    if let Some(sheet) = sheet.filter(|sheet| !adopted.includes(sheet, 0)) {
        adopted.push(&sheet);
        shadow.set_adopted_style_sheets(&adopted);
    }
}

fn adopt_stylesheet(shadow: &ShadowRoot) {
    let sheet = SHEET.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = CssStyleSheet::new()
                .ok()
                .filter(|s| s.replace_sync(WIDGET_CSS).is_ok());
        }
        slot.clone()
    });
    match sheet {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => warn_all(&[
            "this browser cannot adopt stylesheets; the widget shows unstyled".to_string(),
        ]),
    }
}

fn document() -> Result<web_sys::Document, JsError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document to mount into"))
}

/// Shows a configuration error in place of the widget, logs it, and returns it as an `Error`.
fn refuse(shadow: &ShadowRoot, error: &ConfigError) -> JsError {
    let message = error.to_string();
    show_notice(
        shadow,
        Lang::En,
        text::CONFIG_PROBLEM,
        &message,
        "air-error",
    );
    fail(&message)
}

/// Replaces a shadow root's content with a short notice: a title and one message, as text.
pub(crate) fn show_notice(
    shadow: &ShadowRoot,
    lang: Lang,
    title: &str,
    message: &str,
    class: &str,
) {
    shadow.set_text_content(None);
    let Some(doc) = shadow.owner_document() else {
        return;
    };
    let (Ok(notice), Ok(heading), Ok(body)) = (
        doc.create_element("div"),
        doc.create_element("strong"),
        doc.create_element("p"),
    ) else {
        return;
    };
    notice.set_class_name(&format!("air {class}"));
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("lang", lang.tag());
    let _ = notice.set_attribute("dir", lang.dir());
    heading.set_text_content(Some(title));
    body.set_text_content(Some(message));
    let _ = notice.append_child(&heading);
    let _ = notice.append_child(&body);
    let _ = shadow.append_child(&notice);
}

fn warn_all(warnings: &[String]) {
    for warning in warnings {
        warn(warning);
    }
}

/// Logs a warning with the widget prefix. One call site for the console macro keeps the bundle
/// small: each expansion costs bytes.
pub(crate) fn warn(message: &str) {
    gloo::console::warn!(format!("{LOG_PREFIX} {message}"));
}

/// Logs an error with the widget prefix.
pub(crate) fn error(message: &str) {
    gloo::console::error!(format!("{LOG_PREFIX} {message}"));
}

/// Logs `message` as an error and returns it as a JS `Error`.
pub(crate) fn fail(message: &str) -> JsError {
    error(message);
    JsError::new(message)
}
