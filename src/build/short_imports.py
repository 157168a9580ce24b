#!/usr/bin/env python3
"""Shortens the names the wasm imports from its JS glue, in both files, standard library only.

  short_imports.py pkg/ai_readiness_bg.wasm pkg/ai_readiness.js

wasm-bindgen names each import like `__wbg_appendChild_7465eba84213a75f`: the hash keeps names
unique across crates, but hex digits hardly compress, and every name is written twice, in the
wasm's import section and as a key of the glue's import object. Here each becomes a short name
(`a`, `b`, … `aa`, …). Imports are referred to by index inside the wasm, so only the import
section changes; in the glue, each old name must occur exactly once (as its key), or nothing is
written. Imports that are not wasm-bindgen's (the chunk loaders `__wasm_split_load_*`, which the
glue passes on as a whole module) keep their names.
"""
import re
import sys


def leb(data, at):
    """Reads an unsigned LEB128 number; returns (value, next position)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def to_leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def name(data, at):
    length, at = leb(data, at)
    return data[at:at + length].decode(), at + length


def short(n):
    """0 → a, 25 → z, 26 → aa, …: names that cannot clash with a `__wbg_` or `__wbindgen_` one."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = letters[r] + out
    return out


def skip_desc(data, at, kind):
    if kind == 0:  # function: type index
        return leb(data, at)[1]
    if kind == 1:  # table: reftype, limits
        at += 1
    if kind in (1, 2):  # limits
        flags = data[at]
        at = leb(data, at + 1)[1]
        return leb(data, at)[1] if flags & 1 else at
    if kind == 3:  # global: valtype, mutability
        return at + 2
    if kind == 4:  # tag: attribute, type index
        return leb(data, at + 1)[1]
    sys.exit(f"short_imports.py: unknown import kind {kind}")


def main(wasm_path, js_path):
    data = open(wasm_path, "rb").read()
    js = open(js_path).read()
    at = 8
    while at < len(data):
        section, body = data[at], leb(data, at + 1)
        size, start = body
        if section == 2:
            break
        at = start + size
    else:
        sys.exit("short_imports.py: no import section")
    count, pos = leb(data, start)
    entries, renames = bytearray(to_leb(count)), {}
    for i in range(count):
        module, pos = name(data, pos)
        field, pos = name(data, pos)
        kind = data[pos]
        end = skip_desc(data, pos + 1, kind)
        if field.startswith(("__wbg_", "__wbindgen_")):
            new = short(len(renames))
            renames[field] = new
        else:
            new = field
        for text in (module, new):
            raw = text.encode()
            entries += to_leb(len(raw)) + raw
        entries += data[pos:end]
        pos = end
    for old, new in renames.items():
        found = len(re.findall(rf"\b{re.escape(old)}\b", js))
        if found != 1:
            sys.exit(f"short_imports.py: {old} occurs {found} times in {js_path}, expected once")
        js = re.sub(rf"\b{re.escape(old)}\b", new, js)
    section = bytes([2]) + to_leb(len(entries)) + bytes(entries)
    open(wasm_path, "wb").write(data[:at] + section + data[start + size:])
    open(js_path, "w").write(js)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
