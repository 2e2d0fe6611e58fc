// Finding terms in a text: plaintext forms through a word index, hashed terms through
// their digests, substring terms through one Aho–Corasick automaton; each in the normal
// and, for terms that opt in, the leet view.

import { createAhoCorasick, type AhoCorasick } from '../codec/aho-corasick.js';
import { TermListError } from '../errors.js';
import type { Term } from '../types.js';
import { createTermDigester, MAX_HASHED_LENGTH, type TermDigester } from './digest.js';
import { ASCII, LEET_ASCII, leetFoldString, SEP } from './fold.js';
import { MAX_TERM_WORDS, termForms, type FormKind } from './forms.js';
import {
  charSize,
  hashFolded,
  tokenizeViews,
  viewAt,
  wordText,
  type WordList,
} from './tokenize.js';

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

/**
 * Finds terms in texts; built once per term set, whatever its size: from terms
 * (`createTermMatcher`) or from a compiled set (`loadTermSet`, terms made on demand).
 */
export interface TermMatcher {
  /** How many terms the set holds. */
  readonly size: number;
  /** Every term, in list order (a loaded compiled set makes them all on this call). */
  terms(): readonly Term[];
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

/** The hashed terms made with one key, however they are stored. */
export interface HashedGroup {
  digest: TermDigester;
  /** The term whose stored digest is `hex`, if any. */
  termOf(hex: string): Term | undefined;
  /** Whether `tag` is the tag of a word of some multi-word form. */
  hasTag(tag: number): boolean;
  /** For each distinct word seen (bounded): its tag, and the term whose digest it has. */
  memo: Map<string, { tag: number; term: Term | undefined }>;
}

const MEMO_LIMIT = 200_000;

function addEntry(index: WordIndex, entry: Entry): void {
  const bucket = index.get(entry.hashes[0]!);
  if (bucket) bucket.push(entry);
  else index.set(entry.hashes[0]!, [entry]);
}

function matchIndex(
  text: string,
  words: WordList,
  index: WordIndex,
  leet: boolean,
  accept: (term: Term) => boolean,
  found: TermMatch[],
): void {
  for (let i = 0; i < words.count; i++) {
    const bucket = index.get(words.hash[i]!);
    if (bucket === undefined) continue;
    for (const entry of bucket) {
      const n = entry.words.length;
      if (i + n > words.count) continue;
      let same = true;
      for (let k = 1; k < n && same; k++) same = words.hash[i + k] === entry.hashes[k];
      for (let k = 0; k < n && same; k++)
        same = wordText(text, words, i + k, leet) === entry.words[k];
      if (!same || !accept(entry.term)) continue;
      found.push({
        term: entry.term,
        start: words.start[i]!,
        end: words.end[i + n - 1]!,
        via: entry.via,
        leet,
      });
      break;
    }
  }
}

export function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function matchHashed(
  text: string,
  words: WordList,
  group: HashedGroup,
  leet: boolean,
  accept: (term: Term) => boolean,
  found: TermMatch[],
): void {
  const { memo, digest } = group;
  // Each distinct word is hashed and looked up once; a large list's digest table is then rarely touched.
  const lookup = (word: string): { tag: number; term: Term | undefined } => {
    let known = memo.get(word);
    if (known === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const { hex, tag } = digest(word);
      known = { tag, term: group.termOf(hex) };
      memo.set(word, known);
    }
    return known;
  };
  const usable = (term: Term | undefined): term is Term =>
    term !== undefined && (!leet || term.leet === true) && accept(term);
  for (let i = 0; i < words.count; i++) {
    const word = wordText(text, words, i, leet);
    // No term is digits only, and no form is longer than MAX_HASHED_LENGTH: such words are never hashed.
    if (word.length > MAX_HASHED_LENGTH || isDigits(word)) continue;
    const first = lookup(word);
    let best: { term: Term; last: number } | undefined;
    if (usable(first.term)) best = { term: first.term, last: i };
    if (group.hasTag(first.tag)) {
      // Cheap filter: only runs of words that all occur in some multi-word form are hashed as n-grams.
      let form = word;
      for (let j = i + 1; j < words.count && j < i + MAX_TERM_WORDS; j++) {
        const next = wordText(text, words, j, leet);
        if (next.length > MAX_HASHED_LENGTH || !group.hasTag(lookup(next).tag)) break;
        form += ` ${next}`;
        const term = group.termOf(digest(form).hex);
        if (usable(term)) best = { term, last: j };
      }
    }
    if (best)
      found.push({
        term: best.term,
        start: words.start[i]!,
        end: words.end[best.last]!,
        via: 'hashed',
        leet,
      });
  }
}

/** Spellings of substring terms in one automaton: its pattern k is `spelling(k)`. */
export interface SubstringIndex {
  ac: Pick<AhoCorasick, 'step' | 'outputs' | 'longest'>;
  spelling: (k: number) => Spelling;
}

/** A substring term's spelling: its length (in folded units) and its term. */
export interface Spelling {
  readonly length: number;
  readonly term: Term;
}

/** The automaton of `spellings` (each folded, as the text is read); undefined when there are none. */
export function substringIndex(
  spellings: readonly { pattern: string; term: Term }[],
): SubstringIndex | undefined {
  if (spellings.length === 0) return undefined;
  const made = spellings.map(({ pattern, term }): Spelling => ({ length: pattern.length, term }));
  return {
    ac: createAhoCorasick(spellings.map((spelling) => spelling.pattern)),
    spelling: (k) => made[k]!,
  };
}

export function matchSubstrings(
  text: string,
  { ac, spelling }: SubstringIndex,
  leet: boolean,
  accept: (term: Term) => boolean,
  found: TermMatch[],
): void {
  // The automaton reads folded units as they come; a ring of original offsets maps a match back.
  // One loop, no callback: V8 compiles one function for the walk, whatever the view.
  const ring = new Int32Array(ac.longest);
  let state = 0;
  let position = 0;
  for (let i = 0; i < text.length;) {
    const { cls, fold } = viewAt(text, i, leet);
    const from = i;
    i += charSize(text, i);
    if (cls === SEP) state = 0; // a substring never spans a separator
    for (let k = 0; k < fold.length; k++) {
      ring[position % ring.length] = from;
      state = ac.step(state, fold.charCodeAt(k));
      const outputs = ac.outputs(state);
      for (let o = 0; o < outputs.length; o++) {
        const { length, term } = spelling(outputs[o]!);
        if (accept(term))
          found.push({
            term,
            start: ring[(position - length + 1) % ring.length]!,
            end: i,
            via: 'substring',
            leet,
          });
      }
      position++;
    }
  }
}

// A prefilter for short lists: before a text is split into words (twice, when some term
// matches leetspeak), one regular expression tells whether an ASCII text could hold any
// term at all. Every way a term can match holds, in one view, one of its needles: the
// first word of one of its forms, or one of its substring spellings. In an ASCII text
// each character folds to at most one unit, so a needle that occurs is a run of
// characters each folding to its next unit: a class of those characters per unit (`[kK]`,
// in the leet view `[aA4@]`). A text with other characters, or a list with hashed terms
// (whose words are unknown), is matched as it is.

/** Most needles a prefilter holds: past that, it would cost more than splitting a text into words. */
const PREFILTER_NEEDLES = 512;

/** By folded unit, in each view: the ASCII characters that fold to it, as a regex class. */
const asciiClasses = [false, true].map((leet) => {
  const chars = new Map<string, string>();
  ASCII.forEach((plain, cp) => {
    const { fold } = (leet ? LEET_ASCII[cp] : undefined) ?? plain;
    if (fold !== '')
      chars.set(fold, `${chars.get(fold) ?? ''}\\x${cp.toString(16).padStart(2, '0')}`);
  });
  return new Map([...chars].map(([unit, members]) => [unit, `[${members}]`]));
});

/** What a text must hold, in the normal and the leet view, for some term to match in it. */
export interface Needles {
  normal: Iterable<string>;
  leet: Iterable<string>;
}

/**
 * The source of a prefilter of `needles` (see above): a text in ASCII in which it does not
 * match holds no term. Undefined when there are too many needles.
 */
export function prefilterSource({ normal, leet }: Needles): string | undefined {
  const alternatives = new Set<string>();
  for (const [view, needles] of [normal, leet].entries()) {
    const classes = asciiClasses[view]!;
    for (const needle of needles) {
      const units = [...needle];
      if (!units.every((unit) => classes.has(unit))) continue; // no ASCII text holds it
      alternatives.add(units.map((unit) => classes.get(unit)!).join(''));
      if (alternatives.size > PREFILTER_NEEDLES) return undefined;
    }
  }
  return alternatives.size > 0 ? [...alternatives].join('|') : '(?!)';
}

const NOT_ASCII = /[\u0080-\uffff]/;

/** Whether `text` may hold a needle of `prefilter` (undefined: no prefilter, anything may). */
export function mayHold(prefilter: RegExp | undefined, text: string): boolean {
  return prefilter === undefined || NOT_ASCII.test(text) || prefilter.test(text);
}

/** A matcher's `match`, with a prefilter (made on first use; undefined for none) in front. */
export function withPrefilter(
  make: () => RegExp | undefined,
  match: TermMatcher['match'],
): TermMatcher['match'] {
  let made = false;
  let prefilter: RegExp | undefined;
  return (text, accept) => {
    if (!made) {
      prefilter = make();
      made = true;
    }
    if (!mayHold(prefilter, text)) return [];
    return match(text, accept);
  };
}

/**
 * For each term, the earliest, then longest, of its overlapping matches (forms of one term
 * found twice). Overlapping matches of different terms are all kept: each is a finding of
 * its own (allowed or not by its own id), and masking merges their spans.
 */
export function withoutOverlaps(found: TermMatch[]): TermMatch[] {
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

/** The needles (see `prefilterSource`) of a view: its forms' first words and its substring spellings. */
function* needlesOf(index: WordIndex, spellings: readonly { pattern: string }[]): Iterable<string> {
  for (const bucket of index.values()) for (const entry of bucket) yield entry.words[0]!;
  for (const { pattern } of spellings) yield pattern;
}

/**
 * A matcher for `terms`. Hashed terms need the key they were made with, by key id, in
 * `keys`; a missing key is an error (a list that cannot be matched must not pass silently).
 */
export function createTermMatcher(
  terms: readonly Term[],
  keys: ReadonlyMap<string, Uint8Array> = new Map(),
): TermMatcher {
  const normal: WordIndex = new Map();
  const leetIndex: WordIndex = new Map();
  const substrings: { pattern: string; term: Term }[] = [];
  const leetSubstrings: { pattern: string; term: Term }[] = [];
  const groups = new Map<
    string,
    HashedGroup & {
      byDigest: Map<string, Term>;
      tags: Set<number>;
      /** The word-tag arrays already added (a list's terms share one). */
      tagLists: Set<readonly string[]>;
    }
  >();
  let anyLeet = false;

  for (const term of terms) {
    anyLeet ||= term.leet === true;
    if (term.hashed) {
      const { keyId } = term.hashed;
      let group = groups.get(keyId);
      if (group === undefined) {
        const key = keys.get(keyId);
        if (key === undefined)
          throw new TermListError(`is hashed with key ${keyId}, which was not given`, term.source);
        const byDigest = new Map<string, Term>();
        const tags = new Set<number>();
        group = {
          digest: createTermDigester(key),
          termOf: (hex) => byDigest.get(hex),
          hasTag: (tag) => tags.has(tag),
          memo: new Map(),
          byDigest,
          tags,
          tagLists: new Set(),
        };
        groups.set(keyId, group);
      }
      for (const digest of term.hashed.digests)
        if (!group.byDigest.has(digest)) group.byDigest.set(digest, term);
      if (!group.tagLists.has(term.hashed.wordTags)) {
        group.tagLists.add(term.hashed.wordTags);
        for (const tag of term.hashed.wordTags) group.tags.add(Number.parseInt(tag, 16));
      }
      continue;
    }
    for (const form of termForms(term)) {
      const entry: Entry = {
        term,
        words: form.words,
        hashes: Int32Array.from(form.words, (word) => hashFolded(word)),
        via: form.kind,
      };
      if (!form.leet) addEntry(normal, entry);
      if (term.leet) addEntry(leetIndex, entry);
    }
    if (term.substring) {
      for (const spelling of [term.words, ...(term.aliases ?? [])]) {
        const joined = spelling.join('');
        substrings.push({ pattern: joined, term });
        if (term.leet) leetSubstrings.push({ pattern: leetFoldString(joined), term });
      }
    }
  }
  // Longer forms first, so that `Project Halcyon Two` wins over `Project Halcyon` at the same word.
  for (const index of [normal, leetIndex])
    for (const bucket of index.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  const substringTerms = substringIndex(substrings);
  const leetSubstringTerms = substringIndex(leetSubstrings);

  const match: TermMatcher['match'] = (text, accept = () => true) => {
    const found: TermMatch[] = [];
    const [words, leetWords] = tokenizeViews(text, normal.size > 0 || groups.size > 0, anyLeet);
    if (words) {
      matchIndex(text, words, normal, false, accept, found);
      for (const group of groups.values()) matchHashed(text, words, group, false, accept, found);
    }
    if (leetWords) {
      matchIndex(text, leetWords, leetIndex, true, accept, found);
      for (const group of groups.values()) matchHashed(text, leetWords, group, true, accept, found);
    }
    if (substringTerms) matchSubstrings(text, substringTerms, false, accept, found);
    if (leetSubstringTerms) matchSubstrings(text, leetSubstringTerms, true, accept, found);
    return withoutOverlaps(found);
  };
  return {
    size: terms.length,
    terms: () => terms,
    // Hashed terms' words are unknown: no prefilter can rule them out.
    match:
      groups.size > 0
        ? match
        : withPrefilter(() => {
            const source = prefilterSource({
              normal: needlesOf(normal, substrings),
              leet: needlesOf(leetIndex, leetSubstrings),
            });
            return source === undefined ? undefined : new RegExp(source);
          }, match),
  };
}
