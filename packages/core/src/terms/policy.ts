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

export function createTermPolicy(terms: readonly Term[]): TermPolicy {
  const scopes = new Map(
    terms
      .filter((term) => term.allowIn?.length || term.onlyIn?.length)
      .map((term) => [
        term,
        {
          allow: compileScope(term, term.allowIn, 'allowIn'),
          only: compileScope(term, term.onlyIn, 'onlyIn'),
        },
      ]),
  );
  return (term, now, path) => {
    const embargo = embargoState(term, now);
    if (embargo.state === 'lifted') return { blocks: false, why: 'lifted' };
    const scope = scopes.get(term);
    if (scope?.allow?.(path)) return { blocks: false, why: 'allowed-here' };
    if (scope?.only && !scope.only(path)) return { blocks: false, why: 'not-blocked-here' };
    if (embargo.state === 'grace')
      return { blocks: false, why: 'grace', until: isoDay(embargo.until) };
    return { blocks: true };
  };
}
