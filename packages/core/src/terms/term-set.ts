// A compiled term set: everything a `TermMatcher` needs, in one byte array, made once per
// list content (`compileTermSet`) and used as it is (`loadTermSet`), so that a scan with a
// list of 100,000 terms neither builds 100,000 terms nor a word index of their forms:
// one binary search per word of the scanned text, and a term is made (parsed from its
// JSON) only when one of its forms matches. The CLI caches the bytes (term-cache.ts);
// the core never touches a file.
//
// Layout: a header of 32-bit words (magic, format, checksum, section count, then each
// section's byte offset and length), then the sections, each aligned to 4 bytes; the
// checksum (FNV-1a over every 32-bit word but itself) makes any damage an error:
//
//   meta        JSON: term count, whether any term is leet, the key ids of hashed groups
//   termStarts  u32 × (terms + 1): offsets of each term's JSON in `termJson`
//   termJson    UTF-8: each term as JSON (a hashed term's word tags by their list's index)
//   tagLists    UTF-8 JSON: the distinct word-tag arrays of hashed terms
//   words       i32 × 3 per distinct folded word: its hash, offset and length (| WIDE)
//   narrow      u8: the characters of words that are all Latin-1, one byte each
//   wide        u16: the UTF-16 units of other words
//   refs        u32: word indices of each form, in order
//   for the normal and the leet word index:
//     keys      i32, sorted: the distinct hashes of forms' first words
//     starts    u32 × (keys + 1): each key's entries
//     entries   u32 × 3: term, (kind << 8 | word count), offset of its words in `refs`;
//               in a key's run, longer forms first, then in list order (as createTermMatcher)
//   substrings  u32 × 2 per spelling, normal then leet (count in meta): term, word index
//   for each hashed group:
//     digests   u32 × 4 per digest, sorted; terms u32 per digest; tags u32, sorted
//
// Hashed terms are stored as their digests and the list-wide tags only: a compiled
// hashed list holds no term in clear, as the list itself.

import { TermListError, TermSetError } from '../errors.js';
import type { Term } from '../types.js';
import { createTermDigester } from './digest.js';
import { leetFoldString } from './fold.js';
import { termForms, type FormKind } from './forms.js';
import {
  matchHashed,
  matchSubstrings,
  substringIndex,
  withoutOverlaps,
  type HashedGroup,
  type MatchVia,
  type Spelling,
  type SubstringIndex,
  type TermMatch,
  type TermMatcher,
} from './match.js';
import { createTermPolicy } from './policy.js';
import { hashFolded, tokenize, wordText, type WordList } from './tokenize.js';

const MAGIC = 0x53544c54; // "TLTS"
/** Bumped whenever the layout or what a form is changes: older bytes are then refused (and compiled again). */
export const TERM_SET_FORMAT = 1;

const KINDS: readonly FormKind[] = ['exact', 'alias', 'joined', 'plural'];

interface Meta {
  terms: number;
  anyLeet: boolean;
  /** Substring spellings in the normal and the leet view. */
  substrings: [number, number];
  keyIds: string[];
}

/** Words, each stored once. */
class WordTable {
  readonly index = new Map<string, number>();
  readonly data: number[] = [];
  readonly narrow: number[] = [];
  readonly wide: number[] = [];

  add(word: string): number {
    let i = this.index.get(word);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(word, i);
      const isWide = LATIN1.test(word);
      const units = isWide ? this.wide : this.narrow;
      this.data.push(hashFolded(word), units.length, word.length | (isWide ? WIDE : 0));
      for (let k = 0; k < word.length; k++) units.push(word.charCodeAt(k));
    }
    return i;
  }
}

/** Flags a word stored in `wide`. */
const WIDE = 1 << 30;
/** A character beyond Latin-1. */
const LATIN1 = /[^\u0000-\u00ff]/;

/** A word index being built: entries in list order, sorted when written. */
interface IndexDraft {
  firstHash: number[];
  entries: number[];
}

function addForm(
  draft: IndexDraft,
  words: WordTable,
  refs: number[],
  term: number,
  formWords: readonly string[],
  kind: FormKind,
): void {
  draft.firstHash.push(hashFolded(formWords[0]!));
  draft.entries.push(term, (KINDS.indexOf(kind) << 8) | formWords.length, refs.length);
  for (const word of formWords) refs.push(words.add(word));
}

/** The three sections of a word index: keys, starts, entries. */
function writeIndex(draft: IndexDraft): [Int32Array, Uint32Array, Uint32Array] {
  const count = draft.firstHash.length;
  const order = Array.from({ length: count }, (_, i) => i);
  const length = (i: number): number => draft.entries[i * 3 + 1]! & 0xff;
  order.sort((a, b) => draft.firstHash[a]! - draft.firstHash[b]! || length(b) - length(a) || a - b);
  const keys: number[] = [];
  const starts: number[] = [];
  const entries = new Uint32Array(count * 3);
  order.forEach((from, to) => {
    const hash = draft.firstHash[from]!;
    if (keys.length === 0 || keys[keys.length - 1] !== hash) {
      keys.push(hash);
      starts.push(to);
    }
    entries.set(draft.entries.slice(from * 3, from * 3 + 3), to * 3);
  });
  starts.push(count);
  return [Int32Array.from(keys), Uint32Array.from(starts), entries];
}

/** A stored digest (32 hex digits) as four 32-bit words. */
function digestWords(hex: string): [number, number, number, number] {
  return [0, 8, 16, 24].map((at) => Number.parseInt(hex.slice(at, at + 8), 16) >>> 0) as [
    number,
    number,
    number,
    number,
  ];
}

function compareDigest(a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number): number {
  for (let k = 0; k < 4; k++) {
    const d = a[i * 4 + k]! - b[j * 4 + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** A hashed group being built. */
interface GroupDraft {
  keyId: string;
  digests: number[];
  terms: number[];
  tags: Set<number>;
}

function writeGroup(draft: GroupDraft): [Uint32Array, Uint32Array, Uint32Array] {
  const order = draft.terms.map((_, i) => i);
  // Sorted by digest; of equal digests the first term in list order is kept (as createTermMatcher).
  order.sort((a, b) => compareDigest(draft.digests, a, draft.digests, b) || a - b);
  const kept = order.filter(
    (k, i) => i === 0 || compareDigest(draft.digests, k, draft.digests, order[i - 1]!) !== 0,
  );
  const digests = new Uint32Array(kept.length * 4);
  kept.forEach((k, i) => digests.set(draft.digests.slice(k * 4, k * 4 + 4), i * 4));
  return [
    digests,
    Uint32Array.from(kept, (k) => draft.terms[k]!),
    Uint32Array.from([...draft.tags].sort((a, b) => a - b)),
  ];
}

const encoder = new TextEncoder();

/**
 * The compiled form of `terms`. Checks what `createTermMatcher` and `createTermPolicy`
 * check (a hashed term's key is in `keys`, by key id; scopes are valid globs), so that
 * a set that compiles loads and scans without surprises.
 */
export function compileTermSet(
  terms: readonly Term[],
  keys: ReadonlyMap<string, Uint8Array> = new Map(),
): Uint8Array {
  createTermPolicy(terms);
  const words = new WordTable();
  const refs: number[] = [];
  const normal: IndexDraft = { firstHash: [], entries: [] };
  const leet: IndexDraft = { firstHash: [], entries: [] };
  const substrings: [number[], number[]] = [[], []];
  const groups = new Map<string, GroupDraft>();
  const tagLists = new Map<readonly string[], number>();
  const tagListTexts = new Map<string, number>();
  const termStarts = new Uint32Array(terms.length + 1);
  const termJson: Uint8Array[] = [];
  let jsonLength = 0;
  let anyLeet = false;

  terms.forEach((term, t) => {
    anyLeet ||= term.leet === true;
    let stored: unknown = term;
    if (term.hashed) {
      const { keyId, digests, wordTags } = term.hashed;
      if (!keys.has(keyId))
        throw new TermListError(`is hashed with key ${keyId}, which was not given`, term.source);
      let group = groups.get(keyId);
      if (group === undefined) {
        group = { keyId, digests: [], terms: [], tags: new Set() };
        groups.set(keyId, group);
      }
      for (const digest of digests) {
        group.digests.push(...digestWords(digest));
        group.terms.push(t);
      }
      let list = tagLists.get(wordTags);
      if (list === undefined) {
        const text = JSON.stringify(wordTags);
        list = tagListTexts.get(text) ?? tagListTexts.size;
        tagListTexts.set(text, list);
        tagLists.set(wordTags, list);
        for (const tag of wordTags) group.tags.add(Number.parseInt(tag, 16));
      }
      stored = { ...term, hashed: { keyId, digests, wordTags: list } };
    } else {
      for (const form of termForms(term)) {
        if (!form.leet) addForm(normal, words, refs, t, form.words, form.kind);
        if (term.leet) addForm(leet, words, refs, t, form.words, form.kind);
      }
      if (term.substring) {
        for (const spelling of [term.words, ...(term.aliases ?? [])]) {
          const joined = spelling.join('');
          substrings[0].push(t, words.add(joined));
          if (term.leet) substrings[1].push(t, words.add(leetFoldString(joined)));
        }
      }
    }
    const json = encoder.encode(JSON.stringify(stored));
    termJson.push(json);
    jsonLength += json.length;
    termStarts[t + 1] = jsonLength;
  });

  const json = new Uint8Array(jsonLength);
  termJson.forEach((part, t) => json.set(part, termStarts[t]));
  const meta: Meta = {
    terms: terms.length,
    anyLeet,
    substrings: [substrings[0].length / 2, substrings[1].length / 2],
    keyIds: [...groups.keys()],
  };
  return writeSections([
    encoder.encode(JSON.stringify(meta)),
    termStarts,
    json,
    encoder.encode(JSON.stringify([...tagListTexts.keys()].map((text) => JSON.parse(text)))),
    Int32Array.from(words.data),
    Uint8Array.from(words.narrow),
    Uint16Array.from(words.wide),
    Uint32Array.from(refs),
    ...writeIndex(normal),
    ...writeIndex(leet),
    Uint32Array.from([...substrings[0], ...substrings[1]]),
    ...[...groups.values()].flatMap(writeGroup),
  ]);
}

/** FNV-1a over the 32-bit words of `words` but the checksum's own: any one changed word changes it. */
function checksum(words: Uint32Array): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < words.length; i++)
    if (i !== CHECKSUM) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}
const CHECKSUM = 2;
const HEADER = 4;

function writeSections(sections: readonly ArrayBufferView[]): Uint8Array {
  const headerWords = HEADER + sections.length * 2;
  let offset = headerWords * 4;
  const header = new Uint32Array(headerWords);
  header.set([MAGIC, TERM_SET_FORMAT, 0, sections.length]);
  sections.forEach((section, i) => {
    header[HEADER + i * 2] = offset;
    header[HEADER + 1 + i * 2] = section.byteLength;
    offset += (section.byteLength + 3) & ~3;
  });
  const bytes = new Uint8Array(offset);
  bytes.set(new Uint8Array(header.buffer));
  sections.forEach((section, i) =>
    bytes.set(
      new Uint8Array(section.buffer, section.byteOffset, section.byteLength),
      header[HEADER + i * 2],
    ),
  );
  const words = new Uint32Array(bytes.buffer);
  words[CHECKSUM] = checksum(words);
  return bytes;
}

/** The sections of `bytes` (aligned), checked against the header, the checksum and the buffer. */
function readSections(bytes: Uint8Array): Uint8Array[] {
  if (bytes.byteLength < HEADER * 4 || bytes.byteLength % 4 !== 0)
    throw new TermSetError('truncated');
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (words[0] !== MAGIC) throw new TermSetError('not a term set');
  if (words[1] !== TERM_SET_FORMAT)
    throw new TermSetError(`format ${words[1]}, not ${TERM_SET_FORMAT}`);
  if (words[CHECKSUM] !== checksum(words)) throw new TermSetError('damaged (checksum)');
  const count = words[3]!;
  if (HEADER + count * 2 > words.length) throw new TermSetError('truncated');
  const sections: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const offset = words[HEADER + i * 2]!;
    const length = words[HEADER + 1 + i * 2]!;
    if (offset % 4 !== 0 || offset + length > bytes.byteLength) throw new TermSetError('truncated');
    sections.push(bytes.subarray(offset, offset + length));
  }
  return sections;
}

function view<T>(
  section: Uint8Array | undefined,
  make: (buffer: ArrayBuffer, offset: number, length: number) => T,
  size: number,
): T {
  if (section === undefined || section.byteLength % size !== 0)
    throw new TermSetError('damaged section');
  return make(section.buffer as ArrayBuffer, section.byteOffset, section.byteLength / size);
}
const u32 = (s: Uint8Array | undefined): Uint32Array =>
  view(s, (b, o, n) => new Uint32Array(b, o, n), 4);
const i32 = (s: Uint8Array | undefined): Int32Array =>
  view(s, (b, o, n) => new Int32Array(b, o, n), 4);
const u8 = (s: Uint8Array | undefined): Uint8Array =>
  view(s, (b, o, n) => new Uint8Array(b, o, n), 1);
const u16 = (s: Uint8Array | undefined): Uint16Array =>
  view(s, (b, o, n) => new Uint16Array(b, o, n), 2);

function check(ok: boolean): void {
  if (!ok) throw new TermSetError('damaged section');
}

/** Every value of `array` below `limit`. */
function allBelow(array: ArrayLike<number>, limit: number, step = 1, from = 0): boolean {
  for (let i = from; i < array.length; i += step) if (array[i]! >= limit) return false;
  return true;
}

/** Whether `array` is sorted (strictly, for keys). */
function sorted(array: ArrayLike<number>, strict: boolean): boolean {
  for (let i = 1; i < array.length; i++)
    if (strict ? array[i - 1]! >= array[i]! : array[i - 1]! > array[i]!) return false;
  return true;
}

interface WordIndexView {
  keys: Int32Array;
  starts: Uint32Array;
  entries: Uint32Array;
}

/**
 * A word index's sections. The checksum vouches for their content; what is checked here
 * keeps every loop bounded even so: an index that lies reads past nothing and never hangs.
 */
function readIndex([keys, starts, entries]: (Uint8Array | undefined)[]): WordIndexView {
  const index = { keys: i32(keys), starts: u32(starts), entries: u32(entries) };
  const count = index.entries.length / 3;
  check(
    Number.isInteger(count) &&
      index.starts.length === index.keys.length + 1 &&
      index.starts[0] === 0 &&
      index.starts[index.keys.length] === count &&
      sorted(index.starts, false),
  );
  return index;
}

/** The first index in `keys` (sorted) of `hash`, or -1. */
function find(keys: Int32Array, hash: number): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const key = keys[mid]!;
    if (key < hash) low = mid + 1;
    else if (key > hash) high = mid - 1;
    else return mid;
  }
  return -1;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A matcher over compiled bytes (from `compileTermSet`, of this format): it matches
 * exactly as `createTermMatcher` over the same terms would. The bytes are used as they
 * are, not copied: they must not change afterwards. A worker needs only the bytes (copied
 * or transferred) and the keys to load the same set. Damaged bytes throw `TermSetError`;
 * a hashed group whose key is not in `keys` throws `TermListError`.
 */
export function loadTermSet(
  bytes: Uint8Array,
  keys: ReadonlyMap<string, Uint8Array> = new Map(),
): TermMatcher {
  // Typed views need aligned offsets: a buffer that is not is copied once.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const sections = readSections(aligned);
  let meta: Meta;
  try {
    meta = JSON.parse(decoder.decode(sections[0])) as Meta;
  } catch {
    throw new TermSetError('damaged meta');
  }
  const termCount = meta.terms;
  check(
    Number.isInteger(termCount) &&
      termCount >= 0 &&
      Array.isArray(meta.keyIds) &&
      Array.isArray(meta.substrings) &&
      sections.length === 15 + meta.keyIds.length * 3,
  );
  const termStarts = u32(sections[1]);
  const termJson = sections[2]!;
  check(
    termStarts.length === termCount + 1 &&
      sorted(termStarts, false) &&
      termStarts[termCount] === termJson.byteLength,
  );
  const wordData = i32(sections[4]);
  const narrow = u8(sections[5]);
  const wide = u16(sections[6]);
  const refs = u32(sections[7]);
  const wordCount = wordData.length / 3;
  check(Number.isInteger(wordCount));
  const normal = readIndex(sections.slice(8, 11));
  const leetIndex = readIndex(sections.slice(11, 14));
  const substringPairs = u32(sections[14]);
  const [normalSpellings, leetSpellings] = meta.substrings;
  check(
    substringPairs.length === (normalSpellings + leetSpellings) * 2 &&
      allBelow(substringPairs, termCount, 2) &&
      allBelow(substringPairs, wordCount, 2, 1),
  );

  const made = new Array<Term | undefined>(termCount);
  let tagLists: string[][] | undefined;
  const termAt = (t: number): Term => {
    let term = made[t];
    if (term === undefined) {
      try {
        term = JSON.parse(
          decoder.decode(termJson.subarray(termStarts[t], termStarts[t + 1])),
        ) as Term;
        if (term.hashed) {
          tagLists ??= JSON.parse(decoder.decode(sections[3])) as string[][];
          const list = tagLists[term.hashed.wordTags as unknown as number];
          if (!Array.isArray(list)) throw new TermSetError('damaged tags');
          term = { ...term, hashed: { ...term.hashed, wordTags: list } };
        }
      } catch {
        throw new TermSetError(`damaged term ${t}`);
      }
      made[t] = term;
    }
    return term;
  };

  const wordEquals = (text: string, w: number): boolean => {
    const from = wordData[w * 3 + 1]!;
    const length = wordData[w * 3 + 2]! & ~WIDE;
    const units = wordData[w * 3 + 2]! & WIDE ? wide : narrow;
    if (text.length !== length) return false;
    for (let k = 0; k < length; k++) if (text.charCodeAt(k) !== units[from + k]) return false;
    return true;
  };
  const wordString = (w: number): string => {
    const from = wordData[w * 3 + 1]!;
    const length = wordData[w * 3 + 2]! & ~WIDE;
    const units = wordData[w * 3 + 2]! & WIDE ? wide : narrow;
    let out = '';
    for (let k = 0; k < length; k++) out += String.fromCharCode(units[from + k]!);
    return out;
  };

  const groups: HashedGroup[] = meta.keyIds.map((keyId, g) => {
    const key = keys.get(keyId);
    if (key === undefined)
      throw new TermListError(
        `is hashed with key ${keyId}, which was not given`,
        'compiled term set',
      );
    const at = 15 + g * 3;
    const digests = u32(sections[at]);
    const owners = u32(sections[at + 1]);
    const tags = u32(sections[at + 2]);
    check(digests.length === owners.length * 4);
    const probe = new Uint32Array(4);
    return {
      digest: createTermDigester(key),
      memo: new Map(),
      termOf(hex) {
        probe.set(digestWords(hex));
        let low = 0;
        let high = owners.length - 1;
        while (low <= high) {
          const mid = (low + high) >>> 1;
          const order = compareDigest(digests, mid, probe, 0);
          if (order < 0) low = mid + 1;
          else if (order > 0) high = mid - 1;
          else return termAt(owners[mid]!);
        }
        return undefined;
      },
      hasTag(tag) {
        let low = 0;
        let high = tags.length - 1;
        while (low <= high) {
          const mid = (low + high) >>> 1;
          if (tags[mid]! < tag) low = mid + 1;
          else if (tags[mid]! > tag) high = mid - 1;
          else return true;
        }
        return false;
      },
    };
  });

  const spellings = (from: number, count: number): SubstringIndex | undefined =>
    substringIndex(
      Array.from({ length: count }, (_, k): Spelling => ({
        term: termAt(substringPairs[(from + k) * 2]!),
        pattern: wordString(substringPairs[(from + k) * 2 + 1]!),
      })),
    );
  let automata: [SubstringIndex | undefined, SubstringIndex | undefined] | undefined;

  function matchIndex(
    text: string,
    words: WordList,
    index: WordIndexView,
    leet: boolean,
    accept: (term: Term) => boolean,
    found: TermMatch[],
  ): void {
    const { keys: hashes, starts, entries } = index;
    if (hashes.length === 0) return;
    for (let i = 0; i < words.count; i++) {
      const key = find(hashes, words.hash[i]!);
      if (key === -1) continue;
      for (let e = starts[key]!; e < starts[key + 1]!; e++) {
        const n = entries[e * 3 + 1]! & 0xff;
        if (i + n > words.count) continue;
        const ref = entries[e * 3 + 2]!;
        let same = true;
        for (let k = 1; k < n && same; k++)
          same = words.hash[i + k] === wordData[refs[ref + k]! * 3];
        for (let k = 0; k < n && same; k++)
          same = wordEquals(wordText(text, words, i + k, leet), refs[ref + k]!);
        if (!same) continue;
        const term = termAt(entries[e * 3]!);
        if (!accept(term)) continue;
        found.push({
          term,
          start: words.start[i]!,
          end: words.end[i + n - 1]!,
          via: KINDS[entries[e * 3 + 1]! >>> 8]! satisfies MatchVia,
          leet,
        });
        break;
      }
    }
  }

  return {
    size: termCount,
    terms: () => Array.from({ length: termCount }, (_, t) => termAt(t)),
    match(text, accept = () => true) {
      const found: TermMatch[] = [];
      if (normal.keys.length > 0 || groups.length > 0) {
        const words = tokenize(text);
        matchIndex(text, words, normal, false, accept, found);
        for (const group of groups) matchHashed(text, words, group, false, accept, found);
      }
      if (meta.anyLeet) {
        const words = tokenize(text, true);
        matchIndex(text, words, leetIndex, true, accept, found);
        for (const group of groups) matchHashed(text, words, group, true, accept, found);
      }
      if (normalSpellings + leetSpellings > 0) {
        automata ??= [spellings(0, normalSpellings), spellings(normalSpellings, leetSpellings)];
        if (automata[0]) matchSubstrings(text, automata[0], false, accept, found);
        if (automata[1]) matchSubstrings(text, automata[1], true, accept, found);
      }
      return withoutOverlaps(found);
    },
  };
}
