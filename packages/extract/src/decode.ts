// Encoded spans of a text and their decoded bytes: base64 (standard and URL-safe, data URIs
// included), hex, percent-encoding, and JSON/JS `\u` and `\x` escapes. Candidates are found
// in one linear pass per encoding; a candidate is kept only when it decodes to text (or to
// a container, which the extractor opens). Identifiers and hashes that look encoded are
// dropped after a byte or two of decoding, so a text file pays little for all this.

export type Encoding = 'base64' | 'hex' | 'percent-encoding' | 'escapes';

export interface EncodedSpan {
  /** Offsets of the encoded text in the text searched. */
  start: number;
  end: number;
  encoding: Encoding;
  bytes: Uint8Array;
}

/** Shortest base64 run tried: 16 characters hold 12 bytes (`Project Halcyon` takes 20). */
const MIN_BASE64 = 16;
const MIN_HEX = 24;
/** Shortest decoded text kept. */
const MIN_DECODED = 8;

/** Base64 digit values (standard and URL-safe alphabets) by character code; -1 for others. */
const BASE64_VALUES = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].forEach(
  (c, i) => (BASE64_VALUES[c.charCodeAt(0)] = i),
);
BASE64_VALUES['-'.charCodeAt(0)] = 62;
BASE64_VALUES['_'.charCodeAt(0)] = 63;

/** Characters by code: what a run may hold besides its escapes. */
function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (const c of chars) set[c.charCodeAt(0)] = 1;
  return set;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PERCENT_RUN = charSet(`${ALNUM}%._~+-`);
const ESCAPE_RUN = charSet(`${ALNUM}\\{}_+/=.:-`);

const isBase64Char = (code: number) => code < 128 && BASE64_VALUES[code]! >= 0;
const isHexDigit = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const hexValue = (code: number) => (code <= 57 ? code - 48 : (code | 0x20) - 87);

/** Whether a decoded byte is a control character that text does not hold (tabs and line breaks are text). */
const isControl = (byte: number) =>
  (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f;

/** Whether `bytes` start like a container or document the extractor opens (zip, gzip, PDF). */
function isContainerMagic(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) ||
    (bytes[0] === 0x1f && bytes[1] === 0x8b) ||
    (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
  );
}

/**
 * The bytes that the base64 (`bitsPer` 6) or hex (4) digits `text[from, to)` encode, or
 * undefined as soon as they stop looking like text: more than 1 in 20 bytes a control
 * character or not UTF-8, judged from the fourth byte on (a container's magic number, which
 * is not text, shows by then). Most candidates are dropped within a few bytes.
 */
function decodeDigits(
  text: string,
  from: number,
  to: number,
  bitsPer: 6 | 4,
): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor(((to - from) * bitsPer) / 8));
  const allowed = out.length / 20;
  let bad = 0;
  let bits = 0;
  let value = 0;
  let size = 0;
  let container = false;
  let continuations = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const digit =
      bitsPer === 6 ? BASE64_VALUES[code]! : code <= 57 ? code - 48 : (code | 0x20) - 87;
    value = ((value << bitsPer) | digit) & 0xffff;
    bits += bitsPer;
    if (bits < 8) continue;
    bits -= 8;
    const byte = (value >> bits) & 0xff;
    out[size++] = byte;
    // UTF-8: a lead byte announces its continuation bytes (10xxxxxx); anything else out of place is not text.
    if (continuations > 0) {
      if ((byte & 0xc0) === 0x80) continuations--;
      else {
        bad++;
        continuations = 0;
      }
    } else if (byte >= 0x80) {
      if (byte >= 0xc2 && byte <= 0xdf) continuations = 1;
      else if (byte >= 0xe0 && byte <= 0xef) continuations = 2;
      else if (byte >= 0xf0 && byte <= 0xf4) continuations = 3;
      else bad++;
    } else if (isControl(byte)) bad++;
    if (size === 4) container = isContainerMagic(out);
    if (size >= 4 && !container && bad > allowed) return undefined;
  }
  return out.subarray(0, size);
}

const utf8 = new TextEncoder();
const lenientUtf8 = new TextDecoder('utf-8');

/** Whether decoded `bytes` are worth scanning: UTF-8 text with almost no control characters, or a container. */
export function isWorthScanning(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_DECODED) return false;
  if (isContainerMagic(bytes)) return true;
  let control = 0;
  for (const byte of bytes) if (isControl(byte)) control++;
  if (control * 20 > bytes.length) return false;
  // Invalid UTF-8 (random bytes above 0x7f) decodes to U+FFFD.
  const text = lenientUtf8.decode(bytes);
  let invalid = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) invalid++;
  return (control + invalid) * 20 <= text.length;
}

function percentDecode(run: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    if (code === 37 && isHexDigit(run.charCodeAt(i + 1)) && isHexDigit(run.charCodeAt(i + 2))) {
      bytes.push(hexValue(run.charCodeAt(i + 1)) * 16 + hexValue(run.charCodeAt(i + 2)));
      i += 2;
    } else bytes.push(code);
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

/** The run of characters `inRun` accepts (by code) around offset `at`: [start, end). */
function runAround(text: string, at: number, inRun: (code: number) => boolean): [number, number] {
  let start = at;
  while (start > 0 && inRun(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && inRun(text.charCodeAt(end))) end++;
  return [start, end];
}

/** The encoded spans of `text` that decode to something worth scanning, in order; at most `max`. */
export function findEncodedSpans(text: string, max: number): EncodedSpan[] {
  // One list per pass, each in order of its spans' starts, merged at the end.
  const lists: EncodedSpan[][] = [[], [], []];
  let kept = 0;
  let pass = 0;
  const keep = (start: number, end: number, encoding: Encoding, bytes: Uint8Array | undefined) => {
    if (bytes && kept < max && isWorthScanning(bytes)) {
      lists[pass]!.push({ start, end, encoding, bytes });
      kept++;
    }
  };
  // Base64 and hex: runs of base64 characters (hex digits are among them). A run long
  // enough to read holds a position of every MIN_BASE64 in a row: only those are looked
  // at, and the run around one that is a base64 character is measured. Most text is short
  // words, so this looks at fewer of its characters: half the time on eslint's sources.
  for (let probe = MIN_BASE64 - 1; probe < text.length; probe += MIN_BASE64) {
    if (!isBase64Char(text.charCodeAt(probe))) continue;
    let at = probe;
    while (at > 0 && isBase64Char(text.charCodeAt(at - 1))) at--;
    let end = probe + 1;
    while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
    // A run starts past `end`: one long enough holds `end + MIN_BASE64`, the next probe.
    probe = end;
    if (end - at >= MIN_BASE64) {
      const from = text.startsWith('0x', at) ? at + 2 : at;
      let hex = (end - from) % 2 === 0;
      for (let i = from; i < end && hex; i++) hex = isHexDigit(text.charCodeAt(i));
      if (!hex) {
        let padded = end;
        while (padded < end + 2 && padded < text.length && text.charCodeAt(padded) === 61 /* = */)
          padded++;
        keep(at, padded, 'base64', decodeDigits(text, at, end, 6));
      } else if (end - from >= MIN_HEX) keep(at, end, 'hex', decodeDigits(text, from, end, 4));
    }
  }
  pass = 1;
  // Percent-encoding: runs around `%XX`, with at least three escapes.
  const inPercentRun = (code: number) => code < 128 && PERCENT_RUN[code] === 1;
  for (let at = text.indexOf('%'); at !== -1; at = text.indexOf('%', at + 1)) {
    const [start, end] = runAround(text, at, inPercentRun);
    const run = text.slice(start, end);
    if ((run.match(/%[0-9a-fA-F]{2}/g)?.length ?? 0) >= 3)
      keep(start, end, 'percent-encoding', percentDecode(run));
    at = end;
  }
  pass = 2;
  // JSON and JS escapes: runs around `\u` and `\x`.
  const inEscapeRun = (code: number) => code < 128 && ESCAPE_RUN[code] === 1;
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next !== 117 /* u */ && next !== 120 /* x */) continue;
    const [start, end] = runAround(text, at, inEscapeRun);
    // A run with no complete escape (`\\ufe\\60f`) decodes to itself: nothing to read, and
    // reading it again would go on to the depth limit.
    const run = text.slice(start, end);
    const decoded = unescape(run);
    if (decoded !== run) keep(start, end, 'escapes', utf8.encode(decoded));
    at = end;
  }
  return byStart(byStart(lists[0]!, lists[1]!), lists[2]!);
}

/**
 * Two lists of spans, each in order of their starts, as one (on a tie, `a`'s first). Not
 * Array#sort: its optimized call bailed out at every text that had spans, hundreds of
 * times a history (eslint/eslint's: 792 times in one compiled version).
 */
function byStart(a: EncodedSpan[], b: EncodedSpan[]): EncodedSpan[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged: EncodedSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
