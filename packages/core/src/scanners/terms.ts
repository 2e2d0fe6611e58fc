import type { Term } from '../types.js';
import { createTermMatcher, type TermMatch, type TermMatcher } from '../terms/match.js';
import { createTermPolicy } from '../terms/policy.js';
import type { Hit } from './hit.js';

/** The id under which a term's findings are reported: `term:<term id>`. */
export function termRuleId(term: Term): string {
  return `term:${term.id}`;
}

/** What a term finding shows: the term's id and owner, and for a lifted embargo in its grace period, that it is only a warning. */
export function termTitle(term: Term, graceUntil?: string): string {
  const owner = term.owner ? ` (ask ${term.owner})` : '';
  if (graceUntil !== undefined)
    return `Embargoed term ${term.id}: embargo lifted ${term.lifts}, warning until ${graceUntil}${owner}`;
  return `Embargoed term ${term.id}${owner}`;
}

/** Term hits: reported and masked by id; nothing of the term's text is kept. */
function toTermHits(
  text: string,
  matches: readonly TermMatch[],
  reveal: boolean,
  graceUntil: (term: Term) => string | undefined,
): Hit[] {
  return matches.map((match) => {
    const grace = graceUntil(match.term);
    return {
      ruleId: termRuleId(match.term),
      kind: 'term' as const,
      title: termTitle(match.term, grace),
      severity: grace === undefined ? match.term.severity : 'info',
      confidence: 'pattern' as const,
      start: match.start,
      end: match.end,
      redacted: `[${match.term.id}]`,
      identity: '',
      ...(reveal ? { secret: text.slice(match.start, match.end) } : {}),
    };
  });
}

export interface TermScannerOptions {
  /** Keys of hashed lists, by key id. */
  keys?: ReadonlyMap<string, Uint8Array>;
  /** The clock (ms since the epoch) for lift dates; without it no embargo lifts. */
  now?: () => number;
}

/** Finds term hits in a chunk's text, honouring each term's lift date and path scopes. */
export interface TermScanner {
  /** No terms at all: no text has a term hit. */
  readonly empty: boolean;
  /** Term hits in `text`; `path` is what the terms' scopes are matched against. */
  hits(text: string, path: string, reveal: boolean): Hit[];
}

/** A scanner for `terms`: given as terms, or as a matcher (a loaded compiled set, see terms/term-set.ts). */
export function createTermScanner(
  terms: readonly Term[] | TermMatcher,
  options: TermScannerOptions = {},
): TermScanner {
  const given = Array.isArray(terms);
  const matcher = given ? createTermMatcher(terms, options.keys) : (terms as TermMatcher);
  const policy = createTermPolicy(given ? terms : []);
  return {
    empty: matcher.size === 0,
    hits(text, path, reveal) {
      if (matcher.size === 0) return [];
      const now = options.now?.();
      const verdicts = new Map<Term, boolean>();
      const grace = new Map<Term, string>();
      // Occurrences in a grace period are reported, as warnings.
      const accept = (term: Term): boolean => {
        let verdict = verdicts.get(term);
        if (verdict !== undefined) return verdict;
        const decided = policy(term, now, path);
        if (!decided.blocks && decided.why === 'grace') grace.set(term, decided.until);
        verdict = decided.blocks || decided.why === 'grace';
        verdicts.set(term, verdict);
        return verdict;
      };
      return toTermHits(text, matcher.match(text, accept), reveal, (term) => grace.get(term));
    },
  };
}
