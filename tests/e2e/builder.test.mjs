// The embed builder (pkg/builder.html), as a marketer uses it: fill the form, watch the real
// widget change beside it, copy a snippet, paste it into a blank page, and find the same widget
// there: from attributes, from a script's mount(), and in an iframe through frame.html and
// frame.js. A value the widget refuses is shown with the widget's own message; the page passes
// axe-core in both colour schemes and its own strict Content-Security-Policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";
import { ROOT, useBrowser, openPage, answerAll, violations, LOW_ANSWERS, MEDIA_FOLDER } from "./harness.mjs";

const env = useBrowser();
const SHOTS = join(ROOT, "target", "screenshots");
const ACCENT = "#0a7d5a";
const ACCENT_RGB = "rgb(10, 125, 90)";
const TITLE = "Where does your team stand with AI?";
const CTA_LABEL = "Book a coaching call";
const CTA_URL = "https://example.com/coaching?level=";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A list constant (`NAME = [ "a", "b" ]` in JS or Rust) read from a source file. */
function listIn(path, name) {
  const text = readFileSync(join(ROOT, path), "utf8");
  const body = text.match(new RegExp(`${name}(?::[^=]*)? = \\[([^\\]]*)\\]`))[1];
  return [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

async function openBuilder(viewport = { width: 1200, height: 900 }, colorScheme = "light", options = {}) {
  const opened = await openPage(env.browser, `${env.server.base}/pkg/builder.html`, viewport, { colorScheme, ...options });
  await opened.page.locator(".preview-widget:not([hidden])").waitFor();
  await opened.page.locator('.preview-widget [data-action="start"]').waitFor();
  return opened;
}

const snippet = (page, name) => page.locator(`[data-snippet="${name}"]`).inputValue();

/** Waits until snippet `name` holds `text`: the builder applied the value and wrote it. */
async function snippetHolds(page, name, text) {
  await page.waitForFunction(([n, t]) => document.querySelector(`[data-snippet="${n}"]`).value.includes(t), [name, text]);
}

/** The accent the widget in `host` paints its Start button with. */
const startColour = (host) => host.locator('[data-action="start"]').evaluate((b) => getComputedStyle(b).backgroundColor);

test("the builder's lists of keys read at mount and of the frame's address keys are the widget's own", () => {
  assert.deepEqual(listIn("src/builder/builder.js", "AT_MOUNT"), listIn("src/core/config.rs", "AT_MOUNT"));
  assert.deepEqual(listIn("src/builder/builder.js", "FRAME_ADDRESS"), listIn("src/embed/framed.js", "PRESENTATION"));
});

test("each of the three snippets of a filled-in builder shows the configured widget on a blank page", async () => {
  const { page, seen } = await openBuilder(undefined, undefined, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.fill("#field-accent", ACCENT);
  await page.fill("#field-title", TITLE);
  await page.fill("#field-ctaLabel", CTA_LABEL);
  await page.fill("#field-ctaUrl", CTA_URL);
  // The placeholder goes in at the caret, which is at the end after typing.
  await page.locator("#field-ctaUrl").press("End");
  await page.click('[data-insert="{level}"]');
  assert.equal(await page.inputValue("#field-ctaUrl"), `${CTA_URL}{level}`);
  await page.selectOption("#field-lead", "after-result");
  await snippetHolds(page, "attributes", 'data-lead="after-result"');
  await snippetHolds(page, "attributes", "{level}");

  // The preview is the widget with these settings.
  const preview = page.locator(".preview-widget:not([hidden])");
  assert.equal(await preview.getByText(TITLE).count(), 1);
  assert.equal(await startColour(preview), ACCENT_RGB);
  assert.deepEqual(await page.locator(".problem:not([hidden])").allTextContents(), [], "no field refused");

  const base = `${env.server.base}/pkg/`;
  const written = {
    attributes: await snippet(page, "attributes"),
    script: await snippet(page, "script"),
    iframe: await snippet(page, "iframe"),
  };
  for (const text of Object.values(written)) {
    assert.ok(text.includes(`${base}`), "the files are linked from the builder's own folder");
    assert.doesNotMatch(text, /data-show-intro|showIntro|theme|perspective|data-load|load:/, "only the values that were changed");
  }
  assert.match(written.script, /import \{ mount, ready \} from ".*\/pkg\/embed\.js";\n  await ready;\n  mount\(/);
  assert.match(written.iframe, new RegExp(`frame\\.html\\?parentOrigin=${env.server.base}&amp;accent=%230a7d5a"`));
  assert.match(written.iframe, /<script src=".*\/pkg\/frame\.js"><\/script>/);
  for (const [index, name] of Object.keys(written).entries()) {
    await page.click(`[data-copy="${name}"]`);
    await page.waitForFunction((said) => document.querySelector("#copied").textContent === said, `Snippet ${index + 1} copied.`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), written[name], `Copy puts snippet ${name} on the clipboard`);
  }
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violations in the builder");
  // The one message on the way: the label typed before its link, which the widget logs too.
  assert.deepEqual(seen.errors.filter((e) => !e.includes("ctaLabel and ctaUrl go together")), []);
  await page.close();

  const hosts = {
    attributes: (p) => p.locator("[data-ai-readiness]"),
    script: (p) => p.locator("#ai-readiness"),
    iframe: (p) => p.frameLocator("iframe[data-ai-readiness-frame]").locator("#assessment"),
  };
  for (const [name, text] of Object.entries(written)) {
    const path = `/pasted-${name}.html`;
    env.server.pages.set(path, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pasted ${name}</title><link rel="icon" href="data:,"></head>
<body><h1>A blank page</h1>
${text}
</body></html>`);
    const { page: pasted, seen: heard } = await openPage(env.browser, `${env.server.base}${path}`);
    const host = hosts[name](pasted);
    await host.locator('[data-action="start"]').waitFor();
    assert.equal(await host.getByText(TITLE).count(), 1, `${name}: the title`);
    assert.equal(await startColour(host), ACCENT_RGB, `${name}: the accent`);
    await host.locator('[data-action="start"]').click();
    await answerAll(host, LOW_ANSWERS);
    assert.equal(await host.locator("form[data-lead='after-result']").count(), 1, `${name}: the lead form under the result`);
    const cta = host.locator('[data-action="cta"]');
    assert.equal((await cta.textContent()).trim(), CTA_LABEL, `${name}: the call to action`);
    assert.match(await cta.getAttribute("href"), new RegExp(`^${CTA_URL.replace(/[?.]/g, "\\$&")}(experimenting|adopting|operating)$`), `${name}: its link, filled`);
    assert.deepEqual(heard.errors, [], `${name}: no console errors`);
    await pasted.close();
  }
});

test("a value the widget refuses shows its own message under the field, and the preview keeps the previous one", async () => {
  const { page } = await openBuilder();
  const preview = page.locator(".preview-widget:not([hidden])");
  await page.fill("#field-accent", ACCENT);
  await snippetHolds(page, "attributes", ACCENT);
  await page.fill("#field-accent", "transparent");
  const problem = page.locator("#field-accent-problem");
  await problem.waitFor();
  // The message is the one the widget itself throws for that value.
  const own = await page.evaluate(async () => {
    const { mount } = await import("./embed.js");
    const scratch = document.createElement("div");
    try {
      mount(scratch, { accent: "transparent" });
      return "no error";
    } catch (error) {
      return error.message;
    }
  });
  assert.match(own, /^accent must be an opaque CSS colour/);
  assert.equal(await problem.textContent(), own);
  const input = page.locator("#field-accent");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.ok((await input.getAttribute("aria-describedby")).split(" ").includes("field-accent-problem"));
  assert.equal(await input.inputValue(), "transparent", "the field keeps what was typed");
  assert.equal(await startColour(preview), ACCENT_RGB, "the preview keeps the last good accent");
  assert.match(await snippet(page, "attributes"), new RegExp(`data-accent="${ACCENT}"`), "the snippets keep it too");

  // A link with another scheme, a key that is applied by mounting again (perspective) meanwhile.
  await page.fill("#field-ctaLabel", CTA_LABEL);
  await page.fill("#field-ctaUrl", "javascript:x");
  await page.locator("#field-ctaUrl-problem").waitFor();
  assert.match(await page.locator("#field-ctaUrl-problem").textContent(), /^ctaUrl must be an http\(s\) URL .*javascript:x/);
  assert.doesNotMatch(await snippet(page, "attributes"), /javascript|data-cta/);
  await page.selectOption("#field-perspective", "self");
  await snippetHolds(page, "attributes", 'data-perspective="self"');
  assert.equal(await page.locator("#field-perspective-note").isHidden(), true, "mounting again warns of nothing");
  assert.equal(await startColour(page.locator(".preview-widget:not([hidden])")), ACCENT_RGB, "the new preview keeps the accent");
  assert.equal(await page.locator(".preview-widget").count(), 1, "one preview at a time");

  // Fixed, the message goes and the value applies.
  await page.fill("#field-accent", "teal");
  await snippetHolds(page, "attributes", 'data-accent="teal"');
  assert.equal(await problem.isHidden(), true);
  assert.equal(await input.getAttribute("aria-invalid"), null);

  // A refused mount (emptying a field mounts the preview again) keeps the live widget too.
  await page.fill("#field-ctaUrl", "https://example.com/talk");
  await snippetHolds(page, "attributes", 'data-cta-url="https://example.com/talk"');
  assert.equal(await page.locator(".problem:not([hidden])").count(), 0, "the pair is accepted together");
  const live = await page.locator(".preview-widget").elementHandle();
  await page.fill("#field-ctaUrl", "");
  await page.locator("#field-ctaUrl-problem").waitFor();
  assert.equal(await page.locator("#field-ctaUrl-problem").textContent(), "ctaLabel and ctaUrl go together: ctaUrl is missing");
  assert.ok(await live.evaluate((e) => e.isConnected && !e.hidden), "the same preview stays");
  assert.match(await snippet(page, "attributes"), /data-cta-url="https:\/\/example\.com\/talk"/);
  // Emptying both removes the call to action.
  await page.fill("#field-ctaLabel", "");
  await page.waitForFunction(() => !document.querySelector('[data-snippet="attributes"]').value.includes("data-cta"));
  assert.equal(await page.locator(".problem:not([hidden])").count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test("the builder passes axe-core in light and dark, with no CSP violations, at 1200 and 360 px", async () => {
  await mkdir(SHOTS, { recursive: true });
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [1200, 360]) {
      const { page, seen } = await openBuilder({ width, height: 900 }, colorScheme);
      // A refused value on screen too, so its message is judged.
      await page.fill("#field-accent", "transparent");
      await page.locator("#field-accent-problem").waitFor();
      await page.fill("#field-title", TITLE);
      await snippetHolds(page, "attributes", TITLE);
      // axe-core evaluated by the browser's debugger protocol: the builder's policy refuses an
      // inline script and, with Trusted Types, a script added by address.
      await page.evaluate(AXE);
      assert.deepEqual(await violations(page, "body"), [], `axe-core, ${colorScheme}, ${width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px)`);
      const [form, preview] = await Promise.all(["#fields", ".preview"].map((s) => page.locator(s).boundingBox()));
      if (width === 360) assert.ok(preview.y >= form.y + form.height, "the form above the preview");
      else assert.ok(preview.x >= form.x + form.width && preview.y < form.y + form.height, "side by side");
      assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violations");
      assert.deepEqual(seen.errors.filter((e) => !e.includes("accent must be")), []);
      await page.screenshot({ path: join(SHOTS, `builder-${width}-${colorScheme}.png`), fullPage: true });
      await page.close();
    }
  }
});

test("a submitUrl on another origin is named in data-connect, and the pasted widget takes it", async () => {
  const { page } = await openBuilder();
  const endpoint = "https://hooks.example.com/catch/123/";
  await page.fill("#field-submitUrl", endpoint);
  await snippetHolds(page, "attributes", endpoint);
  const attributes = await snippet(page, "attributes");
  assert.match(attributes, /<!-- data-connect: [^]*-->\n<script type="module" src="[^"]*\/pkg\/embed\.js" data-connect="https:\/\/hooks\.example\.com"><\/script>$/);
  assert.doesNotMatch(await snippet(page, "script"), /data-connect|connect:/, "a script's submitUrl needs no data-connect");
  for (const name of ["attributes", "script"]) {
    assert.match(await snippet(page, name), /Content-Security-Policy on this page (also )?needs https:\/\/hooks\.example\.com in connect-src/);
  }
  assert.match(await snippet(page, "iframe"), /<!-- In an iframe, submitUrl is used only on the origin of frame\.html/);
  await page.fill("#field-submitUrl", "/collect");
  await snippetHolds(page, "attributes", 'data-submit-url="/collect"');
  assert.doesNotMatch(await snippet(page, "attributes"), /connect/, "a link on the page's own site names nothing");
  await page.fill("#field-submitUrl", endpoint);
  await snippetHolds(page, "attributes", endpoint);
  const pasted = await snippet(page, "attributes");
  await page.close();

  env.server.pages.set("/pasted-connect.html", `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="data:,"></head>
<body>${pasted}</body></html>`);
  const { page: blank, seen } = await openPage(env.browser, `${env.server.base}/pasted-connect.html`);
  const host = blank.locator("[data-ai-readiness]");
  await host.locator('[data-action="start"]').waitFor();
  // The intro names where answers go: the endpoint was taken, not set aside.
  assert.match(await host.evaluate((e) => e.shadowRoot.textContent), /shared with/);
  assert.deepEqual(await blank.evaluate(() => window.__events.filter((e) => e.type === "ai-readiness:error")), []);
  assert.deepEqual(seen.errors, []);
  await blank.close();
});

test("from another folder (a CMS's media folder), the builder runs and its snippets link the files there", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}${MEDIA_FOLDER}builder.html`);
  await page.locator('.preview-widget [data-action="start"]').waitFor();
  await page.fill("#field-title", TITLE);
  await snippetHolds(page, "attributes", TITLE);
  const base = `${env.server.base}${MEDIA_FOLDER}`;
  assert.match(await snippet(page, "attributes"), new RegExp(`src="${base}embed\\.js"`));
  assert.match(await snippet(page, "script"), new RegExp(`from "${base}embed\\.js"`));
  assert.match(await snippet(page, "iframe"), new RegExp(`src="${base}frame\\.html\\?[^]*src="${base}frame\\.js"`));
  assert.ok(seen.requests.every((url) => !url.includes("/pkg/")), "nothing fetched from pkg/ itself");
  // wasm-bindgen warns about the folder's .wasm type; nothing else goes wrong.
  assert.deepEqual(seen.errors, []);
  await page.close();
});
