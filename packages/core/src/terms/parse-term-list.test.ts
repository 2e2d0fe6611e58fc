import { describe, expect, it } from 'vitest';
import { TermListError } from '../errors.js';
import { parseTermList } from './parse-term-list.js';

describe('parseTermList', () => {
  it('reads one term per line, skipping comments and blank lines', () => {
    const terms = parseTermList('# list\n\n  Mythos  \r\nProject Halcyon\n#Hidden\n', { source: 'a.txt' });
    expect(terms).toEqual([
      { id: 'a.txt:3', words: ['mythos'], severity: 'high', source: 'a.txt:3' },
      { id: 'a.txt:4', words: ['project', 'halcyon'], severity: 'high', source: 'a.txt:4' },
    ]);
  });

  it('takes the severity of the list', () => {
    expect(parseTermList('x1', { source: 's', severity: 'low' })[0]?.severity).toBe('low');
  });

  it('rejects an entry without letters or digits, naming the line but not the entry', () => {
    expect(() => parseTermList('ok\n---\n', { source: 'list.txt' })).toThrowError(TermListError);
    expect(() => parseTermList('ok\n---\n', { source: 'list.txt' })).toThrowError('list.txt:2: entry has no letters or digits');
  });

  it('rejects a binary file', () => {
    expect(() => parseTermList('a\0b', { source: 'bin' })).toThrowError(/binary/);
  });
});
