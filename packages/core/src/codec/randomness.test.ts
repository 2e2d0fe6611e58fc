import { describe, expect, it } from 'vitest';
import { BASE62 } from './alphabets.js';
import { createFake } from './fake.js';
import {
  alphabetOf,
  expectedEntropy,
  isPartedRandom,
  isRandomLooking,
  isWordLike,
  judgeRandomness,
  shannonEntropy,
} from './randomness.js';

describe('entropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
  });

  it('knows the alphabet of common token encodings', () => {
    expect(alphabetOf('deadbeef0123')).toBe('hex');
    expect(alphabetOf('JBSWY3DPEHPK3PXP')).toBe('base32');
    expect(alphabetOf('k3j2h4g5f6d7s8a9')).toBe('base36');
    expect(alphabetOf('aZ09bY18cX27')).toBe('base62');
    expect(alphabetOf('aZ09+/bY18==')).toBe('base64');
    expect(alphabetOf('aZ09-_bY18')).toBe('base64url');
    expect(alphabetOf('p@ss w0rd!')).toBe('ascii');
  });

  it('expects less entropy from short strings than their alphabet allows', () => {
    expect(expectedEntropy(16, 16)).toBeLessThan(4);
    expect(expectedEntropy(16, 16)).toBeGreaterThan(3);
    expect(expectedEntropy(256, 64)).toBeGreaterThan(5.7);
    expect(expectedEntropy(20, 62)).toBeLessThan(expectedEntropy(40, 62));
  });

  it('accepts at least 97.5 % of random strings of 16 characters and 99 % of longer ones, in every alphabet', () => {
    const fake = createFake(99);
    for (const alphabet of [
      '0123456789abcdef',
      BASE62,
      `${BASE62}+/`,
      'abcdefghijklmnopqrstuvwxyz0123456789',
    ]) {
      for (const length of [16, 20, 24, 32, 40, 64, 128]) {
        let random = 0;
        for (let i = 0; i < 1000; i++) if (isRandomLooking(fake.string(alphabet, length))) random++;
        expect(random, `${alphabet.length} symbols, ${length} characters`).toBeGreaterThanOrEqual(
          length === 16 ? 975 : 990,
        );
      }
    }
  });

  it('rejects identifiers, labels, numbers and repetition', () => {
    for (const value of [
      'getUserAccountSettingsHandler',
      'MyApplicationSecretKeyName',
      'SessionTokenExpiredError2',
      'MY_SECRET_TOKEN_NAME',
      'correct-horse-battery-staple',
      '1234567890123456',
      'deadbeefdeadbeefdeadbeef',
      'abababababababababab',
    ]) {
      expect(isRandomLooking(value), value).toBe(false);
    }
  });

  it('judges by the length: the same 4 bits per character pass at 16 hex characters, not at 64', () => {
    const short = judgeRandomness('0123456789abcdef');
    expect(short.entropy).toBe(4);
    expect(short.random).toBe(true);
    expect(judgeRandomness('0123456789abcdef'.repeat(4)).random).toBe(true);
    // 3 bits per character: fine for 8 distinct symbols in 12 characters, not for 48.
    expect(judgeRandomness('01234567a1b2').random).toBe(true);
    expect(judgeRandomness('01234567'.repeat(6)).random).toBe(false);
  });

  it('tells words from random material', () => {
    expect(isWordLike('passwordResetToken')).toBe(true);
    expect(isWordLike('snake_case_value')).toBe(true);
    expect(isWordLike('aZ3kQ9xW2mP7')).toBe(false);
    expect(isWordLike('k3j2h4g5f6d7s8a9')).toBe(false);
  });

  it('judges padded material without its padding', () => {
    const fake = createFake(88);
    const body = fake.string('abcdefghijklmnopqrstuvwxyz0123456789', 87);
    expect(isRandomLooking(body)).toBe(true);
    expect(judgeRandomness(`${body}=`).alphabet).toBe('base36');
    expect(isRandomLooking(`${body}=`)).toBe(true);
  });

  it('judges each part of a dotted token on its own', () => {
    const fake = createFake(89);
    const part = (n: number) => fake.string(BASE62, n);
    const token = `${part(36)}.${part(92)}.${part(43)}`;
    expect(isRandomLooking(token)).toBe(false);
    expect(isPartedRandom(token)).toBe(true);
    expect(isPartedRandom(`${part(36)}.${part(264)}`)).toBe(true);
    // Member access, short parts, a word among the parts, one part or four.
    expect(isPartedRandom('config.settings.applicationSecretKey')).toBe(false);
    expect(isPartedRandom(`${part(36)}.abc`)).toBe(false);
    expect(isPartedRandom(`${part(36)}.getUserAccountSettingsHandler`)).toBe(false);
    expect(isPartedRandom(part(64))).toBe(false);
    expect(isPartedRandom(`${part(20)}.${part(20)}.${part(20)}.${part(20)}`)).toBe(false);
  });
});
