// What marketers need from a result: it travels in their call-to-action link and into Google
// Tag Manager, a typo in the page's markup never costs a visitor the assessment, and pkg/ works
// from wherever a CMS puts it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, answerAll, events, MEDIA_FOLDER, LOW_ANSWERS } from "./harness.mjs";

const env = useBrowser();
const withAttributes = (attributes) =>
  `${env.server.base}/tests/pages/lang.html?${new URLSearchParams({ locale: "en", ...attributes })}`;

async function complete(url) {
  const opened = await openPage(env.browser, url);
  const host = opened.page.locator("#w");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  return { ...opened, host };
}

test("the call to action carries the result in its link", async () => {
  const { page, seen, host } = await complete(withAttributes({
    "data-cta-label": "Book a session",
    "data-cta-url": "https://example.com/coaching?level={level}&score={overall}&gap={biggestGap}&code={code}&who={perspective}",
  }));
  const [done] = await events(page, "ai-readiness:complete");
  const { level, overall, biggestGap, code } = done.detail;
  const expected = `https://example.com/coaching?level=${level}&score=${overall}&gap=${biggestGap}&code=${encodeURIComponent(code)}&who=team`;
  const link = host.locator('[data-action="cta"]');
  assert.equal(await link.getAttribute("href"), expected);
  // Followed, it tells the host the same URL (the link opens a new tab, which is not awaited).
  await link.click({ modifiers: [] }).catch(() => {});
  const [cta] = await events(page, "ai-readiness:cta");
  assert.equal(cta.detail.url, expected);
  assert.deepEqual(seen.errors, []);
});

test("a bad attribute falls back to its default, says so, and the visitor still gets a result", async () => {
  const { page, seen, host } = await complete(withAttributes({
    "data-accent": "brandgreen",
    "data-cta-label": "Talk to us",
    "data-cta-url": "javascript:alert(1)",
    "data-theme": "dark",
  }));
  await host.locator("[data-result]").waitFor();
  assert.equal(await host.locator('[data-action="cta"]').count(), 0, "a bad URL drops the call to action");
  assert.equal(await host.locator(".air-error").count(), 0, "no error box instead of the widget");
  const errors = await events(page, "ai-readiness:error");
  const byKey = Object.fromEntries(errors.map((e) => [e.detail.key, e.detail.message]));
  assert.deepEqual(Object.keys(byKey).sort(), ["data-accent", "data-cta-url"]);
  assert.match(byKey["data-accent"], /^data-accent must be an opaque CSS colour .* got "brandgreen"; using the default instead$/);
  assert.match(byKey["data-cta-url"], /^data-cta-url must be an http\(s\) URL .* got "javascript:alert\(1\)"/);
  for (const e of errors) assert.ok(seen.errors.some((line) => line.includes(e.detail.message)), e.detail.message);
  // The good attribute still applies.
  assert.match(await host.locator(".air").first().getAttribute("class"), /air-theme-dark/);
  // Script callers still get an Error they can catch.
  const thrown = await page.evaluate(async () => {
    const { handleFor, ready } = await import("/pkg/embed.js");
    await ready;
    try {
      handleFor(document.querySelector("#w")).setConfig({ accent: "brandgreen" });
      return "no error";
    } catch (error) {
      return error.message;
    }
  });
  assert.match(thrown, /^accent must be an opaque CSS colour/);
});

test("dataLayer: true pushes every event to Google Tag Manager's dataLayer, through its own push", async () => {
  const { page: p } = await openPage(env.browser, "about:blank");
  // A page with GTM installed: dataLayer exists and its push is GTM's.
  await p.addInitScript(() => {
    window.dataLayer = [];
    const arrayPush = window.dataLayer.push.bind(window.dataLayer);
    window.dataLayer.push = (entry) => {
      window.__gtmSaw = (window.__gtmSaw || 0) + 1;
      return arrayPush(entry);
    };
  });
  await p.goto(withAttributes({ "data-data-layer": "true" }));
  const host = p.locator("#w");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  const [done] = await events(p, "ai-readiness:complete");
  const layer = await p.evaluate(() => ({ entries: window.dataLayer, saw: window.__gtmSaw }));
  const names = layer.entries.map((e) => e.event);
  assert.deepEqual(names.slice(0, 2), ["ai_readiness_ready", "ai_readiness_start"]);
  assert.equal(names.filter((n) => n === "ai_readiness_answer").length, 12);
  const pushed = layer.entries.find((e) => e.event === "ai_readiness_complete");
  assert.deepEqual(pushed.ai_readiness, done.detail);
  assert.equal(layer.saw, layer.entries.length, "every entry went through GTM's push");

  // Without the key, nothing is pushed.
  const { page: plain } = await openPage(env.browser, withAttributes({}));
  await plain.locator("#w [data-action=start]").click();
  assert.equal(await plain.evaluate(() => window.dataLayer), undefined);
});

test("pkg/ works from a CMS media folder that sends .wasm with the wrong MIME type", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/media.html?locale=de`);
  const host = page.locator("#w");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  assert.equal(await host.locator("[lang]").first().getAttribute("lang"), "de");
  await host.locator('[data-action="team"]').click();
  await host.locator("[data-team]").waitFor();
  const fetched = seen.requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".wasm") || p.endsWith(".txt"));
  assert.ok(fetched.length >= 4, fetched.join(", "));
  assert.ok(fetched.every((p) => p.startsWith(MEDIA_FOLDER)), fetched.join(", "));
  assert.deepEqual(seen.errors, []);
});

test("iframe mode: the frame sizes itself, its events reach the parent, other origins are ignored", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/frame-parent.html?theme=dark&locale=de`);
  const frame = page.frameLocator("#widget");
  const host = frame.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  assert.equal(await host.locator(".air-theme-dark").count(), 1, "configured from the query string");
  await answerAll(host, LOW_ANSWERS);
  assert.equal(await host.locator("[lang]").first().getAttribute("lang"), "de");
  // The parent hears the widget's events on the iframe element.
  const heard = await events(page);
  const complete = heard.find((e) => e.type === "ai-readiness:complete");
  assert.equal(complete.host, "widget");
  assert.equal(heard.filter((e) => e.type === "ai-readiness:answer").length, 12);
  // The iframe is as tall as the widget's result, so nothing scrolls inside it.
  const inner = await frame.locator("html").evaluate((html) => html.scrollHeight);
  await page.waitForFunction((h) => parseInt(document.getElementById("widget").style.height, 10) === h, inner);
  // The decoy's messages came from an origin other than its frame's src: nothing happened.
  await page.waitForFunction(() => window.__messages.filter((m) => m.data?.height === 4321 || m.data?.detail?.level === "operating").length === 2);
  assert.notEqual(await page.locator("#hop").evaluate((f) => f.style.height), "4321px");
  assert.equal(heard.filter((e) => e.host === "hop").length, 0);
  assert.equal((await events(page)).filter((e) => e.host === "hop").length, 0);
  assert.deepEqual(seen.errors, []);
});
