import { describe, expect, it } from 'vitest';
import { createFake } from '../fake.js';
import { foldedWords, foldRuns, hashFolded, tokenize, wordText } from './tokenize.js';

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
      expect(foldedWords(text), text).toEqual([...text.matchAll(reference)].map((m) => m[0].toLowerCase()));
    }
  });

  it('folds runs for substring matching, keeping original offsets', () => {
    const runs = foldRuns('aＢ c');
    expect(runs.text).toBe('ab\0c');
    expect([...runs.from]).toEqual([0, 1, -1, 3]);
    expect([...runs.to]).toEqual([1, 2, -1, 4]);
  });
});
