// Results that travel: result codes, share links, resume after a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, events, answerAll, screenshot } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const ANSWERS = [3, 2, 2, 4, 3, 3, 2, 3, 3, 2, 3, 2];
const CLIPBOARD = { permissions: ["clipboard-read", "clipboard-write"] };

test("the result shows its code, copies a share link, and the link opens that result read-only", async () => {
  const { page } = await openPage(browser, `${server.base}/index.html`, undefined, CLIPBOARD);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, ANSWERS);
  const [complete] = await events(page, "ai-readiness:complete");
  const code = await host.locator("[data-code]").getAttribute("data-code");
  assert.equal(code, complete.detail.code);
  assert.match(code, /^[0-9A-Y]-[0-9A-Y]{5}-[0-9A-Y]$/);

  await host.locator('[data-action="copy-code"]').click();
  await host.locator(".air-copy-status", { hasText: "Copied" }).first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  await host.locator('[data-action="copy-link"]').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${server.base}/index.html#ai-readiness=${code}`);
  await screenshot(host, "result-with-code");

  const other = await openPage(browser, link);
  const shared = other.page.locator("#assessment [data-result][data-shared]");
  await shared.waitFor();
  assert.equal(await shared.getAttribute("data-level"), complete.detail.level);
  assert.equal(await other.page.locator('#assessment [data-figure="overall"]').innerText(), String(complete.detail.overall));
  assert.equal(await other.page.locator('#assessment [data-action="restart"]').count(), 0, "read-only");
  assert.deepEqual(await events(other.page, "ai-readiness:complete"), [], "viewing a shared result is not completing one");
  await other.page.locator('#assessment [data-action="take"]').click();
  await other.page.locator('#assessment [data-action="start"]').waitFor();
});

test("a malformed code in the link shows a friendly message and the normal intro", async () => {
  const { page, seen } = await openPage(browser, `${server.base}/index.html#ai-readiness=1-ABCDE-Q`);
  const notice = page.locator("#assessment [data-notice]");
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be opened: .+/);
  await page.locator('#assessment [data-action="start"]').click();
  await page.locator("#assessment [data-question]").waitFor();
  assert.deepEqual(seen.errors, []);
});

test("a reload returns the visitor to the same question with their answers", async () => {
  const { page } = await openPage(browser, `${server.base}/index.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  for (const option of ANSWERS.slice(0, 4)) {
    await host.locator('[data-question] input[type="radio"]').nth(option).check();
    await host.locator('[data-action="next"]').click();
  }
  await host.locator('[data-question] input[type="radio"]').nth(1).check();
  await page.reload();
  await host.locator("[data-question]").waitFor();
  assert.equal(await host.locator("[data-question]").getAttribute("data-question"), "usage.workflows");
  assert.equal(await host.locator('input[type="radio"]').nth(1).isChecked(), true);
  await host.locator('[data-action="back"]').click();
  assert.equal(await host.locator('input[type="radio"]').nth(ANSWERS[3]).isChecked(), true);
});
