// How a file's or blob's bytes become text to scan, the same for directory scans and git
// sources: UTF-16 and UTF-32 with a byte-order mark (which git calls binary, being full of
// NUL bytes), UTF-8 otherwise (a UTF-8 byte-order mark dropped), and binary as git decides it.

/** Like git: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/** Whether `bytes` start with a UTF-16 byte-order mark (little- or big-endian). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** UTF-32 code units of `bytes` (after a byte-order mark), little- or big-endian; U+FFFD for what is no code point. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    text +=
      code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  }
  return text;
}

/**
 * Whether UTF-16 `bytes` (after the byte-order mark) look like UTF-16: real UTF-16 text has
 * a NUL byte in the high half of its ASCII characters (a space, a line break), so among its
 * first 8000 bytes at least one, at the position the byte order says. Two bytes `FF FE` in
 * front of ASCII (a hostile prefix, or an accident) have none.
 */
function looksUtf16(bytes: Uint8Array, littleEndian: boolean): boolean {
  const head = bytes.subarray(0, 8000);
  for (let i = littleEndian ? 1 : 0; i < head.length; i += 2) if (head[i] === 0) return true;
  return false;
}

/**
 * The text of `bytes`, or undefined when they are binary. A UTF-32 byte-order mark is
 * read as UTF-32. A UTF-16 one is trusted only when the bytes look like UTF-16 (see
 * `looksUtf16`); otherwise both readings are scanned: the bytes as UTF-8 (whose lines are
 * the file's), then, after a line break, as UTF-16. Nothing hides behind two bytes.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return decodeUtf32(bytes.subarray(4), true);
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return decodeUtf32(bytes.subarray(4), false);
  if (hasUtf16Bom(bytes)) {
    const littleEndian = a === 0xff;
    const body = bytes.subarray(2);
    const utf16 = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(body);
    if (looksUtf16(body, littleEndian)) return utf16;
    return `${new TextDecoder('utf-8').decode(body)}\n${utf16}`;
  }
  if (looksBinary(bytes)) return undefined;
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}
