import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';

// Facebook / Meta: https://developers.facebook.com/docs/facebook-login/guides/access-tokens
// (access tokens start "EAA"; app secrets are 32 hex, found by their key name).
// X / Twitter: https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens (app-only
// bearer tokens start with 22 "A"s and contain URL-encoded characters).

const META = 'the Meta for Developers app dashboard (Settings > Basic, or Access Token Tool)';

export const socialRules: Rule[] = [
  defineRule({
    id: 'facebook-access-token',
    title: 'Facebook / Meta access token',
    description: 'Facebook Graph API access token ("EAA…", user, page or system user).',
    remediation: remediation('access token', META),
    keywords: ['eaa'],
    prefix: 'EAA',
    body: '[A-Z][A-Za-z0-9]{90,400}',
    token: (fake) => `EAA${fake.pick(['B', 'G', 'J'])}${fake.base62(180)}`,
  }),
  defineRule({
    id: 'facebook-app-secret',
    title: 'Facebook / Meta app secret',
    description: 'Facebook app secret (32 hex) assigned to a Facebook setting.',
    remediation: remediation('app secret (reset it)', META),
    keywords: ['facebook', 'fb_', 'fb-', 'fbapp'],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: '(?:facebook|\\bfb)[\\w.-]*secret' },
    token: (fake) => fake.hex(32),
    contexts: [(t) => `FACEBOOK_APP_SECRET=${t}`, (t) => `fb_app_secret: "${t}"`],
  }),
  defineRule({
    id: 'twitter-bearer-token',
    title: 'X (Twitter) bearer token',
    description: 'X / Twitter app-only bearer token (22 "A"s, then 80 or more characters).',
    remediation: remediation(
      'bearer token (regenerate it)',
      'the X developer portal (Keys and tokens)',
    ),
    keywords: ['aaaaaaaaaaaaaaaaaaaaaa'],
    pattern: /(?<![A-Za-z0-9%])A{22}[A-Za-z0-9%]{80,140}(?![A-Za-z0-9%])/,
    token: (fake) => `${'A'.repeat(22)}${fake.base62(30)}%3D${fake.base62(60)}`,
  }),
];
