import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, toHex } from './sha256.js';

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
