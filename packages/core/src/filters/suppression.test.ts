import { describe, expect, it } from 'vitest';
import { withBase62Crc32 } from '../codec/crc32.js';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { parseTermList } from '../terms/parse-term-list.js';
import { parseAllowDirective } from '../allow/inline-allow.js';

const fake = createFake(5);
const token = () => withBase62Crc32('ghp_', fake.base62(30));
const terms = parseTermList('Mythos\n', { source: 'names.txt' });
const engine = createEngine({ terms });
const rules = (text: string) => engine.scan({ path: 'f', text }).map((f) => f.ruleId);

describe('inline tightlip:allow', () => {
  it.each([
    ['JavaScript', (t: string) => `const key = "${t}"; // tightlip:allow`],
    ['Python', (t: string) => `KEY = "${t}"  # tightlip:allow -- test fixture`],
    ['YAML', (t: string) => `key: ${t} # tightlip:allow github-pat`],
    ['HTML', (t: string) => `<meta content="${t}"> <!-- tightlip:allow github-pat -->`],
    ['SQL', (t: string) => `INSERT INTO keys VALUES ('${t}'); -- tightlip:allow`],
    ['CSS', (t: string) => `/* ${t} */ /* tightlip:allow */`],
    ['INI', (t: string) => `key=${t} ; tightlip:allow`],
    ['Go', (t: string) => `key := "${t}" // tightlip:allow github-pat, slack-bot-token -- docs example`],
  ])('suppresses on the same line in %s', (_language, line) => {
    const t = token();
    expect(rules(line(t))).toEqual([]);
    expect(rules(line(t).replace('tightlip:allow', 'tightlip-allow'))).toEqual(['github-pat']);
  });

  it.each([
    ['// tightlip:allow', 'js'],
    ['# tightlip:allow github-pat -- rotated, kept for the test', 'shell'],
    ['  /* tightlip:allow */', 'c'],
    ['<!-- tightlip:allow -->', 'markdown'],
  ])('a directive alone on the line before covers the next line (%s)', (comment) => {
    expect(rules(`${comment}\nkey = "${token()}"\n`)).toEqual([]);
  });

  it('a directive after code covers only its own line', () => {
    expect(rules(`a = "${token()}" // tightlip:allow\nb = "${token()}"\n`)).toEqual(['github-pat']);
  });

  it('does not reach two lines down', () => {
    expect(rules(`# tightlip:allow\n\nkey = "${token()}"\n`)).toEqual(['github-pat']);
  });

  it('naming other rules does not suppress this one; unknown ids suppress nothing', () => {
    expect(rules(`k = "${token()}" # tightlip:allow aws-access-key-id`)).toEqual(['github-pat']);
    expect(rules(`k = "${token()}" # tightlip:allow githb-pat`)).toEqual(['github-pat']);
  });

  it('bare directives never suppress terms; naming the term does', () => {
    expect(rules('ship Mythos // tightlip:allow')).toEqual(['term:names.txt:1']);
    expect(rules('ship Mythos // tightlip:allow term:names.txt:1 -- announced')).toEqual([]);
  });

  it('can be turned off', () => {
    expect(createEngine({ inlineAllow: false }).scan({ path: 'f', text: `"${token()}" // tightlip:allow` })).toHaveLength(1);
  });

  it('parses ids, reasons and comment closers', () => {
    expect(parseAllowDirective('x // tightlip:allow a-b, c-d -- because -- really')).toEqual({ ids: ['a-b', 'c-d'], standalone: false });
    expect(parseAllowDirective('<!-- tightlip:allow term:CN-017 -->')).toEqual({ ids: ['term:CN-017'], standalone: true });
    expect(parseAllowDirective('/* tightlip:allow */')).toEqual({ ids: [], standalone: true });
    expect(parseAllowDirective('tightlip:allowance')).toBeUndefined();
    expect(parseAllowDirective('nothing here')).toBeUndefined();
  });
});

describe('allow list', () => {
  it('drops exact values, pattern matches and stopwords, and nothing else', () => {
    const [kept, byValue, byPattern, byStopword] = [token(), token(), token(), token()];
    const filtered = createEngine({
      allow: { values: [byValue], patterns: [new RegExp(byPattern.slice(4, 14))], stopwords: [byStopword.slice(10, 20).toUpperCase()] },
    });
    const text = [kept, byValue, byPattern, byStopword].join('\n');
    expect(filtered.scan({ path: 'f', text }).map((f) => f.line)).toEqual([1]);
  });
});

describe('secretHash', () => {
  const salted = createEngine({ terms, secretHashSalt: 'salt-1' });
  const hashOf = (text: string, e = salted) => e.scan({ path: 'f', text })[0]?.secretHash;

  it('depends on rule and secret, not on line or position', () => {
    const t = token();
    expect(hashOf(t)).toMatch(/^[0-9a-f]{32}$/);
    expect(hashOf(`\n\n   x = ${t}`)).toBe(hashOf(t));
    expect(hashOf(token())).not.toBe(hashOf(t));
    expect(hashOf(t, createEngine({ secretHashSalt: 'salt-2' }))).not.toBe(hashOf(t));
  });

  it('keys a term by its masked line, so the hash is not derived from the term text alone', () => {
    expect(hashOf('launch Mythos today')).toBe(hashOf('\n\nlaunch Mythos today'));
    expect(hashOf('launch Mythos today')).not.toBe(hashOf('launch Mythos tomorrow'));
  });

  it('is absent without a salt', () => {
    expect(hashOf(token(), engine)).toBeUndefined();
  });
});

describe('reveal', () => {
  it('leaves the excerpt unmasked only when revealing', () => {
    const t = token();
    expect(createEngine({ reveal: true }).scan({ path: 'f', text: `k = "${t}"` })[0]?.excerpt).toBe(`k = "${t}"`);
    expect(engine.scan({ path: 'f', text: `k = "${t}"` })[0]?.excerpt).toBe(`k = "${t.slice(0, 6)}…"`);
  });
});
