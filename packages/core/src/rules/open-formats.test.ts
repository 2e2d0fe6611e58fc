// Formats whose providers leave a part open: a version number that will change, a length
// that is not documented or only bounded below. The rules take what the provider allows,
// and still refuse what no key of the format looks like.
import { describe, expect, it } from 'vitest';
import { BASE62, BASE64URL, DIGITS, LOWER } from '../codec/alphabets.js';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';

const engine = createEngine();
const fake = createFake(1517);
const rulesIn = (text: string) =>
  engine.scan({ subject: 'content', path: 'settings.py', text }).map((f) => f.ruleId);

describe('formats left open by their providers', () => {
  it('finds an Anthropic API key of a later format version', () => {
    const body = `${fake.string(BASE64URL, 93)}AA`;
    expect(rulesIn(`ANTHROPIC_API_KEY=sk-ant-api03-${body}`)).toEqual(['anthropic-api-key']);
    expect(rulesIn(`ANTHROPIC_API_KEY=sk-ant-api104-${body}`)).toEqual(['anthropic-api-key']);
    expect(rulesIn(`x = "sk-ant-apiXY-${body}"`)).toEqual([]);
  });

  it('finds a Stripe live key of any length Stripe issues, a short one only when random', () => {
    for (const length of [12, 16, 24, 99])
      expect(rulesIn(`STRIPE_KEY = "sk_live_${fake.base62(length - 1)}7"`)).toContain(
        'stripe-secret-key',
      );
    expect(rulesIn(`STRIPE_KEY = "rk_live_${fake.string(BASE62, 14)}"`)).toContain(
      'stripe-restricted-key',
    );
    expect(rulesIn('STRIPE_KEY = "sk_live_ReplaceMeLater"')).toEqual([]);
    // Not a stand-in the filters know: refused by the rule's own random-when-short check.
    expect(rulesIn('STRIPE_KEY = "sk_live_getUserSettings"')).toEqual([]);
    expect(rulesIn(`STRIPE_KEY = "sk_live_${fake.base62(8)}"`)).toEqual([]);
  });

  it('finds a Django SECRET_KEY of 50 characters or more, when it mixes digits and symbols', () => {
    const key = (n: number) => `${fake.string(`${LOWER}${DIGITS}!@#$%^&*(-_=+)`, n - 2)}7!`;
    for (const length of [50, 51, 64])
      expect(rulesIn(`SECRET_KEY = '${key(length)}'`)).toContain('django-secret-key');
    expect(rulesIn(`SECRET_KEY = '${key(49)}'`)).not.toContain('django-secret-key');
    expect(
      rulesIn("SECRET_KEY = 'please-replace-this-with-a-long-random-key-in-production-settings'"),
    ).not.toContain('django-secret-key');
    // Not a stand-in the filters know: refused by the rule's own digit-and-symbol check.
    expect(
      rulesIn("SECRET_KEY = 'this-is-the-django-secret-key-of-the-acme-shop-website-staging'"),
    ).not.toContain('django-secret-key');
  });
});
