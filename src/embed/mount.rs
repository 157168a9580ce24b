use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::core::assessment::{Early, Step};
use crate::core::code::CodeError;
use crate::core::config::{self, Config, ConfigError, Entry};
use crate::core::i18n::{self, Catalog, Lang};
use crate::core::model::{Answers, Perspective};
use crate::core::progress::Snapshot;
use crate::core::storage_keys;
use crate::core::text;
use crate::ui::{App, AppProps};

use super::events::{courier, event_dispatcher, report_problems};
use super::style::{adopt_part_stylesheet, adopt_stylesheet, apply_accent, browser_knows_colour};
use super::takeover::{animations, carry_animations, drawn_ahead, early_actions, path_within};
use super::{
    delivery, detail, document, error, fail, js_config, locale, panic, parts, share, show_notice,
    storage, warn, warn_all, WidgetHandle, CONNECT, LIVE,
};

/// Says why a shared code could not be read, in a catalog's language.
pub(super) type SayWhy = fn(&Catalog, &CodeError) -> String;

/// One mounted widget.
pub(super) struct Instance {
    pub(super) host: Element,
    pub(super) shadow: ShadowRoot,
    pub(super) container: HtmlElement,
    pub(super) app: RefCell<Option<AppHandle<App>>>,
    /// Every entry the configuration was built from, in order; `setConfig` appends.
    pub(super) entries: RefCell<Vec<Entry>>,
    pub(super) config: RefCell<Rc<Config>>,
    pub(super) resets: Cell<u32>,
    /// The language asked for; a catalog that arrives for another one is not used.
    pub(super) wanted: Cell<Lang>,
    /// Whose voice the texts speak in: a lead's about their team, or a person's own.
    pub(super) voice: Cell<Perspective>,
    /// The language's catalog, once it is ready.
    pub(super) base: RefCell<Option<Rc<Catalog>>>,
    /// `base` with the host's own texts on top: what the widget shows.
    pub(super) shown: RefCell<Option<Rc<Catalog>>>,
    pub(super) store: storage::Store,
    /// Progress read at mount, handed to the widget once.
    pub(super) resume: Option<Rc<Snapshot>>,
    /// A result from the page's share link, for the first widget on the page, once read; and
    /// the reader's way to say why one could not be read.
    pub(super) shared: RefCell<Option<Result<(Answers, Perspective), CodeError>>>,
    pub(super) say: Cell<Option<SayWhy>>,
    /// A share link's code is being read (in the result screen's chunk): nothing is drawn yet.
    pub(super) reading_link: Cell<bool>,
    /// The first screen `embed.js` drew before the wasm arrived, until the widget's own first
    /// drawing replaces it.
    pub(super) predrawn: RefCell<Option<Element>>,
    /// What the visitor did on that screen, replayed when the widget starts: read when it first
    /// draws, so what they do while its language loads counts too.
    pub(super) early: RefCell<Rc<Early>>,
    /// How many of the drawn screen's recorded actions `early` holds; the rest came later.
    pub(super) early_read: Cell<usize>,
    /// Itself, so callbacks can reach the instance without keeping it alive.
    pub(super) this: Weak<Instance>,
}

impl Instance {
    pub(super) fn props(&self, catalog: Rc<Catalog>) -> AppProps {
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
    pub(super) fn rerender(&self) {
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
    pub(super) fn show(&self) {
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
    pub(super) fn choose_language(&self) {
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
    pub(super) fn take_over(&self) -> Option<Rc<Early>> {
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
    pub(super) fn forget(&self) {
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

    pub(super) fn is_live(&self) -> bool {
        LIVE.with(|live| live.borrow().iter().any(|i| std::ptr::eq(&**i, self)))
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
    let (shadow, predrawn) = prepare_shadow(&host)?;
    let mut entries = js_config::attribute_entries(&host);
    let parsed = js_config::entries(&config)
        .and_then(|object| {
            entries.extend(object);
            checked(&entries, &host)
        })
        .map_err(|e| refuse(&shadow, &e))?;
    warn_all(&parsed.warnings);
    report_problems(&host, &parsed.problems);
    let container = new_container(&shadow, predrawn.is_none(), &parsed.config)?;
    let store = storage::Store::open(
        &parsed.config,
        progress_key(&parsed.config, &host, &entries),
    );
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
        container,
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
    if let Some(link) = link {
        read_shared_link(&instance, link);
    }
    Ok(WidgetHandle { inner: instance })
}

/// The host's shadow root, opened or reused, with the widget's stylesheet, and the first screen
/// `embed.js` drew there, if any: it stays until the widget's own drawing replaces it; anything
/// else is emptied, without `innerHTML`, which a page requiring Trusted Types refuses.
fn prepare_shadow(host: &Element) -> Result<(ShadowRoot, Option<Element>), JsError> {
    let shadow = shadow_root(host)?;
    let predrawn = drawn_ahead(&shadow);
    if predrawn.is_none() {
        shadow.set_text_content(None);
    }
    adopt_stylesheet(&shadow);
    Ok((shadow, predrawn))
}

/// The element the app renders into, with the accent, the dataLayer mark and the apology ready.
/// Beside a drawn-ahead screen (`attach` false), the widget draws out of the page and swaps
/// itself in when it has drawn (`take_over`): the scheduler may yield to the browser between
/// drawing and its effects, and the page must never show both screens.
fn new_container(
    shadow: &ShadowRoot,
    attach: bool,
    config: &Config,
) -> Result<HtmlElement, JsError> {
    let container = document()?
        .create_element("div")
        .map_err(|_| fail("could not create the widget container"))?
        .unchecked_into::<HtmlElement>();
    if attach {
        shadow
            .append_child(&container)
            .map_err(|_| fail("could not attach the widget container"))?;
    }
    apply_accent(&container, config.accent.as_deref());
    mark_data_layer(&container, config.data_layer);
    panic::keep_apology_ready(&container, &Catalog::english());
    Ok(container)
}

/// The key the widget keeps its progress under. Widgets without an id are told apart by their
/// configuration; alike ones by mount order.
fn progress_key(config: &Config, host: &Element, entries: &[Entry]) -> String {
    let base = storage::key_for(config, host, entries);
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
    match taken {
        n if n == 0 || !idless => base,
        n => storage_keys::numbered(&base, n + 1),
    }
}

/// Reads a shared result's code (`link`) with the result screen's chunk, which it needs anyway;
/// the widget is drawn once it is read (if that chunk cannot load, the visitor's own assessment
/// shows).
fn read_shared_link(instance: &Rc<Instance>, link: String) {
    let this = Rc::downgrade(instance);
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

/// The visitor's saved progress; anything unreadable is dropped with a warning.
pub(super) fn saved_progress(store: &storage::Store) -> Option<Snapshot> {
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
pub(super) fn mark_data_layer(container: &HtmlElement, on: bool) {
    let _ = if on {
        container.set_attribute("data-data-layer", "")
    } else {
        container.remove_attribute("data-data-layer")
    };
}

/// Parses entries, has the browser confirm the accent, keeps `submitUrl` only where the page
/// owner said (`config::check_submit`), and names the site the intro's privacy line names.
pub(super) fn checked(entries: &[Entry], host: &Element) -> Result<config::Parsed, ConfigError> {
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

/// Marks the shadow roots this widget attached, so that a later mount in the same element (after
/// `destroy()`, or after a refused configuration) reuses its own and never wipes another's.
pub(super) const OURS: &str = "aiReadiness";

/// The host's shadow root: a new one, or the one an earlier widget attached. Another
/// component's shadow root is refused rather than wiped.
pub(super) fn shadow_root(host: &Element) -> Result<ShadowRoot, JsError> {
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

/// Shows a configuration error in place of the widget, logs it, and returns it as an `Error`.
pub(super) fn refuse(shadow: &ShadowRoot, error: &ConfigError) -> JsError {
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
