// The distributable zip: its example page loads with Subresource Integrity enforced by the
// browser, and a tampered wasm is refused.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { ROOT, useBrowser, openPage, answerAll } from "./harness.mjs";

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];
const zip = join(ROOT, "dist", `ai-readiness-${version}.zip`);
const out = join(ROOT, "target", "dist-check");
const folder = `ai-readiness-${version}`;

const env = useBrowser();

/** Extracts the archive into `dir` as an unzip tool does: each entry the central directory
 *  lists, stored or deflated. Written apart from the build's writer (src/build/zip.mjs). */
function unzip(archive, dir) {
  const bytes = readFileSync(archive);
  const end = bytes.lastIndexOf(Buffer.from("PK\x05\x06", "latin1"));
  assert.ok(end >= 0, "the archive has an end of central directory record");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, `central directory entry ${i}`);
    const method = bytes.readUInt16LE(at + 10);
    const [packedSize, size, nameLength] = [bytes.readUInt32LE(at + 20), bytes.readUInt32LE(at + 24), bytes.readUInt16LE(at + 28)];
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    const local = bytes.readUInt32LE(at + 42);
    assert.equal(bytes.readUInt32LE(local), 0x04034b50, `${name}'s local header`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const packed = bytes.subarray(start, start + packedSize);
    assert.ok(method === 0 || method === 8, `${name} is stored or deflated, not method ${method}`);
    const data = method === 8 ? inflateRawSync(packed) : packed;
    assert.equal(data.length, size, `${name}'s size`);
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

before(() => {
  rmSync(out, { recursive: true, force: true });
  unzip(zip, out);
});

test("the zip holds the bundle, an example page and a correct hash for every file", () => {
  const files = readdirSync(join(out, folder), { recursive: true }).filter((f) => f.includes(".")).sort();
  // The chunks loaded on demand ship too, each with its hash pinned in the chunk loader
  // (`CHUNK_INTEGRITY`, by file name).
  const chunks = readdirSync(join(ROOT, "pkg")).filter((f) => f.endsWith(".wasm") && f !== "ai_readiness_bg.wasm");
  assert.ok(chunks.includes("split_result.wasm") && chunks.includes("split_team.wasm"), chunks.join(", "));
  assert.deepEqual(files, [
    "__wasm_split.js", "ai_readiness.d.ts", "ai_readiness.js", "ai_readiness_bg.wasm", ...chunks, "embed.js",
    // The embed builder, which links the files beside it.
    "builder.css", "builder.html", "builder.js",
    "frame.html", "frame.js", "framed.js", "locales/ar.txt", "locales/de.txt", "locales/es.txt", "locales/fr.txt",
    // The self perspective's first-person texts; English travels in its chunk.
    "locales/ar.self.txt", "locales/de.self.txt", "locales/es.self.txt", "locales/fr.self.txt", "package.json",
  ].sort());
  const loader = readFileSync(join(out, folder, "__wasm_split.js"), "utf8");
  for (const chunk of chunks) {
    const hash = "sha384-" + createHash("sha384").update(readFileSync(join(out, folder, chunk))).digest("base64");
    assert.ok(loader.includes(`"${chunk}":"${hash}"`), `${chunk} is pinned`);
  }
  const lines = readFileSync(join(out, "SRI.txt"), "utf8").trim().split("\n");
  assert.equal(lines.length, files.length);
  for (const line of lines) {
    const [hash, path] = line.split(/\s+/);
    const actual = "sha384-" + createHash("sha384").update(readFileSync(join(out, path))).digest("base64");
    assert.equal(hash, actual, path);
  }
  const manifest = JSON.parse(readFileSync(join(out, folder, "package.json"), "utf8"));
  assert.equal(manifest.version, version);
  assert.equal(manifest.types, "./ai_readiness.d.ts");
  const types = readFileSync(join(out, folder, "ai_readiness.d.ts"), "utf8");
  for (const name of ["AiReadinessConfig", "AiReadinessResult", "AiReadinessAnswerDetail", "AiReadinessCtaDetail", "AiReadinessErrorDetail", "modelFingerprint", "dataLayer", "setConfig", "destroy", "reset"]) {
    assert.ok(types.includes(name), `types declare ${name}`);
  }
});

test("the example page mounts the widget with integrity checks on", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/target/dist-check/example.html`);
  await page.locator('[data-ai-readiness] [data-action="start"]').waitFor();
  assert.deepEqual(seen.errors, []);
  const html = readFileSync(join(out, "example.html"), "utf8");
  assert.match(html, /integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);
});

test("the example page fetches a language's catalog with its pinned hash, and refuses a tampered one", async () => {
  const url = `${env.server.base}/target/dist-check/example.html`;
  const german = await openPage(env.browser, url, undefined, { locale: "de-DE" });
  await german.page.locator('[data-ai-readiness] [lang="de"] [data-action="start"]').waitFor();
  assert.deepEqual(german.seen.errors, []);
  const catalog = join(out, folder, "locales", "de.txt");
  writeFileSync(catalog, readFileSync(catalog, "utf8").replace("intro.start =", "intro.start = !"));
  const tampered = await openPage(env.browser, url, undefined, { locale: "de-DE" });
  // The browser refuses the file; the widget says so in the console and speaks English.
  await tampered.page.locator('[data-ai-readiness] [lang="en"] [data-action="start"]').waitFor();
  assert.ok(tampered.seen.warnings.some((w) => /de texts could not be loaded/.test(w)), tampered.seen.warnings.join("\n"));
});

test("a tampered chunk is refused: the result says it could not load, and nothing else breaks", async () => {
  const chunk = join(out, folder, "split_result.wasm");
  const bytes = readFileSync(chunk);
  bytes[bytes.length - 1] ^= 0xff;
  writeFileSync(chunk, bytes);
  const { page, seen } = await openPage(env.browser, `${env.server.base}/target/dist-check/example.html`);
  const host = page.locator("[data-ai-readiness]");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], "[data-part-failed]");
  assert.ok(seen.errors.some((e) => /\[ai-readiness\] the result screen could not be loaded/.test(e)), seen.errors.join("\n"));
  assert.ok(seen.errors.some((e) => /integrity/i.test(e)), seen.errors.join("\n"));
});

test("a tampered wasm is refused by the browser", async () => {
  const wasm = join(out, folder, "ai_readiness_bg.wasm");
  const bytes = readFileSync(wasm);
  bytes[bytes.length - 1] ^= 0xff;
  writeFileSync(wasm, bytes);
  const { page, seen } = await openPage(env.browser, `${env.server.base}/target/dist-check/example.html`);
  const outcome = await page.evaluate(async (path) => {
    const { ready } = await import(path);
    return ready.then(() => "loaded", (e) => `refused: ${e}`);
  }, `/target/dist-check/${folder}/embed.js`);
  assert.match(outcome, /^refused:/);
  // The first screen embed.js drew stays (with what the visitor picked on it), and says that the
  // assessment could not be loaded; nothing of the tampered module runs.
  assert.match(await page.locator("[data-ai-readiness] [data-load-failed]").textContent(), /could not be loaded/);
  assert.ok(seen.errors.some((e) => /integrity/i.test(e)), seen.errors.join("\n"));
});
