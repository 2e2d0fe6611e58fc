import { BASE62, BASE64URL, HEX, LOWER_ALNUM } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineToken, remediation } from './define-rule.js';

// Linear: https://linear.app/developers ("lin_api_", OAuth "lin_oauth_"). Notion:
// https://developers.notion.com/docs/authorization ("secret_" and 43, or "ntn_").
// Airtable PATs: https://airtable.com/developers/web/guides/personal-access-tokens ("pat", 14, ".", 64 hex).
// Asana PATs: "1/…:32 hex" or "2/…/…:32 hex". Figma: "figd_". Atlassian API tokens "ATATT3",
// Bitbucket app passwords "ATBB". Dropbox short-lived tokens "sl.". HubSpot private apps
// "pat-na1-"/"pat-eu1-" and a UUID. Typeform "tfp_". Contentful "CFPAT-". CircleCI "CCIPAT_".
// Buildkite "bkua_".

const rotate = (what: string, where: string) => remediation(what, where);

export const productivityRules: Rule[] = [
  defineToken({
    id: 'linear-api-key',
    title: 'Linear API key',
    description: 'Linear personal API key ("lin_api_" and 40 base62).',
    remediation: rotate('API key', 'Linear (Settings > Security & access)'),
    keywords: ['lin_api_'],
    pattern: /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/g,
    token: (fake) => `lin_api_${fake.base62(40)}`,
  }),
  defineToken({
    id: 'linear-oauth-token',
    title: 'Linear OAuth token',
    description: 'Linear OAuth access token ("lin_oauth_" and 64 hex).',
    remediation: rotate('OAuth token', 'Linear (Settings > API)'),
    keywords: ['lin_oauth_'],
    pattern: /(?<![A-Za-z0-9_])lin_oauth_[a-f0-9]{64}(?![A-Za-z0-9])/g,
    token: (fake) => `lin_oauth_${fake.hex(64)}`,
  }),
  defineToken({
    id: 'notion-integration-token',
    title: 'Notion integration token',
    description: 'Notion internal integration token ("ntn_" or legacy "secret_" and 43 base62).',
    remediation: rotate(
      'integration secret (refresh it)',
      'Notion (Settings > Connections > Develop integrations)',
    ),
    keywords: ['ntn_', 'secret_'],
    pattern:
      /(?<![A-Za-z0-9_])(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9])/g,
    token: (fake) =>
      fake.pick([true, false])
        ? `secret_${fake.base62(43)}`
        : `ntn_${fake.digits(11)}${fake.base62(35)}`,
  }),
  defineToken({
    id: 'airtable-pat',
    title: 'Airtable personal access token',
    description: 'Airtable personal access token ("pat", 14 characters, ".", 64 hex).',
    remediation: rotate('token', 'Airtable (Developer hub > Personal access tokens)'),
    keywords: ['pat'],
    pattern: /(?<![A-Za-z0-9])pat[A-Za-z0-9]{14}\.[a-f0-9]{64}(?![A-Za-z0-9])/g,
    token: (fake) => `pat${fake.base62(14)}.${fake.hex(64)}`,
  }),
  defineToken({
    id: 'asana-pat',
    title: 'Asana personal access token',
    description: 'Asana personal access token ("1/…:" or "2/…/…:" and 32 hex).',
    remediation: rotate('token', 'Asana (My settings > Apps > Developer apps)'),
    keywords: ['1/', '2/'],
    pattern: /(?<![A-Za-z0-9/])[12]\/\d{13,19}(?:\/\d{13,19})?:[a-f0-9]{32}(?![A-Za-z0-9])/g,
    token: (fake) =>
      fake.pick([true, false])
        ? `1/${fake.digits(16)}:${fake.hex(32)}`
        : `2/${fake.digits(16)}/${fake.digits(16)}:${fake.hex(32)}`,
  }),
  defineToken({
    id: 'figma-pat',
    title: 'Figma personal access token',
    description: 'Figma personal access token ("figd_").',
    remediation: rotate('token', 'Figma (Settings > Security > Personal access tokens)'),
    keywords: ['figd_'],
    pattern: /(?<![A-Za-z0-9_])figd_[A-Za-z0-9_-]{40,60}(?![A-Za-z0-9_-])/g,
    token: (fake) => `figd_${fake.string(BASE64URL, 40)}`,
  }),
  defineToken({
    id: 'atlassian-api-token',
    title: 'Atlassian API token',
    description: 'Atlassian Cloud API token for Jira, Confluence or Bitbucket ("ATATT3").',
    remediation: rotate('API token', 'Atlassian account settings (Security > API tokens)'),
    keywords: ['atatt3'],
    pattern: /(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{180,200}(?![A-Za-z0-9_=-])/g,
    token: (fake) =>
      `ATATT3xFfGF0${fake.string(BASE64URL, 170)}=${fake.string(HEX, 8).toUpperCase()}`,
  }),
  defineToken({
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    description: 'Bitbucket Cloud app password ("ATBB").',
    remediation: rotate('app password', 'Bitbucket (Personal settings > App passwords)'),
    keywords: ['atbb'],
    pattern: /(?<![A-Za-z0-9_-])ATBB[A-Za-z0-9_=.-]{32,40}(?![A-Za-z0-9_=.-])/g,
    token: (fake) => `ATBB${fake.base62(24)}${fake.string(HEX, 8).toUpperCase()}`,
  }),
  defineToken({
    id: 'dropbox-access-token',
    title: 'Dropbox access token',
    description: 'Dropbox short-lived access token ("sl." or "sl.u.").',
    remediation: rotate(
      'token (disconnect the app)',
      'Dropbox (Settings > Connected apps) or the App Console',
    ),
    keywords: ['sl.'],
    pattern: /(?<![A-Za-z0-9_.-])sl\.(?:u\.)?[A-Za-z0-9_-]{130,1500}(?![A-Za-z0-9_-])/g,
    token: (fake) => `sl.${fake.string(BASE64URL, 136)}`,
  }),
  defineToken({
    id: 'hubspot-private-app-token',
    title: 'HubSpot private app token',
    description: 'HubSpot private app access token ("pat-na1-" / "pat-eu1-" and a UUID).',
    remediation: rotate(
      'access token (rotate it)',
      'HubSpot (Settings > Integrations > Private apps)',
    ),
    keywords: ['pat-na1-', 'pat-eu1-'],
    pattern:
      /(?<![A-Za-z0-9_-])pat-(?:na|eu)1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9-])/g,
    token: (fake) =>
      `pat-${fake.pick(['na1', 'eu1'])}-${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`,
  }),
  defineToken({
    id: 'typeform-pat',
    title: 'Typeform personal access token',
    description: 'Typeform personal access token ("tfp_").',
    remediation: rotate('token', 'Typeform (Account > Personal tokens)'),
    keywords: ['tfp_'],
    pattern: /(?<![A-Za-z0-9_])tfp_[A-Za-z0-9_.=-]{59}(?![A-Za-z0-9_.=-])/g,
    token: (fake) => `tfp_${fake.string(BASE64URL, 44)}_${fake.string(BASE62, 14)}`,
  }),
  defineToken({
    id: 'contentful-pat',
    title: 'Contentful personal access token',
    description: 'Contentful management API personal access token ("CFPAT-" and 43 characters).',
    remediation: rotate('token', 'Contentful (Settings > CMA tokens)'),
    keywords: ['cfpat-'],
    pattern: /(?<![A-Za-z0-9_-])CFPAT-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    token: (fake) => `CFPAT-${fake.string(BASE64URL, 43)}`,
  }),
  defineToken({
    id: 'circleci-pat',
    title: 'CircleCI personal API token',
    description: 'CircleCI personal API token ("CCIPAT_", 22 characters, "_", 40 hex).',
    remediation: rotate('token', 'CircleCI (User settings > Personal API Tokens)'),
    keywords: ['ccipat_'],
    pattern: /(?<![A-Za-z0-9_])CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}(?![A-Za-z0-9])/g,
    token: (fake) => `CCIPAT_${fake.base62(22)}_${fake.hex(40)}`,
  }),
  defineToken({
    id: 'buildkite-api-token',
    title: 'Buildkite API access token',
    description: 'Buildkite user API access token ("bkua_" and 40 hex).',
    remediation: rotate('token', 'Buildkite (Personal settings > API Access Tokens)'),
    keywords: ['bkua_'],
    pattern: /(?<![A-Za-z0-9_])bkua_[a-f0-9]{40}(?![A-Za-z0-9])/g,
    token: (fake) => `bkua_${fake.hex(40)}`,
  }),
  defineToken({
    id: 'zapier-webhook-url',
    title: 'Zapier webhook URL',
    description: 'Zapier catch hook URL: anyone holding it can trigger the Zap.',
    remediation:
      'Turn the Zap off, replace its trigger to get a new hook URL, and keep the URL in a secret store.',
    severity: 'medium',
    keywords: ['hooks.zapier.com'],
    pattern: /https:\/\/hooks\.zapier\.com\/hooks\/catch\/\d{5,12}\/[a-z0-9]{6,8}\/?/g,
    token: (fake) =>
      `https://hooks.zapier.com/hooks/catch/${fake.digits(8)}/${fake.string(LOWER_ALNUM, 7)}/`,
    contexts: [(t) => t, (t) => `ZAPIER_HOOK="${t}"`],
  }),
];
