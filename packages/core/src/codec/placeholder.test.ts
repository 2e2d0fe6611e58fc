import { describe, expect, it } from 'vitest';
import { createFake } from './fake.js';
import { isPlaceholder, typedShare } from './placeholder.js';

const fake = createFake(5);

describe('placeholders', () => {
  it.each([
    'xxxxxxxxxxxxxxxxxxxx',
    '<YOUR_TOKEN>',
    '${GITHUB_TOKEN}',
    '{{ secrets.NPM_TOKEN }}',
    '$API_KEY',
    '%API_KEY%',
    '%(api_key)s',
    '$(API_TOKEN)',
    'changeme',
    'your-api-key-here',
    'AKIAIOSFODNN7EXAMPLE',
    '********',
    'sk_test_abc...',
    'abcdefghij',
    '0123456789',
    'aaaaaaaaaaaaaaaa',
    'glpat-XXXXXXXXXXXXXXXXXXXX',
    // Fills typed by a person: interleaved sequences, short periods, leetspeak stand-ins.
    'A1B2C3D4E5F6G7H8I9J0',
    'a1b2c3d4e5f6a1b2',
    'a1b2c3d4',
    'abc123abc123abc123',
    'XyZXyZXyZXyZ',
    'n0t-a-r34l-k3y-f0r-d3m0s',
    'th1s1s4n3x4mpl3k3y',
  ])('treats %s as a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it('does not treat random tokens as placeholders', () => {
    for (let i = 0; i < 200; i++) expect(isPlaceholder(`ghp_${fake.base62(36)}`)).toBe(false);
    for (let i = 0; i < 200; i++) expect(isPlaceholder(fake.hex(8))).toBe(false);
  });

  it('takes no template for a bare $( or %( in a symbol-rich secret', () => {
    expect(isPlaceholder('k8#r2$(w9q!v5%(zq3^t7x&m1@p4=h6+j0')).toBe(false);
  });

  it('rarely takes random material of any alphabet for a patterned or leetspeak fill', () => {
    const alphabets = [
      (n: number) => fake.base62(n),
      (n: number) => fake.hex(n),
      (n: number) => fake.string('abcdefghijklmnopqrstuvwxyz0123456789', n),
      (n: number) => fake.digits(n),
    ];
    for (const make of alphabets) {
      let flagged = 0;
      for (let i = 0; i < 2000; i++) if (isPlaceholder(make(40))) flagged++;
      expect(flagged).toBeLessThanOrEqual(6);
    }
  });

  it('measure how much of a long value is typed by hand', () => {
    const body = (n: number) => fake.base64(n);
    // Random key bodies: a stretch of 8 by chance is rare, half the body never.
    for (let i = 0; i < 200; i++) expect(typedShare(body(1600))).toBeLessThan(0.05);
    // An OpenSSH body's zero bytes (`AAAAAAAA`) are a small share of it.
    expect(
      typedShare(`b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB${body(600)}`),
    ).toBeLessThan(0.1);
    for (const fill of [
      'A'.repeat(400),
      '0123456789abcdefghijklmnopqrstuvwxyz'.repeat(10),
      'a1b2c3d4e5f6'.repeat(30),
      'abcabcabc'.repeat(40),
    ])
      expect(typedShare(fill), fill.slice(0, 12)).toBeGreaterThan(0.9);
    expect(typedShare('')).toBe(0);
  });
});
