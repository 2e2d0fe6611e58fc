import { BASE64, BASE64URL, UPPER_ALNUM } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakeUuid } from './shapes.js';
import { alnumKey, base64urlKey, eitherKey, hexKey, keyedRule } from './keyed.js';

// Keys without a prefix are found by their key name or a host beside them: Heroku API keys
// (UUIDs), Cloudflare and Fastly tokens, Vercel, Linode, IBM Cloud (44 base64url in
// practice), Scaleway secret keys (UUIDs, beside an "SCW" access key), Vultr (36 upper-case
// alphanumerics in practice), Confluent secrets before "cflt" (2025-07-30). A Vault service
// token is "hvs." and 24 characters unless it carries more.

const uuid = fakeUuid;
const b64url = (fake: Fake, n: number) => fake.string(BASE64URL, n);
/** A Scaleway access key's 17 characters, derived from the secret so that samples stay paired. */
const fake17 = (material: string) => material.replace(/-/g, '').slice(0, 17).toUpperCase();

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
      provider: 'DigitalOcean',
      source: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
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
    provider: 'Heroku (Salesforce)',
    source: 'https://devcenter.heroku.com/articles/platform-api-reference#authentication',
    description:
      'Heroku API key (a UUID) assigned to a Heroku setting such as HEROKU_API_KEY. The format is observed: the provider documents only how the key is used.',
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
    provider: 'Heroku (Salesforce)',
    source: 'https://devcenter.heroku.com/articles/platform-api-reference#authentication',
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
    provider: 'Databricks',
    source: 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
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
    provider: 'Alibaba Cloud',
    source: 'https://www.alibabacloud.com/help/en/ram/obtain-an-accesskey-pair-1',
    description:
      'Alibaba Cloud AccessKey id ("LTAI" and 12 to 20 characters); its secret is usually close by. The format is observed: the provider documents only how the key is used.',
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
    provider: 'Cloudflare',
    source: 'https://developers.cloudflare.com/fundamentals/api/',
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
    provider: 'Cloudflare',
    source: 'https://developers.cloudflare.com/fundamentals/api/',
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
    provider: 'Cloudflare',
    source: 'https://developers.cloudflare.com/fundamentals/api/',
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
    provider: 'Fastly',
    source: 'https://www.fastly.com/documentation/reference/http/http-headers/Fastly-Key',
    description:
      'Fastly API token (32 characters) assigned to a Fastly setting or the Fastly-Key header, or written after "Fastly … token" (or API key) on its line. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API token', 'Fastly (Account > Personal API tokens)'),
    keywords: ['fastly'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/,
    scope: 'line',
    check: {
      anyOf: [
        { keyedBy: 'fastly[\\w.-]*(?:token|key|secret)' },
        // Not "key" alone: a Fastly surrogate key is a cache tag.
        { precededBy: 'fastly[^\\n]{0,24}?(?:token|api[ _-]?key|secret)\\w*[^\\w\\n]{1,6}' },
      ],
    },
    token: (fake) => `${b64url(fake, 30)}${fake.digits(2)}`,
    contexts: [
      (t) => `FASTLY_API_TOKEN=${t}`,
      (t) => `-H "Fastly-Key: ${t}"`,
      (t) => `Fastly API token: ${t}`,
    ],
    ignore: (fake) => [`Fastly surrogate key: ${b64url(fake, 30)}${fake.digits(2)}`],
  }),
  defineRule({
    id: 'netlify-access-token',
    title: 'Netlify access token',
    provider: 'Netlify',
    source: 'https://docs.netlify.com/api-and-cli-guides/api-guides/get-started-with-api',
    description:
      'Netlify personal access token ("nfp_" and 36 base62). The format is observed: the provider documents only how the key is used.',
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
    provider: 'Vercel',
    source: 'https://vercel.com/docs/accounts/access-tokens',
    description:
      'Vercel access token (24 base62) assigned to a Vercel setting such as VERCEL_TOKEN. The format is observed: the provider documents only how the key is used.',
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
    provider: 'Supabase',
    source: 'https://supabase.com/docs/guides/platform/personal-access-tokens',
    description:
      'Supabase personal access token ("sbp_" and 40 hex). The format is observed: the provider documents only how the key is used.',
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
    provider: 'Fly.io',
    source: 'https://fly.io/docs/security/tokens/',
    description:
      'Fly.io access token ("fo1_" and 43 characters, or a "FlyV1 fm2_…" macaroon). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('token (fly tokens revoke)', 'Fly.io'),
    keywords: ['fo1_', 'fm2_'],
    pattern:
      /(?<![A-Za-z0-9_])(?:fo1_[A-Za-z0-9_-]{43}|fm2_[A-Za-z0-9+/=_-]{100,2000})(?![A-Za-z0-9_+/=-])/,
    token: (fake) => `fo1_${b64url(fake, 43)}`,
  }),
  defineRule({
    id: 'planetscale-token',
    title: 'PlanetScale token or password',
    provider: 'PlanetScale',
    source: 'https://planetscale.com/docs/api/service-tokens',
    description:
      'PlanetScale service token, OAuth token or database password ("pscale_tkn_", "pscale_oauth_", "pscale_pw_"). The format is observed: the provider documents only how the key is used.',
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
    provider: 'HashiCorp (HCP Terraform)',
    source:
      'https://developer.hashicorp.com/terraform/enterprise/1.0.x/users-teams-organizations/api-tokens',
    description:
      'HCP Terraform (Terraform Cloud) API token ("<14 characters>.atlasv1.<60+ characters>"). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API token', 'HCP Terraform (User settings > Tokens)'),
    keywords: ['.atlasv1.'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
    token: (fake) => `${fake.base62(14)}.atlasv1.${b64url(fake, 67)}`,
  }),
  defineRule({
    id: 'vault-service-token',
    title: 'HashiCorp Vault service token',
    provider: 'HashiCorp Vault',
    source: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
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
    provider: 'HashiCorp Vault',
    source: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
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
    provider: 'Doppler',
    source: 'https://docs.doppler.com/reference/auth-token-formats',
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
    provider: 'Akamai (Linode)',
    source: 'https://techdocs.akamai.com/linode-api/reference/get-started',
    description:
      'Linode personal access token (64 hex) assigned to a Linode setting. The format is observed: the provider documents only how the key is used.',
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
    provider: 'Render',
    source: 'https://render.com/api',
    description:
      'Render API key ("rnd_" and 32 base62). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'Render (Account settings > API keys)'),
    keywords: ['rnd_'],
    prefix: 'rnd_',
    body: '[A-Za-z0-9]{32}',
    boundary: 'word',
    token: (fake) => `rnd_${fake.base62(32)}`,
  }),
  defineRule({
    id: 'ibm-cloud-api-key',
    title: 'IBM Cloud API key',
    provider: 'IBM Cloud',
    source: 'https://cloud.ibm.com/docs/account?topic=account-userapikey',
    description:
      'IBM Cloud user or service ID API key (44 base64url characters) assigned to an IBM Cloud setting or in service credentials beside IAM fields. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'IBM Cloud (Manage > Access (IAM) > API keys)'),
    keywords: ['ibm', 'ic_api_key', 'iam_apikey', 'bluemix'],
    wordKeywords: true,
    pattern: alone('[A-Za-z0-9_-]{44}'),
    check: [
      'random',
      {
        anyOf: [
          { keyedBy: 'ibm[\\w.-]*(?:key|token)|(?:^|[^a-z])ic_api_key' },
          {
            nearText: {
              pattern: 'iam_apikey|iam\\.cloud\\.ibm\\.com|crn:v1:bluemix',
              within: 600,
            },
          },
        ],
      },
    ],
    token: (fake) => `${b64url(fake, 42)}${fake.pick(['a', 'Q'])}${fake.pick(['4', '_'])}`,
    contexts: [
      (t) => `IBMCLOUD_API_KEY=${t}`,
      (t) =>
        `{\n  "apikey": "${t}",\n  "iam_apikey_description": "Auto-generated for key",\n  "iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:Writer"\n}`,
      (t) => `provider "ibm" {\n  ibmcloud_api_key = "${t}"\n}`,
    ],
    ignore: (fake) => [
      `{"apikey": "${b64url(fake, 44)}"}`,
      `IBMCLOUD_REGION_ID=${b64url(fake, 44)}`,
    ],
  }),
  defineRule({
    id: 'scaleway-secret-key',
    title: 'Scaleway secret key',
    provider: 'Scaleway',
    source: 'https://www.scaleway.com/en/docs/iam/concepts/#api-key',
    description:
      'Scaleway API secret key (a UUID) assigned to a secret key setting of Scaleway (SCW_SECRET_KEY, the scaleway provider, ~/.config/scw/config.yaml beside its SCW access key).',
    remediation: remediation('API key', 'the Scaleway console (IAM > API keys)'),
    keywords: ['scw', 'scaleway'],
    wordKeywords: true,
    pattern: alone(UUID),
    check: [
      { keyedBy: 'secret' },
      {
        anyOf: [
          { keyedBy: 'scw|scaleway' },
          { nearText: { pattern: 'SCW[A-Z0-9]{17}|scaleway', within: 300 } },
        ],
      },
    ],
    token: fakeUuid,
    contexts: [
      (t) => `SCW_SECRET_KEY=${t}`,
      (t) => `provider "scaleway" {\n  access_key = "SCW${fake17(t)}"\n  secret_key = "${t}"\n}`,
      (t) =>
        `access_key: SCW${fake17(t)}\nsecret_key: ${t}\ndefault_project_id: ${t.split('').reverse().join('')}`,
    ],
    ignore: (fake) => [`SCW_DEFAULT_PROJECT_ID=${fakeUuid(fake)}`, `secret_key: ${fakeUuid(fake)}`],
  }),
  defineRule({
    id: 'vultr-api-key',
    title: 'Vultr API key',
    provider: 'Vultr',
    source: 'https://docs.vultr.com/platform/other/api',
    description:
      'Vultr API key (36 upper-case letters and digits) assigned to a Vultr setting. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'Vultr (Account > API)'),
    keywords: ['vultr'],
    scope: 'line',
    pattern: alone('[A-Z0-9]{36}'),
    check: ['random', { keyedBy: 'vultr[\\w.-]*(?:key|token)' }],
    token: (fake) =>
      `${fake.string(UPPER_ALNUM, 34)}${fake.pick(['A', 'K'])}${fake.pick(['3', '7'])}`,
    contexts: [
      (t) => `VULTR_API_KEY=${t}`,
      (t) => `provider "vultr" {\n  api_key = "${t}"\n}`,
      (t) => `vultr_api_key: '${t}'`,
    ],
    ignore: (fake) => [`VULTR_INSTANCE_ID=${fake.string(UPPER_ALNUM, 36)}`],
  }),
  defineRule({
    id: 'confluent-api-secret',
    title: 'Confluent Cloud API secret',
    provider: 'Confluent',
    source:
      'https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html',
    description:
      'Confluent Cloud API secret ("cflt" and base64; secrets carry the prefix since 2025-07-30).',
    remediation: remediation('API key', 'Confluent Cloud (API keys)'),
    keywords: ['cflt'],
    prefix: 'cflt',
    body: '[A-Za-z0-9+/]{56,68}',
    boundary: 'base64',
    token: (fake) => `cflt${fake.base64(60)}`,
    contexts: [
      (t) => `CONFLUENT_CLOUD_API_SECRET=${t}`,
      (t) =>
        `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="KEYID" password="${t}";`,
    ],
  }),
  defineRule({
    id: 'confluent-legacy-api-secret',
    title: 'Confluent Cloud API secret (before 2025-07-30)',
    provider: 'Confluent',
    source:
      'https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html',
    description:
      'Confluent Cloud API secret without the "cflt" prefix (64 base64 characters) assigned to a Confluent setting or written beside a confluent.cloud bootstrap server.',
    remediation: remediation('API key', 'Confluent Cloud (API keys)'),
    keywords: ['confluent', 'ccloud', 'sasl.jaas.config', 'sasl.password'],
    pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{64}(?![A-Za-z0-9+/=])/,
    scope: 'line',
    check: [
      'random',
      {
        anyOf: [
          { keyedBy: '(?:confluent|ccloud|kafka)[\\w.-]*(?:secret|password)' },
          { nearText: { pattern: '\\.confluent\\.cloud', within: 500 } },
        ],
      },
    ],
    token: (fake) => fake.base64(64),
    contexts: [
      (t) => `CONFLUENT_CLOUD_API_SECRET=${t}`,
      (t) => `ccloud_api_secret: "${t}"`,
      (t) =>
        `bootstrap.servers=pkc-4r297.us-east-1.aws.confluent.cloud:9092\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ABCDEFGHIJKLMNOP" password="${t}";`,
    ],
    ignore: (fake) => [
      `KAFKA_TOPIC_HASH=${fake.base64(64)}`,
      `confluent_schema_id: "${fake.base64(64)}"`,
    ],
  }),
  ...(
    [
      ['mapbox-secret-token', 'sk.', 'Mapbox secret access token', 'critical'],
      ['mapbox-temporary-token', 'tk.', 'Mapbox temporary access token', 'high'],
    ] as const
  ).map(([id, prefix, title, severity]) =>
    defineRule({
      id,
      title,
      provider: 'Mapbox',
      source: 'https://docs.mapbox.com/api/accounts/tokens/#token-format',
      description: `${title} ("${prefix}", base64url JSON naming the user, ".", a signature); public tokens ("pk.") are meant to be seen.`,
      remediation: remediation('token', 'Mapbox (Account > Access tokens)'),
      severity,
      keywords: [`${prefix}eyj`],
      prefix,
      body: 'eyJ[A-Za-z0-9_-]{16,400}\\.[A-Za-z0-9_-]{16,64}',
      boundary: 'dotted',
      check: { jsonPayload: ['u'] },
      token: (fake) =>
        `${prefix}${toBase64(`{"u":"acme-${fake.digits(4)}","a":"${fake.string(BASE64URL, 20)}"}`, true).replace(/=+$/, '')}.${b64url(fake, 22)}`,
      ignore: (fake) => [
        `${prefix}eyJ${fake.string(BASE64, 40).replace(/[+/]/g, 'A')}.${b64url(fake, 22)}`,
      ],
    }),
  ),

  keyedRule({
    id: 'alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret',
    provider: 'Alibaba Cloud',
    source: 'https://www.alibabacloud.com/help/en/ram/obtain-an-accesskey-pair-1',
    credential: 'AccessKey secret',
    revokeAt: 'the Alibaba Cloud RAM console',
    names: ['alibaba', 'aliyun', 'alicloud'],
    keys: ['access_key_secret', 'accesskeysecret'],
    env: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    shape: alnumKey(30),
    credentials: 'secret',
    note: 'format observed',
    impact: 'It signs API requests as the account or RAM user.',
    severity: 'critical',
    example: (t) => `[default]\naccess_key_secret = ${t}`,
  }),
  keyedRule({
    id: 'netlify-access-token-legacy',
    title: 'Netlify access token (before nfp_)',
    provider: 'Netlify',
    source: 'https://www.netlify.com/docs/api/',
    credential: 'personal access or OAuth token',
    revokeAt: 'Netlify (User settings > Applications)',
    names: ['netlify'],
    env: 'NETLIFY_AUTH_TOKEN',
    shape: eitherKey(hexKey(64), base64urlKey(43)),
    note: 'without the "nfp_" prefix; format observed',
  }),
  defineRule({
    id: 'yandex-cloud-api-key',
    title: 'Yandex Cloud API key',
    provider: 'Yandex Cloud',
    source: 'https://yandex.cloud/en/docs/iam/concepts/authorization/api-key',
    description:
      'Yandex Cloud service-account API key ("AQVN" and 35 to 38 base64url characters; format observed): sent as "Authorization: Api-Key …", it acts as the service account until deleted.',
    remediation: remediation(
      'API key',
      'Yandex Cloud (the service account > API keys), or `yc iam api-key delete`',
    ),
    keywords: ['aqvn'],
    prefix: 'AQVN',
    body: '[A-Za-z0-9_-]{35,38}',
    boundary: 'token',
    check: 'random',
    token: (fake) => `AQVN${fake.string(BASE64URL, 34)}${fake.pick(['a', 'Z'])}${fake.digits(1)}`,
    contexts: [
      (t) => `YC_API_KEY=${t}`,
      (t) =>
        `curl -H "Authorization: Api-Key ${t}" https://llm.api.cloud.yandex.net/foundationModels/v1/completion`,
    ],
  }),
  defineRule({
    id: 'scalingo-api-token',
    title: 'Scalingo API token',
    provider: 'Scalingo',
    source: 'https://developers.scalingo.com/tokens',
    description:
      'Scalingo API token ("tk-us-" and 48 letters and digits, as in Scalingo’s API reference): it never expires and is exchanged at auth.scalingo.com for bearer tokens that control every application of the account.',
    remediation: remediation('API token', 'the Scalingo dashboard (User settings > API tokens)'),
    keywords: ['tk-us-'],
    prefix: 'tk-us-',
    body: '[A-Za-z0-9]{48}',
    boundary: 'token',
    token: (fake) => `tk-us-${fake.base62(48)}`,
    contexts: [
      (t) => `SCALINGO_API_TOKEN=${t}`,
      (t) => `scalingo login --api-token ${t}`,
      (t) => `client, err := scalingo.New(ctx, scalingo.ClientConfig{APIToken: "${t}"})`,
    ],
  }),
];
