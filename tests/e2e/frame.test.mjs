// iframe mode across origins, as the book shows it (docs/src/iframe.md): the widget's files on one
// origin, served with the strict Content-Security-Policy of docs/src/privacy-and-security.md, and
// the pages that frame it on others. The page named in `parentOrigin` configures the frame and
// hears every event; a page on any other origin hears no lead details and no result code, and
// configures nothing; the frame's own address sets only how the widget looks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { ROOT, launch, answerAll, LOW_ANSWERS } from "./harness.mjs";

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".txt": "text/plain; charset=utf-8" };
const PHISHING_TITLE = "Acme HR: confirm your details";

/**
 * A server on its own loopback port, so its own origin. `pages` maps a path to a page's text;
 * with `files`, the repository is served too (the widget's origin), every HTML response carries
 * `csp`, and POSTs to /collect are recorded, the way a `submitUrl` receiver would.
 */
async function origin({ files = false, csp = null, name = "127.0.0.1" } = {}) {
  const pages = new Map();
  const posts = [];
  const waiters = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (req.method === "POST" && path === "/collect") {
      let text = "";
      req.on("data", (c) => { text += c; });
      req.on("end", () => {
        posts.push({ url: req.url, text });
        for (const w of [...waiters]) if (w.test()) { waiters.delete(w); w.done(); }
        res.writeHead(200).end();
      });
      return;
    }
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    let body = pages.get(path);
    if (body === undefined && files) {
      const file = normalize(join(ROOT, path));
      body = file.startsWith(ROOT) ? await readFile(file).catch(() => undefined) : undefined;
    }
    if (body === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type, ...(csp && type.startsWith("text/html") ? { "content-security-policy": csp } : {}) });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://${name}:${server.address().port}`;
  return {
    base,
    pages,
    posts,
    /** Resolves once a POST to /collect makes `test` true. */
    posted: (test) => new Promise((done) => {
      const waiter = { test: () => posts.some(test), done };
      if (waiter.test()) done(); else waiters.add(waiter);
    }),
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// The book's iframe snippet and its listener, as written: the page's first `html` and `js` blocks.
const section = readFileSync(join(ROOT, "docs/src/iframe.md"), "utf8");
const SNIPPET = section.match(/```html\n([\s\S]*?)```/)[1];
const LISTENER = section.match(/```js\n([\s\S]*?)```/)[1];

let widget; // the widget's files, under the strict CSP
let blog; // the page the book's snippet names in parentOrigin
let stranger; // any other site
let browser;
before(async () => {
  widget = await origin({ files: true, csp: STRICT_CSP });
  // The blog's own strict policy, with the widget's origin allowed for frame.js and the frame.
  // Named `localhost`, so the site the frame's intro names is told apart from the widget's.
  blog = await origin({ name: "localhost", csp: `default-src 'self'; script-src 'self' ${widget.base}; style-src 'self'; frame-src ${widget.base}` });
  stranger = await origin();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const server of [widget, blog, stranger]) await server?.close();
});

/** The book's page, with the placeholders pointed at the test's origins and `extra` attributes
 *  on the iframe. */
function article(extra = "") {
  const snippet = SNIPPET.replaceAll("https://your-site.example", widget.base)
    .replaceAll("https://blog.example", blog.base)
    .replace("<iframe data-ai-readiness-frame", `<iframe data-ai-readiness-frame ${extra}`);
  blog.pages.set("/listen.js", LISTENER);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog post</title></head>
<body><h1>Blog post</h1>
${snippet}
<script src="/listen.js"></script>
<p>After the widget.</p></body></html>`;
}

/** Opens `url` in a fresh page that records, in the top window, every message it receives and
 *  the widget events dispatched in it, and in every frame the CSP violations. */
async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${m.text()} ${m.location().url}`); });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (window.top !== window) return;
    window.__messages = [];
    window.__events = [];
    addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
    for (const name of ["ready", "start", "answer", "complete", "cta", "error", "lead", "delivery"]) {
      document.addEventListener(`ai-readiness:${name}`, (e) => window.__events.push({ type: e.type, detail: e.detail }));
    }
  });
  await page.goto(url);
  return { page, requests, errors };
}

const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(`${widget.base}/pkg/frame.html`));
const messages = (page) => page.evaluate(() => window.__messages.filter((m) => m.data?.source === "ai-readiness"));
const heard = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);

/** Waits until the iframe is as tall as the widget's content (no fixed minimum); returns it. */
async function fitted(page) {
  for (;;) {
    const inner = await widgetFrame(page).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const outer = await page.locator("iframe[data-ai-readiness-frame]").evaluate((f) => f.getBoundingClientRect().height);
    if (inner > 0 && Math.abs(inner - outer) < 1) return outer;
    await page.waitForFunction((h) => document.querySelector("iframe[data-ai-readiness-frame]").getBoundingClientRect().height !== h, outer);
  }
}

/** A page on another origin than the widget's that frames `src` and behaves as frame.js would,
 *  but hands the frame a lead form and a `submitUrl`, in answer to a hello and unasked. */
function hostile(src) {
  const config = { lead: "after-result", submitUrl: `${widget.base}/collect?by=config`, strings: JSON.stringify({ "intro.title": PHISHING_TITLE }) };
  stranger.pages.set("/hostile.js", `
    const frame = document.querySelector("iframe");
    const give = () => frame.contentWindow.postMessage({ source: "ai-readiness", kind: "config", config: ${JSON.stringify(config)} }, "*");
    frame.addEventListener("load", give);
    addEventListener("message", (e) => { if (e.data?.kind === "hello") give(); });`);
  stranger.pages.set("/hostile.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Free quiz</title></head>
<body><iframe allow="clipboard-write" title="Quiz" width="900" height="900" src="${src}"></iframe>
<script src="/hostile.js"></script></body></html>`);
  return `${stranger.base}/hostile.html`;
}

/** Everything a page received from the frame that only its named parent may see. */
function private_(received) {
  const found = [];
  for (const { data } of received) {
    const detail = data.detail ?? {};
    for (const key of ["lead", "code", "url"]) if (key in detail) found.push(`${data.name}.${key}`);
    if (data.name === "ai-readiness:answer" && "value" in detail) found.push(`${data.name}.value`);
  }
  return found;
}

test("the page named in parentOrigin configures the frame, hears every event, gets its lead, and the frame fits its content", async () => {
  const strings = JSON.stringify({ "intro.title": "Where does your team stand with AI?" });
  blog.pages.set("/post.html", article(`data-lead="after-result" data-submit-url="${widget.base}/collect" data-strings='${strings}'`));
  const { page, errors } = await open(`${blog.base}/post.html?utm_source=news&q=private#top`);
  const frame = page.frameLocator("iframe[data-ai-readiness-frame]");
  const host = frame.locator("#assessment");
  await host.locator('[data-action="start"]').waitFor();
  assert.equal(await host.getByText("Where does your team stand with AI?").count(), 1, "the parent's texts apply");
  // Answers leave for the parent's receiver: the intro names the parent page's site.
  assert.match(await host.locator('[data-privacy="shared"]').textContent(), /shared with \u2068localhost\u2069\./);
  // The intro is short: the frame is as tall as it, not a fixed 640 px.
  const intro = await fitted(page);
  assert.ok(intro < 640, `the frame is ${intro} px at the intro`);
  // Copy works inside the frame: the snippet allows the clipboard.
  assert.equal(await widgetFrame(page).evaluate(() => document.featurePolicy.allowsFeature("clipboard-write")), true);

  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  const [complete] = await heard(page, "ai-readiness:complete");
  assert.match(complete.detail.code, /^\d-/, "the result code reaches the named parent");
  const answers = await heard(page, "ai-readiness:answer");
  assert.equal(answers.length, 12);
  assert.ok(answers.every((a) => Number.isInteger(a.detail.value)));
  // The call to action from the iframe's attributes, with the result in its link.
  const cta = host.locator('[data-action="cta"]');
  assert.equal(await cta.textContent(), "Talk to us");
  assert.equal(await cta.getAttribute("href"), `${blog.base}/contact?level=${complete.detail.level}`);

  // The lead form the parent asked for; its details reach the parent and the parent's submitUrl.
  const form = host.locator("form[data-lead='after-result']");
  await form.locator("[name=name]").fill("Ada Lovelace");
  await form.locator("[name=email]").fill("ada@example.com");
  await form.locator("[name=consent]").check();
  await host.locator('[data-action="lead-submit"]').click();
  await host.locator("[data-lead-sent]").waitFor();
  await page.waitForFunction(() => window.__events.some((e) => e.type === "ai-readiness:lead"));
  const [lead] = await heard(page, "ai-readiness:lead");
  assert.equal(lead.detail.lead.email, "ada@example.com");
  assert.equal(lead.detail.code, complete.detail.code);
  await widget.posted((p) => p.text.includes("ada@example.com") && p.text.includes(complete.detail.code));
  // pageUrl is the parent page's address (utm_* kept, the rest and the fragment left out).
  const sent = widget.posts.map((p) => JSON.parse(p.text));
  assert.ok(sent.length >= 2);
  for (const body of sent) assert.equal(body.pageUrl, `${blog.base}/post.html?utm_source=news`);

  // Messages came from the widget's origin only, and the frame now fits the longer result.
  assert.ok((await messages(page)).every((m) => m.origin === widget.base));
  assert.ok(await fitted(page) > intro);
  assert.deepEqual(await widgetFrame(page).evaluate(() => window.__violations), [], "frame.html passes the strict CSP");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();

  // A share link to the parent page opens the shared result in its frame.
  const shared = await open(`${blog.base}/post.html#ai-readiness=${complete.detail.code}`);
  await shared.page.frameLocator("iframe[data-ai-readiness-frame]").locator("#assessment [data-result][data-shared]").waitFor();
  await shared.page.close();
});

test("a page that frames the widget without parentOrigin hears no lead fields and no code, and configures nothing", async () => {
  const posts = widget.posts.length;
  const { page } = await open(hostile(`${widget.base}/pkg/frame.html?lead=after-result&theme=dark`));
  const frame = page.frameLocator("iframe");
  const host = frame.locator("#assessment");
  await host.locator('[data-action="start"]').waitFor();
  assert.equal(await host.getByText(PHISHING_TITLE).count(), 0, "no text from the framing page");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  await page.waitForFunction(() => window.__messages.some((m) => m.data?.name === "ai-readiness:complete"));
  const received = await messages(page);
  assert.deepEqual(private_(received), [], "nothing private reached the framing page");
  // It still hears what any host may: the height and the level.
  assert.ok(received.some((m) => m.data.kind === "height"));
  assert.ok(received.find((m) => m.data.name === "ai-readiness:complete").data.detail.level);
  assert.equal(await host.locator(".air-theme-dark").count(), 1, "the address still sets the theme");
  // Neither the address nor the page's message set a lead form, a text or a submitUrl.
  assert.equal(await host.locator("form[data-lead]").count(), 0);
  assert.equal(widget.posts.length, posts);
  assert.deepEqual(await widgetFrame(page).evaluate(() => window.__violations), []);
  await page.close();
});

test("a page on another origin than parentOrigin hears nothing from the frame and its configuration is refused", async () => {
  const posts = widget.posts.length;
  const { page } = await open(hostile(`${widget.base}/pkg/frame.html?parentOrigin=${encodeURIComponent(blog.base)}`));
  const host = page.frameLocator("iframe").locator("#assessment");
  // No configuration from the named parent: after its wait, the widget shows without one.
  await host.locator('[data-action="start"]').waitFor();
  assert.equal(await host.getByText(PHISHING_TITLE).count(), 0, "no text from the framing page");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  assert.equal(await host.locator("form[data-lead]").count(), 0);
  // Messages from one window arrive in order: once this one is in, any the frame posted is too.
  await widgetFrame(page).evaluate(() => parent.postMessage("last", "*"));
  await page.waitForFunction(() => window.__messages.some((m) => m.data === "last"));
  assert.deepEqual(await messages(page), [], "not even the height");
  assert.equal(widget.posts.length, posts);
  await page.close();
});

test("frame.html?submitUrl=… (a link on the widget's own origin) is ignored: no request, no lead form, no text", async () => {
  const posts = widget.posts.length;
  const query = new URLSearchParams({
    lead: "before-result",
    submitUrl: `${widget.base}/collect?by=link`,
    strings: JSON.stringify({ "intro.title": PHISHING_TITLE }),
    leadConsent: "Acme HR may process my details.",
    leadPrivacyUrl: "https://attacker.example/privacy",
    ctaUrl: "https://attacker.example/claim?code={code}",
    ctaLabel: "Claim your bonus",
    locale: "de",
  });
  const { page, requests } = await open(`${widget.base}/pkg/frame.html?${query}`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').waitFor();
  assert.equal(await host.getByText(PHISHING_TITLE).count(), 0, "no text from the address");
  assert.equal(await host.locator("[lang]").first().getAttribute("lang"), "de", "presentation keys still apply");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  assert.equal(await host.locator("form[data-lead]").count(), 0, "no lead form");
  assert.equal(await host.locator('[data-action="cta"]').count(), 0, "no call to action");
  assert.ok(await host.locator("[data-biggest-gap]").isVisible(), "the whole result");
  const paths = requests.map((u) => new URL(u).pathname);
  assert.ok(!paths.includes("/collect"), "nothing posted to the address's submitUrl");
  assert.ok(!paths.some((p) => p.endsWith("split_delivery.wasm")), "no delivery code fetched");
  assert.equal(widget.posts.length, posts);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});
