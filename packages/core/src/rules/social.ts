import { LOWER_ALNUM } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { alnumKey, keyedRule } from './keyed.js';

// Facebook app secrets are 32 hex, found by their key name; X app-only bearer tokens start
// with 22 "A"s and contain URL-encoded characters.

const META = 'the Meta for Developers app dashboard (Settings > Basic, or Access Token Tool)';

export const socialRules: Rule[] = [
  defineRule({
    id: 'facebook-access-token',
    title: 'Facebook / Meta access token',
    provider: 'Meta (Facebook)',
    source: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
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
    provider: 'Meta (Facebook)',
    source: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
    description:
      'Facebook app secret (32 hex) assigned to a Facebook setting, or written after "Facebook … secret" on its line.',
    remediation: remediation('app secret (reset it)', META),
    keywords: ['facebook', 'fb_', 'fb-', 'fbapp'],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}(?![A-Za-z0-9])/,
    scope: 'line',
    check: {
      anyOf: [
        { keyedBy: '(?:facebook|\\bfb)[\\w.-]*secret' },
        { precededBy: '(?:facebook|\\bfb)[^\\n]{0,24}?secret\\w*[^\\w\\n]{1,6}' },
      ],
    },
    token: (fake) => fake.hex(32),
    contexts: [
      (t) => `FACEBOOK_APP_SECRET=${t}`,
      (t) => `fb_app_secret: "${t}"`,
      (t) => `# Facebook app secret: ${t}`,
    ],
    ignore: (fake) => [`# Facebook app id: ${fake.hex(32)}`, `secret = "${fake.hex(32)}"`],
  }),
  defineRule({
    id: 'twitter-bearer-token',
    title: 'X (Twitter) bearer token',
    provider: 'X (Twitter)',
    source: 'https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens',
    description: 'X / Twitter app-only bearer token (22 "A"s, then 80 or more characters).',
    remediation: remediation(
      'bearer token (regenerate it)',
      'the X developer portal (Keys and tokens)',
    ),
    keywords: ['aaaaaaaaaaaaaaaaaaaaaa'],
    pattern: /(?<![A-Za-z0-9%])A{22}[A-Za-z0-9%]{80,140}(?![A-Za-z0-9%])/,
    token: (fake) => `${'A'.repeat(22)}${fake.base62(30)}%3D${fake.base62(60)}`,
  }),
  defineRule({
    id: 'twitch-stream-key',
    title: 'Twitch stream key',
    provider: 'Twitch',
    source: 'https://dev.twitch.tv/docs/api/reference/#get-stream-key',
    description:
      'Twitch stream key ("live_", the broadcaster id, "_" and the secret): anyone holding it can stream to the channel.',
    remediation:
      'Reset the stream key (Creator Dashboard > Settings > Stream) and keep it in the streaming software or a secret store.',
    keywords: ['live_'],
    prefix: 'live_',
    body: '\\d{6,12}_[A-Za-z0-9]{20,40}',
    boundary: 'word',
    token: (fake) => `live_${fake.digits(9)}_${fake.base62(30)}`,
    contexts: [
      (t) => `TWITCH_STREAM_KEY=${t}`,
      (t) => `ffmpeg -re -i in.mp4 -f flv rtmp://live.twitch.tv/app/${t}`,
    ],
  }),
  defineRule({
    id: 'twitch-client-secret',
    title: 'Twitch client secret',
    provider: 'Twitch',
    source: 'https://dev.twitch.tv/docs/authentication/register-app/',
    description:
      'Twitch application client secret (30 lower-case letters and digits) assigned to a Twitch secret setting.',
    remediation: remediation(
      'client secret (New Secret)',
      'the Twitch developer console (Applications)',
    ),
    keywords: ['twitch'],
    pattern: /(?<![A-Za-z0-9_-])[a-z0-9]{30}(?![A-Za-z0-9_-])/,
    check: ['random', { keyedBy: 'twitch[\\w.-]*secret' }],
    token: (fake) =>
      `${fake.string(LOWER_ALNUM, 28)}${fake.pick(['a', 'k'])}${fake.pick(['3', '7'])}`,
    contexts: [
      (t) => `TWITCH_CLIENT_SECRET=${t}`,
      (t) => `twitch:\n  client_id: ${t.slice(15)}${t.slice(0, 15)}\n  client_secret: "${t}"`,
    ],
    ignore: (fake) => [`TWITCH_CLIENT_ID=${fake.string(LOWER_ALNUM, 30)}`],
  }),
  keyedRule({
    id: 'twitter-api-secret',
    title: 'X (Twitter) API key secret or access token secret',
    provider: 'X (Twitter)',
    source: 'https://docs.x.com/resources/fundamentals/authentication/oauth-1-0a',
    credential: 'API key secret (consumer secret) or access token secret',
    revokeAt: 'the X developer console (App > Keys and tokens > Regenerate)',
    // The API key (consumer key) names the app; its secret and the access token secret sign.
    names: ['twitter', 'tweepy'],
    credentials: 'secret',
    lineOnly: true,
    env: 'TWITTER_API_SECRET',
    shape: alnumKey([35, 50]),
    hosts: ['api.twitter.com', 'api.x.com'],
    note: 'format observed: 50 characters today, 35 to 45 for older apps',
    example: (t) => `TWITTER_ACCESS_TOKEN_SECRET=${t}`,
  }),
  keyedRule({
    id: 'linkedin-client-secret',
    title: 'LinkedIn client secret',
    provider: 'LinkedIn',
    source: 'https://learn.microsoft.com/linkedin/shared/authentication/client-credentials-flow',
    credential: 'client secret',
    revokeAt: 'the LinkedIn Developer Portal (My apps > Auth > Generate a new Client Secret)',
    names: ['linkedin'],
    credentials: 'secret',
    lineOnly: true,
    env: 'LINKEDIN_CLIENT_SECRET',
    // Sixteen characters are few for the randomness test: the samples hold digits.
    shape: {
      ...alnumKey(16),
      fake: (fake) => `${fake.base62(13)}${fake.digits(2)}${fake.upper(1)}`,
    },
    note: 'format observed',
    example: (t) => `SOCIAL_AUTH_LINKEDIN_OAUTH2_SECRET = '${t}'`,
  }),
];
