import { describe, expect, it } from 'vitest';
import { TermListError } from '../errors.js';
import { parseTermList } from './parse-term-list.js';

describe('parseTermList', () => {
  it('reads one term per line, skipping comments and blank lines', () => {
    const terms = parseTermList('# list\n\n  Mythos  \r\nProject Halcyon\n#Hidden\n', {
      source: 'a.txt',
    });
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
    expect(() => parseTermList('ok\n---\n', { source: 'list.txt' })).toThrowError(
      'list.txt:2: entry has no letters or digits',
    );
  });

  it('rejects a binary file', () => {
    expect(() => parseTermList('a\0b', { source: 'bin' })).toThrowError(/binary/);
  });
});

describe('parseTermList, JSON lists', () => {
  const parse = (json: unknown) => parseTermList(JSON.stringify(json), { source: 'list.json' });

  it('reads every per-term field and applies the defaults', () => {
    const [a, b] = parse({
      version: 1,
      defaults: { severity: 'medium', owner: 'sec@example.com', allowIn: ['internal/**'] },
      terms: [
        {
          id: 'CN-017',
          term: 'Project Halcyon',
          aliases: ['Halcyon Prime'],
          severity: 'critical',
          lifts: '2026-07-01',
          graceDays: 14,
          onlyIn: ['public/**'],
          leet: true,
          note: 'n',
        },
        { id: 'CN-018', term: 'zephyr', substring: true, owner: 'other' },
      ],
    });
    expect(a).toEqual({
      id: 'CN-017',
      words: ['project', 'halcyon'],
      aliases: [['halcyon', 'prime']],
      severity: 'critical',
      source: 'list.json#CN-017',
      lifts: '2026-07-01',
      graceDays: 14,
      allowIn: ['internal/**'],
      onlyIn: ['public/**'],
      leet: true,
      owner: 'sec@example.com',
      note: 'n',
    });
    expect(b).toMatchObject({ id: 'CN-018', severity: 'medium', substring: true, owner: 'other' });
  });

  it.each([
    [{ terms: [] }, /\(?version: must be 1/],
    [{ version: 1, terms: [{ term: 'xq' }] }, /terms\[0\]\.id: is required/],
    [
      {
        version: 1,
        terms: [
          { id: 'A', term: 'xq' },
          { id: 'A', term: 'yq' },
        ],
      },
      /terms\[1\]\.id: duplicate of terms\[0\]\.id/,
    ],
    [{ version: 1, terms: [{ id: 'A' }] }, /terms\[0\]\.term: is required/],
    [
      { version: 1, terms: [{ id: 'A', term: 'xq', severity: 'huge' }] },
      /severity: must be one of/,
    ],
    [{ version: 1, terms: [{ id: 'A', term: 'xq', lifts: 'soon' }] }, /lifts: must be a date/],
    [
      { version: 1, terms: [{ id: 'A', term: 'xq', graceDays: 3 }] },
      /graceDays: needs a lift date/,
    ],
    [
      { version: 1, terms: [{ id: 'A', term: 'xq', allowIn: ['[a]'] }] },
      /allowIn\[0\]: not a supported glob/,
    ],
    [
      { version: 1, terms: [{ id: 'A', term: 'xq', colour: 'red' }] },
      /terms\[0\]\.colour: unknown key/,
    ],
    [
      { version: 1, terms: [{ id: 'A', term: '---' }] },
      /terms\[0\]\.term has no letters or digits/,
    ],
    [{ version: 1, terms: [{ id: 'A', digests: ['0'.repeat(32)] }] }, /only a hashed list/],
    [
      { version: 1, hashed: { algorithm: 'sha1', keyId: '0'.repeat(16) }, terms: [] },
      /hashed\.algorithm: must be "hmac-sha256"/,
    ],
  ])('rejects %j', (json, message) => {
    expect(() => parse(json)).toThrow(message);
  });

  it('never quotes the list in a JSON syntax error', () => {
    expect(() =>
      parseTermList('{"version": 1, "terms": [Mythos]}', { source: 'l.json' }),
    ).toThrowError(/^l\.json: not valid JSON/);
    try {
      parseTermList('{"version": 1, "terms": [Mythos]}', { source: 'l.json' });
    } catch (error) {
      expect((error as Error).message).not.toContain('Mythos');
    }
  });

  it('rejects terms of more than twelve words', () => {
    expect(() => parseTermList('a b c d e f g h i j k l m\n', { source: 'l.txt' })).toThrow(
      'l.txt:1: entry has more than 12 words',
    );
  });
});
