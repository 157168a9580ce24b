// The embed builder (pkg/builder.html): a form for the keys a marketer sets, the real widget
// beside it, and three snippets to copy. The widget checks every value itself: a changed field
// goes to the preview's `handle.setConfig`, or to a fresh `mount()` for a key read only at mount
// or a field emptied back to its default, and what that call throws or warns is what the field
// shows. No rule of the widget is copied here; the previous valid configuration stays live.
// A file, not an inline script, so the page runs under a strict Content-Security-Policy.
import { mount, ready } from "./embed.js";

const PREFIX = "[ai-readiness]";
/** The folder this page is served from: the snippets link the widget's files there. */
const BASE = new URL(".", location.href).href;

/** Keys the widget reads only when it mounts (`config::AT_MOUNT` in src/core/config.rs;
 *  tests/e2e/builder.test.mjs holds the two equal). Changing one mounts the preview again. */
const AT_MOUNT = ["showIntro", "storage", "storageKey", "mode", "perspective", "load"];

/** Keys frame.html takes from its own address (`PRESENTATION` in src/embed/framed.js; the test
 *  holds the two equal); the iframe snippet gives every other key as a `data-*` attribute. */
const FRAME_ADDRESS = ["locale", "theme", "accent", "perspective", "showIntro", "load"];

/** What the preview adds to the page owner's settings and no snippet carries: nothing is kept
 *  in this browser's storage (no progress from one preview to the next, no outbox). */
const PREVIEW_ONLY = { storage: false };

/** Placeholders the call to action's link may carry (docs/src/configuration.md), offered as
 *  buttons that insert at the caret.
 *  TODO(issue 26, items 2 and 5): `{utm_source}`…`{utm_content}` and `{variant}`, one entry each. */
const CTA_PLACEHOLDERS = ["{level}", "{overall}", "{biggestGap}", "{code}", "{perspective}"];

/** The lead form's fields and the rules each may take, and what it does when `leadFields` does
 *  not name it (docs/src/configuration.md). */
const LEAD_FIELDS = [
  { name: "name", label: "Name", rule: "required" },
  { name: "email", label: "Work email", rule: "required" },
  { name: "company", label: "Company", rule: "optional" },
  { name: "size", label: "Company size", rule: "optional" },
];
const LEAD_RULES = ["required", "optional", "hidden"];

/**
 * The form, as data: one entry per key, in the order the snippets list them. `kind` is the
 * control (`select`, `checkbox`, `text`, `textarea`, `url`, `colour`, `leadFields`); `initial`
 * is the widget's default as the control shows it (a control left there or emptied gives no key
 * to the snippets). The keys of issue 26's later items are each one entry, where the
 * `TODO(issue 26)` lines below say, once the widget knows them.
 */
const FIELDS = [
  { group: "Language and look", key: "locale", label: "Language", kind: "select", initial: "",
    options: [["", "The visitor's browser language"], ["en", "English"], ["de", "Deutsch"], ["fr", "Français"], ["es", "Español"], ["ar", "العربية"]],
    hint: "Without a choice, the widget speaks the visitor's language when it knows it, else English." },
  { group: "Language and look", key: "perspective", label: "Whose work the answers describe", kind: "select", initial: "team",
    options: [["team", "A lead about their team"], ["self", "Each person about their own work"]],
    hint: "\"Each person\" suits an intranet page that employees fill in themselves." },
  { group: "Language and look", key: "theme", label: "Theme", kind: "select", initial: "light",
    options: [["light", "Light"], ["dark", "Dark"], ["auto", "Follow the visitor's system"]] },
  { group: "Language and look", key: "accent", label: "Accent colour", kind: "colour", initial: "",
    hint: "Any opaque CSS colour: #0a7d5a, a name, rgb(), hsl(), oklch()… Empty keeps the theme's blue." },
  { group: "Language and look", key: "showIntro", label: "Show the intro screen", kind: "checkbox", initial: true,
    hint: "Off opens on the first question." },
  { group: "Texts", key: "title", label: "Title", kind: "text", initial: "",
    hint: "Empty keeps the widget's own title, in every language." },
  { group: "Texts", key: "intro", label: "Intro sentence", kind: "textarea", initial: "",
    hint: "Empty keeps the widget's own sentence." },
  { group: "Call to action", key: "ctaLabel", label: "Button text", kind: "text", initial: "",
    hint: "Shown under the result. Needs a link." },
  { group: "Call to action", key: "ctaUrl", label: "Button link", kind: "url", initial: "", placeholders: CTA_PLACEHOLDERS,
    hint: "An http(s) address or a link on your site. The buttons insert what the result fills in." },
  { group: "Lead form", key: "lead", label: "Lead form", kind: "select", initial: "off",
    options: [["off", "Off"], ["before-result", "Before the full result"], ["after-result", "Under the result"]],
    hint: "\"Before\" shows the level, then the form; the rest once it is sent or declined." },
  { group: "Lead form", key: "leadFields", label: "Fields the form asks for", kind: "leadFields", initial: "" },
  { group: "Lead form", key: "leadConsent", label: "Consent sentence", kind: "textarea", initial: "",
    hint: "Beside the consent box, which starts unticked and is never needed to see the result." },
  { group: "Lead form", key: "leadPrivacyUrl", label: "Privacy policy link", kind: "url", initial: "" },
  { group: "Delivery and analytics", key: "submitUrl", label: "Send results to (submitUrl)", kind: "url", initial: "",
    hint: "Your webhook or endpoint (Zapier, Make, your server); empty sends nothing anywhere. This preview sends only to this server." },
  // TODO(issue 26, item 3): `submitFormat` ("json", "form", "hubspot") here, then
  // `hubspotPortalId` and `hubspotFormId` (text).
  { group: "Delivery and analytics", key: "privacyNote", label: "Privacy line", kind: "textarea", initial: "",
    hint: "Shown on the intro when answers can leave the page; empty names your site." },
  // TODO(issue 26, item 2): `attribution` (checkbox, initial false) here.
  { group: "Delivery and analytics", key: "dataLayer", label: "Push events to window.dataLayer (Google Tag Manager)", kind: "checkbox", initial: false },
  { group: "Delivery and analytics", key: "load", label: "When the widget loads", kind: "select", initial: "auto",
    options: [["auto", "When it comes near the screen"], ["eager", "At once, with the page"]],
    hint: "\"At once\" suits a page that is only the assessment." },
  // TODO(issue 26, item 5): `variants` (a group of its own: two to four overrides of title,
  // intro, ctaLabel and ctaUrl, each with an id), a new `kind` written as JSON in the snippets.
];

const form = document.getElementById("fields");
const slot = document.getElementById("preview-slot");
const status = document.getElementById("preview-status");
const parentOrigin = document.getElementById("parent-origin");
const control = new Map(); // key → the element (or fieldset) that holds its value

/** The settings the live preview runs with, without PREVIEW_ONLY: key → value. */
let applied = {};
/** Fields whose last value the widget refused: key → its message. */
const refused = new Map();
let handle;
let widget;
let mounts = 0;

// ---- The form ------------------------------------------------------------------------------

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** One field's control, label, hint, and the places for the widget's message and warnings. */
function fieldFor(field) {
  const id = `field-${field.key}`;
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const noteId = `${id}-note`;
  const described = [field.hint && hintId, noteId, problemId].filter(Boolean).join(" ");
  const hint = field.hint ? element("p", { class: "hint", id: hintId }, field.hint) : "";
  const note = element("p", { class: "note", id: noteId, hidden: true });
  const problem = element("p", { class: "problem", id: problemId, hidden: true });
  const wrap = element("div", { class: `field field-${field.kind}`, "data-field": field.key });
  let input;
  switch (field.kind) {
    case "select":
      input = element("select", { id, "aria-describedby": described },
        ...field.options.map(([value, text]) => element("option", { value, selected: value === field.initial }, text)));
      wrap.append(element("label", { for: id }, field.label), input);
      break;
    case "checkbox":
      input = element("input", { id, type: "checkbox", checked: field.initial, "aria-describedby": described });
      wrap.append(element("div", { class: "check" }, input, element("label", { for: id }, field.label)));
      break;
    case "textarea":
      input = element("textarea", { id, rows: 2, "aria-describedby": described });
      wrap.append(element("label", { for: id }, field.label), input);
      break;
    case "colour": {
      input = element("input", { id, type: "text", autocomplete: "off", spellcheck: "false", placeholder: "#2b5fd9", "aria-describedby": described });
      const picker = element("input", { type: "color", value: "#2b5fd9", "aria-label": `${field.label}: picker`, "data-picker": "" });
      picker.addEventListener("input", () => {
        input.value = picker.value;
        changed(field.key);
      });
      // Keeps the picker beside what was typed, where it can show it (it shows only #rrggbb).
      input.addEventListener("input", () => {
        if (/^#[0-9a-f]{6}$/i.test(input.value.trim())) picker.value = input.value.trim().toLowerCase();
      });
      wrap.append(element("label", { for: id }, field.label), element("div", { class: "colour" }, input, picker));
      break;
    }
    case "leadFields": {
      // One select per field of the form; `leadFields` names only those not at their default.
      const rows = LEAD_FIELDS.map((lead) => {
        const selectId = `${id}-${lead.name}`;
        const select = element("select", { id: selectId, "data-lead-field": lead.name, "aria-describedby": [noteId, problemId].join(" ") },
          ...LEAD_RULES.map((rule) => element("option", { value: rule, selected: rule === lead.rule }, rule)));
        return element("div", { class: "lead-field" }, element("label", { for: selectId }, lead.label), select);
      });
      input = element("fieldset", { id, class: "lead-fields", "aria-describedby": described },
        element("legend", {}, field.label), ...rows);
      wrap.append(input);
      break;
    }
    default:
      input = element("input", {
        // type="text" even for links: a url input has no caret position for the placeholders.
        id, type: "text", autocomplete: "off",
        ...(field.kind === "url" ? { inputmode: "url", spellcheck: "false" } : {}),
        "aria-describedby": described,
      });
      wrap.append(element("label", { for: id }, field.label), input);
  }
  if (field.placeholders) {
    const buttons = field.placeholders.map((token) => {
      const button = element("button", { type: "button", class: "token", "data-insert": token, "aria-label": `Insert ${token} into ${field.label}` }, token);
      // A pointer press leaves the focus and the caret in the link (a toolbar button's habit):
      // no blur, so no message above moves the button away between press and release.
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => insertAtCaret(input, token, field.key));
      return button;
    });
    wrap.append(element("div", { class: "tokens", role: "group", "aria-label": `Fill in from the result` }, ...buttons));
  }
  wrap.append(hint, note, problem);
  control.set(field.key, input);
  const textual = ["text", "textarea", "url", "colour"].includes(field.kind);
  let timer;
  input.addEventListener(textual ? "input" : "change", () => {
    clearTimeout(timer);
    // A pause in typing, so a half-typed colour does not flash a message at every key.
    if (textual) timer = setTimeout(() => changed(field.key), 350);
    else changed(field.key);
  });
  if (textual) input.addEventListener("change", () => {
    clearTimeout(timer);
    changed(field.key);
  });
  return wrap;
}

function insertAtCaret(input, token, key) {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.setRangeText(token, start, end, "end");
  input.focus();
  changed(key);
}

function buildForm() {
  const groups = new Map();
  for (const field of FIELDS) {
    if (!groups.has(field.group)) {
      const slug = field.group.toLowerCase().replace(/[^a-z]+/g, "-");
      groups.set(field.group, element("fieldset", { class: "group", "data-group": slug }, element("legend", {}, field.group)));
    }
    groups.get(field.group).append(fieldFor(field));
  }
  form.append(...groups.values());
}

/** The value `key` gives the widget now, or undefined when its control is at the default. */
function valueOf(key) {
  const field = FIELDS.find((f) => f.key === key);
  const input = control.get(key);
  switch (field.kind) {
    case "checkbox":
      return input.checked === field.initial ? undefined : input.checked;
    case "leadFields": {
      const items = LEAD_FIELDS
        .map((lead) => [lead, input.querySelector(`[data-lead-field="${lead.name}"]`).value])
        .filter(([lead, rule]) => rule !== lead.rule)
        .map(([lead, rule]) => `${lead.name}:${rule}`);
      return items.length ? items.join(" ") : undefined;
    }
    default:
      return input.value === field.initial ? undefined : input.value;
  }
}

// ---- The preview, and the widget's own checks ------------------------------------------------

/**
 * Applies `changes` (key → value, undefined for back to the default) to the preview: through
 * `setConfig` when it can, else by mounting a new widget beside the old one and swapping them
 * only when it mounted. Returns `{ok, message, warnings}`: the widget's error text and the
 * warnings it logged during the call (without the prefix).
 */
function attempt(changes) {
  const next = { ...applied };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  const remount = !handle || Object.entries(changes).some(([key, value]) => value === undefined || AT_MOUNT.includes(key));
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => {
    const text = args.map(String).join(" ");
    if (text.startsWith(PREFIX)) warnings.push(text.slice(PREFIX.length).trim());
    warn.apply(console, args);
  };
  try {
    if (remount) mountPreview(next);
    else handle.setConfig(changes);
    applied = next;
    return { ok: true, warnings };
  } catch (error) {
    return { ok: false, message: String(error?.message ?? error), warnings };
  } finally {
    console.warn = warn;
  }
}

/** Mounts a widget with `config` in a new element, and only once it mounted puts it in place
 *  of the old one; a config the widget refuses throws and leaves the old one live. */
function mountPreview(config) {
  // Each preview has an id of its own: two widgets without one (the old and the new, for a
  // moment) would make the widget warn that their progress mixes.
  mounts += 1;
  const fresh = element("div", { class: "preview-widget", id: `preview-${mounts}`, hidden: true });
  slot.append(fresh);
  let mounted;
  try {
    mounted = mount(fresh, { ...config, ...PREVIEW_ONLY });
  } catch (error) {
    fresh.remove();
    throw error;
  }
  handle?.destroy();
  widget?.remove();
  fresh.hidden = false;
  handle = mounted;
  widget = fresh;
}

/** A field changed: try it on the preview; on success try the fields still refused again
 *  (their message may be gone: `ctaUrl` completes `ctaLabel`). */
function changed(key) {
  if (!handle) return; // the widget has not loaded yet; `start` applies everything
  const value = valueOf(key);
  if (value === applied[key]) {
    // Back to what the preview runs with, which the widget accepted.
    show(key, undefined);
    return;
  }
  let outcome = attempt({ [key]: value });
  if (!outcome.ok && [...refused.keys()].some((other) => other !== key)) {
    // Some keys only make sense together (ctaLabel and ctaUrl): try with the refused ones.
    const together = { [key]: value };
    for (const other of refused.keys()) together[other] = valueOf(other);
    const joint = attempt(together);
    if (joint.ok) {
      for (const other of Object.keys(together)) show(other, joint);
      snippets();
      return;
    }
  }
  show(key, outcome);
  if (outcome.ok) {
    for (const other of [...refused.keys()]) {
      if (other !== key) show(other, attempt({ [other]: valueOf(other) }));
    }
  }
  snippets();
}

/** Shows the outcome of a field's last attempt under it: the widget's message (the field keeps
 *  what was typed and is marked invalid) and any warning it logged. */
function show(key, outcome) {
  const input = control.get(key);
  const wrap = form.querySelector(`[data-field="${key}"]`);
  const problem = wrap.querySelector(".problem");
  const note = wrap.querySelector(".note");
  const failed = outcome && !outcome.ok;
  if (failed) refused.set(key, outcome.message);
  else refused.delete(key);
  problem.textContent = failed ? outcome.message : "";
  problem.hidden = !failed;
  const warnings = outcome?.warnings ?? [];
  note.textContent = warnings.join(" ");
  note.hidden = !warnings.length;
  for (const target of key === "leadFields" ? input.querySelectorAll("select") : [input]) {
    if (failed) target.setAttribute("aria-invalid", "true");
    else target.removeAttribute("aria-invalid");
  }
}

// ---- The snippets ----------------------------------------------------------------------------

const attributeName = (key) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const escapeHtml = (text) => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** A JSON value that cannot end the inline script it sits in. */
const jsValue = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

/** The page owner's settings in the form's order. */
function settings() {
  return FIELDS.filter((f) => f.key in applied).map((f) => [f.key, applied[f.key]]);
}

/** The origin of an absolute `submitUrl`, which a page on another origin must name. */
function submitOrigin() {
  try {
    return applied.submitUrl === undefined ? null : new URL(applied.submitUrl).origin;
  } catch {
    return null; // a relative link: this page's own origin
  }
}

function attributesSnippet() {
  const attributes = settings().map(([key, value]) => `\n     ${attributeName(key)}="${escapeHtml(value)}"`).join("");
  const origin = submitOrigin();
  const lines = [`<div data-ai-readiness${attributes}></div>`];
  if (origin) {
    lines.push("<!-- data-connect: from markup, results go only to this page's own origin or one named on the",
      "     script element. Where the endpoint is on this page's origin, data-connect can go.",
      `     A Content-Security-Policy on this page also needs ${origin} in connect-src. -->`);
    lines.push(`<script type="module" src="${escapeHtml(`${BASE}embed.js`)}" data-connect="${escapeHtml(origin)}"></script>`);
  } else {
    lines.push(`<script type="module" src="${escapeHtml(`${BASE}embed.js`)}"></script>`);
  }
  return lines.join("\n");
}

function scriptSnippet() {
  const entries = settings().map(([key, value]) => `    ${key}: ${jsValue(value)},`);
  const config = entries.length ? `, {\n${entries.join("\n")}\n  }` : "";
  const origin = submitOrigin();
  return [
    '<div id="ai-readiness"></div>',
    '<script type="module">',
    `  import { mount, ready } from ${jsValue(`${BASE}embed.js`)};`,
    "  await ready;",
    // A script's submitUrl needs no data-connect; a policy still has to allow the request.
    ...(origin ? [`  // A Content-Security-Policy on this page needs ${origin} in connect-src.`] : []),
    `  mount(document.getElementById("ai-readiness")${config});`,
    "</script>",
  ].join("\n");
}

function iframeSnippet() {
  const query = [];
  const origin = parentOrigin.value.trim();
  if (origin) query.push(["parentOrigin", origin]);
  const rest = [];
  for (const [key, value] of settings()) {
    if (FRAME_ADDRESS.includes(key)) query.push([key, String(value)]);
    else rest.push(`\n        ${attributeName(key)}="${escapeHtml(value)}"`);
  }
  // Encoded as a query value must be, keeping ":" and "/" readable (`parentOrigin=https://…`).
  const encode = (text) => encodeURIComponent(text).replace(/%3A/gi, ":").replace(/%2F/gi, "/");
  const search = query.map(([key, value]) => `${key}=${encode(value)}`).join("&");
  const address = `${BASE}frame.html${search ? `?${search}` : ""}`;
  const lines = [];
  if (!origin) {
    lines.push("<!-- Without parentOrigin the frame takes none of the data-* attributes below and tells",
      "     the page no result codes or lead details. -->");
  }
  const submit = submitOrigin();
  if (submit && submit !== new URL(BASE).origin) {
    lines.push(`<!-- In an iframe, submitUrl is used only on the origin of frame.html (${new URL(BASE).origin});`,
      "     for an endpoint elsewhere use snippet 1 or 2. -->");
  }
  lines.push(`<iframe data-ai-readiness-frame allow="clipboard-write" title="AI readiness assessment"`,
    `        src="${escapeHtml(address)}"${rest.join("")}></iframe>`,
    `<script src="${escapeHtml(`${BASE}frame.js`)}"></script>`);
  return lines.join("\n");
}

const SNIPPETS = { attributes: attributesSnippet, script: scriptSnippet, iframe: iframeSnippet };

function snippets() {
  for (const [name, write] of Object.entries(SNIPPETS)) {
    const box = document.querySelector(`[data-snippet="${name}"]`);
    box.value = write();
    box.rows = Math.min(16, box.value.split("\n").length + 1);
  }
}

async function copy(name) {
  const box = document.querySelector(`[data-snippet="${name}"]`);
  const said = document.getElementById("copied");
  try {
    await navigator.clipboard.writeText(box.value);
    said.textContent = `Snippet ${name === "attributes" ? 1 : name === "script" ? 2 : 3} copied.`;
  } catch {
    // No clipboard here (an old browser, a page without the permission): select it for Ctrl+C.
    box.focus();
    box.select();
    said.textContent = "The snippet is selected: press Ctrl+C (⌘C) to copy it.";
  }
}

// ---- Start -------------------------------------------------------------------------------------

async function start() {
  buildForm();
  document.getElementById("base").textContent = BASE;
  parentOrigin.value = location.origin;
  parentOrigin.addEventListener("input", snippets);
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => copy(button.dataset.copy));
  }
  snippets();
  try {
    await ready;
  } catch (error) {
    status.textContent = `The widget could not load here: ${error?.message ?? error}`;
    return;
  }
  const first = attempt({});
  if (!first.ok) {
    status.textContent = `The widget could not start: ${first.message}`;
    return;
  }
  status.textContent = "The widget as your visitors will see it. Changes apply as you type.";
  // Values typed (or kept by the browser) before the widget loaded.
  for (const field of FIELDS) if (valueOf(field.key) !== undefined) changed(field.key);
  snippets();
}

start();
