import { BASE62, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import { grafanaChecksum } from './checks.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { alnumKey, hexKey, keyedRule, uuidKey } from './keyed.js';
import { UUID, alone, fakeUuid, keyedKey } from './shapes.js';

// Grafana: service account tokens "glsa_<32>_<8 hex>" whose suffix is the little-endian hex
// CRC-32 of "glsa_<32>" (grafana/grafana pkg/components/satokengen); Cloud tokens "glc_" and
// legacy API keys "eyJrIjoi" are base64 JSON.
// Datadog's 32-hex API keys and 40-hex application keys are found by their key name.

function grafanaServiceAccountToken(fake: Fake): string {
  const body = `glsa_${fake.base62(32)}`;
  return `${body}_${grafanaChecksum(body)}`;
}

function grafanaCloudToken(fake: Fake): string {
  const json = `{"o":"${fake.digits(6)}","n":"stack-${fake.digits(6)}-hm-read","k":"${fake.base62(24)}","m":{"r":"us"}}`;
  return `glc_${toBase64(json)}`;
}

function sentryOrgToken(fake: Fake): string {
  const json = `{"iat":1${fake.digits(9)}.0,"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"acme-${fake.digits(3)}"}`;
  return `sntrys_${toBase64(json).replace(/=+$/, '')}_${fake.string(BASE62, 43)}`;
}

export const observabilityRules: Rule[] = [
  defineRule({
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    provider: 'Grafana Labs',
    source:
      'https://grafana.com/docs/grafana/latest/administration/service-accounts/#service-account-tokens',
    description:
      'Grafana service account token ("glsa_") with a valid CRC-32 checksum. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('token', 'Grafana (Administration > Service accounts)'),
    keywords: ['glsa_'],
    prefix: 'glsa_',
    body: '[A-Za-z0-9]{32}_[a-fA-F0-9]{8}',
    boundary: 'word',
    check: 'grafana-crc32',
    token: grafanaServiceAccountToken,
    ignore: (fake) => [`glsa_${fake.base62(32)}_${fake.hex(8)}`],
  }),
  defineRule({
    id: 'grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    provider: 'Grafana Labs',
    source:
      'https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies',
    description:
      'Grafana Cloud token ("glc_" and base64 JSON naming the organisation and key). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('token', 'Grafana Cloud (Access policies)'),
    keywords: ['glc_'],
    prefix: 'glc_',
    body: '[A-Za-z0-9+/]{32,400}={0,2}',
    boundary: 'word',
    check: { jsonPayload: ['k'] },
    token: grafanaCloudToken,
    ignore: (fake) => [`glc_${fake.base62(64)}`],
  }),
  defineRule({
    id: 'grafana-api-key',
    title: 'Grafana API key (legacy)',
    provider: 'Grafana Labs',
    source:
      'https://grafana.com/docs/grafana/latest/administration/service-accounts/#service-account-tokens',
    description:
      'Legacy Grafana API key: base64 JSON starting {"k":…} ("eyJrIjoi"). The format is observed: the provider documents only how the key is used.',
    remediation: remediation(
      'API key (migrate to a service account)',
      'Grafana (Administration > API keys)',
    ),
    keywords: ['eyjrijoi'],
    prefix: 'eyJrIjoi',
    body: '[A-Za-z0-9+/]{60,400}={0,2}',
    boundary: 'base64',
    check: { jsonPayload: ['k'] },
    token: (fake) => toBase64(`{"k":"${fake.base62(32)}","n":"deploy","id":${fake.digits(1)}}`),
  }),
  defineRule({
    id: 'new-relic-user-api-key',
    title: 'New Relic user API key',
    provider: 'New Relic',
    source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    description: 'New Relic user API key ("NRAK-" and 27 characters).',
    remediation: remediation('user key', 'New Relic (API keys)'),
    keywords: ['nrak-'],
    prefix: 'NRAK-',
    body: '[A-Z0-9]{27}',
    boundary: 'token',
    token: (fake) => `NRAK-${fake.string(UPPER_ALNUM, 27)}`,
  }),
  defineRule({
    id: 'new-relic-insert-key',
    title: 'New Relic insights insert key',
    provider: 'New Relic',
    source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    description: 'New Relic Insights insert/query key ("NRII-" / "NRIQ-").',
    remediation: remediation('insert key', 'New Relic (API keys)'),
    keywords: ['nrii-', 'nriq-'],
    prefix: 'NRI',
    body: '[IQ]-[A-Za-z0-9_-]{32}',
    boundary: 'token',
    token: (fake) => `NRII-${fake.string(BASE64URL, 32)}`,
  }),
  defineRule({
    id: 'new-relic-browser-key',
    title: 'New Relic browser API key',
    provider: 'New Relic',
    source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    description: 'New Relic browser API token ("NRJS-" and 19 hex).',
    remediation: remediation('browser key', 'New Relic (API keys)'),
    severity: 'low',
    keywords: ['nrjs-'],
    prefix: 'NRJS-',
    body: '[a-f0-9]{19}',
    boundary: 'token',
    token: (fake) => `NRJS-${fake.hex(19)}`,
  }),
  defineRule({
    id: 'new-relic-license-key',
    title: 'New Relic ingest license key',
    provider: 'New Relic',
    source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    description: 'New Relic ingest license key (40 characters ending "NRAL").',
    remediation: remediation('license key', 'New Relic (API keys)'),
    keywords: ['nral'],
    pattern: /(?<![A-Za-z0-9])[a-z0-9]{36}NRAL(?![A-Za-z0-9])/,
    scope: 'line',
    token: (fake) => `${fake.pick(['eu01xx', fake.hex(6)])}${fake.hex(30)}NRAL`,
  }),
  defineRule({
    id: 'datadog-api-key',
    title: 'Datadog API key',
    provider: 'Datadog',
    source: 'https://docs.datadoghq.com/account_management/api-app-keys/',
    description:
      'Datadog API key (32 hex) assigned to DD_API_KEY, datadog_api_key or the DD-API-KEY header.',
    remediation: remediation('API key', 'Datadog (Organization settings > API keys)'),
    keywords: ['datadog', 'dd_api_key', 'dd-api-key', 'ddapikey', 'dd_apikey'],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: '(?:datadog|\\bdd)[\\w.-]*api[\\w.-]*key|datadog[\\w.-]*key' },
    token: (fake) => fake.hex(32),
    contexts: [
      (t) => `DD_API_KEY=${t}`,
      (t) => `datadog_api_key: "${t}"`,
      (t) => `-H "DD-API-KEY: ${t}"`,
    ],
    ignore: (fake) => [`etag: "${fake.hex(32)}" # datadog`],
  }),
  defineRule({
    id: 'datadog-app-key',
    title: 'Datadog application key',
    provider: 'Datadog',
    source: 'https://docs.datadoghq.com/account_management/api-app-keys/',
    description:
      'Datadog application key (40 hex) assigned to DD_APP_KEY, datadog_app_key or the DD-APPLICATION-KEY header.',
    remediation: remediation(
      'application key',
      'Datadog (Organization settings > Application keys)',
    ),
    keywords: ['datadog', 'dd_app', 'dd-application-key', 'ddappkey'],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{40}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: '(?:datadog|\\bdd)[\\w.-]*app(?:lication)?[\\w.-]*key' },
    token: (fake) => fake.hex(40),
    contexts: [
      (t) => `DD_APP_KEY=${t}`,
      (t) => `datadog_app_key = "${t}"`,
      (t) => `-H "DD-APPLICATION-KEY: ${t}"`,
    ],
    ignore: (fake) => [`datadog_commit: ${fake.hex(40)}`],
  }),
  defineRule({
    id: 'sentry-org-token',
    title: 'Sentry organization auth token',
    provider: 'Sentry',
    source: 'https://docs.sentry.io/account/auth-tokens/',
    description:
      'Sentry organization auth token ("sntrys_" and base64 JSON naming the organisation).',
    remediation: remediation('auth token', 'Sentry (Settings > Auth Tokens)'),
    keywords: ['sntrys_'],
    pattern: /(?<![A-Za-z0-9_])sntrys_eyJ[A-Za-z0-9+/=]{30,400}_[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/])/,
    check: { jsonPayload: ['iat'] },
    token: sentryOrgToken,
  }),
  defineRule({
    id: 'sentry-user-token',
    title: 'Sentry user auth token',
    provider: 'Sentry',
    source: 'https://docs.sentry.io/account/auth-tokens/',
    description: 'Sentry user auth token ("sntryu_" and 64 hex).',
    remediation: remediation('auth token', 'Sentry (User settings > Personal tokens)'),
    keywords: ['sntryu_'],
    prefix: 'sntryu_',
    body: '[a-f0-9]{64}',
    boundary: 'word',
    token: (fake) => `sntryu_${fake.hex(64)}`,
  }),
  defineRule({
    id: 'dynatrace-api-token',
    title: 'Dynatrace API token',
    provider: 'Dynatrace',
    source: 'https://docs.dynatrace.com/docs/manage/access-control/access-tokens',
    description: 'Dynatrace access token ("dt0c01.", 24 characters, ".", 64 characters).',
    remediation: remediation('token', 'Dynatrace (Access tokens)'),
    keywords: ['dt0c01.'],
    prefix: 'dt0c01.',
    body: '[A-Z0-9]{24}\\.[A-Z0-9]{64}',
    boundary: 'dotted',
    token: (fake) => `dt0c01.${fake.string(UPPER_ALNUM, 24)}.${fake.string(UPPER_ALNUM, 64)}`,
  }),
  defineRule({
    id: 'postman-api-key',
    title: 'Postman API key',
    provider: 'Postman',
    source: 'https://learning.postman.com/docs/reference/postman-api/authentication',
    description:
      'Postman API key ("PMAK-", 24 hex, "-", 34 hex). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'Postman (Settings > API keys)'),
    keywords: ['pmak-'],
    prefix: 'PMAK-',
    body: '[a-f0-9]{24}-[a-f0-9]{34}',
    boundary: 'token',
    token: (fake) => `PMAK-${fake.string(HEX, 24)}-${fake.string(HEX, 34)}`,
  }),
  defineRule({
    id: 'pagerduty-api-key',
    title: 'PagerDuty API key',
    provider: 'PagerDuty',
    source: 'https://support.pagerduty.com/main/docs/api-access-keys',
    description:
      'PagerDuty REST API key (20 characters) assigned to a PagerDuty setting. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'PagerDuty (Integrations > API Access Keys)'),
    keywords: ['pagerduty'],
    pattern: /(?<![A-Za-z0-9_+-])[A-Za-z0-9_+-]{20}(?![A-Za-z0-9_+-])/,
    scope: 'line',
    check: { keyedBy: 'pagerduty[\\w.-]*(?:token|key)' },
    token: (fake) => `u+${fake.string(BASE64URL, 16)}${fake.digits(2)}`,
    contexts: [(t) => `PAGERDUTY_API_KEY=${t}`, (t) => `pagerduty_token: "${t}"`],
  }),
  defineRule({
    id: 'new-relic-admin-api-key',
    title: 'New Relic admin API key (legacy)',
    provider: 'New Relic',
    source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    description: 'New Relic legacy admin API key ("NRAA-" and 27 hex).',
    remediation: remediation('admin key (migrate to a user key)', 'New Relic (API keys)'),
    keywords: ['nraa-'],
    prefix: 'NRAA-',
    body: '[a-f0-9]{27}',
    boundary: 'alnum',
    token: (fake) => `NRAA-${fake.hex(27)}`,
  }),
  defineRule({
    id: 'new-relic-rest-api-key',
    title: 'New Relic REST API key (legacy)',
    provider: 'New Relic',
    source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    description: 'New Relic legacy REST API key ("NRRA-" and 42 hex).',
    remediation: remediation('REST API key (migrate to a user key)', 'New Relic (API keys)'),
    keywords: ['nrra-'],
    prefix: 'NRRA-',
    body: '[a-f0-9]{42}',
    boundary: 'alnum',
    token: (fake) => `NRRA-${fake.hex(42)}`,
  }),
  ...(
    [
      ['new-relic-pixie-api-key', 'px-api-', 'New Relic Pixie API key', 'api-keys'],
      ['new-relic-pixie-deploy-key', 'px-dep-', 'New Relic Pixie deploy key', 'deploy-keys'],
    ] as const
  ).map(([id, prefix, title, page]) =>
    defineRule({
      id,
      title,
      provider: 'New Relic (Pixie)',
      source: `https://docs.px.dev/reference/admin/${page}/`,
      description: `${title} ("${prefix}" and a UUID). The format is observed: the provider documents only how the key is used.`,
      remediation: remediation('key', 'Pixie (Admin > Keys, or px api-key / px deploy-key)'),
      keywords: [prefix],
      prefix,
      body: UUID,
      boundary: 'token',
      token: (fake) => `${prefix}${fakeUuid(fake)}`,
    }),
  ),
  defineRule({
    id: 'new-relic-legacy-license-key',
    title: 'New Relic license key (40 hex)',
    provider: 'New Relic',
    source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key',
    description:
      'New Relic ingest license key in the older form (40 hex, no "NRAL" suffix) assigned to a license key setting of New Relic (NEW_RELIC_LICENSE_KEY, license_key in newrelic.yml or newrelic.ini).',
    remediation: remediation('license key', 'New Relic (API keys)'),
    keywords: ['license'],
    scope: 'line',
    pattern: alone('[a-f0-9]{40}'),
    check: [
      { keyedBy: 'licen[cs]e' },
      {
        anyOf: [
          { keyedBy: 'new[_.-]?relic|(?:^|[^a-z])nr[_.-]' },
          { nearText: { pattern: 'new ?relic', within: 3000 } },
        ],
      },
    ],
    token: (fake) => fake.hex(40),
    contexts: [
      (t) => `NEW_RELIC_LICENSE_KEY=${t}`,
      (t) => `# newrelic.yml\ncommon: &default_settings\n  license_key: '${t}'\n  app_name: shop`,
      (t) => `[newrelic]\nlicense_key = ${t}`,
    ],
    ignore: (fake) => [`license_key: ${fake.hex(40)}`, `NEW_RELIC_APP_ID=${fake.hex(40)}`],
  }),
  defineRule({
    id: 'posthog-personal-api-key',
    title: 'PostHog personal API key',
    provider: 'PostHog',
    source: 'https://posthog.com/docs/api#private-endpoint-authentication',
    description:
      'PostHog personal API key ("phx_" and 43 base64url characters); project keys ("phc_") are public.',
    remediation: remediation('personal API key', 'PostHog (Settings > Personal API keys)'),
    keywords: ['phx_'],
    prefix: 'phx_',
    body: '[A-Za-z0-9_-]{43}',
    boundary: 'token',
    token: (fake) => `phx_${fake.string(BASE64URL, 43)}`,
    ignore: (fake) => [`POSTHOG_PROJECT_KEY=phc_${fake.base62(43)}`],
  }),
  defineRule({
    id: 'segment-public-api-token',
    title: 'Segment Public API token',
    provider: 'Twilio Segment',
    source: 'https://segment.com/docs/api/public-api/',
    description: 'Twilio Segment Public API token ("sgp_" and 64 characters).',
    remediation: remediation('token', 'Segment (Settings > Access Management > Tokens)'),
    keywords: ['sgp_'],
    prefix: 'sgp_',
    body: '[A-Za-z0-9]{64}',
    boundary: 'word',
    token: (fake) => `sgp_${fake.base62(64)}`,
  }),
  defineRule({
    id: 'segment-write-key',
    title: 'Segment source write key',
    provider: 'Twilio Segment',
    source: 'https://segment.com/docs/connections/find-writekey/',
    description:
      'Twilio Segment source write key (32 characters) assigned to a Segment write key setting in server code or configuration; it lets anyone send events to the source (browser snippets carry it by design, so it is medium severity).',
    remediation:
      'Create a new write key for the source in Segment (Source > Settings > API Keys), remove the old one, and load it from configuration.',
    severity: 'medium',
    keywords: ['segment', 'write_key', 'writekey'],
    scope: 'line',
    pattern: alone('[A-Za-z0-9]{32}'),
    check: ['random', { keyedBy: 'segment[\\w.-]*write[_.-]?key|^write[_.-]?key$' }],
    token: (fake) => `${fake.base62(30)}${fake.pick(['a', 'k'])}${fake.pick(['Q', '3'])}`,
    contexts: [
      (t) => `SEGMENT_WRITE_KEY=${t}`,
      (t) => `segment:\n  write_key: "${t}"`,
      (t) => `analytics = Analytics(write_key='${t}')  # segment`,
    ],
    ignore: (fake) => [`SEGMENT_SOURCE_ID=${fake.base62(32)}`],
  }),
  defineRule({
    id: 'honeycomb-ingest-key',
    title: 'Honeycomb ingest key',
    provider: 'Honeycomb',
    source: 'https://docs.honeycomb.io/api/authentication',
    description:
      'Honeycomb ingest key ("hc", a letter, "ik_", then the key id and secret: 58 lower-case letters and digits) as sent in X-Honeycomb-Team.',
    remediation: remediation('ingest key', 'Honeycomb (Environment > API Keys)'),
    severity: 'medium',
    keywords: Array.from('abcdefghijklmnopqrstuvwxyz', (letter) => `hc${letter}ik_`),
    pattern: /(?<![A-Za-z0-9_])hc[a-z]ik_[a-z0-9]{58}(?![A-Za-z0-9_])/,
    token: (fake) => `hcaik_${fake.string(LOWER_ALNUM, 58)}`,
    contexts: [
      (t) => `OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${t}"`,
      (t) => `-H "X-Honeycomb-Team: ${t}"`,
    ],
  }),
  keyedKey({
    id: 'honeycomb-api-key',
    title: 'Honeycomb API key (configuration or Classic)',
    provider: 'Honeycomb',
    source: 'https://docs.honeycomb.io/api/authentication',
    description:
      'Honeycomb configuration key (22 letters and digits) or Classic key (32 hex), as observed, assigned to a Honeycomb key setting such as HONEYCOMB_API_KEY or the X-Honeycomb-Team header.',
    remediation: remediation('API key', 'Honeycomb (Environment > API Keys)'),
    keywords: ['honeycomb'],
    keyedBy: 'honeycomb[\\w.-]*(?:key|token|team|secret)',
    body: '(?:[a-f0-9]{32}|[A-Za-z0-9]{22})',
    token: (fake) => fake.hex(32),
    env: 'HONEYCOMB_API_KEY',
  }),
  keyedKey({
    id: 'splunk-observability-token',
    title: 'Splunk Observability Cloud access token',
    provider: 'Splunk Observability Cloud',
    source:
      'https://help.splunk.com/splunk-observability-cloud/administer/authentication-and-security/authentication-tokens/org-access-tokens',
    description:
      'Splunk Observability Cloud (SignalFx) org access token (22 base64url characters, as observed) assigned to SPLUNK_ACCESS_TOKEN, a SignalFx token setting or the X-SF-Token header.',
    remediation: remediation(
      'access token',
      'Splunk Observability Cloud (Settings > Access Tokens)',
    ),
    keywords: ['splunk', 'signalfx', 'x-sf-token', 'sfx_'],
    keyedBy: 'splunk[\\w.-]*(?:token|key)|signalfx[\\w.-]*token|sfx[\\w.-]*token|x-sf-token',
    body: '[A-Za-z0-9_-]{22}',
    token: (fake) => `${fake.string(BASE64URL, 20)}${fake.digits(2)}`,
    env: 'SPLUNK_ACCESS_TOKEN',
  }),
  defineRule({
    id: 'uptimerobot-api-key',
    title: 'UptimeRobot API key',
    provider: 'UptimeRobot',
    source: 'https://uptimerobot.com/api/',
    description:
      'UptimeRobot account ("u") or read-only ("ur") API key: the prefix, the account number, "-" and 24 hex, as observed, in a file that names UptimeRobot. Monitor-specific keys ("m") are meant for public pages and are not reported.',
    remediation: remediation('API key', 'UptimeRobot (Integrations & API > API)'),
    severity: 'medium',
    keywords: ['uptimerobot', 'uptime_robot', 'uptime-robot'],
    pattern: /(?<![A-Za-z0-9_-])ur?\d{6,8}-[a-f0-9]{24}(?![A-Za-z0-9_-])/,
    token: (fake) => `u${fake.digits(7)}-${fake.hex(24)}`,
    contexts: [
      (t) => `UPTIMEROBOT_API_KEY=${t}`,
      (t) =>
        `curl -X POST https://api.uptimerobot.com/v2/getMonitors -d "api_key=${t}&format=json"`,
    ],
    ignore: (fake) => [`# uptimerobot status badge\nkey: m${fake.digits(9)}-${fake.hex(24)}`],
  }),
  defineRule({
    id: 'opsgenie-api-key',
    title: 'Opsgenie API key',
    provider: 'Opsgenie',
    source: 'https://support.atlassian.com/ja/opsgenie/docs/api-key-management/',
    description:
      'Opsgenie API or integration key (a UUID) sent as "Authorization: GenieKey <key>" or assigned to an Opsgenie key setting: it creates and closes alerts or changes the account\'s configuration.',
    remediation: remediation(
      'API key',
      'Opsgenie (Settings > API key management, or the integration)',
    ),
    keywords: ['geniekey', 'opsgenie', 'genie_key'],
    pattern: alone(UUID),
    scope: 'line',
    check: {
      anyOf: [
        { precededBy: 'GenieKey[ \\t]{1,4}' },
        { keyedBy: 'opsgenie[\\w.-]*(?:key|token)|genie_?key' },
      ],
    },
    token: fakeUuid,
    contexts: [
      (t) => `curl -X POST https://api.opsgenie.com/v2/alerts -H "Authorization: GenieKey ${t}"`,
      (t) => `OPSGENIE_API_KEY=${t}`,
    ],
    ignore: (fake) => [`opsgenie_team_id = "${fakeUuid(fake)}"`],
  }),
  keyedRule({
    id: 'bugsnag-api-key',
    title: 'Bugsnag notifier API key',
    provider: 'Bugsnag (Insight Hub)',
    source: 'https://docs.bugsnag.com/api/error-reporting',
    credential: 'notifier API key',
    revokeAt: 'Bugsnag (Project settings > Notifier API key: regenerate)',
    names: ['bugsnag'],
    env: 'BUGSNAG_API_KEY',
    shape: hexKey(32),
    hosts: ['notify.bugsnag.com', 'sessions.bugsnag.com'],
    call: 'Bugsnag\\.start\\(',
    note: 'format observed; it ships inside browser and mobile apps, but lets anyone send events to the project',
    severity: 'low',
    example: (t) => `Bugsnag.start('${t}')`,
  }),
  keyedRule({
    id: 'logzio-api-token',
    title: 'Logz.io API token',
    provider: 'Logz.io',
    source:
      'https://raw.githubusercontent.com/logzio/logz-api/master/examples/logzio-public-api.yml',
    credential: 'API token',
    revokeAt: 'Logz.io (Settings > Manage tokens > API tokens)',
    names: ['logzio', 'logz_io', 'logz.io'],
    env: 'LOGZIO_API_TOKEN',
    shape: uuidKey,
    hosts: ['api.logz.io', 'api-eu.logz.io', 'api-uk.logz.io', 'api-au.logz.io', 'api-ca.logz.io'],
    note: 'format observed; sent in X-API-TOKEN',
    example: (t) => `curl https://api.logz.io/v1/account-management/whoami -H 'X-API-TOKEN: ${t}'`,
  }),
  keyedRule({
    id: 'logzio-shipping-token',
    title: 'Logz.io log shipping token',
    provider: 'Logz.io',
    source:
      'https://raw.githubusercontent.com/logzio/logz-api/master/examples/logzio-public-api.yml',
    credential: 'log shipping token',
    revokeAt: 'Logz.io (Settings > Manage tokens > Data shipping tokens)',
    names: ['logzio', 'logz_io', 'logz.io'],
    env: 'LOGZIO_SHIPPING_TOKEN',
    shape: alnumKey(32),
    hosts: ['listener.logz.io', 'listener-eu.logz.io', 'listener-uk.logz.io'],
    note: 'format observed (letters); it writes logs and metrics into the account',
    severity: 'medium',
    example: (t) =>
      `curl -X POST "https://listener.logz.io:8071?token=${t}&type=json" -d '{"message":"hi"}'`,
  }),
  defineRule({
    id: 'fullstory-api-key',
    title: 'FullStory API key',
    provider: 'FullStory',
    source: 'https://developer.fullstory.com/server/v1/getting-started',
    description:
      'FullStory server API key: its data center ("na1." or "eu1."; documented) and about a hundred base64 characters (observed). Sent as Basic auth, it reads and writes users, events and session data.',
    remediation: remediation('API key', 'FullStory (Settings > Integrations > API Keys)'),
    keywords: ['na1.', 'eu1.'],
    prefix: ['na1.', 'eu1.'],
    body: '[A-Za-z0-9+/]{80,160}={0,2}',
    boundary: 'base64',
    token: (fake) => `${fake.pick(['na1.', 'eu1.'])}${fake.base64(100)}`,
    contexts: [
      (t) => `FULLSTORY_API_KEY=${t}`,
      (t) => `curl https://api.fullstory.com/v2/users -H "Authorization: Basic ${t}"`,
    ],
  }),
  keyedRule({
    id: 'betterstack-api-token',
    title: 'Better Stack API token',
    provider: 'Better Stack',
    source: 'https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/',
    credential: 'API token',
    revokeAt: 'Better Stack (Settings > API tokens)',
    names: ['betterstack', 'better_stack', 'betteruptime', 'better_uptime', 'logtail'],
    env: 'BETTERSTACK_API_TOKEN',
    shape: alnumKey(24),
    hosts: ['uptime.betterstack.com', 'telemetry.betterstack.com', 'betteruptime.com'],
    note: 'format observed; global and team tokens, and Logtail source tokens, share the shape',
    example: (t) =>
      `curl https://uptime.betterstack.com/api/v2/monitors -H "Authorization: Bearer ${t}"`,
  }),
];
