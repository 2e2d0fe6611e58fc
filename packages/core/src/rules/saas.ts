import { BASE64, BASE64URL } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { base64urlKey, hexKey, keyedRule, upperAlnumKey } from './keyed.js';

// Business and productivity SaaS APIs (tasks, boards, events, media, pastes): keys without a
// prefix of their own, found where the provider names them (see keyed.ts), and prefixed tokens.

export const saasRules: Rule[] = [
  keyedRule({
    id: 'todoist-api-token',
    title: 'Todoist API token',
    provider: 'Todoist',
    source: 'https://doist.github.io/todoist-api-typescript/authorization',
    credential: 'API token',
    revokeAt: 'Todoist (Settings > Integrations > Developer)',
    names: ['todoist'],
    env: 'TODOIST_API_TOKEN',
    shape: hexKey(40),
    note: 'format observed',
    call: 'TodoistApi\\(',
    example: (t) => `const api = new TodoistApi('${t}');`,
  }),
  keyedRule({
    id: 'trello-token',
    title: 'Trello user token',
    provider: 'Trello',
    source: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/',
    credential: 'user token',
    revokeAt: "Trello (Account > Applications), or the Power-Up's API key page",
    // The API key (32 hex) is public by design; the token grants the user's access.
    names: ['trello'],
    env: 'TRELLO_TOKEN',
    shape: hexKey(64),
    hosts: ['api.trello.com'],
    note: 'format observed; the 32-hex API key beside it is public by design',
    example: (t) => `https://api.trello.com/1/members/me/boards?token=${t}`,
  }),
  keyedRule({
    id: 'pastebin-api-key',
    title: 'Pastebin developer API key',
    provider: 'Pastebin',
    source: 'https://pastebin.com/doc_api',
    credential: 'developer API key',
    revokeAt: 'Pastebin (the API documentation page shows the key; contact Pastebin to reset it)',
    names: ['pastebin', 'api_dev'],
    env: 'PASTEBIN_API_KEY',
    shape: base64urlKey(32),
    note: 'format observed',
    severity: 'medium',
    example: (t) =>
      `curl -X POST -d "api_dev_key=${t}" -d "api_option=paste" https://pastebin.com/api/api_post.php`,
  }),
  keyedRule({
    id: 'eventbrite-private-token',
    title: 'Eventbrite private token',
    provider: 'Eventbrite',
    source: 'https://www.eventbrite.com/platform/api',
    credential: 'private token',
    revokeAt: 'Eventbrite (Account settings > Developer links > API keys)',
    names: ['eventbrite'],
    env: 'EVENTBRITE_PRIVATE_TOKEN',
    shape: upperAlnumKey(20),
    hosts: ['eventbriteapi.com'],
    note: 'format observed',
    example: (t) =>
      `curl -H "Authorization: Bearer ${t}" https://www.eventbriteapi.com/v3/users/me/`,
  }),
  keyedRule({
    id: 'unsplash-access-key',
    title: 'Unsplash access key',
    provider: 'Unsplash',
    source: 'https://unsplash.com/documentation',
    credential: 'access key',
    revokeAt: 'Unsplash (Your apps > Keys)',
    names: ['unsplash'],
    env: 'UNSPLASH_ACCESS_KEY',
    shape: base64urlKey(43),
    hosts: ['api.unsplash.com'],
    note: 'format observed; the secret key beside it has the same shape',
    severity: 'medium',
    example: (t) => `headers: { Authorization: 'Client-ID ${t}' }, // api.unsplash.com`,
  }),
  defineRule({
    id: 'frameio-developer-token',
    title: 'Frame.io developer token',
    provider: 'Frame.io',
    source: 'https://developer.frame.io/docs/getting-started/authentication',
    description:
      'Frame.io developer token ("fio-u-" and 64 base64url characters; observed): a persistent bearer token with the access of the user who made it.',
    remediation: remediation('developer token', 'the Frame.io developer portal (Tokens)'),
    keywords: ['fio-u-'],
    prefix: 'fio-u-',
    body: '[A-Za-z0-9_=-]{64}',
    boundary: 'token',
    token: (fake) => `fio-u-${fake.string(BASE64URL, 64)}`,
    contexts: [
      (t) => `FRAMEIO_TOKEN=${t}`,
      (t) => `curl -H "Authorization: Bearer ${t}" https://api.frame.io/v2/me`,
    ],
  }),
  defineRule({
    id: 'teamwork-api-token',
    title: 'Teamwork.com API token',
    provider: 'Teamwork.com',
    source:
      'https://apidocs.teamwork.com/guides/teamwork/getting-started-with-the-teamwork-com-api',
    description:
      'Teamwork.com API token ("tkn.v1_" and base64; observed), for Teamwork Projects, Desk, CRM and Spaces.',
    remediation: remediation('API token', 'Teamwork.com (Edit my details > API & Mobile)'),
    keywords: ['tkn.v1_'],
    prefix: 'tkn.v1_',
    body: '[A-Za-z0-9+/]{60,120}={0,2}',
    boundary: 'base64',
    token: (fake) => `tkn.v1_${fake.string(BASE64, 71)}=`,
    contexts: [
      (t) => `TEAMWORK_API_KEY=${t}`,
      (t) => `teamwork:\n  token: "${t}"`,
      (t) => `curl -u "${t}:x" https://example.teamwork.com/projects.json`,
    ],
  }),
  defineRule({
    id: 'adobe-client-secret',
    title: 'Adobe OAuth client secret',
    provider: 'Adobe',
    source:
      'https://developer.adobe.com/firefly-services/docs/firefly-api/getting-started/dev-console',
    description:
      'Adobe Developer Console OAuth client secret ("p8e-" and 32 characters; observed in Adobe\'s examples): with the client id it issues server-to-server access tokens.',
    remediation: remediation(
      'client secret (rotate it: add a new secret, then delete the old one)',
      'the Adobe Developer Console (project > Credentials)',
    ),
    keywords: ['p8e-'],
    prefix: 'p8e-',
    body: '[A-Za-z0-9_-]{32}',
    boundary: 'token',
    check: 'random',
    token: (fake) =>
      `p8e-${fake.string(BASE64URL, 30)}${fake.pick(['a', 'K'])}${fake.pick(['3', '-'])}`,
    contexts: [
      (t) => `ADOBE_CLIENT_SECRET=${t}`,
      (t) => `OAUTHS2S_CLIENT_SECRET=${t}`,
      (t) => `{"client_credentials": {"client_secret": "${t}"}}`,
    ],
  }),
];
