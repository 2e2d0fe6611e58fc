import { describe, expect, it } from 'vitest';
import { githubTokens } from '../../test/tokens.js';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { builtinRules } from '../rules/index.js';
import { parseTermList } from '../terms/parse-term-list.js';
import { parseAllowDirective } from './inline-allow.js';

const token = githubTokens(5);
const terms = parseTermList('Mythos\n', { source: 'names.txt' });
const engine = createEngine({ terms });
const rules = (text: string) =>
  engine.scan({ subject: 'content', path: 'f', text }).map((f) => f.ruleId);

describe('inline tightlip:allow', () => {
  it.each([
    ['JavaScript', (t: string) => `const key = "${t}"; // tightlip:allow`],
    ['Python', (t: string) => `KEY = "${t}"  # tightlip:allow -- test fixture`],
    ['YAML', (t: string) => `key: ${t} # tightlip:allow github-pat`],
    ['HTML', (t: string) => `<meta content="${t}"> <!-- tightlip:allow github-pat -->`],
    ['SQL', (t: string) => `INSERT INTO keys VALUES ('${t}'); -- tightlip:allow`],
    ['CSS', (t: string) => `/* ${t} */ /* tightlip:allow */`],
    ['INI', (t: string) => `key=${t} ; tightlip:allow`],
    [
      'Go',
      (t: string) => `key := "${t}" // tightlip:allow github-pat, slack-bot-token -- docs example`,
    ],
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
    expect(
      createEngine({ inlineAllow: false }).scan({
        subject: 'content',
        path: 'f',
        text: `"${token()}" // tightlip:allow`,
      }),
    ).toHaveLength(1);
  });

  it('parses ids, reasons and comment closers', () => {
    expect(parseAllowDirective('x // tightlip:allow a-b, c-d -- because -- really')).toEqual({
      ids: ['a-b', 'c-d'],
      standalone: false,
    });
    expect(parseAllowDirective('<!-- tightlip:allow term:CN-017 -->')).toEqual({
      ids: ['term:CN-017'],
      standalone: true,
    });
    expect(parseAllowDirective('/* tightlip:allow */')).toEqual({ ids: [], standalone: true });
    expect(parseAllowDirective('tightlip:allowance')).toBeUndefined();
    expect(parseAllowDirective('nothing here')).toBeUndefined();
  });

  it('a directive whose ids cannot be read allows nothing', () => {
    const aws = builtinRules.find((rule) => rule.id === 'aws-access-key-id')!.samples(createFake(3))
      .match[0]!;
    for (const directive of [
      'tightlip:allow(github-pat)',
      'tightlip:allow "github-pat"',
      'tightlip:allow:github-pat',
      'tightlip:allow github_pat!',
    ]) {
      expect(
        createEngine().scan({
          subject: 'content',
          path: 'f',
          text: `${token()} ${aws} // ${directive}`,
        }),
        directive,
      ).toHaveLength(2);
    }
    expect(parseAllowDirective('"tightlip:allow",')).toBeUndefined();
    expect(parseAllowDirective('  "tightlip:allow github-pat",')?.standalone).toBe(false);
  });

  it('a directive above a private key covers it (the match starts on the BEGIN line)', () => {
    const key = builtinRules.find((rule) => rule.id === 'private-key')!.samples(createFake(4))
      .match[0]!;
    expect(
      createEngine().scan({
        subject: 'content',
        path: 'f',
        text: `# tightlip:allow private-key -- test key\n${key}\n`,
      }),
    ).toEqual([]);
    expect(
      createEngine().scan({ subject: 'content', path: 'f', text: `# unrelated comment\n${key}\n` }),
    ).toHaveLength(1);
  });
});
