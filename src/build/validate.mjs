// Checks what the build wrote to a folder (pkg/ by default) before anything ships or is measured,
// after the import renaming (short_imports.mjs) and minifying have rewritten the main module and
// its glue:
// - every .wasm in it is valid WebAssembly (`WebAssembly.validate`; the compiler names the
//   fault when it is not);
// - the main module instantiates with its own JS glue, so every import it names is one the glue
//   provides with a callable of that name (a renaming that missed one fails here, not in a
//   visitor's browser).
// Exits non-zero, naming the file and the fault. Node 20+, no packages.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = resolve(process.argv[2] ?? "pkg");
const fail = (message) => {
  console.error(`validate.mjs: ${message}`);
  process.exit(1);
};

const files = readdirSync(dir).filter((name) => name.endsWith(".wasm")).sort();
if (!files.includes("ai_readiness_bg.wasm")) fail(`${dir} has no ai_readiness_bg.wasm`);
for (const name of files) {
  const bytes = readFileSync(join(dir, name));
  if (!WebAssembly.validate(bytes)) {
    try {
      new WebAssembly.Module(bytes);
    } catch (error) {
      fail(`${name} is not valid WebAssembly: ${error.message}`);
    }
    fail(`${name} is not valid WebAssembly`);
  }
}

const glue = await import(pathToFileURL(join(dir, "ai_readiness.js")).href);
try {
  glue.initSync({ module: readFileSync(join(dir, "ai_readiness_bg.wasm")) });
} catch (error) {
  fail(`ai_readiness_bg.wasm does not instantiate with ai_readiness.js: ${error.message}`);
}
console.log(`validate.mjs: ${files.length} wasm files valid; the main module links with its glue`);
