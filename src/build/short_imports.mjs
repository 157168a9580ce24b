// Shortens the names the wasm imports from its JS glue, in both files. Node 20+, no packages.
//
//   node src/build/short_imports.mjs pkg/ai_readiness_bg.wasm pkg/ai_readiness.js
//
// wasm-bindgen names each import like `__wbg_appendChild_7465eba84213a75f`: the hash keeps names
// unique across crates, but hex digits hardly compress, and every name is written twice, in the
// wasm's import section and as a key of the glue's import object. Here each becomes a short name
// (`a`, `b`, … `aa`, …). Imports are referred to by index inside the wasm, so only the import
// section changes; in the glue, each old name must occur exactly once (as its key), or nothing is
// written. Imports that are not wasm-bindgen's (the chunk loaders `__wasm_split_load_*`, which the
// glue passes on as a whole module) keep their names.
//
// The glue is wasm-bindgen's output, renamed here rather than written here: wasm-bindgen has no
// option for short import names, and each rename is checked (exactly one occurrence) before
// anything is written.
import { readFileSync, writeFileSync } from "node:fs";

const fail = (message) => {
  console.error(`short_imports.mjs: ${message}`);
  process.exit(1);
};

/** Reads an unsigned LEB128 number; returns [value, next position]. */
function leb(data, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = data[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return [value, at];
  }
}

function toLeb(value) {
  const out = [];
  for (;;) {
    const byte = value % 128;
    value = Math.floor(value / 128);
    out.push(byte | (value ? 0x80 : 0));
    if (!value) return Buffer.from(out);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function name(data, at) {
  const [length, start] = leb(data, at);
  return [utf8.decode(data.subarray(start, start + length)), start + length];
}

/** 0 → a, 25 → z, 26 → aa, …: names that cannot clash with a `__wbg_` or `__wbindgen_` one. */
function short(n) {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (n += 1; n; n = Math.floor((n - 1) / 26)) out = letters[(n - 1) % 26] + out;
  return out;
}

function skipDesc(data, at, kind) {
  if (kind === 0) return leb(data, at)[1]; // function: type index
  if (kind === 1) at += 1; // table: reftype, then limits
  if (kind === 1 || kind === 2) {
    // limits: flags, minimum, maximum when flags say so
    const flags = data[at];
    at = leb(data, at + 1)[1];
    return flags & 1 ? leb(data, at)[1] : at;
  }
  if (kind === 3) return at + 2; // global: valtype, mutability
  if (kind === 4) return leb(data, at + 1)[1]; // tag: attribute, type index
  fail(`unknown import kind ${kind}`);
}

function main(wasmPath, jsPath) {
  const data = readFileSync(wasmPath);
  let js = readFileSync(jsPath, "utf8");
  let at = 8;
  let start;
  let size;
  for (;;) {
    if (at >= data.length) fail("no import section");
    const section = data[at];
    [size, start] = leb(data, at + 1);
    if (section === 2) break;
    at = start + size;
  }
  let [count, pos] = leb(data, start);
  const entries = [toLeb(count)];
  const renames = new Map();
  for (let i = 0; i < count; i++) {
    let module;
    let field;
    [module, pos] = name(data, pos);
    [field, pos] = name(data, pos);
    const kind = data[pos];
    const end = skipDesc(data, pos + 1, kind);
    let renamed = field;
    if (field.startsWith("__wbg_") || field.startsWith("__wbindgen_")) {
      renamed = short(renames.size);
      renames.set(field, renamed);
    }
    for (const text of [module, renamed]) {
      const raw = Buffer.from(text, "utf8");
      entries.push(toLeb(raw.length), raw);
    }
    entries.push(data.subarray(pos, end));
    pos = end;
  }
  for (const [old, renamed] of renames) {
    // The names are identifier characters only; `\b` marks where an identifier ends.
    const pattern = new RegExp(`\\b${old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g");
    const found = js.match(pattern)?.length ?? 0;
    if (found !== 1) fail(`${old} occurs ${found} times in ${jsPath}, expected once`);
    js = js.replace(pattern, () => renamed);
  }
  const body = Buffer.concat(entries);
  const section = Buffer.concat([Buffer.from([2]), toLeb(body.length), body]);
  writeFileSync(wasmPath, Buffer.concat([data.subarray(0, at), section, data.subarray(start + size)]));
  writeFileSync(jsPath, js);
}

const args = process.argv.slice(2);
if (args.length !== 2) fail("usage: node src/build/short_imports.mjs MAIN.wasm GLUE.js");
main(...args);
