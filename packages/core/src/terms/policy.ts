// Whether an occurrence of a term counts, at a time and a place: its embargo's lift date
// (embargo.ts) and its path scopes (glob.ts).

import { TermListError } from '../errors.js';
import type { Term } from '../types.js';
import { embargoState, isoDay } from './embargo.js';
import { compileGlob } from './glob.js';

/** A predicate for a term's `allowIn` or `onlyIn` globs; undefined when there are none. */
function compileScope(
  term: Term,
  globs: readonly string[] | undefined,
  key: string,
): ((path: string) => boolean) | undefined {
  if (globs === undefined || globs.length === 0) return undefined;
  const matchers = globs.map((glob, i) => {
    try {
      return compileGlob(glob);
    } catch (error) {
      throw new TermListError(`${term.id}: ${key}[${i}]: ${(error as Error).message}`, term.source);
    }
  });
  return (path) => matchers.some((matches) => matches(path));
}

/** Whether a term blocks at a time and place, and if not, why not. */
export type TermVerdict =
  | { blocks: true }
  | { blocks: false; why: 'grace'; until: string }
  | { blocks: false; why: 'lifted' | 'allowed-here' | 'not-blocked-here' };

/** Decides, for terms of a set, whether an occurrence at `now` (ms) in `path` counts: lift dates and path scopes. */
export type TermPolicy = (term: Term, now: number | undefined, path: string) => TermVerdict;

/**
 * The policy of a term set. Scopes are compiled on a term's first occurrence; those of
 * `terms` are compiled (checked) at once, so that a bad glob is an error before a scan.
 */
export function createTermPolicy(terms: readonly Term[] = []): TermPolicy {
  type Scope = { allow?: (path: string) => boolean; only?: (path: string) => boolean };
  const scopes = new Map<Term, Scope | undefined>();
  const scopeOf = (term: Term): Scope | undefined => {
    if (!term.allowIn?.length && !term.onlyIn?.length) return undefined;
    let scope = scopes.get(term);
    if (scope === undefined) {
      scope = {
        allow: compileScope(term, term.allowIn, 'allowIn'),
        only: compileScope(term, term.onlyIn, 'onlyIn'),
      };
      scopes.set(term, scope);
    }
    return scope;
  };
  for (const term of terms) scopeOf(term);
  return (term, now, path) => {
    const embargo = embargoState(term, now);
    if (embargo.state === 'lifted') return { blocks: false, why: 'lifted' };
    const scope = scopeOf(term);
    if (scope?.allow?.(path)) return { blocks: false, why: 'allowed-here' };
    if (scope?.only && !scope.only(path)) return { blocks: false, why: 'not-blocked-here' };
    if (embargo.state === 'grace')
      return { blocks: false, why: 'grace', until: isoDay(embargo.until) };
    return { blocks: true };
  };
}
