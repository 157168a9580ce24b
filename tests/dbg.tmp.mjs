import { chromium } from 'playwright-core';
import { startServer } from './e2e/harness.mjs';
const server = await startServer();
const b = await chromium.launch({executablePath:'/usr/bin/chromium',args:['--no-sandbox','--disable-gpu']});
const p = await b.newPage();
p.on('console', m => console.log('console', m.text()));
await p.goto(`${server.base}/tests/pages/two.html`);
await p.locator(".first [data-action=start]").waitFor();
console.log(await p.evaluate(async () => {
  const { mount } = await import("/pkg/embed.js");
  const element = document.createElement("div"); document.body.append(element);
  let r; try { mount(element, { accent: "#0a7d5aff" }); } catch (e) { r = e.message; }
  return [r, element.shadowRoot && element.shadowRoot.innerHTML.slice(0,300)];
}));
await b.close(); server.close?.(); process.exit(0);
