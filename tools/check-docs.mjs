// Checks the Markdown documentation against itself and against the code (`make docs-check`, part
// of `make test`):
// - every relative link in README.md, ARCHITECTURE.md, CONTRIBUTING.md and docs/src/**/*.md leads
//   to a file that exists, and a `#fragment` into a Markdown file to one of its headings, by the
//   slug rules of GitHub and of mdBook (a book page's fragment must mean the same heading in both);
// - a book page links only within docs/src (mdBook copies nothing else), and SUMMARY.md lists
//   every page;
// - every config key in `KEYS` (src/core/config.rs) has a row in docs/src/configuration.md's key
//   table, and every row names a key in `KEYS`;
// - every event the code dispatches (`ai-readiness:<name>` in src/core/events.rs, src/embed/*.rs
//   and src/embed/embed.js) has a row in docs/src/events.md's event table, and every row names one.
// Usage: node tools/check-docs.mjs [repository root]. Prints each problem and exits 1 if any.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const BOOK = join(ROOT, "docs", "src");
const CONFIG_PAGE = join(BOOK, "configuration.md");
const EVENTS_PAGE = join(BOOK, "events.md");
const problems = [];
const problem = (file, message) => problems.push(`${relative(ROOT, file)}: ${message}`);
const read = (file) => readFileSync(file, "utf8");

/** Markdown files under `dir`, recursively. */
function markdownUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

/** The lines of a Markdown text outside fenced code blocks, with their 1-based numbers. */
function proseLines(text) {
  const out = [];
  let fence = null;
  text.split("\n").forEach((line, i) => {
    const marker = line.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (marker) {
      if (!fence) fence = marker[1];
      else if (marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = null;
      return;
    }
    if (!fence) out.push({ line, number: i + 1 });
  });
  return out;
}

/** A prose text without its code spans (links inside them are examples, not links). */
const withoutCode = (text) => text.replace(/(`+)[\s\S]*?\1/g, "");

/** Link targets in a Markdown text: inline links and images, reference definitions, and the
 *  `href`/`src` of HTML tags, each with its line number. Inline links may wrap over lines. */
function links(text) {
  const prose = proseLines(text);
  const found = [];
  // Join prose so that a link whose text wraps over a line break is still seen; keep a map from
  // offsets back to line numbers.
  let joined = "";
  const starts = [];
  for (const { line, number } of prose) {
    starts.push([joined.length, number]);
    joined += line + "\n";
  }
  const lineAt = (offset) => {
    let number = 1;
    for (const [start, n] of starts) if (start <= offset) number = n;
    return number;
  };
  const stripped = joined.replace(/(`+)[\s\S]*?\1/g, (code) => " ".repeat(code.length));
  for (const m of stripped.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
    found.push({ target: m[1], number: lineAt(m.index) });
  }
  for (const m of stripped.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) {
    found.push({ target: m[1], number: lineAt(m.index) });
  }
  for (const m of stripped.matchAll(/<(?:a|img)\s[^>]*?\b(?:href|src)="([^"]*)"/g)) {
    found.push({ target: m[1], number: lineAt(m.index) });
  }
  return found;
}

/** A heading's text as rendered: code spans keep their content; link, image and emphasis
 *  markup and HTML tags go. */
function headingText(raw) {
  return raw
    .split(/(`+[^`]*`+)/)
    .map((part) => {
      if (part.startsWith("`")) return part.replace(/^`+|`+$/g, "");
      return part
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/<[^>]+>/g, "")
        .replace(/[*~]/g, "")
        .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, "$1");
    })
    .join("")
    .trim();
}

/** GitHub's heading anchor: lowercased; letters, numbers, `_` and `-` kept; spaces to `-`. */
const githubSlug = (text) =>
  text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");

/** mdBook's (`normalize_id`): alphanumerics, `_` and `-` kept (ASCII lowercased), whitespace to
 *  `-`, everything else dropped. */
const mdbookSlug = (text) =>
  [...text]
    .map((c) => (/[\p{L}\p{N}_-]/u.test(c) ? c.replace(/[A-Z]/, (u) => u.toLowerCase()) : /\s/.test(c) ? "-" : ""))
    .join("");

/** The anchors of a Markdown file's headings, numbered as both renderers number repeats. */
const anchorCache = new Map();
function anchors(file) {
  if (anchorCache.has(file)) return anchorCache.get(file);
  const result = { github: new Set(), mdbook: new Set() };
  const seen = { github: new Map(), mdbook: new Map() };
  const prose = proseLines(read(file));
  prose.forEach(({ line }, i) => {
    let raw = line.match(/^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/)?.[1];
    const next = prose[i + 1]?.line;
    if (raw === undefined && line.trim() && next !== undefined && /^ {0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*|]/.test(line)) {
      raw = line.trim(); // a setext heading
    }
    if (raw === undefined) return;
    const text = headingText(raw);
    for (const [kind, slug] of [["github", githubSlug(text)], ["mdbook", mdbookSlug(text)]]) {
      const count = seen[kind].get(slug) ?? 0;
      seen[kind].set(slug, count + 1);
      result[kind].add(count ? `${slug}-${count}` : slug);
    }
  });
  anchorCache.set(file, result);
  return result;
}

const inBook = (file) => file === BOOK || file.startsWith(BOOK + sep);

function checkLinks(file) {
  let count = 0;
  for (const { target, number } of links(read(file))) {
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
    count++;
    const [pathPart, fragment] = target.split("#", 2);
    const path = decodeURIComponent(pathPart.split("?")[0]);
    const dest = path ? resolve(dirname(file), path) : file;
    const where = `line ${number}: link to ${target}`;
    if (!existsSync(dest)) {
      problem(file, `${where}: no such file`);
      continue;
    }
    if (inBook(file) && !inBook(dest)) {
      problem(file, `${where}: a book page may link only within docs/src (mdBook copies nothing else)`);
      continue;
    }
    if (fragment === undefined || !dest.endsWith(".md") || statSync(dest).isDirectory()) continue;
    const known = anchors(dest);
    const slug = decodeURIComponent(fragment);
    if (!known.github.has(slug)) {
      problem(file, `${where}: ${relative(ROOT, dest)} has no heading with the anchor #${slug}`);
    } else if (inBook(dest) && !known.mdbook.has(slug)) {
      problem(file, `${where}: #${slug} is GitHub's anchor, but mdBook names that heading differently`);
    }
  }
  return count;
}

/** The string literals of `pub const KEYS: [&str; N] = [ … ];` in src/core/config.rs. */
function configKeys() {
  const file = join(ROOT, "src", "core", "config.rs");
  const list = read(file).match(/pub const KEYS: \[&str; \d+\] = \[([\s\S]*?)\];/);
  if (!list) {
    problem(file, "no `pub const KEYS: [&str; N] = [...]` found; update tools/check-docs.mjs to read the keys");
    return [];
  }
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/** Every event name the code dispatches: the `ai-readiness:<name>` constants and match arms of
 *  the Rust sources, and `embed.js`'s exported `EVENTS` (forwarded to the dataLayer). */
function eventNames() {
  const names = new Set();
  const rust = [join(ROOT, "src", "core", "events.rs"), ...readdirSync(join(ROOT, "src", "embed")).filter((f) => f.endsWith(".rs")).map((f) => join(ROOT, "src", "embed", f))];
  for (const file of rust) {
    for (const m of read(file).matchAll(/(?:const [A-Z_]+: &str = |=> )"ai-readiness:([a-z-]+)"/g)) names.add(m[1]);
  }
  const embed = join(ROOT, "src", "embed", "embed.js");
  // `embed.js` exports the list every script uses (`EVENTS`), and forwards each to the dataLayer.
  const forwarded = read(embed).match(/export const EVENTS = \[([^\]]*)\];/);
  if (!forwarded) problem(embed, "the exported EVENTS list was not found; update tools/check-docs.mjs to read it");
  else for (const m of forwarded[1].matchAll(/"([a-z-]+)"/g)) names.add(m[1]);
  if (names.size === 0) problem(join(ROOT, "src", "core", "events.rs"), "no event names found; update tools/check-docs.mjs to read them");
  return [...names];
}

/** The names in the first column of a page's tables whose first cell is `` `prefix<name>` ``. */
function tableNames(file, pattern) {
  const names = new Set();
  for (const { line } of proseLines(read(file))) {
    const m = line.match(pattern);
    if (m) names.add(m[1]);
  }
  return names;
}

function checkReference(file, what, inCode, pattern, written) {
  if (!existsSync(file)) {
    problem(file, "missing: the reference for " + what + " lives here");
    return;
  }
  const documented = tableNames(file, pattern);
  for (const name of inCode) {
    if (!documented.has(name)) problem(file, `the ${what} ${written(name)} is in the code but has no row in the table`);
  }
  for (const name of documented) {
    if (!inCode.includes(name)) problem(file, `the table has a row for ${written(name)}, which the code does not know`);
  }
}

const files = ["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md"].map((f) => join(ROOT, f));
for (const file of files) if (!existsSync(file)) problem(file, "missing");
const pages = existsSync(BOOK) ? markdownUnder(BOOK) : [];
if (!pages.length) problem(BOOK, "no book pages");
let linkCount = 0;
for (const file of [...files.filter(existsSync), ...pages]) linkCount += checkLinks(file);

const summary = join(BOOK, "SUMMARY.md");
if (existsSync(summary)) {
  const listed = new Set(links(read(summary)).map(({ target }) => resolve(BOOK, target.split("#")[0])));
  for (const page of pages) {
    if (page !== summary && !listed.has(page)) problem(page, "not listed in docs/src/SUMMARY.md, so the book leaves it out");
  }
} else if (pages.length) {
  problem(summary, "missing");
}

const keys = configKeys();
const events = eventNames();
checkReference(CONFIG_PAGE, "config key", keys, /^\| `([A-Za-z]+)` \|/, (k) => `\`${k}\``);
checkReference(EVENTS_PAGE, "event", events, /^\| `ai-readiness:([a-z-]+)` \|/, (e) => `\`ai-readiness:${e}\``);

if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`\ncheck-docs: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-docs: ${files.length + pages.length} files, ${linkCount} relative links, ${keys.length} config keys and ${events.length} events in the reference`);
