// Serves the repository root (the demo page, pkg/) on 127.0.0.1 for `make serve`. Node 20+, no
// packages. The port is PORT (8080 when unset).
//
//   PORT=8080 node src/build/serve.mjs
//
// A static server for the demo, not for production: every file under the root, with the content
// types a host's server sends (.wasm as application/wasm, which streaming compilation needs).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Content types by extension, as a static server sends them (the e2e harness uses them too). */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** What a request path names under the root: `{ file }`, `{ folder }` or nothing. */
async function lookUp(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return {};
  }
  const file = join(ROOT, path);
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return {};
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) return { folder: file };
  return info?.isFile() ? { file } : {};
}

/** Answers one request: the file, a folder's index.html, or 404. */
async function respond(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const { pathname } = new URL(req.url, "http://localhost");
  const { file, folder } = await lookUp(pathname);
  if (folder && !pathname.endsWith("/")) {
    // The address of a folder's page ends with a slash, or its relative links would miss.
    res.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  const path = folder ? join(folder, "index.html") : file;
  const body = path && (await readFile(path).catch(() => undefined));
  if (!body) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${pathname}\n`);
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[extname(path)] ?? "application/octet-stream",
    "content-length": body.length,
    "cache-control": "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

// Run as a script (not imported for its TYPES): serve.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(1);
  }
  const server = createServer((req, res) => {
    respond(req, res).then(
      () => console.log(`${req.method} ${req.url} ${res.statusCode}`),
      (error) => {
        console.error(`serve.mjs: ${req.method} ${req.url}: ${error.message}`);
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  server.on("error", (error) => {
    console.error(`serve.mjs: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`Serving the demo (${ROOT}) on http://127.0.0.1:${server.address().port}/`);
  });
}
