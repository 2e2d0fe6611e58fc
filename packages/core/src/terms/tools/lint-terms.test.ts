import { createFake } from '../../codec/fake.js';
import { describe, expect, it } from 'vitest';
import { keyIdOf } from '../digest.js';
import { hashTermList, termKeyBytes } from './hash-term-list.js';
import { lintTerms } from './lint-terms.js';
import { parseTermList } from '../parse-term-list.js';

const list = parseTermList(
  JSON.stringify({
    version: 1,
    terms: [
      { id: 'A', term: 'Mythos' },
      { id: 'B', term: 'MYTHOS' },
      { id: 'C', term: 'Halcyons' },
      { id: 'D', term: 'Halcyon' },
      { id: 'E', term: 'ox' },
      { id: 'F', term: 'water' },
      { id: 'G', term: 'Kestrel', lifts: '2026-01-01' },
      { id: 'H', term: 'Osprey', lifts: '2026-03-01', graceDays: 30 },
      { id: 'I', term: 'Condor', owner: 'condor-team@example.com' },
      { id: 'J', term: 'Aurora Borealis Next' },
    ],
  }),
  { source: 'l.json' },
);
const now = Date.parse('2026-03-10T00:00:00Z');
const byId = (issues: ReturnType<typeof lintTerms>) =>
  issues.map((i) => `${i.termId} ${i.level}: ${i.message}`);

describe('lintTerms', () => {
  const issues = byId(lintTerms(list, { now }));

  it('finds duplicate spellings, including plurals', () => {
    expect(issues).toContain('B warning: has a spelling (or plural) of term A; keep one');
    expect(issues).toContain('D warning: has a spelling (or plural) of term C; keep one');
  });

  it('finds terms that would flood: too short, common words', () => {
    expect(issues).toContain(
      'E warning: is shorter than 3 characters and will match far too often',
    );
    expect(issues.some((i) => i.startsWith('F warning: is a common English word'))).toBe(true);
  });

  it('finds expired embargoes and those in their grace period', () => {
    expect(issues).toContain(
      'G warning: embargo lifted 2026-01-01: the term no longer blocks; remove it',
    );
    expect(issues).toContain('H info: embargo lifted 2026-03-01: only a warning until 2026-03-31');
  });

  it('finds owners and ids that reveal a term', () => {
    expect(issues).toContain('I warning: its owner mentions term I and is shown in every finding');
  });

  it('says nothing about a good term, and never quotes a term', () => {
    expect(issues.filter((i) => i.startsWith('J '))).toEqual([]);
    for (const word of ['mythos', 'halcyon', 'water', 'kestrel', 'osprey'])
      expect(issues.join('\n').toLowerCase()).not.toContain(word);
  });

  it('checks hashed terms as far as the key allows', () => {
    const key = termKeyBytes(createFake(15).hex(64), 'k');
    const clean = list.filter((t) => t.id !== 'I');
    const hashed = parseTermList(hashTermList(clean, key), { source: 'h.json' });
    const withKey = byId(lintTerms(hashed, { now, keys: new Map([[keyIdOf(key), key]]) }));
    expect(withKey).toContain('B warning: has a spelling (or plural) of term A; keep one');
    expect(withKey).toContain(
      'E warning: is shorter than 3 characters and will match far too often',
    );
    expect(withKey.some((i) => i.startsWith('F warning: is a common English word'))).toBe(true);
    const withoutKey = byId(lintTerms(hashed, { now }));
    expect(withoutKey).toContain(
      `E info: is hashed with key ${keyIdOf(key)}, which was not given: not checked for short or common words`,
    );
  });
});
