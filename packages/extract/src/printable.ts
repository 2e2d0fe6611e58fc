// The printable text of a binary file, like `strings`: printable ASCII, tabs and line breaks
// kept where they are, every other byte a space. One NUL byte no longer hides a token, and
// a text file with a NUL in it keeps its lines and columns.

const latin1 = new TextDecoder('latin1');

/** Runs shorter than this are blanked: they are noise, too short for any credential or term. */
const MIN_RUN = 4;

/** By byte: 1 printable (ASCII and tab), 2 a line break, 0 anything else (a space). */
const KIND = new Uint8Array(256);
for (let byte = 0x20; byte < 0x7f; byte++) KIND[byte] = 1;
KIND[0x09] = 1;
KIND[0x0a] = 2;
KIND[0x0d] = 2;

export function printableText(bytes: Uint8Array): string {
  const length = bytes.length;
  // Spaces, then each printable run of MIN_RUN or more copied in one call, line breaks kept:
  // a binary file is mostly short runs, and a call per run of it cost more than the run.
  const out = new Uint8Array(length).fill(0x20);
  let i = 0;
  while (i < length) {
    const kind = KIND[bytes[i]!];
    if (kind !== 1) {
      if (kind === 2) out[i] = bytes[i]!;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && KIND[bytes[end]!] === 1) end++;
    if (end - i >= MIN_RUN) out.set(bytes.subarray(i, end), i);
    i = end;
  }
  return latin1.decode(out);
}

/**
 * The text of UTF-16 without a byte-order mark (as `strings -el` finds it): when most
 * bytes at odd offsets are zero and few at even ones, little-endian; the other way round,
 * big-endian. Undefined for anything else.
 */
export function utf16Text(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  if (head.length < 16) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = head.length / 2;
  const endian =
    oddZeros > pairs * 0.7 && evenZeros < pairs * 0.1
      ? 'utf-16le'
      : evenZeros > pairs * 0.7 && oddZeros < pairs * 0.1
        ? 'utf-16be'
        : undefined;
  if (!endian) return undefined;
  const text = new TextDecoder(endian).decode(bytes);
  // Control characters become spaces, as in printableText.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out +=
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f
        ? ' '
        : text[i];
  }
  return out;
}
