import { createEngine, createFake } from '@tightlip/core';
import { fakeGithubToken } from '@tightlip/fixtures';
import { describe, expect, it } from 'vitest';
import { categoryOf } from './categories.mjs';
import {
  createReuseCheck,
  isBech32,
  isSecretRule,
  longestSequence,
  placeholderReason,
  structureHolds,
} from './classify.mjs';
import { measurePeer } from './measure.mjs';
import { capturedSecrets, toJsRegExp } from './peer-rules.mjs';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const np = { trustCategories: true };
const kf = { trustCategories: false };
const rule = (name: string, categories: string[] = [], visible = true) => ({
  name,
  categories,
  visible,
});

describe('which peer rules detect a genuine secret', () => {
  it('keeps secrets, even when a name also mentions a username', () => {
    expect(isSecretRule(rule('Example API Key', ['api', 'secret']), np)).toBe(true);
    expect(isSecretRule(rule('Generic Username and Password', ['secret']), np)).toBe(true);
    expect(isSecretRule(rule('Segment Public API Token'), kf)).toBe(true);
  });

  it('drops identifiers, public keys, hosts, password hashes and hidden helper rules', () => {
    for (const name of [
      'Example Client ID',
      'Example Access Key ID',
      'Example Username',
      'Example Domain',
      'Example Public Access Token',
      'Example Publishable Key',
      'Password Hash (bcrypt)',
      'Example S3 Bucket',
    ]) {
      expect(isSecretRule(rule(name), kf), name).toBe(false);
    }
    expect(isSecretRule(rule('Example API Token', [], false), kf)).toBe(false);
  });

  it("trusts Nosey Parker's identifier category, not Kingfisher's", () => {
    const key = rule('Example API Key', ['api', 'identifier']);
    expect(isSecretRule(key, np)).toBe(false);
    expect(isSecretRule(key, kf)).toBe(true);
  });
});

describe('which example secrets look genuine', () => {
  it('accepts random tokens of the common alphabets, all but a few in a thousand', () => {
    const fake = createFake(1);
    for (const draw of [
      () => `tok_${fake.base62(40)}`,
      () => fake.hex(32),
      () => fake.hex(64),
      () => fake.base64(44),
    ]) {
      const flagged = Array.from({ length: 1000 }, draw).filter((s) => placeholderReason(s));
      expect(flagged.length).toBeLessThan(5);
    }
  });

  it('names the stand-in shape it recognises', () => {
    const fake = createFake(7);
    const cases: [string, string][] = [
      [`key_${'x'.repeat(32)}`, 'placeholder'],
      [`AKIA${fake.upper(9)}EXAMPLE`, 'placeholder'],
      ['<YOUR_API_KEY>', 'placeholder'],
      ['mypassword', 'own-name'],
      ['P@ssw0rd123', 'own-name'],
      ['super$ecret', 'own-name'],
      ["pwd=#{config['DB_PASSWORD']}", 'placeholder'],
      ['centipede', 'word'],
      ['open_sesame', 'word'],
      ['123P4ssW0rd@@', 'own-name'],
      ['######', 'placeholder'],
      [Buffer.from('Aladdin:open sesame').toString('base64'), 'word'],
      [Buffer.from('abcdefghijklmnopqrstuvwxyz').toString('base64'), 'sequence'],
      [`${fake.base62(10)}12345${fake.base62(10)}`, 'sequence'],
      ['a1b2c3d4e5f6g7h8i9j0k1l2', 'sequence'],
      ['q8w7abcd1234zz9y', 'sequence'],
      [`${fake.base62(10)}zzzzz${fake.base62(10)}`, 'run'],
      ['aaaabbbbccccddddeeeeffffgggghhhh', 'run'],
      ['k3F9qLk3F9qLw7Tz', 'repeat'],
      ['dkHLsjdIdskLfBjsfhRJkdskdpDa', 'keyboard'],
      [
        fake.hex(32).replace(/[a-f]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c)),
        'mixed-case-hex',
      ],
      [Buffer.from('This is only an api token').toString('base64'), 'encoded-prose'],
    ];
    for (const [secret, reason] of cases) expect(placeholderReason(secret), secret).toBe(reason);
  });

  it('judges HTTP Basic credentials by their decoded password', () => {
    const fake = createFake(5);
    const basic = (password: string) => Buffer.from(`deploy:${password}`).toString('base64');
    expect(placeholderReason(basic(`${fake.base62(12)}!${fake.digits(2)}`))).toBeUndefined();
    expect(placeholderReason(basic('mypassword'))).toBe('own-name');
  });

  it('tells apart the A-runs of base64 structures from fills', () => {
    const fake = createFake(3);
    expect(placeholderReason(`${fake.base64(20)}AAAAAAAA${fake.base64(20)}`)).toBeUndefined();
  });

  it('recomputes checksums: a GitHub token with one changed character fails', () => {
    const token = fakeGithubToken(5);
    expect(placeholderReason(token)).toBeUndefined();
    const altered = token.slice(0, 10) + (token[10] === 'Q' ? 'R' : 'Q') + token.slice(11);
    expect(placeholderReason(altered)).toBe('checksum');
  });

  it('checks bech32 checksums', () => {
    // BIP 173's valid test vector, and the same with one character changed.
    expect(isBech32('A12UEL5L')).toBe(true);
    expect(isBech32('A12UEL5M')).toBe(false);
  });

  it('checks documented structures: JWT parts, base64 JSON, the OpenAI marker', () => {
    const fake = createFake(9);
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const payload = base64url({ sub: fake.base62(8) });
    expect(structureHolds(`${header}.${payload}.${fake.base62(43)}`)).toBe(true);
    expect(structureHolds(`${header}.${fake.base62(40)}.${fake.base62(43)}`)).toBe(false);
    expect(structureHolds(`pk.${payload.slice(0, -4)}Zq9w.${fake.base62(22)}`)).toBe(false);
    expect(structureHolds(`eyQ${fake.base62(40)}`)).toBe(false);
    expect(structureHolds(`sk-${fake.base62(20)}T3BlbkFJ${fake.base62(20)}`)).toBe(true);
    expect(structureHolds(`sk-${fake.base62(20)}T4BlbkFJ${fake.base62(20)}`)).toBe(false);
  });

  it('finds the same fill reused by three providers, not by one', () => {
    const fake = createFake(11);
    const fill = fake.base62(24);
    const other = fake.base62(24);
    const isReused = createReuseCheck([
      { file: 'a.yml', secrets: [`a_${fill}`, `a_${other}`] },
      { file: 'b.yml', secrets: [`b_${fill}`] },
      { file: 'c.yml', secrets: [`c-${fill}x`] },
      { file: 'd.yml', secrets: [`d1_${other}`, `d2_${other}`, `d3_${other}`] },
    ]);
    expect(isReused(fill)).toBe(true);
    expect(isReused(other)).toBe(false);
  });

  it('measures sequences both ways, 9 followed by 0', () => {
    expect(longestSequence('x7890y')).toBe(4);
    expect(longestSequence('zyxwv')).toBe(5);
    expect(longestSequence('acegi')).toBe(1);
  });
});

describe('scanning the examples', () => {
  it('scans each as a file of unknown type, where generic detectors judge too', () => {
    const fake = createFake(13);
    const example = `SERVICE_API_KEY = "${fake.base62(32)}"`;
    const peerRule = {
      file: 'example.yml',
      name: 'Example API Key',
      id: 'example.1',
      pattern: 'API_KEY = "([A-Za-z0-9]{32})"',
      examples: [example],
      categories: ['secret'],
      visible: true,
    };
    const [result] = measurePeer([peerRule], createEngine(), np);
    expect(result?.genuine).toBe(true);
    expect(result?.reportedBy).toEqual(['generic-api-key']);
    expect(result?.found).toBe(true);
    expect(result?.named).toBe(false);
  });
});

describe("the peers' patterns in JavaScript", () => {
  it('compiles extended mode, inline flags, comments and POSIX classes', () => {
    const pattern = [
      '(?x)(?i)',
      '\\b example (?# the provider )',
      '[_-]? key \\s* = \\s*   # the binder',
      '( [[:alnum:]]{8} ) \\z',
    ].join('\n');
    const regExp = toJsRegExp(pattern);
    expect(regExp?.flags).toBe('gi');
    expect(capturedSecrets(regExp, 'EXAMPLE_KEY = Ab3dEf7h')).toEqual(['Ab3dEf7h']);
    expect(capturedSecrets(regExp, 'example key = short')).toEqual([]);
  });

  it('takes the last captured group that is not a host', () => {
    const regExp = toJsRegExp('db://([a-z]+):([^@]+)@([a-z.]+)');
    expect(capturedSecrets(regExp, 'db://app:Xq7Rt2@db.example.com')).toEqual(['Xq7Rt2']);
    expect(capturedSecrets(toJsRegExp('tok_[0-9]{4}'), 'a tok_1357 b')).toEqual(['tok_1357']);
    // A group inside the captured token is a piece of it.
    const nested = toJsRegExp('key=([a-z0-9]{4}%([a-z0-9]{2,}%){0,2}[a-z0-9]{6})');
    expect(capturedSecrets(nested, 'key=ab12%cd%ef%gh34ij')).toEqual(['ab12%cd%ef%gh34ij']);
  });

  it('answers undefined for what JavaScript cannot compile', () => {
    expect(toJsRegExp('(unclosed')).toBeUndefined();
  });
});

describe('categories', () => {
  it('groups rules by the words of their names, other last', () => {
    expect(categoryOf('Postmark API Token')).toBe('messaging');
    expect(categoryOf('MongoDB API Private Key')).toBe('databases');
    expect(categoryOf('Credentials in a URL')).toBe('generic syntaxes');
    expect(categoryOf('Weatherbit API Key')).toBe('other');
  });
});
