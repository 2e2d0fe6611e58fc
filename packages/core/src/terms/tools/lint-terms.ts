import { DIGITS, LOWER } from '../../codec/alphabets.js';
import type { Term } from '../../types.js';
import { createTermDigester } from '../digest.js';
import { embargoState, isoDay } from '../embargo.js';
import { termForms } from '../forms.js';
import { COMMON_WORDS } from './common-words.js';
import { findRevealingTerms } from './find-revealing-terms.js';

export interface LintIssue {
  level: 'error' | 'warning' | 'info';
  /** The term concerned (its id; never its text). */
  termId: string;
  source: string;
  message: string;
}

export interface LintOptions {
  /** The time (ms since the epoch) for lift dates; lift dates are not checked without it. */
  now?: number;
  /** Keys of hashed lists, by key id: with a key, hashed terms are checked against common and short words too. */
  keys?: ReadonlyMap<string, Uint8Array>;
}

const MIN_LENGTH = 3;
const MIN_SUBSTRING_LENGTH = 5;
const ALPHANUMERIC = LOWER + DIGITS;

/** Every string of one or two letters or digits: what a hashed term is compared with to find too-short terms. */
function shortStrings(): string[] {
  const out = [...ALPHANUMERIC];
  for (const a of ALPHANUMERIC) for (const b of ALPHANUMERIC) out.push(a + b);
  return out;
}

/**
 * Problems a list owner should know about, naming terms by id only: spellings shared by
 * two terms, terms that would flood scans (too short, common English words), expired
 * embargoes, and ids or owners (shown in every finding) that mention a term. Hashed
 * terms are checked as far as their key allows.
 */
export function lintTerms(terms: readonly Term[], options: LintOptions = {}): LintIssue[] {
  const issues: LintIssue[] = [];
  const report = (term: Term, level: LintIssue['level'], message: string): void => {
    issues.push({ level, termId: term.id, source: term.source, message });
  };

  // Spellings shared by two terms: by folded form for plaintext, by digest for hashed terms.
  const owners = new Map<string, Term>();
  const duplicates = new Set<Term>();
  const claim = (term: Term, key: string): void => {
    const other = owners.get(key);
    if (other === undefined) owners.set(key, term);
    else if (other !== term && !duplicates.has(term)) {
      duplicates.add(term);
      report(term, 'warning', `has a spelling (or plural) of term ${other.id}; keep one`);
    }
  };
  for (const term of terms) {
    if (term.hashed)
      for (const digest of term.hashed.digests) claim(term, `${term.hashed.keyId}:${digest}`);
    else
      for (const form of termForms(term))
        claim(term, `${form.leet ? 'L' : 'N'}${form.words.join(' ')}`);
  }

  // Too short, common words: plaintext directly; hashed terms by hashing the candidates.
  const candidates = new Map<string, 'short' | 'common'>();
  for (const word of shortStrings()) candidates.set(word, 'short');
  for (const word of COMMON_WORDS) if (!candidates.has(word)) candidates.set(word, 'common');
  const byKey = new Map<string, Map<string, 'short' | 'common'>>();
  const flood = (term: Term, kind: 'short' | 'common'): void => {
    if (kind === 'short')
      report(
        term,
        'warning',
        `is shorter than ${MIN_LENGTH} characters and will match far too often`,
      );
    else
      report(
        term,
        'warning',
        'is a common English word and will flood scans with findings; use a longer form or a path scope',
      );
  };
  for (const term of terms) {
    if (term.hashed) {
      const { keyId, digests } = term.hashed;
      const key = options.keys?.get(keyId);
      if (key === undefined) {
        report(
          term,
          'info',
          `is hashed with key ${keyId}, which was not given: not checked for short or common words`,
        );
        continue;
      }
      let table = byKey.get(keyId);
      if (table === undefined) {
        const digest = createTermDigester(key);
        table = new Map([...candidates].map(([word, kind]) => [digest(word).hex, kind]));
        byKey.set(keyId, table);
      }
      const kind = digests.map((digest) => table.get(digest)).find((found) => found !== undefined);
      if (kind) flood(term, kind);
      continue;
    }
    for (const spelling of [term.words, ...(term.aliases ?? [])]) {
      const joined = spelling.join('');
      if (joined.length < MIN_LENGTH) flood(term, 'short');
      else if (spelling.length === 1 && COMMON_WORDS.has(joined)) flood(term, 'common');
      else if (term.substring && joined.length < MIN_SUBSTRING_LENGTH) {
        report(
          term,
          'warning',
          `matches inside words and is shorter than ${MIN_SUBSTRING_LENGTH} characters: it will match far too often`,
        );
      } else continue;
      break;
    }
  }

  // Embargoes that have lifted.
  for (const term of terms) {
    const state = embargoState(term, options.now);
    if (state.state === 'lifted')
      report(term, 'warning', `embargo lifted ${term.lifts}: the term no longer blocks; remove it`);
    if (state.state === 'grace')
      report(
        term,
        'info',
        `embargo lifted ${term.lifts}: only a warning until ${isoDay(state.until)}`,
      );
  }

  // Ids and owners are shown in every finding, so they must not mention a term.
  for (const { term, field, mentions } of findRevealingTerms(
    terms,
    ['id', 'owner'],
    options.keys,
  )) {
    report(term, 'warning', `its ${field} mentions term ${mentions} and is shown in every finding`);
  }
  return issues;
}
