// A zip archive in memory, every file deflated: what `make dist` ships. Node 20+, no packages.
//
// Only what the archive needs: no folders as entries, no Zip64 (the archive is far below 4 GB),
// no comments. Every entry carries the same timestamp (1980-01-01, the format's first day), so
// the same files always give the same archive.
import { deflateRawSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate
const UNIX = 3; // "version made by" system: the external attributes are Unix modes
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0;
const FILE_MODE = 0o100644; // a regular file, rw-r--r--

/**
 * The archive holding `files`, a list of `[name, bytes or string]` pairs, in that order; names
 * use `/` between folders.
 */
export function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const path = Buffer.from(name, "utf8");
    const utf8Flag = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x800;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(utf8Flag, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(path.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((UNIX << 8) | VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    local.copy(header, 8, 6, 28); // flags, method, time, date, crc, sizes, name length
    // extra length, comment length, disk, internal attributes: 0
    header.writeUInt32LE(FILE_MODE * 0x10000, 38);
    header.writeUInt32LE(offset, 42);
    parts.push(local, path, packed);
    central.push(header, path);
    offset += local.length + path.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
