// Results that travel: result codes, share links, resume after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, events, answerAll, pick, choose, screenshot, HIGH_ANSWERS } from "./harness.mjs";

const env = useBrowser();

const CLIPBOARD = { permissions: ["clipboard-read", "clipboard-write"] };

test("the result shows its code, copies a share link, and the link opens that result read-only", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/index.html`, undefined, CLIPBOARD);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, HIGH_ANSWERS);
  const [complete] = await events(page, "ai-readiness:complete");
  const code = await host.locator("[data-code]").getAttribute("data-code");
  assert.equal(code, complete.detail.code);
  assert.match(code, /^[0-9A-Y]-[0-9A-Y]{5}-[0-9A-Y]$/);

  await host.locator('[data-action="copy-code"]').click();
  await host.locator(".air-copy-status", { hasText: "Copied" }).first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  await host.locator('[data-action="copy-link"]').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${env.server.base}/index.html#ai-readiness=${code}`);
  await screenshot(host, "result-with-code");

  const other = await openPage(env.browser, link);
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
  const { page, seen } = await openPage(env.browser, `${env.server.base}/index.html#ai-readiness=1-ABCDE-Q`);
  const notice = page.locator("#assessment [data-notice]");
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be opened: .+/);
  await page.locator('#assessment [data-action="start"]').click();
  await page.locator("#assessment [data-question]").waitFor();
  assert.deepEqual(seen.errors, []);
});

test("a reload returns the visitor to the same question with their answers", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/index.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  for (const option of HIGH_ANSWERS.slice(0, 4)) await pick(host, option);
  await choose(host, 1);
  await page.reload();
  await host.locator("[data-question]").waitFor();
  assert.equal(await host.locator("[data-question]").getAttribute("data-question"), "usage.workflows");
  assert.equal(await host.locator('input[type="radio"]').nth(1).isChecked(), true);
  await host.locator('[data-action="back"]').click();
  assert.equal(await host.locator('input[type="radio"]').nth(HIGH_ANSWERS[3]).isChecked(), true);
});

/** Takes the assessment about one's own work in a fresh page and returns the complete detail. */
async function takeAssessment(answers) {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/self.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, answers);
  const [complete] = await events(page, "ai-readiness:complete");
  await page.close();
  return complete.detail;
}

const roundHalfUp = (x) => Math.floor(x + 0.5 + 1e-9);
const mean = (details, dim) => roundHalfUp(details.reduce((s, d) => s + d.scores[dim], 0) / details.length);
const DIMENSIONS = ["access", "usage", "capability", "visibility"];

test("three people's codes make a team picture that matches their results", async () => {
  const people = [
    ["Ada Lovelace", "Research", [4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3]],
    ["Grace \"Amazing\" Hopper, PhD", "Research", [2, 1, 1, 2, 1, 1, 1, 0, 1, 1, 1, 0]],
    ["Alan Turing", "Ops", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ];
  const details = [];
  for (const [, , answers] of people) details.push(await takeAssessment(answers));

  const csvField = (s) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    "\uFEFFName, Team, Code",
    ...people.map(([name, team], i) => `${csvField(name)},${team},${details[i].code}`),
    "",
    "Typo Person, Ops, 1-ABCDE-Q",
    `${csvField(people[0][0])},Research,${details[0].code}`,
  ];
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`);
  const team = page.locator("#team");
  await team.locator("[data-team-input]").fill(lines.join("\r\n"));
  await team.locator('[data-figure="people"]').waitFor();

  assert.equal(await team.locator('[data-figure="people"]').innerText(), "3");
  for (const level of ["experimenting", "adopting", "operating"]) {
    const count = details.filter((d) => d.level === level).length;
    const text = await team.locator(`[data-level-count="${level}"] .air-figure-value`).innerText();
    assert.equal(text, String(count), level);
  }
  const everyone = team.locator("[data-team-table] tbody tr").first();
  for (const dim of DIMENSIONS) {
    assert.equal(await everyone.locator(`[data-dimension="${dim}"]`).innerText(), String(mean(details, dim)), dim);
  }
  const research = team.locator("[data-team-table] tbody tr", { hasText: "Research" });
  for (const dim of DIMENSIONS) {
    assert.equal(await research.locator(`[data-dimension="${dim}"]`).innerText(), String(mean(details.slice(0, 2), dim)));
  }
  // Stuck people first: the lowest level leads the people table.
  const order = ["experimenting", "adopting", "operating"];
  const lowest = details.map((d) => d.level).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
  assert.equal(await team.locator("[data-people-table] tbody tr").first().getAttribute("data-level"), lowest);
  assert.equal(await team.locator("[data-people-table] tbody tr").first().locator("td").first().innerText(), "Alan Turing");
  assert.equal(await team.locator("[data-people-table] tbody tr", { hasText: "PhD" }).count(), 1, "quoted comma names survive");

  // The bad line is listed with its number, the duplicate is flagged and not counted.
  assert.match(await team.locator('[data-problem-line="6"]').innerText(), /^Line 6: .+/);
  assert.match(await team.locator('[data-duplicate-line="7"]').innerText(), /repeats line 2/);
  assert.match(await team.locator(".air-private").innerText(), /not sent anywhere/);

  // CSV export is a download made in the browser.
  const [download] = await Promise.all([page.waitForEvent("download"), team.locator('[data-action="export"]').click()]);
  assert.match(download.suggestedFilename(), /^ai-readiness-people-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await import("node:fs/promises")).readFile(await download.path(), "utf8");
  assert.equal(csv.trim().split(/\r?\n/).length, 4, "header and three people");
  assert.ok(csv.includes('"Grace ""Amazing"" Hopper, PhD"'), csv);
  await screenshot(team, "team-view");
  const requests = seen.requests.filter((u) => !u.startsWith("blob:")).map((u) => new URL(u).pathname);
  assert.ok(requests.every((p) => p.startsWith("/pkg/") || p === "/tests/pages/team.html" || p === "/style/page.css"), requests.join("\n"));
});

test("a file saved in Windows-1252 reads right and says so; UTF-8 and UTF-16 files read without a note", async () => {
  const { code } = await takeAssessment(HIGH_ANSWERS);
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`);
  const team = page.locator("#team");
  const input = team.locator("[data-team-file]");
  const text = `Name;Team;Code\r\nJürgen Müller;Vertrieb;${code}\r\nNúñez “Pepe”;Ventas;${code}\r\n`;
  // Windows-1252: Latin-1 plus curly quotes at 0x93/0x94.
  const western = Buffer.from(text.replace("“", "\x93").replace("”", "\x94"), "latin1");
  await input.setInputFiles({ name: "alt.csv", mimeType: "text/csv", buffer: western });
  const note = team.locator("[data-file-note]");
  await note.waitFor();
  assert.equal(await note.getAttribute("role"), "status", "a note, not an alarm: the list was read");
  assert.match(await note.innerText(), /alt\.csv.*Windows-1252/);
  const people = team.locator("[data-people-table] tbody");
  await people.getByText("Jürgen Müller").waitFor();
  await people.getByText("Núñez “Pepe”").waitFor();
  assert.equal(await team.locator('[data-figure="people"]').innerText(), "2");
  assert.ok(!(await people.innerText()).includes("\uFFFD"), "no replacement characters");

  for (const [name, buffer] of [
    ["utf8.csv", Buffer.from(text.replace("Jürgen", "Jürgen-8"), "utf8")],
    ["utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace("Jürgen", "Jürgen-16"), "utf16le")])],
  ]) {
    await input.setInputFiles({ name, mimeType: "text/csv", buffer });
    await people.getByText(name === "utf8.csv" ? "Jürgen-8 Müller" : "Jürgen-16 Müller").waitFor();
    assert.equal(await note.count(), 0, `${name}: no note`);
  }
});

test("a dropped file is read, and large lists are paginated", async () => {
  const codes = [];
  for (let i = 0; i < 5; i++) codes.push((await takeAssessment(HIGH_ANSWERS.map((a) => (a + i) % 4))).code);
  const lines = Array.from({ length: 120 }, (_, i) => `Person ${i + 1},Team ${i % 3},${codes[i % codes.length]}`);
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`);
  const team = page.locator("#team");
  await team.locator("[data-team-file]").setInputFiles({ name: "team.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await team.locator('[data-figure="people"]').waitFor();
  assert.equal(await team.locator('[data-figure="people"]').innerText(), "120");
  assert.equal(await team.locator("[data-people-table] tbody tr").count(), 50);
  assert.equal(await team.locator("[data-page]").innerText(), "Page 1 / 3");
  await team.locator('[data-action="page-next"]').click();
  await team.locator('[data-action="page-next"]').click();
  assert.equal(await team.locator("[data-people-table] tbody tr").count(), 20);
  // Everyone at once, in a scrolling box that draws only the rows near its scrolled place.
  await team.locator('[data-action="page-all"]').click();
  const rows = team.locator("[data-people-table] tbody tr[data-person]");
  assert.equal(await rows.count(), 60, "a window of rows, not all 120");
  assert.equal(await team.locator("[data-people-table]").getAttribute("aria-rowcount"), "121");
  assert.equal(await rows.first().getAttribute("aria-rowindex"), "2");
  const wrap = team.locator(".air-scroll");
  const height = await wrap.evaluate((w) => w.scrollHeight);
  await wrap.evaluate((w) => { w.scrollTop = w.scrollHeight; });
  await team.locator('[data-people-table] tr[aria-rowindex="121"]').waitFor();
  assert.ok(await rows.count() <= 60);
  assert.equal(await wrap.evaluate((w) => w.scrollHeight), height, "the spacers keep the box as tall as all rows");
  // Printing draws every row, whatever is on screen; the print stylesheet hides the controls.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await team.locator('[data-people-table] tr[aria-rowindex="2"]').waitFor();
  assert.equal(await rows.count(), 120);
  await page.emulateMedia({ media: "print" });
  assert.equal(await team.locator('[data-action="page-all"]').isVisible(), false);
  assert.equal(await rows.nth(119).isVisible(), true);
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.waitForFunction(() => document.querySelector("#team").shadowRoot.querySelectorAll("tr[data-person]").length <= 60);
});

test("the team view opens from a result and goes back to it", async () => {
  // An intranet page, where the host turned the team link on.
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/intranet.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, HIGH_ANSWERS);
  await host.locator('[data-action="team"]').click();
  await host.locator("[data-team]").waitFor();
  await host.locator('[data-action="assessment"]').click();
  await host.locator("[data-result]").waitFor();
});

test("a long list is read in slices without losing a later paste, and everyone scrolls in a window of rows", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`);
  const team = page.locator("#team");
  await team.locator("[data-team-input]").waitFor();
  const text = await page.evaluate(async () => {
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    const counts = [5, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4];
    let seed = 1;
    const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    // `scoreAnswers` gives a lead's code (`1-`); the same answers as a person's own (`S-`), with
    // the check character recomputed as docs/src/results-that-travel.md describes.
    const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";
    const toSelf = (code) => {
      const values = ["S", ...code.replace(/-/g, "").slice(1, -1)].map((c) => ALPHABET.indexOf(c));
      const sum = values.reduce((s, v, i) => s + (values.length + 1 - i) * v, 0);
      const check = ALPHABET[(31 - (sum % 31)) % 31];
      return `S-${code.slice(2, 7)}-${check}`;
    };
    const lines = [];
    for (let i = 0; i < 5000; i++) {
      const answers = Uint8Array.from(counts.map((n) => next(n)));
      lines.push(`Person ${i},Team ${i % 12},${toSelf(scoreAnswers(answers).code)}`);
    }
    return lines.join("\n");
  });
  // A paste: one input event with the whole text (Playwright's fill types it in far too slowly).
  // A long list is read a slice at a time, saying how far it has come; the page records
  // whether it ever said so.
  const paste = (value) =>
    page.evaluate((value) => {
      const root = document.querySelector("#team").shadowRoot;
      if (!window.__sawReading) {
        window.__sawReading = false;
        new MutationObserver(() => {
          if (root.querySelector("[data-reading]") && root.querySelector("section.air-team[aria-busy=true]")) window.__sawReading = true;
        }).observe(root, { subtree: true, childList: true, attributes: true });
      }
      const box = root.querySelector("[data-team-input]");
      box.value = value;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: "insertFromPaste" }));
    }, value);
  await paste(text);
  // English groups thousands: the count reads "5,000".
  await team.locator('[data-figure="people"]', { hasText: "5,000" }).waitFor();
  assert.equal(await page.evaluate(() => window.__sawReading), true, "the status said how far reading had come");
  assert.equal(await team.locator("[data-reading]").count(), 0);
  assert.equal(await team.locator("section.air-team").getAttribute("aria-busy"), null);
  assert.equal(await team.locator("[data-people-table] tbody tr").count(), 50);
  assert.equal(await team.locator("[data-team-table] tbody tr").count(), 13, "everyone plus 12 teams");

  // A second paste while the first is still being read wins: the first read stops.
  const shorter = text.split("\n").slice(0, 4000).join("\n");
  await paste(text.replace("Person 0,", "Someone,"));
  await paste(shorter);
  await team.locator('[data-figure="people"]', { hasText: "4,000" }).waitFor();
  await team.locator("section.air-team:not([aria-busy])").waitFor();
  assert.equal(await team.locator('[data-figure="people"]').innerText(), "4,000");

  // Everyone at once draws a window of rows; scrolling halfway draws the rows there.
  await team.locator('[data-action="page-all"]').click();
  assert.ok((await team.locator("tr[data-person]").count()) <= 60);
  assert.equal(await team.locator("[data-people-table]").getAttribute("aria-rowcount"), "4001");
  await team.locator(".air-scroll").evaluate((w) => { w.scrollTop = w.scrollHeight / 2; });
  await page.waitForFunction(() => {
    const rows = [...document.querySelector("#team").shadowRoot.querySelectorAll("tr[data-person]")].map((r) => Number(r.getAttribute("aria-rowindex")));
    return rows.length <= 60 && rows.some((i) => Math.abs(i - 2000) < 30);
  });
  assert.deepEqual(seen.errors, []);
});

test("printing hides the controls and keeps the result", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/index.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, HIGH_ANSWERS);
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => {
    const root = document.querySelector("#assessment").shadowRoot;
    const visible = (sel) => getComputedStyle(root.querySelector(sel)).display !== "none";
    return { result: visible("[data-result]"), chart: visible(".air-chart"), retake: visible('[data-action="restart"]'), copy: visible('[data-action="copy-code"]'), bg: getComputedStyle(root.querySelector(".air")).backgroundColor };
  });
  assert.deepEqual(shown, { result: true, chart: true, retake: false, copy: false, bg: "rgb(255, 255, 255)" });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 1000, "a PDF was produced");
});
