// The team view a works council can accept (`teamPrivacy`, `minGroupSize`): groups only, no
// names on screen or in the download, small teams hidden; the named view says where its names
// come from; the view takes the width it is given.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, openPage, screenshot, violations } from "./harness.mjs";

const env = useBrowser();

/** People's own result codes (self perspective). */
const CODES = ["S-RJB0Q-W", "S-GJ38F-7", "S-PFQPK-B", "S-5FD44-M", "S-P6E36-M", "S-6Y0NW-G", "S-F8Y7N-8", "S-RWYVC-X"];
/** Research has 6 people, Sales 5, Ops 2: with the default minimum of 5, Ops is too small, and
 *  Sales is hidden with it (or Ops would be everyone minus Research and Sales). */
const SIZES = { Research: 6, Sales: 5, Ops: 2 };
const people = Object.entries(SIZES).flatMap(([team, n]) =>
  Array.from({ length: n }, (_, i) => ({ name: `Secret${team}${i}`, team, code: CODES[(i + team.length) % CODES.length] })));
const LIST = [
  "Name, Team, Code",
  ...people.map((p) => `${p.name}, ${p.team}, ${p.code}`),
  "SecretTypo, Ops, S-XXXXX-1",
].join("\n");

async function aggregate(viewport = { width: 1200, height: 900 }, theme = "light") {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/team_aggregate.html`, viewport, { acceptDownloads: true });
  const team = page.locator("#team");
  await team.locator("[data-team-input]").waitFor();
  if (theme !== "light") await setConfig(page, { theme });
  // A lead's view of a team, with the lead's name: listed apart, and named nowhere either.
  const view = await page.evaluate(async () => {
    const { ready } = await import("/pkg/embed.js");
    await ready;
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    return scoreAnswers([4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1]).code;
  });
  await team.locator("[data-team-input]").fill(`${LIST}\nSecretLead, Ops, ${view}`);
  await team.locator('[data-figure="people"]').waitFor();
  return { page, seen, team };
}

const setConfig = (page, config) => page.evaluate(async (config) => {
  const { handleFor, ready } = await import("/pkg/embed.js");
  await ready;
  handleFor(document.querySelector("#team")).setConfig(config);
}, config);

/** Everything the view shows or carries, the list box's own text aside. */
const shown = (page) => page.evaluate(() => {
  const view = document.querySelector("#team").shadowRoot.querySelector("[data-team]");
  return `${view.innerText}\n${view.outerHTML}`;
});

test("the aggregate view lists nobody, names nobody and hides teams below the minimum group size", async () => {
  const { page, seen, team } = await aggregate();
  assert.equal(await team.locator('[data-figure="people"]').innerText(), "13");
  await team.locator("[data-aggregate]").waitFor();
  assert.equal(await team.locator("[data-person], [data-people-table], [data-names-note]").count(), 0);
  const everything = await shown(page);
  assert.doesNotMatch(everything, /Secret/, "no name anywhere in the view, the bad line's included");
  await team.locator("[data-problem-line]").waitFor();
  assert.equal(await team.locator("[data-views] [data-view]").count(), 1, "the lead's view is listed, without a name column");

  // Research (6) shows its scores and steps; Ops (2) and Sales (5, hidden with Ops) do not.
  assert.equal(await team.locator('[data-team-row="Research"] [data-dimension]').count(), 4);
  assert.equal(await team.locator('[data-team-steps][data-team="Research"] li').count(), 3);
  for (const name of ["Ops", "Sales"]) {
    const row = team.locator(`[data-team-row="${name}"]`);
    assert.equal(await row.locator("[data-suppressed]").count(), 1, name);
    assert.equal(await row.locator("[data-dimension], [data-band]").count(), 0, name);
    const steps = team.locator(`[data-team-steps][data-team="${name}"]`);
    assert.equal(await steps.locator("[data-suppressed]").count(), 1, name);
    assert.equal(await steps.locator("li").count(), 0, name);
    assert.equal(await steps.getAttribute("data-gap"), null, name);
  }
  assert.match(await team.locator('[data-team-row="Ops"] [data-suppressed]').innerText(), /Fewer than 5 people/);
  // Everyone (13) counts the hidden teams too.
  assert.equal(await team.locator(".air-total [data-dimension]").count(), 4);

  // The only download is the team averages, without names and without the hidden teams' scores.
  assert.equal(await team.locator('[data-action="export"]').count(), 0);
  const [file] = await Promise.all([page.waitForEvent("download"), team.locator('[data-action="export-teams"]').click()]);
  const csv = await readFile(await file.path(), "utf8");
  assert.doesNotMatch(csv, /Secret/);
  const rows = csv.replace(/^\uFEFF/, "").trim().split(/\r\n/).map((r) => r.split(","));
  assert.deepEqual(rows.map((r) => r[0]), ["team", "*", "Ops", "Research", "Sales"]);
  assert.deepEqual(rows[2], ["Ops", "2", "", "", "", "", "", "", "", ""]);
  assert.deepEqual(rows[4].slice(0, 3), ["Sales", "5", ""]);
  assert.notEqual(rows[3][2], "", "Research shows its level");
  assert.equal(seen.errors.length, 0, seen.errors.join("\n"));
  await screenshot(team, "team-aggregate-1200-light");
});

test("a smaller minimum shows smaller teams, and the whole list below it shows no scores at all", async () => {
  const { page, team } = await aggregate();
  await setConfig(page, { minGroupSize: 2 });
  await team.locator('[data-team-row="Ops"] [data-dimension="access"]').waitFor();
  assert.equal(await team.locator("[data-suppressed]").count(), 0);
  await setConfig(page, { minGroupSize: 20 });
  await team.locator(".air-team-summary [data-suppressed]").waitFor();
  assert.equal(await team.locator("[data-level-count], [data-common-gap], [data-dimension]").count(), 0);
  assert.match(await team.locator(".air-team-summary [data-suppressed]").innerText(), /Fewer than 20 people/);
  // A size out of bounds is refused with what is accepted.
  const refused = await page.evaluate(async () => {
    const { handleFor } = await import("/pkg/embed.js");
    try { handleFor(document.querySelector("#team")).setConfig({ minGroupSize: 1 }); } catch (e) { return e.message; }
    return "accepted";
  });
  assert.match(refused, /minGroupSize must be a whole number of people from 2 to 50, got number 1/);
});

for (const theme of ["light", "dark"]) {
  test(`the aggregate team view has no axe violations (${theme})`, async () => {
    const { page, team } = await aggregate({ width: 1200, height: 900 }, theme);
    await team.locator("[data-suppressed]").first().waitFor();
    assert.deepEqual(await violations(page, "#team"), []);
  });
}

test("the named view says where its names come from, and a missing name is said to be missing", async () => {
  const { page, team } = await aggregate();
  await setConfig(page, { teamPrivacy: "named" });
  await team.locator("[data-names-note]").waitFor();
  assert.match(await team.locator("[data-names-note]").innerText(), /list you pasted/);
  assert.equal(await team.locator("[data-person]").count(), 13);
  assert.equal(await team.locator("[data-aggregate], [data-suppressed]").count(), 0);
  // Codes alone: no names, no teams. One row for everyone, not a second for "No team given".
  await team.locator("[data-team-input]").fill(CODES.slice(0, 3).join("\n"));
  await team.locator('[data-figure="people"]:text("3")').waitFor();
  assert.equal(await team.locator("[data-team-row]").count(), 0);
  assert.equal(await team.locator("[data-team-table] tbody tr").count(), 1);
  const noName = team.locator("[data-person] [data-no-name]");
  assert.equal(await noName.count(), 3);
  assert.match(await noName.first().innerText(), /^No name · line \d$/);
});

test("at 1,200 px the team view takes the width and the people table fits without scrolling", async () => {
  const { page, team } = await aggregate();
  await setConfig(page, { teamPrivacy: "named" });
  await team.locator("[data-people-table]").waitFor();
  const size = await page.evaluate(() => {
    const root = document.querySelector("#team").shadowRoot;
    const wrap = root.querySelector("[data-people-table]").parentElement;
    return { view: root.querySelector("[data-team]").getBoundingClientRect().width, scroll: wrap.scrollWidth, client: wrap.clientWidth };
  });
  assert.ok(size.view > 1000, `the view is ${size.view} px wide`);
  assert.ok(size.scroll <= size.client, `the people table needs ${size.scroll} px in ${size.client} px`);
  await screenshot(team, "team-named-1200-light");
});

test("screenshots of both modes at 320, 360 and 1200 px, light and dark", async () => {
  for (const width of [320, 360, 1200]) {
    for (const theme of ["light", "dark"]) {
      const { page, team } = await aggregate({ width, height: 900 }, theme);
      await screenshot(team, `team-aggregate-${width}-${theme}`);
      await setConfig(page, { teamPrivacy: "named" });
      await team.locator("[data-people-table]").waitFor();
      await screenshot(team, `team-named-${width}-${theme}`);
      // Nothing spills sideways out of the view.
      const spill = await page.evaluate(() => {
        const view = document.querySelector("#team").shadowRoot.querySelector("[data-team]");
        return view.scrollWidth - view.clientWidth;
      });
      assert.ok(spill <= 0, `${width} px ${theme}: ${spill} px spill`);
      await page.close();
    }
  }
});
