// Large-paste benchmark (`make bench`): 100,000 lines pasted into the team view's list box,
// against a plain <textarea> in the same page, in headless Debian Chromium. Chromium's own work
// (laying out a 3 MB text) is the floor no page can go under; what the widget adds on top of it
// is the question. Measured from the paste (or keystroke) until the page is quiet again: the
// longest task and how many tasks took over 200 ms (Long Tasks API), and the longest frame (a
// task plus the rendering after it: long-animation-frame entries); plus, for the widget, the
// time until the team picture counts everyone. "Other task" is the longest task after the
// input's own first one: work the page adds beyond laying out the box, which must stay within
// 200 ms; "other frame" the longest frame apart from the input's own. It prints a table and writes it as Markdown to target/bench/team_paste.md. It
// asserts no timings; it fails only when the widget never counts the pasted people.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, launch, startServer } from "../e2e/harness.mjs";

const OUT = join(ROOT, "target", "bench", "team_paste.md");
const LINES = Number(process.env.LINES ?? 100_000);
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 3));
/** People's own result codes (self perspective); names make every line a different person. */
const CODES = ["S-RJB0Q-W", "S-GJ38F-7", "S-PFQPK-B", "S-5FD44-M", "S-P6E36-M", "S-6Y0NW-G", "S-F8Y7N-8", "S-RWYVC-X"];
const TEAMS = ["Sales", "Operations", "Finance", "Support", "Marketing", "Legal"];
/** How long the page must stay without a long frame to count as quiet (never measured). */
const QUIET_MS = 1_000;
const LIMIT_MS = 600_000;

const text = Array.from({ length: LINES }, (_, i) => `Person ${i + 1},${TEAMS[i % TEAMS.length]},${CODES[i % CODES.length]}`).join("\n");

/** Runs in the page before its scripts: records every long task and long animation frame. */
function probe() {
  window.__frames = [];
  window.__tasks = [];
  const record = (into) => (list) => {
    for (const e of list.getEntries()) {
      // What a long frame spent its time on (scripts by entry point; style and layout), for
      // DETAIL=1 runs.
      const scripts = (e.scripts ?? []).map((s) => `${s.invoker} ${Math.round(s.duration)} ms (layout forced ${Math.round(s.forcedStyleAndLayoutDuration)} ms)`);
      const layout = e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : undefined;
      const render = e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : undefined;
      into.push({ start: e.startTime, end: e.startTime + e.duration, duration: e.duration, scripts, layout, render });
    }
  };
  new PerformanceObserver(record(window.__frames)).observe({ type: "long-animation-frame", buffered: true });
  new PerformanceObserver(record(window.__tasks)).observe({ type: "longtask", buffered: true });
}

/** Waits until no long frame has ended for QUIET_MS (and `ready` holds), then summarises the
 *  frames that started after `since`. */
async function settle(page, since, ready = () => true) {
  await page.waitForFunction(
    ([since, quiet]) => {
      const last = Math.max(since, ...window.__frames.map((f) => f.end));
      return performance.now() - last > quiet;
    },
    [since, QUIET_MS],
    { timeout: LIMIT_MS, polling: 100 },
  );
  await ready();
  const result = await page.evaluate((since) => {
    const after = (list) => list.filter((f) => f.start >= since - 1);
    const [frames, tasks] = [after(window.__frames), after(window.__tasks)];
    const durations = (list) => list.map((f) => f.duration);
    // The first task is the input's own (the paste or keystroke and Chromium's layout of the
    // box); every other one is work the page added.
    const others = [...tasks].sort((a, b) => a.start - b.start).slice(1);
    const first = others.length < tasks.length ? Math.min(...tasks.map((t) => t.start)) : Infinity;
    // Frames (a task and the rendering after it) apart from the one of the input's own task.
    const otherFrames = frames.filter((f) => !(f.start <= first + 1 && first <= f.end));
    return {
      frame: Math.max(0, ...durations(frames)),
      task: Math.max(0, ...durations(tasks)),
      other: Math.max(0, ...durations(others)),
      otherFrame: Math.max(0, ...durations(otherFrames)),
      over200: tasks.filter((t) => t.duration > 200).length,
      detail: {
        frames: frames.filter((f) => f.duration > 100).map((f) => ({ at: Math.round(f.start - since), ms: Math.round(f.duration), render: f.render, layout: f.layout, scripts: f.scripts })),
        tasks: tasks.map((t) => ({ at: Math.round(t.start - since), ms: Math.round(t.duration) })),
      },
    };
  }, since);
  if (process.env.DETAIL) console.error(JSON.stringify(result.detail));
  return result;
}

const now = (page) => page.evaluate(() => performance.now());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const browser = await launch();
const rows = { plain: [], widget: [], key: [], plainKey: [], everyone: [], counted: [] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(`${server.base}/tests/pages/team.html`);
    const team = page.locator("#team");
    const box = team.locator("[data-team-input]");
    await box.waitFor();
    await page.evaluate(() => {
      const plain = document.createElement("textarea");
      plain.id = "plain";
      plain.rows = 7;
      document.querySelector("main").append(plain);
    });

    // A real paste (Playwright's insertText is an editing command that takes minutes for a text
    // of many lines, which is not what a visitor does).
    await page.evaluate((text) => navigator.clipboard.writeText(text), text);
    // The floor: the same paste into a plain textarea, then one keystroke at its end.
    await page.locator("#plain").focus();
    let t = await now(page);
    await page.keyboard.press("Control+V");
    rows.plain.push(await settle(page, t));
    t = await now(page);
    await page.keyboard.press("x");
    rows.plainKey.push(await settle(page, t));
    await page.locator("#plain").evaluate((p) => { p.value = ""; });

    // The widget: paste, then wait until the team picture counts everyone.
    await box.focus();
    t = await now(page);
    await page.keyboard.press("Control+V");
    const people = team.locator('[data-figure="people"]');
    const counted = async () => {
      await page.waitForFunction(
        (n) => document.querySelector("#team").shadowRoot.querySelector('[data-figure="people"]')?.textContent.replace(/\D/g, "") === String(n),
        LINES,
        { timeout: LIMIT_MS, polling: 50 },
      );
    };
    await counted();
    rows.counted.push((await now(page)) - t);
    rows.widget.push(await settle(page, t, counted));
    if ((await people.innerText()).replace(/\D/g, "") !== String(LINES)) throw new Error("the widget did not count every pasted person");

    // One keystroke at the end of the pasted list (a new line that does not count).
    t = await now(page);
    await page.keyboard.press("x");
    rows.key.push(await settle(page, t));

    // Everyone at once: a window of rows in a scrolling box.
    t = await now(page);
    await team.locator('[data-action="page-all"]').click();
    await team.locator(".air-scroll").waitFor();
    rows.everyone.push(await settle(page, t));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const pick = (k, what) => median(rows[k].map((r) => r[what]));
const ms = (x) => `${Math.round(x)} ms`;
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : "-");
const line = (step, plain, widget) =>
  plain
    ? `| ${step} | ${ms(pick(plain, "task"))} | ${ms(pick(widget, "task"))} | ${ratio(pick(widget, "task"), pick(plain, "task"))} | ${ms(pick(plain, "other"))} | ${ms(pick(widget, "other"))} | ${pick(widget, "over200")} (${pick(plain, "over200")}) | ${ms(pick(plain, "frame"))} | ${ms(pick(widget, "frame"))} | ${ratio(pick(widget, "frame"), pick(plain, "frame"))} | ${ms(pick(plain, "otherFrame"))} | ${ms(pick(widget, "otherFrame"))} |`
    : `| ${step} | - | ${ms(pick(widget, "task"))} | - | - | ${ms(pick(widget, "other"))} | ${pick(widget, "over200")} | - | ${ms(pick(widget, "frame"))} | - | - | ${ms(pick(widget, "otherFrame"))} |`;
const table = [
  `${LINES.toLocaleString("en")} lines (${(text.length / 1e6).toFixed(1)} MB), median of ${ROUNDS} rounds, headless Chromium, plain textarea beside the widget in the same page:`,
  "",
  "| step | longest task: plain | widget | ratio | longest other task: plain | widget | tasks over 200 ms: widget (plain) | longest frame: plain | widget | ratio | longest other frame: plain | widget |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  line("paste", "plain", "widget"),
  line("one keystroke after it", "plainKey", "key"),
  line("show everyone", null, "everyone"),
  "",
  `Paste to a team picture counting all ${LINES.toLocaleString("en")} people: ${ms(median(rows.counted))}, ${ratio(median(rows.counted), pick("plain", "frame"))} times the plain textarea's paste frame.`,
];
console.log(table.join("\n"));
await mkdir(join(ROOT, "target", "bench"), { recursive: true });
await writeFile(OUT, table.join("\n") + "\n");
