import { DIGITS, UPPER } from '../codec/alphabets.js';
import { defineRule, defineToken } from './define-rule.js';

// Token shapes: https://api.slack.com/authentication/token-types
// Webhooks: https://api.slack.com/messaging/webhooks

const REMEDIATION =
  'Revoke the token (or regenerate the webhook) in the Slack app settings, then load it from a secret store or CI secret.';

export const slackBotToken = defineRule({
  id: 'slack-bot-token',
  title: 'Slack bot token',
  description: 'Slack bot user OAuth token ("xoxb-").',
  remediation: REMEDIATION,
  severity: 'high',
  keywords: ['xoxb-'],
  pattern: /(?<![A-Za-z0-9])xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}(?![A-Za-z0-9])/g,
  samples: (fake) => ({
    match: [`xoxb-${fake.digits(12)}-${fake.digits(13)}-${fake.base62(24)}`],
    ignore: [
      `xoxb-${fake.digits(12)}-${fake.digits(13)}-${fake.base62(10)}`,
      'xoxb-your-token-here',
    ],
  }),
});

export const slackUserToken = defineRule({
  id: 'slack-user-token',
  title: 'Slack user token',
  description:
    'Slack user OAuth token ("xoxp-") or legacy workspace token ("xoxa-", "xoxr-", "xoxs-", "xoxo-").',
  remediation: REMEDIATION,
  severity: 'high',
  keywords: ['xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
  pattern:
    /(?<![A-Za-z0-9])xox[aprso]-[0-9]{10,13}-[0-9]{10,13}(?:-[0-9]{10,13})?-[a-f0-9]{32}(?![A-Za-z0-9])/g,
  samples: (fake) => ({
    match: [
      `xoxp-${fake.digits(12)}-${fake.digits(12)}-${fake.digits(13)}-${fake.hex(32)}`,
      `SLACK_TOKEN='xoxs-${fake.digits(11)}-${fake.digits(11)}-${fake.digits(12)}-${fake.hex(32)}'`,
    ],
    ignore: [
      `xoxp-${fake.digits(12)}-${fake.digits(12)}-${fake.hex(32).toUpperCase()}Z`,
      'xoxp-0000-0000',
    ],
  }),
});

export const slackAppToken = defineRule({
  id: 'slack-app-token',
  title: 'Slack app-level token',
  description: 'Slack app-level token ("xapp-").',
  remediation: REMEDIATION,
  severity: 'high',
  keywords: ['xapp-'],
  pattern: /(?<![A-Za-z0-9])xapp-[0-9]-[A-Z0-9]{9,11}-[0-9]{13}-[a-f0-9]{64}(?![A-Za-z0-9])/g,
  samples: (fake) => ({
    match: [`xapp-1-A${fake.string(UPPER + DIGITS, 10)}-${fake.digits(13)}-${fake.hex(64)}`],
    ignore: [`xapp-1-A${fake.upper(10)}-${fake.digits(13)}-${fake.hex(40)}`],
  }),
});

export const slackWebhookUrl = defineRule({
  id: 'slack-webhook-url',
  title: 'Slack incoming webhook URL',
  description: 'Slack incoming webhook URL: anyone holding it can post to the channel.',
  remediation: REMEDIATION,
  severity: 'medium',
  keywords: ['hooks.slack.com'],
  pattern:
    /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{8,12}\/[A-Z0-9]{8,12}\/[A-Za-z0-9]{24,32}(?![A-Za-z0-9])/g,
  samples: (fake) => ({
    match: [
      `url: https://hooks.slack.com/services/T${fake.upper(8)}/B${fake.upper(10)}/${fake.base62(24)}`,
    ],
    ignore: [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXX',
      'https://hooks.slack.com/services/',
    ],
  }),
});

export const slackConfigToken = defineToken({
  id: 'slack-config-token',
  title: 'Slack app configuration token',
  description:
    'Slack app configuration access token ("xoxe.xoxp-" / "xoxe.xoxb-"), which can create and change apps.',
  remediation: REMEDIATION,
  keywords: ['xoxe.xox'],
  pattern: /(?<![A-Za-z0-9])xoxe\.xox[bp]-1-[A-Za-z0-9]{160,170}(?![A-Za-z0-9])/g,
  token: (fake) => `xoxe.xoxp-1-${fake.base62(166)}`,
});

export const slackConfigRefreshToken = defineToken({
  id: 'slack-config-refresh-token',
  title: 'Slack app configuration refresh token',
  description: 'Slack app configuration refresh token ("xoxe-1-").',
  remediation: REMEDIATION,
  keywords: ['xoxe-'],
  pattern: /(?<![A-Za-z0-9])xoxe-1-[A-Za-z0-9]{140,150}(?![A-Za-z0-9])/g,
  token: (fake) => `xoxe-1-${fake.base62(146)}`,
});

export const slackRules = [
  slackBotToken,
  slackUserToken,
  slackAppToken,
  slackWebhookUrl,
  slackConfigToken,
  slackConfigRefreshToken,
];
