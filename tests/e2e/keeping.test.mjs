// What the widget keeps in the browser, that the visitor can forget it, and that it keeps it whole: a kept team list longer than
// the view reads at once is never overwritten before it has been read back, so a reload while it
// is being read loses nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, answerAll } from "./harness.mjs";
import { startReceiver } from "../tools/receiver.mjs";

const env = useBrowser();
let receiver;
before(async () => { receiver = await startReceiver(); });
after(async () => { await receiver?.close(); });

test("a kept team list of 3,000 lines survives a reload while it is being read back", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`);
  // Every value written to the kept list's key, as its length.
  await page.addInitScript(() => {
    window.__writes = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).endsWith(":team:v1")) window.__writes.push(String(value).length);
      return set.call(this, key, value);
    };
  });
  const team = page.locator("#team");
  await team.locator("[data-team-input]").waitFor();
  const list = await page.evaluate(async () => {
    const { ready } = await import("/pkg/embed.js");
    await ready;
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    const codes = [[3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1], [4, 3, 3, 3, 2, 2, 2, 2, 3, 2, 2, 1]].map((a) => scoreAnswers(a).code);
    return Array.from({ length: 3000 }, (_, i) => `Person ${i + 1}, Team ${i % 7}, ${codes[i % 2]}`).join("\n");
  });
  assert.ok(list.length > 64 * 1024, `${list.length} characters: longer than the view reads at once`);
  // A paste, as one input event (typing 90 KB would take minutes).
  await team.locator("[data-team-input]").evaluate((box, text) => {
    box.value = text;
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, list);
  await team.locator("[data-keep-list]").check();
  const kept = () => page.evaluate(() => localStorage.getItem("ai-readiness:team:v1") ?? "");
  await page.waitForFunction((n) => (localStorage.getItem("ai-readiness:team:v1") ?? "").length > n, list.length);
  const whole = (await kept()).length;

  // Open again, and reload as soon as the view is there, while the list is still being read.
  await page.reload();
  await team.locator("[data-team-input]").waitFor();
  const during = await kept();
  assert.equal(during.length, whole, "the kept list is still whole while it is read back");
  await page.reload();
  await team.locator("[data-team-input]").waitFor();
  await page.waitForFunction(
    (n) => document.querySelector("#team").shadowRoot.querySelector("[data-team-input]")?.value.length === n,
    list.length,
  );
  // Read back whole: the leads' views of their teams are counted (these codes are leads').
  await team.locator("[data-views]").waitFor();
  await team.locator("[data-reading]").waitFor({ state: "detached" });
  assert.equal(await team.locator("[data-team-input]").inputValue(), list);
  assert.equal(await team.locator("[data-keep-list]").isChecked(), true);
  const writes = await page.evaluate(() => window.__writes);
  assert.ok(writes.every((n) => n >= whole), `every write kept the whole list: ${writes.join(", ")}`);
  await page.close();
});

test("forget on the visitor's own result clears this widget's progress, result, lead status and waiting submissions", async () => {
  // The endpoint sends no CORS headers, so the completion waits in the outbox.
  Object.assign(receiver.state, { posts: [], accepted: [], plan: [], cors: false, requests: [] });
  const query = new URLSearchParams({
    locale: "en", connect: new URL(receiver.url).origin, "data-submit-url": receiver.url, "data-lead": "after-result",
  });
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/send.html?${query}`);
  const host = page.locator("#w");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, [3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
  await host.locator('[data-action="lead-decline"]').click();
  const keys = () => page.evaluate(() => Object.keys(localStorage).sort());
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes(":outbox:")));
  const before = await keys();
  assert.ok(before.some((k) => k.includes(":lead:")), before.join());
  assert.ok(before.some((k) => k.includes(":progress:")), before.join());

  await host.locator('[data-action="forget"]').click({ timeout: 5000 });
  await host.locator('[data-action="start"]').waitFor();
  const after = await keys();
  assert.deepEqual(after.filter((k) => k.includes(":outbox:") || k.includes(":lead:")), [], after.join());
  // A reload finds nothing of the visitor: the first screen, no result, no earlier result.
  await page.reload();
  await host.locator('[data-action="start"]').waitFor();
  assert.equal(await host.locator("[data-result]").count(), 0);
  await page.close();
});
