#!/usr/bin/env python3
"""Packaging steps for pkg/ and dist/, standard library only.

  dist.py loader IN OUT  copy the splitter's chunk loader, making each chunk's instantiation
                         survive a server that sends .wasm with the wrong MIME type
  dist.py package-json   write pkg/package.json (name, version, ES module entry, types)
  dist.py locales        write pkg/locales/<tag>.txt for each language but English (which is
                         compiled in), without the translators' notes and blank lines, through
                         the widget's own catalog reader (`src/bin/catalog.rs`), which fails
                         the build on a line the widget could not use
  dist.py zip            write dist/ai-readiness-<version>.zip: pkg/ with the hashes of the wasm
                         and of each language's catalog pinned in embed.js (pinned in its
                         source, then minified again) and the hash of each chunk pinned in the
                         chunk loader `__wasm_split.js`, an example page, and SRI.txt with each
                         file's sha384 hash
"""
import base64
import hashlib
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PKG = ROOT / "pkg"


def version():
    text = (ROOT / "Cargo.toml").read_text()
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        sys.exit("dist.py: no version in Cargo.toml")
    return match.group(1)


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def package_json():
    manifest = {
        "name": "ai-readiness-widget",
        "version": version(),
        "description": "Embeddable AI readiness assessment: Rust + WebAssembly, no backend.",
        "type": "module",
        "module": "./ai_readiness.js",
        "main": "./ai_readiness.js",
        "types": "./ai_readiness.d.ts",
        "exports": {
            ".": {"types": "./ai_readiness.d.ts", "default": "./ai_readiness.js"},
            "./embed.js": "./embed.js",
        },
        "files": ["ai_readiness.js", "ai_readiness.d.ts", "ai_readiness_bg.wasm", "embed.js",
                  "frame.html", "frame.js", "framed.js",
                  "__wasm_split.js", *chunks(), "locales/"],
        "sideEffects": ["./embed.js", "./framed.js", "./frame.js"],
        "license": "MIT",
    }
    (PKG / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")


def chunks():
    """The wasm chunks loaded on demand (everything in pkg/ besides the main module)."""
    return sorted(p.name for p in PKG.glob("*.wasm") if p.name != "ai_readiness_bg.wasm")


def pin_chunks(loader: str, files: dict) -> str:
    """The chunk loader with each chunk's fetch carrying its integrity hash."""
    for name in chunks():
        fetch = f'fetch(new URL("./{name}",import.meta.url))'
        if loader.count(fetch) != 1:
            sys.exit(f"dist.py: __wasm_split.js does not fetch {name} exactly once as {fetch}")
        loader = loader.replace(fetch, f'fetch(new URL("./{name}",import.meta.url),{{integrity:"{sri(files[name])}"}})')
    return loader


def locales():
    out = PKG / "locales"
    out.mkdir(exist_ok=True)
    # English is compiled in; its self texts travel in the self voice's chunk.
    sources = [str(source) for source in sorted((ROOT / "src" / "core" / "locales").glob("*.txt"))
               if source.stem not in ("en", "en.self")]
    shipped = subprocess.run(["cargo", "run", "--quiet", "--bin", "catalog", "--", "ship",
                              str(out), *sources], cwd=ROOT)
    if shipped.returncode:
        sys.exit("dist.py: the catalogs cannot ship (see above)")


EXAMPLE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>AI readiness widget example</title>
  <link rel="icon" href="data:,">
</head>
<body>
  <div data-ai-readiness data-cta-label="Talk to us" data-cta-url="https://example.com/contact"></div>
  <script type="module" src="{folder}/embed.js"
          integrity="{embed_sri}" crossorigin="anonymous"></script>
</body>
</html>
"""


def make_zip():
    folder = f"ai-readiness-{version()}"
    files = {name: (PKG / name).read_bytes() for name in
             ["ai_readiness.js", "ai_readiness.d.ts", "ai_readiness_bg.wasm", "package.json",
              "frame.html", "frame.js", "framed.js", *chunks()]}
    files["__wasm_split.js"] = pin_chunks((PKG / "__wasm_split.js").read_text(), files).encode()
    for catalog in sorted((PKG / "locales").glob("*.txt")):
        files[f"locales/{catalog.name}"] = catalog.read_bytes()
    locales = {name[len("locales/"):-len(".txt")]: sri(data) for name, data in files.items()
               if name.startswith("locales/")}
    # The first screens the build rendered (`make build` wrote them), in front of embed.js.
    source = ((ROOT / "target" / "first_screen.js").read_text()
              + (ROOT / "src" / "embed" / "embed.js").read_text())
    pinned = source.replace('const WASM_INTEGRITY = "";',
                            f'const WASM_INTEGRITY = "{sri(files["ai_readiness_bg.wasm"])}";')
    pinned = pinned.replace("const LOCALE_INTEGRITY = {};",
                            f"const LOCALE_INTEGRITY = {json.dumps(locales, sort_keys=True)};")
    if pinned.count("sha384-") != 1 + len(locales):
        sys.exit("dist.py: embed.js lacks the WASM_INTEGRITY or LOCALE_INTEGRITY line to pin")
    # Minified like pkg/embed.js: the same pinned terser, with the flags the Makefile passes.
    flags = os.environ.get("TERSER_FLAGS")
    if not flags:
        sys.exit("dist.py: run through `make dist`, which passes TERSER_FLAGS")
    files["embed.js"] = subprocess.run(
        [str(ROOT / "node_modules" / ".bin" / "terser"), *shlex.split(flags)],
        input=pinned.encode(), capture_output=True, check=True).stdout
    hashes = {name: sri(data) for name, data in sorted(files.items())}
    lines = [f"{hashes[name]}  {folder}/{name}" for name in sorted(hashes)]
    out = ROOT / "dist"
    out.mkdir(exist_ok=True)
    target = out / f"{folder}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in sorted(files.items()):
            z.writestr(f"{folder}/{name}", data)
        z.writestr("example.html", EXAMPLE.format(folder=folder, embed_sri=hashes["embed.js"]))
        z.writestr("SRI.txt", "\n".join(lines) + "\n")
    print(f"wrote {target.relative_to(ROOT)}")
    print("\n".join(lines))


# Streaming compilation needs `Content-Type: application/wasm`; many CMS media folders and some
# CDNs send .wasm as application/octet-stream. Like wasm-bindgen's own glue for the main module,
# the chunk loader then reads the bytes and compiles them instead.
LOADER_HELPER = """
const instantiateChunk = async (src, imports) => {
    const response = await src;
    try {
        return await WebAssembly.instantiateStreaming(response.clone(), imports);
    } catch (error) {
        if (!response.ok || response.headers.get("content-type")?.startsWith("application/wasm")) throw error;
        return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
};
"""


def loader(source: str, target: str):
    text = pathlib.Path(source).read_text()
    streaming = "WebAssembly.instantiateStreaming(src, imports)"
    if streaming not in text:
        sys.exit(f"dist.py: {source} no longer instantiates chunks as {streaming}")
    text = text.replace(streaming, "instantiateChunk(src, imports)")
    head, _, rest = text.partition("\n")
    pathlib.Path(target).write_text(head + "\n" + LOADER_HELPER + rest)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "loader" and len(sys.argv) == 4:
        loader(sys.argv[2], sys.argv[3])
    elif command == "package-json":
        package_json()
    elif command == "locales":
        locales()
    elif command == "zip":
        make_zip()
    else:
        sys.exit(__doc__)
