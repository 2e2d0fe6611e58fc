// Small pure decoders for validators: base64 (standard and URL-safe) and bech32.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map<string, number>();
for (const [i, char] of [...BASE64].entries()) BASE64_VALUE.set(char, i);
BASE64_VALUE.set('-', 62);
BASE64_VALUE.set('_', 63);

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
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/**
 * Whether `text` is a valid bech32 string (BIP 173): human-readable part, `1`, data and a
 * 6-character checksum. Case-insensitive but not mixed-case.
 * https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki
 */
export function isValidBech32(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return false;
  const hrp = lower.slice(0, separator);
  const values: number[] = [];
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) & 31);
  for (const char of lower.slice(separator + 1)) {
    const value = BECH32.indexOf(char);
    if (value === -1) return false;
    values.push(value);
  }
  return bech32Polymod(values) === 1;
}

/** Appends a valid bech32 checksum to `hrp` + `1` + `data` (data in the bech32 alphabet); for fakes. */
export function withBech32Checksum(hrp: string, data: string): string {
  const lower = hrp.toLowerCase();
  const values: number[] = [];
  for (let i = 0; i < lower.length; i++) values.push(lower.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < lower.length; i++) values.push(lower.charCodeAt(i) & 31);
  for (const char of data.toLowerCase()) values.push(BECH32.indexOf(char));
  const polymod = bech32Polymod([...values, 0, 0, 0, 0, 0, 0]) ^ 1;
  let checksum = '';
  for (let i = 0; i < 6; i++) checksum += BECH32[(polymod >>> (5 * (5 - i))) & 31];
  const result = `${lower}1${data.toLowerCase()}${checksum}`;
  return hrp === hrp.toUpperCase() ? result.toUpperCase() : result;
}

export const BECH32_ALPHABET = BECH32;

function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ BECH32_GENERATOR[i]!) >>> 0;
  }
  return chk;
}
