import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { defineRule } from '../rules/define-rule.js';
import type { MatchContext } from '../types.js';
import { isInDataUri } from './data-uri.js';
import { falsePositiveReason } from './index.js';
import { isCodeExpression, isKnownHash, isPathOrUrl, isProse, isUuid } from './shapes.js';
import { isVendorExample } from './vendor-examples.js';

const fake = createFake(5);
const at = (text: string, secret: string): MatchContext => {
  const start = text.indexOf(secret);
  return { text, start, end: start + secret.length };
};

describe('false-positive filters', () => {
  it('treats member accesses and calls as code', () => {
    expect(isCodeExpression('config.apiKey')).toBe(true);
    expect(isCodeExpression('getToken()')).toBe(true);
  });

  it('recognises hashes, UUIDs, prose and paths', () => {
    expect(isKnownHash(`sha512-${fake.base64(86)}==`, at('x', 'x'))).toBe(true);
    expect(isKnownHash(`sha256:${fake.hex(64)}`, at('x', 'x'))).toBe(true);
    const sha = fake.hex(40);
    expect(isKnownHash(sha, at(`rev: ${sha}`, sha))).toBe(true);
    expect(isKnownHash(sha, at(`token: ${sha}`, sha))).toBe(false);
    expect(isUuid('123e4567-e89b-12d3-a456-426614174000')).toBe(true);
    expect(isProse('Mot de passe')).toBe(true);
    expect(isProse('Passwort')).toBe(true);
    expect(isProse('aZ3kQ9xW2mP7vB4n')).toBe(false);
    // Letters alone: prose when single-case or shaped like words, not when the case is scrambled.
    expect(isProse('getUserName')).toBe(true);
    expect(isProse('dragonfly')).toBe(true);
    expect(isProse('PASSWORD')).toBe(true);
    expect(isProse('vKpWqZrTxB')).toBe(false);
    expect(isPathOrUrl('./certs/key.pem')).toBe(true);
    expect(isPathOrUrl('/run/secrets/token')).toBe(true);
    expect(isPathOrUrl(`/${fake.base64(30)}`)).toBe(false);
  });

  it('finds candidates inside base64 data URIs', () => {
    const payload = fake.base64(200);
    const text = `url("data:image/png;base64,${payload}")`;
    expect(isInDataUri(at(text, payload.slice(50, 90)))).toBe(true);
    expect(isInDataUri(at(`token=${payload}`, payload.slice(50, 90)))).toBe(false);
  });

  it('knows published example keys without holding them', () => {
    const header = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
    // {"sub":"1234567890","name":"John Doe","iat":1516239022}, the jwt.io sample payload.
    const payload = 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ';
    expect(isVendorExample(`${header}.${payload}.${fake.base62(43)}`)).toBe(true);
    expect(isVendorExample(fake.base64(88))).toBe(false);
  });

  it('applies shape filters only to generic rules, and skips what a rule asks to skip', () => {
    const base = {
      title: 'Test rule',
      description: 'A test rule.',
      remediation: 'Nothing to do.',
      severity: 'low' as const,
      keywords: [],
      pattern: /x/g,
      samples: () => ({ match: [], ignore: [] }),
    };
    const provider = defineRule({ ...base, id: 'test-provider' });
    const generic = defineRule({ ...base, id: 'test-generic', generic: true });
    // Key material legitimately holds runs of `A`: its check makes the placeholder filter moot.
    const skipping = defineRule({ ...base, id: 'test-skipping', check: 'key-material' });
    const id = '123e4567-e89b-12d3-a456-426614174000';
    expect(falsePositiveReason(provider, id, at(id, id))).toBeUndefined();
    expect(falsePositiveReason(generic, id, at(id, id))).toBe('uuid');
    expect(falsePositiveReason(provider, 'xxxxxxxxxxxx', at('xxxxxxxxxxxx', 'xxxxxxxxxxxx'))).toBe(
      'placeholder',
    );
    expect(
      falsePositiveReason(skipping, 'xxxxxxxxxxxx', at('xxxxxxxxxxxx', 'xxxxxxxxxxxx')),
    ).toBeUndefined();
  });
});
