import { TermListError } from '../../errors.js';
import type { Term } from '../../types.js';
import {
  createTermDigester,
  keyIdOf,
  MAX_HASHED_LENGTH,
  MIN_KEY_LENGTH,
  tagHex,
} from '../digest.js';
import { termForms } from '../forms.js';
import { HASH_ALGORITHM, TERM_LIST_VERSION } from '../parse-json-list.js';
import { findRevealingTerms } from './find-revealing-terms.js';

/** Digests per hashed term come in multiples of this, padded with decoys, so their number says little about the term. */
const DIGEST_BLOCK = 8;

/** Checks that a key is long enough to be worth anything; returns it as bytes. */
export function termKeyBytes(text: string, name: string): Uint8Array {
  const key = text.trim();
  if (key.length < MIN_KEY_LENGTH) {
    throw new TermListError(
      `key is shorter than ${MIN_KEY_LENGTH} characters; use e.g. 32 random bytes in hex (openssl rand -hex 32)`,
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
