// What real pages and browsers do to a widget: blocked or full storage, dropped files, system
// dark mode, host fonts, wide layouts, several widgets without ids, reloads and re-mounts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, answerAll, pick, events, MIXED_ANSWERS } from "./harness.mjs";

const env = useBrowser();
const inShadow = (page, host, fn, arg) =>
  page.evaluate(([sel, body, a]) => new Function("root", "arg", body)(document.querySelector(sel).shadowRoot, a), [host, fn, arg]);

test("blocked storage: the widget works in memory and says so briefly", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/index.html`, undefined, {});
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await page.reload();
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await host.locator(".air-storage-note").waitFor();
  await answerAll(host, MIXED_ANSWERS);
  assert.equal((await events(page, "ai-readiness:complete")).length, 1);
  assert.deepEqual(seen.errors, []);
});

test("full storage: saving fails once, the widget carries on in memory", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/index.html`);
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.includes(":progress:")) throw new DOMException("full", "QuotaExceededError");
      return real.call(this, key, value);
    };
  });
  await page.reload();
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await host.locator(".air-storage-note").waitFor();
  await answerAll(host, MIXED_ANSWERS);
  assert.deepEqual(seen.errors, []);
});

test("a file dropped on the team box is read", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/self.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, MIXED_ANSWERS);
  const [complete] = await events(page, "ai-readiness:complete");
  await host.locator('[data-action="team"]').click();
  // The team view arrives as its own chunk.
  await host.locator(".air-drop").waitFor();
  await inShadow(page, "#assessment", `
    const dt = new DataTransfer();
    dt.items.add(new File(["Ada, Ops, " + arg], "team.csv", { type: "text/csv" }));
    root.querySelector(".air-drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
  `, complete.detail.code);
  await host.locator('[data-figure="people"]', { hasText: "1" }).waitFor();
  // The pasted text survives leaving the team view and coming back.
  await host.locator('[data-action="assessment"]').click();
  await host.locator('[data-action="team"]').click();
  assert.match(await host.locator("[data-team-input]").inputValue(), /^Ada, Ops, /);
  // A host reset goes back to the intro, also from the team view.
  await page.evaluate(async () => {
    const { handleFor, ready } = await import("/pkg/embed.js");
    await ready;
    handleFor(document.querySelector("#assessment")).reset();
  });
  await host.locator('[data-action="start"]').waitFor();
});

test("theme auto follows the system's dark mode; fonts follow the host unless --air-font is set", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/two.html`, undefined, { colorScheme: "dark" });
  await page.locator('.first [data-action="start"]').waitFor();
  const look = () => inShadow(page, ".first", `const s = getComputedStyle(root.querySelector(".air")); return [s.backgroundColor, s.fontFamily];`);
  assert.deepEqual(await look(), ["rgb(255, 255, 255)", '"Courier New", monospace'], "light theme by default, host font");
  await page.evaluate(async () => {
    const { handleFor, ready } = await import("/pkg/embed.js");
    await ready;
    handleFor(document.querySelector(".first")).setConfig({ theme: "auto" });
    document.querySelector(".first").style.setProperty("--air-font", "Georgia, serif");
  });
  await page.locator(".first .air-theme-auto").waitFor();
  assert.deepEqual(await look(), ["rgb(22, 26, 34)", "Georgia, serif"]);
  await page.emulateMedia({ colorScheme: "light" });
  assert.equal((await look())[0], "rgb(255, 255, 255)");
});

test("a 1200 px intranet column keeps readable lines and no horizontal scrolling", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/two.html`, { width: 1280, height: 900 });
  await page.evaluate(() => document.querySelector(".first").classList.add("wide"));
  await page.locator('.first [data-action="start"]').click();
  const sizes = await inShadow(page, ".first", `return [root.querySelector(".air").getBoundingClientRect().width, root.querySelector("section").getBoundingClientRect().width];`);
  assert.equal(sizes[0], 1200);
  assert.ok(sizes[1] <= 760, `content column ${sizes[1]}px`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
});

test("two widgets without ids keep their own progress across a reload", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/two.html`);
  const first = page.locator(".first");
  await first.locator('[data-action="start"]').click();
  await pick(first, 1);
  await page.reload();
  await first.locator('[data-question="access.guidance"]').waitFor();
  assert.equal(await page.locator('.second [data-action="start"]').count(), 1, "the second widget is still on its intro");
});

test("a result finished in one tab is not overwritten by another tab's earlier progress", async () => {
  const context = await env.browser.newContext();
  const open = async () => {
    const page = await context.newPage();
    await page.goto(`${env.server.base}/index.html`);
    return { page, host: page.locator("#assessment") };
  };
  const behind = await open();
  await behind.host.locator('[data-action="start"]').click();
  await pick(behind.host, 1);
  const ahead = await open();
  await ahead.host.locator('[data-question="access.guidance"]').waitFor();
  await answerAll(ahead.host, MIXED_ANSWERS.slice(1));
  // The tab that is behind answers on; its progress must not replace the finished result.
  await pick(behind.host, 2);
  await ahead.page.reload();
  await ahead.host.locator("[data-result]").waitFor();
  // Finishing in the tab that was behind replaces it, as the newest result.
  await answerAll(behind.host, MIXED_ANSWERS.slice(2));
  await ahead.page.reload();
  await ahead.host.locator("[data-result]").waitFor();
  await context.close();
});

test("a share link is read once: after opening, a reload shows the visitor's own widget", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/index.html`);
  const host = page.locator("#assessment");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, MIXED_ANSWERS);
  const [complete] = await events(page, "ai-readiness:complete");
  const other = await openPage(env.browser, `${env.server.base}/index.html#ai-readiness=${complete.detail.code}`);
  await other.page.locator("#assessment [data-shared]").waitFor();
  assert.equal(new URL(other.page.url()).hash, "", "the code left the address bar");
  await other.page.reload();
  await other.page.locator('#assessment [data-action="start"]').waitFor();
});

test("a widget destroyed and put back by the page is mounted again", async () => {
  const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/two.html`);
  await page.locator('.first [data-action="start"]').waitFor();
  await page.evaluate(async () => {
    const { handleFor, ready } = await import("/pkg/embed.js");
    await ready;
    const el = document.querySelector(".first");
    handleFor(el).destroy();
    el.remove();
    document.body.prepend(el);
  });
  await page.locator('.first [data-action="start"]').waitFor();
});

// The smallest module that traps when called: one exported function whose body is `unreachable`.
const FOREIGN_TRAP = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];

test("a crash replaces every widget with an apology in its own language, not a frozen box", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/two.html`);
  await page.locator(".first").locator('[data-action="start"]').waitFor();
  // A second widget, mounted by script in German.
  await page.evaluate(async () => {
    const { mount, ready } = await import("/pkg/embed.js");
    await ready;
    const element = Object.assign(document.createElement("div"), { className: "third" });
    document.body.append(element);
    mount(element, { locale: "de" });
  });
  await page.locator(".third [lang=de] [data-action=start]").waitFor();

  // Another module on the page trapping is not the widget's business.
  // (embed.js listened first, so it has seen the error when this listener hears it.)
  await page.evaluate(async (bytes) => {
    const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes));
    await new Promise((heard) => {
      addEventListener("error", heard, { once: true });
      setTimeout(() => instance.exports.f());
    });
  }, FOREIGN_TRAP);
  assert.equal(await page.locator(".air-crash").count(), 0);

  // Make the widget's own module trap, as a panic does in the release build: an allocation no
  // memory can hold aborts.
  await page.evaluate(async () => {
    const { initSync } = await import("/pkg/ai_readiness.js");
    const module = initSync(undefined, undefined);
    setTimeout(() => module.__wbindgen_malloc(0xfffffff0, 8));
  });
  await page.locator(".third .air-crash[role=alert]").waitFor();
  for (const [host, lang, title] of [
    [".first", "en", "Sorry, the assessment stopped working"],
    [".second", "en", "Sorry, the assessment stopped working"],
    [".third", "de", "Entschuldigung, der Check funktioniert nicht mehr"],
  ]) {
    const notice = page.locator(`${host} .air-crash`);
    assert.equal(await notice.getAttribute("lang"), lang);
    assert.match(await notice.textContent(), new RegExp(title));
    assert.equal(await page.locator(`${host} [data-action]`).count(), 0, "the broken widget is gone");
  }
  assert.ok(seen.errors.some((e) => e.includes("[ai-readiness] the widget crashed")), seen.errors.join("\n"));
  assert.equal(seen.errors.filter((e) => e.includes("[ai-readiness] the widget crashed")).length, 1, "reported once");
});

test("see-through accents are refused, by attribute and by script, in every syntax", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/two.html`);
  await page.locator(".first [data-action=start]").waitFor();
  const seeThrough = ["transparent", "#0000", "#0a7d5a80", "rgb(43 95 217 / 50%)", "rgba(43, 95, 217, 0.99)",
    "hsl(210 60% 40% / 0.5)", "hwb(0 0% 0% / 0.2)", "oklch(0.6 0.15 250 / 0.5)", "lab(50 20 20 / 10%)",
    "color(display-p3 1 0 0 / 0.99)", "rgb(from transparent r g b)", "hsl(from teal h s l / 0.5)",
    "currentcolor", "CurrentColor", "rgb(from currentcolor r g b)"];
  const opaque = ["#0a7d5aff", "rgba(43, 95, 217, 1)", "rgb(43 95 217 / 100%)", "lab(50 20 20 / 1)",
    "rgb(from transparent r g b / 1)", "oklch(0.6 0.15 250)"];
  const outcome = await page.evaluate(async ([seeThrough, opaque]) => {
    const { mount, ready } = await import("/pkg/embed.js");
    await ready;
    const out = { thrown: {}, attribute: {}, accepted: {} };
    for (const accent of seeThrough) {
      const element = document.createElement("div");
      document.body.append(element);
      try {
        mount(element, { accent });
        out.thrown[accent] = "mounted";
      } catch (error) {
        out.thrown[accent] = error.message;
      }
      // As an attribute: reported, and the widget runs in the theme's own accent.
      const host = document.createElement("div");
      host.setAttribute("data-accent", accent);
      document.body.append(host);
      const reported = new Promise((resolve) => host.addEventListener("ai-readiness:error", (e) => resolve(e.detail), { once: true }));
      mount(host);
      let button;
      while (!(button = host.shadowRoot.querySelector(".air-primary"))) await new Promise(requestAnimationFrame);
      out.attribute[accent] = { ...(await reported), accent: host.shadowRoot.querySelector("[data-crash-title]").style.getPropertyValue("--air-accent"),
        background: getComputedStyle(button).backgroundColor };
    }
    for (const accent of opaque) {
      const element = document.createElement("div");
      document.body.append(element);
      mount(element, { accent });
      out.accepted[accent] = element.shadowRoot.querySelector("[data-crash-title]").style.getPropertyValue("--air-accent");
    }
    return out;
  }, [seeThrough, opaque]);
  const theme = outcome.attribute.transparent.background;
  assert.equal(theme, "rgb(43, 95, 217)", "the theme's own accent");
  for (const accent of seeThrough) {
    const expected = `must be an opaque CSS colour such as "#2b5fd9", "rgb(43 95 217)" or "teal", got "${accent}"`;
    assert.equal(outcome.thrown[accent], `accent ${expected}`);
    const reported = outcome.attribute[accent];
    assert.equal(reported.key, "data-accent", accent);
    assert.equal(reported.message, `data-accent ${expected}; using the default instead`);
    assert.equal(reported.accent, "", `${accent} is not applied`);
    assert.equal(reported.background, theme, `${accent}: the buttons keep the theme's accent`);
  }
  for (const accent of opaque) assert.equal(outcome.accepted[accent], accent);
  // Each refusal is on the console too, by script and by attribute; nothing else is.
  assert.equal(seen.errors.length, 2 * seeThrough.length, seen.errors.join("\n"));
  assert.ok(seen.errors.every((e) => e.includes("must be an opaque CSS colour")), seen.errors.join("\n"));
});

test("accent buttons keep at least 4.5:1 contrast, whatever colour syntax the accent uses", async () => {
  const { page, seen } = await openPage(env.browser, `${env.server.base}/tests/pages/two.html`);
  await page.locator(".first [data-action=start]").waitFor();
  const accents = ["#0a7d5a", "#2b5fd9", "#ffd700", "#767676", "#777777", "teal", "gold", "rgb(250 250 210)",
    "hsl(60 100% 50%)", "hwb(200 10% 40%)", "oklch(0.9 0.1 100)", "oklch(0.45 0.15 260)", "lab(30 20 -40)",
    "lch(85 40 90)", "oklab(0.8 -0.1 0.1)", "color(srgb 0.9 0.9 0.2)", "color(display-p3 0.1 0.3 0.6)"];
  const ratios = await page.evaluate(async (accents) => {
    const { mount, ready } = await import("/pkg/embed.js");
    await ready;
    // Any CSS colour to sRGB bytes, through a canvas.
    const ctx = Object.assign(document.createElement("canvas"), { width: 1, height: 1 }).getContext("2d", { willReadFrequently: true });
    const rgb = (css) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = (bytes) => {
      const [r, g, b] = bytes.map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const out = {};
    for (const accent of accents) {
      const element = document.createElement("div");
      document.body.append(element);
      mount(element, { accent, showIntro: true });
      // The widget draws on its next task; wait for its Start button.
      let button;
      while (!(button = element.shadowRoot.querySelector(".air-primary"))) await new Promise(requestAnimationFrame);
      const style = getComputedStyle(button);
      const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))].sort((x, y) => y - x);
      out[accent] = (a + 0.05) / (b + 0.05);
    }
    return out;
  }, accents);
  for (const [accent, ratio] of Object.entries(ratios)) {
    assert.ok(ratio >= 4.5, `${accent}: button text at ${ratio.toFixed(2)}:1`);
  }
  assert.deepEqual(seen.errors, []);
});
