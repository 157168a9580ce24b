// First-paint benchmark (`make bench`): the widget as a host embeds it (with its intro, and with
// `data-show-intro="false"`), against a plain HTML form with the same twelve questions (the
// floor: the least any page can do), SurveyJS (a popular survey library) and Formbricks' survey
// renderer (the lightest open-source peer we know), in headless Debian Chromium. One interleaved
// run: a warm-up round, then ROUNDS rounds, each loading the five pages in rotating order, every
// load in a fresh browser context (empty cache, empty storage: a first visit).
// It prints a table and writes it as Markdown to target/bench/first_paint.md. It asserts no
// timings; it fails only when a subject never gets to a clickable answer or to its end.
import { readFile, mkdir, writeFile, access } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import os from "node:os";
// The same Chromium, flags and all, and the same recording static server as the end-to-end tests.
import { ROOT, launch, startServer } from "../e2e/harness.mjs";

const OUT = join(ROOT, "target", "bench", "first_paint.md");
// 9 rounds by default; fewer (ROUNDS=2) only to try the script out.
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 9));
// One fixed path through the questions (every question has at least four options).
const ANSWERS = [2, 1, 3, 0, 2, 1, 3, 0, 2, 1, 3, 0];
// Bounded waits that are never measured: how long a subject may take to reach a state at all,
// and how long the network must stay idle before the total bytes are counted.
const LIMIT_MS = 30_000;
// How long a load with its wasm held back waits for a first answer before it lets the wasm go.
const HOLD_MS = 10_000;
const QUIET_MS = 500;

// How to drive each subject: where its options are, what advances, what finishes; `wasm` marks
// the widget, whose wasm may take over after its first answer is already clickable.
const widgetOption = (page, _k, i) => page.locator("[data-question] label.air-option").nth(i);
const widgetNext = (page) => page.locator('[data-action="next"]');
const SUBJECTS = {
  floor: {
    label: "floor",
    url: "/tests/bench/floor.html",
    option: (page, k, i) => page.locator("fieldset").nth(k).locator("label").nth(i),
    next: null,
    finish: (page) => page.locator('button[type="submit"]'),
  },
  widget: {
    label: "widget",
    url: "/tests/bench/widget.html",
    // Playwright's CSS engine pierces the widget's open shadow root.
    option: widgetOption,
    next: widgetNext,
    finish: widgetNext,
    wasm: true,
  },
  widgetNoIntro: {
    label: "widget, intro off",
    url: "/tests/bench/widget_no_intro.html",
    option: widgetOption,
    next: widgetNext,
    finish: widgetNext,
    wasm: true,
  },
  surveyjs: {
    label: "SurveyJS",
    url: "/tests/bench/surveyjs.html",
    option: (page, _k, i) => page.locator(".sd-question .sd-item label").nth(i),
    next: (page) => page.locator(".sd-navigation__next-btn"),
    finish: (page) => page.locator(".sd-navigation__complete-btn"),
  },
  formbricks: {
    label: "Formbricks",
    url: "/tests/bench/formbricks.html",
    option: (page, _k, i) => page.locator("#fbjs form fieldset label").nth(i),
    // One submit button per card: "Next", then "Finish" on the last question.
    next: (page) => page.locator('#fbjs form button[type="submit"]'),
    finish: (page) => page.locator('#fbjs form button[type="submit"]'),
  },
};
// ONLY=floor,formbricks runs a subset (to try the script out); the table then says n/a.
const ORDER = Object.keys(SUBJECTS).filter((s) => !process.env.ONLY || process.env.ONLY.split(",").includes(s));

/**
 * Runs in every page before its own scripts. Watches the document and every shadow root the
 * page attaches with one MutationObserver, and stamps (performance.now(), i.e. since navigation
 * start) the moment each state is first in the DOM. The widget's intro Start is pressed the
 * moment it appears, so "first answer" for the widget is one instant click after Start shows.
 * Whoever draws them (embed.js before the wasm arrives, or the wasm), the first Start and the
 * first radio count the moment they are in the DOM, enabled and visible; the widget's
 * `ai-readiness:ready` event (bubbling and composed, heard on the document) stamps when the
 * wasm took over.
 */
function probe() {
  const b = (window.__bench = { marks: {}, steps: [], memories: new Set(), answering: false });
  const roots = [];
  const waiters = new Set();
  const observer = new MutationObserver(check);
  const watch = (root) => {
    roots.push(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  const find = (selector) => {
    for (const root of roots) {
      const found = root.querySelector(selector);
      if (found) return found;
    }
    return null;
  };
  // `:disabled` also holds for a control inside a disabled fieldset.
  const usable = (el) =>
    el && el.isConnected && !el.matches(":disabled") && el.checkVisibility({ visibilityProperty: true });

  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root);
    return root;
  };

  // Every WebAssembly.Memory a module exports or is given, main module and lazy chunks alike.
  const keepMemories = (result, imports) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const values = [...Object.values(instance.exports)];
    for (const space of Object.values(imports ?? {})) values.push(...Object.values(space ?? {}));
    for (const value of values) if (value instanceof WebAssembly.Memory) b.memories.add(value);
    return result;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (source, imports) {
      return original.call(this, source, imports).then((r) => keepMemories(r, imports));
    };
  }
  b.wasmBytes = () =>
    b.memories.size ? [...b.memories].reduce((sum, m) => sum + m.buffer.byteLength, 0) : null;

  // The screen a visitor is on: the result (Formbricks: its thank-you card), else the widget's
  // question id, SurveyJS's question name, Formbricks' radio group name, or the floor's
  // progress line.
  const screen = () => {
    if (find('[data-result]:not([hidden]), #fbjs label[for="thankYouCard"]')) return "result";
    const question = find("[data-question]") ?? find(".sd-question[data-name]");
    if (question) return question.dataset.question ?? question.dataset.name;
    const formbricks = find('#fbjs fieldset input[type="radio"]');
    if (formbricks) return formbricks.name;
    return find("#progress")?.textContent ?? null;
  };
  b.screen = null;

  // The last trusted click (event.timeStamp is on the performance.now() clock) starts the
  // clock for the screen change it causes.
  addEventListener(
    "click",
    (event) => {
      if (!event.isTrusted || !b.answering) return;
      b.lastClick = event.timeStamp;
      b.answerStart ??= event.timeStamp;
    },
    true,
  );

  function check() {
    const now = performance.now();
    if (b.marks.control === undefined || b.marks.answer === undefined) {
      const start = find('[data-action="start"]');
      const option = find('input[type="radio"]');
      if (b.marks.control === undefined && (usable(start) || usable(option))) b.marks.control = now;
      if (usable(start) && !b.startClicked) {
        b.startClicked = true;
        start.click();
      }
      if (b.marks.answer === undefined && usable(option)) b.marks.answer = now;
    }
    const current = screen();
    if (current !== null && current !== b.screen) {
      if (b.answering && b.lastClick !== undefined) b.steps.push({ to: current, ms: now - b.lastClick });
      b.screen = current;
      if (current === "result") b.marks.result ??= now;
    }
    for (const waiter of waiters) waiter();
  }

  /** Resolves true once `test()` holds, or false after `ms`. */
  b.until = (test, ms) =>
    new Promise((done) => {
      if (test()) return done(true);
      const waiter = () => test() && (waiters.delete(waiter), done(true));
      waiters.add(waiter);
      setTimeout(() => (waiters.delete(waiter), done(false)), ms);
    });
  b.changed = (from, ms) => b.until(() => b.screen !== null && b.screen !== from, ms);
  // Whether the screen moved on by the time the next frame is done.
  b.movedByNextFrame = (from) =>
    new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(b.screen !== from))));
  b.marked = (name, ms) => b.until(() => b.marks[name] !== undefined, ms);

  document.addEventListener("ai-readiness:complete", (event) => (b.complete = event.detail));
  // Capture: heard on the document whether or not the event bubbles, as long as it is composed.
  document.addEventListener(
    "ai-readiness:ready",
    () => {
      b.marks.ready ??= performance.now();
      for (const waiter of waiters) waiter();
    },
    true,
  );
  watch(document);
}

/** JS heap in use after a full garbage collection, in bytes (the page's main isolate). */
async function heapAfterGc(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

const screenOf = (page) => page.evaluate(() => window.__bench.screen);
const changed = (page, from, ms) => page.evaluate(([f, t]) => window.__bench.changed(f, t), [from, ms]);

// Force: our own waits already know the element is on screen; Playwright's actionability checks
// would add two animation frames to every click for every subject.
const click = (locator) => locator.click({ force: true });

/**
 * Answers all twelve questions like a brisk visitor with a mouse: pick an option; if the next
 * question (or the floor's counter) is not there by the next frame, press Next at once. So a
 * pause a subject takes before moving on by itself after a pick (the widget's auto-advance beat)
 * is never counted: the subject's own rules drop that pending move once Next was pressed.
 * Returns whether a pick alone moved on, for the notes.
 */
async function answerAll(page, subject) {
  const s = SUBJECTS[subject];
  let pickMoves = true;
  await page.evaluate(() => (window.__bench.answering = true));
  for (let k = 0; k < ANSWERS.length; k++) {
    const from = await screenOf(page);
    await click(s.option(page, k, ANSWERS[k]));
    const moved = await page.evaluate((f) => window.__bench.movedByNextFrame(f), from);
    pickMoves &&= moved;
    if (!moved && k < ANSWERS.length - 1) {
      // The floor has no Next: its counter only lagged a frame behind the pick.
      if (s.next) await click(s.next(page));
      if (!(await changed(page, from, LIMIT_MS))) {
        throw new Error(`${subject}: question ${k + 1} did not move on after a pick and Next`);
      }
    }
  }
  if ((await screenOf(page)) !== "result") await click(s.finish(page));
  if (!(await page.evaluate((t) => window.__bench.marked("result", t), LIMIT_MS))) {
    throw new Error(`${subject}: no result screen ([data-result]) after answering all 12 questions`);
  }
  return pickMoves;
}

/** The option indices the subject recorded, to be sure the script's picks were taken. */
async function recordedAnswers(page, subject) {
  return page.evaluate(async ([subject, answers]) => {
    if (subject === "floor") {
      return [...document.querySelectorAll("fieldset")].map((f) => {
        const inputs = [...f.querySelectorAll("input")];
        return inputs.findIndex((i) => i.checked);
      });
    }
    if (subject === "surveyjs") {
      // `survey` is surveyjs.js's top-level binding.
      return survey.getAllQuestions().map((q) => q.choices.findIndex((c) => c.value === q.value));
    }
    if (subject === "formbricks") {
      // `fbSurvey` and `fbResponses` are formbricks.js's top-level bindings; each response
      // carries the picked label of one question.
      const picked = Object.assign({}, ...fbResponses.map((r) => r.data));
      return fbSurvey.questions.map((q) => q.choices.findIndex((c) => c.label === picked[q.id]));
    }
    // The widget: its result code encodes the answers; scoreAnswers gives the expected code.
    const { scoreAnswers } = await import("/pkg/ai_readiness.js");
    return window.__bench.complete?.code === scoreAnswers(answers).code ? answers : window.__bench.complete;
  }, [subject, ANSWERS]);
}

/** Waits until the page has had no request in flight for QUIET_MS (lazy chunks, prefetches). */
async function quiet(page, inflight) {
  for (;;) {
    const before = inflight.started;
    await page.waitForTimeout(QUIET_MS);
    if (inflight.count === 0 && inflight.started === before) return;
  }
}

/**
 * One cold load of one subject: first paint, first clickable answer, all twelve answers. With
 * `holdWasm`, every .wasm response is held back until the first answer is clickable (or for
 * HOLD_MS at most), so what arrived before it is what the first screen needs, not what a fast
 * loopback happened to deliver in parallel.
 */
async function runOnce(browser, server, subject, { holdWasm = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: "en-US" });
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const problems = [];
    const inflight = { count: 0, started: 0 };
    page.on("request", (r) => {
      inflight.count++;
      inflight.started++;
      if (!r.url().startsWith(server.base) && !r.url().startsWith("data:")) problems.push(`left the machine: ${r.url()}`);
    });
    page.on("requestfinished", () => inflight.count--);
    page.on("requestfailed", (r) => (inflight.count--, problems.push(`failed: ${r.url()}`)));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));

    let release = () => {};
    if (holdWasm) {
      const held = new Promise((ok) => (release = ok));
      await page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
    }
    const firstSent = server.sent.length;
    await page.goto(server.base + SUBJECTS[subject].url, { waitUntil: "commit" });
    const answeredWhileHeld = holdWasm && (await page.evaluate((t) => window.__bench.marked("answer", t), HOLD_MS));
    release();
    if (!(await page.evaluate((t) => window.__bench.marked("answer", t), LIMIT_MS))) {
      throw new Error(
        `${subject} never showed a clickable answer within ${LIMIT_MS / 1000} s ` +
          `(${SUBJECTS[subject].url}${problems.length ? `; ${problems.join("; ")}` : ""})`,
      );
    }
    const first = await page.evaluate(() => ({ ...window.__bench.marks, wasm: window.__bench.wasmBytes() }));
    // The widget's first answer may be clickable before its wasm arrives. Answering (and the
    // garbage collection below, which would pause the page) waits until the wasm took over, so
    // the takeover is timed undisturbed and every subject is answered by its full code.
    if (SUBJECTS[subject].wasm && !(await page.evaluate((t) => window.__bench.marked("ready", t), LIMIT_MS))) {
      throw new Error(
        `${subject}: no ai-readiness:ready event within ${LIMIT_MS / 1000} s` +
          `${problems.length ? ` (${problems.join("; ")})` : ""}`,
      );
    }
    const heapFirst = await heapAfterGc(cdp);

    const pickMoves = await answerAll(page, subject);
    const end = await page.evaluate(() => ({
      marks: window.__bench.marks,
      answerStart: window.__bench.answerStart,
      steps: window.__bench.steps,
      wasm: window.__bench.wasmBytes(),
      // Read here, not at the first answer: the DOM can hold an answer before it is painted.
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    }));
    await quiet(page, inflight);
    const heapEnd = await heapAfterGc(cdp);
    const wasmEnd = await page.evaluate(() => window.__bench.wasmBytes());

    const recorded = await recordedAnswers(page, subject);
    if (JSON.stringify(recorded) !== JSON.stringify(ANSWERS)) {
      throw new Error(`${subject}: the scripted answers were not all taken: ${JSON.stringify(recorded)}`);
    }

    // Which served bodies had fully arrived when the first answer became clickable (and when the
    // widget's wasm took over), by the browser's own resource timing (the page itself is the
    // navigation entry): a body counts when its responseEnd is at or before that moment; one
    // still streaming then does not count at all.
    const arrived = await page.evaluate(() =>
      [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => {
        const u = new URL(e.name);
        return { url: u.pathname + u.search, end: e.responseEnd };
      }),
    );
    const bodies = server.sent.slice(firstSent);
    const before = [];
    const beforeReady = [];
    const unused = [...arrived];
    for (const item of bodies) {
      const at = unused.findIndex((a) => a.url === item.url);
      const timing = at >= 0 ? unused.splice(at, 1)[0] : null;
      if (!timing || !(timing.end > 0)) continue;
      if (timing.end <= first.answer) before.push(item);
      if (end.marks.ready !== undefined && timing.end <= end.marks.ready) beforeReady.push(item);
    }
    const steps = end.steps.filter((s) => s.to !== "result").map((s) => s.ms);
    const toResult = end.steps.find((s) => s.to === "result")?.ms ?? null;
    return {
      problems,
      answeredWhileHeld,
      urlsFirst: before.map((b) => b.url),
      pickMoves,
      fcp: end.fcp,
      control: first.control,
      answer: first.answer,
      ready: end.marks.ready ?? null,
      bytesFirst: sizes(before),
      bytesReady: SUBJECTS[subject].wasm ? sizes(beforeReady) : null,
      bytesTotal: sizes(bodies),
      urlsTotal: bodies.map((b) => b.url),
      all: end.marks.result - end.answerStart,
      step: median(steps),
      toResult,
      heapFirst,
      heapEnd,
      // The widget has no wasm memory yet when its first answer is drawn before the wasm.
      wasmFirst: first.wasm ?? (SUBJECTS[subject].wasm ? 0 : null),
      wasmEnd: wasmEnd ?? end.wasm,
    };
  } finally {
    await context.close();
  }
}

// Compressed sizes per response, as a server compressing each file would send them; cached by
// content, since the same files come back every round (brotli 11 on SurveyJS takes a while).
const packed = new Map();
function compressed(body) {
  const key = createHash("sha256").update(body).digest("hex");
  if (!packed.has(key)) {
    packed.set(key, {
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: 11,
          [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    });
  }
  return packed.get(key);
}

function sizes(items) {
  const total = { requests: items.length, raw: 0, gzip: 0, brotli: 0 };
  for (const { body } of items) {
    const c = compressed(body);
    total.raw += body.length;
    total.gzip += c.gzip;
    total.brotli += c.brotli;
  }
  return total;
}

function median(values) {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

// The table: one row per metric, "median (min–max)" per subject, then the two ratios.
const ms = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const kib = (x) => (x / 1024).toFixed(1);
const mib = (x) => (x / 1048576).toFixed(2);
const ROWS = [
  ["First contentful paint (ms)", (r) => r.fcp, ms],
  ["First control clickable (ms; widget with intro: its Start button)", (r) => r.control, ms],
  ["First answer clickable (ms; widget with intro: Start pressed the instant it shows)", (r) => r.answer, ms],
  ["Widget ready: wasm took over, `ai-readiness:ready` (ms)", (r) => r.ready, ms],
  ["Requests before first answer", (r) => r.bytesFirst.requests, String],
  ["Bytes before first answer, raw (KiB)", (r) => r.bytesFirst.raw, kib],
  ["Bytes before first answer, gzip -9 (KiB)", (r) => r.bytesFirst.gzip, kib],
  ["Bytes before first answer, brotli 11 (KiB)", (r) => r.bytesFirst.brotli, kib],
  ["Requests before widget ready", (r) => r.bytesReady?.requests, String],
  ["Bytes before widget ready, gzip -9 (KiB)", (r) => r.bytesReady?.gzip, kib],
  ["Requests after all 12 answers", (r) => r.bytesTotal.requests, String],
  ["Bytes after all 12 answers, raw (KiB)", (r) => r.bytesTotal.raw, kib],
  ["Bytes after all 12 answers, gzip -9 (KiB)", (r) => r.bytesTotal.gzip, kib],
  ["Bytes after all 12 answers, brotli 11 (KiB)", (r) => r.bytesTotal.brotli, kib],
  ["Answer all 12 by script, first pick to end screen (ms)", (r) => r.all, ms],
  ["Click to next question in the DOM, median of a run (ms; floor: pick to counter update)", (r) => r.step, ms],
  ["Last click to end screen in the DOM (ms; floor: submit to done line)", (r) => r.toResult, ms],
  ["JS heap after GC at first answer (MiB; widget: once ready)", (r) => r.heapFirst, mib],
  ["JS heap after GC at end screen (MiB)", (r) => r.heapEnd, mib],
  ["Wasm memory at first answer (MiB)", (r) => r.wasmFirst, mib],
  ["Wasm memory at end screen (MiB)", (r) => r.wasmEnd, mib],
];

// Ratio columns: each widget variant against each other subject.
const RATIOS = ["widget", "widgetNoIntro"].flatMap((w) =>
  ["floor", "surveyjs", "formbricks"].map((other) => [w, other]),
);
const short = { floor: "floor", widget: "widget", widgetNoIntro: "widget no intro", surveyjs: "SurveyJS", formbricks: "Formbricks" };

/**
 * Issue 23's goals beside this run's medians, one line each: met, or short by how much. Reported,
 * never asserted.
 */
function goals(results, held) {
  const med = (subject, pick) =>
    results[subject]?.length ? median(results[subject].map(pick).filter((x) => x !== null && x !== undefined)) : null;
  const verdict = (value, limit, format) =>
    value === null || limit === null ? "n/a" : value <= limit ? "met" : `short by ${format(value - limit)}`;
  const lines = [];
  const gzip = (r) => r.bytesFirst.gzip;
  const sjs = med("surveyjs", gzip);
  const fb = med("formbricks", gzip);
  for (const w of ["widget", "widgetNoIntro"]) {
    const bytes = med(w, gzip);
    if (bytes === null) continue;
    const k = (x) => `${kib(x)} KiB`;
    lines.push(
      `- ${SUBJECTS[w].label}: bytes before first answer ${k(bytes)} gzip: ` +
        `at most 0.04× SurveyJS (${sjs === null ? "n/a" : k(0.04 * sjs)}): ${verdict(bytes, sjs && 0.04 * sjs, k)}; ` +
        `at most a third of Formbricks (${fb === null ? "n/a" : k(fb / 3)}): ${verdict(bytes, fb && fb / 3, k)}; ` +
        `moonshot 10 KiB: ${verdict(bytes, 10 * 1024, k)}.`,
    );
    const needed = held[w]?.answeredWhileHeld ? held[w].bytesFirst.gzip : null;
    lines.push(
      `- ${SUBJECTS[w].label}, wasm held back: ` +
        (needed === null
          ? "no clickable answer without the wasm: the first screen needs it (see above)."
          : `bytes before first answer ${k(needed)} gzip: at most 0.04× SurveyJS: ${verdict(needed, sjs && 0.04 * sjs, k)}; ` +
            `at most a third of Formbricks: ${verdict(needed, fb && fb / 3, k)}; moonshot 10 KiB: ${verdict(needed, 10 * 1024, k)}.`),
    );
    const floor = med("floor", (r) => r.answer);
    const answer = med(w, (r) => r.answer);
    const ratio = floor && answer !== null ? answer / floor : null;
    const x = (v) => `${v.toFixed(2)}×`;
    lines.push(
      `- ${SUBJECTS[w].label}: first answer clickable at ${ratio === null ? "n/a" : x(ratio)} the floor: ` +
        `goal 1.3×: ${verdict(ratio, 1.3, x)}; moonshot 1.1×: ${verdict(ratio, 1.1, x)}.`,
    );
    for (const [label, pick] of [
      ["at first answer (widget: once ready)", (r) => r.heapFirst],
      ["at end screen", (r) => r.heapEnd],
    ]) {
      const heap = med(w, pick);
      const base = med("floor", pick);
      const hr = heap !== null && base ? heap / base : null;
      lines.push(
        `- ${SUBJECTS[w].label}: JS heap after GC ${label} ${hr === null ? "n/a" : x(hr)} the floor: ` +
          `goal 2×: ${verdict(hr, 2, x)}.`,
      );
    }
  }
  return lines;
}

/** One line per widget variant from its load with the wasm held back. */
function heldLines(held) {
  return Object.entries(held).map(([subject, r]) => {
    if (!r.answeredWhileHeld) {
      return `- ${SUBJECTS[subject].label}: no clickable answer within ${HOLD_MS / 1000} s without the wasm (the first screen waits for it).`;
    }
    const b = r.bytesFirst;
    return (
      `- ${SUBJECTS[subject].label}: first answer clickable at ${ms(r.answer)} ms without any wasm; ` +
      `${b.requests} response(s) before it (${r.urlsFirst.map((u) => `\`${u}\``).join(", ")}): ` +
      `${kib(b.raw)} KiB raw, ${kib(b.gzip)} KiB gzip -9, ${kib(b.brotli)} KiB brotli 11.`
    );
  });
}

function table(results) {
  const head = ["metric", ...ORDER.map((s) => SUBJECTS[s].label), ...RATIOS.map(([a, b]) => `${short[a]} / ${short[b]}`)];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i ? "---:" : "---")).join("|")}|`];
  for (const [label, pick, format] of ROWS) {
    const cells = [label];
    const medians = {};
    for (const subject of ORDER) {
      const values = results[subject].map(pick).filter((x) => x !== null && x !== undefined);
      if (!values.length) {
        cells.push("n/a");
        continue;
      }
      medians[subject] = median(values);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      cells.push(lo === hi ? format(lo) : `${format(medians[subject])} (${format(lo)}–${format(hi)})`);
    }
    for (const [widget, other] of RATIOS) {
      const a = medians[widget];
      const b = medians[other];
      cells.push(a !== undefined && b !== undefined && b !== 0 ? `${(a / b).toFixed(2)}×` : "n/a");
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** Question and answer texts of the widget's English catalog that floor.html, surveyjs.js or
 *  formbricks.js no longer carry word for word: all must ask the same thing to be comparable. */
async function drift() {
  const catalog = await readFile(join(ROOT, "src/core/locales/en.txt"), "utf8");
  const texts = [...catalog.matchAll(/^q\.[a-z.0-9]+ = (.*)$/gm)].map((m) => m[1].trim());
  const missing = [];
  for (const file of ["tests/bench/floor.html", "tests/bench/surveyjs.js", "tests/bench/formbricks.js"]) {
    const page = await readFile(join(ROOT, file), "utf8");
    const lost = texts.filter((t) => !page.includes(t));
    if (lost.length) missing.push(`${file} lacks ${lost.length} catalog text(s), e.g. "${lost[0]}"`);
  }
  return missing;
}

async function main() {
  for (const needed of [
    ...(ORDER.some((s) => SUBJECTS[s].wasm) ? ["pkg/embed.js"] : []),
    "tests/bench/node_modules/survey-js-ui/survey-js-ui.min.js",
    "tests/bench/node_modules/@formbricks/surveys/dist/index.umd.js",
  ]) {
    await access(join(ROOT, needed)).catch(() => {
      throw new Error(`${needed} is missing: run \`make build\` and \`cd tests/bench && npm ci\` first`);
    });
  }
  const server = await startServer();
  const browser = await launch();
  const results = Object.fromEntries(ORDER.map((s) => [s, []]));
  const problems = new Set(await drift());
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      // Round 0 warms up Chromium, the server and the file cache; its numbers are dropped.
      const order = ORDER.map((_, i) => ORDER[(i + round) % ORDER.length]);
      process.stderr.write(`${round ? `round ${round}/${ROUNDS}` : "warm-up"}: ${order.join(", ")}\n`);
      for (const subject of order) {
        const result = await runOnce(browser, server, subject);
        for (const p of result.problems) problems.add(`${subject}: ${p}`);
        if (round) results[subject].push(result);
      }
    }
    // One more load of each widget variant with its wasm held back: the first screen's own bytes.
    const held = {};
    for (const subject of ORDER.filter((s) => SUBJECTS[s].wasm)) {
      process.stderr.write(`wasm held back: ${subject}\n`);
      held[subject] = await runOnce(browser, server, subject, { holdWasm: true });
      for (const p of held[subject].problems) problems.add(`${subject} (wasm held back): ${p}`);
    }
    const version = browser.version();
    const env = ["ROUNDS", "ONLY"].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
    const command = `cd tests/bench && node first_paint.mjs${env.length ? ` (${env.join(" ")})` : ""}`;
    const advance = (s) =>
      !results[s]?.length ? "n/a" : results[s].every((r) => r.pickMoves) ? "the pick" : "Next, pressed right after the pick";
    const { devDependencies: pins } = JSON.parse(await readFile(join(ROOT, "tests/bench/package.json"), "utf8"));
    const notes = [
      `Date: ${new Date().toISOString()}; ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? "?"}); ` +
        `Chromium ${version} headless; Node ${process.versions.node}; ${ROUNDS} rounds after one warm-up, ` +
        `each loading the ${ORDER.length} pages in rotating order, each load in a fresh context (cold cache). ` +
        `SurveyJS ${pins["survey-js-ui"]}, @formbricks/surveys ${pins["@formbricks/surveys"]}.`,
      `Command: \`${command}\` (or \`make bench\`).`,
      "",
      table(results),
      "",
      "With every `.wasm` response held back until the first answer is clickable (one more load of each " +
        "widget variant after the rounds): what the first screen itself needs.",
      ...heldLines(held),
      "",
      "Against issue 23's goals (medians of this run; reported, not asserted):",
      ...goals(results, held),
      "",
      "Median (min–max) over the rounds; ratios are of the medians.",
      "- Pages: the floor (a plain form, `floor.html`), the widget embedded with the README's two lines " +
        "(`widget.html`, opens on its intro) and with `data-show-intro=\"false\"` (`widget_no_intro.html`, " +
        "opens on the first question), SurveyJS (`surveyjs.html`) and Formbricks' renderer " +
        "(`formbricks.html`, its UMD build, `renderSurveyInline`), all with the same 12 questions.",
      "- Times are page-side `performance.now()` since navigation start, stamped by a MutationObserver " +
        "when the state is in the DOM (not when it is painted); first contentful paint is Chromium's paint timing.",
      "- A first answer is clickable when a radio input is in the DOM (the widget's: in its open shadow " +
        "root), enabled (`:disabled` does not match) and visible, whoever drew it: embed.js before the wasm " +
        "arrives, or the wasm. With its intro on, the script presses Start the instant it is clickable, so " +
        "the widget's first answer includes one instant click (no human reaction time).",
      "- Widget ready is when `ai-readiness:ready` reaches a capturing listener on the document: the wasm " +
        "took over. The widget is answered (and its heap taken) only after that.",
      "- Bytes are response bodies as served (the local server does not compress); gzip -9 and brotli 11 " +
        "are computed per response in Node. Before first answer (and before widget ready): only responses " +
        "whose resource-timing `responseEnd` is at or before that moment; a response still arriving then " +
        "counts for nothing. On this unthrottled loopback a response the page fetches in parallel (the widget's " +
        "wasm) can finish before the first answer even when the first screen does not wait for it, so that " +
        "figure can swing between rounds; the load with the wasm held back shows what the first screen needs. " +
        "After all 12: every response, once the network is quiet on the end screen.",
      "- Answering uses Playwright clicks on the answer labels (driver round trips included, the same for " +
        "all): pick, then Next at once if the pick has not moved on by the next frame, so a pause " +
        "before an auto-advance is not counted. Click to next question: from the click that moved on " +
        `(floor: ${advance("floor")}; widget: ${advance("widget")}; SurveyJS: ${advance("surveyjs")}; ` +
        `Formbricks: ${advance("formbricks")}) to the next question in the DOM.`,
      "- JS heap: `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage` (CDP). Wasm memory: the byte " +
        "length of every WebAssembly.Memory the page instantiated, not part of the JS heap (0: none yet).",
      "- SurveyJS uses its fontless default theme, so no web font is fetched from the internet; Formbricks " +
        "injects its stylesheet from its script and uses system fonts.",
    ];
    if (problems.size) notes.push("", "Seen during the run:", ...[...problems].map((p) => `- ${p}`));
    const text = notes.join("\n");
    process.stdout.write(`${text}\n`);
    await mkdir(join(ROOT, "target", "bench"), { recursive: true });
    await writeFile(OUT, `${text}\n`);
    process.stderr.write(`written to ${OUT}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`first_paint: ${error.message}`);
  process.exitCode = 1;
});
