import { BASE62 } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';

// Test-mode keys (sk_test_, rk_test_) move no money and are not reported. Stripe documents
// no length: keys of 24, 34 and 99 characters after the prefix are seen, and gitleaks takes
// 10 to 99; a key shorter than 32 characters in all must look random.

const DASHBOARD = 'the Stripe dashboard (Developers > API keys)';

export const stripeRules: Rule[] = [
  defineRule({
    id: 'stripe-secret-key',
    title: 'Stripe live secret key',
    provider: 'Stripe',
    source: 'https://docs.stripe.com/keys',
    description: 'Stripe live-mode secret API key ("sk_live_"): full access to the account.',
    remediation: remediation('secret key (roll it)', DASHBOARD),
    severity: 'critical',
    keywords: ['sk_live_'],
    prefix: 'sk_live_',
    body: '[A-Za-z0-9]{10,99}',
    check: 'random-when-short',
    boundary: 'word',
    token: (fake) => `sk_live_${fake.string(BASE62, fake.pick([16, 24, 34, 99]))}`,
    ignore: (fake) => [`sk_test_${fake.base62(24)}`, 'sk_live_ReplaceMeLater'],
  }),
  defineRule({
    id: 'stripe-restricted-key',
    title: 'Stripe live restricted key',
    provider: 'Stripe',
    source: 'https://docs.stripe.com/keys',
    description: 'Stripe live-mode restricted API key ("rk_live_").',
    remediation: remediation('restricted key (roll it)', DASHBOARD),
    severity: 'high',
    keywords: ['rk_live_'],
    prefix: 'rk_live_',
    body: '[A-Za-z0-9]{10,99}',
    check: 'random-when-short',
    boundary: 'word',
    token: (fake) => `rk_live_${fake.string(BASE62, 99)}`,
    ignore: (fake) => [`rk_test_${fake.base62(24)}`],
  }),
  defineRule({
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    provider: 'Stripe',
    source: 'https://docs.stripe.com/webhooks',
    description:
      'Stripe webhook endpoint signing secret ("whsec_"), which lets anyone forge webhook events.',
    remediation: remediation(
      'signing secret (roll it on the webhook endpoint)',
      'the Stripe dashboard (Developers > Webhooks)',
    ),
    severity: 'medium',
    keywords: ['whsec_'],
    prefix: 'whsec_',
    body: '[A-Za-z0-9+/=]{32,64}',
    boundary: 'word',
    token: (fake) => `whsec_${fake.base62(32)}`,
  }),
];
