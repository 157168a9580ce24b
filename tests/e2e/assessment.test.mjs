// A visitor takes the assessment on the demo page, the way a host page sees it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, events, answerAll, pick, screenshot, requestedPaths, violations, STRONG_ACCESS_ANSWERS } from "./harness.mjs";

const env = useBrowser();

test("a visitor completes the assessment and the host hears the core result", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/index.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').waitFor();
  await screenshot(host, "intro");
  assert.deepEqual((await events(page)).map((e) => e.type), ["ai-readiness:ready"]);

  await host.locator('[data-action="start"]').click();
  assert.match(await host.locator("[data-question]").innerText(), /1 of 12/);
  await answerAll(host, STRONG_ACCESS_ANSWERS);
  await screenshot(host, "result");

  const answers = await events(page, "ai-readiness:answer");
  assert.equal(answers.length, 12);
  assert.deepEqual(answers.map((e) => e.detail.value), STRONG_ACCESS_ANSWERS);
  assert.deepEqual(answers.map((e) => e.detail.index), [...STRONG_ACCESS_ANSWERS.keys()]);
  assert.ok(answers.every((e) => e.detail.total === 12 && e.host === "assessment"));

  const [complete] = await events(page, "ai-readiness:complete");
  const expected = await page.evaluate(async (a) => {
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    return scoreAnswers(Uint8Array.from(a));
  }, STRONG_ACCESS_ANSWERS);
  assert.deepEqual(complete.detail, expected);
  assert.equal(await host.locator("[data-result]").getAttribute("data-level"), expected.level);
  assert.equal(await host.locator('[data-figure="overall"]').innerText(), String(expected.overall));
  for (const [dimension, value] of Object.entries(expected.scores)) {
    const bar = host.locator(`.air-chart [data-dimension="${dimension}"]`);
    assert.equal(await bar.getAttribute("data-score"), String(value));
  }
  assert.match(await host.locator("[data-biggest-gap]").innerText(), /points|room to grow|weakest/);
  assert.ok((await host.locator(".air-steps li").count()) >= 2, "a plan with steps");

  assert.deepEqual(seen.errors, []);
  const origins = new Set(seen.requests.map((u) => new URL(u).origin));
  assert.deepEqual([...origins], [env.server.base], "no request leaves the page's own origin");
});

test("back keeps answers and retake starts over", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/index.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await pick(host, 2);
  await host.locator('[data-action="back"]').click();
  assert.equal(await host.locator('input[type="radio"]').nth(2).isChecked(), true);
  await host.locator('[data-action="next"]').click();
  await answerAll(host, STRONG_ACCESS_ANSWERS.slice(1));
  await host.locator('[data-action="restart"]').click();
  await host.locator('[data-action="start"]').waitFor();
  assert.equal((await events(page, "ai-readiness:complete")).length, 1);
});

test("mount reports bad input with a clear Error and the page keeps working", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/index.html`);
  await page.locator('#assessment [data-action="start"]').waitFor();
  const messages = await page.evaluate(async () => {
    const { mount } = await import("/pkg/ai_readiness.js");
    const out = [];
    for (const [el, config] of [
      [null, undefined],
      [document.createElement("div"), 42],
      [document.createElement("div"), { showIntro: "maybe" }],
    ]) {
      try {
        mount(el, config);
        out.push("no error");
      } catch (e) {
        out.push(`${e instanceof Error}:${e.message}`);
      }
    }
    return out;
  });
  assert.deepEqual(messages, [
    "true:mount needs a DOM element, got null",
    "true:config must be an object like { theme: \"dark\" }, got number 42",
    "true:showIntro must be true or false, got \"maybe\"",
  ]);
  assert.ok(seen.errors.every((e) => e.startsWith("[ai-readiness]")), seen.errors.join("\n"));
  await page.locator('#assessment [data-action="start"]').click();
  await page.locator("#assessment [data-question]").waitFor();
});

test("a 320 px column fits without horizontal scrolling", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/index.html`, { width: 320, height: 700 });
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  await answerAll(host, STRONG_ACCESS_ANSWERS);
  assert.equal(await overflow(), 0);
  await screenshot(host, "result-320px");
});

test("only the first question's files load first; the result's chunk follows in the background, the team view's when opened", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/intranet.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').waitFor();
  const wasm = () => requestedPaths(seen).filter((p) => p.endsWith(".wasm")).sort();
  // The demo page preloads the main module; embed.js uses that download instead of a second one.
  assert.deepEqual(wasm(), ["/pkg/ai_readiness_bg.wasm"], "the intro needs only the main module, fetched once");
  assert.ok(!seen.warnings.some((w) => /preload/i.test(w)), seen.warnings.join("\n"));
  await host.locator('[data-action="start"]').click();
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/split_result.wasm")));
  assert.ok(!wasm().includes("/pkg/split_team.wasm"), "no team view for a visitor who does not open it");
  await answerAll(host, STRONG_ACCESS_ANSWERS);
  await host.locator('[data-action="team"]').click();
  await host.locator("[data-team-input]").waitFor();
  assert.ok(wasm().includes("/pkg/split_team.wasm"));
});

test("a chunk that cannot be fetched says so in the widget and the console, and a retry recovers", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/index.html`);
  let offline = true;
  await page.route("**/split_result.wasm", (route) => (offline ? route.abort("internetdisconnected") : route.continue()));
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, STRONG_ACCESS_ANSWERS, "[data-part-failed]");
  assert.match(await host.locator("[data-part-failed]").textContent(), /could not be loaded/);
  assert.deepEqual(await violations(page, "#assessment"), [], "the notice and its button pass axe");
  assert.ok(seen.errors.some((e) => e.includes("[ai-readiness] the result screen could not be loaded")), seen.errors.join("\n"));
  assert.equal((await events(page, "ai-readiness:complete")).length, 1, "the result was computed all the same");
  offline = false;
  await host.locator('[data-action="retry-part"]').click();
  await host.locator("[data-result]").waitFor();
});

test("a pointer pick moves on after a beat, the keyboard only moves the selection, and Start plus 12 picks reach the result", async () => {
  const { page } = await openPage(env.browser, "about:blank");
  // The page's clock is ours: the beat passes when the test says so, with no waiting.
  await page.clock.install();
  await page.goto(`${env.server.base}/index.html`);
  const host = page.locator("#assessment");
  const question = () => host.locator("[data-question]").getAttribute("data-question");
  await host.locator('[data-action="start"]').waitFor();
  // From here on, no timer fires unless the test advances the clock.
  await page.clock.pauseAt(Date.now() + 60_000);
  await host.locator('[data-action="start"]').click();
  const first = await question();

  // Arrow keys move the selection and announce the answer, but never move on.
  const radios = host.locator('[data-question] input[type="radio"]');
  await radios.nth(0).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  assert.equal(await radios.nth(1).isChecked(), true);
  await page.clock.runFor(2000);
  assert.equal(await question(), first, "the keyboard does not move on");

  // A pointer pick stays visible for the beat, then the next question comes and is announced.
  await radios.nth(3).check();
  assert.equal(await question(), first, "the choice stays on screen for the beat");
  assert.equal(await radios.nth(3).isChecked(), true);
  await page.clock.runFor(1000);
  await host.locator(`[data-question]:not([data-question="${first}"])`).waitFor();
  assert.match(await host.locator("[data-announce]").innerText(), /^Question 2 of 12$/);
  assert.equal(await host.evaluate((el) => el.shadowRoot.activeElement?.tagName), "H2", "focus on the new question");

  // Back shows the pick; a pick followed at once by Back stays where Back went.
  await host.locator('[data-action="back"]').click();
  assert.equal(await radios.nth(3).isChecked(), true);
  await radios.nth(2).check();
  await host.locator('[data-action="back"]').click();
  await page.clock.runFor(1000);
  await host.locator('[data-action="start"]').waitFor();

  // From the intro: Start and twelve picks, thirteen clicks, reach the result.
  let clicks = 0;
  await host.locator('[data-action="start"]').click();
  clicks++;
  for (const option of STRONG_ACCESS_ANSWERS) {
    const id = await question();
    await host.locator(`[data-question="${id}"] input[type="radio"]`).nth(option).check();
    clicks++;
    await page.clock.runFor(1000);
    await host.locator(`[data-question]:not([data-question="${id}"]), [data-result]`).first().waitFor();
  }
  await host.locator("[data-result]").waitFor();
  assert.equal(clicks, 13);
  const [complete] = await events(page, "ai-readiness:complete");
  assert.ok(complete, "the result is complete");
});
