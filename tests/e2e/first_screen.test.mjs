// The first screen without waiting for the wasm: embed.js draws the intro and the first question
// from the markup the build rendered with the widget's own components; the visitor can answer
// there; the wasm takes over with the same markup, replaying what they did, and nothing moves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { useBrowser, events, SHOTS } from "./harness.mjs";

const env = useBrowser();

/** A page whose body is `body`, with the README's snippet; `{ inHead: true }` puts the script in
 *  the head, render-blocking, as the README advises for a widget in the first screen. */
function page(body, { inHead = false } = {}) {
  const script = `<script type="module"${inHead ? ' blocking="render"' : ""} src="/pkg/embed.js"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${inHead ? script : ""}
<meta name="viewport" content="width=device-width, initial-scale=1"><title>first screen</title></head>
<body>${body}${inHead ? "" : script}</body></html>`;
}

/**
 * Opens `html` with the wasm's download held back until `release()` is called; `requests` lists
 * the paths the page fetched. With `fail`, the held request fails when released.
 */
async function held(html, { viewport, fail = false, lang } = {}) {
  const context = await env.browser.newContext({
    viewport: viewport ?? { width: 1000, height: 900 },
    ...(lang ? { locale: lang } : {}),
  });
  const tab = await context.newPage();
  const requests = [];
  tab.on("request", (r) => requests.push(new URL(r.url()).pathname));
  let release;
  const releasing = new Promise((ok) => (release = ok));
  await tab.route("**/ai_readiness_bg.wasm", async (route) => {
    await releasing;
    if (fail) await route.abort();
    else await route.continue();
  });
  await tab.route("**/first-screen-test.html", (route) =>
    route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  await tab.addInitScript(() => {
    window.__events = [];
    for (const name of ["ready", "start", "answer"]) {
      document.addEventListener(`ai-readiness:${name}`, (e) => {
        window.__events.push({ type: e.type, detail: e.detail, host: e.target.id || null });
      });
    }
  });
  await tab.goto(`${env.server.base}/tests/pages/first-screen-test.html`);
  return { tab, context, requests, release };
}

/** The markup inside a widget's root, as a tree of tags, sorted attributes and texts; form
 *  controls by their state (a radio's `value`/`checked` are properties for the wasm, attributes
 *  for the drawn screen). */
function shape(id) {
  const root = document.getElementById(id).shadowRoot;
  const drawn = root.querySelector("[data-predrawn]");
  const top = (drawn ?? root.lastElementChild).firstElementChild;
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    const attributes = [...node.attributes]
      .filter((a) => !(node.tagName === "INPUT" && ["value", "checked"].includes(a.name)))
      .map((a) => `${a.name}=${a.value}`)
      .sort();
    if (node.tagName === "INPUT") attributes.push(`:value=${node.value}`, `:checked=${node.checked}`);
    // An empty text node (the wasm's for an empty live region; the server writes none) is no
    // markup and takes no room.
    const children = [...node.childNodes].filter((c) => !(c.nodeType === Node.TEXT_NODE && c.data === ""));
    return [node.tagName.toLowerCase(), attributes, ...children.map(walk)];
  };
  return { drawn: !!drawn, tree: walk(top) };
}

async function takenOver(tab, ids) {
  await tab.waitForFunction(
    (list) => list.every((id) => {
      const root = document.getElementById(id)?.shadowRoot;
      return root && !root.querySelector("[data-predrawn]") && root.querySelector(".air");
    }),
    ids,
  );
}

/** A screenshot of `host` once its animations and transitions have ended and two frames were drawn. */
async function settled(host) {
  await host.evaluate(async (element) => {
    await Promise.all(element.shadowRoot.getAnimations().map((a) => a.finished.catch(() => {})));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
  return host.screenshot();
}

/**
 * The pixels of two screenshots that differ by more than anti-aliasing: the rasteriser may shade
 * the edge of a rounded corner one or two levels apart between two drawings of the same markup
 * (seen on a loaded machine), which no eye can tell; anything over 6 of 255 in a channel counts.
 * Decoded by the page's own canvas. Returns up to ten `x,y` places.
 */
async function pixelsApart(tab, a, b) {
  return tab.evaluate(async ([one, two]) => {
    const read = async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const [x, y] = [await read(one), await read(two)];
    if (x.width !== y.width || x.height !== y.height) return [`size ${x.width}x${x.height} vs ${y.width}x${y.height}`];
    const places = [];
    for (let i = 0; i < x.data.length && places.length < 10; i += 4) {
      if ([0, 1, 2, 3].some((c) => Math.abs(x.data[i + c] - y.data[i + c]) > 6)) {
        places.push(`${(i / 4) % x.width},${Math.floor(i / 4 / x.width)}`);
      }
    }
    return places;
  }, [a.toString("base64"), b.toString("base64")]);
}

const LANGUAGES = ["en", "de", "fr", "es", "ar"];
const VARIANTS = [];
for (const perspective of ["team", "self"]) {
  for (const theme of ["light", "dark"]) {
    for (const opening of ["intro", "started", "no-intro"]) VARIANTS.push({ perspective, theme, opening });
  }
}

test("the drawn first screen is the markup the wasm draws: every language, voice, theme, intro on and off", async () => {
  for (const lang of LANGUAGES) {
    const widgets = VARIANTS.map((v, i) =>
      `<div id="w${i}" data-ai-readiness data-load="eager" data-locale="${lang}" data-theme="${v.theme}" data-perspective="${v.perspective}"${v.opening === "no-intro" ? ' data-show-intro="false"' : ""} data-storage="false"></div>`);
    // A host's title, intro and accent are applied to the drawn screen as the wasm applies them.
    // Widgets whose answers can leave the page: the privacy line names the site or gives the
    // host's note, with the policy link the wasm would draw (or none, for one it decides alone).
    const SHARING = {
      "share-submit": 'data-submit-url="/collect"',
      "share-layer": 'data-data-layer="true" data-lead-privacy-url="https://acme.example/privacy" data-perspective="self"',
      "share-note": 'data-lead="after-result" data-privacy-note="Acme keeps these answers for 30 days." data-lead-privacy-url="/privacy" data-theme="dark"',
    };
    for (const [id, attributes] of Object.entries(SHARING)) {
      widgets.push(`<div id="${id}" data-ai-readiness data-load="eager" data-locale="${lang}" ${attributes} data-storage="false"></div>`);
    }
    widgets.push(`<div id="custom" data-ai-readiness data-load="eager" data-locale="${lang}" data-title=" Where does your team stand? " data-intro="Twelve questions." data-accent="#0a7d5a" data-storage="false"></div>`);
    const ids = [...VARIANTS.map((_, i) => `w${i}`), ...Object.keys(SHARING), "custom"];
    const { tab, context, release } = await held(page(widgets.join("\n")));
    for (const [i, v] of VARIANTS.entries()) {
      if (v.opening === "started") await tab.locator(`#w${i} [data-action="start"]`).click();
    }
    const before = await Promise.all(ids.map((id) => tab.evaluate(shape, id)));
    const accentBefore = await tab.evaluate(() =>
      getComputedStyle(document.getElementById("custom").shadowRoot.querySelector(".air-primary")).backgroundColor);
    release();
    await takenOver(tab, ids);
    const after = await Promise.all(ids.map((id) => tab.evaluate(shape, id)));
    for (const [i, id] of ids.entries()) {
      const what = `${lang} ${id} ${JSON.stringify(VARIANTS[i] ?? SHARING[id] ?? "custom")}`;
      assert.ok(before[i].drawn, `${what}: drawn before the wasm`);
      assert.ok(!after[i].drawn, `${what}: taken over`);
      assert.deepEqual(after[i].tree, before[i].tree, `${what}: same markup`);
    }
    const accentAfter = await tab.evaluate(() =>
      getComputedStyle(document.getElementById("custom").shadowRoot.querySelector(".air-primary")).backgroundColor);
    assert.equal(accentBefore, accentAfter);
    assert.equal(accentAfter, "rgb(10, 125, 90)");
    assert.match(JSON.stringify(after.at(-1).tree), /Where does your team stand\?/);
    const privacy = (id) => JSON.stringify(after[ids.indexOf(id)].tree);
    assert.match(privacy("share-submit"), /data-privacy=shared/);
    assert.match(privacy("share-submit"), /127\.0\.0\.1/);
    assert.match(privacy("share-layer"), /href=https:\/\/acme\.example\/privacy/);
    assert.match(privacy("share-note"), /Acme keeps these answers for 30 days\./);
    assert.match(privacy("w0"), /data-privacy=none/);
    await context.close();
  }
});

test("the browser's language picks the drawn screen's language as it picks the widget's", async () => {
  const { tab, context, release } = await held(page('<div id="w" data-ai-readiness data-load="eager"></div>'), { lang: "de-AT" });
  const before = await tab.evaluate(shape, "w");
  assert.equal(before.tree[1].find((a) => a.startsWith("lang=")), "lang=de");
  release();
  await takenOver(tab, ["w"]);
  assert.deepEqual((await tab.evaluate(shape, "w")).tree, before.tree);
  await context.close();
});

test("before the wasm the visitor can start and answer by pointer and keyboard; it all replays once", async () => {
  const { tab, context, requests, release } = await held(page('<div id="w" data-ai-readiness></div>'));
  const host = tab.locator("#w");
  await host.locator('[data-action="start"]').click();
  const prompt = host.locator(".air-prompt");
  assert.equal(await prompt.evaluate((h) => h.getRootNode().activeElement === h), true, "focus on the question, as in the widget");
  // Keyboard: Space on the first option, then the arrow key moves the pick.
  const first = host.locator('input[type="radio"]').first();
  await first.focus();
  await first.press("Space");
  await first.press("ArrowDown");
  assert.equal(await host.locator('input[type="radio"]').nth(1).isChecked(), true);
  assert.ok(requests.includes("/pkg/ai_readiness_bg.wasm"), "a touch asks for the wasm");
  assert.deepEqual(await events(tab), [], "no event before the widget runs");
  // The pointer leaves the widget: the browser re-applies :hover to new nodes under a resting
  // pointer a frame later, which a screenshot could catch halfway through its transition.
  await tab.mouse.move(0, 0);
  // Settled screens in both shots: what is compared is the screen, not a moment of a slide.
  const shot = await settled(host);
  release();
  await takenOver(tab, ["w"]);
  const after = await settled(host);
  const differ = await pixelsApart(tab, shot, after);
  if (differ.length) {
    await mkdir(SHOTS, { recursive: true });
    await writeFile(join(SHOTS, "takeover-before.png"), shot);
    await writeFile(join(SHOTS, "takeover-after.png"), after);
  }
  assert.deepEqual(differ, [], "the takeover is invisible (target/e2e/takeover-*.png when not)");
  const focused = await tab.evaluate(() => {
    const root = document.getElementById("w").shadowRoot;
    return root.activeElement?.matches('input[type="radio"][name="q0"]') && root.activeElement.checked && root.activeElement.value;
  });
  assert.equal(focused, "1", "focus stays on the picked option");
  assert.deepEqual((await events(tab)).map((e) => e.type),
    ["ai-readiness:ready", "ai-readiness:start", "ai-readiness:answer", "ai-readiness:answer"]);
  assert.deepEqual((await events(tab, "ai-readiness:answer")).map((e) => e.detail.value), [0, 1]);
  // The widget carries on from there.
  await host.locator('[data-action="next"]').click();
  await host.locator('[data-question="access.guidance"]').waitFor();
  await context.close();
});

test("a pointer pick before the wasm moves on once it takes over", async () => {
  const { tab, context, release } = await held(page('<div id="w" data-ai-readiness data-show-intro="false"></div>'));
  const host = tab.locator("#w");
  await host.locator(".air-option").nth(3).click();
  release();
  await host.locator('[data-question="access.guidance"]').waitFor();
  assert.deepEqual((await events(tab)).map((e) => e.type), ["ai-readiness:ready", "ai-readiness:start", "ai-readiness:answer"]);
  await context.close();
});

test("a failed wasm load says so on the drawn screen and keeps the visitor's pick", async () => {
  const { tab, context, release } = await held(page('<div id="w" data-ai-readiness></div>'), { fail: true });
  const host = tab.locator("#w");
  await host.locator('[data-action="start"]').click();
  await host.locator(".air-option").nth(2).click();
  release();
  await host.locator("[data-load-failed]").waitFor();
  assert.match(await host.locator("[data-load-failed]").textContent(), /could not be loaded/);
  assert.equal(await host.locator('input[type="radio"]').nth(2).isChecked(), true, "the pick is still on screen");
  await context.close();
});

test("a widget below the fold fetches nothing until the reader comes near; eager fetches at once", async () => {
  const tall = '<div style="height: 3000px"></div>';
  const lazy = await held(page(`<h1>Article</h1>${tall}<div id="w" data-ai-readiness></div>`), { viewport: { width: 800, height: 700 } });
  await lazy.tab.locator("#w").evaluate((e) => e.shadowRoot.querySelector("[data-predrawn]"));
  assert.ok(await lazy.tab.evaluate(() => !!document.getElementById("w").shadowRoot?.querySelector("[data-action=start]")),
    "the first screen is drawn anyway");
  const fetched = () => lazy.requests.filter((p) => /ai_readiness|\.wasm|locales/.test(p));
  // Two frames for the observer to report the element far from view.
  await lazy.tab.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.deepEqual(fetched(), [], "nothing fetched while far below");
  const asked = lazy.tab.waitForRequest(/ai_readiness_bg\.wasm$/);
  await lazy.tab.evaluate(() => window.scrollTo(0, 2000));
  await asked;
  lazy.release();
  await takenOver(lazy.tab, ["w"]);
  await lazy.context.close();

  const eager = await held(page(`${tall}<div id="w" data-ai-readiness data-load="eager"></div>`));
  await eager.tab.waitForFunction(() => document.readyState === "complete");
  assert.ok(eager.requests.includes("/pkg/ai_readiness_bg.wasm"), "eager asks for the wasm at once");
  eager.release();
  await eager.context.close();
});

test("the element's height does not change at the takeover", async () => {
  const { tab, context, release } = await held(page('<p id="before">Text above.</p><div id="w" data-ai-readiness></div><p id="after">Text below.</p>'));
  const measure = () => tab.evaluate(() => [document.getElementById("w").getBoundingClientRect().height,
    document.getElementById("after").getBoundingClientRect().top]);
  const before = await measure();
  assert.ok(before[0] > 100, "the drawn screen takes its room before the wasm");
  release();
  await takenOver(tab, ["w"]);
  assert.deepEqual(await measure(), before);
  await context.close();
});

test("a widget in the first screen, its script in the head as the README says, moves nothing on the page", async () => {
  const article = "<h1>An article</h1><p>First paragraph of the article, above the widget.</p>";
  const below = "<p>The paragraph under the widget, in view on a phone.</p>".repeat(6);
  const { tab, context, release } = await held(page(`${article}<div id="w" data-ai-readiness></div>${below}`, { inHead: true }),
    { viewport: { width: 412, height: 823 } });
  await tab.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: "layout-shift", buffered: true });
  });
  release();
  await takenOver(tab, ["w"]);
  // The observer reports a frame's shifts after that frame: wait two more.
  await tab.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.deepEqual(await tab.evaluate(() => window.__shifts), [], "no layout shift, from the first paint to the takeover");
  await context.close();
});
