import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, sha256WithPrefix, toHex } from './sha256.js';

describe('sha256', () => {
  const inputs = [
    '',
    'abc',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(64),
    'x'.repeat(1000),
    'naïve ☃ 𝄞',
  ];

  it.each(inputs)('matches node:crypto for %j', (input) => {
    expect(toHex(sha256(input))).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
  });

  it.each([
    ['key', 'The quick brown fox'],
    ['', ''],
    ['k'.repeat(100), 'long key is hashed first'],
  ])('hmac matches node:crypto for key %j', (key, data) => {
    expect(toHex(hmacSha256(key, data))).toBe(createHmac('sha256', key).update(data).digest('hex'));
  });
});

describe('sha256WithPrefix', () => {
  it('equals sha256 of the prefix and suffix joined, across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000]) {
      const prefix = 'p'.repeat(length);
      const digest = sha256WithPrefix(prefix);
      for (const suffix of ['', '\u00001', 'x'.repeat(70)])
        expect(toHex(digest(suffix))).toBe(toHex(sha256(prefix + suffix)));
    }
  });
});
