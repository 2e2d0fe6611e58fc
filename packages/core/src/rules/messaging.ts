import { BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { alnumKey, base64urlKey, hexKey, keyedRule } from './keyed.js';
import { UUID, alone, fakeUuid } from './shapes.js';

// Twilio API key SIDs are "SK" and 32 hex, their secrets 32 characters; a Discord bot
// token is base64 of the bot's snowflake id, ".", a timestamp, "." and an HMAC.

/** A key SID's 32 hex, derived from other token material so that no SID is written out here. */
const sid = (material: string) =>
  [...material].map((char) => HEX[char.charCodeAt(0) % 16]).join('');

export const messagingRules: Rule[] = [
  defineRule({
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    provider: 'Twilio SendGrid',
    source: 'https://docs.sendgrid.com/ui/account-and-settings/api-keys',
    description: 'Twilio SendGrid API key ("SG.", 22 characters, ".", 43 characters).',
    remediation: remediation('API key', 'SendGrid (Settings > API Keys)'),
    keywords: ['sg.'],
    prefix: 'SG.',
    body: '[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
    boundary: 'token',
    token: (fake) => `SG.${fake.string(BASE64URL, 22)}.${fake.string(BASE64URL, 43)}`,
  }),
  defineRule({
    id: 'mailgun-api-key',
    title: 'Mailgun API key',
    provider: 'Mailgun',
    source: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication',
    description: 'Mailgun private API key ("key-" and 32 hex).',
    remediation: remediation('API key', 'Mailgun (API Security)'),
    keywords: ['key-'],
    prefix: 'key-',
    body: '[a-f0-9]{32}',
    boundary: 'token',
    token: (fake) => `key-${fake.hex(32)}`,
  }),
  defineRule({
    id: 'mailchimp-api-key',
    title: 'Mailchimp API key',
    provider: 'Mailchimp (Intuit)',
    source: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
    description: 'Mailchimp Marketing API key (32 hex, "-us" and the datacenter number).',
    remediation: remediation('API key', 'Mailchimp (Account > Extras > API keys)'),
    keywords: ['-us'],
    // '-us' is common ("-user"); the pattern cannot skip ahead to it, so it runs on those lines only.
    scope: 'line',
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}-us\d{1,2}(?![A-Za-z0-9])/,
    token: (fake) => `${fake.hex(32)}-us${fake.pick(['6', '14', '21'])}`,
  }),
  defineRule({
    id: 'twilio-api-key',
    title: 'Twilio API key',
    provider: 'Twilio',
    source: 'https://www.twilio.com/docs/iam/api-keys',
    description: 'Twilio API key SID ("SK" and 32 hex); its secret is usually close by.',
    remediation: remediation('API key', 'the Twilio console (Account > API keys)'),
    severity: 'medium',
    keywords: ['sk'],
    prefix: 'SK',
    body: '[a-f0-9]{32}',
    token: (fake) => `SK${fake.hex(32)}`,
  }),
  defineRule({
    id: 'twilio-api-key-secret',
    title: 'Twilio API key secret',
    provider: 'Twilio',
    source: 'https://www.twilio.com/docs/iam/api-keys/key-resource-v1',
    description:
      'The secret of a Twilio API key (32 random characters) written within three lines of the key SID ("SK…"), as code passes the pair to a client.',
    remediation: remediation('API key', 'the Twilio console (Account > API keys)'),
    severity: 'high',
    keywords: [],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/,
    check: ['random', 'mixed-case', { near: { rule: 'twilio-api-key', withinLines: 3 } }],
    token: (fake) => `${fake.base62(30)}${fake.pick(['a', 'b'])}${fake.pick(['X', 'Y'])}`,
    contexts: [
      (t) => `client = Client("SK${sid(t)}", "${t}", account_sid)`,
      (t) => `TWILIO_API_KEY=SK${sid(t)}\nTWILIO_API_SECRET=${t}`,
      (t) => `const client = twilio(\n  'SK${sid(t)}',\n  '${t}',\n  { accountSid },\n);`,
    ],
    ignore: (fake) => [
      fake.base62(32),
      `SK${fake.hex(32)}\n\n\n\n\nother = "${fake.base62(32)}"`,
      `SK${fake.hex(32)} ${fake.hex(32)}`,
    ],
  }),
  defineRule({
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    provider: 'Twilio',
    source: 'https://www.twilio.com/docs/iam/api-keys',
    description: 'Twilio account auth token (32 hex) assigned to a Twilio auth token setting.',
    remediation: remediation('auth token (rotate the primary token)', 'the Twilio console'),
    keywords: ['twilio'],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: 'twilio[\\w.-]*(?:auth|token|secret)' },
    token: (fake) => fake.hex(32),
    contexts: [
      (t) => `TWILIO_AUTH_TOKEN=${t}`,
      (t) => `twilio_auth_token: "${t}"`,
      (t) => `  twilioAuthToken = '${t}';`,
    ],
    ignore: (fake) => [`TWILIO_ACCOUNT_SID=AC${fake.hex(32)}`],
  }),
  defineRule({
    id: 'brevo-api-key',
    title: 'Brevo (Sendinblue) API key',
    provider: 'Brevo',
    source: 'https://developers.brevo.com/docs/api-key-authentication',
    description:
      'Brevo / Sendinblue API key ("xkeysib-", 64 hex, "-" and 16 characters). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'Brevo (SMTP & API > API keys)'),
    keywords: ['xkeysib-'],
    prefix: 'xkeysib-',
    body: '[a-f0-9]{64}-[A-Za-z0-9]{16}',
    boundary: 'token',
    token: (fake) => `xkeysib-${fake.hex(64)}-${fake.base62(16)}`,
  }),
  defineRule({
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    provider: 'Telegram',
    source: 'https://core.telegram.org/bots/api#authorizing-your-bot',
    description: 'Telegram Bot API token ("<bot id>:AA" and 33 characters).',
    remediation:
      'Revoke the token with @BotFather (/revoke), then load the new one from a secret store.',
    keywords: [':aa'],
    pattern: /(?<![A-Za-z0-9_:-])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
    token: (fake) =>
      `${fake.string('123456789', 1)}${fake.digits(9)}:AA${fake.string(BASE64URL, 33)}`,
  }),
  defineRule({
    id: 'discord-bot-token',
    title: 'Discord bot token',
    provider: 'Discord',
    source: 'https://discord.com/developers/docs/reference#authentication',
    description:
      "Discord bot token, found by its structure wherever it is: the first part decodes to the bot's numeric id (a snowflake), then a timestamp and an HMAC.",
    remediation: remediation('bot token (Reset Token)', 'the Discord developer portal (Bot)'),
    // No keyword: the structure is the evidence. The pattern starts with a literal `M`
    // (base64 of an ASCII digit) and the base64 of a second digit.
    keywords: [],
    pattern:
      /M(?<![A-Za-z0-9_.-]M)[DTjz][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_.-])/,
    check: 'discord-snowflake',
    token: (fake) =>
      `${toBase64(`1${fake.digits(18)}`, true)}.${fake.string(BASE64URL, 6)}.${fake.string(BASE64URL, 38)}`,
    contexts: [
      (t) => `DISCORD_BOT_TOKEN=${t}`,
      (t) => `client.login("${t}") // discord`,
      (t) => `token: "${t}"`,
      (t) => `bot.run('${t}')`,
    ],
    ignore: (fake) => [
      `DISCORD_TOKEN=M${fake.string(BASE64URL, 25)}.${fake.string(BASE64URL, 6)}.${fake.string(BASE64URL, 38)}`,
    ],
  }),
  defineRule({
    id: 'discord-webhook-url',
    title: 'Discord webhook URL',
    provider: 'Discord',
    source: 'https://discord.com/developers/docs/resources/webhook#execute-webhook',
    description: 'Discord webhook URL: anyone holding it can post to the channel.',
    remediation:
      'Delete the webhook in the channel settings (Integrations) and create a new one; keep the URL in a secret store.',
    severity: 'medium',
    keywords: ['discord'],
    pattern:
      /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68}(?![A-Za-z0-9_-])/,
    token: (fake) =>
      `https://discord.com/api/webhooks/1${fake.digits(18)}/${fake.string(BASE64URL, 68)}`,
    contexts: [(t) => t, (t) => `webhook_url: "${t}"`],
  }),
  defineRule({
    id: 'teams-webhook-url',
    title: 'Microsoft Teams incoming webhook URL',
    provider: 'Microsoft Teams',
    source:
      'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    description:
      'Microsoft Teams incoming webhook URL: anyone holding it can post to the channel. The format is observed: the provider documents only how the key is used.',
    remediation:
      'Remove the incoming webhook connector from the channel and create a new one; keep the URL in a secret store.',
    severity: 'medium',
    keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
    pattern: [
      /https:\/\/[a-z0-9-]{1,63}\.webhook\.office\.com\/webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[0-9a-f]{32}\/[0-9a-f-]{36}(?:\/[A-Za-z0-9_-]{10,80})?/,
      // The URL before 2021: https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
      /https:\/\/outlook\.office(?:365)?\.com\/webhook\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[0-9a-f]{32}\/[0-9a-f-]{36}/,
    ],
    token: (fake) => {
      const path = `${fakeUuid(fake)}@${fakeUuid(fake)}/IncomingWebhook/${fake.hex(32)}/${fakeUuid(fake)}`;
      return fake.pick([
        `https://contoso.webhook.office.com/webhookb2/${path}`,
        `https://outlook.office.com/webhook/${path}`,
      ]);
    },
    contexts: [(t) => t, (t) => `TEAMS_WEBHOOK="${t}"`],
  }),
  defineRule({
    id: 'mattermost-access-token',
    title: 'Mattermost access token',
    provider: 'Mattermost',
    source: 'https://developers.mattermost.com/integrate/reference/personal-access-token/',
    description:
      'Mattermost personal access or bot token (26 lower-case characters) assigned to a Mattermost setting. The format is observed: the provider documents only how the key is used.',
    remediation: remediation(
      'access token',
      'Mattermost (Profile > Security > Personal Access Tokens)',
    ),
    keywords: ['mattermost'],
    pattern: /(?<![A-Za-z0-9])[a-z0-9]{26}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: 'mattermost[\\w.-]*(?:token|key|secret)' },
    token: (fake) => `${fake.string(LOWER_ALNUM, 25)}${fake.string(DIGITS, 1)}`,
    contexts: [(t) => `MATTERMOST_TOKEN=${t}`, (t) => `mattermost_access_token: ${t}`],
  }),
  defineRule({
    id: 'postmark-token',
    title: 'Postmark server or account token',
    provider: 'Postmark',
    source: 'https://postmarkapp.com/developer/api/overview#authentication',
    description:
      'Postmark server or account API token (a UUID) assigned to a Postmark setting, sent as X-Postmark-Server-Token / X-Postmark-Account-Token, or given to a Postmark client. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('token (regenerate it)', 'Postmark (Server > API Tokens)'),
    keywords: ['postmark'],
    pattern: alone(UUID),
    check: {
      anyOf: [
        { keyedBy: 'postmark(?:[\\w.-]*(?:token|key|secret))?$' },
        { precededBy: '(?:Server|Account)Client\\(\\s*["\']' },
      ],
    },
    token: fakeUuid,
    contexts: [
      (t) => `POSTMARK_SERVER_TOKEN=${t}`,
      (t) => `curl https://api.postmarkapp.com/email -H "X-Postmark-Server-Token: ${t}"`,
      (t) => `const client = new postmark.ServerClient("${t}");`,
      (t) => `module.exports = {\n  postmark: "${t}",\n};`,
    ],
    ignore: (fake) => [
      `POSTMARK_MESSAGE_STREAM=${fakeUuid(fake)}`,
      `{"MessageID": "${fakeUuid(fake)}"} // postmark response`,
    ],
  }),
  defineRule({
    id: 'sparkpost-api-key',
    title: 'SparkPost API key',
    provider: 'SparkPost (Bird)',
    source: 'https://developers.sparkpost.com/api/#header-authentication',
    description:
      'SparkPost API key (40 hex) assigned to a SparkPost setting or given to a SparkPost client.',
    remediation: remediation('API key', 'SparkPost (Configuration > API Keys)'),
    keywords: ['sparkpost'],
    scope: 'line',
    pattern: alone('[a-f0-9]{40}'),
    check: {
      anyOf: [
        { keyedBy: 'sparkpost[\\w.-]*(?:key|token|secret)' },
        { precededBy: 'SparkPost\\(\\s*["\']' },
      ],
    },
    token: (fake) => fake.hex(40),
    contexts: [
      (t) => `SPARKPOST_API_KEY=${t}`,
      (t) => `const client = new SparkPost('${t}');`,
      (t) => `sparkpost:\n  api_key: "${t}"`,
    ],
    ignore: (fake) => [`SPARKPOST_TEMPLATE_COMMIT=${fake.hex(40)}`],
  }),
  defineRule({
    id: 'mailjet-secret-key',
    title: 'Mailjet API secret key',
    provider: 'Mailjet',
    source: 'https://dev.mailjet.com/email/guides/#authentication',
    description:
      'Mailjet API secret key (32 hex, the password of the key pair) assigned to MJ_APIKEY_PRIVATE or a Mailjet secret setting. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key pair', 'Mailjet (Account settings > API Key Management)'),
    keywords: ['mailjet', 'mj_apikey'],
    pattern: alone('[a-f0-9]{32}'),
    check: { keyedBy: 'mj_apikey_private|mailjet[\\w.-]*(?:secret|private)' },
    token: (fake) => fake.hex(32),
    contexts: [
      (t) => `MJ_APIKEY_PRIVATE=${t}`,
      (t) => `MAILJET_SECRET_KEY: "${t}"`,
      (t) => `mailjet:\n  api_key: ${t.slice(16)}${t.slice(0, 16)}\n  secret_key: ${t}`,
    ],
    ignore: (fake) => [`MJ_APIKEY_PUBLIC=${fake.hex(32)}`],
  }),
  defineRule({
    id: 'messagebird-access-key',
    title: 'MessageBird (Bird) access key',
    provider: 'MessageBird (Bird)',
    source: 'https://docs.bird.com/connectivity-platform/getting-started/creating-access-keys',
    description:
      'MessageBird / Bird REST API access key (25 letters and digits) assigned to a MessageBird setting or sent as "Authorization: AccessKey". The format is observed: the provider documents only how the key is used.',
    remediation: remediation('access key', 'MessageBird (Developers > API access)'),
    // "accesskey " as the header writes it: a bare "accesskey" is on every AWS configuration line.
    keywords: ['messagebird', 'accesskey '],
    scope: 'line',
    pattern: alone('[A-Za-z0-9]{25}'),
    check: {
      anyOf: [
        { keyedBy: 'messagebird[\\w.-]*(?:key|token)' },
        { precededBy: 'AccessKey\\s' },
        { precededBy: "messagebird'\\)\\(\\s*['\"]" },
      ],
    },
    token: (fake) => `${fake.base62(23)}${fake.pick(['a', 'q'])}${fake.pick(['Z', '4'])}`,
    contexts: [
      (t) => `MESSAGEBIRD_API_KEY=${t}`,
      (t) => `curl -H "Authorization: AccessKey ${t}" https://rest.messagebird.com/balance`,
      (t) => `const messagebird = require('messagebird')('${t}');`,
    ],
    ignore: (fake) => [`MESSAGEBIRD_ORIGINATOR=${fake.base62(25)}`],
  }),
  defineRule({
    id: 'telnyx-api-key',
    title: 'Telnyx API key',
    provider: 'Telnyx',
    source: 'https://developers.telnyx.com/docs/development/cli/getting-started/authentication',
    description: 'Telnyx API v2 key ("KEY" and 55 base64url characters, random).',
    remediation: remediation('API key', 'the Telnyx portal (Auth > API Keys)'),
    keywords: ['key'],
    prefix: 'KEY',
    body: '[A-Za-z0-9_-]{55}',
    boundary: 'token',
    // "KEY" and 55 characters would also take a long constant name: the body must be random.
    check: 'random',
    token: (fake) =>
      `KEY${fake.string(BASE64URL, 53)}${fake.pick(['a', 'Q'])}${fake.pick(['7', '_'])}`,
    ignore: () => ['KEY_MANAGEMENT_SERVICE_ACCOUNT_CREDENTIALS_FOR_PRODUCTION_X'],
    contexts: [
      (t) => `TELNYX_API_KEY=${t}`,
      (t) => `telnyx.api_key = "${t}"`,
      (t) => `curl -H "Authorization: Bearer ${t}" https://api.telnyx.com/v2/balance`,
    ],
  }),
  keyedRule({
    id: 'mandrill-api-key',
    title: 'Mandrill (Mailchimp Transactional) API key',
    provider: 'Mailchimp Transactional (Mandrill)',
    source: 'https://mailchimp.com/developer/transactional/api/',
    credential: 'API key',
    revokeAt: 'Mandrill (Settings > API Keys)',
    names: ['mandrill'],
    env: 'MANDRILL_API_KEY',
    shape: base64urlKey(22),
    hosts: ['mandrillapp.com'],
    note: 'format observed',
    call: 'Mandrill\\(',
    example: (t) => `mandrill_client = mandrill.Mandrill('${t}')`,
  }),
  keyedRule({
    id: 'helpscout-api-key',
    title: 'Help Scout API key',
    provider: 'Help Scout',
    source: 'https://developer.helpscout.com/help-desk-api',
    credential: 'API key',
    revokeAt: 'Help Scout (Your Profile > Authentication > API Keys)',
    names: ['helpscout', 'help_scout'],
    env: 'HELPSCOUT_API_KEY',
    shape: hexKey(40),
    hosts: ['api.helpscout.net'],
    note: 'the legacy Mailbox API and Docs API key, sent as the Basic auth user name; format observed',
    example: (t) => `curl -u ${t}:X https://api.helpscout.net/v1/mailboxes.json`,
  }),
  keyedRule({
    id: 'intercom-access-token',
    title: 'Intercom access token',
    provider: 'Intercom',
    source: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/',
    credential: 'access token',
    revokeAt: 'the Intercom Developer Hub (your app > Configure > Authentication)',
    names: ['intercom'],
    env: 'INTERCOM_ACCESS_TOKEN',
    // Observed: base64 of "tok:", an id and ":1:0" (60 characters).
    shape: {
      body: 'dG9rO[A-Za-z0-9+/]{50,66}={0,2}',
      fake: (fake) =>
        toBase64(
          `tok:${fake.hex(8)}_${fake.hex(4)}_${fake.hex(4)}_${fake.hex(4)}_${fake.hex(12)}:1:0`,
        ),
      what: 'base64 of "tok:" and an id',
      random: false,
    },
    hosts: ['api.intercom.io'],
    note: 'format observed',
    example: (t) => `curl https://api.intercom.io/me -H 'Authorization: Bearer ${t}'`,
  }),
  keyedRule({
    id: 'line-channel-access-token',
    title: 'LINE Messaging API channel access token',
    provider: 'LINE',
    source: 'https://developers.line.biz/en/docs/basics/channel-access-token',
    credential: 'channel access token',
    revokeAt: 'the LINE Developers Console (channel > Messaging API > Channel access token)',
    // "line" alone is an English word: the names are those of the SDKs' settings.
    names: [
      'line_channel',
      'linechannel',
      'linebot',
      'line_bot',
      'line-bot',
      'line_messaging',
      'channel_access',
      'channelaccess',
    ],
    env: 'LINE_CHANNEL_ACCESS_TOKEN',
    // Settings named after LINE and a token, without "channel": the shape (about 172
    // characters of base64) keeps a `pipeline_token` from being taken for one by chance.
    keys: ['line_token', 'line_access_token'],
    // Observed: a long-lived token is about 172 characters of base64.
    shape: {
      body: '[A-Za-z0-9+/]{160,180}={0,2}',
      fake: (fake) => `${fake.base64(171)}=`,
      what: 'about 172 characters of base64',
      random: true,
    },
    hosts: ['api.line.me'],
    note: 'the long-lived token; format observed',
    example: (t) =>
      `config = {\n  channelAccessToken: '${t}',\n  channelSecret: process.env.LINE_CHANNEL_SECRET,\n};`,
  }),
  keyedRule({
    id: 'nylas-access-token',
    title: 'Nylas access token or API key',
    provider: 'Nylas',
    source:
      'https://developer.nylas.com/docs/v2/developer-guide-v2/authentication/authorizing-api-requests',
    credential: 'access token',
    revokeAt: 'the Nylas dashboard (revoke the grant or the API key)',
    names: ['nylas'],
    env: 'NYLAS_ACCESS_TOKEN',
    // Observed: v2 access tokens are 30 letters and digits (v3 API keys start "nyk_").
    shape: alnumKey(30),
    hosts: ['api.nylas.com', 'api.us.nylas.com', 'api.eu.nylas.com'],
    note: 'format observed',
    example: (t) => `curl -H 'Authorization: Bearer ${t}' https://api.nylas.com/account`,
  }),
  keyedRule({
    id: 'pushbullet-access-token',
    title: 'Pushbullet access token',
    provider: 'Pushbullet',
    source: 'https://docs.pushbullet.com/v12/',
    credential: 'access token',
    revokeAt: 'Pushbullet (Settings > Account > Access Tokens)',
    names: ['pushbullet'],
    env: 'PUSHBULLET_ACCESS_TOKEN',
    // Observed: "o." and 32 letters and digits.
    shape: {
      body: 'o\\.[A-Za-z0-9]{32}',
      fake: (fake) => `o.${fake.base62(32)}`,
      what: '"o." and 32 letters and digits',
      random: true,
    },
    hosts: ['api.pushbullet.com'],
    note: 'format observed',
    example: (t) => `curl --header 'Access-Token: ${t}' https://api.pushbullet.com/v2/users/me`,
  }),
  defineRule({
    id: 'courier-api-key',
    title: 'Courier API key',
    provider: 'Courier',
    source: 'https://courier.com/docs/reference/authorization',
    description:
      'Courier API key: "pk_" (published) or "dk_" (draft), then "prod_" or "test_" for the environment (documented), then 28 letters and digits (observed). Sent as a Bearer token, it sends notifications and reads the workspace.',
    remediation: remediation('API key', 'Courier (Settings > API Keys)'),
    keywords: ['pk_prod_', 'dk_prod_', 'pk_test_', 'dk_test_'],
    prefix: ['pk_prod_', 'dk_prod_', 'pk_test_', 'dk_test_'],
    body: '[A-Za-z0-9]{28}',
    boundary: 'alnum',
    check: 'random',
    token: (fake) =>
      `${fake.pick(['pk_prod_', 'dk_prod_', 'pk_test_', 'dk_test_'])}${fake.string(UPPER_ALNUM, 24)}${fake.digits(2)}${fake.upper(2)}`,
    contexts: [
      (t) => `COURIER_AUTH_TOKEN=${t}`,
      (t) => `curl -X POST https://api.courier.com/send -H 'Authorization: Bearer ${t}'`,
      (t) => `const courier = new CourierClient({ authorizationToken: "${t}" });`,
    ],
  }),
  keyedRule({
    id: 'tyntec-api-key',
    title: 'tyntec API key',
    provider: 'tyntec',
    source: 'https://api.tyntec.com/reference/',
    credential: 'API key',
    revokeAt: 'the tyntec Business Center (API settings)',
    names: ['tyntec'],
    env: 'TYNTEC_API_KEY',
    shape: alnumKey(32),
    hosts: ['api.tyntec.com'],
    note: 'format observed; sent in the apikey header or query parameter',
    example: (t) =>
      `curl -X POST -H "apiKey: ${t}" https://api.tyntec.com/2fa/v1/otp?number=004989202451100`,
  }),
  defineRule({
    id: 'onesignal-api-key',
    title: 'OneSignal API key',
    provider: 'OneSignal',
    source: 'https://documentation.onesignal.com/docs/keys-and-ids',
    description:
      'OneSignal app or organization API key ("os_v2_app_" or "os_v2_org_" and a long run of lower-case letters and digits; the format is observed, OneSignal documents how the key is sent: "Authorization: key …"); an app key sends messages to every subscriber, an organization key creates apps and keys.',
    remediation: remediation(
      'API key',
      'OneSignal (Settings > Keys & IDs, or Organizations > Keys & IDs)',
    ),
    keywords: ['os_v2_app_', 'os_v2_org_'],
    prefix: ['os_v2_app_', 'os_v2_org_'],
    body: '[a-z0-9]{60,200}',
    boundary: 'token',
    token: (fake) => `os_v2_${fake.pick(['app', 'org'])}_${fake.string(LOWER_ALNUM, 113)}`,
    contexts: [
      (t) => `ONESIGNAL_REST_API_KEY=${t}`,
      (t) => `curl -X POST https://api.onesignal.com/notifications -H "Authorization: key ${t}"`,
      (t) => `onesignal:\n  api_key: "${t}"`,
    ],
  }),
  keyedRule({
    id: 'groove-access-token',
    title: 'Groove API access token',
    provider: 'Groove (GrooveHQ)',
    source: 'https://www.groovehq.com/docs/oauth',
    credential: 'API access token',
    revokeAt: 'Groove (Settings > API, or the OAuth grant)',
    // "groove" is also a word: only lines that name it.
    names: ['groovehq', 'groove_hq', 'groove'],
    env: 'GROOVEHQ_ACCESS_TOKEN',
    shape: hexKey(64),
    hosts: ['api.groovehq.com'],
    lineOnly: true,
    note: 'format observed: the provider shows hex access tokens',
    impact: "It reads and answers the account's support tickets and customers.",
    example: (t) => `curl "https://api.groovehq.com/v1/tickets?access_token=${t}"`,
  }),
];
