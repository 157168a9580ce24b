// Loads the AI readiness widget and mounts it in every element with a data-ai-readiness
// attribute, including elements added later (single-page apps, CMS previews).
// Usage: <div data-ai-readiness></div> <script type="module" src="/pkg/embed.js"></script>
//
// The JS glue and the chunk loader are static imports, so the browser fetches them while it is
// still parsing the page (a dynamic import() would wait for this script to run; it measured
// slower to the first screen). The wasm download starts the moment this script runs and
// compiles while it streams in; a host's `<link rel="preload">` starts it even earlier. Parts
// that only some visitors need (the result screen, the team view, other languages) are fetched
// later, next to this file.
import init, { mount as mountModule, useLocales } from "./ai_readiness.js";

const PREFIX = "[ai-readiness]";
// `make dist` pins the wasm's sha384 here, so the browser refuses a tampered module.
const WASM_INTEGRITY = "";
// ...and the hash of each language's catalog file, by tag.
const LOCALE_INTEGRITY = {};
// Catalogs besides English, which is compiled into the wasm.
const LANGUAGES = ["de", "fr", "es", "ar"];
const SELECTOR = "[data-ai-readiness]";
// Widgets this script mounted in elements on the page, for the apology after a crash; one whose
// element is taken out of the page is destroyed (an element with data-ai-readiness that comes
// back is mounted again, its progress kept), so a single-page app that swaps pages does not
// pile them up.
const live = new Map();
const HERE = new URL(".", import.meta.url).href;

// First thing this script does: the module's download (with its pinned hash in a `make dist` build).
const wasmUrl = new URL("ai_readiness_bg.wasm", import.meta.url);
const wasm = fetch(wasmUrl, WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {});
// A failure is reported once, through `ready`, not as an unhandled rejection here.
wasm.catch(() => {});

/**
 * Mounts a widget in `element`, configured by its `data-*` attributes and then by `config`, and
 * returns its handle (the README lists the keys and the handle's methods).
 */
export function mount(element, config) {
  const handle = mountModule(element, config);
  if (element.isConnected) live.set(element, handle);
  return handle;
}

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

// Google Tag Manager: a widget configured with `dataLayer: true` (its container says
// `data-data-layer`) also pushes each event as `{event: "ai_readiness_complete", ai_readiness:
// detail}`, through the array's own push, which GTM replaces with its own.
for (const name of ["ready", "start", "answer", "complete", "cta", "error", "lead", "delivery"]) {
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

/** Mounts a widget in each `[data-ai-readiness]` element under `root` that has none yet. */
export function mountAll(root = document) {
  const found = root instanceof Element && root.matches(SELECTOR) ? [root] : [];
  found.push(...root.querySelectorAll(SELECTOR));
  return found.map(mountOne).filter(Boolean);
}

/** The handle of the live widget mounted in `element` by this script, if any. */
export function handleFor(element) {
  const handle = live.get(element);
  return handle?.live ? handle : undefined;
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
    const text = fetch(url, { integrity, signal: AbortSignal.timeout?.(8000) }).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.text();
    });
    text.catch(() => catalogs.delete(tag));
    catalogs.set(tag, text);
  }
  return catalogs.get(tag);
}

// Start fetching the likely catalog while the wasm downloads. Only a head start: the widget
// settles the language itself and asks for what it needs.
const first = document.querySelector(SELECTOR);
const likely = [first?.dataset.locale, ...(navigator.languages || [])]
  .map((tag) => String(tag || "").toLowerCase().split(/[-_]/)[0])
  .find((tag) => tag === "en" || LANGUAGES.includes(tag));
if (likely && likely !== "en") loadLocale(likely).catch(() => {});
// A page that asks people about their own work also needs that language's first-person texts.
if (likely && likely !== "en" && first?.dataset.perspective === "self") loadLocale(`${likely}.self`).catch(() => {});

export const ready = init({ module_or_path: wasm })
  .then(() => {
    useLocales(loadLocale);
    const mounted = mountAll();
    watch();
    return mounted;
  })
  .catch((error) => {
    console.error(`${PREFIX} could not load the widget:`, error);
    // Nothing of the widget can run; say so where it would have been rather than leave a gap.
    for (const element of document.querySelectorAll(SELECTOR)) {
      if (element.shadowRoot || element.childElementCount) continue;
      const note = document.createElement("p");
      note.lang = "en";
      note.setAttribute("role", "alert");
      note.setAttribute("data-load-failed", "");
      note.textContent = "The assessment could not be loaded. Please reload the page to try again.";
      element.append(note);
    }
    throw error;
  });
