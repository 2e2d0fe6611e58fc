// Randomness that understands length and alphabet. A fixed threshold ("4.5 bits per
// character") fails both ways: a 16-character hex key can never reach it, while a long
// camelCase identifier easily does. Instead a candidate is compared with what a truly
// random string of its own length, over its own alphabet, is expected to score.

/** The smallest common token alphabet a string fits in. */
export type Alphabet = 'hex' | 'base32' | 'base36' | 'base62' | 'base64' | 'base64url' | 'ascii';

export const ALPHABET_SIZE: Record<Alphabet, number> = {
  hex: 16,
  base32: 32,
  base36: 36,
  base62: 62,
  base64: 64,
  base64url: 64,
  ascii: 94,
};

export function alphabetOf(value: string): Alphabet {
  if (/^(?:[0-9a-f]+|[0-9A-F]+)$/.test(value)) return 'hex';
  if (/^[A-Z2-7]+=*$/.test(value) || /^[a-z2-7]+$/.test(value)) return 'base32';
  if (/^(?:[0-9a-z]+|[0-9A-Z]+)$/.test(value)) return 'base36';
  if (/^[A-Za-z0-9]+$/.test(value)) return 'base62';
  if (/^[A-Za-z0-9+/]+=*$/.test(value)) return 'base64';
  if (/^[A-Za-z0-9_-]+=*$/.test(value)) return 'base64url';
  return 'ascii';
}

/** Shannon entropy of the characters of `value`, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let sum = 0;
  for (const count of counts.values()) sum += count * Math.log2(count);
  return Math.log2(value.length) - sum / value.length;
}

const expectedCache = new Map<string, number>();

/**
 * The exact expected Shannon entropy (bits per character) of a uniformly random string of
 * `length` characters over an alphabet of `size`. The empirical entropy is
 * log2(n) - (1/n) Σ c_i log2 c_i, linear in the per-symbol terms, so its expectation is
 * log2(n) - (size/n) E[c log2 c] with c ~ Binomial(n, 1/size).
 */
export function expectedEntropy(length: number, size: number): number {
  const key = `${length}/${size}`;
  const cached = expectedCache.get(key);
  if (cached !== undefined) return cached;
  const p = 1 / size;
  let pmf = Math.pow(1 - p, length);
  let expectation = 0;
  for (let c = 1; c <= length; c++) {
    pmf *= ((length - c + 1) / c) * (p / (1 - p));
    expectation += pmf * c * Math.log2(c);
  }
  const value = Math.log2(length) - (size / length) * expectation;
  expectedCache.set(key, value);
  return value;
}

/**
 * How far below the expectation a random string may score and still count as random. The
 * spread of the entropy of short strings is wide, of long ones narrow: the tolerance sits
 * just above the 0.05 % quantile of the gap measured for 8 to 256 random characters of
 * hex, base32, base62 and base64. With the other checks of `judgeRandomness`, random
 * strings pass 98.7-99.9 % of the time at 16 characters, 99.5-100 % at 20, all from 32.
 */
function tolerance(length: number): number {
  return 0.05 + 3.4 / Math.sqrt(length);
}

export interface RandomnessVerdict {
  alphabet: Alphabet;
  entropy: number;
  threshold: number;
  random: boolean;
}

/**
 * Whether `value` looks like random token material for its length and alphabet: entropy
 * close to that of a random string, the character classes a random string of that
 * alphabet would show (digits among letters; both cases in base62/base64), and not made
 * of words the way identifiers and labels are. Trailing `=` padding is not judged.
 */
export function judgeRandomness(padded: string): RandomnessVerdict {
  // Padding carries no entropy: base36 material with a closing `=` is judged as base36.
  const value = padded.replace(/=+$/, '') || padded;
  const alphabet = alphabetOf(value);
  const entropy = shannonEntropy(value);
  const threshold =
    expectedEntropy(value.length, ALPHABET_SIZE[alphabet]) - tolerance(value.length);
  const random = entropy >= threshold && hasRandomMix(value, alphabet) && !isWordLike(value);
  return { alphabet, entropy, threshold, random };
}

/**
 * Whether `value` is built from words, as identifiers, labels and constants are
 * (`getUserSettings`, `MY_SECRET_NAME`, `Base64EncodedValue1`): at least 60 % of it in
 * runs of letters that average 3.5 characters, at most one run shorter than 3. Random
 * base62 of 20 characters or more is word-like less than 0.6 % of the time. Single-case
 * strings are judged only when separators (`_`, `-`, `.`) mark their words.
 */
export function isWordLike(value: string): boolean {
  // Single-case alphanumerics without separators have no word boundaries to judge by.
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value)) {
    if (!/[_.\- ]/.test(value)) return false;
  }
  const words = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  if (words.length === 0) return false;
  let letters = 0;
  let short = 0;
  for (const word of words) {
    letters += word.length;
    if (word.length < 3) short++;
  }
  return short <= 1 && letters / words.length >= 3.5 && letters >= value.length * 0.6;
}

export function isRandomLooking(value: string): boolean {
  return judgeRandomness(value).random;
}

/**
 * A token of two or three random parts joined by `.` (JWT-shaped access and session
 * tokens, `<id>.<secret>` pairs): each part, of 16 characters or more, is judged on its
 * own alphabet. The dots make the whole "ascii", whose entropy such a token never reaches;
 * member access in code (`config.apiKey`) has parts that are words.
 */
export function isPartedRandom(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length >= 2 &&
    parts.length <= 3 &&
    parts.every((part) => part.length >= 16 && isRandomLooking(part))
  );
}

function hasRandomMix(value: string, alphabet: Alphabet): boolean {
  const digits = countMatches(value, /[0-9]/g);
  const upper = countMatches(value, /[A-Z]/g);
  const lower = countMatches(value, /[a-z]/g);
  const letters = upper + lower;
  // Digits only is a number, letters only a word, unless long enough that chance explains it.
  if (alphabet === 'hex' || alphabet === 'base36') return digits > 0 && letters > 0;
  if (alphabet === 'base32') return digits > 0 || value.length >= 32;
  if (alphabet === 'ascii') return letters > 0;
  // Random base62/base64 material mixes both cases.
  return upper > 0 && lower > 0 && (digits > 0 || value.length >= 16);
}

function countMatches(value: string, pattern: RegExp): number {
  return value.match(pattern)?.length ?? 0;
}
