import { CorruptError } from './codecs.js';
import type { Budget } from './limits.js';
import type { Member } from './zip.js';

// Tar (POSIX ustar and pax, GNU): 512-byte headers, each followed by its member's bytes.
// Long names come from pax `path` records or GNU `L` entries.
// https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html#tag_20_94_13

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Whether `bytes` start with a ustar (POSIX or GNU) header. */
export function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && latin1.decode(bytes.subarray(257, 262)) === 'ustar';
}

function text(bytes: Uint8Array, at: number, length: number): string {
  const field = bytes.subarray(at, at + length);
  const end = field.indexOf(0);
  return utf8.decode(end === -1 ? field : field.subarray(0, end));
}

/** A numeric field: octal text, or GNU's base-256 for large values. */
function number(bytes: Uint8Array, at: number, length: number): number {
  if (bytes[at]! & 0x80) {
    let value = 0;
    for (let i = at + 1; i < at + length; i++) value = value * 256 + bytes[i]!;
    return value;
  }
  const digits = text(bytes, at, length).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

/** The header's checksum holds: the sum of its bytes, its own field counted as spaces. */
function checksumHolds(header: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum === number(header, 148, 8);
}

/** `path` from a pax extended header's records (`<length> <key>=<value>\n`). */
function paxPath(data: Uint8Array): string | undefined {
  const records = utf8.decode(data);
  let path: string | undefined;
  for (let at = 0; at < records.length;) {
    const space = records.indexOf(' ', at);
    const length = parseInt(records.slice(at, space), 10);
    if (space === -1 || !(length > 0)) break;
    const record = records.slice(space + 1, at + length - 1);
    if (record.startsWith('path=')) path = record.slice(5);
    at += length;
  }
  return path;
}

/** The regular files of a tar archive, in order; their bytes are views into `bytes`. */
export function readTar(bytes: Uint8Array, budget: Budget): Member[] {
  const members: Member[] = [];
  let longName: string | undefined;
  for (let at = 0; at + 512 <= bytes.length;) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    if (!checksumHolds(header)) throw new CorruptError(`bad tar header at byte ${at}`);
    const size = number(header, 124, 12);
    const type = String.fromCharCode(header[156]!);
    const start = at + 512;
    if (start + size > bytes.length) throw new CorruptError('tar archive is truncated');
    const data = bytes.subarray(start, start + size);
    at = start + Math.ceil(size / 512) * 512;
    if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type === 'L') longName = text(data, 0, data.length);
    else if (type === '0' || type === '\0' || type === '7') {
      const prefix = text(header, 345, 155);
      const name =
        longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
      longName = undefined;
      members.push({
        name,
        read: () => {
          budget.entry();
          return data;
        },
      });
    } else if (type !== 'g') longName = undefined;
  }
  return members;
}
