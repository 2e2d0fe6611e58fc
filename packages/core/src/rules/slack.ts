import { DIGITS, UPPER } from '../codec/alphabets.js';
import { defineRule } from './define-rule.js';

// Legacy user and workspace tokens ended in 10 hex, current ones in 32. Verification
// tokens (deprecated, still in apps) are 24 characters, shown as "Verification Token" in
// the app's Basic Information.

const REMEDIATION =
  'Revoke the token (or regenerate the webhook) in the Slack app settings, then load it from a secret store or CI secret.';

export const slackBotToken = defineRule({
  id: 'slack-bot-token',
  title: 'Slack bot token',
  provider: 'Slack',
  source: 'https://api.slack.com/authentication/token-types',
  description: 'Slack bot user OAuth token ("xoxb-").',
  remediation: REMEDIATION,
  severity: 'high',
  keywords: ['xoxb-'],
  prefix: 'xoxb-',
  // Bot tokens before 2019 had two parts: team-scoped id and secret.
  body: '[0-9]{10,13}-(?:[0-9]{10,13}-)?[A-Za-z0-9]{24}',
  samples: (fake) => ({
    match: [
      `xoxb-${fake.digits(12)}-${fake.digits(13)}-${fake.base62(24)}`,
      `SLACK_BOT_TOKEN=xoxb-${fake.digits(12)}-${fake.digits(13)}-${fake.base62(24)}`,
    ],
    ignore: [
      `xoxb-${fake.digits(12)}-${fake.digits(13)}-${fake.base62(10)}`,
      'xoxb-your-token-here',
    ],
  }),
});

export const slackUserToken = defineRule({
  id: 'slack-user-token',
  title: 'Slack user token',
  provider: 'Slack',
  source: 'https://api.slack.com/authentication/token-types',
  description:
    'Slack user OAuth token ("xoxp-") or legacy workspace token ("xoxa-", "xoxr-", "xoxs-", "xoxo-"), with a 32-hex or a legacy 10-hex tail.',
  remediation: REMEDIATION,
  severity: 'high',
  keywords: ['xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
  prefix: ['xoxa-', 'xoxp-', 'xoxr-', 'xoxs-', 'xoxo-'],
  body: '[0-9]{10,13}-[0-9]{10,13}(?:-[0-9]{10,13})?-(?:[a-f0-9]{32}|[a-f0-9]{10})',
  boundary: 'token',
  samples: (fake) => ({
    match: [
      `xoxp-${fake.digits(12)}-${fake.digits(12)}-${fake.digits(13)}-${fake.hex(32)}`,
      `SLACK_TOKEN='xoxs-${fake.digits(11)}-${fake.digits(11)}-${fake.digits(12)}-${fake.hex(32)}'`,
      `slack_api_token: xoxp-${fake.digits(10)}-${fake.digits(10)}-${fake.digits(10)}-${fake.hex(10)}`,
    ],
    ignore: [
      `xoxp-${fake.digits(12)}-${fake.digits(12)}-${fake.hex(32).toUpperCase()}Z`,
      `xoxp-${fake.digits(10)}-${fake.digits(10)}-${fake.digits(10)}-${fake.hex(16)}`,
      'xoxp-0000-0000',
    ],
  }),
});

export const slackAppToken = defineRule({
  id: 'slack-app-token',
  title: 'Slack app-level token',
  provider: 'Slack',
  source: 'https://api.slack.com/authentication/token-types',
  description: 'Slack app-level token ("xapp-").',
  remediation: REMEDIATION,
  severity: 'high',
  keywords: ['xapp-'],
  prefix: 'xapp-',
  body: '[0-9]-[A-Z0-9]{9,11}-[0-9]{13}-[a-f0-9]{64}',
  samples: (fake) => ({
    match: [
      `xapp-1-A${fake.string(UPPER + DIGITS, 10)}-${fake.digits(13)}-${fake.hex(64)}`,
      `SLACK_APP_TOKEN="xapp-1-A${fake.string(UPPER + DIGITS, 10)}-${fake.digits(13)}-${fake.hex(64)}"`,
    ],
    ignore: [`xapp-1-A${fake.upper(10)}-${fake.digits(13)}-${fake.hex(40)}`],
  }),
});

export const slackWebhookUrl = defineRule({
  id: 'slack-webhook-url',
  title: 'Slack incoming webhook URL',
  provider: 'Slack',
  source: 'https://api.slack.com/messaging/webhooks',
  description: 'Slack incoming webhook URL: anyone holding it can post to the channel.',
  remediation: REMEDIATION,
  severity: 'medium',
  keywords: ['hooks.slack.com'],
  pattern:
    /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{8,12}\/[A-Z0-9]{8,12}\/[A-Za-z0-9]{24,32}(?![A-Za-z0-9])/,
  samples: (fake) => ({
    match: [
      `url: https://hooks.slack.com/services/T${fake.upper(8)}/B${fake.upper(10)}/${fake.base62(24)}`,
      `requests.post("https://hooks.slack.com/services/T${fake.upper(8)}/B${fake.upper(10)}/${fake.base62(24)}", json=payload)`,
    ],
    ignore: [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXX',
      'https://hooks.slack.com/services/',
    ],
  }),
});

export const slackConfigToken = defineRule({
  id: 'slack-config-token',
  title: 'Slack app configuration token',
  provider: 'Slack',
  source: 'https://api.slack.com/authentication/token-types',
  description:
    'Slack app configuration access token ("xoxe.xoxp-" / "xoxe.xoxb-"), which can create and change apps.',
  remediation: REMEDIATION,
  keywords: ['xoxe.xox'],
  prefix: ['xoxe.xoxb-1-', 'xoxe.xoxp-1-'],
  body: '[A-Za-z0-9]{160,170}',
  token: (fake) => `xoxe.xoxp-1-${fake.base62(166)}`,
});

export const slackConfigRefreshToken = defineRule({
  id: 'slack-config-refresh-token',
  title: 'Slack app configuration refresh token',
  provider: 'Slack',
  source: 'https://api.slack.com/authentication/token-types',
  description: 'Slack app configuration refresh token ("xoxe-1-").',
  remediation: REMEDIATION,
  keywords: ['xoxe-'],
  prefix: 'xoxe-1-',
  body: '[A-Za-z0-9]{140,150}',
  token: (fake) => `xoxe-1-${fake.base62(146)}`,
});

export const slackVerificationToken = defineRule({
  id: 'slack-verification-token',
  title: 'Slack verification token',
  provider: 'Slack',
  source: 'https://api.slack.com/authentication/verifying-requests-from-slack',
  description:
    'Slack app verification token (24 random characters) assigned to a Slack verification-token setting.',
  remediation: `${REMEDIATION} Regenerate the verification token in the app's Basic Information, and verify requests with the signing secret instead.`,
  severity: 'medium',
  keywords: ['verification'],
  pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{24}(?![A-Za-z0-9])/,
  scope: 'line',
  check: ['random', { keyedBy: 'verification[_.-]?token' }],
  token: (fake) => `${fake.base62(22)}${fake.digits(1)}${fake.pick(['a', 'Q'])}`,
  contexts: [
    (t) => `SLACK_VERIFICATION_TOKEN=${t}`,
    (t) => `slack:\n  verification_token: "${t}"`,
    (t) => `  "verificationToken": "${t}",`,
  ],
  ignore: (fake) => [`SLACK_VERIFICATION_URL=${fake.base62(24)}`],
});

export const slackRules = [
  slackBotToken,
  slackUserToken,
  slackAppToken,
  slackWebhookUrl,
  slackConfigToken,
  slackConfigRefreshToken,
  slackVerificationToken,
];
