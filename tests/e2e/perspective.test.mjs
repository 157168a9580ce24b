// People rate themselves, leads see the truth: the self perspective, codes that carry it, and a
// team view that tells people from opinions, coaches each team, and compares rounds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { useBrowser, openPage, events, answerAll, screenshot, violations, ROOT } from "./harness.mjs";

const env = useBrowser();

/** The English texts of a catalog file, by key (plural forms left out). */
function catalog(name) {
  const texts = {};
  for (const line of readFileSync(join(ROOT, "src/core/locales", name), "utf8").split("\n")) {
    const m = line.match(/^([a-z0-9_.]+)\s*=\s*(.*)$/);
    if (m) texts[m[1]] = m[2].trim();
  }
  return texts;
}
const EN = catalog("en.txt");
const EN_SELF = catalog("en.self.txt");

/** Takes the assessment on `page` (a test page's path) in a fresh browser context and returns
 *  the events it raised. */
async function take(path, answers) {
  const { page, seen } = await openPage(env.browser, `${env.server.base}${path}`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, answers);
  const all = await events(page);
  const heading = await host.locator("h2").first().innerText();
  await page.close();
  return { all, complete: all.find((e) => e.type === "ai-readiness:complete").detail, heading, seen };
}

const PRIORITY = ["capability", "visibility", "usage", "access"];
/** The group's gap among people not yet Operating, as the team view counts it. */
function sharedGap(details) {
  const gapped = details.filter((d) => d.level !== "operating");
  const count = (dim) => gapped.filter((d) => d.biggestGap === dim).length;
  const most = Math.max(0, ...PRIORITY.map(count));
  return most === 0 ? null : PRIORITY.find((d) => count(d) === most);
}
const roundHalfUp = (x) => Math.floor(x + 0.5 + 1e-9);
const mean = (details, dim) => roundHalfUp(details.reduce((s, d) => s + d.scores[dim], 0) / details.length);
const DIMENSIONS = ["access", "usage", "capability", "visibility"];

test("three people assess themselves, a lead assesses a team, and the team view keeps them apart", async () => {
  // Three people of two teams, in the self perspective; one lead, about a team.
  const ada = await take("/tests/pages/self.html", [4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3]);
  const bo = await take("/tests/pages/self.html", [2, 1, 1, 2, 1, 1, 1, 0, 1, 1, 1, 0]);
  const cy = await take("/tests/pages/self.html", [1, 2, 1, 2, 2, 1, 0, 1, 1, 0, 0, 1]);
  const lead = await take("/tests/pages/intranet.html", [4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3]);
  for (const person of [ada, bo, cy]) {
    assert.match(person.complete.code, /^S-[0-9A-Y]{5}-[0-9A-Y]$/);
    assert.equal(person.complete.perspective, "self");
    for (const type of ["ai-readiness:ready", "ai-readiness:start"]) {
      assert.equal(person.all.find((e) => e.type === type).detail.perspective, "self", type);
    }
    assert.equal(person.seen.errors.length, 0, person.seen.errors.join("\n"));
  }
  // The same answers score alike in both perspectives; only the code's first symbol differs.
  assert.match(lead.complete.code, /^1-/);
  assert.equal(lead.complete.perspective, "team");
  // Same answers part; the check character covers the first symbol too.
  assert.equal(lead.complete.code.slice(1, -1), ada.complete.code.slice(1, -1));
  assert.deepEqual({ ...lead.complete, code: "", perspective: "" }, { ...ada.complete, code: "", perspective: "" });

  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`, { width: 1200, height: 900 });
  const team = page.locator("#team");
  const list = [
    `Ada, Research, ${ada.complete.code}`,
    `Bo, Research, ${bo.complete.code}`,
    `Cy, Ops, ${cy.complete.code}`,
    `Lead of Ops, Ops, ${lead.complete.code}`,
  ].join("\n");
  await team.locator("[data-team-input]").fill(list);
  await team.locator('[data-figure="people"]').waitFor();

  // People are self-assessments only; the lead's view is listed apart and the mix is named.
  assert.equal(await team.locator('[data-figure="people"]').innerText(), "3");
  assert.equal(await team.locator("[data-people-table] [data-person]").count(), 3);
  assert.equal(await team.locator("[data-views] [data-view]").count(), 1);
  assert.equal(await team.locator("[data-views] [data-view]").getAttribute("data-view-line"), "4");
  assert.equal(await team.locator("[data-people-table] [data-view]").count(), 0);
  await team.locator("[data-mixed]").waitFor();
  // Ops is Cy alone: the lead's rosy view of Ops does not lift its averages.
  const ops = team.locator('[data-team-row="Ops"]');
  for (const dim of DIMENSIONS) {
    assert.equal(await ops.locator(`[data-dimension="${dim}"]`).innerText(), String(cy.complete.scores[dim]), dim);
  }

  // Each team has its own coaching, gaps counted among people who are not yet Operating.
  const people = { Research: [ada, bo], Ops: [cy] };
  for (const [name, members] of Object.entries(people)) {
    const block = team.locator(`[data-team-steps][data-team="${name}"]`);
    assert.equal(await block.count(), 1, name);
    const gap = sharedGap(members.map((m) => m.complete));
    assert.equal(await block.getAttribute("data-gap"), gap, name);
    assert.equal(await block.locator("li").count(), 3, name);
  }
  // The group headline counts only real gaps.
  const everyone = [ada, bo, cy].map((p) => p.complete);
  assert.equal(await team.locator("[data-common-gap]").getAttribute("data-common-gap"), sharedGap(everyone));

  // The legend names the model's own floors.
  const legend = await team.locator("[data-legend]").innerText();
  assert.match(legend, /Access 50, Usage 60, Capability 70, Visibility 70/);
  assert.match(legend, /80/);

  // Sorting by a column, both ways, and the team filter.
  const caps = async () => (await team.locator("[data-people-table] [data-person]").evaluateAll(
    (rows) => rows.map((r) => Number(r.children[9].textContent))));
  await team.locator('[data-sort="capability"]').click();
  assert.deepEqual(await caps(), [...everyone.map((d) => d.scores.capability)].sort((a, b) => a - b));
  assert.equal(await team.locator('th[aria-sort="ascending"] [data-sort="capability"]').count(), 1);
  await team.locator('[data-sort="capability"]').press("Enter");
  assert.deepEqual(await caps(), [...everyone.map((d) => d.scores.capability)].sort((a, b) => b - a));
  await team.locator("[data-team-filter]").selectOption({ label: "Research" });
  assert.equal(await team.locator("[data-people-table] [data-person]").count(), 2);
  await team.locator("[data-team-filter]").selectOption({ index: 0 });
  assert.equal(await team.locator("[data-people-table] [data-person]").count(), 3);

  // The table and the CSV have the same columns; both files are dated.
  const headers = await team.locator("[data-people-table] thead [data-sort]").evaluateAll((b) => b.map((x) => x.dataset.sort));
  const [people_csv] = await Promise.all([page.waitForEvent("download"), team.locator('[data-action="export"]').click()]);
  assert.match(people_csv.suggestedFilename(), /^ai-readiness-people-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = (await readFile(await people_csv.path(), "utf8")).replace(/^\uFEFF/, "").trim().split(/\r\n/);
  assert.deepEqual(rows[0].split(","), headers);
  assert.equal(rows.length, 5, "header, three people, one view");
  assert.match(rows[4], /^Lead of Ops,Ops,team,1-/);
  const [teams_csv] = await Promise.all([page.waitForEvent("download"), team.locator('[data-action="export-teams"]').click()]);
  assert.match(teams_csv.suggestedFilename(), /^ai-readiness-teams-\d{4}-\d{2}-\d{2}\.csv$/);
  const teamRows = (await readFile(await teams_csv.path(), "utf8")).replace(/^\uFEFF/, "").trim().split(/\r\n/);
  assert.deepEqual(teamRows.map((r) => r.split(",")[0]), ["team", "*", "Ops", "Research"]);
  await screenshot(team, "team-view-people-and-views");

  // Kept in this browser: a reload brings the list back.
  await team.locator("[data-keep-list]").check();
  await page.reload();
  await team.locator('[data-figure="people"]').waitFor();
  assert.equal(await team.locator("[data-team-input]").inputValue(), list);
  assert.equal(await team.locator("[data-keep-list]").isChecked(), true);

  // A round, then a later list: every average shows its change since that round.
  await team.locator('[data-action="mark-round"]').click();
  assert.equal(await team.locator("[data-rounds] [data-round]").count(), 1);
  const better = await take("/tests/pages/self.html", [4, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3]);
  const later = list.replace(bo.complete.code, better.complete.code);
  await team.locator("[data-team-input]").fill(later);
  await team.locator("[data-since]").waitFor();
  const research = team.locator('[data-team-row="Research"]');
  for (const dim of DIMENSIONS) {
    const change = mean([ada.complete, better.complete], dim) - mean([ada.complete, bo.complete], dim);
    assert.equal(await research.locator(`[data-dimension="${dim}"] [data-change]`).getAttribute("data-change"), String(change), dim);
  }
  assert.equal(await ops.locator('[data-dimension="usage"] [data-change]').getAttribute("data-change"), "0");
  // The rounds survive a reload too; forgetting clears them in one step and keeps the text.
  await page.reload();
  await team.locator("[data-rounds] [data-round]").waitFor();
  await team.locator('[data-action="forget-list"]').click();
  assert.equal(await team.locator("[data-rounds]").count(), 0);
  assert.equal(await team.locator("[data-keep-list]").isChecked(), false);
  assert.equal(await team.locator("[data-team-input]").inputValue(), later);
  await page.reload();
  await team.locator("[data-team-input]").waitFor();
  assert.equal(await team.locator("[data-team-input]").inputValue(), "", "nothing kept after forgetting");
  await page.close();
});

test("the new team views have no axe violations, light and dark", async () => {
  const person = await take("/tests/pages/self.html", [2, 1, 1, 2, 1, 1, 1, 0, 1, 1, 1, 0]);
  const lead = await take("/tests/pages/intranet.html", [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
  for (const theme of ["light", "dark"]) {
    const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/team.html`, { width: 360, height: 800 });
    await page.evaluate((t) => document.querySelector("#team").setAttribute("data-theme", t), theme);
    await page.evaluate(async (t) => {
      const { ready, handleFor } = await import("/pkg/embed.js");
      await ready;
      handleFor(document.querySelector("#team"))?.setConfig({ theme: t });
    }, theme);
    const team = page.locator("#team");
    await team.locator("[data-team-input]").fill(`Ann, Sales, ${person.complete.code}\nLead, Sales, ${lead.complete.code}\nnot a code`);
    await team.locator("[data-views]").waitFor();
    await team.locator("[data-keep-list]").check();
    await team.locator('[data-action="mark-round"]').click();
    await team.locator("[data-since]").waitFor();
    assert.deepEqual(await violations(page, "#team"), [], theme);
    await screenshot(team, `team-view-360-${theme}`);
    await page.close();
  }
});

test("a self result opens the team view with its own code; a blog result offers no team view", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/self.html`);
  const host = page.locator("#assessment");
  // The intro and the questions speak to the person.
  assert.equal(await host.locator("h2").first().innerText(), EN_SELF["self.intro.title"]);
  await host.locator('[data-action="start"]').click();
  assert.equal(await host.locator("[data-question] .air-prompt").first().innerText(), EN_SELF["self.q.access.fit"]);
  await answerAll(host, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  const [complete] = await events(page, "ai-readiness:complete");
  await host.locator('[data-action="team"]').click();
  await host.locator("[data-team-input]").waitFor();
  assert.equal((await host.locator("[data-team-input]").inputValue()).trim(), complete.detail.code);
  await host.locator("[data-people-table] [data-person]").waitFor();
  // The team view speaks to the lead even on a self page.
  assert.equal(await host.locator("[data-team] h2").innerText(), EN["team.title"]);
  await page.close();

  const blog = await openPage(env.browser, `${env.server.base}/index.html`);
  const widget = blog.page.locator("#assessment");
  assert.equal(await widget.locator("h2").first().innerText(), EN["intro.title"]);
  await widget.locator('[data-action="start"]').click();
  await answerAll(widget, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  assert.equal(await widget.locator('[data-action="team"]').count(), 0, "no empty paste box for a blog visitor");
  const wasm = blog.seen.requests.map((u) => new URL(u).pathname);
  assert.ok(!wasm.includes("/pkg/split_voice.wasm"), "a lead's page never loads the first-person texts");
  assert.ok(!wasm.includes("/pkg/split_team.wasm"));
  await blog.page.close();
});

test("a share link opens in its code's perspective, whatever the page asks", async () => {
  const person = await take("/tests/pages/self.html", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  const { page, seen } = await openPage(env.browser, `${env.server.base}/index.html#ai-readiness=${person.complete.code}`);
  const shared = page.locator("#assessment [data-result][data-shared]");
  await shared.waitFor();
  const meaning = EN_SELF[`self.level.${person.complete.level}.meaning`];
  assert.equal(await shared.locator(".air-lead").first().innerText(), meaning);
  assert.ok(seen.requests.some((u) => u.endsWith("/pkg/split_voice.wasm")));
  // Taking it yourself goes back to this page's own perspective.
  await page.locator('#assessment [data-action="take"]').click();
  await page.locator("#assessment h2", { hasText: EN["intro.title"] }).waitFor();
  await page.close();
});

test("in German, a self page fetches the first-person texts with the catalog", async () => {
  const de = catalog("de.self.txt");
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/self-de.html`);
  const host = page.locator("#assessment");
  await host.locator("h2", { hasText: de["self.intro.title"] }).waitFor();
  await host.locator('[data-action="start"]').click();
  assert.equal(await host.locator("[data-question] .air-prompt").first().innerText(), de["self.q.access.fit"]);
  const paths = seen.requests.map((u) => new URL(u).pathname);
  assert.ok(paths.includes("/pkg/locales/de.txt") && paths.includes("/pkg/locales/de.self.txt"), paths.join("\n"));
  await screenshot(host, "self-question-de");
  assert.deepEqual(seen.errors, []);
  await page.close();
});
