import { TermListError } from '../../errors.js';
import type { Term } from '../../types.js';
import { judgeRandomness } from '../../codec/randomness.js';
import { createTermDigester, keyIdOf, MAX_HASHED_LENGTH, tagHex } from '../digest.js';
import { termForms } from '../forms.js';
import { HASH_ALGORITHM, TERM_LIST_VERSION } from '../parse-json-list.js';
import { findRevealingTerms } from './find-revealing-terms.js';

/** Digests per hashed term come in multiples of this, padded with decoys, so their number says little about the term. */
const DIGEST_BLOCK = 8;

/** Fewest random bits a key of a hashed list must hold. */
export const MIN_KEY_BITS = 128;

const BITS_PER_CHARACTER: Partial<Record<string, number>> = {
  hex: 4,
  base62: 5.95,
  base64: 6,
  base64url: 6,
};

/** The share of a text's 4-character windows that occur once: near 1 for random text, low for a repeated pattern. */
function distinctWindows(text: string): number {
  const windows = new Set<string>();
  for (let i = 0; i + 4 <= text.length; i++) windows.add(text.slice(i, i + 4));
  return windows.size / Math.max(1, text.length - 3);
}

/**
 * Checks that a key is worth something, and returns it as bytes: at least 128 random bits
 * written in hex or base64 (`openssl rand -hex 32`). A hashed list publishes its key's id
 * (an HMAC under the key), so a passphrase or a repeated pattern could be confirmed
 * offline, and with it every term of the list tried against a dictionary.
 */
export function termKeyBytes(text: string, name: string): Uint8Array {
  const key = text.trim();
  const { alphabet, random } = judgeRandomness(key);
  const bits = key.length * (BITS_PER_CHARACTER[alphabet] ?? 0);
  if (bits < MIN_KEY_BITS || !random || distinctWindows(key) < 0.9) {
    throw new TermListError(
      `key must be at least ${MIN_KEY_BITS} random bits written in hex or base64, e.g. 32 random bytes (openssl rand -hex 32): a list publishes its key's id, against which a passphrase or a pattern can be guessed offline`,
      name,
    );
  }
  return new TextEncoder().encode(key);
}

/**
 * The hashed form of a plaintext list (see docs/terms.md): each term's forms — spellings,
 * joined and plural forms, leet forms — as HMAC-SHA-256 digests under `key`, padded with
 * decoys and sorted; ids, severities, lift dates, scopes and owners in clear; notes
 * dropped. Deterministic, so that a changed list gives a reviewable diff. Refuses a list
 * whose clear fields would reveal a term, substring terms, and forms that a hashed list
 * cannot match (starting with a number, longer than 64 characters).
 */
export function hashTermList(terms: readonly Term[], key: Uint8Array): string {
  const digest = createTermDigester(key);
  const revealing = findRevealingTerms(terms, ['id', 'owner', 'allowIn', 'onlyIn']);
  const tags = new Set<string>();
  const entries = terms.map((term) => {
    const fail = (message: string): never => {
      throw new TermListError(`${term.id}: ${message}`, term.source);
    };
    if (term.hashed) fail('is already hashed');
    if (term.substring)
      fail(
        'substring matching cannot be hashed (it would mean hashing every substring); keep the term in a plain list',
      );
    const giveaway = revealing.find((found) => found.term === term);
    if (giveaway) {
      fail(
        `its ${giveaway.field} mentions term ${giveaway.mentions}, and a hashed list keeps it in clear; give the term an id that does not (the JSON format's "id")`,
      );
    }
    const digests = new Set<string>();
    for (const form of termForms(term)) {
      const text = form.words.join(' ');
      if (/^\d+$/.test(form.words[0]!)) fail('a hashed term must not start with a number');
      if (text.length > MAX_HASHED_LENGTH)
        fail(`a hashed term must be at most ${MAX_HASHED_LENGTH} characters`);
      digests.add(digest(text).hex);
      if (form.words.length > 1) for (const word of form.words) tags.add(tagHex(digest(word).tag));
    }
    for (let i = 0; digests.size % DIGEST_BLOCK !== 0; i++)
      digests.add(digest(`\0decoy\0${term.id}\0${i}`).hex);
    return {
      id: term.id,
      digests: [...digests].sort(),
      severity: term.severity,
      ...(term.lifts !== undefined ? { lifts: term.lifts } : {}),
      ...(term.graceDays !== undefined ? { graceDays: term.graceDays } : {}),
      ...(term.allowIn ? { allowIn: term.allowIn } : {}),
      ...(term.onlyIn ? { onlyIn: term.onlyIn } : {}),
      ...(term.leet ? { leet: true } : {}),
      ...(term.owner !== undefined ? { owner: term.owner } : {}),
    };
  });
  const list = {
    version: TERM_LIST_VERSION,
    hashed: { algorithm: HASH_ALGORITHM, keyId: keyIdOf(key), wordTags: [...tags].sort() },
    terms: entries,
  };
  return `${JSON.stringify(list, null, 2)}\n`;
}
