// CRC-32, and the base62 CRC-32 checksum of GitHub's and npm's token formats.

import { BASE62 } from './alphabets.js';

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = CRC32_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 of `bytes`, continuing from the CRC-32 `value` of what came before (as zlib's `crc32(bytes, value)`). */
export function crc32Bytes(bytes: Uint8Array, value = 0): number {
  let crc = ~value;
  for (let i = 0; i < bytes.length; i++) crc = CRC32_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** `value` in base 62 (digits, upper, lower), left-padded with `0` to `width`. */
export function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

/**
 * The checksum scheme of GitHub's and npm's token formats: a prefix, 30 random base62
 * characters and the CRC-32 of those 30 characters in 6 base62 digits.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 * https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
 */
export function hasBase62Crc32(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength, -6);
  return body.length > 0 && toBase62(crc32(body), 6) === token.slice(-6);
}

/** Appends the base62 CRC-32 of `body` to `prefix + body`, as the formats above do. */
export function withBase62Crc32(prefix: string, body: string): string {
  return prefix + body + toBase62(crc32(body), 6);
}
