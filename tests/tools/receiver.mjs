// A small recording endpoint for `submitUrl` tests: it answers CORS preflights (unless told not
// to), records every POST, and accepts each submission once by its `submissionId`, the way the
// book's example receiver (docs/src/lead-and-delivery.md) de-duplicates. Tests script its next answers: `plan.push(500)`
// fails the next POST, `plan.push("hang")` never answers it, `plan.push(400)` refuses it, and
// `plan.push({ redirect: 307, to })` answers it with a redirect to `to`.
import { createServer } from "node:http";

export async function startReceiver() {
  const state = {
    /** Every POST as received: `{id, body}`. */
    posts: [],
    /** Each submission accepted, once. */
    accepted: [],
    /** Preflight requests seen. */
    preflights: 0,
    /** What the next POSTs get, in order: a status, or "hang"; then 200. */
    plan: [],
    /** Whether CORS headers are sent at all. */
    cors: true,
    /** Every request but a preflight, as `METHOD /path`. */
    requests: [],
  };
  const waiters = new Set();
  const hanging = new Set();
  const changed = () => {
    for (const w of [...waiters]) if (w.test(state)) { waiters.delete(w); w.done(); }
  };
  const headers = () => state.cors ? {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "POST",
    "access-control-allow-headers": "content-type",
  } : {};
  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      state.preflights += 1;
      res.writeHead(204, headers()).end();
      changed();
      return;
    }
    state.requests.push(`${req.method} ${req.url}`);
    let text = "";
    req.on("data", (c) => { text += c; });
    req.on("end", () => {
      let body = null;
      try { body = JSON.parse(text); } catch { /* recorded as null */ }
      state.posts.push({ id: body?.submissionId, body });
      const next = state.plan.shift() ?? 200;
      if (next?.redirect) {
        res.writeHead(next.redirect, { ...headers(), location: next.to }).end();
      } else if (next === "hang") {
        hanging.add(res);
      } else if (next !== 200) {
        res.writeHead(next, { ...headers(), "content-type": "text/plain" }).end(`status ${next}`);
      } else {
        const known = state.accepted.some((b) => b.submissionId === body?.submissionId);
        if (!known && body) state.accepted.push(body);
        res.writeHead(200, { ...headers(), "content-type": "application/json" }).end(JSON.stringify({ duplicate: known }));
      }
      changed();
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/hook`,
    state,
    /** Resolves once `test(state)` holds, checked after every request. */
    until(test) {
      if (test(state)) return Promise.resolve();
      return new Promise((done) => waiters.add({ test, done }));
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      return new Promise((ok) => server.close(ok));
    },
  };
}
