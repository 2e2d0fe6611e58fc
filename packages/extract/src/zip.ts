import { CorruptError, expand, type Codecs } from './codecs.js';
import type { Budget } from './limits.js';

// Zip (and jar, war, whl, nupkg, apk, OOXML, ODF), read from its central directory as
// APPNOTE.TXT describes it: stored and deflated members, zip64 sizes and offsets.
// https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT

/** A member of an archive; `read` expands it within the budget. */
export interface Member {
  name: string;
  read(): Uint8Array;
}

const utf8 = new TextDecoder('utf-8');

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** Whether `bytes` start like a zip file (a local header, or the end record of an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/** The end of central directory record: where the directory is and how many entries it has. */
function findDirectory(bytes: Uint8Array): { offset: number; count: number } {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    let count = u16(bytes, at + 10);
    let offset = u32(bytes, at + 16);
    // Zip64: the locator just before points at the zip64 end record, which holds the real values.
    if (
      (count === 0xffff || offset === 0xffffffff) &&
      at >= 20 &&
      u32(bytes, at - 20) === 0x07064b50
    ) {
      const record = u64(bytes, at - 12);
      if (record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50)
        throw new CorruptError('zip64 end record missing');
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
    return { offset, count };
  }
  throw new CorruptError('no end of central directory (truncated?)');
}

/** The members of a zip file, in directory order (directories left out). */
export function readZip(bytes: Uint8Array, codecs: Codecs, budget: Budget): Member[] {
  const { offset, count } = findDirectory(bytes);
  const members: Member[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new CorruptError('central directory entry missing');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressed = u32(bytes, at + 20);
    let local = u32(bytes, at + 42);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 extended information: the 64-bit values, in order, for the fields that are saturated.
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; e += 4 + u16(extra, e + 2)) {
      if (u16(extra, e) !== 1) continue;
      let field = e + 4;
      if (u32(bytes, at + 24) === 0xffffffff) field += 8;
      if (compressed === 0xffffffff) {
        compressed = u64(extra, field);
        field += 8;
      }
      if (local === 0xffffffff) local = u64(extra, field);
    }
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
    if (name.endsWith('/')) continue;
    members.push({
      name,
      read: () => {
        budget.entry();
        if (flags & 1) throw new CorruptError(`${name} is encrypted`);
        if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
          throw new CorruptError(`local header of ${name} missing`);
        const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
        if (start + compressed > bytes.length) throw new CorruptError(`${name} is truncated`);
        const data = bytes.subarray(start, start + compressed);
        if (method === 0) {
          budget.expand(data.length);
          return data;
        }
        if (method === 8) return expand(codecs.inflateRaw, data, budget);
        throw new CorruptError(`${name} uses compression method ${method}, which is not supported`);
      },
    });
  }
  return members;
}
