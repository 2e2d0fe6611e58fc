import { createFake } from '../../codec/fake.js';
import { describe, expect, it } from 'vitest';
import { parseTermList } from '../parse-term-list.js';
import { findRevealingTerms } from './find-revealing-terms.js';
import { hashTermList, termKeyBytes } from './hash-term-list.js';
import { keyIdOf } from '../digest.js';

const json = (terms: object[]) =>
  parseTermList(JSON.stringify({ version: 1, terms }), { source: 'l.json' });

describe('findRevealingTerms', () => {
  it('finds the clear fields that mention a term, in list order, with the source starred', () => {
    const terms = json([
      { id: 'CN-1', term: 'Mythos' },
      { id: 'CN-2', term: 'Halcyon', owner: 'mythos-team' },
      { id: 'about-halcyon', term: 'Vega', allowIn: ['docs/vega/**'] },
    ]);
    const found = findRevealingTerms(terms, ['id', 'owner']);
    expect(
      found.map(({ term, field, mentions, source }) => [term.id, field, mentions, source]),
    ).toEqual([
      ['CN-2', 'owner', 'CN-1', 'l.json#CN-2'],
      ['about-halcyon', 'id', 'CN-2', 'l.json#about-*******'],
    ]);
    expect(
      findRevealingTerms(terms, ['allowIn']).map(({ term, mentions }) => [term.id, mentions]),
    ).toEqual([['about-halcyon', 'about-halcyon']]);
    expect(findRevealingTerms(terms, ['onlyIn'])).toEqual([]);
  });

  it("stars a plain list's file name that holds a term: it is part of every id", () => {
    const terms = parseTermList('Mythos\nVega\n', { source: 'mythos-names.txt' });
    const found = findRevealingTerms(terms, ['id']);
    expect(found.map(({ term, source }) => [term.id, source])).toEqual([
      ['mythos-names.txt:1', '******-names.txt:1'],
      ['mythos-names.txt:2', '******-names.txt:2'],
    ]);
  });

  it('matches hashed terms only with their key', () => {
    const key = termKeyBytes(createFake(14).hex(64), 'key');
    const hashed = parseTermList(hashTermList(json([{ id: 'CN-1', term: 'Mythos' }]), key), {
      source: 'h.json',
    });
    const terms = [...hashed, ...json([{ id: 'mythos-plan', term: 'Vega' }])];
    expect(findRevealingTerms(terms, ['id'])).toEqual([]);
    expect(
      findRevealingTerms(terms, ['id'], new Map([[keyIdOf(key), key]])).map(
        ({ term, mentions }) => [term.id, mentions],
      ),
    ).toEqual([['mythos-plan', 'CN-1']]);
  });
});
