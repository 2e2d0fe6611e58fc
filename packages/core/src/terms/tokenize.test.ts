import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { foldedWords, forEachFoldedUnit, hashFolded, tokenize, wordText } from './tokenize.js';

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

  it('visits folded units for substring matching, with original offsets and run ends', () => {
    const units: [string, number, number][] = [];
    forEachFoldedUnit('aＢ\u200bﬁ 𝐱', false, (unit, from, to) =>
      units.push([unit === -1 ? '|' : String.fromCharCode(unit), from, to]),
    );
    expect(units).toEqual([
      ['a', 0, 1],
      ['b', 1, 2],
      ['f', 3, 4],
      ['i', 3, 4],
      ['|', 4, 4],
      ['x', 5, 7],
    ]);
  });
});
