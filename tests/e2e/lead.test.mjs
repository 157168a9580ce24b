// The lead form (`lead`): before the result it holds back all but the level until it is sent
// or declined; after the result it sits under it. Specific messages, keyboard use, the
// `ai-readiness:lead` event, delivery to `submitUrl` as a `lead` submission, and nothing of the
// form for visitors of a page without it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, answerAll, events, violations, LOW_ANSWERS } from "./harness.mjs";
import { startReceiver } from "../tools/receiver.mjs";

const env = useBrowser();
let receiver;
before(async () => { receiver = await startReceiver(); });
after(async () => { await receiver?.close(); });

const withAttributes = (attributes) =>
  `${env.server.base}/tests/pages/send.html?${new URLSearchParams({ locale: "en", connect: new URL(receiver.url).origin, ...attributes })}`;

async function complete(attributes, viewport) {
  const opened = await openPage(env.browser, withAttributes(attributes), viewport);
  const host = opened.page.locator("#w");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS, "[data-result]");
  return { ...opened, host };
}

/** The id of the element focused inside the widget. */
const focused = (page) => page.evaluate(() => document.querySelector("#w").shadowRoot.activeElement?.getAttribute("name"));

test("before the result: the level, then the form; checks name each problem; sending shows the rest and says so", async () => {
  const { page, host, seen } = await complete({ "data-lead": "before-result", "data-lead-privacy-url": "https://example.com/privacy" });
  const form = host.locator("form[data-lead='before-result']");
  await form.waitFor();
  assert.ok(await host.locator(".air-level").isVisible(), "the level shows");
  assert.equal(await host.locator("[data-biggest-gap]").isVisible(), false, "the rest waits for the form");
  assert.equal(await host.locator("[data-plan]").isVisible(), false);
  assert.ok(await host.locator('[data-action="restart"]').isVisible(), "Retake stays");
  assert.equal(await form.locator("a[href='https://example.com/privacy']").count(), 1);

  await host.locator('[data-action="lead-submit"]').click();
  const messages = await form.locator(".air-field-error:not(:empty)").allTextContents();
  assert.deepEqual(messages, ["Enter your name.", "Enter your work email."], "the consent box is never required");
  assert.equal(await focused(page), "name", "focus goes to the first field to fix");
  assert.equal(await form.locator("[name=name]").getAttribute("aria-invalid"), "true");
  // Messages follow each keystroke once shown, and what was typed stays.
  await form.locator("[name=name]").fill("Ada Lovelace");
  await form.locator("[name=email]").fill("ada.example.com");
  assert.deepEqual(await form.locator(".air-field-error:not(:empty)").allTextContents(),
    ["An email address needs one @, as in name@company.com."]);
  await form.locator("[name=email]").fill("ada@example");
  assert.match(await form.locator("#air-lead-email-error").textContent(), /domain such as company\.com/);
  await form.locator("[name=email]").fill("ada@example.com");
  await form.locator("[name=size]").selectOption("250-999");
  await form.locator("[name=consent]").check();
  assert.equal(await form.locator("[name=name]").inputValue(), "Ada Lovelace");
  await host.locator('[data-action="lead-submit"]').click();

  await host.locator("[data-lead-sent]").waitFor();
  assert.ok(await host.locator("[data-biggest-gap]").isVisible(), "the full result after sending");
  assert.ok(await host.locator("[data-plan]").isVisible());
  const [complete_] = await events(page, "ai-readiness:complete");
  const [lead] = await events(page, "ai-readiness:lead");
  assert.deepEqual(lead.detail.lead, {
    name: "Ada Lovelace", email: "ada@example.com", size: "250-999", consent: true,
    consentText: "I agree to be contacted about my result.",
  });
  assert.equal(lead.detail.perspective, "team");
  for (const key of ["level", "overall", "biggestGap", "code", "modelVersion"]) {
    assert.deepEqual(lead.detail[key], complete_.detail[key], key);
  }
  assert.equal(lead.host, "w", "dispatched on the widget's host element");
  assert.deepEqual(seen.errors, []);

  // A reload keeps the result unlocked: the visitor is not asked twice.
  await page.reload();
  await host.locator("[data-result]").waitFor();
  await host.locator("[data-lead-sent]").waitFor();
  assert.equal(await host.locator("form[data-lead]").count(), 0);
  assert.ok(await host.locator("[data-biggest-gap]").isVisible());
  await page.close();
});

test("declining before the result keeps the level and offers the form again", async () => {
  const { page, host } = await complete({ "data-lead": "before-result" });
  await host.locator('[data-action="lead-decline"]').click();
  await host.locator("[data-lead-declined]").waitFor();
  assert.ok(await host.locator(".air-level").isVisible());
  assert.equal(await host.locator("[data-biggest-gap]").isVisible(), false);
  assert.equal((await events(page, "ai-readiness:lead")).length, 0, "nothing announced");
  await host.locator('[data-action="lead-reopen"]').click();
  await host.locator("form[data-lead]").waitFor();
  await page.close();
});

test("after the result, with the host's fields and consent: sent by keyboard, announced and delivered as a lead", async () => {
  Object.assign(receiver.state, { posts: [], accepted: [], plan: [], cors: true });
  const { page, host } = await complete({
    "data-lead": "after-result",
    "data-lead-fields": "company:required, size:hidden",
    "data-lead-consent": "Acme may email me about this result.",
    "data-submit-url": receiver.url,
  });
  const form = host.locator("form[data-lead='after-result']");
  await form.waitFor();
  assert.ok(await host.locator("[data-biggest-gap]").isVisible(), "the full result is there");
  assert.equal(await form.locator("[name=size]").count(), 0, "a hidden field is not drawn");
  assert.match(await form.textContent(), /Acme may email me about this result\./);
  // Keyboard only: type, Tab to the next field, Space ticks, Enter sends.
  await form.locator("[name=name]").focus();
  await page.keyboard.type("Grace Hopper");
  await page.keyboard.press("Tab");
  await page.keyboard.type("grace@navy.example");
  await page.keyboard.press("Enter");
  assert.deepEqual(await form.locator(".air-field-error:not(:empty)").allTextContents(),
    ["Enter your company."]);
  assert.equal(await focused(page), "company");
  await page.keyboard.type("US Navy");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await host.locator("[data-lead-sent]").waitFor();
  const [lead] = await events(page, "ai-readiness:lead");
  assert.deepEqual(lead.detail.lead, {
    name: "Grace Hopper", email: "grace@navy.example", company: "US Navy", consent: true,
    consentText: "Acme may email me about this result.",
  });
  await receiver.until((s) => s.accepted.some((b) => b.kind === "lead"));
  const kinds = receiver.state.accepted.map((b) => b.kind).sort();
  assert.deepEqual(kinds, ["complete", "lead"], "the completion and the lead, each once");
  const sent = receiver.state.accepted.find((b) => b.kind === "lead");
  assert.deepEqual(sent.lead, lead.detail.lead);
  assert.equal(sent.code, lead.detail.code);
  await page.close();
});

test("the lead form passes axe-core in both themes, and a blank answer never shows a blank box", async () => {
  for (const theme of ["light", "dark"]) {
    const { page, host } = await complete({ "data-lead": "before-result", theme });
    await host.locator("form[data-lead]").waitFor();
    assert.deepEqual(await violations(page, "#w"), [], `${theme}: empty form`);
    await host.locator('[data-action="lead-submit"]').click();
    assert.deepEqual(await violations(page, "#w"), [], `${theme}: with messages`);
    await page.close();
  }
});

test("a bad lead attribute falls back to no form, and pages without the form never fetch it", async () => {
  const { page, host, seen } = await complete({ "data-lead": "sometimes" });
  const [problem] = await events(page, "ai-readiness:error");
  assert.equal(problem.detail.key, "data-lead");
  assert.match(problem.detail.message, /data-lead must be one of "off", "before-result", "after-result", got "sometimes"/);
  assert.equal(await host.locator("form[data-lead]").count(), 0);
  assert.ok(await host.locator("[data-biggest-gap]").isVisible());
  const fetched = seen.requests.map((u) => new URL(u).pathname.split("/").pop());
  assert.ok(fetched.includes("split_result.wasm"));
  assert.ok(!fetched.includes("split_lead.wasm"), "no lead form downloaded");
  assert.ok(!fetched.includes("split_delivery.wasm"), "no delivery code downloaded");
  await page.close();
});

test("with the form on, nothing is sent before the visitor answers it; declining sends the result alone", async () => {
  Object.assign(receiver.state, { posts: [], accepted: [], plan: [], cors: true });
  const { page, host } = await complete({ "data-lead": "after-result", "data-submit-url": receiver.url });
  await host.locator("form[data-lead]").waitFor();
  await events(page, "ai-readiness:complete");
  assert.deepEqual(receiver.state.posts, [], "nothing posted while the form is unanswered");
  await host.locator('[data-action="lead-decline"]').click();
  await receiver.until((s) => s.accepted.length === 1);
  assert.deepEqual(receiver.state.accepted.map((b) => b.kind), ["complete"]);
  assert.equal(receiver.state.accepted[0].lead, undefined);
  await page.close();

  // `submitAnonymous: true` sends the result when it is reached, as without the form.
  Object.assign(receiver.state, { posts: [], accepted: [], plan: [], cors: true });
  const early = await complete({ "data-lead": "after-result", "data-submit-url": receiver.url, "data-submit-anonymous": "true" });
  await receiver.until((s) => s.accepted.length === 1);
  assert.equal(await early.host.locator("[data-lead-state=open]").count(), 1, "the form is still unanswered");
  assert.deepEqual(receiver.state.accepted.map((b) => b.kind), ["complete"]);
  await early.page.close();
});

test("consent is what the box shows when sent, a script's silent untick included; a second submit does nothing", async () => {
  Object.assign(receiver.state, { posts: [], accepted: [], plan: [], cors: true });
  const { page, host } = await complete({ "data-lead": "after-result", "data-submit-url": receiver.url });
  const form = host.locator("form[data-lead]");
  await form.waitFor();
  assert.equal(await form.locator("[name=consent]").isChecked(), false, "unticked to start with");
  await form.locator("[name=name]").fill("Ada Lovelace");
  await form.locator("[name=email]").fill("ada@example.com");
  await form.locator("[name=consent]").check();
  // A script on the page unticks the box without an event, then submits twice in one task.
  await page.evaluate(() => {
    const f = document.querySelector("#w").shadowRoot.querySelector("form[data-lead]");
    f.querySelector("[name=consent]").checked = false;
    f.requestSubmit();
    f.requestSubmit();
  });
  await host.locator("[data-lead-sent]").waitFor();
  const leads = await events(page, "ai-readiness:lead");
  assert.equal(leads.length, 1, "one lead for two submits");
  assert.equal(leads[0].detail.lead.consent, false, "as the box was");
  assert.equal(leads[0].detail.lead.consentText, "I agree to be contacted about my result.");
  await receiver.until((s) => s.accepted.length === 2);
  assert.deepEqual(receiver.state.accepted.map((b) => b.kind), ["complete", "lead"]);
  assert.equal(receiver.state.accepted[1].lead.consent, false);
  await page.close();
});

test("names of invisible characters only, and control or direction characters, get a message", async () => {
  const { page, host } = await complete({ "data-lead": "after-result" });
  const form = host.locator("form[data-lead]");
  await form.waitFor();
  await form.locator("[name=name]").fill("\u200B\u200D\uFEFF");
  await form.locator("[name=email]").fill("ada@example.com");
  await form.locator("[name=company]").fill("Acme\u202E");
  await host.locator('[data-action="lead-submit"]').click();
  assert.deepEqual(await form.locator(".air-field-error:not(:empty)").allTextContents(),
    ["Enter your name.", "Remove the hidden or control characters from this field."]);
  assert.equal(await form.locator("[name=company]").inputValue(), "Acme\u202E", "what was typed stays");
  assert.equal((await events(page, "ai-readiness:lead")).length, 0);
  await page.close();
});

test("the intro says nothing leaves only when nothing can, and otherwise who receives the answers", async () => {
  const line = (host) => host.locator("[data-privacy]");
  const quiet = await openPage(env.browser, withAttributes({}));
  const q = quiet.page.locator("#w");
  assert.equal(await line(q).getAttribute("data-privacy"), "none");
  assert.match(await line(q).textContent(), /nothing leaves this page/);
  await quiet.page.close();

  for (const [attributes, sentence] of [
    [{ "data-submit-url": "/collect" }, /^Your answers and your result are shared with \u2068127\.0\.0\.1\u2069\.$/],
    [{ "data-data-layer": "true", "data-lead-privacy-url": "https://acme.example/privacy" }, /shared with \u2068127\.0\.0\.1\u2069\. Privacy policy$/],
    [{ "data-lead": "before-result", "data-privacy-note": "Acme keeps your answers for 30 days." }, /^Acme keeps your answers for 30 days\.$/],
  ]) {
    const { page } = await openPage(env.browser, withAttributes(attributes));
    const host = page.locator("#w");
    assert.equal(await line(host).getAttribute("data-privacy"), "shared", JSON.stringify(attributes));
    assert.match(await line(host).textContent(), sentence);
    assert.equal(await host.getByText("nothing leaves", { exact: false }).count(), 0);
    if (attributes["data-lead-privacy-url"]) {
      assert.equal(await line(host).locator("a").getAttribute("href"), "https://acme.example/privacy");
    }
    await page.close();
  }
});
