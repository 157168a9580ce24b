// Prints what each visitor's path downloads, raw, gzip and brotli, and fails when a path exceeds
// its gzip budget. Paths, each on top of the one before:
//   (0) first screen: embed.js alone, which draws the intro and the first question in every
//       language and voice before anything else is fetched, and takes the visitor's first
//       answers (at most 16 KB, the first-screen issue's ceiling, in every language: they all
//       travel in this one file);
//   (a) the widget running: embed.js, the JS glue, the chunk loader and the main wasm (English and
//       the stylesheet are compiled in);
//   (b) through the result: (a) plus the result screen's chunk and the chunks it shares;
//   (c) team view: (b) plus the team view's chunk;
//   (d) each language but English: its catalog, on top of any path;
//   (e) delivery: (a) plus what sends results to the host's `submitUrl`, fetched when a widget
//       with `submitUrl` mounts (never without it);
//   (f) lead form: (b) plus the form, fetched with the result when the host set `lead`;
//   (g) self perspective: (a) plus the first-person texts, fetched when a widget with
//       `perspective: "self"` mounts; in another language also its `<tag>.self.txt`.
// Which chunks a part needs is read from the loader wasm-split-cli wrote (target/split).
// Budgets are per release toolchain (target/release-toolchain, written by `make build`): the
// pinned nightly's build is the one shipped; the stable fallback is a few KB larger.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const KB = 1024;
/** Gzip budgets in bytes, per toolchain: the first screen's 16 KB is the first-screen issue's
 *  ceiling; every later path has what it measured with at least 1 KB of room, so layout noise in
 *  an unrelated change cannot fail `make test`. */
const BUDGETS = {
  nightly: { screen: 16 * KB, first: 130 * KB, result: 164 * KB, team: 210.5 * KB, language: 13 * KB, delivery: 147 * KB, lead: 181 * KB, self: 136.5 * KB, languageSelf: 5.5 * KB },
  stable: { screen: 16 * KB, first: 145.5 * KB, result: 181 * KB, team: 233 * KB, language: 13.5 * KB, delivery: 162 * KB, lead: 197.5 * KB, self: 152.5 * KB, languageSelf: 5.5 * KB },
};
const toolchain = readFileSync("target/release-toolchain", "utf8").trim();
const BUDGET = BUDGETS[toolchain];
if (!BUDGET) throw new Error(`size.mjs: unknown release toolchain "${toolchain}" in target/release-toolchain`);
console.log(`release wasm built with ${toolchain}${toolchain === "stable" ? " (the fallback: budgets for stable)" : ""}\n`);

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const measure = (file) => {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero = { raw: 0, gzip: 0, brotli: 0 };
const row = (name, m, extra = "") =>
  console.log(`${name.padEnd(30)}  ${kb(m.raw).padEnd(9)}  ${kb(m.gzip).padEnd(9)}  ${kb(m.brotli).padEnd(9)}  ${extra}`);

/** Chunk files each split part needs, from `export const __wasm_split_load_<part> = …`. */
function partFiles() {
  const loader = readFileSync("target/split/__wasm_split.js", "utf8");
  const shared = new Map();
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"/g)) {
    shared.set(m[1], m[2]);
  }
  const parts = new Map();
  const exports = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g;
  for (const m of loader.matchAll(exports)) {
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean).map((d) => shared.get(d));
    if (deps.includes(undefined)) throw new Error(`size.mjs: unknown chunk among ${m[3]}`);
    parts.set(m[1], [...deps, m[2]]);
  }
  for (const part of ["result", "team", "delivery", "lead", "voice"]) {
    if (!parts.has(part)) throw new Error(`size.mjs: target/split/__wasm_split.js has no loader for the ${part} part`);
  }
  return parts;
}

const parts = partFiles();
const paths = [
  ["screen", "first screen (every language)", ["embed.js"]],
  ["first", "widget running (English)", ["embed.js", "ai_readiness.js", "__wasm_split.js", "ai_readiness_bg.wasm"]],
  ["result", "through the result", parts.get("result")],
  ["team", "team view", parts.get("team")],
];

console.log(`${"file".padEnd(30)}  ${"raw".padEnd(9)}  ${"gzip".padEnd(9)}  ${"brotli".padEnd(9)}  path total gzip (budget)`);
const seen = new Set();
const failures = [];
let total = zero;
const report = {};
for (const [id, label, files] of paths) {
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    const m = measure(`pkg/${file}`);
    total = add(total, m);
    row(`pkg/${file}`, m);
  }
  report[id] = total;
  const share = (total.gzip / BUDGET[id]).toFixed(2);
  row(`= ${label}`, total, `${kb(total.gzip)} gzip = ${share} of ${kb(BUDGET[id])}`);
  if (total.gzip > BUDGET[id]) failures.push(`${label}: ${kb(total.gzip)} gzip > budget ${kb(BUDGET[id])}`);
}

// Parts only some hosts turn on, each its own path on top of the one it follows: delivery
// (`submitUrl`) from the first question, the lead form (`lead`) with the result.
for (const [id, part, base, label] of [
  ["delivery", "delivery", "first", "first question + delivery"],
  ["lead", "lead", "result", "result + lead form"],
  ["self", "voice", "first", "first question, self perspective"],
]) {
  const baseFiles = new Set(paths.slice(0, paths.findIndex((p) => p[0] === base) + 1).flatMap((p) => p[2]));
  let total = report[base];
  for (const file of parts.get(part)) {
    if (baseFiles.has(file)) continue;
    const m = measure(`pkg/${file}`);
    total = add(total, m);
    seen.add(file);
    row(`pkg/${file}`, m, id);
  }
  report[id] = total;
  const share = (total.gzip / BUDGET[id]).toFixed(2);
  row(`= ${label}`, total, `${kb(total.gzip)} gzip = ${share} of ${kb(BUDGET[id])}`);
  if (total.gzip > BUDGET[id]) failures.push(`${label}: ${kb(total.gzip)} gzip > budget ${kb(BUDGET[id])}`);
}

// Each language but English (compiled in) adds one catalog and the catalog reader's chunk,
// fetched only by its visitors.
let reader = zero;
for (const file of parts.get("language") ?? []) {
  const m = measure(`pkg/${file}`);
  reader = add(reader, m);
  seen.add(file);
  row(`pkg/${file}`, m, "the catalog reader, for every language but English");
}
console.log("\nlanguage file                    raw        gzip       brotli     extra with the reader (budget), first question + extra, gzip");
for (const name of readdirSync("pkg/locales").sort()) {
  const m = measure(`pkg/locales/${name}`);
  // A self file comes on top of its language's catalog and the reader.
  const own = name.endsWith(".self.txt");
  const extra = own ? m.gzip : m.gzip + reader.gzip;
  const budget = own ? BUDGET.languageSelf : BUDGET.language;
  row(`pkg/locales/${name}`, m, `${kb(extra)} (${kb(budget)}), ${kb(report[own ? "self" : "first"].gzip + extra)}`);
  if (extra > budget) failures.push(`language ${name}: ${kb(extra)} gzip${own ? "" : " with the catalog reader"} > budget ${kb(budget)}`);
}

const stray = readdirSync("pkg").filter((f) => f.endsWith(".wasm") && !seen.has(f));
if (stray.length) failures.push(`pkg/ holds wasm that no path loads: ${stray.join(", ")}`);

if (failures.length) {
  console.error(`\nsize budget exceeded:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("\nsize budgets: every path within its budget");
