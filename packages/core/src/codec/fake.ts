import type { Fake } from '../types.js';
import { BASE62, BASE64, DIGITS, HEX, UPPER } from './alphabets.js';

/**
 * A deterministic generator of fake token material. Rule samples, fixtures and benchmarks
 * draw from it, so the repository never holds a token-shaped literal and every run with
 * the same seed sees the same strings.
 */
export function createFake(seed = 1): Fake {
  // mulberry32: small, fast and good enough for test material (not for real secrets).
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const string = (alphabet: string, length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return {
    string,
    base62: (length) => string(BASE62, length),
    hex: (length) => string(HEX, length),
    upper: (length) => string(UPPER, length),
    digits: (length) => string(DIGITS, length),
    base64: (length) => string(BASE64, length),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
