// Lighthouse benchmark (`make bench`): what the widget costs a host page, measured the way a
// marketer would, with Lighthouse's default mobile run (Moto G Power emulation, simulated
// throttling) on a blog article. Three pages that differ only in the README's two-line embed:
// the article without the widget (`article.html`), with the widget after its first paragraph, in
// the first screen (`article_widget_top.html`), and at its end, below the fold
// (`article_widget_bottom.html`). One interleaved run: one warm-up load, then ROUNDS rounds, each
// loading the three in rotating order, each load in a fresh Chromium (fresh profile, empty cache).
// It prints medians and the deltas against the article without the widget and writes them as
// Markdown to target/bench/lighthouse.md, and keeps the last round's reports as JSON in
// target/bench/lighthouse/. It asserts no timings; it fails only when Lighthouse cannot run.
import { createServer } from "node:http";
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import os from "node:os";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { TYPES } from "../e2e/harness.mjs";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const OUT = join(ROOT, "target", "bench", "lighthouse.md");
const REPORTS = join(ROOT, "target", "bench", "lighthouse");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu"];
// 5 rounds by default; fewer (ROUNDS=1) only to try the script out.
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 5));
// The server compresses as a host's usually does; GZIP=0 serves every file as it is on disk.
const GZIP = process.env.GZIP !== "0";

const PAGES = {
  article: { label: "article, no widget", url: "/tests/bench/article.html" },
  top: { label: "widget in the first screen", url: "/tests/bench/article_widget_top.html" },
  topBlocking: {
    label: 'first screen, script in the head with blocking="render"',
    url: "/tests/bench/article_widget_top_blocking.html",
  },
  bottom: { label: "widget below the fold", url: "/tests/bench/article_widget_bottom.html" },
};
const ORDER = Object.keys(PAGES);
// The README's embed, as the two pages with the widget carry it (the article itself must not
// differ between the three pages, or the deltas are not the widget's).
const SNIPPET = '\n    <div data-ai-readiness></div>\n    <script type="module" src="/pkg/embed.js"></script>\n';
// The README's advice for a widget in the first screen: the element where the widget goes, and
// its script in the head, render-blocking (which only the head allows), so the page is first
// painted with the widget's first screen already in place.
const HEAD_SCRIPT = '  <script type="module" blocking="render" src="/pkg/embed.js"></script>\n';
const SNIPPETS = {
  top: SNIPPET,
  bottom: SNIPPET,
  topBlocking: '\n    <div data-ai-readiness></div>\n',
};

/**
 * A static server for the repository root (so /pkg/ resolves) on 127.0.0.1 and a free port.
 * With GZIP, every response to a client that accepts gzip is sent gzip-compressed (level 6,
 * zlib's default, as nginx and most CDNs do by default for these types), wasm included.
 */
async function startServer() {
  const packed = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    const path = decodeURIComponent(url.pathname);
    const file = normalize(join(ROOT, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" };
    if (GZIP && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 6 }));
      body = packed.get(file);
      headers["content-encoding"] = "gzip";
      headers.vary = "accept-encoding";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Fails unless the two widget pages are the article plus exactly the snippet. */
async function checkPages() {
  const read = (key) => readFile(join(ROOT, PAGES[key].url), "utf8");
  // The head comment says which page it is; everything else must match.
  const plain = (html) => html.replace(/<!--[^]*?-->/, "").replace(SNIPPET, "");
  const article = plain(await read("article"));
  for (const key of ["top", "topBlocking", "bottom"]) {
    const html = await read(key);
    const head = key === "topBlocking" ? HEAD_SCRIPT : "";
    if (!html.includes(SNIPPETS[key]) || !html.includes(head)) throw new Error(`${PAGES[key].url} lacks the two-line embed`);
    if (html.replace(/<!--[^]*?-->/, "").replace(SNIPPETS[key], "").replace(head, "") !== article) {
      throw new Error(`${PAGES[key].url} is not article.html plus the embed`);
    }
  }
}

/** One Lighthouse run of one page in a fresh Chromium; the figures this benchmark reports. */
async function runOnce(server, key) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  try {
    const result = await lighthouse(server.base + PAGES[key].url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      // Its full-page screenshot resizes the viewport to the page's whole height at the end of
      // the run, which would bring a below-the-fold widget into view: this run never scrolls.
      disableFullPageScreenshot: true,
    });
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${PAGES[key].url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    const requests = lhr.audits["network-requests"]?.details?.items ?? [];
    const widget = requests.filter((r) => new URL(r.url).pathname.startsWith("/pkg/"));
    const sum = (items, field) => items.reduce((total, r) => total + (r[field] ?? 0), 0);
    return {
      report: result.report,
      warnings: lhr.runWarnings ?? [],
      version: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent,
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      score: lhr.categories.performance.score === null ? null : lhr.categories.performance.score * 100,
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      si: audit("speed-index"),
      weight: audit("total-byte-weight"),
      requests: requests.length,
      resource: sum(requests, "resourceSize"),
      widgetRequests: widget.length,
      widgetTransfer: sum(widget, "transferSize"),
      widgetResource: sum(widget, "resourceSize"),
      wasm: widget.some((r) => new URL(r.url).pathname.endsWith(".wasm")),
      widgetFiles: widget.map((r) => new URL(r.url).pathname.slice("/pkg/".length)),
    };
  } finally {
    await chrome.kill();
  }
}

function median(values) {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const whole = (x) => x.toFixed(0);
const seconds = (x) => (x / 1000).toFixed(2);
const three = (x) => x.toFixed(3);
const kib = (x) => (x / 1024).toFixed(1);
const signed = (format) => (x) => (x > 0 ? "+" : x < 0 ? "−" : "±") + format(Math.abs(x));

// One row per metric: label, the figure of a run, its format.
const ROWS = [
  ["Performance score", (r) => r.score, whole],
  ["First Contentful Paint (s)", (r) => r.fcp, seconds],
  ["Largest Contentful Paint (s)", (r) => r.lcp, seconds],
  ["Total Blocking Time (ms)", (r) => r.tbt, whole],
  ["Cumulative Layout Shift", (r) => r.cls, three],
  ["Speed Index (s)", (r) => r.si, seconds],
  ["Requests before scrolling", (r) => r.requests, whole],
  ["Bytes before scrolling, transferred (KiB; total-byte-weight)", (r) => r.weight, kib],
  ["Bytes before scrolling, uncompressed (KiB)", (r) => r.resource, kib],
  ["Widget requests before scrolling (/pkg/)", (r) => r.widgetRequests, whole],
  ["Widget bytes before scrolling, transferred (KiB)", (r) => r.widgetTransfer, kib],
  ["Widget bytes before scrolling, uncompressed (KiB)", (r) => r.widgetResource, kib],
];

function table(results) {
  const head = ["metric", PAGES.article.label, PAGES.top.label, "Δ first screen", PAGES.topBlocking.label, "Δ",
    PAGES.bottom.label, "Δ below the fold"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i ? "---:" : "---")).join("|")}|`];
  for (const [label, pick, format] of ROWS) {
    const cell = (key) => {
      const values = results[key].map(pick).filter((x) => x !== null && x !== undefined);
      if (!values.length) return { text: "n/a", median: null };
      const m = median(values);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      return { text: lo === hi ? format(lo) : `${format(m)} (${format(lo)}–${format(hi)})`, median: m };
    };
    const base = cell("article");
    const delta = (c) => (c.median === null || base.median === null ? "n/a" : signed(format)(c.median - base.median));
    const top = cell("top");
    const blocking = cell("topBlocking");
    const bottom = cell("bottom");
    lines.push(`| ${[label, base.text, top.text, delta(top), blocking.text, delta(blocking), bottom.text, delta(bottom)].join(" | ")} |`);
  }
  return lines.join("\n");
}

/**
 * Issue 23's goals beside this run's medians, one line each: met, or short by how much. Reported,
 * never asserted.
 */
function goals(results) {
  const med = (key, field) => median(results[key].map((r) => r[field]));
  const delta = (key, field) => {
    const a = med(key, field);
    const b = med("article", field);
    return a === null || b === null ? null : a - b;
  };
  // `value` at most `limit`, or by how much it is over.
  const verdict = (value, limit, format) =>
    value === null ? "n/a" : value <= limit ? "met" : `short by ${format(value - limit)}`;
  const points = (x) => `${whole(x)} point(s)`;
  const ms = (x) => `${whole(x)} ms`;
  const bytes = (x) => `${kib(x)} KiB`;
  const shown = (x, format) => (x === null ? "n/a" : signed(format)(x));
  const lost = (key) => {
    const d = delta(key, "score");
    return d === null ? null : -d;
  };
  return [
    `- First screen: score ${shown(delta("top", "score"), whole)} (goal: at most 2 points lost): ${verdict(lost("top"), 2, points)}; ` +
      `CLS ${shown(delta("top", "cls"), three)} (goal: at most +0.01): ${verdict(delta("top", "cls"), 0.01, three)}; ` +
      `TBT ${shown(delta("top", "tbt"), whole)} ms (goal: at most +50 ms): ${verdict(delta("top", "tbt"), 50, ms)}.`,
    `- First screen, blocking="render": score ${shown(delta("topBlocking", "score"), whole)}: ${verdict(lost("topBlocking"), 2, points)}; ` +
      `CLS ${shown(delta("topBlocking", "cls"), three)}: ${verdict(delta("topBlocking", "cls"), 0.01, three)}; ` +
      `TBT ${shown(delta("topBlocking", "tbt"), whole)} ms: ${verdict(delta("topBlocking", "tbt"), 50, ms)}.`,
    `- Below the fold: score ${shown(delta("bottom", "score"), whole)} (goal: none lost): ${verdict(lost("bottom"), 0, points)}; ` +
      `TBT ${shown(delta("bottom", "tbt"), whole)} ms (goal: +0): ${verdict(delta("bottom", "tbt"), 0, ms)}; ` +
      `CLS ${shown(delta("bottom", "cls"), three)} (goal: +0): ${verdict(delta("bottom", "cls"), 0, three)}; ` +
      `widget bytes before scrolling ${bytes(med("bottom", "widgetTransfer"))} transferred, ` +
      `${bytes(med("bottom", "widgetResource"))} uncompressed (goal: at most 15 KB, here taken as 15 KiB transferred): ` +
      `${verdict(med("bottom", "widgetTransfer"), 15 * 1024, bytes)}.`,
  ];
}

async function main() {
  await checkPages();
  await readFile(join(ROOT, "pkg", "embed.js")).catch(() => {
    throw new Error("pkg/embed.js is missing: run `make build` first");
  });
  const server = await startServer();
  const results = Object.fromEntries(ORDER.map((k) => [k, []]));
  const last = {};
  const warnings = new Set();
  try {
    // One load to warm the server, the file cache and Chromium's binary; its numbers are dropped.
    process.stderr.write("warm-up: article\n");
    await runOnce(server, "article");
    for (let round = 1; round <= ROUNDS; round++) {
      const order = ORDER.map((_, i) => ORDER[(i + round - 1) % ORDER.length]);
      process.stderr.write(`round ${round}/${ROUNDS}: ${order.join(", ")}\n`);
      for (const key of order) {
        const result = await runOnce(server, key);
        for (const w of result.warnings) warnings.add(`${key}: ${w}`);
        results[key].push(result);
        last[key] = result;
      }
    }
  } finally {
    await server.close();
  }

  await mkdir(REPORTS, { recursive: true });
  for (const key of ORDER) await writeFile(join(REPORTS, `${key}.json`), last[key].report);

  const any = last.article;
  const files = (key) => {
    const seen = [...new Set(results[key].flatMap((r) => r.widgetFiles))];
    const wasmRuns = results[key].filter((r) => r.wasm).length;
    return `${PAGES[key].label}: ${seen.length ? seen.map((f) => `\`${f}\``).join(", ") : "none"}; the wasm in ${wasmRuns} of ${results[key].length} runs`;
  };
  const command = `cd tests/bench && node lighthouse.mjs${process.env.ROUNDS ? ` (ROUNDS=${process.env.ROUNDS})` : ""}${GZIP ? "" : " (GZIP=0)"}`;
  const notes = [
    `Date: ${new Date().toISOString()}; ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? "?"}); ` +
      `Lighthouse ${any.version} on Node ${process.versions.node}; ${any.userAgent}; ` +
      `Lighthouse's CPU benchmark index (median) ${whole(median(ORDER.flatMap((k) => results[k].map((r) => r.benchmarkIndex))))}; ` +
      `${ROUNDS} rounds after one warm-up load, each loading the three pages in rotating order, each load in a fresh Chromium.`,
    `Command: \`${command}\` (or \`make bench\`).`,
    "",
    table(results),
    "",
    "Against issue 23's goals (deltas of medians of this run; reported, not asserted):",
    ...goals(results),
    "",
    "Median (min–max) over the rounds; a Δ is the page's median minus the median of the article without the widget.",
    "- Lighthouse's default run: performance category only, mobile form factor (Moto G Power emulation, " +
      "412×823 viewport), simulated throttling (150 ms RTT, 1.6 Mbit/s, 4× CPU slowdown), so LCP, TBT and " +
      "the score are Lighthouse's simulated figures; CLS is observed. Chromium flags: " +
      `\`${CHROME_FLAGS.join(" ")}\` (and chrome-launcher's defaults). Full-page screenshot off, so the page is never ` +
      "resized or scrolled. Simulated TBT scales the main-thread tasks Chromium really ran, so on a busy " +
      "shared machine it swings from run to run: read its min–max before its Δ.",
    "- The pages are one ~1,300-word article without images (`article.html`); the other two add the README's " +
      "two-line embed after the first paragraph (`article_widget_top.html`: its top about 680 px down the " +
      "823 px mobile screen) or at the end (`article_widget_bottom.html`: about 5,600 px down, seven screens). " +
      "The script checks that they differ by nothing else.",
    `- Served from the repository root by a Node static server on 127.0.0.1, ` +
      (GZIP
        ? "gzip on (level 6, every file, the wasm included, as `Content-Encoding: gzip`)."
        : "gzip off (every file as it is on disk)."),
    "- Bytes before scrolling: every request of Lighthouse's page load (its `network-requests` audit), which " +
      "never scrolls: transferred is `total-byte-weight` (compressed bodies plus headers), uncompressed is the " +
      "sum of `resourceSize`. Widget requests are those under `/pkg/`.",
    "- Widget files fetched before scrolling:",
    ...ORDER.filter((k) => k !== "article").map((k) => `  - ${files(k)}.`),
  ];
  if (warnings.size) notes.push("", "Lighthouse warnings during the run:", ...[...warnings].map((w) => `- ${w}`));
  const text = notes.join("\n");
  process.stdout.write(`${text}\n`);
  await mkdir(join(ROOT, "target", "bench"), { recursive: true });
  await writeFile(OUT, `${text}\n`);
  process.stderr.write(`written to ${OUT} (reports of the last round in ${REPORTS})\n`);
}

main().catch((error) => {
  console.error(`lighthouse: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
