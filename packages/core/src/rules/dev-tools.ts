import { BASE64URL, HEX } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakeUuid } from './shapes.js';

// Developer and CI services.
// Snyk tokens (UUIDs in practice) and Travis CI tokens (22 characters) are found by their
// name; LaunchDarkly mobile keys ("mob-") are not secret; TeamCity tokens start with the
// fixed base64 header {"typ": "TCV2"}.

export const devToolRules: Rule[] = [
  defineRule({
    id: 'snyk-api-token',
    title: 'Snyk API token',
    provider: 'Snyk',
    source: 'https://docs.snyk.io/developer-tools/snyk-api/authentication-for-api',
    description:
      'Snyk API or service account token (a UUID) assigned to SNYK_TOKEN or another Snyk setting, or given to `snyk auth`. The format is observed: the provider documents only how the key is used.',
    remediation: remediation(
      'API token',
      'Snyk (Account settings > API token, or the service account)',
    ),
    keywords: ['snyk'],
    scope: 'line',
    pattern: alone(UUID),
    check: {
      anyOf: [
        { keyedBy: 'snyk[\\w.-]*(?:token|key|secret|auth)' },
        { precededBy: 'snyk auth\\s+|snyk config set api=' },
      ],
    },
    token: fakeUuid,
    contexts: [
      (t) => `SNYK_TOKEN=${t}`,
      (t) => `      - run: snyk auth ${t}`,
      (t) => `snyk:\n  api_token: "${t}"`,
    ],
    ignore: (fake) => [`SNYK_ORG_ID=${fakeUuid(fake)}`, `snyk test --project-id=${fakeUuid(fake)}`],
  }),
  defineRule({
    id: 'launchdarkly-sdk-key',
    title: 'LaunchDarkly SDK key',
    provider: 'LaunchDarkly',
    source: 'https://launchdarkly.com/docs/home/account/environment/keys',
    description:
      'LaunchDarkly server-side SDK key ("sdk-" and a UUID); mobile keys ("mob-") and client-side ids are not secret.',
    remediation: remediation(
      'SDK key (reset it)',
      'LaunchDarkly (Project settings > Environments)',
    ),
    keywords: ['sdk-'],
    prefix: 'sdk-',
    body: UUID,
    boundary: 'token',
    token: (fake) => `sdk-${fakeUuid(fake)}`,
    ignore: (fake) => [`LAUNCHDARKLY_MOBILE_KEY=mob-${fakeUuid(fake)}`],
  }),
  defineRule({
    id: 'launchdarkly-access-token',
    title: 'LaunchDarkly API access token',
    provider: 'LaunchDarkly',
    source: 'https://launchdarkly.com/docs/home/account/api',
    description:
      'LaunchDarkly REST API access token ("api-" and a UUID) near a LaunchDarkly setting ("api-" alone names many things).',
    remediation: remediation(
      'access token',
      'LaunchDarkly (Organization settings > Authorization)',
    ),
    keywords: ['api-'],
    prefix: 'api-',
    body: UUID,
    boundary: 'token',
    check: {
      anyOf: [
        { keyedBy: 'launchdarkly|(?:^|[^a-z])ld[_.-]' },
        { nearText: { pattern: 'launchdarkly', within: 300 } },
      ],
    },
    token: (fake) => `api-${fakeUuid(fake)}`,
    contexts: [
      (t) => `LAUNCHDARKLY_ACCESS_TOKEN=${t}`,
      (t) => `provider "launchdarkly" {\n  access_token = "${t}"\n}`,
      (t) => `LD_API_KEY: "${t}"`,
    ],
    ignore: (fake) => [`service_name: api-${fakeUuid(fake)}`],
  }),
  defineRule({
    id: 'sourcegraph-access-token',
    title: 'Sourcegraph access token',
    provider: 'Sourcegraph',
    source: 'https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token',
    description:
      'Sourcegraph access token ("sgp_", an optional instance id or "local_", and 40 hex).',
    remediation: remediation('access token', 'Sourcegraph (Settings > Access tokens)'),
    keywords: ['sgp_'],
    prefix: 'sgp_',
    body: '(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40}',
    boundary: 'word',
    token: (fake) =>
      fake.pick([
        `sgp_${fake.hex(40)}`,
        `sgp_${fake.hex(16)}_${fake.hex(40)}`,
        `sgp_local_${fake.hex(40)}`,
      ]),
  }),
  defineRule({
    id: 'sourcegraph-cody-key',
    title: 'Sourcegraph Cody Gateway key',
    provider: 'Sourcegraph',
    source: 'https://sourcegraph.com/docs/cody/core-concepts/cody-gateway',
    description: 'Sourcegraph Cody Gateway access key ("slk_" and 64 hex).',
    remediation: remediation('key', 'Sourcegraph (site configuration, Cody Gateway)'),
    keywords: ['slk_'],
    prefix: 'slk_',
    body: '[a-f0-9]{64}',
    boundary: 'word',
    token: (fake) => `slk_${fake.hex(64)}`,
  }),
  defineRule({
    id: 'teamcity-access-token',
    title: 'TeamCity access token',
    provider: 'JetBrains TeamCity',
    source:
      'https://www.jetbrains.com/help/teamcity/managing-your-user-account.html#Managing+Access+Tokens',
    description:
      'JetBrains TeamCity access token: a fixed base64 header ({"typ": "TCV2"}), 36 and 48 base64url characters. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('access token', 'TeamCity (Profile > Access Tokens)'),
    keywords: ['eyj0exaioiaivenwmij9'],
    prefix: 'eyJ0eXAiOiAiVENWMiJ9.',
    body: '[A-Za-z0-9_-]{36}\\.[A-Za-z0-9_-]{48}',
    boundary: 'dotted',
    token: (fake) =>
      `eyJ0eXAiOiAiVENWMiJ9.${fake.string(BASE64URL, 36)}.${fake.string(BASE64URL, 48)}`,
  }),
  defineRule({
    id: 'travis-ci-token',
    title: 'Travis CI API token',
    provider: 'Travis CI',
    source: 'https://developer.travis-ci.com/authentication',
    description:
      'Travis CI API token (22 random characters) assigned to a Travis setting. The format is observed: the provider documents only how the key is used.',
    remediation: remediation(
      'API token (regenerate it)',
      'Travis CI (Account > Settings > API authentication)',
    ),
    keywords: ['travis'],
    scope: 'line',
    pattern: alone('[A-Za-z0-9_-]{22}'),
    check: ['random', { keyedBy: 'travis[\\w.-]*(?:token|key)' }],
    token: (fake) =>
      `${fake.string(BASE64URL, 20)}${fake.pick(['a', 'b'])}${fake.pick(['7', '8'])}`,
    contexts: [
      (t) => `TRAVIS_API_TOKEN=${t}`,
      (t) => `travis_token: "${t}"`,
      (t) => `export TRAVIS_CI_TOKEN='${t}'`,
    ],
    ignore: (fake) => [
      `TRAVIS_BUILD_ID=${fake.hex(22)}`,
      `travis_token: "${HEX.repeat(2).slice(0, 22)}"`,
    ],
  }),
  defineRule({
    id: 'django-secret-key',
    title: 'Django SECRET_KEY',
    provider: 'Django',
    source: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
    description:
      'A Django SECRET_KEY as startproject writes it (50 characters of a-z, 0-9 and !@#$%^&*(-_=+), "django-insecure-" before it since 3.2) in settings or an environment default: it signs sessions, password reset links and messages.',
    remediation:
      'Generate a new key (django.core.management.utils.get_random_secret_key), load it from the environment, and log users out: sessions and reset links signed with the old key stay valid until it changes.',
    keywords: ['secret_key'],
    pattern:
      /SECRET_KEY(?:['"]?[ \t]{0,4}[:=][ \t]{0,4}(?:[\w.]{1,40}\([ \t]{0,4}['"][A-Z_]{1,40}['"][ \t]{0,4},[ \t]{0,4}(?:default[ \t]{0,2}=[ \t]{0,2})?)?|['"][ \t]{0,4},[ \t]{0,4})['"](?<secret>(?:django-insecure-)?[a-z0-9!@#$%^&*(_=+)-]{50})['"]/,
    scope: 'line',
    samples: (fake) => {
      const key = () => fake.string('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50);
      return {
        match: [
          `SECRET_KEY = 'django-insecure-${key()}'`,
          `SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${key()}")`,
          `os.environ.setdefault('DJANGO_SECRET_KEY', '${key()}')`,
          `"SECRET_KEY": "${key()}",`,
        ],
        ignore: [
          `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]`,
          `SECRET_KEY = 'django-insecure-${'x'.repeat(50)}'`,
          `SECRET_KEY = '${key().slice(0, 30)}'`,
        ],
      };
    },
  }),
  defineRule({
    id: 'dependency-track-api-key',
    title: 'Dependency-Track API key',
    provider: 'OWASP Dependency-Track',
    source: 'https://docs.dependencytrack.org/integrations/rest-api/',
    description:
      'OWASP Dependency-Track team API key ("odt_" and 32 to 40 letters and digits), sent as X-Api-Key. The format is observed: the provider documents only how the key is used.',
    remediation: remediation(
      'API key',
      'Dependency-Track (Administration > Access Management > Teams)',
    ),
    keywords: ['odt_'],
    prefix: 'odt_',
    body: '[A-Za-z0-9]{32,40}',
    boundary: 'word',
    token: (fake) => `odt_${fake.base62(32)}`,
    contexts: [
      (t) => `DTRACK_API_KEY=${t}`,
      (t) => `curl -X PUT https://dtrack.internal/api/v1/bom -H "X-Api-Key: ${t}"`,
    ],
  }),
  defineRule({
    id: 'prefect-api-key',
    title: 'Prefect Cloud API key',
    provider: 'Prefect',
    source: 'https://docs.prefect.io/v3/how-to-guides/cloud/manage-users/api-keys',
    description:
      'Prefect Cloud API key of a user ("pnu_") or a service account ("pnb_") and 36 letters and digits. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'Prefect Cloud (Settings > API keys)'),
    keywords: ['pnu_', 'pnb_'],
    prefix: ['pnu_', 'pnb_'],
    body: '[A-Za-z0-9]{36}',
    boundary: 'word',
    token: (fake) => `${fake.pick(['pnu_', 'pnb_'])}${fake.base62(36)}`,
    contexts: [(t) => `PREFECT_API_KEY=${t}`, (t) => `prefect cloud login -k ${t}`],
  }),
  defineRule({
    id: 'saucelabs-access-key',
    title: 'Sauce Labs access key',
    provider: 'Sauce Labs',
    source: 'https://docs.saucelabs.com/basics/environment-variables/',
    description:
      'Sauce Labs access key (a UUID) assigned to SAUCE_ACCESS_KEY or another Sauce Labs key setting. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('access key', 'Sauce Labs (Account > User settings > Access Key)'),
    keywords: ['sauce'],
    pattern: alone(UUID),
    check: { keyedBy: 'sauce[\\w.-]*(?:access[_.-]?key|api[_.-]?key|key|token)' },
    token: fakeUuid,
    contexts: [
      (t) => `SAUCE_ACCESS_KEY=${t}`,
      (t) => `sauce:\n  username: ci-bot\n  access_key: "${t}"`,
      (t) =>
        `exports.config = { user: 'ci-bot', key: '${t}' }; // saucelabs\nconst sauceKey = '${t}';`,
    ],
    ignore: (fake) => [`SAUCE_TUNNEL_ID=${fakeUuid(fake)}`],
  }),
  defineRule({
    id: 'jenkins-initial-admin-password',
    title: 'Jenkins initial admin password',
    provider: 'Jenkins',
    source: 'https://www.jenkins.io/doc/book/installing/linux/#unlocking-jenkins',
    description:
      'The admin password the Jenkins setup wizard prints to its log ("Please use the following password to proceed to installation:", a blank line, 32 hex), kept with the log.',
    remediation:
      'Change the admin password (or finish the setup wizard and delete the initial admin user), and keep setup logs out of the repository.',
    keywords: ['proceed to installation'],
    pattern:
      // Lines may carry a container log prefix ("jenkins_1  | ").
      /proceed to installation:[ \t]*\r?\n(?:[\w.-]{1,40}[ \t]{0,8}\|)?[ \t]*\r?\n(?:[\w.-]{1,40}[ \t]{0,8}\|)?[ \t]*(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])/,
    token: (fake) => fake.hex(32),
    contexts: [
      (t) =>
        `Jenkins initial setup is required. An admin user has been created and a password generated.\nPlease use the following password to proceed to installation:\n\n${t}\n\nThis may also be found at: /var/jenkins_home/secrets/initialAdminPassword`,
      (t) =>
        `jenkins_1  | Please use the following password to proceed to installation:\njenkins_1  |\njenkins_1  | ${t}\n`,
      (t) => `Please use the following password to proceed to installation:\r\n\r\n${t}\r\n`,
    ],
    ignore: (fake) => [`commit ${fake.hex(32)}`],
  }),
];
