import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { TermListError, TermSetError } from '../errors.js';
import type { Term } from '../types.js';
import { keyIdOf } from './digest.js';
import { createTermMatcher, type TermMatch } from './match.js';
import { parseTermList } from './parse-term-list.js';
import { compileTermSet, loadTermSet } from './term-set.js';
import { hashTermList, termKeyBytes } from './tools/hash-term-list.js';

// The compiled set must match exactly what `createTermMatcher` matches: a generated list
// with every kind of form, and generated texts spelling its words every way a scan folds
// (case, identifiers, joined, plurals, leet, NFKC, homoglyphs, invisible characters).

const fake = createFake(2026);
const SYLLABLES = ['ka', 'zo', 'vri', 'ten', 'mul', 'qua', 'dor', 'fe', 'lix', 'sar', 'nob', 'y'];
const vocabulary = Array.from({ length: 40 }, (_, i) =>
  i % 13 === 0
    ? `${fake.pick(SYLLABLES)}${fake.digits(1)}`
    : Array.from({ length: 2 + (i % 3) }, () => fake.pick(SYLLABLES)).join(''),
);
vocabulary.push('café', 'ωmega', 'tenky');
const pickWord = (): string => fake.pick(vocabulary);
const chance = (percent: number): boolean => Number(fake.digits(2)) < percent;

function makeEntries(count: number, rich: boolean): object[] {
  const seen = new Set<string>();
  const entries: object[] = [];
  for (let i = 0; entries.length < count; i++) {
    const words = Array.from({ length: 1 + (i % 4 === 3 ? 2 : i % 4 === 2 ? 1 : 0) }, pickWord);
    const term = words.join(' ');
    if (seen.has(term)) continue;
    seen.add(term);
    entries.push({
      id: `CN-${entries.length + 1}`,
      term,
      ...(chance(20) ? { aliases: [`${pickWord()} ${pickWord()}`] } : {}),
      ...(chance(25) ? { leet: true } : {}),
      ...(rich && chance(10) ? { substring: true } : {}),
      ...(rich && chance(20)
        ? { lifts: fake.pick(['2026-01-01', '2026-06-01', '2027-01-01']), graceDays: 30 }
        : {}),
      ...(rich && chance(10) ? { allowIn: ['docs/**'] } : {}),
      ...(rich && chance(10) ? { onlyIn: ['src/**'] } : {}),
      ...(chance(20) ? { severity: 'medium' } : {}),
      ...(chance(10) ? { owner: 'team-x' } : {}),
    });
  }
  return entries;
}

const LEET: Record<string, string> = { a: '4', e: '3', o: '0', i: '1' };
const spell = (word: string): string => {
  switch (Number(fake.digits(1))) {
    case 0:
      return word.toUpperCase();
    case 1:
      return word.charAt(0).toUpperCase() + word.slice(1);
    case 2:
      return word.replace(/[aeoi]/g, (c) => LEET[c]!);
    case 3:
      return `${word.slice(0, 1)}\u200b${word.slice(1)}`; // invisible
    case 4:
      return word.replace(/a/g, '\u0430'); // Cyrillic a
    case 5:
      return word.replace(/o/g, '\uff4f'); // fullwidth o (NFKC)
    case 6:
      return `${word}${fake.pick(['s', 'es', 'ology', ''])}`;
    case 7:
      return `x${word}`;
    default:
      return word;
  }
};
const makeText = (): string => {
  let text = '';
  const length = 3 + Number(fake.digits(1));
  for (let i = 0; i < length; i++)
    text += spell(pickWord()) + fake.pick([' ', '', '_', '-', '.', '/', '\n', 'Y', ', ']);
  return text;
};

const key = termKeyBytes(createFake(7).hex(64), 'test');
const keys = new Map([[keyIdOf(key), key]]);
const json = (entries: object[]): string => JSON.stringify({ version: 1, terms: entries });
const plain = parseTermList(json(makeEntries(300, true)), { source: 'plain.json' });
const hashed = parseTermList(
  hashTermList(parseTermList(json(makeEntries(150, false)), { source: 'h.json' }), key),
  { source: 'hashed.json' },
);
const terms = [...plain, ...hashed];
const texts = Array.from({ length: 600 }, makeText);

const shown = (matches: TermMatch[]) =>
  matches.map((m) => [m.term.id, m.start, m.end, m.via, m.leet]);

describe('compiled term sets', () => {
  const reference = createTermMatcher(terms, keys);
  const loaded = loadTermSet(compileTermSet(terms, keys), keys);

  it('match exactly what the term matcher matches, on every kind of form', () => {
    let matched = 0;
    const everyOther = (term: Term) => Number(term.id.replace(/\D/g, '')) % 2 === 0;
    for (const text of texts) {
      const expected = shown(reference.match(text));
      matched += expected.length;
      expect(shown(loaded.match(text))).toEqual(expected);
      expect(shown(loaded.match(text, everyOther))).toEqual(
        shown(reference.match(text, everyOther)),
      );
    }
    // The corpus does exercise every way of matching.
    const vias = new Set(texts.flatMap((text) => reference.match(text).map((m) => m.via)));
    const leet = texts.some((text) => reference.match(text).some((m) => m.leet));
    expect([...vias].sort()).toEqual(['alias', 'exact', 'hashed', 'joined', 'plural', 'substring']);
    expect(leet).toBe(true);
    expect(matched).toBeGreaterThan(300);
  });

  it('give the same findings in an engine: severities, lift dates, scopes', () => {
    const now = () => Date.parse('2026-06-15T00:00:00Z');
    const engines = [terms, loaded].map((given) =>
      createEngine({ rules: [], terms: given, termKeys: keys, now }),
    );
    for (const [i, text] of texts.entries()) {
      const chunk = {
        subject: 'content' as const,
        path: fake.pick(['docs/a.md', 'src/b.ts', 'c.txt']),
        text,
        startLine: i,
      };
      const [a, b] = engines.map((engine) => engine.scan(chunk));
      expect(b).toEqual(a);
    }
  });

  it('make each term on demand, equal to the term compiled', () => {
    expect(loaded.size).toBe(terms.length);
    expect(loaded.terms()).toEqual(terms);
  });

  it('hold no term of a hashed list in clear', () => {
    const bytes = compileTermSet(hashed, keys);
    const asText = new TextDecoder().decode(bytes);
    const utf16 = String.fromCharCode(...new Uint16Array(bytes.buffer, 0, bytes.length >> 1));
    // Words that digests (hex) cannot spell by chance.
    for (const word of vocabulary.filter((w) => w.length >= 4 && /[g-z]/.test(w))) {
      expect(asText).not.toContain(word);
      expect(utf16).not.toContain(word);
    }
  });

  it('refuse damaged or truncated bytes with TermSetError, never using a damaged byte', () => {
    const bytes = compileTermSet(terms, keys);
    for (let length = 0; length < bytes.length; length += Math.ceil(bytes.length / 97))
      expect(() => loadTermSet(bytes.subarray(0, length), keys)).toThrow(TermSetError);
    const otherFormat = bytes.slice();
    otherFormat[4] = 99;
    expect(() => loadTermSet(otherFormat, keys)).toThrow(TermSetError);
    // Any one byte changed, anywhere: refused when loading, or when its block is first
    // read; until then every match is right.
    const expected = texts.map((text) => shown(reference.match(text)));
    for (let at = 0; at < bytes.length; at += Math.ceil(bytes.length / 61)) {
      const damaged = bytes.slice();
      damaged[at] = damaged[at]! ^ 0x24;
      try {
        const set = loadTermSet(damaged, keys);
        texts.forEach((text, i) => expect(shown(set.match(text))).toEqual(expected[i]));
        expect(set.terms()).toEqual(terms);
        expect.unreachable(`byte ${at} changed, never noticed`);
      } catch (error) {
        expect(error).toBeInstanceOf(TermSetError);
      }
    }
  });

  it('catch one flipped bit in every section (CRC-32): refused when read, never used', () => {
    const bytes = compileTermSet(terms, keys);
    const words = (at: number) => new Int32Array(bytes.buffer, bytes.byteOffset + at * 4, 1)[0]!;
    const sections = Array.from({ length: words(3) }, (_, i) => ({
      section: i,
      offset: words(5 + i * 2),
      length: words(6 + i * 2),
    })).filter(({ length }) => length > 0);
    // What every load or every `terms()` reads: the header, meta, term offsets and JSON,
    // hashed terms' tags, the first-word hashes of both views, the hashed groups.
    const alwaysRead = new Set([-1, 0, 1, 2, 3, 8, 11, 27, 28, 29]);
    const expected = texts.map((text) => shown(reference.match(text)));
    const refused = new Set<number>();
    const places = [{ section: -1, offset: 8, length: 4 }, ...sections];
    for (const { section, offset, length } of places) {
      for (const [at, bit] of [
        [offset, 0x01],
        [offset + (length >> 1), 0x80],
        [offset + length - 1, 0x10],
      ] as const) {
        const damaged = bytes.slice();
        damaged[at] = damaged[at]! ^ bit;
        try {
          const set = loadTermSet(damaged, keys);
          expect(set.terms()).toEqual(terms);
          texts.forEach((text, i) => expect(shown(set.match(text))).toEqual(expected[i]));
        } catch (error) {
          expect(error).toBeInstanceOf(TermSetError);
          refused.add(section);
        }
      }
    }
    expect([...alwaysRead].filter((section) => !refused.has(section))).toEqual([]);
    expect(refused.size).toBeGreaterThan(alwaysRead.size);
  });

  it('read only the blocks a text leads to, and repair a block damaged after loading', () => {
    const bytes = compileTermSet(terms, keys);
    const damaged = bytes.slice();
    let read = 0;
    const source = {
      size: bytes.length,
      read: (offset: number, length: number) => {
        read += length;
        return damaged.slice(offset, offset + length);
      },
      repair: () => bytes,
    };
    const set = loadTermSet(source, keys);
    expect(read).toBeLessThan(bytes.length / 2);
    damaged.fill(0, damaged.length >> 1);
    for (const text of texts) expect(shown(set.match(text))).toEqual(shown(reference.match(text)));
    expect(set.terms()).toEqual(terms);
    // Without a way to repair it, a damaged block is an error, not a silent miss.
    expect(() => loadTermSet({ size: bytes.length, read: source.read }, keys).terms()).toThrow(
      TermSetError,
    );
  });

  it('read a stored automaton only as far as a text leads through it', () => {
    const many = parseTermList(
      json(
        Array.from({ length: 2000 }, (_, i) => ({
          id: `S-${i}`,
          term:
            Array.from({ length: 3 }, () => fake.pick(SYLLABLES)).join('') +
            fake.string('abcdefghijk', 4),
          substring: true,
          ...(i % 2 === 0 ? { leet: true } : {}),
        })),
      ),
      { source: 'many.json' },
    );
    const bytes = compileTermSet(many);
    let read = 0;
    const set = loadTermSet({
      size: bytes.length,
      read: (offset, length) => {
        read += length;
        return bytes.subarray(offset, offset + length);
      },
    });
    const reference = createTermMatcher(many);
    const text = `nothing here, but ${many[5]!.words.join('')} in xx${many[8]!.words.join('')}yy`;
    expect(shown(set.match(text))).toEqual(shown(reference.match(text)));
    expect(set.match(text)).toHaveLength(2);
    // The automata are most of the set (read whole, they were); a short text reads a few
    // blocks of them.
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(read).toBeLessThan(bytes.length / 5);
  });

  it("keep a short list's prefilter: ASCII texts match as without it", () => {
    const few = parseTermList(json(makeEntries(12, true)), { source: 'few.json' });
    const set = loadTermSet(compileTermSet(few));
    const reference = createTermMatcher(few);
    let matched = 0;
    const words = Array.from({ length: 800 }, () => spell(pickWord()));
    for (const text of [...Array.from({ length: 800 }, makeText), ...words]) {
      const ascii = text.replace(/[\u0080-\uffff]/g, '');
      const expected = shown(reference.match(`${ascii}\n\u00a0`));
      matched += expected.length;
      expect(shown(set.match(ascii))).toEqual(expected);
      expect(shown(reference.match(ascii))).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(50);
  });

  it("keep a long list's substring prefilter: ASCII texts match as without it", () => {
    const long = parseTermList(
      json([
        ...Array.from({ length: 700 }, (_, i) => ({
          id: `W-${i}`,
          term: `${fake.pick(SYLLABLES)}${fake.string('abcdefghijk', 6)}`,
        })),
        ...makeEntries(60, false).map((entry) => ({ ...entry, substring: true })),
      ]),
      { source: 'long.json' },
    );
    const bytes = compileTermSet(long);
    // Too many needles for the list's prefilter; few enough for its substrings'.
    const sectionLength = (i: number) => new Int32Array(bytes.buffer, (6 + i * 2) * 4, 1)[0];
    expect(sectionLength(25)).toBe(0);
    expect(sectionLength(26)).toBeGreaterThan(0);
    const set = loadTermSet(bytes);
    const reference = createTermMatcher(long);
    let substrings = 0;
    for (const text of Array.from({ length: 1500 }, makeText)) {
      const ascii = text.replace(/[\u0080-\uffff]/g, '');
      const expected = shown(reference.match(ascii));
      substrings += expected.filter((match) => match[3] === 'substring').length;
      expect(shown(set.match(ascii))).toEqual(expected);
      expect(shown(set.match(text))).toEqual(shown(reference.match(text)));
    }
    expect(substrings).toBeGreaterThan(50);
  });

  it('load from an unaligned buffer', () => {
    const bytes = compileTermSet(plain);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const set = loadTermSet(shifted.subarray(1));
    const plainOnly = createTermMatcher(plain);
    for (const text of texts.slice(0, 100))
      expect(shown(set.match(text))).toEqual(shown(plainOnly.match(text)));
    // A Node Buffer's slice() is a view, not a copy: the header must be copied all the same.
    const buffered = loadTermSet(Buffer.from(shifted).subarray(1));
    for (const text of texts.slice(0, 100))
      expect(shown(buffered.match(text))).toEqual(shown(plainOnly.match(text)));
  });

  it('need the key of a hashed list, to compile and to load', () => {
    expect(() => compileTermSet(hashed)).toThrow(TermListError);
    expect(() => loadTermSet(compileTermSet(hashed, keys))).toThrow(TermListError);
  });

  it('check scopes when compiling', () => {
    // As a caller other than the list parser (which checks them too) may hand them over.
    const bad: Term = { id: 'X', words: ['kazo'], severity: 'high', source: 'x', allowIn: ['['] };
    expect(() => compileTermSet([bad])).toThrow(TermListError);
  });

  it('compile an empty list', () => {
    const empty = loadTermSet(compileTermSet([]));
    expect(empty.size).toBe(0);
    expect(empty.match(texts[0]!)).toEqual([]);
  });
});
