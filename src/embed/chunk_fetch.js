// The build puts this in front of the chunk loader wasm-split-cli writes
// (target/split/__wasm_split.js), with `const CHUNK_INTEGRITY = {…}` before it
// (src/build/dist.mjs), and minifies the three into pkg/__wasm_split.js. The loader fetches each
// chunk as `fetch(new URL("./<chunk>.wasm", import.meta.url))` and compiles the response with
// `WebAssembly.instantiateStreaming`; this module's own `fetch` is the one it calls, so the
// loader's text stays as wasm-split-cli wrote it (dist.mjs checks that it still calls it so):
// - in the `make dist` zip, each chunk is fetched with its pinned sha384, so the browser refuses
//   a tampered one (pkg/ pins nothing);
// - streaming compilation needs `Content-Type: application/wasm`; many CMS media folders and
//   some CDNs send .wasm as application/octet-stream. Like wasm-bindgen's glue for the main
//   module, the bytes are then read, and handed on as the wasm they are.
/* global CHUNK_INTEGRITY */

const fetch = async (url, init) => {
  const chunk = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
  const response = await globalThis.fetch(url, { ...init, integrity: CHUNK_INTEGRITY[chunk] });
  if (!response.ok || response.headers.get("content-type")?.startsWith("application/wasm")) return response;
  return new Response(await response.arrayBuffer(), { headers: { "content-type": "application/wasm" } });
};
