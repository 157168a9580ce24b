// Shared set-up for end-to-end tests: a static server for the repository root on a free loopback
// port, headless Debian Chromium through playwright-core, and a page that records what a host
// page would see (widget events, console errors, network requests).
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { TYPES } from "../../src/build/serve.mjs";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const SHOTS = join(ROOT, "target", "e2e");

/** The widget's event names (without `ai-readiness:`), as embed.js lists them for pages. */
export const EVENTS = JSON.parse(
  (await readFile(join(ROOT, "src/embed/embed.js"), "utf8")).match(/^export const EVENTS = (\[[^\]]*\]);$/m)[1],
);

// Answer sets for the twelve questions (the option picked for each, in order), shared so that a
// test's expectations and the visitor it plays stay the same across files.
// (Levels as the model of this writing scores them.)
/** Zigzagging through the options, use ahead of access: Adopting, about half way. */
export const MIXED_ANSWERS = [1, 2, 0, 3, 1, 2, 2, 1, 3, 1, 0, 2];
/** Strong access, uneven adoption: Adopting. */
export const STRONG_ACCESS_ANSWERS = [4, 3, 2, 3, 1, 2, 1, 2, 3, 0, 1, 2];
/** Access granted, little use yet (mostly the second option): Adopting, at the low end. */
export const LOW_ANSWERS = [3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
/** Mostly the upper options: Operating. */
export const HIGH_ANSWERS = [3, 2, 2, 4, 3, 3, 2, 3, 3, 2, 3, 2];

/** Content types by extension, as a static server sends them: the ones `make serve` sends. */
export { TYPES };

/** Where the server also serves pkg/, as a CMS media folder would: deeper, and with .wasm sent
 *  as a generic download instead of application/wasm. */
export const MEDIA_FOLDER = "/cms/media/2026/ai-readiness/";

/**
 * Serves the repository root on 127.0.0.1 and a free port. `sent` lists every body served
 * (`{url, status, body}`), so a benchmark counts what was really downloaded. `pages` maps a path
 * to the HTML a test wrote (a page made of a pasted snippet), served before any file.
 */
export async function startServer() {
  const sent = [];
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (pages.has(url.pathname)) {
      const body = Buffer.from(pages.get(url.pathname));
      res.writeHead(200, { "content-type": TYPES[".html"], "content-length": body.length });
      sent.push({ url: url.pathname + url.search, status: 200, body });
      res.end(body);
      return;
    }
    let path = decodeURIComponent(url.pathname);
    const media = path.startsWith(MEDIA_FOLDER);
    if (media) path = `/pkg/${path.slice(MEDIA_FOLDER.length)}`;
    const file = normalize(join(ROOT, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    let body;
    let status = 200;
    try {
      body = await readFile(file);
      const type = media && extname(file) === ".wasm" ? "application/octet-stream" : TYPES[extname(file)];
      res.writeHead(status, { "content-type": type ?? "application/octet-stream", "content-length": body.length });
    } catch {
      body = Buffer.from("not found");
      status = 404;
      res.writeHead(status, { "content-type": "text/plain" });
    }
    sent.push({ url: url.pathname + url.search, status, body });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, sent, pages, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens `url` in a fresh page that records widget events, errors and requests. */
export async function openPage(browser, url, viewport = { width: 1000, height: 900 }, options = {}) {
  const { settle = true, ...context } = options;
  const page = await browser.newPage({ viewport, ...context });
  const seen = { errors: [], warnings: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
    if (m.type() === "warning") seen.warnings.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("request", (r) => seen.requests.push(r.url()));
  await page.addInitScript((names) => {
    window.__events = [];
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
    for (const name of names) {
      document.addEventListener(`ai-readiness:${name}`, (e) => {
        window.__events.push({ type: e.type, detail: e.detail, host: e.target.id || null });
      });
    }
  }, EVENTS);
  await page.goto(url);
  if (settle) await settled(page);
  return { page, seen };
}

/**
 * Waits until the widgets embed.js drew ahead have been taken over by the wasm (or said that it
 * could not load), so a test that reads events or the console after the first screen shows sees
 * the widget's own. Widgets far below the viewport wait for the reader and are not waited for.
 * Tests of the drawn screen itself use their own pages (first_screen.test.mjs).
 */
export async function settled(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("[data-ai-readiness]")].every((element) => {
    const drawn = element.shadowRoot?.querySelector("[data-predrawn]");
    return !drawn || drawn.querySelector("[data-load-failed]") || element.getBoundingClientRect().top > 2 * innerHeight;
  }));
}

export async function events(page, type) {
  const all = await page.evaluate(() => window.__events);
  return type ? all.filter((e) => e.type === type) : all;
}

/** The paths (with query) of every request the page made, its own address included. */
export function requestedPaths(seen) {
  return seen.requests.map((u) => {
    const url = new URL(u);
    return url.protocol === "data:" ? "data:" : `${url.origin === new URL(seen.requests[0]).origin ? "" : url.origin}${url.pathname}`;
  });
}

/**
 * Picks option `option` of the question on screen with the pointer, as a visitor clicks it, and
 * waits for what a pointer pick leads to after its beat: the next question, or the result.
 */
export async function pick(host, option) {
  const question = host.locator("[data-question]");
  const id = await question.getAttribute("data-question");
  // A click, as a visitor's: `check()` verifies the radio afterwards and, when the beat has
  // already moved on, re-clicks the next question's radio instead.
  await question.locator('input[type="radio"]').nth(option).click();
  await host.locator(`[data-question]:not([data-question="${id}"]), [data-result], [data-part-loading], [data-part-failed]`).first().waitFor();
}

/** Selects option `option` with the keyboard (Space), which never moves on by itself. */
export async function choose(host, option) {
  const radio = host.locator('[data-question] input[type="radio"]').nth(option);
  await radio.focus();
  await radio.press("Space");
}

/**
 * Answers every question inside `host` (a locator) by option index, through the public contract,
 * and waits for `end` (the result).
 */
export async function answerAll(host, answers, end = "[data-result]") {
  for (const option of answers) await pick(host, option);
  await host.locator(end).waitFor();
}

export async function screenshot(locator, name) {
  await mkdir(SHOTS, { recursive: true });
  await locator.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/**
 * Starts the server and the browser before a test file's tests and stops both after them.
 * The returned object's `server` and `browser` are set once `before` has run.
 */
export function useBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Violations axe-core (WCAG 2.1 A and AA rules) finds inside the widget on `selector`, its
 *  shadow root included. */
export async function violations(page, selector) {
  // A page whose Content-Security-Policy refuses the script tag evaluates axe-core itself first.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async (sel) => {
    // A screen fades in (opacity 0.3 to 1 in 180 ms): judge contrast once it has settled, not
    // halfway through.
    const shadow = document.querySelector(sel)?.shadowRoot;
    const running = [...document.getAnimations(), ...(shadow?.getAnimations?.() ?? [])];
    await Promise.all(running.map((a) => a.finished.catch(() => {})));
    const result = await window.axe.run({ include: [[sel]] }, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" > ")).join("; ")})`);
  }, selector);
}
