// Languages: each catalog renders the intro and first question in its language with the right
// lang and dir; Arabic mirrors the layout; the browser's languages pick one when the page does
// not; a catalog that cannot be fetched leaves a working English widget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, useBrowser, openPage, answerAll, pick, choose, violations } from "./harness.mjs";

const env = useBrowser();

/** A catalog file as key → text (the other form of plural keys), read by the widget's own reader. */
function catalog(tag) {
  const json = execFileSync("cargo", ["run", "--quiet", "--bin", "catalog", "--", "json", `src/core/locales/${tag}.txt`],
    { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(json);
}

const page = (query = "") => `${env.server.base}/tests/pages/lang.html${query}`;

for (const [tag, dir] of [["en", "ltr"], ["de", "ltr"], ["fr", "ltr"], ["es", "ltr"], ["ar", "rtl"]]) {
  test(`${tag}: intro and first question in the language, lang="${tag}" dir="${dir}"`, async () => {
    const texts = catalog(tag);
    const { page: p, seen } = await openPage(env.browser, page(`?locale=${tag}`));
    const root = p.locator(`#w [lang="${tag}"][dir="${dir}"]`);
    await root.locator('[data-action="start"]').waitFor();
    assert.equal(await root.locator("h2").textContent(), texts["intro.title"]);
    assert.equal(await root.locator('[data-action="start"]').textContent(), texts["intro.start"]);
    await root.locator('[data-action="start"]').click();
    assert.equal(await root.locator("[data-question] h2").textContent(), texts["q.access.fit"]);
    assert.equal(await root.locator("[data-question] label").first().textContent(), texts["q.access.fit.1"]);
    assert.equal(await root.locator('[data-action="next"]').textContent(), texts["question.next"]);
    assert.deepEqual(seen.errors, []);
    const catalogs = seen.requests.filter((u) => u.includes("/locales/"));
    assert.deepEqual(catalogs.map((u) => new URL(u).pathname), tag === "en" ? [] : [`/pkg/locales/${tag}.txt`],
      "English is built in; any other language fetches its own catalog, once");
  });
}

test("without a setting, the browser's languages choose: de-AT gives German", async () => {
  const { page: p } = await openPage(env.browser, page(), undefined, { locale: "de-AT" });
  await p.locator('#w [lang="de"] [data-action="start"]').waitFor();
  assert.equal(await p.locator("#w h2").textContent(), catalog("de")["intro.title"]);
});

test("a language the widget lacks warns and falls back to the browser's", async () => {
  const { page: p, seen } = await openPage(env.browser, page("?locale=ja"), undefined, { locale: "fr-CA" });
  await p.locator('#w [lang="fr"] [data-action="start"]').waitFor();
  // The drawn first screen chose French already; the widget warns once it runs.
  await p.waitForFunction(() => window.__events.some((e) => e.type === "ai-readiness:ready"));
  assert.ok(seen.warnings.some((w) => /locale "ja" has no catalog/.test(w)), seen.warnings.join("\n"));
});

test("a catalog that cannot be fetched leaves a working English widget and says why", async () => {
  const ctx = await env.browser.newContext();
  await ctx.route("**/locales/es.txt", (route) => route.fulfill({ status: 404, body: "gone" }));
  const p = await ctx.newPage();
  const warnings = [];
  p.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await p.goto(page("?locale=es"));
  await p.locator('#w [lang="en"] [data-action="start"]').click();
  await p.locator("#w [data-question]").waitFor();
  assert.ok(warnings.some((w) => /es texts could not be loaded .*404.*showing English/.test(w)), warnings.join("\n"));
  await ctx.close();
});

test("Arabic mirrors the layout: progress, Back and Next, the chart; numbers stay readable", async () => {
  const { page: p } = await openPage(env.browser, page("?locale=ar"));
  const root = p.locator('#w [dir="rtl"]');
  await root.locator('[data-action="start"]').waitFor();
  assert.deepEqual(await violations(p, "#w"), [], "intro in Arabic");
  await root.locator('[data-action="start"]').click();
  await pick(root, 0);
  assert.deepEqual(await violations(p, "#w"), [], "question in Arabic");
  const box = async (sel) => root.locator(sel).first().boundingBox();
  const [back, next] = [await box('[data-action="back"]'), await box('[data-action="next"]')];
  assert.ok(next.x < back.x, "Next sits left of Back, where a right-to-left reader ends");
  assert.equal(await root.locator("progress").evaluate((el) => getComputedStyle(el).direction), "rtl",
    "the progress bar fills from the right");
  assert.match(await root.locator(".air-progress-row .air-muted").textContent(), /^[٠-٩]+ من [٠-٩]+$/);
  await answerAll(root, [2, 1, 1, 2, 1, 2, 1, 2, 1, 1, 2]);
  const chart = await box(".air-chart");
  const fill = await box('.air-bar[data-dimension="access"] .air-bar-fill');
  const label = await box('.air-bar[data-dimension="access"] .air-bar-label');
  assert.ok(Math.abs(fill.x + fill.width - (chart.x + chart.width)) < 1, "bars grow from the right edge");
  assert.ok(label.x + label.width > chart.x + chart.width / 2, "names sit on the right");
  // A signed figure keeps its sign before the number, read left to right.
  const gap = await root.locator('[data-figure="adoption-gap"]').evaluate((el) => [el.textContent, getComputedStyle(el).direction]);
  assert.match(gap[0], /^[+\u2212]?[٠-٩]+$/);
  assert.equal(gap[1], "ltr");
  assert.deepEqual(await violations(p, "#w"), [], "result in Arabic");
});

test("the demo page's language picker switches the live widget and keeps the answers", async () => {
  const { page: p, seen } = await openPage(env.browser, `${env.server.base}/index.html`);
  const host = p.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await choose(host, 2);
  await p.selectOption("#language", "fr");
  await host.locator('[lang="fr"] [data-question]').waitFor();
  assert.equal(await host.locator("[data-question] h2").textContent(), catalog("fr")["q.access.fit"]);
  assert.ok(await host.locator("[data-question] input").nth(2).isChecked(), "the answer stays");
  assert.deepEqual(seen.errors, []);
});

test("level names stay whole on a 320 px phone in every language", async () => {
  const { page: first } = await openPage(env.browser, page());
  const code = await first.evaluate(async () => {
    // The module is ready once embed.js has loaded it (it can still be loading here).
    await (await import("/pkg/embed.js")).ready;
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    return scoreAnswers(Uint8Array.from([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])).code;
  });
  for (const tag of ["en", "de", "fr", "es", "ar"]) {
    const texts = catalog(tag);
    const { page: p } = await openPage(env.browser, page(`?locale=${tag}#ai-readiness=${code}`), { width: 320, height: 800 });
    const root = p.locator(`#w [lang="${tag}"]`);
    await root.locator("[data-result] [data-rung]").first().waitFor();
    const rungs = await p.evaluate(() => [...document.querySelector("#w").shadowRoot.querySelectorAll("[data-rung]")].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // One line box per line of text: a name broken mid-word has two distinct tops.
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      return { id: el.dataset.rung, text: el.textContent, lines, overflow: el.scrollWidth - el.clientWidth };
    }));
    assert.deepEqual(rungs.map((r) => r.id), ["experimenting", "adopting", "operating"]);
    for (const rung of rungs) {
      assert.equal(rung.text, texts[`level.${rung.id}`], `${tag}: ${rung.id}`);
      assert.equal(rung.lines, 1, `${tag}: "${rung.text}" on one line`);
      assert.ok(rung.overflow <= 0, `${tag}: "${rung.text}" fits its rung (${rung.overflow}px over)`);
    }
    await root.locator(".air-ladder").screenshot({ path: join(ROOT, "target", "e2e", `ladder-320-${tag}.png`) });
  }
});

test("a catalog that never arrives: after 8 s the widget shows English and says why", async () => {
  const page = await env.browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  // The request for the German catalog is held and never answered.
  await page.route("**/locales/de.txt", () => {});
  await page.goto(`${env.server.base}/tests/pages/lang.html?locale=de`);
  // The drawn first screen is German from the start; the widget itself waits for the catalog.
  await page.waitForFunction(() => {
    const root = document.getElementById("w").shadowRoot;
    return root && !root.querySelector("[data-predrawn]") && root.querySelector(".air");
  }, undefined, { timeout: 20_000 });
  const root = page.locator("#w .air").first();
  assert.equal(await root.getAttribute("lang"), "en");
  assert.ok(await page.locator('#w [data-action="start"]').isVisible());
  assert.ok(warnings.some((w) => w.includes("de")), warnings.join("\n"));
  await page.close();
});
