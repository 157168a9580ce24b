// The script of frame.html (iframe mode): mounts one widget filling the frame and tells the
// parent page the widget's height and events. The frame's own address sets only how the widget
// looks and loads (`PRESENTATION`). Everything that decides what the widget says, where it sends
// and what it keeps (submitUrl, strings, lead…, ctaUrl, …) comes from the parent page through
// pkg/frame.js, and only from the origin named by the address's `parentOrigin`; the full events
// (lead details, result code) go only to that origin. So a link to frame.html?submitUrl=… changes
// nothing, and a page that frames the widget uninvited hears no lead details and no code.
// A file, not an inline script, so frame.html passes a strict Content-Security-Policy.
import { EVENTS } from "./embed.js";

const PREFIX = "[ai-readiness]";
/** The keys frame.html reads from its own query string: how the widget looks and loads. */
const PRESENTATION = ["locale", "theme", "accent", "perspective", "showIntro", "load"];
/** How long the frame waits for its parent's configuration before showing the widget without. */
const CONFIG_WAIT_MS = 5000;
/** What a parent that was not named never receives: the lead's fields, the result code, the
 *  call to action's link (it may carry the code) and each answer's value (twelve of them are the
 *  code). */
const PRIVATE = ["lead", "code", "url", "value"];

const query = new URLSearchParams(location.search);
const framed = parent !== window;
const parentOrigin = originIn(query.get("parentOrigin"));

// Body margins through the CSSOM, which a strict CSP allows (a `style` element it does not);
// `flow-root` keeps the widget's margins inside the body, so the body's height is the content's.
document.body.style.margin = "0";
document.body.style.display = "flow-root";

const element = document.createElement("div");
element.id = "assessment";
element.setAttribute("data-ai-readiness", "");
// The site the intro names when answers can leave: the parent page's, which the visitor sees.
if (parentOrigin) element.aiReadinessSite = new URL(parentOrigin).hostname;
for (const [key, value] of query) {
  if (PRESENTATION.includes(key)) set(key, value);
  else if (key !== "parentOrigin") {
    console.warn(`${PREFIX} frame.html ignores "${key}" in its address; give it to the iframe as a data-* attribute, which frame.js passes on (see the iframe page of the docs, docs/src/iframe.md)`);
  }
}

/** The origin `value` names (`https://blog.example`), or null when there is none or it is not one. */
function originIn(value) {
  if (value === null) return null;
  try {
    const url = new URL(value);
    const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    if (bare && (url.protocol === "https:" || url.protocol === "http:")) return url.origin;
  } catch {
    // Reported below, as for any value that is not an origin.
  }
  console.error(`${PREFIX} parentOrigin must be an origin such as https://blog.example, got ${JSON.stringify(value)}; the frame takes no configuration from its parent and posts only what any page may see`);
  return null;
}

/** Sets config key `key` (`ctaUrl`) as the element's attribute (`data-cta-url`): the widget
 *  reads it as it reads a page's attributes, so a bad value falls back and is reported. */
function set(key, value) {
  element.setAttribute(`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
}

/** Posts `message` to the named parent only, or, with none named, to any parent. */
function post(message) {
  if (framed) parent.postMessage({ source: "ai-readiness", ...message }, parentOrigin ?? "*");
}

/** A copy of an event's detail without what only the named parent may see. */
function withoutPrivate(detail) {
  if (!detail || typeof detail !== "object") return detail;
  const copy = { ...detail };
  for (const key of PRIVATE) delete copy[key];
  return copy;
}

/** The parent page's address, when it is on the parent's origin: the widget sends it as
 *  `pageUrl` and builds share links on it (`aiReadinessPage`, read by the wasm), and a share
 *  link the visitor opened there (its `#ai-readiness=` fragment) opens the result here. */
function atParentPage(address) {
  let page;
  try {
    page = new URL(address);
  } catch {
    return;
  }
  if (page.origin !== parentOrigin) return;
  window.aiReadinessPage = page.href;
  if (page.hash) history.replaceState(null, "", page.hash);
}

let shown = false;
let waiting;
/** Puts the widget in the page; embed.js mounts it with the attributes it has by then. */
function show() {
  if (shown) return;
  shown = true;
  clearTimeout(waiting);
  for (const name of EVENTS) {
    element.addEventListener(`ai-readiness:${name}`, (event) => post({
      kind: "event",
      name: event.type,
      detail: parentOrigin ? event.detail : withoutPrivate(event.detail),
    }));
  }
  document.body.append(element);
  new ResizeObserver(() => post({ kind: "height", height: document.body.getBoundingClientRect().height }))
    .observe(document.body);
}

addEventListener("message", (event) => {
  const data = event.data;
  if (event.source !== parent || data?.source !== "ai-readiness") return;
  if (data.kind === "listening") {
    // frame.js loaded after this frame said hello.
    if (parentOrigin && !shown) post({ kind: "hello" });
    return;
  }
  if (data.kind !== "config") return;
  if (!parentOrigin) {
    console.warn(`${PREFIX} frame.html ignores its parent's configuration: its address names no parentOrigin`);
  } else if (event.origin !== parentOrigin) {
    console.warn(`${PREFIX} frame.html ignores a configuration from ${event.origin}; it takes one only from ${parentOrigin}`);
  } else if (shown) {
    console.warn(`${PREFIX} the parent's configuration came after the widget was shown without it; reload to apply it`);
  } else {
    for (const [key, value] of Object.entries(data.config ?? {})) {
      if (/^[a-zA-Z]+$/.test(key) && typeof value === "string") set(key, value);
    }
    atParentPage(data.page);
    show();
  }
});

if (parentOrigin && framed) {
  // frame.js answers this with the iframe's data-* attributes (and, loading after the frame,
  // asks for another hello). Without an answer in time the visitor still gets the widget.
  post({ kind: "hello" });
  waiting = setTimeout(() => {
    console.warn(`${PREFIX} no configuration came from ${parentOrigin} within ${CONFIG_WAIT_MS / 1000} s (is pkg/frame.js on that page?); showing the widget without it`);
    show();
  }, CONFIG_WAIT_MS);
} else {
  show();
}
