import type { Term } from '../../types.js';
import { createTermMatcher } from '../match.js';

/** The fields of a term shown in clear: ids and owners in every finding, scopes too in a hashed list. */
export type ClearField = 'id' | 'owner' | 'allowIn' | 'onlyIn';

/** A clear field of a term that mentions a term. */
export interface RevealingTerm {
  term: Term;
  field: ClearField;
  /** The id of the term mentioned (it may be `term` itself). */
  mentions: string;
  /** `term.source` with every term in it starred: safe to print. */
  source: string;
}

/**
 * The clear `fields` of the terms of `terms` that mention a term of `terms`, matched as a
 * scan matches them, in list order. Hashed terms take part only when their key is in
 * `keys`. What reports and hashed lists show in clear must not give a term away: the term
 * list loader refuses such a list, `hashTermList` too, and `lintTerms` warns.
 */
export function findRevealingTerms(
  terms: readonly Term[],
  fields: readonly ClearField[],
  keys?: ReadonlyMap<string, Uint8Array>,
): RevealingTerm[] {
  const matchable = terms.filter((term) => !term.hashed || keys?.has(term.hashed.keyId));
  const matcher = createTermMatcher(matchable, keys);
  const starred = (text: string): string => {
    const chars = text.split('');
    for (const match of matcher.match(text)) chars.fill('*', match.start, match.end);
    return chars.join('');
  };
  const found: RevealingTerm[] = [];
  for (const term of matchable) {
    for (const field of fields) {
      const value = term[field];
      for (const text of value === undefined ? [] : typeof value === 'string' ? [value] : value) {
        for (const match of matcher.match(text))
          found.push({ term, field, mentions: match.term.id, source: starred(term.source) });
      }
    }
  }
  return found;
}
