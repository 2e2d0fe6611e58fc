import { BASE62, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakeUuid } from './shapes.js';
import { alnumKey, eitherKey, hexKey, keyedRule, uuidKey } from './keyed.js';

const rotate = (what: string, where: string) => remediation(what, where);

export const productivityRules: Rule[] = [
  defineRule({
    id: 'linear-api-key',
    title: 'Linear API key',
    provider: 'Linear',
    source: 'https://linear.app/developers',
    description: 'Linear personal API key ("lin_api_" and 40 base62).',
    remediation: rotate('API key', 'Linear (Settings > Security & access)'),
    keywords: ['lin_api_'],
    prefix: 'lin_api_',
    body: '[A-Za-z0-9]{40}',
    boundary: 'word',
    token: (fake) => `lin_api_${fake.base62(40)}`,
  }),
  defineRule({
    id: 'linear-oauth-token',
    title: 'Linear OAuth token',
    provider: 'Linear',
    source: 'https://linear.app/developers',
    description: 'Linear OAuth access token ("lin_oauth_" and 64 hex).',
    remediation: rotate('OAuth token', 'Linear (Settings > API)'),
    keywords: ['lin_oauth_'],
    prefix: 'lin_oauth_',
    body: '[a-f0-9]{64}',
    boundary: 'word',
    token: (fake) => `lin_oauth_${fake.hex(64)}`,
  }),
  defineRule({
    id: 'notion-integration-token',
    title: 'Notion integration token',
    provider: 'Notion',
    source: 'https://developers.notion.com/docs/authorization',
    description: 'Notion internal integration token ("ntn_" or legacy "secret_" and 43 base62).',
    remediation: rotate(
      'integration secret (refresh it)',
      'Notion (Settings > Connections > Develop integrations)',
    ),
    keywords: ['ntn_', 'secret_'],
    pattern:
      /(?<![A-Za-z0-9_])(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9])/,
    token: (fake) =>
      fake.pick([true, false])
        ? `secret_${fake.base62(43)}`
        : `ntn_${fake.digits(11)}${fake.base62(35)}`,
  }),
  defineRule({
    id: 'airtable-pat',
    title: 'Airtable personal access token',
    provider: 'Airtable',
    source: 'https://airtable.com/developers/web/guides/personal-access-tokens',
    description: 'Airtable personal access token ("pat", 14 characters, ".", 64 hex).',
    remediation: rotate('token', 'Airtable (Developer hub > Personal access tokens)'),
    keywords: ['pat'],
    prefix: 'pat',
    body: '[A-Za-z0-9]{14}\\.[a-f0-9]{64}',
    token: (fake) => `pat${fake.base62(14)}.${fake.hex(64)}`,
  }),
  defineRule({
    id: 'asana-pat',
    title: 'Asana personal access token',
    provider: 'Asana',
    source: 'https://developers.asana.com/docs/personal-access-token',
    description: 'Asana personal access token ("1/…:" or "2/…/…:" and 32 hex).',
    remediation: rotate('token', 'Asana (My settings > Apps > Developer apps)'),
    keywords: ['1/', '2/'],
    pattern: /(?<![A-Za-z0-9/])[12]\/\d{13,19}(?:\/\d{13,19})?:[a-f0-9]{32}(?![A-Za-z0-9])/,
    token: (fake) =>
      fake.pick([true, false])
        ? `1/${fake.digits(16)}:${fake.hex(32)}`
        : `2/${fake.digits(16)}/${fake.digits(16)}:${fake.hex(32)}`,
  }),
  defineRule({
    id: 'figma-pat',
    title: 'Figma personal access token',
    provider: 'Figma',
    source: 'https://developers.figma.com/docs/rest-api/personal-access-tokens/',
    description:
      'Figma personal access token ("figd_"). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('token', 'Figma (Settings > Security > Personal access tokens)'),
    keywords: ['figd_'],
    prefix: 'figd_',
    body: '[A-Za-z0-9_-]{40,60}',
    boundary: 'word',
    token: (fake) => `figd_${fake.string(BASE64URL, 40)}`,
  }),
  defineRule({
    id: 'atlassian-api-token',
    title: 'Atlassian API token',
    provider: 'Atlassian',
    source:
      'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    description: 'Atlassian Cloud API token for Jira, Confluence or Bitbucket ("ATATT3").',
    remediation: rotate('API token', 'Atlassian account settings (Security > API tokens)'),
    keywords: ['atatt3'],
    prefix: 'ATATT3',
    body: '[A-Za-z0-9_=-]{180,200}',
    boundary: 'token',
    token: (fake) =>
      `ATATT3xFfGF0${fake.string(BASE64URL, 170)}=${fake.string(HEX, 8).toUpperCase()}`,
  }),
  defineRule({
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    provider: 'Atlassian (Bitbucket)',
    source: 'https://support.atlassian.com/bitbucket-cloud/docs/using-app-passwords/',
    description:
      'Bitbucket Cloud app password ("ATBB"). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('app password', 'Bitbucket (Personal settings > App passwords)'),
    keywords: ['atbb'],
    prefix: 'ATBB',
    body: '[A-Za-z0-9_=.-]{32,40}',
    boundary: 'token',
    token: (fake) => `ATBB${fake.base62(24)}${fake.string(HEX, 8).toUpperCase()}`,
  }),
  defineRule({
    id: 'dropbox-access-token',
    title: 'Dropbox access token',
    provider: 'Dropbox',
    source: 'https://www.dropbox.com/developers/documentation/http/documentation',
    description:
      'Dropbox short-lived access token ("sl." or "sl.u."). The format is observed: the provider documents only how the key is used.',
    remediation: rotate(
      'token (disconnect the app)',
      'Dropbox (Settings > Connected apps) or the App Console',
    ),
    keywords: ['sl.'],
    prefix: 'sl.',
    body: '(?:u\\.)?[A-Za-z0-9_-]{130,1500}',
    boundary: 'dotted',
    token: (fake) => `sl.${fake.string(BASE64URL, 136)}`,
  }),
  defineRule({
    id: 'hubspot-private-app-token',
    title: 'HubSpot private app token',
    provider: 'HubSpot',
    source: 'https://developers.hubspot.com/docs/api/private-apps',
    description:
      'HubSpot private app access token ("pat-na1-" / "pat-eu1-" and a UUID). The format is observed: the provider documents only how the key is used.',
    remediation: rotate(
      'access token (rotate it)',
      'HubSpot (Settings > Integrations > Private apps)',
    ),
    keywords: ['pat-na1-', 'pat-eu1-'],
    pattern:
      /(?<![A-Za-z0-9_-])pat-(?:na|eu)1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9-])/,
    token: (fake) =>
      `pat-${fake.pick(['na1', 'eu1'])}-${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`,
  }),
  defineRule({
    id: 'typeform-pat',
    title: 'Typeform personal access token',
    provider: 'Typeform',
    source: 'https://www.typeform.com/developers/get-started/',
    description:
      'Typeform personal access token ("tfp_"). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('token', 'Typeform (Account > Personal tokens)'),
    keywords: ['tfp_'],
    prefix: 'tfp_',
    body: '[A-Za-z0-9_.=-]{59}',
    boundary: 'word',
    token: (fake) => `tfp_${fake.string(BASE64URL, 44)}_${fake.string(BASE62, 14)}`,
  }),
  defineRule({
    id: 'contentful-pat',
    title: 'Contentful personal access token',
    provider: 'Contentful',
    source: 'https://contentful.com/help/token-management/personal-access-tokens',
    description:
      'Contentful management API personal access token ("CFPAT-" and 43 characters). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('token', 'Contentful (Settings > CMA tokens)'),
    keywords: ['cfpat-'],
    prefix: 'CFPAT-',
    body: '[A-Za-z0-9_-]{43}',
    boundary: 'token',
    token: (fake) => `CFPAT-${fake.string(BASE64URL, 43)}`,
  }),
  defineRule({
    id: 'circleci-pat',
    title: 'CircleCI personal API token',
    provider: 'CircleCI',
    source: 'https://circleci.com/docs/managing-api-tokens/',
    description:
      'CircleCI personal API token ("CCIPAT_", 22 characters, "_", 40 hex). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('token', 'CircleCI (User settings > Personal API Tokens)'),
    keywords: ['ccipat_'],
    prefix: 'CCIPAT_',
    body: '[A-Za-z0-9]{22}_[a-f0-9]{40}',
    boundary: 'word',
    token: (fake) => `CCIPAT_${fake.base62(22)}_${fake.hex(40)}`,
  }),
  defineRule({
    id: 'buildkite-api-token',
    title: 'Buildkite API access token',
    provider: 'Buildkite',
    source: 'https://buildkite.com/docs/apis/managing-api-tokens',
    description:
      'Buildkite user API access token ("bkua_" and 40 hex). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('token', 'Buildkite (Personal settings > API Access Tokens)'),
    keywords: ['bkua_'],
    prefix: 'bkua_',
    body: '[a-f0-9]{40}',
    boundary: 'word',
    token: (fake) => `bkua_${fake.hex(40)}`,
  }),
  defineRule({
    id: 'zapier-webhook-url',
    title: 'Zapier webhook URL',
    provider: 'Zapier',
    source: 'https://zapier.com/help/doc/how-get-started-webhooks-zapier',
    description:
      'Zapier catch hook URL: anyone holding it can trigger the Zap. The format is observed: the provider documents only how the key is used.',
    remediation:
      'Turn the Zap off, replace its trigger to get a new hook URL, and keep the URL in a secret store.',
    severity: 'medium',
    keywords: ['hooks.zapier.com'],
    pattern: /https:\/\/hooks\.zapier\.com\/hooks\/catch\/\d{5,12}\/[a-z0-9]{6,8}\/?/,
    token: (fake) =>
      `https://hooks.zapier.com/hooks/catch/${fake.digits(8)}/${fake.string(LOWER_ALNUM, 7)}/`,
    contexts: [(t) => t, (t) => `ZAPIER_HOOK="${t}"`],
  }),
  defineRule({
    id: 'salesforce-access-token',
    title: 'Salesforce access token',
    provider: 'Salesforce',
    source:
      'https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_existing_access_token.htm',
    description:
      'Salesforce access token (session id): the 15-character organization id ("00D…"), "!", and the opaque session part.',
    remediation:
      'Revoke the session (Setup > Session Management, or the OAuth revoke endpoint), and have clients obtain tokens through a connected app flow instead of storing one.',
    keywords: ['00d'],
    prefix: '00D',
    body: '[A-Za-z0-9]{12}![A-Za-z0-9._]{80,200}',
    boundary: 'word',
    token: (fake) => `00D${fake.base62(12)}!AQ${fake.string(`${BASE62}._`, 94)}`,
    contexts: [
      (t) => `SF_ACCESS_TOKEN='${t}'`,
      (t) =>
        `curl https://acme.my.salesforce.com/services/data/v60.0/ -H "Authorization: Bearer ${t}"`,
      (t) => `{"access_token": "${t}", "instance_url": "https://acme.my.salesforce.com"}`,
    ],
  }),
  defineRule({
    id: 'atlassian-legacy-api-token',
    title: 'Atlassian API token (24 characters)',
    provider: 'Atlassian',
    source:
      'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    description:
      'Atlassian API token in the older 24-character form (before "ATATT3") assigned to a Jira, Confluence or Atlassian token setting.',
    remediation: rotate('API token', 'Atlassian account settings (Security > API tokens)'),
    keywords: ['atlassian', 'jira', 'confluence'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9]{24}(?![A-Za-z0-9_-])/,
    check: [
      'random',
      'mixed-case',
      {
        keyedBy:
          '(?:atlassian|jira|confluence)(?:[\\w.-]*(?:token|api[_.-]?key|pass|secret)|[_.-]?key$)',
      },
    ],
    token: (fake) => `${fake.base62(22)}${fake.pick(['aQ', 'Kx'])}`,
    contexts: [
      (t) => `JIRA_API_TOKEN=${t}`,
      (t) => `confluence:\n  api_token: "${t}"`,
      (t) => `atlassian_password = '${t}'`,
      (t) => `Atlassian_key = "${t}"`,
    ],
    ignore: (fake) => [`JIRA_PROJECT_KEY=${fake.base62(24)}`],
  }),
  defineRule({
    id: 'figma-legacy-pat',
    title: 'Figma personal access token (before figd_)',
    provider: 'Figma',
    source: 'https://www.figma.com/developers/api#access-tokens',
    description:
      'Figma personal access token in the older form (the user id, "-" and a UUID) assigned to a Figma setting or sent as X-Figma-Token. The format is observed: the provider documents only how the key is used.',
    remediation: rotate('token', 'Figma (Settings > Security > Personal access tokens)'),
    keywords: ['figma'],
    pattern: alone(`\\d{3,8}-${UUID}`),
    scope: 'line',
    check: {
      anyOf: [{ keyedBy: 'figma[\\w.-]*(?:token|key|pat)' }, { precededBy: 'x-figma-token:\\s*' }],
    },
    token: (fake) => `${fake.digits(6)}-${fakeUuid(fake)}`,
    contexts: [
      (t) => `FIGMA_TOKEN=${t}`,
      (t) => `curl -H "X-Figma-Token: ${t}" https://api.figma.com/v1/me`,
    ],
    ignore: (fake) => [`FIGMA_FILE_ID=${fake.digits(6)}-${fakeUuid(fake)}`],
  }),
  defineRule({
    id: 'asana-legacy-pat',
    title: 'Asana personal access token ("0/")',
    provider: 'Asana',
    source: 'https://developers.asana.com/docs/personal-access-token',
    description:
      'Asana personal access token in the oldest form ("0/" and 32 hex) assigned to an Asana setting: Asana asks to treat tokens as opaque, so this form is found by its name.',
    remediation: rotate('token', 'Asana (My settings > Apps > Developer apps)'),
    keywords: ['asana'],
    pattern: /(?<![A-Za-z0-9/])0\/[a-f0-9]{32}(?![A-Za-z0-9])/,
    check: { anyOf: [{ keyedBy: 'asana' }, { nearText: { pattern: 'asana', within: 40 } }] },
    token: (fake) => `0/${fake.hex(32)}`,
    contexts: [
      (t) => `ASANA_ACCESS_TOKEN=${t}`,
      (t) => `asana:\n  token: "${t}"`,
      (t) => `client = asana.Client.access_token('${t}')`,
    ],
    ignore: (fake) => [`path = "0/${fake.hex(32)}"`],
  }),
  defineRule({
    id: 'zoho-oauth-token',
    title: 'Zoho OAuth access or refresh token',
    provider: 'Zoho',
    source: 'https://zoho.com/accounts/protocol/oauth/web-apps/access-token-expiry.html',
    description:
      'Zoho OAuth access or refresh token ("1000." and two runs of 32 hex joined by a dot, as in Zoho Accounts\' own examples), sent as "Authorization: Zoho-oauthtoken …"; a refresh token mints access tokens for its scopes (CRM, Books, Desk…) until it is revoked. The client id ("1000." and upper-case letters) is not a secret.',
    remediation: rotate(
      'refresh token (revoke it)',
      'Zoho Accounts (the API console, or oauth/v2/token/revoke)',
    ),
    keywords: ['1000.'],
    prefix: '1000.',
    body: '[a-f0-9]{32}\\.[a-f0-9]{32}',
    boundary: 'dotted',
    token: (fake) => `1000.${fake.string(HEX, 32)}.${fake.string(HEX, 32)}`,
    contexts: [
      (t) => `ZOHO_REFRESH_TOKEN=${t}`,
      (t) => `curl https://www.zohoapis.com/crm/v6/Leads -H "Authorization: Zoho-oauthtoken ${t}"`,
      (t) => `{"access_token": "${t}", "api_domain": "https://www.zohoapis.com"}`,
    ],
    ignore: (fake) => [`ZOHO_CLIENT_ID=1000.${fake.string(UPPER_ALNUM, 30)}`],
  }),
  keyedRule({
    id: 'smartsheet-access-token',
    title: 'Smartsheet API access token',
    provider: 'Smartsheet',
    source: 'https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication.md',
    credential: 'API access token',
    revokeAt: 'Smartsheet (Personal Settings > API Access)',
    names: ['smartsheet'],
    env: 'SMARTSHEET_ACCESS_TOKEN',
    shape: eitherKey(alnumKey(37), alnumKey(26)),
    hosts: ['api.smartsheet.com', 'api.smartsheet.eu', 'api.smartsheetgov.com'],
    note: 'the documentation’s example token has 37; older tokens are observed with 26',
    impact: 'It reads and changes every sheet and workspace its user can reach.',
    example: (t) => `curl https://api.smartsheet.com/2.0/sheets -H "Authorization: Bearer ${t}"`,
  }),
  keyedRule({
    id: 'toggl-api-token',
    title: 'Toggl Track API token',
    provider: 'Toggl',
    source: 'https://engineering.toggl.com/docs/webhooks_start/authentication/',
    credential: 'API token',
    revokeAt: 'Toggl Track (Profile settings > API Token > reset)',
    names: ['toggl'],
    env: 'TOGGL_API_TOKEN',
    shape: hexKey(32),
    hosts: ['api.track.toggl.com', 'toggl.com/api', 'toggl.com/reports/api'],
    note: 'the format is observed; the token is the user name of HTTP Basic authentication, "api_token" its password',
    severity: 'medium',
    example: (t) => `curl -u ${t}:api_token https://api.track.toggl.com/api/v9/me`,
  }),
  keyedRule({
    id: 'shortcut-api-token',
    title: 'Shortcut API token',
    provider: 'Shortcut',
    source: 'https://help.shortcut.com/hc/en-us/articles/205701199-Shortcut-API-Tokens',
    credential: 'API token',
    revokeAt: 'Shortcut (Settings > Your Account > API Tokens)',
    // "Shortcut" is a word of ordinary pages (keyboard shortcuts): only on lines that name it.
    names: ['shortcut', 'clubhouse'],
    lineOnly: true,
    env: 'SHORTCUT_API_TOKEN',
    shape: uuidKey,
    hosts: ['api.app.shortcut.com', 'api.clubhouse.io'],
    keys: ['shortcut-token', 'clubhouse-token'],
    call: 'ShortcutClient\\(',
    note: 'the format is observed',
    impact: 'It has complete access to its user’s Shortcut workspace.',
    example: (t) => `const shortcut = new ShortcutClient('${t}');`,
  }),
];
