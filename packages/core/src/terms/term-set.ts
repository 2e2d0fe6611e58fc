// A compiled term set: everything a `TermMatcher` needs, in one byte array, made once per
// list content (`compileTermSet`) and used as it is (`loadTermSet`), so that a scan with a
// list of 100,000 terms neither builds 100,000 terms nor a word index of their forms:
// one binary search per word of the scanned text, and a term is made (parsed from its
// JSON) only when one of its forms matches. The CLI caches the bytes (term-cache.ts);
// the core never touches a file.
//
// Layout: a header of 32-bit words (magic, format, the header's checksum, section count,
// block count, each section's byte offset and length, each block's checksum), then the
// sections, each aligned to 4 bytes (checksums: CRC-32, which the CLI computes natively):
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
//   substrings  UTF-8 JSON: the spellings of substring terms, in the normal and the leet view
//               (read only to build an automaton too large to be stored)
//   for the normal and the leet view: u32 × 2 per spelling: its term and its length
//   for the normal and the leet view: the substring spellings' Aho–Corasick automaton
//     (codec/aho-corasick.ts's tables: units, table, output starts, outputs), read as a
//     text leads through it
//   prefilter   UTF-8: the source of the list's prefilter (match.ts), empty for none
//   substring prefilter  UTF-8: for a list too long for one, a prefilter of its substring
//               spellings alone (the substring scan walks every character), empty for none
//   for each hashed group:
//     digests   u32 × 4 per digest, sorted; terms u32 per digest; tags u32, sorted
//
// A loader reads the set in blocks of BLOCK bytes, each with its checksum in the header
// (itself checksummed): the sections it needs for every text at once (meta, the
// first-word hashes, hashed groups), the rest block by block as a word or a character of
// the text leads there. A hook with a list of 100,000 terms thus reads a few MB of a set
// several times that size, and never uses a byte it has not checked.
//
// Hashed terms are stored as their digests and the list-wide tags only: a compiled
// hashed list holds no term in clear, as the list itself.

import {
  ahoCorasickTables,
  createAhoCorasick,
  type AhoCorasick,
  type AhoCorasickTables,
} from '../codec/aho-corasick.js';
import { crc32Bytes } from '../codec/crc32.js';
import { TermListError, TermSetError } from '../errors.js';
import type { Term } from '../types.js';
import { createTermDigester } from './digest.js';
import { leetFoldString } from './fold.js';
import { termForms, type FormKind } from './forms.js';
import {
  matchHashed,
  matchSubstrings,
  mayHold,
  prefilterSource,
  withoutOverlaps,
  withPrefilter,
  type HashedGroup,
  type MatchVia,
  type Spelling,
  type SubstringIndex,
  type TermMatch,
  type TermMatcher,
} from './match.js';
import { createTermPolicy } from './policy.js';
import { hashFolded, tokenizeViews, wordText, type WordList } from './tokenize.js';

const MAGIC = 0x53544c54; // "TLTS"
/** Bumped whenever the layout or what a form is changes: older bytes are then refused (and compiled again). */
export const TERM_SET_FORMAT = 3;

/**
 * CRC-32 (IEEE, as zlib's `crc32(bytes, value)`) of `bytes`, continuing from `value`: what
 * a set's checksums are. Core's own is plain JavaScript; a caller with a native one
 * (node:zlib's) gives it, so that loading a long list checks its blocks in microseconds.
 */
export type Crc32 = (bytes: Uint8Array, value?: number) => number;

export interface TermSetOptions {
  crc32?: Crc32;
}

const KINDS: readonly FormKind[] = ['exact', 'alias', 'joined', 'plural'];

interface Meta {
  terms: number;
  anyLeet: boolean;
  keyIds: string[];
  /** The substring automata (normal, leet) stored, by their sizes; null for none (built when loaded). */
  automata: (Pick<AhoCorasickTables, 'classes' | 'count' | 'longest'> | null)[];
}

/** The sections of a stored automaton. */
function automatonSections(tables: AhoCorasickTables | undefined): ArrayBufferView[] {
  return tables
    ? [tables.units, tables.table, tables.outputStarts, tables.outputs]
    : [new Uint8Array(0), new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)];
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
      const wide = isWide(word);
      const units = wide ? this.wide : this.narrow;
      this.data.push(hashFolded(word), units.length, word.length | (wide ? WIDE : 0));
      for (let k = 0; k < word.length; k++) units.push(word.charCodeAt(k));
    }
    return i;
  }
}

/** Flags a word stored in `wide`. */
const WIDE = 1 << 30;
/** Whether `word` has a character beyond Latin-1. */
function isWide(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 0xff) return true;
  return false;
}

/** A word index being built: entries in list order, sorted when written. */
interface IndexDraft {
  firstHash: number[];
  entries: number[];
}

function addForm(
  draft: IndexDraft,
  needles: string[],
  words: WordTable,
  refs: number[],
  term: number,
  formWords: readonly string[],
  kind: FormKind,
): void {
  draft.firstHash.push(hashFolded(formWords[0]!));
  needles.push(formWords[0]!);
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
  { crc32 = crc32Bytes }: TermSetOptions = {},
): Uint8Array {
  createTermPolicy(terms);
  const words = new WordTable();
  const refs: number[] = [];
  const normal: IndexDraft = { firstHash: [], entries: [] };
  const leet: IndexDraft = { firstHash: [], entries: [] };
  const substrings: [string[], string[]] = [[], []];
  // What a text must hold for a term to match, in each view (see match.ts's prefilter).
  const needles: [string[], string[]] = [[], []];
  const spellings: [number[], number[]] = [[], []];
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
        if (!form.leet) addForm(normal, needles[0], words, refs, t, form.words, form.kind);
        if (term.leet) addForm(leet, needles[1], words, refs, t, form.words, form.kind);
      }
      if (term.substring) {
        for (const spelling of [term.words, ...(term.aliases ?? [])]) {
          const joined = spelling.join('');
          substrings[0].push(joined);
          spellings[0].push(t, joined.length);
          if (term.leet) {
            const folded = leetFoldString(joined);
            substrings[1].push(folded);
            spellings[1].push(t, folded.length);
          }
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
  const automata = substrings.map((patterns) =>
    patterns.length > 0 ? ahoCorasickTables(patterns) : undefined,
  );
  const listPrefilter =
    groups.size > 0
      ? ''
      : (prefilterSource({
          normal: [...needles[0], ...substrings[0]],
          leet: [...needles[1], ...substrings[1]],
        }) ?? '');
  const meta: Meta = {
    terms: terms.length,
    anyLeet,
    keyIds: [...groups.keys()],
    automata: automata.map((tables) =>
      tables ? { classes: tables.classes, count: tables.count, longest: tables.longest } : null,
    ),
  };
  return writeSections(crc32, [
    encoder.encode(JSON.stringify(meta)),
    termStarts,
    json,
    encoder.encode(`[${[...tagListTexts.keys()].join(',')}]`),
    Int32Array.from(words.data),
    Uint8Array.from(words.narrow),
    Uint16Array.from(words.wide),
    Uint32Array.from(refs),
    ...writeIndex(normal),
    ...writeIndex(leet),
    encoder.encode(JSON.stringify(substrings)),
    ...spellings.map((pairs) => Uint32Array.from(pairs)),
    ...automata.flatMap(automatonSections),
    encoder.encode(listPrefilter),
    encoder.encode(
      listPrefilter === '' && substrings[0].length + substrings[1].length > 0
        ? (prefilterSource({ normal: substrings[0], leet: substrings[1] }) ?? '')
        : '',
    ),
    ...[...groups.values()].flatMap(writeGroup),
  ]);
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const NO_OUTPUTS: readonly number[] = [];

/** The checksum of a header: the CRC-32 of its bytes with its own checksum as 0. */
function headerChecksum(crc32: Crc32, header: Int32Array): number {
  const words = header.slice();
  words[HEADER_CHECKSUM] = 0;
  return crc32(new Uint8Array(words.buffer)) | 0;
}

/** The first section of hashed groups. */
const GROUPS = 27;

/** Bytes a block holds (16 KB): a checksum each. */
const BLOCK_BITS = 14;
const BLOCK = 1 << BLOCK_BITS;
/** Header words: magic, format, header checksum, section count, block count. */
const HEADER = 5;
const HEADER_CHECKSUM = 2;

function writeSections(crc32: Crc32, sections: readonly ArrayBufferView[]): Uint8Array {
  let size = 0;
  const offsets = sections.map((section) => {
    const at = size;
    size += (section.byteLength + 3) & ~3;
    return at;
  });
  const blockCount = Math.ceil(size / BLOCK);
  const headerWords = HEADER + sections.length * 2 + blockCount;
  const start = headerWords * 4;
  const bytes = new Uint8Array(start + size);
  const header = new Int32Array(bytes.buffer, 0, headerWords);
  header.set([MAGIC, TERM_SET_FORMAT, 0, sections.length, blockCount]);
  sections.forEach((section, i) => {
    header[HEADER + i * 2] = start + offsets[i]!;
    header[HEADER + 1 + i * 2] = section.byteLength;
    bytes.set(
      new Uint8Array(section.buffer, section.byteOffset, section.byteLength),
      start + offsets[i]!,
    );
  });
  for (let b = 0; b < blockCount; b++) {
    const from = start + b * BLOCK;
    const to = Math.min(from + BLOCK, bytes.length);
    header[HEADER + sections.length * 2 + b] = crc32(bytes.subarray(from, to)) | 0;
  }
  header[HEADER_CHECKSUM] = headerChecksum(crc32, header);
  return bytes;
}

/** Where a loader reads a compiled set from: the bytes themselves, or a file read piece by piece. */
export interface TermSetSource {
  readonly size: number;
  /** `length` bytes at `offset` (fewer only past the end), which the loader keeps: they must not change afterwards. */
  read(offset: number, length: number): Uint8Array;
  /**
   * The set compiled again, when a block read does not match its checksum (the source
   * changed or was damaged after loading): the loader then reads from these bytes, which
   * must be the same set. Without it, a damaged block is a `TermSetError`.
   */
  repair?(): Uint8Array;
}

/** A block, checked, and its 32-bit view. */
interface Block {
  bytes: Uint8Array;
  words: Int32Array;
}

/** Reads a set's blocks on demand, each once, each checked against the header's checksum. */
class BlockReader {
  /** By block number: those read so far. */
  private readonly blocks: (Block | undefined)[] = [];

  constructor(
    private source: TermSetSource,
    private readonly start: number,
    private readonly checksums: Int32Array,
    private readonly headerChecksum: number,
    private readonly crc32: Crc32,
  ) {}

  block(b: number): Block {
    let block = this.blocks[b];
    if (block === undefined) {
      if (!(b >= 0 && b < this.checksums.length)) throw new TermSetError('reads past its end');
      block = this.readBlock(b) ?? this.repaired(b);
      this.blocks[b] = block;
    }
    return block;
  }

  private readBlock(b: number): Block | undefined {
    const from = this.start + b * BLOCK;
    return this.verify(b, this.source.read(from, Math.min(BLOCK, this.source.size - from)));
  }

  /** Block `b` as `bytes`, when they are whole and match its checksum. */
  private verify(b: number, bytes: Uint8Array): Block | undefined {
    const length = Math.min(BLOCK, this.source.size - this.start - b * BLOCK);
    if (bytes.length !== length || length % 4 !== 0) return undefined;
    if ((this.crc32(bytes) | 0) !== this.checksums[b]) return undefined;
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : copyOf(bytes);
    return {
      bytes: aligned,
      words: new Int32Array(aligned.buffer, aligned.byteOffset, length / 4),
    };
  }

  /**
   * Blocks `first` to `last` read in one read of the source (a long section read whole),
   * when none of them is read yet: then the span read, its blocks all checked; else undefined.
   */
  private span(first: number, last: number): Uint8Array | undefined {
    for (let b = first; b <= last; b++) if (this.blocks[b] !== undefined) return undefined;
    if (first < 0 || last >= this.checksums.length) return undefined;
    const from = this.start + first * BLOCK;
    const length = Math.min((last - first + 1) * BLOCK, this.source.size - from);
    let span = this.source.read(from, length);
    if (span.byteOffset % 4 !== 0) span = copyOf(span);
    const blocks: Block[] = [];
    for (let b = first; b <= last; b++) {
      const block = this.verify(b, span.subarray((b - first) * BLOCK, (b - first + 1) * BLOCK));
      if (block === undefined) return undefined; // read again block by block, and repaired
      blocks.push(block);
    }
    blocks.forEach((block, i) => (this.blocks[first + i] = block));
    return span;
  }

  private repaired(b: number): Block {
    const fresh = this.source.repair?.();
    if (fresh === undefined) throw new TermSetError(`damaged block ${b}`);
    const aligned = fresh.byteOffset % 4 === 0 ? fresh : copyOf(fresh);
    const words = new Int32Array(aligned.buffer, aligned.byteOffset, HEADER);
    if (aligned.length < HEADER * 4 || words[HEADER_CHECKSUM] !== this.headerChecksum)
      throw new TermSetError(`damaged block ${b}, and compiled again it differs`);
    this.source = { size: aligned.length, read: (o, l) => aligned.subarray(o, o + l) };
    const block = this.readBlock(b);
    if (block === undefined) throw new TermSetError(`damaged block ${b}`);
    return block;
  }

  /** `length` bytes at `offset`: a view of one block, or a copy of several. */
  bytes(offset: number, length: number): Uint8Array {
    const first = Math.floor((offset - this.start) / BLOCK);
    const last = Math.floor((offset + Math.max(length, 1) - 1 - this.start) / BLOCK);
    const within = offset - this.start - first * BLOCK;
    if (first === last) return this.block(first).bytes.subarray(within, within + length);
    const span = this.span(first, last);
    if (span) return span.subarray(within, within + length);
    const out = new Uint8Array(length);
    for (let b = first, at = 0; b <= last; b++) {
      const part = this.block(b).bytes.subarray(b === first ? within : 0);
      const take = Math.min(part.length, length - at);
      out.set(part.subarray(0, take), at);
      at += take;
    }
    return out;
  }

  /** The 32-bit word at byte `offset` (4-aligned): what a scan reads most, so kept short. */
  int32(offset: number): number {
    const within = offset - this.start;
    const b = within >>> BLOCK_BITS;
    return (this.blocks[b] ?? this.block(b)).words[(within & (BLOCK - 1)) >> 2]!;
  }

  /** The byte at `offset`. */
  uint8(offset: number): number {
    const b = Math.floor((offset - this.start) / BLOCK);
    return this.block(b).bytes[offset - this.start - b * BLOCK]!;
  }
}

/** A section of a set: where it is and how long. */
interface Section {
  offset: number;
  length: number;
}

/**
 * `bytes` copied into memory of their own, at offset 0: a Node Buffer's `slice()` is a
 * view of the same memory, so Uint8Array's is used whatever `bytes` is.
 */
function copyOf(bytes: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes);
}

/** The header of a set, checked: its sections and a reader of its blocks. */
function readHeader(
  source: TermSetSource,
  crc32: Crc32,
): { sections: Section[]; reader: BlockReader } {
  const fixed = copyOf(source.read(0, HEADER * 4));
  if (fixed.length < HEADER * 4) throw new TermSetError('truncated');
  const [magic, format, , count, blockCount] = new Int32Array(fixed.buffer, 0, HEADER);
  if (magic !== MAGIC) throw new TermSetError('not a term set');
  if (format !== TERM_SET_FORMAT)
    throw new TermSetError(`format ${format}, not ${TERM_SET_FORMAT}`);
  const words = HEADER + count! * 2 + blockCount!;
  if (count! < 0 || blockCount! < 0 || words * 4 > source.size) throw new TermSetError('truncated');
  const headerBytes = copyOf(source.read(0, words * 4));
  if (headerBytes.length !== words * 4) throw new TermSetError('truncated');
  const header = new Int32Array(headerBytes.buffer);
  if (headerChecksum(crc32, header) !== header[HEADER_CHECKSUM])
    throw new TermSetError('damaged header');
  const start = words * 4;
  if (source.size > start + blockCount! * BLOCK || source.size <= start + (blockCount! - 1) * BLOCK)
    throw new TermSetError('truncated');
  const sections = Array.from({ length: count! }, (_, i) => ({
    offset: header[HEADER + i * 2]!,
    length: header[HEADER + 1 + i * 2]!,
  }));
  for (const { offset, length } of sections)
    if (offset < start || offset % 4 !== 0 || length < 0 || offset + length > source.size)
      throw new TermSetError('truncated');
  const checksums = header.subarray(HEADER + count! * 2);
  return {
    sections,
    reader: new BlockReader(source, start, checksums, header[HEADER_CHECKSUM], crc32),
  };
}

function check(ok: boolean): void {
  if (!ok) throw new TermSetError('damaged section');
}

/** A section read whole, as 32-bit words (or bytes). */
function whole(reader: BlockReader, section: Section | undefined): Uint8Array {
  if (section === undefined) throw new TermSetError('missing section');
  const bytes = reader.bytes(section.offset, section.length);
  return bytes.byteOffset % 4 === 0 ? bytes : copyOf(bytes);
}
const int32s = (bytes: Uint8Array): Int32Array => {
  check(bytes.length % 4 === 0);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
};

/** A word index: its keys read whole, its starts and entries on demand. */
interface WordIndexView {
  keys: Int32Array;
  starts: Section;
  entries: Section;
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

function parseJson<T>(bytes: Uint8Array, what: string): T {
  try {
    return JSON.parse(decoder.decode(bytes)) as T;
  } catch {
    throw new TermSetError(`damaged ${what}`);
  }
}

/**
 * A matcher over a compiled set (from `compileTermSet`, of this format): it matches
 * exactly as `createTermMatcher` over the same terms would. From bytes, they are used as
 * they are, not copied (they must not change afterwards); a worker needs only the bytes
 * (copied or transferred) and the keys to load the same set. From a `TermSetSource`, only
 * the blocks a scan needs are read. Damaged bytes throw `TermSetError` (when loading, or
 * when a damaged block is first needed and cannot be repaired); a hashed group whose key
 * is not in `keys` throws `TermListError`.
 */
export function loadTermSet(
  bytes: Uint8Array | TermSetSource,
  keys: ReadonlyMap<string, Uint8Array> = new Map(),
  { crc32 = crc32Bytes }: TermSetOptions = {},
): TermMatcher {
  const source: TermSetSource =
    bytes instanceof Uint8Array
      ? { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) }
      : bytes;
  const { sections, reader } = readHeader(source, crc32);
  const meta = parseJson<Meta>(whole(reader, sections[0]), 'meta');
  const termCount = meta.terms;
  check(
    Number.isInteger(termCount) &&
      termCount >= 0 &&
      Array.isArray(meta.keyIds) &&
      Array.isArray(meta.automata) &&
      sections.length === GROUPS + meta.keyIds.length * 3,
  );
  const [, termStarts, termJson, tagListSection, wordData, narrow, wide, refs] = sections as [
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
    Section,
  ];
  check(termStarts.length === (termCount + 1) * 4 && wordData.length % 12 === 0);
  const indexOf = (at: number): WordIndexView => {
    const [keysSection, starts, entries] = sections.slice(at, at + 3) as [
      Section,
      Section,
      Section,
    ];
    const index = { keys: int32s(whole(reader, keysSection)), starts, entries };
    check(starts.length === (index.keys.length + 1) * 4 && entries.length % 12 === 0);
    return index;
  };
  const normal = indexOf(8);
  const leetIndex = indexOf(11);

  // The i-th 32-bit word of a section read on demand; out of range reads as -1 (matches nothing).
  const at = (section: Section, i: number): number =>
    i >= 0 && i * 4 < section.length ? reader.int32(section.offset + i * 4) : -1;

  const made = new Array<Term | undefined>(termCount);
  let tagLists: string[][] | undefined;
  const termAt = (t: number): Term => {
    let term = made[t];
    if (term === undefined) {
      const from = at(termStarts, t);
      const to = at(termStarts, t + 1);
      check(t >= 0 && t < termCount && from >= 0 && from <= to && to <= termJson.length);
      term = parseJson<Term>(reader.bytes(termJson.offset + from, to - from), `term ${t}`);
      if (term.hashed) {
        tagLists ??= parseJson<string[][]>(whole(reader, tagListSection), 'tags');
        const list = tagLists[term.hashed.wordTags as unknown as number];
        check(Array.isArray(list));
        term = { ...term, hashed: { ...term.hashed, wordTags: list! } };
      }
      made[t] = term;
    }
    return term;
  };

  /** Whether word `w` of the set is `text`. */
  const wordEquals = (text: string, w: number): boolean => {
    const from = at(wordData, w * 3 + 1);
    const flagged = at(wordData, w * 3 + 2);
    const length = flagged & ~WIDE;
    if (text.length !== length) return false;
    if (flagged & WIDE) {
      for (let k = 0; k < length; k++) {
        const unit = (from + k) * 2;
        if (unit >= wide.length) return false;
        const word = reader.int32((wide.offset + unit) & ~3);
        if (text.charCodeAt(k) !== (word >>> ((unit & 2) * 8)) % 0x10000) return false;
      }
      return true;
    }
    for (let k = 0; k < length; k++) {
      if (from + k >= narrow.length) return false;
      if (text.charCodeAt(k) !== reader.uint8(narrow.offset + from + k)) return false;
    }
    return true;
  };

  const groups: HashedGroup[] = meta.keyIds.map((keyId, g) => {
    const key = keys.get(keyId);
    if (key === undefined)
      throw new TermListError(
        `is hashed with key ${keyId}, which was not given`,
        'compiled term set',
      );
    const base = GROUPS + g * 3;
    const digests = int32s(whole(reader, sections[base]));
    const owners = int32s(whole(reader, sections[base + 1]));
    const tags = new Uint32Array(int32s(whole(reader, sections[base + 2])));
    check(digests.length === owners.length * 4);
    const unsigned = new Uint32Array(digests.buffer, digests.byteOffset, digests.length);
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
          const order = compareDigest(unsigned, mid, probe, 0);
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

  // A spelling's term is made only when the spelling occurs. A stored automaton is read as
  // the text leads through it, each transition and output checked in range as it is read,
  // so that stepping never leaves the table; one too large to be stored is built here.
  const substringIndexOf = (view: number): SubstringIndex | undefined => {
    const pairs = sections[15 + view]!;
    const count = pairs.length / 8;
    check(Number.isInteger(count));
    if (count === 0) return undefined;
    const stored = meta.automata[view];
    let longest = 1;
    let ac: Pick<AhoCorasick, 'step' | 'outputs' | 'longest'>;
    if (!stored) {
      const patterns = parseJson<string[][]>(whole(reader, sections[14]), 'substrings')[view];
      check(Array.isArray(patterns) && patterns.length === count);
      ac = createAhoCorasick(patterns!);
      longest = ac.longest;
    } else {
      ({ longest } = stored);
      ac = storedAutomaton(stored, sections.slice(17 + view * 4, 21 + view * 4), count);
    }
    const spelling = (k: number): Spelling => {
      const length = at(pairs, k * 2 + 1);
      check(length > 0 && length <= longest);
      return { length, term: termAt(at(pairs, k * 2)) };
    };
    return { ac, spelling };
  };

  function storedAutomaton(
    { classes, count, longest }: NonNullable<Meta['automata'][number]>,
    [units, table, outputStarts, outputs]: Section[],
    spellings: number,
  ): Pick<AhoCorasick, 'step' | 'outputs' | 'longest'> {
    const states = outputStarts!.length / 4 - 1;
    check(
      count === spellings &&
        Number.isInteger(longest) &&
        longest >= 1 &&
        Number.isInteger(classes) &&
        classes >= 1 &&
        states >= 1 &&
        Number.isInteger(states) &&
        table!.length === states * classes * 4 &&
        outputs!.length % 4 === 0,
    );
    const unitBytes = whole(reader, units);
    const pairs = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);
    const classOf = new Uint16Array(65536);
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      check(pairs[i + 1]! < classes);
      classOf[pairs[i]!] = pairs[i + 1]!;
    }
    // By state: its outputs, once read (each checked to name a spelling); most states have none.
    const made = new Map<number, readonly number[]>();
    const none = new Uint8Array(states);
    return {
      longest,
      step(state, unit) {
        const next = at(table!, state * classes + classOf[unit]!);
        check(next >= 0 && next < states);
        return next;
      },
      outputs(state) {
        if (none[state] === 1) return NO_OUTPUTS;
        let list = made.get(state);
        if (list === undefined) {
          const from = at(outputStarts!, state);
          const to = at(outputStarts!, state + 1);
          check(from >= 0 && from <= to && to * 4 <= outputs!.length);
          if (from === to) {
            none[state] = 1;
            return NO_OUTPUTS;
          }
          list = Array.from({ length: to - from }, (_, i) => at(outputs!, from + i));
          check(list.every((k) => k >= 0 && k < spellings));
          made.set(state, list);
        }
        return list;
      },
    };
  }
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
      const last = Math.min(at(starts, key + 1), entries.length / 12);
      for (let e = at(starts, key); e >= 0 && e < last; e++) {
        const shape = at(entries, e * 3 + 1);
        const n = shape & 0xff;
        if (i + n > words.count) continue;
        const ref = at(entries, e * 3 + 2);
        let same = ref >= 0;
        for (let k = 1; k < n && same; k++)
          same = words.hash[i + k] === at(wordData, at(refs, ref + k) * 3);
        for (let k = 0; k < n && same; k++)
          same = wordEquals(wordText(text, words, i + k, leet), at(refs, ref + k));
        if (!same) continue;
        const term = termAt(at(entries, e * 3));
        if (!accept(term)) continue;
        found.push({
          term,
          start: words.start[i]!,
          end: words.end[i + n - 1]!,
          via: (KINDS[shape >>> 8] ?? 'exact') satisfies MatchVia,
          leet,
        });
        break;
      }
    }
  }

  const prefilter = (section: number): RegExp | undefined => {
    const bytes = whole(reader, sections[section]);
    if (bytes.length === 0) return undefined;
    try {
      return new RegExp(decoder.decode(bytes));
    } catch {
      throw new TermSetError('damaged prefilter');
    }
  };
  let substringFilter: RegExp | undefined | null = null;
  return {
    size: termCount,
    terms: () => Array.from({ length: termCount }, (_, t) => termAt(t)),
    match: withPrefilter(
      () => prefilter(25),
      (text, accept = () => true) => {
        const found: TermMatch[] = [];
        const [words, leetWords] = tokenizeViews(
          text,
          normal.keys.length > 0 || groups.length > 0,
          meta.anyLeet,
        );
        if (words) {
          matchIndex(text, words, normal, false, accept, found);
          for (const group of groups) matchHashed(text, words, group, false, accept, found);
        }
        if (leetWords) {
          matchIndex(text, leetWords, leetIndex, true, accept, found);
          for (const group of groups) matchHashed(text, leetWords, group, true, accept, found);
        }
        if (sections[15]!.length + sections[16]!.length > 0) {
          if (substringFilter === null) substringFilter = prefilter(26);
          if (mayHold(substringFilter, text)) {
            automata ??= [substringIndexOf(0), substringIndexOf(1)];
            if (automata[0]) matchSubstrings(text, automata[0], false, accept, found);
            if (automata[1]) matchSubstrings(text, automata[1], true, accept, found);
          }
        }
        return withoutOverlaps(found);
      },
    ),
  };
}
