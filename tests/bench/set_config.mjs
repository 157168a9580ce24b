// setConfig benchmark (`make bench`): the cost of one `setConfig` call on a fresh widget, and
// after the widget has had 1,000 changes, in headless Debian Chromium. The baseline is the first
// call: a widget's thousandth change should cost what its first did. Timed with
// performance.now() around the call (which re-validates the configuration and asks for a
// re-render), as the mean of BATCH calls (the page's clock ticks in 0.1 ms), median of RUNS
// batches. It prints a table and writes it as Markdown to
// target/bench/set_config.md. It asserts no timings.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, launch, startServer } from "../e2e/harness.mjs";

const OUT = join(ROOT, "target", "bench", "set_config.md");
const RUNS = 9;
const BATCH = 50;
const HISTORY = 1_000;

const server = await startServer();
const browser = await launch();
let result;
try {
  const page = await browser.newPage();
  await page.goto(`${server.base}/tests/pages/multi.html`);
  await page.locator('#a [data-action="start"]').waitFor();
  result = await page.evaluate(
    async ([runs, batch, history]) => {
      const { handleFor } = await import("/pkg/embed.js");
      const handle = handleFor(document.querySelector("#a"));
      const themes = ["dark", "light"];
      const time = () => {
        const took = [];
        for (let run = 0; run < runs; run++) {
          const start = performance.now();
          for (let i = 0; i < batch; i++) {
            handle.setConfig({
              theme: themes[i % 2],
              ctaLabel: `Talk to us ${i}`,
              ctaUrl: "https://example.com/talk",
              strings: { "intro.lead": `Two minutes, ${i} questions answered so far.` },
            });
          }
          took.push((performance.now() - start) / batch);
        }
        return took.sort((a, b) => a - b)[Math.floor(runs / 2)];
      };
      // A live preview typing texts: every change gives its texts again.
      const change = (i) =>
        handle.setConfig({
          theme: themes[i % 2],
          accent: i % 3 ? "#0a7d5a" : "#1d4ed8",
          strings: { "intro.title": `Where does ACME stand ${i}?`, "de:intro.title": `Wo steht ACME ${i}?` },
        });
      // One change first, so the fresh widget carries the same keys the history leaves.
      change(0);
      const first = time();
      for (let i = 1; i <= history; i++) change(i);
      const later = time();
      return { first, later };
    },
    [RUNS, BATCH, HISTORY],
  );
} finally {
  await browser.close();
  await server.close();
}
const table = [
  `One setConfig call (theme, call-to-action, a text), mean of ${BATCH}, median of ${RUNS} batches, headless Chromium:`,
  "",
  "| widget | ms per call | vs a fresh widget |",
  "|---|---:|---:|",
  `| fresh | ${result.first.toFixed(3)} | 1.00 |`,
  `| after ${HISTORY.toLocaleString("en")} changes | ${result.later.toFixed(3)} | ${(result.later / result.first).toFixed(2)} |`,
];
console.log(table.join("\n"));
await mkdir(join(ROOT, "target", "bench"), { recursive: true });
await writeFile(OUT, table.join("\n") + "\n");
