// How a file's or blob's bytes become text to scan, the same for directory scans and git
// sources: UTF-16 with a byte-order mark (which git calls binary, being full of NUL bytes),
// UTF-8 otherwise (a UTF-8 byte-order mark dropped), and binary as git decides it.

/** Like git: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/** Whether `bytes` start with a UTF-16 byte-order mark (little- or big-endian). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The text of `bytes`, or undefined when they are binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) return undefined;
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}
