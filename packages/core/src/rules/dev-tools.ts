import { BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM } from '../codec/alphabets.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakePassword, fakeUuid } from './shapes.js';
import { alnumKey, base64urlKey, eitherKey, hexKey, keyedRule } from './keyed.js';

// Developer and CI services.
// Snyk tokens (UUIDs in practice) and Travis CI tokens (22 characters) are found by their
// name; LaunchDarkly mobile keys ("mob-") are not secret; TeamCity tokens start with the
// fixed base64 header {"typ": "TCV2"}.

/** A GitHub OAuth app's client id, as samples write it beside its secret (ids are not secret). */
const CLIENT_ID = '4f1c0a9e7b2d63e58c10';

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
      'A Django SECRET_KEY as startproject writes it (50 characters of a-z, 0-9 and !@#$%^&*(-_=+), "django-insecure-" before it since 3.2; Django asks for at least 50, so up to 100 are taken) in settings or an environment default: it signs sessions, password reset links and messages. The key must hold a digit and a symbol other than - and _, as all but 2 in 100,000 random keys do (dashed words do not).',
    remediation:
      'Generate a new key (django.core.management.utils.get_random_secret_key), load it from the environment, and log users out: sessions and reset links signed with the old key stay valid until it changes.',
    keywords: ['secret_key'],
    pattern:
      /SECRET_KEY(?:['"]?[ \t]{0,4}[:=][ \t]{0,4}(?:[\w.]{1,40}\([ \t]{0,4}['"][A-Z_]{1,40}['"][ \t]{0,4},[ \t]{0,4}(?:default[ \t]{0,2}=[ \t]{0,2})?)?|['"][ \t]{0,4},[ \t]{0,4})['"](?<secret>(?:django-insecure-)?[a-z0-9!@#$%^&*(_=+)-]{50,100})['"]/,
    check: 'digit-and-symbol',
    scope: 'line',
    samples: (fake) => {
      const key = () => fake.string('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50);
      return {
        match: [
          `SECRET_KEY = 'django-insecure-${key()}'`,
          `SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${key()}")`,
          `os.environ.setdefault('DJANGO_SECRET_KEY', '${key()}')`,
          `"SECRET_KEY": "${key()}",`,
          `SECRET_KEY = '${key()}${key().slice(0, 14)}'`,
        ],
        ignore: [
          `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]`,
          `SECRET_KEY = 'django-insecure-${'x'.repeat(50)}'`,
          `SECRET_KEY = '${key().slice(0, 30)}'`,
          `SECRET_KEY = 'django-insecure-please-replace-this-with-a-long-random-production-key'`,
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
  defineRule({
    id: 'stackhawk-api-key',
    title: 'StackHawk API key',
    provider: 'StackHawk',
    source: 'https://docs.stackhawk.com/apidocs.html',
    description:
      'StackHawk API key ("hawk.", 20 characters, ".", 20 characters), as hawk init and HAWK_API_KEY take it.',
    remediation: remediation('API key', 'StackHawk (Settings > API Keys)'),
    keywords: ['hawk.'],
    prefix: 'hawk.',
    body: '[A-Za-z0-9_-]{20}\\.[A-Za-z0-9_-]{20}',
    boundary: 'dotted',
    token: (fake) => `hawk.${fake.string(BASE64URL, 20)}.${fake.string(BASE64URL, 20)}`,
    contexts: [(t) => `HAWK_API_KEY="${t}"`, (t) => `hawk init --api-key ${t}`],
  }),
  keyedRule({
    id: 'jenkins-api-token',
    title: 'Jenkins API token',
    provider: 'Jenkins',
    source: 'https://www.jenkins.io/blog/2018/07/02/new-api-token-system/',
    credential: 'API token',
    revokeAt: 'Jenkins (user > Security > API Token)',
    names: ['jenkins'],
    env: 'JENKINS_API_TOKEN',
    shape: {
      body: '(?:11)?[a-fA-F0-9]{32}',
      fake: (fake) => `11${fake.hex(32)}`,
      what: '34 hex digits starting "11" since Jenkins 2.129, 32 before',
      random: true,
    },
    impact: 'It logs in as the user over the REST API and CLI.',
  }),
  defineRule({
    id: 'github-oauth-client-secret',
    title: 'GitHub OAuth app client secret',
    provider: 'GitHub',
    source: 'https://docs.github.com/en/enterprise-server@3.17/apps/oauth-apps',
    description:
      'GitHub OAuth app client secret (40 hex, as observed) assigned to a GitHub secret setting, or the clientSecret of a Gitalk comment widget: with the client id it acts as the app.',
    remediation: remediation(
      'client secret',
      'GitHub (Settings > Developer settings > OAuth Apps > the app)',
    ),
    keywords: ['client_secret', 'clientsecret', 'client-secret', 'github_secret', 'githubsecret'],
    pattern: alone('[a-f0-9]{40}'),
    scope: 'line',
    check: [
      { keyedBy: 'github[\\w.-]*secret|client[\\w.-]*secret' },
      {
        anyOf: [{ keyedBy: 'github' }, { nearText: { pattern: 'new\\s+Gitalk\\b', within: 400 } }],
      },
    ],
    token: (fake) => fake.hex(40),
    contexts: [
      (t) => `GITHUB_CLIENT_ID=${CLIENT_ID}\nGITHUB_CLIENT_SECRET=${t}`,
      (t) => `github:\n  client_id: ${CLIENT_ID}\n  client_secret: "${t}"`,
      (t) =>
        `const gitalk = new Gitalk({\n  clientID: '${CLIENT_ID}',\n  clientSecret: '${t}',\n  repo: 'blog-comments',\n})`,
    ],
    ignore: (fake) => [
      `GITHUB_SHA=${fake.hex(40)}`,
      `github_commit: "${fake.hex(40)}"`,
      `clientSecret: '${fake.hex(40)}'`,
      `okta:\n  client_secret: "${fake.hex(40)}"`,
    ],
  }),
  defineRule({
    id: 'readme-api-key',
    title: 'ReadMe API key',
    provider: 'ReadMe',
    source: 'https://docs.readme.com/reference/authentication',
    description:
      'ReadMe API key ("rdme_" and 70 lower-case letters and digits, as observed): it publishes and deletes the project\'s documentation.',
    remediation: remediation('API key', 'ReadMe (project dashboard > Configuration > API Keys)'),
    keywords: ['rdme_'],
    prefix: 'rdme_',
    body: '[a-z0-9]{70}',
    boundary: 'word',
    token: (fake) => `rdme_${fake.string(LOWER_ALNUM, 70)}`,
    contexts: [(t) => `README_API_KEY=${t}`, (t) => `rdme openapi upload spec.yaml --key=${t}`],
  }),
  defineRule({
    id: 'ionic-access-token',
    title: 'Ionic Appflow personal access token',
    provider: 'Ionic',
    source: 'https://ionic.io/docs/appflow/deploy/cli',
    description:
      'Ionic Appflow personal access token ("ion_" and 42 letters and digits, as observed), as IONIC_TOKEN takes it: it triggers builds and deploys.',
    remediation: remediation(
      'personal access token',
      'Ionic Appflow (Personal Settings > Personal Access Tokens)',
    ),
    keywords: ['ion_'],
    prefix: 'ion_',
    body: '[A-Za-z0-9]{42}',
    boundary: 'word',
    check: 'random',
    token: (fake) => `ion_${fake.base62(42)}`,
    contexts: [(t) => `export IONIC_TOKEN=${t}`, (t) => `appflow build ios --token ${t}`],
  }),
  keyedRule({
    id: 'checkly-api-key',
    title: 'Checkly API key',
    provider: 'Checkly',
    source: 'https://checklyhq.com/docs/api-reference/overview',
    credential: 'API key',
    revokeAt: 'Checkly (User settings > API keys)',
    names: ['checkly'],
    env: 'CHECKLY_API_KEY',
    shape: hexKey(32),
    note: 'format observed',
    impact: "With the account id it manages the account's checks and alerting.",
  }),
  keyedRule({
    id: 'gtmetrix-api-key',
    title: 'GTmetrix API key',
    provider: 'GTmetrix',
    source: 'https://gtmetrix.com/api/docs/2.0/',
    credential: 'API key',
    revokeAt: 'GTmetrix (Account > API Usage)',
    names: ['gtmetrix'],
    env: 'GTMETRIX_API_KEY',
    shape: hexKey(32),
    note: 'format observed',
    impact: "It spends the account's API credits.",
    severity: 'low',
  }),
  defineRule({
    id: 'ngrok-authtoken',
    title: 'ngrok agent authtoken',
    provider: 'ngrok',
    source: 'https://ngrok.com/docs/guides/site-to-site-connectivity/authtoken-acls',
    description:
      'ngrok agent authtoken (two runs of letters and digits joined by "_", about 49 characters, as observed) given to ngrok config add-authtoken, --authtoken or assigned to an authtoken setting (ngrok.yml, NGROK_AUTHTOKEN): anyone holding it opens tunnels on the account.',
    remediation: remediation('authtoken', 'the ngrok dashboard (Authtokens)'),
    keywords: ['ngrok', 'authtoken'],
    pattern: alone('[A-Za-z0-9]{20,30}_[A-Za-z0-9]{15,30}'),
    scope: 'line',
    check: [
      {
        anyOf: [
          { keyedBy: '^authtoken$|ngrok[\\w.-]*(?:token|key)' },
          { precededBy: 'authtoken[ \\t=]{1,4}' },
        ],
      },
      'random',
    ],
    token: (fake) => `2${fake.base62(26)}_${fake.base62(21)}`,
    contexts: [
      (t) => `ngrok config add-authtoken ${t}`,
      (t) => `version: "2"\nauthtoken: ${t}\ntunnels:\n  web:\n    addr: 8080`,
      (t) => `NGROK_AUTHTOKEN=${t}`,
    ],
    ignore: (fake) => [`session_id: ${fake.base62(27)}_${fake.base62(21)}`],
  }),
  keyedRule({
    id: 'webflow-api-token',
    title: 'Webflow site API token',
    provider: 'Webflow',
    source: 'https://developers.webflow.com/data/reference/site-token',
    credential: 'site or workspace API token',
    revokeAt: 'Webflow (Site settings > Apps & integrations > API access)',
    names: ['webflow'],
    env: 'WEBFLOW_API_TOKEN',
    shape: hexKey(64),
    note: 'format observed',
    impact: "It reads and changes the site's CMS, forms and webhooks.",
  }),
  keyedRule({
    id: 'codemagic-api-token',
    title: 'Codemagic API token',
    provider: 'Codemagic',
    source: 'https://docs.codemagic.io/rest-api/codemagic-rest-api',
    credential: 'API token',
    revokeAt: 'Codemagic (Account settings > API token > Revoke)',
    names: ['codemagic'],
    env: 'CODEMAGIC_API_TOKEN',
    shape: base64urlKey(43),
    hosts: ['api.codemagic.io'],
    keys: ['cm_api_token'],
    note: 'format observed; Codemagic documents that the token is sent in the x-auth-token header',
    impact:
      'It starts and cancels builds and reads the apps and environment variables of its user.',
    example: (t) => `curl -H "x-auth-token: ${t}" https://api.codemagic.io/builds`,
  }),
  keyedRule({
    id: 'crowdin-personal-access-token',
    title: 'Crowdin personal access token',
    provider: 'Crowdin',
    source: 'https://support.crowdin.com/enterprise/personal-access-tokens/',
    credential: 'personal access token',
    revokeAt: 'Crowdin (Account Settings > API > Personal Access Tokens)',
    names: ['crowdin'],
    env: 'CROWDIN_PERSONAL_TOKEN',
    shape: hexKey(80),
    hosts: ['api.crowdin.com', 'crowdin.com/api'],
    note: 'the format is observed',
    impact: 'It reads and writes the projects, files and translations its scopes allow.',
    example: (t) => `crowdin upload sources --token ${t} --project-id 123456`,
  }),
  keyedRule({
    id: 'lokalise-api-token',
    title: 'Lokalise API token',
    provider: 'Lokalise',
    source: 'https://lokalise.com/blog/lokalise-api/',
    credential: 'API token',
    revokeAt: 'Lokalise (Profile settings > API tokens)',
    names: ['lokalise'],
    env: 'LOKALISE_API_TOKEN',
    shape: hexKey(40),
    hosts: ['api.lokalise.com'],
    note: 'the format is observed; the token is sent in the X-Api-Token header',
    impact: 'It reads and writes the keys and translations of the projects its user can reach.',
    example: (t) => `const lokaliseApi = new LokaliseApi({ apiKey: "${t}" });`,
  }),
  keyedRule({
    id: 'pipedream-api-key',
    title: 'Pipedream user API key',
    provider: 'Pipedream',
    source: 'https://pipedream.com/docs/v1/api/auth',
    credential: 'user API key',
    revokeAt: 'Pipedream (Settings > Account > Revoke)',
    names: ['pipedream'],
    env: 'PIPEDREAM_API_KEY',
    shape: hexKey(32),
    hosts: ['api.pipedream.com'],
    note: 'the format is observed; the key is sent as a bearer token',
    impact: 'It creates and changes the workflows and event sources of its user.',
    example: (t) => `curl 'https://api.pipedream.com/v1/users/me' -H 'Authorization: Bearer ${t}'`,
  }),
  keyedRule({
    id: 'cloudsmith-api-key',
    title: 'Cloudsmith API key',
    provider: 'Cloudsmith',
    source: 'https://docs.cloudsmith.com/accounts-and-teams/api-key',
    credential: 'API key',
    revokeAt: 'Cloudsmith (Personal API Keys > Refresh)',
    names: ['cloudsmith'],
    env: 'CLOUDSMITH_API_KEY',
    shape: hexKey(40),
    hosts: ['api.cloudsmith.io'],
    note: 'the format is observed; the key is sent in the X-Api-Key header',
    impact: 'It reads and writes the packages of every repository its user can reach.',
    example: (t) => `curl -H "X-Api-Key: ${t}" https://api.cloudsmith.io/v1/user/self/`,
  }),
  keyedRule({
    id: 'coveralls-repo-token',
    title: 'Coveralls repo token',
    provider: 'Coveralls',
    source: 'https://manpages.ubuntu.com/manpages/noble/man1/coveralls.1.html',
    credential: 'repo token',
    revokeAt: 'Coveralls (the repository’s settings: regenerate the repo token)',
    names: ['coveralls'],
    env: 'COVERALLS_REPO_TOKEN',
    shape: alnumKey([32, 40]),
    hosts: ['coveralls.io/api'],
    note: 'the format is observed; the coveralls client documents that the repo token must be kept secret',
    impact: 'Anyone holding it can submit coverage results for the repository.',
    severity: 'low',
    example: (t) => `# .coveralls.yml\ncoveralls:\n  repo_token: ${t}`,
  }),
  keyedRule({
    id: 'nightfall-api-key',
    title: 'Nightfall API key',
    provider: 'Nightfall',
    source: 'https://www.github.com/nightfallai/nightfall-python-sdk',
    credential: 'API key',
    revokeAt: 'the Nightfall dashboard (Manage API Keys)',
    names: ['nightfall'],
    env: 'NIGHTFALL_API_KEY',
    shape: {
      body: 'NF-[A-Za-z0-9]{32}',
      fake: (fake) => `NF-${fake.base62(32)}`,
      what: '"NF-" and 32 letters and digits',
      random: false,
    },
    hosts: ['api.nightfall.ai'],
    call: 'Nightfall\\(',
    note: 'the format is observed',
    impact: 'It scans data with the account’s detectors and reads its violations.',
    severity: 'medium',
    example: (t) => `nightfall = Nightfall('${t}')`,
  }),
  keyedRule({
    id: 'qase-api-token',
    title: 'Qase API token',
    provider: 'Qase',
    source: 'https://developers.qase.io/docs/api-token-and-project-code',
    credential: 'API token',
    revokeAt: 'Qase (API Tokens, or the app token in the workspace’s Apps)',
    names: ['qase'],
    env: 'QASE_TESTOPS_API_TOKEN',
    shape: eitherKey(hexKey(64), hexKey(40)),
    hosts: ['api.qase.io'],
    note: 'the format is observed; the token is sent in the Token header',
    impact: 'It reads and changes the workspace’s test cases, runs and results as its user or app.',
    severity: 'medium',
    example: (t) => `curl https://api.qase.io/v1/project -H "Token: ${t}"`,
  }),
  defineRule({
    id: 'rapidapi-key',
    title: 'RapidAPI application key',
    provider: 'RapidAPI',
    source:
      'https://rapidapi.com/movie-of-the-night-movie-of-the-night-default/api/streaming-availability/discussions/115813',
    description:
      'RapidAPI application key, sent in the X-RapidAPI-Key header to every API of the hub (50 lower-case letters and digits with "msh", "p" and "jsn" at fixed places; the format is observed): it spends the subscriptions of its application.',
    remediation: remediation(
      'application key',
      'RapidAPI (Apps > Authorization: add a new key, delete the old one)',
    ),
    keywords: ['jsn'],
    pattern: /(?<![a-z0-9])[a-z0-9]{10}msh[a-z0-9]{15}p[a-z0-9]{6}jsn[a-z0-9]{12}(?![a-z0-9])/,
    // Every match holds its keyword, so it is on a line that does: only those are searched
    // (`jsn` also occurs by chance in random base64, such as a lock file's integrity hashes).
    scope: 'line',
    token: (fake) =>
      `${fake.string(LOWER_ALNUM, 10)}msh${fake.string(LOWER_ALNUM, 15)}p${fake.string(LOWER_ALNUM, 6)}jsn${fake.string(LOWER_ALNUM, 12)}`,
    contexts: [
      (t) => `RAPIDAPI_KEY=${t}`,
      (t) => `headers = {"X-RapidAPI-Key": "${t}", "X-RapidAPI-Host": "example.p.rapidapi.com"}`,
      (t) => t,
    ],
  }),
  defineRule({
    id: 'inngest-signing-key',
    title: 'Inngest signing key',
    provider: 'Inngest',
    source: 'https://api-docs.inngest.com/authentication',
    description:
      'Inngest signing key ("signkey-", which Inngest documents as the start of every signing key, then the environment, such as "prod" or "branch", "-" and 64 hex digits; the rest is observed): the pre-shared secret of an environment, it signs the requests between Inngest and the app and authenticates calls to the Inngest API.',
    remediation: remediation(
      'signing key',
      'the Inngest dashboard (the environment > Signing keys: create a new key, set the old one as INNGEST_SIGNING_KEY_FALLBACK, then rotate)',
    ),
    keywords: ['signkey-'],
    prefix: 'signkey-',
    body: '[a-z]{3,12}-[0-9a-f]{64}',
    boundary: 'token',
    token: (fake) => `signkey-${fake.pick(['prod', 'branch'])}-${fake.hex(64)}`,
    contexts: [
      (t) => `INNGEST_SIGNING_KEY=${t}`,
      (t) => `serve({ client: inngest, functions, signingKey: "${t}" })`,
      (t) => `curl -H "Authorization: Bearer ${t}" https://api.inngest.com/v1/events`,
    ],
  }),
  defineRule({
    id: 'octopus-deploy-api-key',
    title: 'Octopus Deploy API key',
    provider: 'Octopus Deploy',
    source: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
    description:
      'Octopus Deploy API key ("API-", as in Octopus’s REST API examples, then 26 to 32 upper-case letters and digits; the length is observed), found within 300 characters of the name Octopus, sent in the X-Octopus-ApiKey header: it creates releases and deploys them with the permissions of its user or service account.',
    remediation: remediation(
      'API key',
      'the Octopus Web Portal (Profile > My API Keys, or the service account’s API keys)',
    ),
    keywords: ['octopus'],
    prefix: 'API-',
    body: '[A-Z0-9]{26,32}',
    // "API-" is too common a start to stand alone: the key is found near the name Octopus.
    check: { nearText: { pattern: '[Oo]ctopus', within: 300 } },
    boundary: 'token',
    token: (fake) => `API-${fake.upper(8)}${fake.digits(2)}${fake.string(UPPER_ALNUM, 17)}`,
    // Away from the name Octopus, "API-" and capitals are names.
    ignore: () => [
      'const route = "API-GATEWAYINTEGRATIONRESPONSES";', // tightlip:allow octopus-deploy-api-key -- a name
      'X-API-KEY: ${API_KEY}',
    ],
    contexts: [
      (t) => `OCTOPUS_API_KEY=${t}`,
      (t) => `$header = @{ "X-Octopus-ApiKey" = "${t}" }`,
      (t) =>
        `octopus release create --project web --api-key ${t} --server https://octopus.mycorp.net`,
    ],
  }),
  bundledPassword({
    id: 'react-app-password',
    prefix: 'REACT_APP_',
    provider: 'Create React App',
    source: 'https://create-react-app.dev/docs/adding-custom-environment-variables',
    embeds: 'Create React App embeds every REACT_APP_ variable into the JavaScript it builds',
    read: 'process.env.REACT_APP_PASSWORD',
    ignore: (fake) => [`REACT_APP_PASSPORT_URL=https://${fake.base62(8)}.internal`],
  }),
  bundledPassword({
    id: 'vite-env-password',
    prefix: 'VITE_',
    provider: 'Vite',
    source: 'https://vite.dev/guide/env-and-mode',
    embeds: 'Vite exposes every VITE_ variable to the client code it builds (import.meta.env)',
    read: 'import.meta.env.VITE_PASSWORD',
  }),
  bundledPassword({
    id: 'next-public-env-password',
    prefix: 'NEXT_PUBLIC_',
    provider: 'Next.js',
    source:
      'https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser',
    embeds: 'Next.js inlines every NEXT_PUBLIC_ variable into the JavaScript sent to the browser',
    read: 'process.env.NEXT_PUBLIC_PASSWORD',
    ignore: () => ['NEXT_PUBLIC_PASSWORD_POLICY_URL=/help/passwords'],
  }),
  defineRule({
    id: 'mockaroo-api-key',
    title: 'Mockaroo API key',
    provider: 'Mockaroo',
    source: 'https://www.mockaroo.com/api/docs',
    description:
      'Mockaroo API key (8 hex) given as the key parameter of api.mockaroo.com, to the SDK or under a key setting, with Mockaroo named within 300 characters. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'Mockaroo (My Account: regenerate the API key)'),
    severity: 'medium',
    keywords: ['mockaroo'],
    pattern: alone('[a-f0-9]{8}'),
    check: [
      { nearText: { pattern: 'mockaroo', within: 300 } },
      { anyOf: [{ keyedBy: 'key|token' }, { precededBy: '[?&]key=' }] },
    ],
    samples: (fake) => ({
      match: [
        `MOCKAROO_API_KEY=${fake.hex(8)}`,
        `fetch("https://api.mockaroo.com/api/generate.json?count=100&key=${fake.hex(8)}&schema=Person")`,
        `const client = new Mockaroo.Client({ apiKey: "${fake.hex(8)}" });`,
      ],
      ignore: [
        `MOCKAROO_API_KEY=xxxxxxxx`,
        `# mockaroo fixtures\ncommit: ${fake.hex(8)}`,
        `MOCKAROO_API_KEY=${fake.hex(7)}`,
        `API_KEY=${fake.hex(8)}`,
      ],
    }),
  }),
];

/**
 * A password in a variable that a front-end build embeds in the code it ships to browsers
 * (Create React App's REACT_APP_, Vite's VITE_, Next.js's NEXT_PUBLIC_): readable by anyone
 * who loads the app, so reported even commented out.
 */
function bundledPassword({
  id,
  prefix,
  provider,
  source,
  embeds,
  read,
  ignore = () => [],
}: {
  id: string;
  /** The variable prefix the build embeds (`VITE_`). */
  prefix: string;
  provider: string;
  source: string;
  /** How the build embeds the variables, as a clause. */
  embeds: string;
  /** Code that reads the variable, which holds no password. */
  read: string;
  ignore?: (fake: Fake) => string[];
}): Rule {
  return defineRule({
    id,
    title: `Password in a ${prefix} variable`,
    provider,
    source,
    description: `A password assigned to a ${prefix}…PASS or ${prefix}…PASSWORD variable (an .env file, a build environment, commented out or not): ${embeds}, so the password is also readable by anyone who loads the app.`,
    remediation:
      'Change the password, remove it from the repository and from the built bundles, and let a server authenticate instead: nothing a browser loads can keep a secret.',
    keywords: [prefix.toLowerCase()],
    pattern: String.raw`(?<![A-Za-z0-9_])${prefix}(?:[A-Z0-9_]{0,60}_)?PASS(?:WORD)?[ \t]{0,4}[=:][ \t]{0,4}["']?(?<secret>[^\s"'$#]{6,128})`,
    check: 'password-like',
    samples: (fake) => ({
      match: [
        `${prefix}API_PASSWORD=${fakePassword(fake)}`,
        `# ${prefix}GUEST_PASS=${fakePassword(fake)}`,
        `    environment:\n      ${prefix}ADMIN_PASSWORD: "${fakePassword(fake)}"`,
      ],
      ignore: [
        `${prefix}PASSWORD=\${PASSWORD}`,
        `${prefix}PASSWORD=changeme`,
        `${prefix}PASSWORD_MIN_LENGTH=12`,
        `const password = ${read};`,
        ...ignore(fake),
      ],
    }),
  });
}
