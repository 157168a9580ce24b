// Accessibility: axe-core (WCAG 2.1 A and AA rules) on every view in both themes, and the whole
// assessment done with the keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, answerAll, events, violations, MIXED_ANSWERS } from "./harness.mjs";

const env = useBrowser();

for (const theme of ["light", "dark"]) {
  test(`intro, question, result and team view have no axe violations (${theme})`, async () => {
    // An intranet page in the self perspective, with the team view one click away.
    const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/self.html`);
    const host = page.locator("#assessment");
    await host.locator('[data-action="start"]').waitFor();
    await page.evaluate(async (t) => {
      const { handleFor, ready } = await import("/pkg/embed.js");
      await ready;
      handleFor(document.querySelector("#assessment")).setConfig({ theme: t });
    }, theme);
    assert.deepEqual(await violations(page, "#assessment"), [], "intro");
    await host.locator('[data-action="start"]').click();
    await host.locator('[data-action="next"]').click(); // shows the "pick an answer" hint too
    assert.deepEqual(await violations(page, "#assessment"), [], "question");
    await answerAll(host, MIXED_ANSWERS);
    assert.deepEqual(await violations(page, "#assessment"), [], "result");
    // The working behind the result, expanded.
    await host.locator("[data-explanation] summary").click();
    await host.locator("[data-explanation] [data-verdict]").waitFor();
    assert.deepEqual(await violations(page, "#assessment"), [], "result with its working");
    const [complete] = await events(page, "ai-readiness:complete");
    await host.locator('[data-action="team"]').click();
    await host.locator("[data-team-input]").fill(`Ada, Research, ${complete.detail.code}\nbad line`);
    await host.locator('[data-figure="people"]').waitFor();
    assert.deepEqual(await violations(page, "#assessment"), [], "team view");
  });
}

test("the configuration error box has no axe violations", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/multi.html`);
  await page.locator("#a [data-action=start]").waitFor();
  // A script's bad configuration refuses the mount and shows the box in the element.
  await page.evaluate(async () => {
    const { mount, ready } = await import("/pkg/embed.js");
    await ready;
    const element = Object.assign(document.createElement("div"), { id: "refused" });
    document.body.append(element);
    try { mount(element, { theme: "purple" }); } catch {}
  });
  await page.locator("#refused .air-error").waitFor();
  assert.deepEqual(await violations(page, "#refused"), []);
});

test("the whole assessment can be done with the keyboard alone", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/index.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').waitFor();
  // Tab from the top of the page into the widget until Start has focus.
  const focusedAction = () => page.evaluate(() => {
    const root = document.querySelector("#assessment").shadowRoot;
    const el = root.activeElement;
    return el ? el.getAttribute("data-action") || el.tagName.toLowerCase() + (el.type ? `:${el.type}` : "") : null;
  });
  for (let i = 0; i < 20 && (await focusedAction()) !== "start"; i++) await page.keyboard.press("Tab");
  assert.equal(await focusedAction(), "start");
  await page.keyboard.press("Enter");
  for (const [i, option] of MIXED_ANSWERS.entries()) {
    await host.locator(`[data-question="${await host.locator("[data-question]").getAttribute("data-question")}"]`).waitFor();
    assert.equal(await focusedAction(), "h2", `focus moves to question ${i + 1}'s heading`);
    await page.keyboard.press("Tab"); // into the radio group
    for (let k = 0; k < option; k++) await page.keyboard.press("ArrowDown");
    if (option === 0) await page.keyboard.press("Space");
    await page.keyboard.press("Enter"); // confirm and move on
  }
  await host.locator("[data-result]").waitFor();
  const [complete] = await events(page, "ai-readiness:complete");
  const answers = (await events(page, "ai-readiness:answer")).map((e) => e.detail);
  const last = new Map(answers.map((a) => [a.index, a.value]));
  assert.deepEqual([...last.keys()].sort((a, b) => a - b).map((k) => last.get(k)), MIXED_ANSWERS);
  assert.ok(complete, "completed with keys only");
  assert.equal(await focusedAction(), "h2", "focus moves to the result heading");
  const announced = await host.locator("[data-announce]").innerText();
  assert.match(announced, new RegExp(`^Your readiness level is \\w+\\. Access ${complete.detail.scores.access}, `));
});

test("the team view in a 320 px column, where its tables scroll, has no axe violations", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`, { width: 320, height: 800 });
  const team = page.locator("#team");
  await team.locator("[data-team-input]").waitFor();
  const code = await page.evaluate(async () => {
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    return scoreAnswers(Uint8Array.from([1, 2, 0, 3, 1, 2, 2, 1, 3, 1, 0, 2])).code;
  });
  // `scoreAnswers` gives a lead's code: listed apart, in its own table that scrolls too.
  await team.locator("[data-team-input]").fill(`Ada Lovelace, Research and Development, ${code}`);
  await team.locator("[data-views] [data-view]").waitFor();
  assert.deepEqual(await violations(page, "#team"), []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
});
