import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
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
import {
  charSize,
  foldedWords,
  hashFolded,
  tokenize,
  tokenizeViews,
  viewAt,
  wordText,
  type WordList,
} from './tokenize.js';

// The tokenizer as it was before ASCII was read from tables (a code point at a time, each
// through its CharInfo): the reference the tables must agree with.
function viewInfo(cp: number, leet: boolean): CharInfo {
  if (cp < 128) return leet ? (LEET_ASCII[cp] ?? ASCII[cp]!) : ASCII[cp]!;
  const info = charInfo(cp);
  return leet ? (leetView(cp, info) ?? info) : info;
}

function referenceTokenize(text: string, leet: boolean): number[][] {
  const out: number[][] = [];
  const cpAt = (i: number): number => text.codePointAt(i)!;
  const leetCase = (from: number, afterUpper: boolean): number => {
    for (let i = from, seen = 0; i < text.length && seen < 8; seen++) {
      const cp = cpAt(i);
      const cls = viewInfo(cp, leet).cls;
      if (cls === UPPER || cls === LOWER) return cls;
      if (cls !== INHERIT) break;
      i += cp > 0xffff ? 2 : 1;
    }
    return afterUpper ? UPPER : LOWER;
  };
  const splits = (prev: number, next: number): boolean =>
    prev === SOLO ||
    next === SOLO ||
    (prev === DIGIT) !== (next === DIGIT) ||
    (next === UPPER && (prev === LOWER || prev === OTHER));
  let wordStart = -1;
  let wordEnd = -1;
  let wordComplex = 0;
  let h = hashFolded('');
  let hBeforeLast = h;
  let prevCls = SEP;
  let prevPrevCls = SEP;
  let lastStart = -1;
  let lastFold = '';
  let lastComplex = 0;
  for (let i = 0; i < text.length;) {
    const cp = cpAt(i);
    const size = cp > 0xffff ? 2 : 1;
    const info = viewInfo(cp, leet);
    const cls =
      info.cls === INHERIT ? leetCase(i + size, wordStart >= 0 && prevCls === UPPER) : info.cls;
    if (cls === SKIP) {
      if (wordStart >= 0) wordComplex = 1;
      i += size;
      continue;
    }
    if (cls === SEP) {
      if (wordStart >= 0) out.push([wordStart, wordEnd, h, wordComplex]);
      wordStart = -1;
      i += size;
      continue;
    }
    if (wordStart >= 0) {
      if (splits(prevCls, cls)) {
        out.push([wordStart, wordEnd, h, wordComplex]);
        wordStart = -1;
      } else if (cls === LOWER && prevCls === UPPER && prevPrevCls === UPPER) {
        out.push([wordStart, lastStart, hBeforeLast, wordComplex]);
        wordStart = lastStart;
        wordComplex = lastComplex;
        h = hashFolded(lastFold);
      }
    }
    if (wordStart < 0) {
      wordStart = i;
      wordComplex = 0;
      h = hashFolded('');
      prevCls = SEP;
    }
    hBeforeLast = h;
    h = hashFolded(info.fold, h);
    const charComplex = cp >= 128 || (leet && info !== ASCII[cp]) ? 1 : 0;
    wordComplex |= charComplex;
    prevPrevCls = prevCls;
    prevCls = cls;
    lastStart = i;
    lastFold = info.fold;
    lastComplex = charComplex;
    wordEnd = i + size;
    i += size;
  }
  if (wordStart >= 0) out.push([wordStart, wordEnd, h, wordComplex]);
  return out;
}

/** A word list as plain arrays, for comparing. */
const plain = (words: WordList): number[][] =>
  Array.from({ length: words.count }, (_, i) => [
    words.start[i]!,
    words.end[i]!,
    words.hash[i]!,
    words.complex[i]!,
  ]);

/** Text biased towards what splits words: cases, digits, leet symbols, separators; some of it not ASCII. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'aAbBlLoOsSxX0123456789@$!|_-. ') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.constantFrom(...'ÀéßΣσОо€£ﬁＡ４\u200b\u0301漢𝐌𝟒') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 40,
});

describe('tokenize', () => {
  it.each([
    ['mythosModel', ['mythos', 'model']],
    ['HTTPServer', ['http', 'server']],
    ['MYTHOS_ENABLED', ['mythos', 'enabled']],
    ['kebab-case.dotted/path', ['kebab', 'case', 'dotted', 'path']],
    ['v2beta10', ['v', '2', 'beta', '10']],
    ['iOS', ['i', 'os']],
    ['Straße', ['strasse']],
    ['İstanbul', ['istanbul']],
    ['  ', []],
  ])('splits %j', (text, words) => {
    expect(foldedWords(text)).toEqual(words);
  });

  it('gives each word its offsets in the original text and the hash of its folded form', () => {
    const text = 'Ｍｙ\u200bthos_2';
    const words = tokenize(text);
    expect(words.count).toBe(2);
    expect([words.start[0], words.end[0], words.start[1], words.end[1]]).toEqual([0, 7, 8, 9]);
    expect(wordText(text, words, 0)).toBe('mythos');
    expect(words.hash[0]).toBe(hashFolded('mythos'));
  });

  it('agrees with a plain regex split on random ASCII identifiers', () => {
    const fake = createFake(7);
    const reference = /[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+|[0-9]+/g;
    for (let i = 0; i < 500; i++) {
      const text = fake.string('abcXYZ019_-./ ', 12);
      expect(foldedWords(text), text).toEqual(
        [...text.matchAll(reference)].map((m) => m[0].toLowerCase()),
      );
    }
  });

  it('sees each character, a surrogate pair as one, as its view does', () => {
    const text = 'aＢ\u200bﬁ 𝐱4';
    const seen: [string, number][] = [];
    for (let i = 0; i < text.length; i += charSize(text, i)) {
      const { cls, fold } = viewAt(text, i, true);
      seen.push([cls === SEP ? '|' : fold, i]);
    }
    expect(seen).toEqual([
      ['a', 0],
      ['b', 1],
      ['', 2],
      ['fi', 3],
      ['|', 4],
      ['x', 5],
      ['a', 7],
    ]);
    expect(viewAt(text, 7, false).fold).toBe('4');
  });

  it('splits any text exactly as the code point at a time tokenizer did, in both views', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, leet) => {
        expect(plain(tokenize(text, leet))).toEqual(referenceTokenize(text, leet));
      }),
      { numRuns: 10_000 },
    );
  });

  it('splits both views in one call as it splits each alone', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const [normal, leet] = tokenizeViews(text, true, true);
        expect(plain(normal!)).toEqual(referenceTokenize(text, false));
        expect(plain(leet!)).toEqual(referenceTokenize(text, true));
      }),
      { numRuns: 5000 },
    );
    expect(tokenizeViews('a', false, false)).toEqual([undefined, undefined]);
  });
});
