// Bech32 (BIP 173): checksum verification for validators, checksum generation for fakes.
// https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki

import { BECH32 } from './alphabets.js';

const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** The human-readable part expanded for the checksum: high bits of each character, 0, low bits. */
function expandHrp(hrp: string): number[] {
  const values: number[] = [];
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) & 31);
  return values;
}

/**
 * Whether `text` is a valid bech32 string: human-readable part, `1`, data and a
 * 6-character checksum. Case-insensitive but not mixed-case.
 */
export function isValidBech32(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return false;
  const values = expandHrp(lower.slice(0, separator));
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
  const values = expandHrp(lower);
  for (const char of data.toLowerCase()) values.push(BECH32.indexOf(char));
  const polymod = bech32Polymod([...values, 0, 0, 0, 0, 0, 0]) ^ 1;
  let checksum = '';
  for (let i = 0; i < 6; i++) checksum += BECH32[(polymod >>> (5 * (5 - i))) & 31];
  const result = `${lower}1${data.toLowerCase()}${checksum}`;
  return hrp === hrp.toUpperCase() ? result.toUpperCase() : result;
}

function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ BECH32_GENERATOR[i]!) >>> 0;
  }
  return chk;
}
