import { TermListError } from '../errors.js';
import type { Hit } from '../hit.js';
import type { Term } from '../types.js';
import { createAhoCorasick, type AhoCorasick } from '../terms/aho-corasick.js';
import { createTermDigester, MAX_HASHED_LENGTH, type TermDigester } from '../terms/digest.js';
import { embargoState, isoDay } from '../terms/embargo.js';
import { leetFoldString } from '../terms/fold.js';
import { compileGlob } from '../terms/glob.js';
import { MAX_TERM_WORDS, termForms, type FormKind } from '../terms/forms.js';
import { forEachFoldedUnit, hashFolded, tokenize, wordText, type WordList } from '../terms/tokenize.js';

/** How a match came about: the form of a plaintext term, inside a longer word, or a digest (the form of a hashed term is unknown). */
export type MatchVia = FormKind | 'substring' | 'hashed';

export interface TermMatch {
  term: Term;
  /** Offsets in the text: the occurrence, from its first to its last word. */
  start: number;
  end: number;
  via: MatchVia;
  /** Found in the leet view (`myth0s`). */
  leet: boolean;
}

/** Finds terms in texts; built once per term set, whatever its size. */
export interface TermMatcher {
  readonly terms: readonly Term[];
  /**
   * Occurrences in `text` of terms that `accept` lets through: for each term, the earliest
   * and then the longest of its overlapping occurrences; different terms may overlap.
   */
  match(text: string, accept?: (term: Term) => boolean): TermMatch[];
}

interface Entry {
  term: Term;
  words: readonly string[];
  hashes: Int32Array;
  via: FormKind;
}

/** Plaintext forms by the hash of their first word: one lookup per word of text, whatever the list size. */
type WordIndex = Map<number, Entry[]>;

/** The hashed terms made with one key. */
interface HashedGroup {
  digest: TermDigester;
  terms: Map<string, Term>;
  tags: Set<number>;
  /** The word-tag arrays already added (a list's terms share one). */
  tagLists: Set<readonly string[]>;
  /** For each distinct word seen (bounded): its tag, and the term whose digest it has. */
  memo: Map<string, { tag: number; term: Term | undefined }>;
}

const MEMO_LIMIT = 200_000;

function addEntry(index: WordIndex, entry: Entry): void {
  const bucket = index.get(entry.hashes[0]!);
  if (bucket) bucket.push(entry);
  else index.set(entry.hashes[0]!, [entry]);
}

function matchIndex(text: string, words: WordList, index: WordIndex, leet: boolean, accept: (term: Term) => boolean, found: TermMatch[]): void {
  for (let i = 0; i < words.count; i++) {
    const bucket = index.get(words.hash[i]!);
    if (bucket === undefined) continue;
    for (const entry of bucket) {
      const n = entry.words.length;
      if (i + n > words.count) continue;
      let same = true;
      for (let k = 1; k < n && same; k++) same = words.hash[i + k] === entry.hashes[k];
      for (let k = 0; k < n && same; k++) same = wordText(text, words, i + k, leet) === entry.words[k];
      if (!same || !accept(entry.term)) continue;
      found.push({ term: entry.term, start: words.start[i]!, end: words.end[i + n - 1]!, via: entry.via, leet });
      break;
    }
  }
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function matchHashed(text: string, words: WordList, group: HashedGroup, leet: boolean, accept: (term: Term) => boolean, found: TermMatch[]): void {
  const { memo, digest } = group;
  // Each distinct word is hashed and looked up once; a large list's digest table is then rarely touched.
  const lookup = (word: string): { tag: number; term: Term | undefined } => {
    let known = memo.get(word);
    if (known === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const { hex, tag } = digest(word);
      known = { tag, term: group.terms.get(hex) };
      memo.set(word, known);
    }
    return known;
  };
  const usable = (term: Term | undefined): term is Term => term !== undefined && (!leet || term.leet === true) && accept(term);
  for (let i = 0; i < words.count; i++) {
    const word = wordText(text, words, i, leet);
    // No term is digits only, and no form is longer than MAX_HASHED_LENGTH: such words are never hashed.
    if (word.length > MAX_HASHED_LENGTH || isDigits(word)) continue;
    const first = lookup(word);
    let best: { term: Term; last: number } | undefined;
    if (usable(first.term)) best = { term: first.term, last: i };
    if (group.tags.has(first.tag)) {
      // Cheap filter: only runs of words that all occur in some multi-word form are hashed as n-grams.
      let form = word;
      for (let j = i + 1; j < words.count && j < i + MAX_TERM_WORDS; j++) {
        const next = wordText(text, words, j, leet);
        if (next.length > MAX_HASHED_LENGTH || !group.tags.has(lookup(next).tag)) break;
        form += ` ${next}`;
        const term = group.terms.get(digest(form).hex);
        if (usable(term)) best = { term, last: j };
      }
    }
    if (best) found.push({ term: best.term, start: words.start[i]!, end: words.end[best.last]!, via: 'hashed', leet });
  }
}

function matchSubstrings(text: string, ac: AhoCorasick<Term>, leet: boolean, accept: (term: Term) => boolean, found: TermMatch[]): void {
  // The automaton reads folded units as they come; a ring of original offsets maps a match back.
  const ring = new Int32Array(ac.longest);
  let state = 0;
  let position = 0;
  forEachFoldedUnit(text, leet, (unit, from, to) => {
    if (unit === -1) {
      state = 0; // a substring never spans a separator
      return;
    }
    ring[position % ring.length] = from;
    state = ac.step(state, unit);
    for (const out of ac.outputs(state)) {
      if (accept(out.value)) found.push({ term: out.value, start: ring[(position - out.length + 1) % ring.length]!, end: to, via: 'substring', leet });
    }
    position++;
  });
}

/**
 * For each term, the earliest, then longest, of its overlapping matches (forms of one term
 * found twice). Overlapping matches of different terms are all kept: each is a finding of
 * its own (allowed or not by its own id), and masking merges their spans.
 */
function withoutOverlaps(found: TermMatch[]): TermMatch[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermMatch[] = [];
  const reached = new Map<Term, number>();
  for (const match of found) {
    if (match.start < (reached.get(match.term) ?? -1)) continue;
    kept.push(match);
    reached.set(match.term, match.end);
  }
  return kept;
}

/**
 * A matcher for `terms`. Hashed terms need the key they were made with, by key id, in
 * `keys`; a missing key is an error (a list that cannot be matched must not pass silently).
 */
export function createTermMatcher(terms: readonly Term[], keys: ReadonlyMap<string, Uint8Array> = new Map()): TermMatcher {
  const normal: WordIndex = new Map();
  const leetIndex: WordIndex = new Map();
  const substrings: { pattern: string; value: Term }[] = [];
  const leetSubstrings: { pattern: string; value: Term }[] = [];
  const groups = new Map<string, HashedGroup>();
  let anyLeet = false;

  for (const term of terms) {
    anyLeet ||= term.leet === true;
    if (term.hashed) {
      const { keyId } = term.hashed;
      let group = groups.get(keyId);
      if (group === undefined) {
        const key = keys.get(keyId);
        if (key === undefined) throw new TermListError(`is hashed with key ${keyId}, which was not given`, term.source);
        group = { digest: createTermDigester(key), terms: new Map(), tags: new Set(), tagLists: new Set(), memo: new Map() };
        groups.set(keyId, group);
      }
      for (const digest of term.hashed.digests) if (!group.terms.has(digest)) group.terms.set(digest, term);
      if (!group.tagLists.has(term.hashed.wordTags)) {
        group.tagLists.add(term.hashed.wordTags);
        for (const tag of term.hashed.wordTags) group.tags.add(Number.parseInt(tag, 16));
      }
      continue;
    }
    for (const form of termForms(term)) {
      const entry: Entry = { term, words: form.words, hashes: Int32Array.from(form.words.map(hashFolded)), via: form.kind };
      if (!form.leet) addEntry(normal, entry);
      if (term.leet) addEntry(leetIndex, entry);
    }
    if (term.substring) {
      for (const spelling of [term.words, ...(term.aliases ?? [])]) {
        const joined = spelling.join('');
        substrings.push({ pattern: joined, value: term });
        if (term.leet) leetSubstrings.push({ pattern: leetFoldString(joined), value: term });
      }
    }
  }
  // Longer forms first, so that `Project Halcyon Two` wins over `Project Halcyon` at the same word.
  for (const index of [normal, leetIndex]) for (const bucket of index.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  const ac = substrings.length > 0 ? createAhoCorasick(substrings) : undefined;
  const leetAc = leetSubstrings.length > 0 ? createAhoCorasick(leetSubstrings) : undefined;

  return {
    terms,
    match(text, accept = () => true) {
      const found: TermMatch[] = [];
      if (normal.size > 0 || groups.size > 0) {
        const words = tokenize(text);
        matchIndex(text, words, normal, false, accept, found);
        for (const group of groups.values()) matchHashed(text, words, group, false, accept, found);
      }
      if (anyLeet) {
        const words = tokenize(text, true);
        matchIndex(text, words, leetIndex, true, accept, found);
        for (const group of groups.values()) matchHashed(text, words, group, true, accept, found);
      }
      if (ac) matchSubstrings(text, ac, false, accept, found);
      if (leetAc) matchSubstrings(text, leetAc, true, accept, found);
      return withoutOverlaps(found);
    },
  };
}

/** The id under which a term's findings are reported: `term:<term id>`. */
export function termRuleId(term: Term): string {
  return `term:${term.id}`;
}

/** What a term finding shows: the term's id and owner, and for a lifted embargo in its grace period, that it is only a warning. */
export function termTitle(term: Term, graceUntil?: string): string {
  const owner = term.owner ? ` (ask ${term.owner})` : '';
  if (graceUntil !== undefined) return `Embargoed term ${term.id}: embargo lifted ${term.lifts}, warning until ${graceUntil}${owner}`;
  return `Embargoed term ${term.id}${owner}`;
}

/** Term hits: reported and masked by id; nothing of the term's text is kept. */
function toTermHits(text: string, matches: readonly TermMatch[], reveal: boolean, graceUntil: (term: Term) => string | undefined): Hit[] {
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
  /** The path that scopes are matched against, from a chunk's path. */
  scopePath?: (path: string) => string;
}

/** Finds term hits in a chunk's text, honouring each term's lift date and path scopes. */
export interface TermScanner {
  readonly terms: readonly Term[];
  hits(text: string, path: string, reveal: boolean): Hit[];
}

function compileScope(term: Term, globs: readonly string[] | undefined, key: string): ((path: string) => boolean) | undefined {
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
      .map((term) => [term, { allow: compileScope(term, term.allowIn, 'allowIn'), only: compileScope(term, term.onlyIn, 'onlyIn') }]),
  );
  return (term, now, path) => {
    const embargo = embargoState(term, now);
    if (embargo.state === 'lifted') return { blocks: false, why: 'lifted' };
    const scope = scopes.get(term);
    if (scope?.allow?.(path)) return { blocks: false, why: 'allowed-here' };
    if (scope?.only && !scope.only(path)) return { blocks: false, why: 'not-blocked-here' };
    if (embargo.state === 'grace') return { blocks: false, why: 'grace', until: isoDay(embargo.until) };
    return { blocks: true };
  };
}

export function createTermScanner(terms: readonly Term[], options: TermScannerOptions = {}): TermScanner {
  const matcher = createTermMatcher(terms, options.keys);
  const policy = createTermPolicy(terms);
  return {
    terms,
    hits(text, path, reveal) {
      if (terms.length === 0) return [];
      const now = options.now?.();
      const scoped = options.scopePath ? options.scopePath(path) : path;
      const verdicts = new Map<Term, boolean>();
      const grace = new Map<Term, string>();
      // Occurrences in a grace period are reported, as warnings.
      const accept = (term: Term): boolean => {
        let verdict = verdicts.get(term);
        if (verdict !== undefined) return verdict;
        const decided = policy(term, now, scoped);
        if (!decided.blocks && decided.why === 'grace') grace.set(term, decided.until);
        verdict = decided.blocks || decided.why === 'grace';
        verdicts.set(term, verdict);
        return verdict;
      };
      return toTermHits(text, matcher.match(text, accept), reveal, (term) => grace.get(term));
    },
  };
}
