// Delivery to the host's own endpoint (`submitUrl`), against a real recording receiver on
// 127.0.0.1: success, retries after 500s, a receiver that never answers, offline then a later
// page load, a final 400, a receiver without CORS headers, a page whose Content-Security-Policy
// blocks the receiver, and two tabs completing at once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, answerAll, events, LOW_ANSWERS } from "./harness.mjs";
import { startReceiver } from "../tools/receiver.mjs";

const env = useBrowser();
let receiver;
// Where a redirecting receiver points: another origin that must hear nothing.
let elsewhere;
before(async () => { [receiver, elsewhere] = await Promise.all([startReceiver(), startReceiver()]); });
after(async () => { await Promise.all([receiver?.close(), elsewhere?.close()]); });

const OTHER = [4, 3, 3, 3, 2, 2, 2, 2, 3, 2, 2, 1];
const pageUrl = () =>
  `${env.server.base}/tests/pages/send.html?${new URLSearchParams({ locale: "en", "data-submit-url": receiver.url, connect: new URL(receiver.url).origin })}`;

/** A fresh receiver state for each test. */
function reset({ cors = true } = {}) {
  for (const r of [receiver, elsewhere]) Object.assign(r.state, { posts: [], accepted: [], preflights: 0, plan: [], cors, requests: [] });
}

/** Opens the page in `context` (its own storage) and records events, warnings and errors. */
async function open(context, url = pageUrl(), prepare = async () => {}) {
  const page = await context.newPage();
  const seen = { errors: [], warnings: [] };
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
    if (m.type() === "warning") seen.warnings.push(m.text());
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["ready", "complete", "delivery"]) {
      document.addEventListener(`ai-readiness:${name}`, (e) => window.__events.push({ type: e.type, detail: e.detail }));
    }
  });
  // The delivery code is fetched when a widget with submitUrl mounts.
  const chunk = page.waitForResponse((r) => r.url().endsWith("/split_delivery.wasm"));
  await prepare(page);
  await page.goto(url);
  await chunk;
  return { page, seen, host: page.locator("#w") };
}

async function complete({ page, host }, answers = LOW_ANSWERS) {
  const result = page.waitForResponse((r) => r.url().endsWith("/split_result.wasm"));
  await host.locator('[data-action="start"]').click();
  await result;
  await answerAll(host, answers);
  const [done] = await events(page, "ai-readiness:complete");
  return done.detail;
}

const deliveries = async (page) => (await events(page, "ai-readiness:delivery")).map((e) => e.detail);
const waitForDelivery = (page, status, count = 1) =>
  page.waitForFunction(([s, n]) => window.__events.filter((e) => e.type === "ai-readiness:delivery" && e.detail.status === s).length >= n, [status, count]);
const outbox = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":outbox:v1:")));

test("a completed assessment is posted once, with the documented payload", async () => {
  reset();
  const context = await env.browser.newContext();
  const opened = await open(context);
  const result = await complete(opened);
  await receiver.until((s) => s.accepted.length === 1);
  const [body] = receiver.state.accepted;
  assert.match(body.submissionId, /^[0-9a-f]{32}$/);
  assert.equal(body.schema, 1);
  assert.equal(body.kind, "complete");
  assert.equal(body.perspective, "team");
  assert.equal(body.code, result.code);
  // The page's address without its query (no utm_* parameter here) and fragment.
  assert.equal(body.pageUrl, `${env.server.base}/tests/pages/send.html`);
  assert.ok(Math.abs(Date.parse(body.time) - Date.now()) < 60_000, body.time);
  assert.deepEqual(Object.values(body.answers), LOW_ANSWERS);
  assert.ok(Object.keys(body.answers).every((id) => /^[a-z]+\.[a-z_]+$/.test(id)), Object.keys(body.answers).join());
  const { url, ...expected } = result;
  assert.deepEqual(body.result, expected);
  await waitForDelivery(opened.page, "delivered");
  const [delivered] = await deliveries(opened.page);
  assert.equal(delivered.submissionId, body.submissionId);
  assert.equal(delivered.httpStatus, 200);
  assert.deepEqual(await outbox(opened.page), [], "nothing left waiting");
  assert.equal(receiver.state.posts.length, 1);
  assert.deepEqual(opened.seen.errors, []);
  await context.close();
});

test("server errors are retried with a growing pause until the endpoint takes it", async () => {
  reset();
  receiver.state.plan.push(500, 503);
  const context = await env.browser.newContext();
  const opened = await open(context);
  await complete(opened);
  await receiver.until((s) => s.accepted.length === 1);
  await waitForDelivery(opened.page, "delivered");
  const ids = new Set(receiver.state.posts.map((p) => p.id));
  assert.equal(receiver.state.posts.length, 3, "two failures, then success");
  assert.equal(ids.size, 1, "every attempt carries the same submissionId");
  const statuses = (await deliveries(opened.page)).map((d) => [d.status, d.httpStatus, d.retryInMs]);
  assert.deepEqual(statuses, [["retrying", 500, 1000], ["retrying", 503, 2000], ["delivered", 200, undefined]]);
  assert.ok(opened.seen.warnings.some((w) => w.includes("HTTP 503") && w.includes("trying again in 2 s")), opened.seen.warnings.join("\n"));
  assert.deepEqual(await outbox(opened.page), []);
  await context.close();
});

test("an endpoint that never answers times out and the submission is tried again", async () => {
  reset();
  receiver.state.plan.push("hang");
  const context = await env.browser.newContext();
  const opened = await open(context);
  await complete(opened);
  await waitForDelivery(opened.page, "delivered");
  const statuses = (await deliveries(opened.page)).map((d) => d.status);
  assert.deepEqual(statuses, ["retrying", "delivered"]);
  const [timedOut] = await deliveries(opened.page);
  assert.match(timedOut.message, /no answer within 10 s/);
  assert.equal(timedOut.httpStatus, undefined);
  assert.equal(receiver.state.accepted.length, 1);
  assert.equal(new Set(receiver.state.posts.map((p) => p.id)).size, 1);
  await context.close();
});

test("a 400 refuses the submission for good, in the console and in an event", async () => {
  reset();
  receiver.state.plan.push(400);
  const context = await env.browser.newContext();
  const opened = await open(context);
  await complete(opened);
  await waitForDelivery(opened.page, "refused");
  const [refused] = await deliveries(opened.page);
  assert.equal(refused.httpStatus, 400);
  assert.match(refused.message, /refused submission [0-9a-f]{32} with HTTP 400; it will not be sent again/);
  assert.ok(opened.seen.errors.some((e) => e.includes(refused.message)));
  assert.deepEqual(await outbox(opened.page), [], "a refused submission is not kept");
  assert.equal(receiver.state.accepted.length, 0);
  assert.equal(receiver.state.posts.length, 1, "and not sent again");
  await context.close();
});

test("offline at the result, the submission waits in the outbox and goes out on the next page load", async () => {
  reset();
  const context = await env.browser.newContext();
  const first = await open(context);
  const result = first.page.waitForResponse((r) => r.url().endsWith("/split_result.wasm"));
  await first.host.locator('[data-action="start"]').click();
  await result;
  await context.setOffline(true);
  await answerAll(first.host, LOW_ANSWERS);
  await waitForDelivery(first.page, "retrying");
  const [retrying] = await deliveries(first.page);
  assert.match(retrying.message, /\(offline\)/);
  assert.equal((await outbox(first.page)).length, 1, "kept in localStorage");
  await first.page.close();
  assert.equal(receiver.state.posts.length, 0);
  await context.setOffline(false);
  // A later visit to any page with the widget sends what waits, without a new assessment.
  const second = await open(context);
  await receiver.until((s) => s.accepted.length === 1);
  assert.equal(receiver.state.accepted[0].submissionId, retrying.submissionId);
  await waitForDelivery(second.page, "delivered");
  assert.deepEqual(await outbox(second.page), []);
  await context.close();
});

test("an endpoint that sends no CORS headers is reported with the header it needs, and the submission is kept", async () => {
  reset({ cors: false });
  const context = await env.browser.newContext();
  const opened = await open(context);
  await complete(opened);
  await waitForDelivery(opened.page, "retrying");
  const [retrying] = await deliveries(opened.page);
  assert.match(retrying.message, /Access-Control-Allow-Origin/);
  assert.ok(opened.seen.warnings.some((w) => w.includes("Access-Control-Allow-Origin")));
  assert.ok(receiver.state.preflights >= 1, "the browser asked first");
  assert.equal(receiver.state.accepted.length, 0);
  assert.equal((await outbox(opened.page)).length, 1, "kept for a later attempt");
  await context.close();
});

test("a page whose Content-Security-Policy blocks the endpoint is told so, not of CORS; the submission waits for a page that allows it", async () => {
  reset();
  const context = await env.browser.newContext();
  // The same page, served with a policy whose connect-src leaves the receiver out.
  const opened = await open(context, pageUrl(), (page) => page.route((url) => url.pathname === "/tests/pages/send.html", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": "connect-src 'self'" } });
  }));
  await complete(opened);
  await waitForDelivery(opened.page, "retrying");
  const [retrying] = await deliveries(opened.page);
  assert.match(retrying.message, /\(blocked by the page's Content-Security-Policy \(connect-src\): it must list the endpoint's origin\)/);
  assert.doesNotMatch(retrying.message, /CORS|Access-Control/);
  assert.ok(opened.seen.warnings.some((w) => w.includes(retrying.message)), opened.seen.warnings.join("\n"));
  assert.equal(receiver.state.preflights + receiver.state.posts.length, 0, "nothing left the page");
  assert.equal((await outbox(opened.page)).length, 1, "kept for a later attempt");
  await opened.page.close();
  // The same page without the policy sends it.
  const allowed = await open(context);
  await receiver.until((s) => s.accepted.length === 1);
  assert.equal(receiver.state.accepted[0].submissionId, retrying.submissionId);
  await waitForDelivery(allowed.page, "delivered");
  await context.close();
});

test("two tabs completing at once: each submission arrives exactly once at a de-duplicating receiver", async () => {
  reset();
  const context = await env.browser.newContext();
  const [a, b] = [await open(context), await open(context)];
  const [ra, rb] = await Promise.all([complete(a, LOW_ANSWERS), complete(b, OTHER)]);
  await receiver.until((s) => s.accepted.length === 2);
  await Promise.all([waitForDelivery(a.page, "delivered"), waitForDelivery(b.page, "delivered")]);
  const codes = receiver.state.accepted.map((p) => p.code).sort();
  assert.deepEqual(codes, [ra.code, rb.code].sort());
  const ids = receiver.state.accepted.map((p) => p.submissionId);
  assert.equal(new Set(ids).size, 2);
  assert.ok(receiver.state.posts.every((p) => ids.includes(p.id)), "nothing else was posted");
  assert.deepEqual(await outbox(a.page), []);
  await context.close();
});

for (const status of [301, 302, 303, 307, 308]) {
  test(`a ${status} redirect is neither followed nor counted as delivered: the submission is kept and sent again`, async () => {
    reset();
    receiver.state.plan.push({ redirect: status, to: `${elsewhere.url}?from=${status}` });
    const context = await env.browser.newContext();
    const opened = await open(context);
    await complete(opened);
    await opened.page.waitForFunction(() => window.__events.some((e) => e.type === "ai-readiness:delivery"));
    const [kept] = await deliveries(opened.page);
    assert.equal(kept.status, "retrying", `the first attempt: ${JSON.stringify(kept)}`);
    assert.match(kept.message, /redirect/);
    // The next attempt, to the same address, is answered: the same submission arrives once.
    await waitForDelivery(opened.page, "delivered");
    const statuses = (await deliveries(opened.page)).map((d) => d.status);
    assert.deepEqual(statuses, ["retrying", "delivered"]);
    assert.equal(receiver.state.accepted.length, 1);
    assert.equal(receiver.state.accepted[0].submissionId, kept.submissionId);
    assert.deepEqual(elsewhere.state.requests, [], "nothing went where the redirect pointed");
    assert.equal(elsewhere.state.preflights, 0);
    assert.deepEqual(await outbox(opened.page), []);
    await context.close();
  });
}

test("a submitUrl with a newline is refused: an error, and nothing is posted", async () => {
  reset();
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on("console", (m) => { if (m.type() === "error") seen.push(m.text()); });
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["error", "complete", "delivery"]) {
      document.addEventListener(`ai-readiness:${name}`, (e) => window.__events.push({ type: e.type, detail: e.detail }));
    }
  });
  const url = `${receiver.url}\n${elsewhere.url}`;
  const origins = `${new URL(receiver.url).origin} ${new URL(elsewhere.url).origin}`;
  await page.goto(`${env.server.base}/tests/pages/send.html?${new URLSearchParams({ locale: "en", "data-submit-url": url, connect: origins })}`);
  const host = page.locator("#w");
  await host.locator('[data-action="start"]').click();
  await answerAll(host, LOW_ANSWERS);
  const [problem] = await events(page, "ai-readiness:error");
  assert.equal(problem?.detail.key, "data-submit-url");
  assert.match(problem.detail.message, /data-submit-url must be an http\(s\) URL/);
  assert.ok(seen.some((e) => e.includes("data-submit-url must be")), seen.join("\n"));
  await events(page, "ai-readiness:complete");
  assert.deepEqual(await deliveries(page), []);
  assert.deepEqual(await outbox(page), []);
  assert.deepEqual([...receiver.state.requests, ...elsewhere.state.requests], []);
  await context.close();
});

test("markup that arrives after load cannot send to another origin, nor name one", async () => {
  reset();
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname.split("/").pop()));
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["ready", "error", "complete", "delivery"]) {
      document.addEventListener(`ai-readiness:${name}`, (e) => window.__events.push({ type: e.type, detail: e.detail, host: e.target.id }));
    }
  });
  // The page owner names no origin; a comment a sanitizer let through (it keeps data-* attributes)
  // carries a widget that would post leads to a stranger, a data-connect on the widget, and a
  // script element naming the stranger's origin (inert, as markup).
  await page.goto(`${env.server.base}/tests/pages/send.html?locale=en&data-load=eager`);
  await page.waitForFunction(() => window.__events.some((e) => e.type === "ai-readiness:ready"));
  const stranger = new URL(elsewhere.url).origin;
  await page.evaluate(([url, origin]) => {
    const comment = document.createElement("section");
    comment.innerHTML = `<script type="module" src="/pkg/embed.js" data-connect="${origin}"></script>` +
      `<div id="late" data-ai-readiness data-lead="after-result" data-connect="${origin}" data-submit-url="${url}"></div>`;
    document.body.append(comment);
  }, [elsewhere.url, stranger]);
  const late = page.locator("#late");
  await page.waitForFunction(() => window.__events.some((e) => e.type === "ai-readiness:ready" && e.host === "late"));
  const problems = (await events(page, "ai-readiness:error")).map((e) => e.detail);
  assert.deepEqual(problems.map((p) => p.key).sort(), ["data-connect", "data-submit-url"]);
  assert.match(problems.find((p) => p.key === "data-submit-url").message, new RegExp(`leads to ${stranger}, which the page owner did not name`));
  await late.locator('[data-action="start"]').click();
  await answerAll(late, LOW_ANSWERS);
  await late.locator("form[data-lead]").waitFor();
  await late.locator("[name=name]").fill("Ada");
  await late.locator("[name=email]").fill("ada@example.com");
  await late.locator("[name=consent]").check();
  await late.locator('[data-action="lead-submit"]').click();
  await late.locator("[data-lead-sent]").waitFor();
  assert.ok(!fetched.includes("split_delivery.wasm"), "no delivery code fetched: nothing to send");
  assert.deepEqual(await deliveries(page), []);
  assert.deepEqual(elsewhere.state.requests, []);
  assert.equal(elsewhere.state.preflights, 0);
  await context.close();
});

test("a waiting lead expires after its outboxDays, on a controlled clock; an anonymous result waits on", async () => {
  reset({ cors: false });
  const DAY = 86_400_000;
  const url = `${pageUrl()}&${new URLSearchParams({ "data-lead": "after-result", "data-outbox-days": "3" })}`;
  const context = await env.browser.newContext();
  const start = Date.now();
  const first = await open(context, url, (page) => page.clock.setFixedTime(start));
  await complete(first);
  const form = first.host.locator("form[data-lead]");
  await form.locator("[name=name]").fill("Ada");
  await form.locator("[name=email]").fill("ada@example.com");
  await form.locator("[name=consent]").check();
  await first.host.locator('[data-action="lead-submit"]').click();
  await first.page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.includes(":outbox:")).length === 2);
  const waiting = await first.page.evaluate(() =>
    Object.entries(localStorage).filter(([k]) => k.includes(":outbox:")).map(([k, v]) => ({ id: k.split(":").pop(), lead: v.includes('"lead":{') })));
  const lead = waiting.find((w) => w.lead).id;
  await first.page.close();
  receiver.state.cors = true;

  // Three days and a minute later, the next page load drops the lead unsent and says so; the
  // anonymous result, which carries no lead fields, goes out.
  const later = await open(context, url, (page) => page.clock.setFixedTime(start + 3 * DAY + 60_000));
  await waitForDelivery(later.page, "delivered");
  const outcomes = (await deliveries(later.page)).map((d) => [d.submissionId, d.status]);
  assert.deepEqual(outcomes.find(([id]) => id === lead), [lead, "expired"], JSON.stringify(outcomes));
  const expired = (await deliveries(later.page)).find((d) => d.status === "expired");
  assert.match(expired.message, /dropped unsent/);
  assert.deepEqual(receiver.state.accepted.map((b) => b.kind), ["complete"]);
  assert.ok(receiver.state.posts.every((p) => p.id !== lead), "the lead was never posted");
  assert.deepEqual(await outbox(later.page), []);
  await context.close();
});
