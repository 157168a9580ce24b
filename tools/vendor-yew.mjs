// Yew is carried as upstream plus a patch (vendor/PATCHED.md says why and how to update):
// vendor/yew is the published yew crate, unpacked as crates.io ships it, with vendor/yew.patch
// applied, and nothing else. Cargo.toml's `[patch.crates-io]` builds the widget against it.
//
//   node tools/vendor-yew.mjs          write vendor/yew from the published crate and the patch
//                                      (`make vendor`); hunks that no longer apply are left
//                                      beside their files as .rej, for you to resolve
//   node tools/vendor-yew.mjs check    fail unless vendor/yew is exactly that (`make lint`)
//   node tools/vendor-yew.mjs diff     write vendor/yew.patch from vendor/yew's changes against
//                                      the published crate (after resolving, or a deliberate edit)
//
// The published crate comes through cargo, the only way this project reaches crates.io: a
// throwaway manifest that depends on `yew = "=VERSION"` (without our patch) is fetched, and the
// `.crate` file cargo keeps in its registry cache is unpacked after checking it against the
// checksum cargo wrote into that manifest's Cargo.lock. Needs cargo, git and tar; Node 20+, no
// packages.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The published Yew the patch applies to. Updating starts here (vendor/PATCHED.md). */
const VERSION = "0.23.0";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TREE = join(ROOT, "vendor", "yew");
const PATCH = join(ROOT, "vendor", "yew.patch");
const SHOWN = (path) => relative(ROOT, path);

class VendorError extends Error {}

/** Runs a command; returns its stdout, or throws with its stderr unless `ok` accepts the code. */
function run(command, args, { cwd, ok = (code) => code === 0, input } = {}) {
  const result = spawnSync(command, args, { cwd, input, encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.error) throw new VendorError(`cannot run ${command}: ${result.error.message}`);
  if (!ok(result.status)) {
    throw new VendorError(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stderr.trim()}`);
  }
  return result.stdout;
}

/** The published `.crate` file: fetched through cargo, checked against the registry's checksum. */
function publishedCrate(scratch) {
  const manifest = join(scratch, "fetch");
  mkdirSync(join(manifest, "src"), { recursive: true });
  writeFileSync(join(manifest, "src", "lib.rs"), "");
  writeFileSync(join(manifest, "Cargo.toml"), [
    "[package]", 'name = "fetch-published-yew"', 'version = "0.0.0"', 'edition = "2021"',
    "[dependencies]", `yew = "=${VERSION}"`,
    "# Its own workspace: nothing around the temp folder applies.", "[workspace]", "",
  ].join("\n"));
  run("cargo", ["fetch", "--quiet"], { cwd: manifest });

  const lock = readFileSync(join(manifest, "Cargo.lock"), "utf8");
  const entry = lock.split("[[package]]").find((p) => p.includes('name = "yew"\n') && p.includes(`version = "${VERSION}"\n`));
  const checksum = entry?.match(/^checksum = "([0-9a-f]{64})"$/m)?.[1];
  if (!checksum) throw new VendorError(`Cargo.lock of the fetch has no checksum for yew ${VERSION}; is crates.io replaced by another source?`);

  const cache = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "registry", "cache");
  const file = `yew-${VERSION}.crate`;
  const found = existsSync(cache) ? readdirSync(cache).map((index) => join(cache, index, file)).filter(existsSync) : [];
  const crate = found.find((path) => createHash("sha256").update(readFileSync(path)).digest("hex") === checksum);
  if (!crate) {
    throw new VendorError(`no ${file} with the registry's checksum ${checksum} in ${cache}` +
      (found.length ? ` (${found.join(", ")} differ)` : ""));
  }
  return crate;
}

/** Unpacks the published crate into `scratch` and returns its folder, as crates.io ships it. */
function unpackPublished(scratch) {
  const crate = publishedCrate(scratch);
  const into = join(scratch, "published");
  mkdirSync(into);
  run("tar", ["-xzf", crate, "-C", into]);
  return join(into, `yew-${VERSION}`);
}

/** Applies vendor/yew.patch inside `dir`; with `reject`, applies what it can and leaves .rej files. */
function applyPatch(dir, { reject = false } = {}) {
  // Outside any repository `git apply` works like `patch -p1`, but refuses fuzz: a hunk applies
  // exactly or not at all.
  const args = ["apply", "--whitespace=nowarn", ...(reject ? ["--reject"] : []), PATCH];
  const result = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  if (result.error) throw new VendorError(`cannot run git: ${result.error.message}`);
  return result.status === 0 ? null : result.stderr.trim();
}

/** Every file below `dir`, as sorted paths relative to it. */
function filesBelow(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** The published crate with the patch applied, in `scratch`; throws when the patch does not apply. */
function expectedTree(scratch) {
  const dir = unpackPublished(scratch);
  const failure = applyPatch(dir);
  if (failure) {
    throw new VendorError(`${SHOWN(PATCH)} does not apply to yew ${VERSION}:\n${failure}\n` +
      "run `node tools/vendor-yew.mjs` to get the hunks that fail as .rej files in vendor/yew");
  }
  return dir;
}

function write(scratch) {
  const dir = unpackPublished(scratch);
  const failure = applyPatch(dir, { reject: true });
  rmSync(TREE, { recursive: true, force: true });
  cpSync(dir, TREE, { recursive: true });
  if (failure) {
    const rejects = filesBelow(TREE).filter((path) => path.endsWith(".rej"));
    throw new VendorError(`wrote ${SHOWN(TREE)}, but part of ${SHOWN(PATCH)} does not apply to yew ${VERSION}:\n${failure}\n` +
      `resolve ${rejects.map((path) => join(SHOWN(TREE), path)).join(", ") || "the hunks above"} by editing the files ` +
      "(delete the .rej files), then run `node tools/vendor-yew.mjs diff`");
  }
  console.log(`vendor-yew: wrote ${SHOWN(TREE)}: yew ${VERSION} as published, with ${SHOWN(PATCH)}`);
}

function check(scratch) {
  const expected = expectedTree(scratch);
  const want = filesBelow(expected);
  const have = existsSync(TREE) ? filesBelow(TREE) : [];
  const problems = [
    ...want.filter((path) => !have.includes(path)).map((path) => `missing: ${path}`),
    ...have.filter((path) => !want.includes(path)).map((path) => `not in the crate or the patch: ${path}`),
    ...want.filter((path) => have.includes(path) && !readFileSync(join(expected, path)).equals(readFileSync(join(TREE, path))))
      .map((path) => `changed: ${path}`),
  ];
  if (problems.length === 0) {
    console.log(`vendor-yew: ${SHOWN(TREE)} is yew ${VERSION} as published plus ${SHOWN(PATCH)} (${want.length} files)`);
    return;
  }
  // What changed, as a/ (published plus patch) against b/ (vendor/yew), for the first few lines.
  const changes = want.filter((path) => problems.includes(`changed: ${path}`)).map((path) =>
    run("git", ["diff", "--no-index", "--no-color", "--no-ext-diff", "-U1", join(expected, path), join(TREE, path)], { ok: (code) => code <= 1 })
      .replaceAll(`${expected.slice(1)}/`, "").replaceAll(`${TREE.slice(1)}/`, "")).join("").split("\n");
  const shown = changes.length > 40 ? [...changes.slice(0, 40), `… ${changes.length - 40} more lines`] : changes;
  throw new VendorError(`${SHOWN(TREE)} is not yew ${VERSION} as published plus ${SHOWN(PATCH)}:\n` +
    problems.map((line) => `  ${line}`).join("\n") + `\n${shown.join("\n").trimEnd()}\n` +
    "vendor/yew is generated: to change Yew, edit it and record the change with `node tools/vendor-yew.mjs diff` " +
    "(the patch is what is reviewed); to undo an edit, run `node tools/vendor-yew.mjs`");
}

function diff(scratch) {
  const leftovers = filesBelow(TREE).filter((path) => path.endsWith(".rej"));
  if (leftovers.length) throw new VendorError(`resolve and delete ${leftovers.join(", ")} in ${SHOWN(TREE)} first`);
  // `a` and `b` side by side, so the patch names `a/src/…` and `b/src/…` and applies with -p1.
  cpSync(unpackPublished(scratch), join(scratch, "a"), { recursive: true });
  cpSync(TREE, join(scratch, "b"), { recursive: true });
  const patch = run("git", [
    "-c", "core.quotePath=false", "diff", "--no-index", "--no-color", "--no-ext-diff", "--no-textconv",
    "--no-renames", "--full-index", "--diff-algorithm=myers", "--no-prefix", "a", "b",
  ], { cwd: scratch, ok: (code) => code <= 1 });
  writeFileSync(PATCH, patch);
  const files = patch.match(/^diff --git /gm)?.length ?? 0;
  console.log(`vendor-yew: wrote ${SHOWN(PATCH)}: ${files} file${files === 1 ? "" : "s"} changed against yew ${VERSION}`);
}

const MODES = { write, check, diff };
const mode = process.argv[2] ?? "write";
if (!(mode in MODES) || process.argv.length > 3) {
  console.error("usage: node tools/vendor-yew.mjs [write|check|diff]");
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), "vendor-yew-"));
try {
  MODES[mode](scratch);
} catch (error) {
  if (!(error instanceof VendorError)) throw error;
  console.error(`vendor-yew: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
