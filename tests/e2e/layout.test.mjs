// Layout at a phone's and an intranet column's width, in both themes, left to right and right to
// left: text keeps off the edges of tinted blocks, list markers stay inside their box, the plan's
// heading starts at the top of its box, and buttons that stack put the primary one first.
// Screenshots of each view land in target/e2e/layout-<lang>-<theme>-<width>-<view>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, pick, choose, answerAll, screenshot, LOW_ANSWERS } from "./harness.mjs";

const env = useBrowser();

const WIDTHS = [320, 360, 1200];

/**
 * Inside the widget's shadow root, below `selector`: every block with text that is tinted (a
 * background of its own) or ruled (a visible border), with the padding between its text and each
 * tinted or ruled side. Form fields and buttons are left to the browser's own metrics.
 */
function tintedBlocks(selector) {
  const root = document.querySelector("#w").shadowRoot;
  const widget = root.querySelector(".air");
  const page = getComputedStyle(widget).backgroundColor;
  const seen = (colour) => colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent";
  const blocks = [];
  for (const el of root.querySelectorAll(`${selector} *`)) {
    const s = getComputedStyle(el);
    if (s.display === "none" || s.display === "contents" || el.closest("svg, details:not([open])")) continue;
    if (el.matches("input, select, textarea, button, .air-btn, progress")) continue;
    if (!el.textContent.trim() || !el.getClientRects().length) continue;
    const tinted = seen(s.backgroundColor) && s.backgroundColor !== page;
    const edges = {};
    // Left and right: above and below, the line's own height keeps text off the edge.
    for (const side of ["right", "left"]) {
      const ruled = parseFloat(s[`border-${side}-width`]) > 0 && seen(s[`border-${side}-color`]) && s[`border-${side}-style`] !== "none";
      if (tinted || ruled) edges[side] = parseFloat(s[`padding-${side}`]);
    }
    if (Object.keys(edges).length) blocks.push({ block: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`, edges });
  }
  return blocks;
}

/** Every list item with a visible marker outside its text below `selector`, with the room its
 *  list leaves for the marker on the start side, in px and in the item's font size. */
function markers(selector) {
  const root = document.querySelector("#w").shadowRoot;
  return [...root.querySelectorAll(`${selector} li`)].filter((li) => {
    const s = getComputedStyle(li);
    return s.display === "list-item" && s.listStyleType !== "none" && s.listStylePosition === "outside" && li.getClientRects().length;
  }).map((li) => {
    const list = getComputedStyle(li.parentElement);
    const room = parseFloat(list.direction === "rtl" ? list.paddingRight : list.paddingLeft);
    return { list: `${li.parentElement.tagName.toLowerCase()}.${[...li.parentElement.classList].join(".")}`, room, em: room / parseFloat(getComputedStyle(li).fontSize) };
  });
}

/** The plan box's heading: how far its top lies below the top of the box's content. */
function planHeading() {
  const plan = document.querySelector("#w").shadowRoot.querySelector("[data-plan]");
  const s = getComputedStyle(plan);
  const top = plan.getBoundingClientRect().top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop);
  return plan.querySelector("h3").getBoundingClientRect().top - top;
}

/** Each button row below `selector` that has a primary button and others: where each sits. */
function buttonRows(selector) {
  const root = document.querySelector("#w").shadowRoot;
  return [...root.querySelectorAll(`${selector} .air-nav`)].filter((nav) => nav.querySelector(".air-primary") && nav.querySelectorAll(".air-btn").length > 1)
    .map((nav) => [...nav.querySelectorAll(".air-btn")].map((b) => {
      const r = b.getBoundingClientRect();
      return { action: b.dataset.action, primary: b.classList.contains("air-primary"), top: r.top, left: r.left, height: r.height };
    }));
}

/** What is wrong in what the functions above found, as sentences. */
function problems(where, { blocks, lists, heading, rows }, width) {
  const found = [];
  for (const { block, edges } of blocks ?? []) {
    for (const [side, room] of Object.entries(edges)) {
      if (room < 4) found.push(`${where}: the text of ${block} touches its ${side} edge (padding ${room}px)`);
    }
  }
  for (const { list, room, em } of lists ?? []) {
    if (em < 1.2) found.push(`${where}: the markers of ${list} hang outside it (${room}px, ${em.toFixed(2)}em of room)`);
  }
  if (heading !== undefined && Math.abs(heading) > 2) found.push(`${where}: ${heading}px of empty band above the plan's heading`);
  for (const row of rows ?? []) {
    const primary = row.find((b) => b.primary);
    for (const other of row.filter((b) => !b.primary)) {
      const stacked = Math.abs(other.top - primary.top) >= primary.height / 2;
      if (stacked && primary.top > other.top) found.push(`${where}: ${other.action} sits above the primary ${primary.action}`);
      if (stacked && width >= 1000) found.push(`${where}: ${other.action} and ${primary.action} do not share a row`);
    }
  }
  return found;
}

for (const tag of ["en", "ar"]) {
  for (const theme of ["light", "dark"]) {
    test(`${tag}, ${theme}, at ${WIDTHS.join(", ")} px: tinted blocks keep their text off the edges, markers stay in, the plan's heading tops its box, the primary button comes first`, async () => {
      const query = new URLSearchParams({ locale: tag, theme, "data-lead": "after-result" });
      const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/lang.html?${query}`, { width: 1200, height: 900 });
      const host = page.locator("#w");
      const found = [];
      await host.locator('[data-action="start"]').click();
      // The second question, so Back and Next share the row; an option chosen (and focused).
      await pick(host, LOW_ANSWERS[0]);
      await choose(host, LOW_ANSWERS[1]);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const where = `${tag} ${theme} ${width}px question`;
        found.push(...problems(where, {
          blocks: await page.evaluate(tintedBlocks, "[data-question]"),
          rows: await page.evaluate(buttonRows, "section"),
        }, width));
        await screenshot(host, `layout-${tag}-${theme}-${width}-question`);
      }
      await page.setViewportSize({ width: 1200, height: 900 });
      const second = await host.locator("[data-question]").getAttribute("data-question");
      await host.locator('[data-action="next"]').click();
      await host.locator(`[data-question]:not([data-question="${second}"])`).waitFor();
      await answerAll(host, LOW_ANSWERS.slice(2));
      await host.locator("form[data-lead]").waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const where = `${tag} ${theme} ${width}px result`;
        found.push(...problems(where, {
          blocks: await page.evaluate(tintedBlocks, "[data-result]"),
          lists: await page.evaluate(markers, "[data-result]"),
          heading: await page.evaluate(planHeading),
          rows: await page.evaluate(buttonRows, "[data-result]"),
        }, width));
        await screenshot(host.locator("[data-plan]"), `layout-${tag}-${theme}-${width}-plan`);
        await screenshot(host.locator("[data-biggest-gap]"), `layout-${tag}-${theme}-${width}-gap`);
        await screenshot(host.locator("[data-result] > p.air-lead"), `layout-${tag}-${theme}-${width}-meaning`);
        await screenshot(host.locator("form[data-lead]"), `layout-${tag}-${theme}-${width}-lead`);
        await screenshot(host, `layout-${tag}-${theme}-${width}-result`);
      }
      assert.deepEqual(found, []);
    });
  }
}

for (const tag of ["en", "ar"]) {
  for (const theme of ["light", "dark"]) {
    test(`${tag}, ${theme}: the lead form before the result, at ${WIDTHS.join(", ")} px: its buttons stack with the primary first where they must`, async () => {
      const query = new URLSearchParams({ locale: tag, theme, "data-lead": "before-result" });
      const { page } = await openPage(env.browser, `${env.server.base}/tests/pages/lang.html?${query}`, { width: 1200, height: 900 });
      const host = page.locator("#w");
      await host.locator('[data-action="start"]').click();
      await answerAll(host, LOW_ANSWERS, "form[data-lead]");
      const found = [];
      let stacked = 0;
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const rows = await page.evaluate(buttonRows, "[data-result]");
        stacked += rows.filter((row) => new Set(row.map((b) => Math.round(b.top))).size > 1).length;
        found.push(...problems(`${tag} ${theme} ${width}px lead form before the result`, {
          blocks: await page.evaluate(tintedBlocks, "[data-result]"),
          rows,
        }, width));
        await screenshot(host.locator("form[data-lead]"), `layout-${tag}-${theme}-${width}-lead-before`);
      }
      assert.deepEqual(found, []);
      // "Send and show my full result" and "No, thanks" do not fit one row of a phone.
      assert.ok(stacked > 0, "the buttons stack at some width, so the order was checked");
    });
  }
}

