// The printable text of a binary file, like `strings`: printable ASCII, tabs and line breaks
// kept where they are, every other byte a space. One NUL byte no longer hides a token, and
// a text file with a NUL in it keeps its lines and columns.

const latin1 = new TextDecoder('latin1');

/** Runs shorter than this are blanked: they are noise, too short for any credential or term. */
const MIN_RUN = 4;

export function printableText(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length);
  let runStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const byte = i < bytes.length ? bytes[i]! : 0;
    const printable = (byte >= 0x20 && byte < 0x7f) || byte === 0x09;
    if (printable) {
      out[i] = byte;
      continue;
    }
    if (i - runStart < MIN_RUN) out.fill(0x20, runStart, i);
    if (i < bytes.length) out[i] = byte === 0x0a || byte === 0x0d ? byte : 0x20;
    runStart = i + 1;
  }
  return latin1.decode(out);
}
