// Draws the AI readiness widget's first screen in every element with a data-ai-readiness
// attribute at once, loads the wasm when a widget is needed, and lets it take over.
// Usage: <div data-ai-readiness></div> <script type="module" src="/pkg/embed.js"></script>
//
// The build puts `const FIRST = {…}` in front of this file (src/bin/first_screen.rs): the
// widget's stylesheet and its first screens (intro, first question) in every language and
// voice, rendered from the widget's own components. So a visitor sees and answers the first
// screen from this one file while the rest arrives; what they do there is recorded on the drawn
// screen and replayed by the wasm when it takes over, in the same frame, with the same markup.
//
// The JS glue and the wasm are fetched when a widget is needed: at once for `data-load="eager"`,
// for a page that mounts widgets only by script, and when a visitor touches a drawn screen;
// otherwise (`load: "auto"`) when a widget comes within about a screen's height of the viewport.
// Parts only some visitors need (the result screen, the team view, other languages) come later,
// next to this file.
//
// After it, src/build/dist.mjs puts `const WASM_INTEGRITY = "…"` and
// `const LOCALE_INTEGRITY = {…}`: in the `make dist` zip, the sha384 of the wasm and of each
// language's catalog by tag, so the browser refuses a tampered file; in pkg/, nothing to check.
/* global FIRST, WASM_INTEGRITY, LOCALE_INTEGRITY */

const PREFIX = "[ai-readiness]";
// Catalogs besides English, which is compiled into the wasm.
const LANGUAGES = Object.keys(FIRST.langs).filter((tag) => tag !== "en");
const SELECTOR = "[data-ai-readiness]";
// Widgets this script mounted in elements on the page, for the apology after a crash; one whose
// element is taken out of the page is destroyed (an element with data-ai-readiness that comes
// back is mounted again, its progress kept), so a single-page app that swaps pages does not
// pile them up.
const live = new Map();
const HERE = new URL(".", import.meta.url).href;
// Downloads the host page did not ask for should not compete with its own content.
const LOW = { priority: "low" };

/** The module, once asked for: the glue and the wasm, started together. */
let module;
function load() {
  if (!module) {
    const wasm = fetch(new URL("ai_readiness_bg.wasm", import.meta.url), {
      ...LOW,
      ...(WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {}),
    });
    // A failure is reported once, through `ready`, not as an unhandled rejection here.
    wasm.catch(() => {});
    prefetchCatalogs();
    module = import("./ai_readiness.js").then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      glue.useLocales(loadLocale);
      connect(glue);
      return glue;
    });
    module.then(mountWaiting, failed);
  }
  return module;
}

let settle;
/** Settles once the wasm has loaded and the widgets waiting for it are mounted (their handles),
 *  or with the reason it could not load. */
export const ready = new Promise((resolve, reject) => {
  settle = { resolve, reject };
});
ready.catch(() => {});

/**
 * Mounts a widget in `element`, configured by its `data-*` attributes and then by `config`, and
 * returns its handle (docs/src/configuration.md lists the keys, docs/src/javascript-api.md the
 * handle's methods). Needs the module:
 * call it after `ready`, or import `mount` from `ai_readiness.js` after its `init()`.
 */
export function mount(element, config) {
  if (!loaded) throw new Error(`${PREFIX} mount() needs the widget loaded first: await ready`);
  const handle = loaded.mount(element, config);
  if (element.isConnected) live.set(element, handle);
  return handle;
}
let loaded;

function mountOne(element) {
  const known = live.get(element);
  if (known?.live) return known;
  try {
    return mount(element, undefined);
  } catch (error) {
    apologise(error);
    // Otherwise mount() logged the reason and shows it in the element; other widgets carry on.
    return undefined;
  }
}

/**
 * A crash: the release wasm traps at once on a panic, and a trapped module cannot safely be
 * called again. So this script, not the module, replaces every widget with the apology each
 * keeps ready on its container in its own language, rather than leave a frozen box. Traps of
 * other modules on the page are not ours to report.
 */
function apologise(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || !String(error.stack).includes(HERE)) return;
  console.error(`${PREFIX} the widget crashed:`, error);
  for (const element of live.keys()) {
    const root = element.shadowRoot;
    const texts = root?.querySelector("[data-crash-title]");
    if (!texts || root.querySelector(".air-crash")) continue;
    const notice = document.createElement("div");
    notice.className = "air air-crash";
    notice.setAttribute("role", "alert");
    notice.lang = texts.lang;
    notice.dir = texts.dir;
    const title = document.createElement("strong");
    title.textContent = texts.dataset.crashTitle;
    const body = document.createElement("p");
    body.textContent = texts.dataset.crashBody;
    notice.append(title, body);
    root.replaceChildren(notice);
  }
}
addEventListener("error", (event) => apologise(event.error));

/** Every event a widget dispatches, as `ai-readiness:<name>` (core::events names them in Rust;
 *  a native test keeps the two equal; frame.js and the e2e harness read this list). */
export const EVENTS = ["ready", "start", "answer", "complete", "cta", "error", "lead", "delivery"];

// Google Tag Manager: a widget configured with `dataLayer: true` (its container says
// `data-data-layer`) also pushes each event as `{event: "ai_readiness_complete", ai_readiness:
// detail}`, through the array's own push, which GTM replaces with its own.
for (const name of EVENTS) {
  document.addEventListener(`ai-readiness:${name}`, (event) => {
    if (!event.composedPath()[0]?.shadowRoot?.querySelector("[data-data-layer]")) return;
    window.dataLayer = window.dataLayer || [];
    try {
      window.dataLayer.push({ event: `ai_readiness_${name}`, ai_readiness: event.detail });
    } catch (error) {
      console.error(`${PREFIX} window.dataLayer could not take the event:`, error);
    }
  });
}
addEventListener("unhandledrejection", (event) => apologise(event.reason));

/** Elements found and not mounted yet, because the module has not loaded. */
const waiting = new Set();

/**
 * Takes in each `[data-ai-readiness]` element under `root`: draws its first screen at once and
 * mounts it once the module is there. Returns the handles of those mounted now (none before the
 * module has loaded).
 */
export function mountAll(root = document) {
  const found = root instanceof Element && root.matches(SELECTOR) ? [root] : [];
  found.push(...root.querySelectorAll(SELECTOR));
  if (loaded) return found.map(mountOne).filter(Boolean);
  for (const element of found) {
    if (waiting.has(element)) continue;
    waiting.add(element);
    drawAhead(element);
    if (element.dataset.load?.trim() === "eager") afterPaint(load);
    else near.observe(element);
  }
  return [];
}

/** The handle of the live widget mounted in `element` by this script, if any. */
export function handleFor(element) {
  const handle = live.get(element);
  return handle?.live ? handle : undefined;
}

// `load: "auto"`: the module comes when a widget is within about one screen of the viewport.
const near = new IntersectionObserver(
  (entries) => {
    if (entries.some((entry) => entry.isIntersecting)) afterPaint(load);
  },
  { rootMargin: "100% 0px" },
);

/** Runs `then` once the drawn first screens are on screen: instantiating the wasm and the
 *  takeover take the main thread for a while, and a visitor's first click should not wait for
 *  them. (A touch on a drawn screen loads at once.) */
function afterPaint(then) {
  requestAnimationFrame(() => setTimeout(then, 0));
}

function mountWaiting(glue) {
  loaded = glue;
  near.disconnect();
  const elements = [...waiting].filter((element) => element.isConnected);
  waiting.clear();
  settle.resolve(elements.map(mountOne).filter(Boolean));
}

function failed(error) {
  console.error(`${PREFIX} could not load the widget:`, error);
  // Nothing of the widget can run; say so where it would have been rather than leave a gap. A
  // drawn first screen keeps what the visitor picked, with the note under it.
  for (const element of document.querySelectorAll(SELECTOR)) {
    const drawn = element.shadowRoot?.querySelector("[data-predrawn]");
    if (drawn) {
      if (!drawn.querySelector("[data-load-failed]")) drawn.firstChild.append(failureNote(drawn.firstChild.lang));
      continue;
    }
    if (element.shadowRoot || element.childElementCount) continue;
    element.append(failureNote("en"));
  }
  settle.reject(error);
}

function failureNote(lang) {
  const note = document.createElement("p");
  note.lang = lang;
  note.setAttribute("role", "alert");
  note.setAttribute("data-load-failed", "");
  note.className = "air-notice";
  // In English: the catalogs, like the rest of the widget, did not load.
  note.textContent = "The assessment could not be loaded. Please reload the page to try again.";
  return note;
}

function watch() {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) mountAll(node);
      }
    }
    // Moved elements are back in the page by now; only those that left are let go.
    for (const [element, handle] of live) {
      if (element.isConnected) continue;
      live.delete(element);
      handle.destroy();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

/** Fetches `locales/<tag>.txt` next to this script, once per page; a failure (or no answer
 *  within 8 s) may be retried. */
const catalogs = new Map();
function loadLocale(tag) {
  if (!catalogs.has(tag)) {
    const url = new URL(`locales/${tag}.txt`, import.meta.url);
    const integrity = LOCALE_INTEGRITY[tag];
    // A request that never answers must not leave the widget blank: after 8 s it fails, and the
    // widget shows English (and says so in the console).
    const text = fetch(url, { ...LOW, integrity, signal: AbortSignal.timeout?.(8000) }).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.text();
    });
    text.catch(() => catalogs.delete(tag));
    catalogs.set(tag, text);
  }
  return catalogs.get(tag);
}

// Start fetching the catalogs the waiting widgets will ask for while the wasm downloads. Only
// a head start: the widget settles the language itself and asks for what it needs.
function prefetchCatalogs() {
  for (const element of waiting) {
    const tag = language(element.dataset.locale);
    if (tag === "en") continue;
    loadLocale(tag).catch(() => {});
    if (element.dataset.perspective?.trim() === "self") loadLocale(`${tag}.self`).catch(() => {});
  }
}

// ---- Where submissions may go ---------------------------------------------------------------

/** The origins the page owner named, besides the page's own, that a `submitUrl` from markup may
 *  lead to: `data-connect` on this script's own element (the one whose src is this module), where
 *  user content cannot reach. Read once, as the module runs: markup that arrives later names
 *  nothing. */
const CONNECT = [...document.querySelectorAll("script[src]")]
  .filter((script) => script.src === import.meta.url)
  .map((script) => script.dataset.connect ?? "")
  .join(" ")
  .trim();

function connect(glue) {
  try {
    if (CONNECT) glue.connect(CONNECT);
  } catch {
    // The wasm said why in the console; no other origin is named.
  }
}

// ---- The first screen, before the wasm -------------------------------------------------------

/** The language a widget will speak, decided as the wasm decides it (`i18n::negotiate`): the
 *  configured tag when it is well formed and spoken, else the browser's first spoken one. */
function language(configured) {
  const spoken = (tag) => {
    const primary = String(tag ?? "").trim().split(/[-_]/)[0].toLowerCase();
    return primary in FIRST.langs ? primary : undefined;
  };
  const wellFormed = /^[a-z]{2,3}([-_][a-z0-9]{1,8})*$/i.test(String(configured ?? "").trim());
  return (wellFormed && spoken(configured)) || (navigator.languages || []).map(spoken).find(Boolean) || "en";
}

/** A yes/no attribute as the wasm reads it; anything else keeps the default. */
function flag(value, otherwise) {
  const v = value?.trim();
  return v === "true" ? true : v === "false" ? false : otherwise;
}

/** A host text as the wasm accepts it (1-300 characters once trimmed), else undefined. */
function hostText(value) {
  const v = value?.trim();
  return v && [...v].length <= 300 ? v : undefined;
}

/** The accent when the browser knows it as an opaque colour (as the wasm checks it). */
function accent(value) {
  const v = value?.trim();
  if (!v || /currentcolor/i.test(v) || !CSS.supports("color", v)) return undefined;
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return v;
  context.fillStyle = v;
  const resolved = String(context.fillStyle);
  return resolved.startsWith("rgba") || resolved.includes("/") ? undefined : v;
}

/** Whether the wasm will open this widget on something other than its first screen: a result
 *  from a share link, or progress saved earlier. */
function resumes(element) {
  if (location.hash.includes(`${FIRST.link}=`)) return true;
  const d = element.dataset;
  if (flag(d.storage, true) === false) return false;
  const key = /^[A-Za-z0-9._-]{1,40}$/.test(d.storageKey?.trim() ?? "") ? d.storageKey.trim() : "ai-readiness";
  const prefix = key + FIRST.progress;
  try {
    // `storage: "session"` keeps progress for the tab only, in sessionStorage.
    const kept = d.storage?.trim() === "session" ? sessionStorage : localStorage;
    if (element.id) return kept.getItem(prefix + element.id) !== null;
    for (let i = 0; i < kept.length; i++) {
      if (kept.key(i)?.startsWith(`${prefix}~`)) return true;
    }
  } catch {
    // Storage the page may not use is storage the wasm cannot resume from either.
  }
  return false;
}

/** The site a host name names, as the wasm writes it (`config::site_name`), or "". */
function siteName(host) {
  const h = String(host ?? "").trim().toLowerCase().replace(/^www\./, "");
  return /^[a-z0-9.:[\]-]{1,253}$/.test(h) ? h : "";
}

/** A privacy policy link the wasm surely accepts (an http(s) URL or a root-relative path, with
 *  no space, control character or backslash), else undefined: the wasm then decides. */
function policyLink(value) {
  const v = value?.trim();
  return v && /^(https?:\/\/|\/(?![/\\]))[^\s\\\x00-\x1f\x7f-\x9f]*$/i.test(v) ? v : undefined;
}

/**
 * What the intro's privacy line says (`intro_view` in the wasm): whether anything can leave the
 * page (a `submitUrl`, `dataLayer`, the lead form, or a host's `privacyNote`), and then the
 * sentence (the host's, or the default naming the site) and the policy link.
 */
function privacyOf(element) {
  const d = element.dataset;
  const note = hostText(d.privacyNote);
  const lead = ["before-result", "after-result"].includes(d.lead?.trim());
  const shares = !!(note || d.submitUrl?.trim() || flag(d.dataLayer, false) || lead);
  return { shares, note, site: siteName(element.aiReadinessSite ?? location.hostname), link: policyLink(d.leadPrivacyUrl) };
}

let sheet;
/**
 * Draws the first screen of `element` into its shadow root, unless the wasm would open on
 * something else or the host configured what only the wasm applies: a team view (`mode`), the
 * host's `strings`, a shared result or saved progress. Then the widget waits for the wasm.
 */
function drawAhead(element) {
  const d = element.dataset;
  if (element.shadowRoot || d.mode?.trim() === "team" || "strings" in d || resumes(element)) return;
  const privacy = privacyOf(element);
  // A page with no site name (a file) gets the wasm's sentence for that, not a drawn one.
  if (privacy.shares && !privacy.note && !privacy.site) return;
  const lang = language(d.locale);
  const screens = FIRST.langs[lang][d.perspective?.trim() === "self" ? "self" : "team"];
  const intro = flag(d.showIntro, true);
  const theme = FIRST.themes.includes(d.theme?.trim()) ? d.theme.trim() : FIRST.themes[0];
  const texts = { ".air-title": hostText(d.title), ".air-lead": hostText(d.intro) };

  let shadow;
  try {
    shadow = element.attachShadow({ mode: "open" });
  } catch {
    return; // The wasm says why, in the element.
  }
  // The wasm's own mark: it reuses this shadow root and finds the drawn screen in it.
  shadow.aiReadiness = true;
  try {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(FIRST.css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Without constructed stylesheets the wasm warns; the screen shows unstyled meanwhile.
  }
  const container = document.createElement("div");
  container.setAttribute("data-predrawn", "");
  const tone = accent(d.accent);
  if (tone) container.style.setProperty("--air-accent", tone);
  // Read by the wasm when it takes over, and replayed in order.
  const actions = (container.actions = []);
  let choice;

  const show = (index) => {
    const root = build(screens[index]);
    root.className = `air air-theme-${theme}`;
    for (const [selector, text] of Object.entries(texts)) {
      const node = text && root.querySelector(selector);
      if (node) node.textContent = text;
    }
    const picked = choice !== undefined && root.querySelector(`input[value="${choice}"]`);
    if (picked) picked.checked = true;
    const none = root.querySelector('[data-privacy="none"]');
    if (none && privacy.shares) {
      // The build drew the lines once per language (in a div), the site as U+E000 and the
      // policy link's address as U+E001; they take the place of "nothing leaves this page".
      const [time, line] = FIRST.langs[lang].privacy.slice(2).map(build);
      none.replaceWith(time, line);
      const [sentence, space, link] = line.childNodes;
      sentence.textContent = privacy.note ?? sentence.textContent.replace("\ue000", privacy.site);
      if (privacy.link) link.setAttribute("href", privacy.link);
      else {
        space.remove();
        link.remove();
      }
    }
    container.replaceChildren(root);
    return root;
  };
  show(intro ? 0 : 2);
  const record = (action) => {
    actions.push(action);
    load();
  };
  container.addEventListener("click", (event) => {
    const action = event.target.closest?.("[data-action]")?.dataset.action;
    if (action === "start") {
      record("start");
      show(1).querySelector(".air-prompt")?.focus();
    } else if (action === "back" && intro) {
      record("back");
      show(0);
    } else if (action === "next") {
      record("next");
    }
  });
  // A pointer pick moves on after a beat, as in the widget: the wasm does the moving, so this
  // only records that the beat ran out. Keyboard picks only move the selection.
  let pointer;
  container.addEventListener("pointerup", (event) => {
    pointer = event.target.closest?.(".air-option")?.querySelector("input")?.value;
  });
  container.addEventListener("change", (event) => {
    if (event.target.type !== "radio") return;
    const picked = (choice = event.target.value);
    const tapped = pointer === picked;
    pointer = undefined;
    record(`${tapped ? "tap" : "pick"}:${picked}`);
    if (tapped) {
      setTimeout(() => {
        if (choice === picked && actions.at(-1) === `tap:${picked}`) actions.push(`advance:${picked}`);
      }, FIRST.beat);
    }
  });
  container.addEventListener("keydown", (event) => {
    pointer = undefined;
    // Enter on an option confirms it, as in the widget.
    if (event.key === "Enter" && event.target.type === "radio") {
      event.preventDefault();
      record("next");
    }
  });
  shadow.append(container);
}

/** An element from the build's tree: `["tag", {attributes}, …children]`, text as strings. */
function build(node) {
  if (typeof node === "string") return document.createTextNode(node);
  const [tag, attributes, ...children] = node;
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.map(build));
  return element;
}

// A page with no widget element mounts by script, and wants the module now.
if (!mountAll().length && !waiting.size) load();
watch();
