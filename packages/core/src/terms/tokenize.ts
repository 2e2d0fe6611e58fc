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
  start: Int32Array;
  /** Offset just after its last character. */
  end: Int32Array;
  /** `hashFolded` of the word's folded form. */
  hash: Int32Array;
  /** 1 when the folded form is not simply the lower-cased slice of the text (non-ASCII, invisible characters, leet). */
  complex: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash `tokenize` gives a word whose folded form is `folded`. */
export function hashFolded(folded: string): number {
  let h = FNV_OFFSET;
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
 * (further leet characters skipped), else upper after a capital, else lower.
 */
function leetCase(text: string, from: number, leet: boolean, afterUpper: boolean): number {
  for (let i = from, seen = 0; i < text.length && seen < 8; seen++) {
    const cp = codePointAt(text, i);
    const cls = viewInfo(cp, leet).cls;
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

/** The words of `text`; in the leet view (`leet`), leetspeak digits and symbols read as letters. */
export function tokenize(text: string, leet = false): WordList {
  const capacity = Math.max(16, text.length >> 2);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let hash = new Int32Array(capacity);
  let complex = new Uint8Array(capacity);
  let count = 0;

  let wordStart = -1;
  let wordEnd = -1;
  let wordComplex = 0;
  let h = FNV_OFFSET;
  let hBeforeLast = FNV_OFFSET;
  let prevCls = SEP;
  let prevPrevCls = SEP;
  let lastStart = -1;
  let lastFold = '';
  let lastComplex = 0;

  const emit = (from: number, to: number, wordHash: number, isComplex: number): void => {
    if (count === start.length) {
      start = grow(start);
      end = grow(end);
      hash = grow(hash);
      const flags = new Uint8Array(complex.length * 2);
      flags.set(complex);
      complex = flags;
    }
    start[count] = from;
    end[count] = to;
    hash[count] = wordHash;
    complex[count] = isComplex;
    count++;
  };

  const length = text.length;
  for (let i = 0; i < length;) {
    const cp = codePointAt(text, i);
    const size = cp > 0xffff ? 2 : 1;
    const info = viewInfo(cp, leet);
    // A leet digit or symbol is upper case inside a run of capitals (`MYTH0S`), lower case
    // otherwise (`H4lcyon`, `myth0s`): it takes the case of the next letter when there is one.
    const cls =
      info.cls === INHERIT
        ? leetCase(text, i + size, leet, wordStart >= 0 && prevCls === UPPER)
        : info.cls;
    if (cls === SKIP) {
      if (wordStart >= 0) wordComplex = 1;
      i += size;
      continue;
    }
    if (cls === SEP) {
      if (wordStart >= 0) emit(wordStart, wordEnd, h, wordComplex);
      wordStart = -1;
      i += size;
      continue;
    }
    if (wordStart >= 0) {
      if (splitsBetween(prevCls, cls)) {
        emit(wordStart, wordEnd, h, wordComplex);
        wordStart = -1;
      } else if (cls === LOWER && prevCls === UPPER && prevPrevCls === UPPER) {
        // `HTTPServer`: the last capital of a run of capitals starts the next word.
        emit(wordStart, lastStart, hBeforeLast, wordComplex);
        wordStart = lastStart;
        wordComplex = lastComplex;
        h = FNV_OFFSET;
        for (let k = 0; k < lastFold.length; k++)
          h = Math.imul(h ^ lastFold.charCodeAt(k), FNV_PRIME);
      }
    }
    if (wordStart < 0) {
      wordStart = i;
      wordComplex = 0;
      h = FNV_OFFSET;
      prevCls = SEP;
    }
    hBeforeLast = h;
    const fold = info.fold;
    for (let k = 0; k < fold.length; k++) h = Math.imul(h ^ fold.charCodeAt(k), FNV_PRIME);
    const charComplex = cp >= 128 || (leet && info !== ASCII[cp]) ? 1 : 0;
    wordComplex |= charComplex;
    prevPrevCls = prevCls;
    prevCls = cls;
    lastStart = i;
    lastFold = fold;
    lastComplex = charComplex;
    wordEnd = i + size;
    i += size;
  }
  if (wordStart >= 0) emit(wordStart, wordEnd, h, wordComplex);
  return { count, start, end, hash, complex };
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

/**
 * Visits the folded units of `text` in order, with the offsets of the original character
 * each came from; `visit(-1, …)` marks the end of a run of word characters (a separator).
 * For substring matching: `xProjectHalcyon_2` gives `xprojecthalcyon`, end, `2`.
 */
export function forEachFoldedUnit(
  text: string,
  leet: boolean,
  visit: (unit: number, from: number, to: number) => void,
): void {
  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i);
    const size = cp > 0xffff ? 2 : 1;
    const info = viewInfo(cp, leet);
    if (info.cls === SEP) visit(-1, i, i);
    else for (let k = 0; k < info.fold.length; k++) visit(info.fold.charCodeAt(k), i, i + size);
    i += size;
  }
}
