import type { Hit } from '../hit.js';
import type { Term } from '../types.js';
import { splitWords } from '../terms/words.js';

export interface TermMatch {
  term: Term;
  start: number;
  end: number;
}

/** Terms indexed by their first word, so that a scan costs one lookup per word of text whatever the list size. */
export type TermIndex = ReadonlyMap<string, readonly Term[]>;

export function createTermIndex(terms: readonly Term[]): TermIndex {
  const index = new Map<string, Term[]>();
  for (const term of terms) {
    const first = term.words[0];
    if (first === undefined) continue;
    const bucket = index.get(first);
    if (bucket) bucket.push(term);
    else index.set(first, [term]);
  }
  // Longer terms first, so `Project Halcyon Two` wins over `Project Halcyon` at the same word.
  for (const bucket of index.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/**
 * Every occurrence of an indexed term in `text`: whole words, case-insensitive, a
 * multi-word term across any separators (spaces, punctuation, line breaks).
 */
export function scanTerms(text: string, index: TermIndex): TermMatch[] {
  if (index.size === 0) return [];
  const words = splitWords(text);
  const matches: TermMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = index.get(words[i]!.text);
    if (!candidates) continue;
    for (const term of candidates) {
      const n = term.words.length;
      if (i + n > words.length) continue;
      let same = true;
      for (let k = 1; k < n && same; k++) same = words[i + k]!.text === term.words[k];
      if (!same) continue;
      matches.push({ term, start: words[i]!.start, end: words[i + n - 1]!.end });
      i += n - 1;
      break;
    }
  }
  return matches;
}

/** The id under which a term's findings are reported: `term:<term id>`. */
export function termRuleId(term: Term): string {
  return `term:${term.id}`;
}

/** Term hits in `text`: reported by id, masked by id, fingerprinted without the term's text. */
export function scanTermHits(text: string, index: TermIndex, reveal: boolean): Hit[] {
  const occurrences = new Map<string, number>();
  return scanTerms(text, index).map((match) => {
    const ruleId = termRuleId(match.term);
    // A term's fingerprint must not be derived from its text (it would confirm a guess):
    // it is the term id and the occurrence count within the chunk.
    const occurrence = (occurrences.get(ruleId) ?? 0) + 1;
    occurrences.set(ruleId, occurrence);
    return {
      ruleId,
      kind: 'term' as const,
      title: `Embargoed term ${match.term.id}`,
      severity: match.term.severity,
      confidence: 'pattern' as const,
      start: match.start,
      end: match.end,
      redacted: `[${match.term.id}]`,
      identity: String(occurrence),
      ...(reveal ? { secret: text.slice(match.start, match.end) } : {}),
    };
  });
}
