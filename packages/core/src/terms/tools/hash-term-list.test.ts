import { createFake } from '../../codec/fake.js';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/engine.js';
import { formatJson } from '../../report/json.js';
import { formatSarif } from '../../report/sarif.js';
import { formatText } from '../../report/text.js';
import { keyIdOf } from '../digest.js';
import { createTermMatcher } from '../match.js';
import { parseTermList } from '../parse-term-list.js';
import { hashTermList, termKeyBytes } from './hash-term-list.js';

const key = termKeyBytes(createFake(11).hex(64), 'test key');
const keys = new Map([[keyIdOf(key), key]]);
const plainText = JSON.stringify({
  version: 1,
  terms: [
    {
      id: 'CN-1',
      term: 'Mythos',
      severity: 'critical',
      owner: 'security@example.com',
      note: 'the big one',
    },
    {
      id: 'CN-2',
      term: 'Project Halcyon',
      aliases: ['Halcyon Prime'],
      lifts: '2030-01-01',
      graceDays: 7,
      allowIn: ['internal/**'],
    },
    { id: 'CN-3', term: 'Kestrel', leet: true },
  ],
});
const plain = parseTermList(plainText, { source: 'codenames.json' });
const hashedText = hashTermList(plain, key);
const hashed = parseTermList(hashedText, { source: 'codenames.hashed.json' });
const secrets = ['mythos', 'halcyon', 'kestrel', 'prime', 'the big one'];

const SAMPLES = [
  'We ship Mythos next week',
  'const mythosModel = new ProjectHalcyon();',
  'project-halcyon and PROJECTHALCYON and halcyon-prime',
  'the Mythoses of old',
  'Ｍｙｔｈｏｓ and Муthоs and my\u200bthos',
  'K3STR3L_ENABLED and kestrels',
  'mythology, halcyon alone, project alone, kestrelx',
];

describe('hashed term lists', () => {
  it('contain no term, alias or note, only ids, dates, scopes and owners in clear', () => {
    for (const secret of secrets) expect(hashedText.toLowerCase()).not.toContain(secret);
    const json = JSON.parse(hashedText);
    expect(json.hashed).toMatchObject({ algorithm: 'hmac-sha256', keyId: keyIdOf(key) });
    expect(json.terms.map((t: { id: string }) => t.id)).toEqual(['CN-1', 'CN-2', 'CN-3']);
    expect(json.terms[1]).toMatchObject({
      lifts: '2030-01-01',
      graceDays: 7,
      allowIn: ['internal/**'],
    });
    expect(json.terms[0].owner).toBe('security@example.com');
    for (const t of json.terms) expect(t.digests.length % 8).toBe(0);
  });

  it('is deterministic, so a changed list gives a small diff', () => {
    expect(hashTermList(plain, key)).toBe(hashedText);
  });

  it('matches exactly what the plaintext list matches', () => {
    const plainMatcher = createTermMatcher(plain);
    const hashedMatcher = createTermMatcher(hashed, keys);
    for (const text of SAMPLES) {
      const spans = (m: ReturnType<typeof plainMatcher.match>) =>
        m.map((x) => [x.term.id, x.start, x.end]);
      expect(spans(hashedMatcher.match(text)), text).toEqual(spans(plainMatcher.match(text)));
    }
    expect(hashedMatcher.match(SAMPLES.join('\n')).length).toBeGreaterThan(10);
  });

  it('needs its key: a missing or different key is an error, not silence', () => {
    expect(() => createTermMatcher(hashed)).toThrow(
      /hashed with key [0-9a-f]{16}, which was not given/,
    );
    const other = termKeyBytes(createFake(12).hex(64), 'other');
    expect(() => createTermMatcher(hashed, new Map([[keyIdOf(other), other]]))).toThrow(
      /not given/,
    );
  });

  it('never shows a term in any report format, even masked excerpts of several terms', () => {
    const engine = createEngine({ terms: hashed, termKeys: keys, rules: [] });
    const findings = SAMPLES.flatMap((text, i) =>
      engine.scan({ subject: 'content', path: `doc${i}.md`, text }),
    );
    expect(findings.length).toBeGreaterThan(10);
    const report = {
      tool: { name: 'tightlip', version: '0' },
      findings,
      rules: [],
      skipped: [],
      stats: { files: 1, bytes: 1, durationMs: 1 },
    };
    for (const output of [
      formatText(report),
      formatJson(report),
      formatSarif(report),
      JSON.stringify(findings),
    ]) {
      for (const secret of secrets) expect(output.toLowerCase()).not.toContain(secret);
    }
  });

  it('refuses a list whose clear fields would reveal a term', () => {
    const revealing = parseTermList(
      JSON.stringify({ version: 1, terms: [{ id: 'mythos-1', term: 'Mythos' }] }),
      { source: 'l.json' },
    );
    expect(() => hashTermList(revealing, key)).toThrow(/mythos-1: its id mentions term mythos-1/);
    const scoped = parseTermList(
      JSON.stringify({
        version: 1,
        terms: [{ id: 'A', term: 'Mythos', allowIn: ['docs/mythos/**'] }],
      }),
      { source: 'l.json' },
    );
    expect(() => hashTermList(scoped, key)).toThrow(/A: its allowIn mentions term A/);
    const plainList = parseTermList('Mythos\n', { source: 'mythos.txt' });
    expect(() => hashTermList(plainList, key)).toThrow(/its id mentions/);
  });

  it('refuses what it cannot match: substring terms, terms starting with a number, short keys', () => {
    const substring = parseTermList(
      JSON.stringify({ version: 1, terms: [{ id: 'A', term: 'zephyr', substring: true }] }),
      { source: 'l.json' },
    );
    expect(() => hashTermList(substring, key)).toThrow(/substring matching cannot be hashed/);
    expect(() => hashTermList(parseTermList('1984 Project\n', { source: 'l.txt' }), key)).toThrow(
      /must not start with a number/,
    );
    expect(() => termKeyBytes('short', 'k')).toThrow(/at least 128 random bits/);
    // A passphrase or a pattern, however long (the review's D29).
    for (const weak of [
      'acme-corp-codename-list-key-2026',
      'a1'.repeat(20),
      '0123456789abcdef'.repeat(4),
    ])
      expect(() => termKeyBytes(weak, 'k'), weak).toThrow(/at least 128 random bits/);
    expect(() => termKeyBytes(createFake(13).base64(44), 'k')).not.toThrow();
  });

  it('hashes a plain list, keeping its ids', () => {
    const list = parseTermList('# names\nMythos\n', { source: 'names.txt' });
    const parsed = parseTermList(hashTermList(list, key), { source: 'names.hashed.json' });
    expect(parsed.map((t) => t.id)).toEqual(['names.txt:2']);
    expect(
      createTermMatcher(parsed, keys)
        .match('a MYTHOS b')
        .map((m) => m.term.id),
    ).toEqual(['names.txt:2']);
  });
});
