// Base64, standard and URL-safe: encoding for fakes, decoding for validators and filters.

import { BASE64, BASE64URL } from './alphabets.js';

const BASE64_VALUE = new Map<string, number>();
for (const [i, char] of [...BASE64].entries()) BASE64_VALUE.set(char, i);
BASE64_VALUE.set('-', 62);
BASE64_VALUE.set('_', 63);

/** Base64 of a string (UTF-8 below U+0080 only: enough for the JSON that token formats embed). */
export function toBase64(text: string, urlSafe = false): string {
  const alphabet = urlSafe ? BASE64URL : BASE64;
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += i + 1 < text.length ? alphabet[(n >> 6) & 63]! : urlSafe ? '' : '=';
    out += i + 2 < text.length ? alphabet[n & 63]! : urlSafe ? '' : '=';
  }
  return out;
}

/** The bytes of standard or URL-safe base64 (padding optional), or undefined if malformed. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (const char of body) {
    const value = BASE64_VALUE.get(char);
    if (value === undefined) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Base64 decoded as Latin-1 text (enough for JSON headers), or undefined if malformed. */
export function decodeBase64Text(text: string): string | undefined {
  const bytes = decodeBase64(text);
  if (!bytes) return undefined;
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/** Base64 that decodes to a JSON object, parsed; undefined otherwise. */
export function decodeBase64Json(text: string): Record<string, unknown> | undefined {
  const decoded = decodeBase64Text(text);
  if (decoded === undefined || !decoded.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(decoded);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
