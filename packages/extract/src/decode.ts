// Encoded spans of a text and their decoded bytes: base64 (standard and URL-safe, data URIs
// included), hex, percent-encoding, and JSON/JS `\u` and `\x` escapes. Candidates are found
// by linear patterns; a candidate is kept only when it decodes to text (or to a container,
// which the extractor opens), so identifiers and hashes that look encoded cost a decode and
// are dropped.

export type Encoding = 'base64' | 'hex' | 'percent-encoding' | 'escapes';

export interface EncodedSpan {
  /** Offsets of the encoded text in the text searched. */
  start: number;
  end: number;
  encoding: Encoding;
  bytes: Uint8Array;
}

/** Shortest base64 or hex run tried: 16 base64 characters hold 12 bytes (`Project Halcyon` is 20). */
const MIN_BASE64 = 16;
const MIN_HEX = 24;
/** Shortest decoded text kept. */
const MIN_DECODED = 8;

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const PERCENT_RUN = /[A-Za-z0-9._~+%-]{9,}/g;
const ESCAPE_RUN =
  /(?:\\u\{[0-9a-fA-F]{1,6}\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|[A-Za-z0-9_+/=.:-])+/g;

const BASE64_VALUES = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].forEach(
  (c, i) => (BASE64_VALUES[c.charCodeAt(0)] = i),
);
BASE64_VALUES['-'.charCodeAt(0)] = 62;
BASE64_VALUES['_'.charCodeAt(0)] = 63;

function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = BASE64_VALUES[text.charCodeAt(i)] ?? -1;
    if (digit < 0) break;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, length);
}

function decodeHex(text: string): Uint8Array {
  const out = new Uint8Array(text.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether `bytes` start like a container or document the extractor opens (zip, gzip, PDF). */
function isContainerMagic(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) ||
    (bytes[0] === 0x1f && bytes[1] === 0x8b) ||
    (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
  );
}

/** Whether decoded `bytes` are worth scanning: UTF-8 text with almost no control characters, or a container. */
export function isWorthScanning(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_DECODED) return false;
  if (isContainerMagic(bytes)) return true;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return false;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0x7f ||
      code === 0xfffd
    )
      control++;
  }
  return control * 20 <= text.length;
}

const HEX = /^(?:0x)?((?:[0-9a-fA-F]{2})+)$/;

function percentDecode(run: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i++) {
    if (run[i] === '%' && /^[0-9a-fA-F]{2}$/.test(run.slice(i + 1, i + 3))) {
      bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...utf8.encode(run[i]));
  }
  return Uint8Array.from(bytes);
}

function unescape(run: string): string {
  return run.replace(
    /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g,
    (_whole, braced: string | undefined, u: string | undefined, x: string | undefined) => {
      const code = parseInt(braced ?? u ?? x ?? '0', 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    },
  );
}

/** The encoded spans of `text` that decode to something worth scanning, in order; at most `max`. */
export function findEncodedSpans(text: string, max: number): EncodedSpan[] {
  const spans: EncodedSpan[] = [];
  const keep = (start: number, end: number, encoding: Encoding, bytes: Uint8Array) => {
    if (spans.length < max && isWorthScanning(bytes)) spans.push({ start, end, encoding, bytes });
  };
  for (const match of text.matchAll(BASE64_RUN)) {
    const run = match[0];
    const start = match.index;
    const hex = HEX.exec(run);
    if (hex) {
      if (hex[1]!.length >= MIN_HEX) keep(start, start + run.length, 'hex', decodeHex(hex[1]!));
    } else if (run.length >= MIN_BASE64) {
      keep(start, start + run.length, 'base64', decodeBase64(run));
    }
  }
  if (text.includes('%')) {
    for (const match of text.matchAll(PERCENT_RUN)) {
      const run = match[0];
      if ((run.match(/%[0-9a-fA-F]{2}/g)?.length ?? 0) >= 3)
        keep(match.index, match.index + run.length, 'percent-encoding', percentDecode(run));
    }
  }
  if (text.includes('\\u') || text.includes('\\x')) {
    for (const match of text.matchAll(ESCAPE_RUN)) {
      const run = match[0];
      if (run.includes('\\'))
        keep(match.index, match.index + run.length, 'escapes', utf8.encode(unescape(run)));
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
