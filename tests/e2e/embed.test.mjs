// Embedding in hostile conditions: aggressive host CSS, a strict CSP, several instances with
// different configs, and bad configs, each checked the way a host page would see it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, events, answerAll, pick, screenshot, requestedPaths, MIXED_ANSWERS } from "./harness.mjs";

const env = useBrowser();

/** Computed styles of key parts of the widget, minus the font family (which follows the host). */
async function widgetStyles(page, hostSelector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const pick = (el) => {
      const cs = getComputedStyle(el);
      const props = ["display", "letter-spacing", "word-spacing", "text-transform", "line-height",
        "text-align", "white-space", "text-indent", "font-style", "font-size", "font-weight", "color",
        "box-sizing", "float", "margin-top", "padding-top", "width"];
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    const parts = {
      root: root.querySelector(".air"),
      heading: root.querySelector("h2"),
      option: root.querySelector(".air-option"),
      radio: root.querySelector('input[type="radio"]'),
      next: root.querySelector('[data-action="next"]'),
      back: root.querySelector('[data-action="back"]'),
    };
    return Object.fromEntries(Object.entries(parts).map(([k, el]) => [k, el ? pick(el) : null]));
  }, hostSelector);
}

async function toSecondQuestion(host) {
  await host.locator('[data-action="start"]').click();
  await pick(host, 1);
  await host.locator('[data-question="access.guidance"]').waitFor();
}

test("hostile host CSS does not change how the widget looks or works", async () => {
  const viewport = { width: 900, height: 1000 };
  const plain = await openPage(env.browser, `${env.server.base}/tests/pages/multi.html`, viewport);
  const calm = plain.page.locator("#a");
  await toSecondQuestion(calm);
  // The plain page's widget is 680 px wide; the hostile page's column is not: compare the rest.
  const expected = await widgetStyles(plain.page, "#a");

  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/hostile.html`, viewport);
  const host = page.locator("#widget");
  await toSecondQuestion(host);
  const actual = await widgetStyles(page, "#widget");
  for (const part of Object.keys(expected)) {
    assert.ok(actual[part], `${part} is rendered`);
    for (const [prop, value] of Object.entries(expected[part])) {
      if (prop === "width") continue;
      assert.equal(actual[part][prop], value, `${part} ${prop}`);
    }
  }
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#page-text")).textTransform), "uppercase",
    "the host's own styles still apply to the host's own content");
  await screenshot(host, "hostile-question");
  await answerAll(host, MIXED_ANSWERS.slice(1));
  await screenshot(host, "hostile-result");
  assert.deepEqual(seen.errors, []);
  const paths = requestedPaths(seen).filter((p) => !p.startsWith("/pkg/"));
  assert.deepEqual(paths, [
    "/tests/pages/hostile.html",
    "/tests/node_modules/bootstrap/dist/css/bootstrap.min.css",
    "/tests/pages/hostile.css",
  ]);
});

test("a strict Content-Security-Policy with Trusted Types sees no violation during a full assessment and a team picture", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/csp.html`);
  const host = page.locator("#widget");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, MIXED_ANSWERS);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  // It rendered as designed: the stylesheet applied (dark theme background) and the accent is set.
  const look = await page.evaluate(() => {
    const root = document.querySelector("#widget").shadowRoot;
    const air = root.querySelector(".air");
    const cta = root.querySelector('[data-action="cta"]');
    return { bg: getComputedStyle(air).backgroundColor, cta: getComputedStyle(cta).backgroundColor, href: cta.getAttribute("href") };
  });
  assert.deepEqual(look, { bg: "rgb(22, 26, 34)", cta: "rgb(10, 125, 90)", href: "/coaching" });
  await screenshot(host, "csp-dark-result");
  // The team view (its own chunk) under the same policy: no HTML sink anywhere, no policy needed.
  const code = await host.locator("[data-code]").getAttribute("data-code");
  const team = page.locator("#team");
  // This page's widget asks about a team, so its code is a lead's view, listed apart.
  await team.locator("[data-team-input]").fill(`Ann,${code}\nBo,${code}`);
  await team.locator("[data-views-table] tbody tr").nth(1).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  const paths = requestedPaths(seen).filter((p) => !p.startsWith("/pkg/"));
  assert.deepEqual(paths.sort(), ["/style/page.css", "/tests/pages/csp.html", "/tests/pages/favicon.svg"]);
});

test("instances on one page are independent, and a bad attribute falls back alone with a clear message", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/multi.html`);
  const a = page.locator("#a");
  const c = page.locator("#c");
  await a.locator('[data-action="start"]').waitFor();
  assert.equal(await a.locator("h2").innerText(), "Marketing team check");
  assert.equal(await page.locator("#b .air.air-theme-dark").count(), 1);
  assert.equal(await c.locator("[data-question]").count(), 1, "c opens on the first question");

  // Bad attributes: each widget still runs with that key's default; the console and an
  // ai-readiness:error event name the key, the value and what is accepted, once the widgets run
  // (their first screens are drawn before that).
  await page.evaluate(async () => (await import("/pkg/embed.js")).ready);
  const bad = {
    "bad-theme": 'data-theme must be one of "light", "dark", "auto", got "purple"; using the default instead',
    "bad-url": 'data-cta-url must be an http(s) URL or a relative link, whose only {placeholders} are {level}, {overall}, {biggestGap}, {code} and {perspective}, got "javascript:alert(1)"; using the default instead',
    "bad-accent": 'data-accent must be an opaque CSS colour such as "#2b5fd9", "rgb(43 95 217)" or "teal", got "not-a-colour"; using the default instead',
  };
  const errors = await events(page, "ai-readiness:error");
  for (const [id, message] of Object.entries(bad)) {
    await page.locator(`#${id} [data-action="start"]`).waitFor();
    assert.equal(await page.locator(`#${id} .air-error`).count(), 0, `${id} still runs`);
    assert.ok(seen.errors.includes(`[ai-readiness] ${message}`), `console has: ${message}`);
    assert.deepEqual(errors.filter((e) => e.host === id).map((e) => e.detail.message), [message]);
  }
  assert.equal(seen.errors.length, 3, seen.errors.join("\n"));
  assert.equal(await page.locator("#page-after").innerText(), "Content after the widgets.");

  // Complete c only: only c's events fire, and a and b stay where they were.
  const before = (await events(page)).filter((e) => e.host !== "c").length;
  await answerAll(c, MIXED_ANSWERS);
  const all = await events(page);
  assert.equal(all.filter((e) => e.host !== "c").length, before, "no event from a or b");
  assert.deepEqual(all.filter((e) => e.type === "ai-readiness:complete").map((e) => e.host), ["c"]);
  assert.equal(all.filter((e) => e.host === "c" && e.type === "ai-readiness:answer").length, 12);
  assert.equal(await a.locator('[data-action="start"]').count(), 1, "a is still on its intro");
  assert.equal(await page.locator("#b [data-result]").count(), 0);

  // The call to action reports the result and the URL.
  await c.locator('[data-action="cta"]').click({ modifiers: [] , trial: false }).catch(() => {});
  const [cta] = await events(page, "ai-readiness:cta");
  assert.equal(cta.host, "c");
  assert.equal(cta.detail.url, "/next");
  const [complete] = await events(page, "ai-readiness:complete");
  assert.deepEqual({ ...cta.detail, url: undefined }, { ...complete.detail, url: undefined });
  const paths = requestedPaths(seen).filter((p) => !p.startsWith("/pkg/"));
  assert.deepEqual(paths.slice(0, 2), ["/tests/pages/multi.html", "/style/page.css"]);
});

test("elements added later are mounted, and mounting twice is a no-op with a warning", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/multi.html`);
  await page.locator('#a [data-action="start"]').waitFor();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.evaluate(() => {
    const late = document.createElement("div");
    late.id = "late";
    late.setAttribute("data-ai-readiness", "");
    document.querySelector("main").append(late);
  });
  await page.locator('#late [data-action="start"]').waitFor();
  const same = await page.evaluate(async () => {
    const { mount, handleFor, ready } = await import("/pkg/embed.js");
    await ready;
    const el = document.querySelector("#a");
    const handle = mount(el);
    return handle !== undefined && handleFor(el) !== undefined && el.shadowRoot.querySelectorAll(".air").length;
  });
  assert.equal(same, 1);
  assert.ok(warnings.some((w) => w.includes("already holds a widget")), warnings.join("\n"));
});

test("another component's shadow root is refused with a clear message, never wiped", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/multi.html`);
  await page.locator('#a [data-action="start"]').waitFor();
  const outcome = await page.evaluate(async () => {
    const { mount, handleFor, ready } = await import("/pkg/embed.js");
    await ready;
    customElements.define("x-card", class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: "open" }).innerHTML = "<p>their content</p>";
      }
    });
    const card = document.createElement("x-card");
    document.querySelector("main").append(card);
    let thrown = "";
    try {
      mount(card);
    } catch (error) {
      thrown = error.message;
    }
    return { thrown, kept: card.shadowRoot.innerHTML, handle: handleFor(card) === undefined };
  });
  const message = "<x-card> already holds another component's shadow root; mount the widget in an element of its own";
  assert.equal(outcome.thrown, message);
  assert.equal(outcome.kept, "<p>their content</p>");
  assert.ok(outcome.handle, "no handle for a refused element");
  const logged = `[ai-readiness] ${message}`;
  assert.equal(seen.errors.filter((e) => e === logged).length, 1, seen.errors.join("\n"));
  // Declared in the page: embed.js finds it, refuses it with the same message, and carries on.
  const second = page.waitForEvent("console", (m) => m.text() === logged);
  await page.evaluate(() => {
    const marked = document.createElement("x-card");
    marked.id = "marked";
    marked.setAttribute("data-ai-readiness", "");
    document.querySelector("main").append(marked);
  });
  await second;
  assert.equal(await page.evaluate(() => document.querySelector("#marked").shadowRoot.innerHTML), "<p>their content</p>");
  // The other widgets on the page still work.
  await page.locator('#a [data-action="start"]').click();
  await page.locator("#a [data-question]").waitFor();
});

test("destroy, reset and setConfig work from the page", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/multi.html`);
  await page.locator('#a [data-action="start"]').waitFor();
  const steps = await page.evaluate(async () => {
    const { handleFor, mount, ready } = await import("/pkg/embed.js");
    await ready;
    const el = document.querySelector("#a");
    const root = el.shadowRoot;
    const handle = handleFor(el);
    const out = [];
    // Waits for a condition, a frame at a time, at most 300 frames; says whether it came true.
    const until = async (ok) => {
      for (let frame = 0; frame < 300 && !ok(); frame++) await new Promise(requestAnimationFrame);
      return ok();
    };
    root.querySelector('[data-action="start"]').click();
    out.push(await until(() => !!root.querySelector("[data-question]")));
    handle.setConfig({ theme: "dark", accent: "#ff8800" });
    out.push(await until(() => !!root.querySelector(".air-theme-dark [data-question]")));
    try { handle.setConfig({ ctaUrl: "data:text/html,x", ctaLabel: "x" }); } catch (e) { out.push(e.message); }
    handle.reset();
    out.push(await until(() => !!root.querySelector('[data-action="start"]')));
    // The reset is saved by an effect after it is drawn; on a busy machine that can take more
    // than a frame. Wait for the saved step to be the intro (bounded), then destroy.
    const saved = () => (localStorage.getItem("ai-readiness:progress:v1:a") ?? "").split("/")[2];
    await until(() => saved() === "i");
    handle.destroy();
    out.push(root.childElementCount);
    // A destroyed handle refuses, rather than quietly drawing a hidden widget again: `reset`
    // logs why, `setConfig` throws.
    const logged = [];
    const log = console.error;
    console.error = (...args) => logged.push(args.join(" "));
    handle.reset();
    console.error = log;
    out.push(logged.join("\n"));
    try { handle.setConfig({ theme: "dark" }); out.push("no error"); } catch (e) { out.push(e.message); }
    out.push(root.childElementCount);
    mount(el, { title: "Mounted again" });
    await until(() => !!root.querySelector("h2"));
    out.push(root.querySelector("h2")?.textContent);
    return out;
  });
  assert.deepEqual(steps, [
    true,
    true,
    'ctaUrl must be an http(s) URL or a relative link, whose only {placeholders} are {level}, {overall}, {biggestGap}, {code} and {perspective}, got "data:text/html,x"',
    true,
    0,
    "[ai-readiness] this widget was destroyed",
    "this widget was destroyed",
    0,
    "Mounted again",
  ]);
});

test("300 mounts and destroys: no event after destroy, and every widget whose element left the page is destroyed", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/multi.html`);
  await page.locator('#a [data-action="start"]').waitFor();
  const cdp = await page.context().newCDPSession(page);
  // Each cycle: a widget the page's script mounts and destroys at once, before it is drawn; and
  // one embed.js mounts when its element appears, drawn, then taken out of the page.
  const cycles = (n) =>
    page.evaluate(async (n) => {
      const { mount, handleFor, ready } = await import("/pkg/embed.js");
      await ready;
      const main = document.querySelector("main");
      const drawn = async (el) => {
        for (let f = 0; f < 600 && !el.shadowRoot?.querySelector(".air"); f++) await new Promise(requestAnimationFrame);
        return !!el.shadowRoot?.querySelector(".air");
      };
      let events = 0;
      const left = [];
      for (let i = 0; i < n; i++) {
        const quick = document.createElement("div");
        main.append(quick);
        quick.addEventListener("ai-readiness:ready", () => events++);
        mount(quick, { storage: false }).destroy();
        quick.remove();
        const auto = document.createElement("div");
        auto.setAttribute("data-ai-readiness", "");
        auto.setAttribute("data-storage", "false");
        main.append(auto);
        if (!(await drawn(auto))) throw new Error(`cycle ${i}: the added element was never drawn`);
        const handle = handleFor(auto);
        auto.remove();
        left.push(handle);
      }
      // embed.js lets go of removed elements when its MutationObserver runs: wait for that
      // (bounded), rather than for one frame.
      for (let f = 0; f < 600 && left.some((h) => h.live); f++) await new Promise(requestAnimationFrame);
      return { events, stillLive: left.filter((h) => h.live).length };
    }, n);
  const counters = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    const wasm = await page.evaluate(async () => (await (await import("/pkg/ai_readiness.js")).default()).memory.buffer.byteLength);
    return { nodes, jsEventListeners, wasm };
  };
  // A dropped handle frees its widget through a FinalizationRegistry, which runs some time after
  // a collection: collect and count again, a frame apart, until the counts stop falling (or
  // reach `target`).
  const measure = async (target) => {
    let last = await counters();
    for (let i = 0; i < 100; i++) {
      if (target && last.nodes <= target.nodes && last.jsEventListeners <= target.jsEventListeners) break;
      await page.evaluate(() => new Promise(requestAnimationFrame));
      const now = await counters();
      if (!target && now.nodes === last.nodes && now.jsEventListeners === last.jsEventListeners) break;
      last = now;
    }
    return last;
  };
  // A first round of the same size first: wasm memory never shrinks, so it must reach the
  // high-water mark of 300 cycles (their handles stay alive until the round ends) before a
  // second round can show whether anything stays behind.
  await cycles(300);
  const before = await measure();
  const { events, stillLive } = await cycles(300);
  const after = await measure(before);
  console.log(`# 300 cycles: nodes ${before.nodes} -> ${after.nodes}, listeners ${before.jsEventListeners} -> ${after.jsEventListeners}, wasm memory ${before.wasm} -> ${after.wasm} bytes`);
  assert.equal(events, 0, "a widget destroyed before it was drawn fires no ready");
  assert.equal(stillLive, 0, "every widget whose element left the page was destroyed");
  // Nothing of a destroyed widget stays reachable (vendor/PATCHED.md). With Yew as
  // published, each cycle kept about 20 nodes, 3 listeners and 30 KB of wasm memory.
  assert.ok(after.nodes <= before.nodes, `nodes: ${before.nodes} -> ${after.nodes}`);
  assert.ok(after.jsEventListeners <= before.jsEventListeners,
    `listeners: ${before.jsEventListeners} -> ${after.jsEventListeners}`);
  // The second round reuses the first one's memory; the allocator may still grow a little.
  const grown = after.wasm - before.wasm;
  assert.ok(grown <= 512 * 1024, `wasm memory grew ${grown} bytes in 300 cycles`);
});
