import { describe, expect, it } from 'vitest';
import { toBase64 } from '../codec/base64.js';
import { withBase62Crc32 } from '../codec/crc32.js';
import { createFake } from '../codec/fake.js';
import { createTextModel } from '../context/text-model.js';
import type { MatchContext } from '../types.js';
import { CHECKS, compileChecks } from './checks.js';
import { keyBodyOf } from './private-keys.js';

const fake = createFake(5);

/** The context of the first `secret` in `text`, in a file at `path`. */
function contextOf(text: string, secret: string, path = 'config'): MatchContext {
  const start = text.indexOf(secret);
  return { text, start, end: start + secret.length, model: createTextModel(text, path) };
}

/** Whether the check `spec` passes for the first `secret` in `text`. */
function passes(
  spec: Parameters<typeof compileChecks>[0][number],
  text: string,
  secret = text,
): boolean {
  return compileChecks([spec]).check!(secret, contextOf(text, secret)) === 'pass';
}

describe('the check registry', () => {
  it('states for every check what passing it confers and what argument it takes', () => {
    for (const [name, check] of Object.entries(CHECKS)) {
      expect(check.summary.length, name).toBeGreaterThan(20);
      expect(['validated', 'pattern', 'entropy']).toContain(check.confidence);
    }
  });

  it.each<readonly [string, () => string, () => string]>([
    [
      'base62-crc32',
      () => withBase62Crc32('ghp_', fake.base62(30)),
      () => `ghp_${fake.base62(36)}`,
    ],
    [
      'jwt',
      () => `${toBase64('{"alg":"HS256"}', true)}.${toBase64('{"sub":"1"}', true)}.sig`,
      () => `eyJ${fake.base62(20)}.eyJ${fake.base62(20)}.sig`,
    ],
    [
      'bare-private-key',
      () => toBase64(`\u0030\u0082\u0004\u00a4\u0002\u0001\u0000\u0002${fake.base62(60)}`),
      () => toBase64(`\u0030\u0082\u0001\u0022\u0030\u000d${fake.base62(60)}`),
    ],
    [
      'microsoft-identifiable-key',
      () => `${fake.base62(52)}JQQJ99BAAC${'A'.repeat(14)}AZDO${fake.base62(4)}`,
      () => `${fake.base62(76)}AZDO${fake.base62(4)}`,
    ],
    ['random', () => fake.base62(32), () => 'getUserAccountSettingsHandler'],
    ['mixed-case', () => fake.base62(40), () => fake.hex(40)],
    ['random-when-short', () => `sk_live_${fake.base62(15)}`, () => 'sk_live_aaaabbbbcccc'],
    ['random-when-short', () => `sk_live_${'a'.repeat(24)}`, () => 'sk_live_getUserSettings'],
    ['digit-and-symbol', () => `${fake.base62(20)}!7`, () => 'please-replace_this-key-2'],
  ])('%s tells a token of the format from one that is not', (name, good, bad) => {
    expect(passes(name, good())).toBe(true);
    expect(passes(name, bad())).toBe(false);
  });

  it('leaves the first line of an armored key block to the armored rules (bare-private-key)', () => {
    const [line] = keyBodyOf(fake, 'pkcs8');
    const bare = keyBodyOf(fake, 'pkcs8').join('');
    expect(passes('bare-private-key', `key = "${bare}"`, bare)).toBe(true);
    for (const block of [
      `-----BEGIN PRIVATE KEY-----\n${line}\n`,
      `"-----BEGIN RSA PRIVATE KEY-----\\n${line}\\n"`,
    ])
      expect(passes('bare-private-key', block, line), block).toBe(false);
  });

  it('checks arguments: keys of base64 JSON, decoded text and length', () => {
    const payload = `glc_${toBase64('{"o":"1","k":"abc"}')}`;
    expect(passes({ jsonPayload: ['k'] }, payload)).toBe(true);
    expect(passes({ jsonPayload: ['k', 'n'] }, payload)).toBe(false);
    expect(passes({ base64Text: '^reftkn:01:' }, toBase64('reftkn:01:xyz'))).toBe(true);
    expect(passes({ base64Bytes: 3 }, toBase64('abc'))).toBe(true);
    expect(passes({ base64Bytes: 4 }, toBase64('abc'))).toBe(false);
  });

  it('judges a key on its line, on the line above, and as the path of the blocks around it', () => {
    const value = fake.base62(32);
    const keyed = { keyedBy: 'storage[\\w.-]*key' };
    expect(passes(keyed, `STORAGE_KEY=${value}`, value)).toBe(true);
    expect(passes(keyed, `storage_key:\n  ${value}`, value)).toBe(true);
    expect(passes(keyed, `storage:\n  account: x\n  key: ${value}`, value)).toBe(true);
    expect(passes(keyed, `cache:\n  key: ${value}`, value)).toBe(false);
    expect(passes({ precededBy: 'SSWS\\s' }, `Authorization: SSWS ${value}`, value)).toBe(true);
  });

  it('pairs a candidate with the lines of another rule (near)', () => {
    const text = 'id: ACME\n\nsecret: VALUE\n\n\n\nlate: LATE\n';
    const near = compileChecks([{ near: { rule: 'acme-id', withinLines: 2 } }]);
    const context = (secret: string): MatchContext => ({
      ...contextOf(text, secret),
      linesOf: (rule) => (rule === 'acme-id' ? [0] : []),
    });
    expect(near.check!('VALUE', context('VALUE'))).toBe('pass');
    expect(near.check!('LATE', context('LATE'))).toBe('fail');
    expect(near.near).toEqual([{ rule: 'acme-id', withinLines: 2 }]);
  });
});

describe('compileChecks', () => {
  it('derives a rule confidence and the filters it skips from its checks', () => {
    expect(compileChecks([])).toMatchObject({ confidence: 'pattern', skipFilters: [] });
    expect(compileChecks(['random'])).toMatchObject({ confidence: 'entropy' });
    expect(compileChecks(['random', { keyedBy: 'x' }])).toMatchObject({ confidence: 'pattern' });
    expect(compileChecks(['base62-crc32', { keyedBy: 'x' }])).toMatchObject({
      confidence: 'validated',
      skipFilters: ['placeholder'],
    });
    expect(compileChecks([{ anyOf: ['jwt', 'random'] }])).toMatchObject({
      confidence: 'entropy',
      skipFilters: [],
    });
  });

  it('rejects a token whose own check fails, and only fails one whose context does not fit', () => {
    const checks = compileChecks(['base62-crc32', { keyedBy: 'github' }]);
    const token = withBase62Crc32('ghp_', fake.base62(30));
    const broken = `ghp_${fake.base62(36)}`;
    expect(checks.check!(token, contextOf(`GITHUB_TOKEN=${token}`, token))).toBe('pass');
    expect(checks.check!(token, contextOf(`OTHER=${token}`, token))).toBe('fail');
    expect(checks.check!(broken, contextOf(`GITHUB_TOKEN=${broken}`, broken))).toBe('rejected');
  });

  it.each([
    ['no-such-check', /unknown check "no-such-check"/],
    [{ random: true }, /check random takes no argument/],
    ['keyedBy', /check keyedBy needs an argument/],
    [{ keyedBy: '(' }, /check keyedBy: Invalid regular expression/],
    [{ base64Bytes: -1 }, /base64Bytes takes a positive whole number/],
    [{ near: { rule: 'x' } }, /near takes \{ rule/],
    [{ anyOf: [] }, /anyOf takes a non-empty list/],
    [{ jwt: 1, random: 2 }, /one name/],
  ] as const)('refuses %j', (spec, message) => {
    expect(() => compileChecks([spec as never])).toThrow(message);
  });
});
