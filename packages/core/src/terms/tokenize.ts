import {
  ASCII,
  charInfo,
  DIGIT,
  INHERIT,
  LEET_ASCII,
  leetView,
  LOWER,
  OTHER,
  SEP,
  SKIP,
  SOLO,
  UPPER,
  type CharInfo,
} from './fold.js';

// Splits a text into the words term matching compares, in one pass and without
// allocating a string per word: prose words, and the parts of identifiers —
// camelCase / PascalCase (`mythosModel` -> mythos model, `HTTPServer` -> http server),
// snake_case, SCREAMING_CASE, kebab-case, dotted names and path segments, letters and
// digits (`mythos2` -> mythos 2). Each word carries its offsets in the original text and
// a 32-bit hash (FNV-1a) of its folded form, so that a lookup costs no allocation.

/** The words of a text, as parallel arrays. */
export interface WordList {
  count: number;
  /** Offset of the word's first character in the text. */
  start: Int32Array<ArrayBuffer>;
  /** Offset just after its last character. */
  end: Int32Array<ArrayBuffer>;
  /** `hashFolded` of the word's folded form. */
  hash: Int32Array<ArrayBuffer>;
  /** 1 when the folded form is not simply the lower-cased slice of the text (non-ASCII, invisible characters, leet). */
  complex: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash `tokenize` gives a word whose folded form is `folded` (continued from `h`, the hash of what precedes it). */
export function hashFolded(folded: string, h = FNV_OFFSET): number {
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether a word ends between two adjacent (non-separator) characters of classes `prev` and `next`. */
function splitsBetween(prev: number, next: number): boolean {
  if (prev === SOLO || next === SOLO) return true;
  if ((prev === DIGIT) !== (next === DIGIT)) return true;
  return next === UPPER && (prev === LOWER || prev === OTHER);
}

/** The code point at `i` (a surrogate pair counts as one). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * The case of a leet character: that of the next cased letter within a few characters
 * (further leet characters skipped), else upper after a capital, else lower. `asciiCls`:
 * the view's classes of ASCII characters.
 */
function leetCase(
  text: string,
  from: number,
  leet: boolean,
  asciiCls: Int8Array,
  afterUpper: boolean,
): number {
  for (let i = from, seen = 0; i < text.length && seen < 8; seen++) {
    const c = text.charCodeAt(i);
    const cp = c < 128 ? c : codePointAt(text, i);
    const cls = c < 128 ? asciiCls[c]! : viewInfo(cp, leet).cls;
    if (cls === UPPER || cls === LOWER) return cls;
    if (cls !== INHERIT) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return afterUpper ? UPPER : LOWER;
}

/** How a view sees code point `cp`; in the leet view a digit or symbol standing for a letter has class INHERIT. */
function viewInfo(cp: number, leet: boolean): CharInfo {
  if (cp < 128) return leet ? (LEET_ASCII[cp] ?? ASCII[cp]!) : ASCII[cp]!;
  const info = charInfo(cp);
  return leet ? (leetView(cp, info) ?? info) : info;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

// Most of what is scanned is ASCII: an ASCII character is read from small tables per
// view (its CharInfo, class, folded unit, and whether its fold is more than lower-casing),
// any other through `viewInfo`, so that the loop V8 optimises stays small.
const ASCII_VIEWS = [false, true].map((leet) => {
  const infos = Array.from({ length: 128 }, (_, cp) => viewInfo(cp, leet));
  return {
    info: infos,
    cls: Int8Array.from(infos, (info) => info.cls),
    unit: Uint8Array.from(infos, (info) => (info.fold === '' ? 0 : info.fold.charCodeAt(0))),
    complex: Uint8Array.from(infos, (info, cp) => (info === ASCII[cp] ? 0 : 1)),
  };
});

/** The words of `text`; in the leet view (`leet`), leetspeak digits and symbols read as letters. */
export function tokenize(text: string, leet = false): WordList {
  return tokenizeViews(text, !leet, leet)[leet ? 1 : 0]!;
}

/**
 * The words of `text` in the normal view (when `normal`) and in the leet view (when
 * `leet`): as `tokenize` in each, in one loop that reads the text once per view, the
 * leet view first. V8 optimises a long-running loop where it runs (on-stack
 * replacement), anew for each call: one call for both views, the view that takes every
 * path first, is one such compilation rather than two. For the same reason the text's
 * end is read as a space, and the switch to the second view only moves values: code
 * first reached after the loop was optimised, if it compares or computes, is compiled
 * blind and deoptimises.
 */
export function tokenizeViews(
  text: string,
  normal: boolean,
  leet: boolean,
): [WordList | undefined, WordList | undefined] {
  const length = text.length;
  const normalWords = normal ? createWordList(length) : undefined;
  const leetWords = leet ? createWordList(length) : undefined;
  const out: [WordList | undefined, WordList | undefined] = [normalWords, leetWords];
  if (!normal && !leet) return out;
  const normalView = ASCII_VIEWS[0]!;
  let inLeet = leet;
  let second = normal && leet;
  let view = ASCII_VIEWS[leet ? 1 : 0]!;
  let words = (leetWords ?? normalWords)!;
  let wordStart = -1;
  let wordEnd = -1;
  let wordComplex = 0;
  let h = FNV_OFFSET;
  let hBeforeLast = FNV_OFFSET;
  let prevCls = SEP;
  let prevPrevCls = SEP;
  let lastStart = -1;
  // The last character's folded form: its unit when it is ASCII (then `lastFold` is ''), else `lastFold`.
  let lastUnit = 0;
  let lastFold = '';
  let lastComplex = 0;
  for (let i = 0; ;) {
    if (i > length) {
      if (!second) break;
      // The normal view's turn: every word has ended at the text's end.
      second = false;
      inLeet = false;
      view = normalView;
      words = normalWords!;
      i = 0;
    }
    const c = i < length ? text.charCodeAt(i) : 32;
    let size = 1;
    let cls: number;
    let unit = 0;
    let fold = '';
    let charComplex = 1;
    if (c < 128) {
      cls = view.cls[c]!;
      unit = view.unit[c]!;
      charComplex = view.complex[c]!;
    } else {
      const cp = codePointAt(text, i);
      size = cp > 0xffff ? 2 : 1;
      const info = viewInfo(cp, inLeet);
      cls = info.cls;
      fold = info.fold;
    }
    // A leet digit or symbol is upper case inside a run of capitals (`MYTH0S`), lower case
    // otherwise (`H4lcyon`, `myth0s`): it takes the case of the next letter when there is one.
    if (cls === INHERIT)
      cls = leetCase(text, i + size, inLeet, view.cls, wordStart >= 0 && prevCls === UPPER);
    if (cls === SKIP) {
      if (wordStart >= 0) wordComplex = 1;
      i += size;
      continue;
    }
    if (cls === SEP) {
      if (wordStart >= 0) pushWord(words, wordStart, wordEnd, h, wordComplex);
      wordStart = -1;
      i += size;
      continue;
    }
    if (wordStart >= 0) {
      if (splitsBetween(prevCls, cls)) {
        pushWord(words, wordStart, wordEnd, h, wordComplex);
        wordStart = -1;
      } else if (cls === LOWER && prevCls === UPPER && prevPrevCls === UPPER) {
        // `HTTPServer`: the last capital of a run of capitals starts the next word.
        pushWord(words, wordStart, lastStart, hBeforeLast, wordComplex);
        wordStart = lastStart;
        wordComplex = lastComplex;
        h = lastFold === '' ? Math.imul(FNV_OFFSET ^ lastUnit, FNV_PRIME) : hashFolded(lastFold);
      }
    }
    if (wordStart < 0) {
      wordStart = i;
      wordComplex = 0;
      h = FNV_OFFSET;
      prevCls = SEP;
    }
    hBeforeLast = h;
    h = fold === '' ? Math.imul(h ^ unit, FNV_PRIME) : hashFolded(fold, h);
    wordComplex |= charComplex;
    prevPrevCls = prevCls;
    prevCls = cls;
    lastStart = i;
    lastUnit = unit;
    lastFold = fold;
    lastComplex = charComplex;
    wordEnd = i + size;
    i += size;
  }
  return out;
}

/** An empty word list with room for a text of `length` characters (it grows when needed). */
function createWordList(length: number): WordList {
  const capacity = Math.max(16, length >> 2);
  return {
    count: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    hash: new Int32Array(capacity),
    complex: new Uint8Array(capacity),
  };
}

function pushWord(words: WordList, from: number, to: number, hash: number, complex: number): void {
  const n = words.count;
  if (n === words.start.length) {
    words.start = grow(words.start);
    words.end = grow(words.end);
    words.hash = grow(words.hash);
    const flags = new Uint8Array(n * 2);
    flags.set(words.complex);
    words.complex = flags;
  }
  words.start[n] = from;
  words.end[n] = to;
  words.hash[n] = hash;
  words.complex[n] = complex;
  words.count = n + 1;
}

/** The folded form of word `i` of `words` (a tokenisation of `text` in the same view). */
export function wordText(text: string, words: WordList, i: number, leet = false): string {
  const from = words.start[i]!;
  const to = words.end[i]!;
  if (words.complex[i] === 0) return text.slice(from, to).toLowerCase();
  let out = '';
  for (let k = from; k < to;) {
    const cp = codePointAt(text, k);
    out += viewInfo(cp, leet).fold;
    k += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** The folded words of `text`, e.g. of a term: `Project-Halcyon` -> ['project', 'halcyon']. */
export function foldedWords(text: string, leet = false): string[] {
  const words = tokenize(text, leet);
  const out: string[] = [];
  for (let i = 0; i < words.count; i++) out.push(wordText(text, words, i, leet));
  return out;
}

/** How a view sees the character at `i` of `text` (it is `charSize(text, i)` units long). */
export function viewAt(text: string, i: number, leet: boolean): CharInfo {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII_VIEWS[leet ? 1 : 0]!.info[c]! : viewInfo(codePointAt(text, i), leet);
}

/** How many UTF-16 units the character at `i` of `text` has: 2 for a surrogate pair, else 1. */
export function charSize(text: string, i: number): number {
  return codePointAt(text, i) > 0xffff ? 2 : 1;
}
