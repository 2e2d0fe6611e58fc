import { describe, expect, it } from 'vitest';
import { githubTokens } from '../../test/tokens.js';
import { parseTermList } from '../terms/parse-term-list.js';
import { createEngine } from './engine.js';
import { createCopyFinder } from './mask.js';

const token = githubTokens(77);
const names = (text: string) => parseTermList(text, { source: 'names.txt' });

describe('masking', () => {
  it('masks every occurrence on a line of a secret found anywhere in the chunk', () => {
    const t = token();
    const findings = createEngine().scan({
      subject: 'content',
      path: 'f',
      text: `KEY=${t}\n# fallback copy: ${t.slice(4)} and ${t}\n`,
    });
    for (const finding of findings) expect(finding.excerpt).not.toContain(t.slice(6));
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
  });

  it('shows no prefix of a credential that begins with a term', () => {
    const t = token('Orion');
    const engine = createEngine({ terms: names('ghp\n') });
    const credential = engine
      .scan({ subject: 'content', path: 'f', text: `k = ${t}` })
      .find((f) => f.kind === 'credential');
    expect(credential?.redacted).toBe('…');
    expect(
      JSON.stringify(
        engine.scan({ subject: 'content', path: 'f', text: `k = ${t}` }),
      ).toLowerCase(),
    ).not.toContain('ghp');
  });

  it('reports overlapping terms each; allowing one does not wave the other through', () => {
    const engine = createEngine({ terms: names('Blue Falcon\nFalcon Heavy Lift\n'), rules: [] });
    const text = 'launch Blue Falcon Heavy Lift soon';
    expect(engine.scan({ subject: 'content', path: 'f', text }).map((f) => f.ruleId)).toEqual([
      'term:names.txt:1',
      'term:names.txt:2',
    ]);
    const allowed = engine.scan({
      subject: 'content',
      path: 'f',
      text: `${text} // tightlip:allow term:names.txt:1`,
    });
    expect(allowed.map((f) => f.ruleId)).toEqual(['term:names.txt:2']);
    expect(allowed[0]?.excerpt.toLowerCase()).not.toMatch(/falcon|heavy|lift/);
    expect(engine.redactName('docs/blue-falcon-heavy-lift.md').toLowerCase()).not.toMatch(
      /falcon|heavy|lift/,
    );
  });
});

describe('a secret split across string literals (D4)', () => {
  it.each([
    ['+', (a: string, b: string) => `token = "${a}" + "${b}"`],
    ['adjacent literals', (a: string, b: string) => `token = '${a}' '${b}'`],
    ['PHP .', (a: string, b: string) => `$token = "${a}" . "${b}";`],
    [
      'three parts',
      (a: string, b: string) => `token = "${a}" + "${b.slice(0, 9)}" + "${b.slice(9)}"`,
    ],
  ])('masks every part, not only the first (%s)', (_how, split) => {
    const token = githubTokens(161)();
    const text = split(token.slice(0, 20), token.slice(20));
    const findings = createEngine().scan({ subject: 'content', path: 's.js', text });
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.excerpt).not.toContain(token.slice(20, 32));
      expect(finding.excerpt).not.toContain(token.slice(-9));
    }
  });
});

describe('copies of secrets on a line', () => {
  it('finds the same spans by searching for a few tails as with the automaton of many', () => {
    // Lines built from pieces of the secrets (overlapping tails, repeats, prefixes) and noise.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const secrets = [
      'ghp_AAAABBBBCCCCDDDD1234',
      'xBBBBCCCCDDDD1234',
      'short-one',
      'zzzzCCCCDDDD1234',
    ];
    // Eight more secrets that never occur push the finder past its few-tails search.
    const absent = Array.from({ length: 8 }, (_, i) => `never-in-any-line-${i}-0123456789`);
    const few = createCopyFinder(secrets);
    const many = createCopyFinder([...secrets, ...absent]);
    const pieces = [...secrets, ...secrets.map((s) => s.slice(-12)), 'ghp_', ' ', '=', 'C', '4'];
    for (let i = 0; i < 500; i++) {
      const line = Array.from({ length: 1 + next(8) }, () => pieces[next(pieces.length)]).join('');
      expect(few(line)).toEqual(many(line));
    }
    expect(few(`a ${secrets[0]} b ${secrets[2]}`).map(({ start, end }) => [start, end])).toEqual([
      [2, 26],
      [29, 38],
    ]);
  });
});
