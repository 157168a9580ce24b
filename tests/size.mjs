// Prints what a host page downloads (the widget's wasm and JS; its CSS is compiled into the wasm)
// raw, gzip and brotli, and fails when the gzip total exceeds the budget; then what each
// language's catalog adds for its visitors.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const BUDGET_GZIP = 150 * 1024;
const files = ["pkg/ai_readiness_bg.wasm", "pkg/ai_readiness.js", "pkg/embed.js"];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log("file                        raw        gzip       brotli");
for (const file of files) {
  const bytes = readFileSync(file);
  const row = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += row[k];
  console.log(`${file.padEnd(26)}  ${kb(row.raw).padEnd(9)}  ${kb(row.gzip).padEnd(9)}  ${kb(row.brotli)}`);
}
console.log(`${"total".padEnd(26)}  ${kb(total.raw).padEnd(9)}  ${kb(total.gzip).padEnd(9)}  ${kb(total.brotli)}`);

// Each language but English (compiled in) adds one catalog, fetched only by its visitors.
console.log("\nlanguage file                raw        gzip       brotli     page total gzip");
for (const name of readdirSync("pkg/locales").sort()) {
  const bytes = readFileSync(`pkg/locales/${name}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${`pkg/locales/${name}`.padEnd(26)}  ${kb(bytes.length).padEnd(9)}  ${kb(gzip).padEnd(9)}  ${kb(brotli).padEnd(9)}  ${kb(total.gzip + gzip)}`);
}
const share = ((total.gzip / BUDGET_GZIP) * 100).toFixed(0);
if (total.gzip > BUDGET_GZIP) {
  console.error(`size budget exceeded: ${kb(total.gzip)} gzip > ${kb(BUDGET_GZIP)}`);
  process.exit(1);
}
console.log(`size budget: ${kb(total.gzip)} of ${kb(BUDGET_GZIP)} gzip (${share}%)`);
