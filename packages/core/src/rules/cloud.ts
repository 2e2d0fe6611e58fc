import { BASE64URL } from '../codec/alphabets.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';

// DigitalOcean: https://docs.digitalocean.com/reference/api/create-personal-access-token/ ("dop_v1_", "doo_v1_", "dor_v1_").
// Heroku: API keys are UUIDs (found by their key name); newer tokens start "HRKU-AA".
// Databricks: https://docs.databricks.com/en/dev-tools/auth/pat.html ("dapi" and 32 hex).
// Alibaba Cloud AccessKey ids start "LTAI". Cloudflare: https://developers.cloudflare.com/fundamentals/api/
// (API tokens 40 characters, global keys 37 hex, Origin CA keys "v1.0-"). Fastly, Vercel: by key name.
// Netlify "nfp_", Supabase "sbp_", Fly.io "fo1_", PlanetScale "pscale_tkn_" / "pscale_pw_",
// Terraform Cloud "<14>.atlasv1.<67>", Vault https://developer.hashicorp.com/vault/docs/concepts/tokens
// ("hvs.", "hvb."; a service token is "hvs." and 24 characters unless it carries more), Heroku
// https://devcenter.heroku.com/articles/platform-api-reference#authentication ("HRKU-"), Doppler https://docs.doppler.com/reference/auth-token-formats ("dp.pt.", "dp.st.", …).

const uuid = (fake: Fake) =>
  `${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`;
const b64url = (fake: Fake, n: number) => fake.string(BASE64URL, n);

export const cloudRules: Rule[] = [
  ...(
    [
      ['digitalocean-pat', 'dop_v1_', 'DigitalOcean personal access token'],
      ['digitalocean-oauth-token', 'doo_v1_', 'DigitalOcean OAuth access token'],
      ['digitalocean-refresh-token', 'dor_v1_', 'DigitalOcean OAuth refresh token'],
    ] as const
  ).map(([id, prefix, title]) =>
    defineRule({
      id,
      title,
      description: `${title} ("${prefix}" and 64 hex).`,
      remediation: remediation('token', 'the DigitalOcean control panel (API > Tokens)'),
      keywords: [prefix],
      pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}[a-f0-9]{64}(?![A-Za-z0-9])`, 'g'),
      token: (fake) => `${prefix}${fake.hex(64)}`,
    }),
  ),
  defineRule({
    id: 'heroku-api-key',
    title: 'Heroku API key',
    description: 'Heroku API key (a UUID) assigned to a Heroku setting such as HEROKU_API_KEY.',
    remediation: remediation('API key (regenerate it)', 'Heroku (Account settings > API Key)'),
    keywords: ['heroku'],
    pattern:
      /(?<![A-Za-z0-9-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9-])/,
    scope: 'line',
    check: { keyedBy: 'heroku[\\w.-]*(?:key|token|secret|pass)' },
    token: uuid,
    contexts: [
      (t) => `HEROKU_API_KEY=${t}`,
      (t) => `heroku_api_key = "${t}"`,
      (t) => `  herokuApiToken: '${t}',`,
    ],
    ignore: (fake) => [`HEROKU_APP_ID=${uuid(fake)}`, uuid(fake)],
  }),
  defineRule({
    id: 'heroku-platform-token',
    title: 'Heroku platform token',
    description:
      'Heroku platform API token in a prefixed format: "HRKU-AA" and 58 characters, or "HRKU-" and a UUID.',
    remediation: remediation('token', 'Heroku (Account settings > Applications / Authorizations)'),
    keywords: ['hrku-'],
    prefix: 'HRKU-',
    body: '(?:AA[A-Za-z0-9_-]{58}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})',
    boundary: 'token',
    token: (fake) =>
      fake.pick([true, false]) ? `HRKU-AA${b64url(fake, 58)}` : `HRKU-${uuid(fake)}`,
  }),
  defineRule({
    id: 'databricks-token',
    title: 'Databricks access token',
    description: 'Databricks personal access token ("dapi" and 32 hex).',
    remediation: remediation(
      'token',
      'the Databricks workspace (User settings > Developer > Access tokens)',
    ),
    keywords: ['dapi'],
    prefix: 'dapi',
    body: '[a-f0-9]{32}(?:-\\d)?',
    boundary: 'word',
    token: (fake) => `dapi${fake.hex(32)}`,
  }),
  defineRule({
    id: 'alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey id',
    description:
      'Alibaba Cloud AccessKey id ("LTAI" and 12 to 20 characters); its secret is usually close by.',
    remediation: remediation('AccessKey pair', 'the Alibaba Cloud RAM console'),
    severity: 'medium',
    keywords: ['ltai'],
    prefix: 'LTAI',
    body: '[A-Za-z0-9]{12,20}',
    token: (fake) => `LTAI${fake.base62(20)}`,
  }),
  defineRule({
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token',
    description:
      'Cloudflare API token (40 characters) assigned to a Cloudflare setting such as CLOUDFLARE_API_TOKEN.',
    remediation: remediation(
      'API token (roll it)',
      'the Cloudflare dashboard (My Profile > API Tokens)',
    ),
    keywords: ['cloudflare', 'cf_api'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/,
    scope: 'line',
    check: { keyedBy: '(?:cloudflare|\\bcf)[\\w.-]*(?:token|key|secret)' },
    token: (fake) => `${b64url(fake, 38)}${fake.digits(2)}`,
    contexts: [
      (t) => `CLOUDFLARE_API_TOKEN=${t}`,
      (t) => `cloudflare_api_token = "${t}"`,
      (t) => `CF_API_TOKEN: ${t}`,
    ],
  }),
  defineRule({
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare global API key',
    description:
      'Cloudflare global API key (37 hex) assigned to a Cloudflare setting: full account access.',
    remediation:
      remediation(
        'global API key (change it)',
        'the Cloudflare dashboard (My Profile > API Tokens)',
      ) + ' Prefer scoped API tokens.',
    severity: 'critical',
    keywords: ['cloudflare', 'cf_api', 'x-auth-key'],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{37}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: '(?:cloudflare|\\bcf)[\\w.-]*(?:key|token)|x-auth-key' },
    token: (fake) => fake.hex(37),
    contexts: [(t) => `CLOUDFLARE_API_KEY=${t}`, (t) => `-H "X-Auth-Key: ${t}"`],
  }),
  defineRule({
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    description: 'Cloudflare Origin CA key ("v1.0-", 24 hex, "-", 146 hex).',
    remediation: remediation('Origin CA key', 'the Cloudflare dashboard (My Profile > API Tokens)'),
    keywords: ['v1.0-'],
    prefix: 'v1.0-',
    body: '[a-f0-9]{24}-[a-f0-9]{146}',
    boundary: 'dotted',
    token: (fake) => `v1.0-${fake.hex(24)}-${fake.hex(146)}`,
  }),
  defineRule({
    id: 'fastly-api-token',
    title: 'Fastly API token',
    description:
      'Fastly API token (32 characters) assigned to a Fastly setting or the Fastly-Key header.',
    remediation: remediation('API token', 'Fastly (Account > Personal API tokens)'),
    keywords: ['fastly'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/,
    scope: 'line',
    check: { keyedBy: 'fastly[\\w.-]*(?:token|key|secret)' },
    token: (fake) => `${b64url(fake, 30)}${fake.digits(2)}`,
    contexts: [(t) => `FASTLY_API_TOKEN=${t}`, (t) => `-H "Fastly-Key: ${t}"`],
  }),
  defineRule({
    id: 'netlify-access-token',
    title: 'Netlify access token',
    description: 'Netlify personal access token ("nfp_" and 36 base62).',
    remediation: remediation('access token', 'Netlify (User settings > Applications)'),
    keywords: ['nfp_'],
    prefix: 'nfp_',
    body: '[A-Za-z0-9]{36}',
    boundary: 'word',
    token: (fake) => `nfp_${fake.base62(36)}`,
  }),
  defineRule({
    id: 'vercel-access-token',
    title: 'Vercel access token',
    description:
      'Vercel access token (24 base62) assigned to a Vercel setting such as VERCEL_TOKEN.',
    remediation: remediation('token', 'Vercel (Account settings > Tokens)'),
    keywords: ['vercel'],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{24}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: 'vercel[\\w.-]*(?:token|key|secret)' },
    token: (fake) => `${fake.base62(22)}${fake.digits(2)}`,
    contexts: [(t) => `VERCEL_TOKEN=${t}`, (t) => `vercel_token: "${t}"`],
  }),
  defineRule({
    id: 'supabase-access-token',
    title: 'Supabase access token',
    description: 'Supabase personal access token ("sbp_" and 40 hex).',
    remediation: remediation('access token', 'Supabase (Account > Access Tokens)'),
    keywords: ['sbp_'],
    prefix: 'sbp_',
    body: '[a-f0-9]{40}',
    boundary: 'word',
    token: (fake) => `sbp_${fake.hex(40)}`,
  }),
  defineRule({
    id: 'flyio-access-token',
    title: 'Fly.io access token',
    description: 'Fly.io access token ("fo1_" and 43 characters, or a "FlyV1 fm2_…" macaroon).',
    remediation: remediation('token (fly tokens revoke)', 'Fly.io'),
    keywords: ['fo1_', 'fm2_'],
    pattern:
      /(?<![A-Za-z0-9_])(?:fo1_[A-Za-z0-9_-]{43}|fm2_[A-Za-z0-9+/=_-]{100,2000})(?![A-Za-z0-9_+/=-])/,
    token: (fake) => `fo1_${b64url(fake, 43)}`,
  }),
  defineRule({
    id: 'planetscale-token',
    title: 'PlanetScale token or password',
    description:
      'PlanetScale service token, OAuth token or database password ("pscale_tkn_", "pscale_oauth_", "pscale_pw_").',
    remediation: remediation('token or password', 'PlanetScale (organisation or branch settings)'),
    keywords: ['pscale_'],
    prefix: 'pscale_',
    body: '(?:tkn|oauth|pw)_[A-Za-z0-9_.-]{32,64}',
    boundary: 'word',
    token: (fake) => `pscale_${fake.pick(['tkn', 'pw', 'oauth'])}_${b64url(fake, 43)}`,
  }),
  defineRule({
    id: 'terraform-cloud-token',
    title: 'Terraform Cloud / Enterprise API token',
    description:
      'HCP Terraform (Terraform Cloud) API token ("<14 characters>.atlasv1.<60+ characters>").',
    remediation: remediation('API token', 'HCP Terraform (User settings > Tokens)'),
    keywords: ['.atlasv1.'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
    token: (fake) => `${fake.base62(14)}.atlasv1.${b64url(fake, 67)}`,
  }),
  defineRule({
    id: 'vault-service-token',
    title: 'HashiCorp Vault service token',
    description:
      'HashiCorp Vault service token ("hvs." and 24 characters, or 90 or more where the token carries its namespace and lease data).',
    remediation:
      'Revoke the token (vault token revoke), check the audit log, and have clients authenticate with a method (AppRole, OIDC, Kubernetes) instead of a stored token.',
    keywords: ['hvs.'],
    prefix: 'hvs.',
    body: '(?:[A-Za-z0-9_-]{90,300}|[A-Za-z0-9]{24})',
    boundary: 'dotted',
    token: (fake) =>
      fake.pick([true, false]) ? `hvs.CAESI${b64url(fake, 86)}` : `hvs.${fake.base62(24)}`,
    ignore: (fake) => [`hvs.${fake.base62(30)}`],
  }),
  defineRule({
    id: 'vault-batch-token',
    title: 'HashiCorp Vault batch token',
    description: 'HashiCorp Vault batch token ("hvb.", 138 or more characters).',
    remediation:
      "Batch tokens cannot be revoked individually: revoke their parent or the auth method's leases, and stop storing tokens in the repository.",
    keywords: ['hvb.'],
    prefix: 'hvb.',
    body: '[A-Za-z0-9_-]{138,400}',
    boundary: 'dotted',
    token: (fake) => `hvb.AAAAAQ${b64url(fake, 150)}`,
  }),
  defineRule({
    id: 'doppler-token',
    title: 'Doppler token',
    description:
      'Doppler personal, service, service-account, CLI, SCIM or audit token ("dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit.").',
    remediation: remediation('token', 'the Doppler dashboard (Access)'),
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    pattern:
      /(?<![A-Za-z0-9_.-])dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/,
    token: (fake) => `dp.${fake.pick(['pt', 'st', 'sa', 'ct'])}.${fake.base62(43)}`,
  }),
  defineRule({
    id: 'linode-api-token',
    title: 'Linode (Akamai) API token',
    description: 'Linode personal access token (64 hex) assigned to a Linode setting.',
    remediation: remediation('token', 'Linode Cloud Manager (API Tokens)'),
    keywords: ['linode'],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{64}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: 'linode[\\w.-]*(?:token|key)' },
    token: (fake) => fake.hex(64),
    contexts: [(t) => `LINODE_TOKEN=${t}`, (t) => `linode_api_token = "${t}"`],
  }),
  defineRule({
    id: 'render-api-key',
    title: 'Render API key',
    description: 'Render API key ("rnd_" and 32 base62).',
    remediation: remediation('API key', 'Render (Account settings > API keys)'),
    keywords: ['rnd_'],
    prefix: 'rnd_',
    body: '[A-Za-z0-9]{32}',
    boundary: 'word',
    token: (fake) => `rnd_${fake.base62(32)}`,
  }),
];
