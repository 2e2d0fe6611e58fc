import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { isPasswordLike, isValidationRules, isWeakPassword } from './literals.js';

const fake = createFake(8);

describe('password values', () => {
  it.each([
    'pass4321',
    'Password123!',
    'S3cr3t!',
    'p@ssw0rd',
    'mysecretpassword',
    'admin123',
    'pass%20pass',
    'changeme2024',
    'Welcome1!',
  ])('takes %s for a stand-in', (value) => {
    expect(isWeakPassword(value)).toBe(true);
    expect(isPasswordLike(value)).toBe(false);
  });

  it.each(['Qwerty!x7Ka2', 'dragon-Fq2#Zt9', 'Tr0ub4dor&3', 'correct-horse-Battery-9'])(
    'takes %s, which merely contains a dictionary word, for a password',
    (value) => {
      expect(isWeakPassword(value)).toBe(false);
      expect(isPasswordLike(value)).toBe(true);
    },
  );

  it('takes random passwords and app passwords for passwords', () => {
    for (let i = 0; i < 100; i++)
      expect(isPasswordLike(`${fake.base62(10)}!${fake.digits(2)}`)).toBe(true);
    expect(isPasswordLike('xwqr gjhf gyze ibau')).toBe(true);
    expect(isPasswordLike('abcd efgh ijkl mnop')).toBe(false);
  });

  it('knows validation rules and other literals from passwords', () => {
    expect(isValidationRules('required|string|min:8|confirmed')).toBe(true);
    expect(isValidationRules('nullable|confirmed')).toBe(true);
    expect(isValidationRules(`${fake.base62(8)}|x9`)).toBe(false);
    for (const value of ['true', 'null', '12345678', '0x8C2F', '$2b$12$abcdefghijklmnopqrstuv'])
      expect(isPasswordLike(value)).toBe(false);
  });
});
