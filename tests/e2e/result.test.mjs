// A result you can trust, as a visitor sees it: the profiles that used to contradict their own
// answers, a full Operating team, the plan copied as a checklist, and a shared result read as
// someone else's with the host's call to action kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, answerAll, events, screenshot } from "./harness.mjs";

const env = useBrowser();
const page = (query = "") => `${env.server.base}/tests/pages/lang.html${query}`;

/** Answers `answers` in the widget on `url` and returns the page, the host and the result. */
async function resultFor(answers, { query = "?locale=en", width = 1000 } = {}) {
  const { page: p, seen } = await openPage(env.browser, page(query), { width, height: 900 });
  const host = p.locator("#w");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, answers);
  const [complete] = await events(p, "ai-readiness:complete");
  return { p, seen, host, result: host.locator("[data-result]"), complete };
}

const numbers = (text) => (text.match(/\d+/g) || []).map(Number);

test("strong access, little else: one threshold everywhere, no tick on Access", async () => {
  const { p, seen, host, result, complete } = await resultFor([3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
  assert.equal(await result.getAttribute("data-level"), "adopting");
  assert.equal(complete.detail.modelVersion, "2");
  assert.match(complete.detail.modelFingerprint, /^[0-9a-f]{8}$/);
  // The gap sentence cites the floor its dimension's tick is drawn at.
  const gap = await host.locator("[data-biggest-gap]").getAttribute("data-biggest-gap");
  assert.equal(gap, complete.detail.biggestGap);
  const tick = host.locator(`.air-chart [data-dimension="${gap}"] [data-floor]`);
  const floor = Number(await tick.getAttribute("data-floor"));
  const sentence = await host.locator("[data-biggest-gap] p").textContent();
  const score = complete.detail.scores[gap];
  assert.deepEqual(numbers(sentence), [score, floor - score, floor], sentence);
  assert.equal(await host.locator('.air-chart [data-dimension="access"] [data-floor]').count(), 0);
  // The explanation's Operating rule names the same floors as the ticks.
  const rule = await host.locator(".air-rules li").nth(1).textContent();
  const ticks = await host.locator(".air-chart [data-floor]").evaluateAll((all) => all.map((t) => Number(t.dataset.floor)));
  assert.deepEqual(numbers(rule), ticks, rule);
  // Moving up the named answers is what the moves promise: Operating.
  const moves = await host.locator("[data-move-up]").evaluateAll((all) => all.map((m) => [m.dataset.questionId, Number(m.dataset.option)]));
  assert.ok(moves.length > 0);
  const moved = await p.evaluate(async ([answers, moves]) => {
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    const ids = ["access.fit", "access.guidance", "access.reach", "usage.weekly", "usage.workflows", "usage.setback",
      "capability.better", "capability.knowhow", "capability.coaching", "visibility.leaders", "visibility.measures", "visibility.stuck"];
    for (const [id, option] of moves) answers[ids.indexOf(id)] = option;
    return scoreAnswers(new Uint8Array(answers)).level;
  }, [[3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1], moves]);
  assert.equal(moved, "operating");
  for (const width of [360, 1200]) {
    await p.setViewportSize({ width, height: 900 });
    await screenshot(host, `result-strong-access-${width}`);
  }
  assert.deepEqual(seen.errors, []);
});

test("everyone uses it, nothing measured: adoption is not dragged down and the steps fit", async () => {
  const { seen, host, result, complete } = await resultFor([4, 2, 2, 4, 3, 2, 1, 2, 2, 0, 0, 0]);
  assert.equal(await result.getAttribute("data-level"), "adopting");
  assert.deepEqual(complete.detail.scores, { access: 78, usage: 89, capability: 56, visibility: 0 });
  assert.equal(complete.detail.adoptionGap, 5, "Access minus the mean of Usage and Capability");
  assert.equal(await host.locator('[data-figure="adoption-gap"]').textContent(), "+5");
  const headline = await host.locator("[data-adoption-sentence]").textContent();
  assert.doesNotMatch(headline, /have not followed/);
  assert.match(await host.locator("[data-unseen]").textContent(), /leaders cannot see it/);
  assert.equal(complete.detail.biggestGap, "visibility");
  const first = await host.locator('[data-plan] [data-phase="1"]').textContent();
  assert.match(first, /Start measuring two tasks/);
  assert.doesNotMatch(await result.textContent(), /Stop reporting logins/);
  for (const width of [360, 1200]) {
    await host.page().setViewportSize({ width, height: 900 });
    await screenshot(host, `result-nothing-measured-${width}`);
  }
  assert.deepEqual(seen.errors, []);
});

test("a full Operating team: every area robust, no weakest area, a plan that keeps the level", async () => {
  const { seen, host, result, complete } = await resultFor([4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3]);
  assert.equal(await result.getAttribute("data-level"), "operating");
  assert.equal(complete.detail.overall, 100);
  assert.equal(await host.locator("[data-gap-kind]").getAttribute("data-gap-kind"), "robust");
  assert.match(await host.locator("[data-gap-kind] h3").textContent(), /^Every area is robust/);
  // What the visitor reads names no gap; "How we got this" states the general rule, which may.
  const read = await result.evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelector("[data-explanation]")?.remove();
    return copy.textContent;
  });
  assert.doesNotMatch(read, /Biggest gap|[Ww]eakest area/);
  assert.equal(await host.locator("[data-move-up-list]").count(), 0, "nothing left to raise");
  assert.equal(await host.locator("[data-plan]").getAttribute("data-plan"), "keep");
  assert.equal(await host.locator("[data-plan] [data-phase]").count(), 3);
  // The model's fingerprint is part of the working, not of what every visitor reads.
  assert.equal(await host.locator("[data-model-fingerprint]").count(), 1);
  assert.equal(await host.locator("[data-explanation] [data-model-fingerprint]").count(), 1);
  assert.equal(await host.locator("[data-model-fingerprint]").isVisible(), false);
  // Without teamLink there is no team lead to send the code to.
  assert.doesNotMatch(await result.textContent(), /team lead/);
  for (const width of [360, 1200]) {
    await host.page().setViewportSize({ width, height: 900 });
    await screenshot(host, `result-operating-${width}`);
  }
  assert.deepEqual(seen.errors, []);
});

test("the 90-day plan copies as a checklist and prints", async () => {
  const { p, host } = await resultFor([4, 2, 2, 4, 3, 2, 1, 2, 2, 0, 0, 0]);
  await p.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await host.locator('[data-action="copy-plan"]').click();
  await host.locator("[data-plan] .air-copy-status", { hasText: "Copied" }).waitFor();
  const text = await p.evaluate(() => navigator.clipboard.readText());
  const lines = text.split("\n");
  assert.equal(lines[0], "The first 90 days on Visibility");
  assert.equal(lines.length, 4);
  assert.match(lines[1], /^- \[ \] Days 1–30: Start measuring two tasks/);
  assert.match(lines[3], /^- \[ \] Days 61–90: /);
  // Printed, the plan stays and its copy button goes.
  await p.emulateMedia({ media: "print" });
  assert.ok(await host.locator("[data-plan] [data-phase]").nth(2).isVisible());
  assert.ok(!(await host.locator('[data-action="copy-plan"]').isVisible()));
});

test("a shared result reads as someone else's and keeps the host's call to action", async () => {
  const { complete } = await resultFor([3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
  const { page: p, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/lang.html#ai-readiness=${complete.detail.code}`);
  const host = p.locator("#w");
  await p.evaluate(async () => {
    const { handleFor } = await import("/pkg/embed.js");
    (await import("/pkg/embed.js")).ready.then(() =>
      handleFor(document.querySelector("#w")).setConfig({ ctaUrl: "https://example.com/talk", ctaLabel: "Talk to us" }));
  });
  const shared = host.locator("[data-result][data-shared]");
  await shared.waitFor();
  await host.locator('[data-action="cta"]').waitFor();
  const text = await shared.textContent();
  assert.match(text, /A shared result/);
  assert.doesNotMatch(text, /Your readiness level|Your biggest gap|Your four dimensions/);
  assert.equal(await host.locator('[data-action="cta"]').getAttribute("href"), "https://example.com/talk");
  assert.deepEqual(seen.errors, []);
});

test("small layout flaws stay fixed: question spacing, Copied moves nothing, changes line up", async () => {
  const { page: p, seen } = await openPage(env.browser, page("?locale=en"), { width: 360, height: 900 });
  await p.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const host = p.locator("#w");
  await host.locator('[data-action="start"]').click();
  const gap = await host.locator("[data-question]").evaluate((q) => {
    const legend = q.querySelector("legend").getBoundingClientRect();
    const option = q.querySelector("label").getBoundingClientRect();
    return option.top - legend.bottom;
  });
  assert.ok(gap >= 10, `the question and its first option are ${gap} px apart`);
  await answerAll(host, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  // Where the button sits in the page, whatever the scroll position.
  const place = () => host.locator('[data-action="copy-link"]').evaluate((b) => {
    const r = b.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  });
  const before = await place();
  await host.locator('[data-action="copy-code"]').click();
  await host.locator(".air-copy-status", { hasText: "Copied" }).waitFor();
  assert.deepEqual(await place(), before, "Copied moves no button");
  await host.locator('[data-action="restart"]').click();
  await host.locator('[data-action="start"]').click();
  await answerAll(host, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  const [heading, first] = await Promise.all([
    host.locator("[data-changes] h3").boundingBox(),
    host.locator("[data-changes] li").first().boundingBox(),
  ]);
  assert.ok(Math.abs(first.x - heading.x) <= 1, `changes start ${first.x - heading.x} px off their heading`);
  assert.deepEqual(seen.errors, []);
});
