import { BASE64URL, HEX, LOWER_ALNUM } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import { withBase62Crc32 } from '../codec/crc32.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakeUuid } from './shapes.js';
import { hexKey, keyedRule } from './keyed.js';

// npm tokens are "npm_", 30 base62 characters and their base62 CRC-32; PyPI tokens a
// base64url macaroon whose location is pypi.org; JFrog reference tokens base64 of
// "reftkn:01:…".

const rotate = (what: string, where: string) => remediation(what, where);

function pypiToken(fake: Fake): string {
  // 0x02 version, field 0x01 (location), length 8, "pypi.org", then field 0x02 (identifier).
  const head = toBase64(`\u0002\u0001\u0008pypi.org\u0002\u0001\u0000`, true);
  return `pypi-${head}${fake.string(BASE64URL, 150)}`;
}

export const registryRules: Rule[] = [
  defineRule({
    id: 'npm-access-token',
    title: 'npm access token',
    provider: 'npm (GitHub)',
    source: 'https://github.blog/2021-09-23-announcing-npms-new-access-token-format/',
    description:
      'npm access token ("npm_" with a valid CRC-32 checksum): can publish packages as its owner.',
    remediation: rotate('token', 'npmjs.com (Access Tokens)'),
    keywords: ['npm_'],
    prefix: 'npm_',
    body: '[A-Za-z0-9]{36}',
    boundary: 'word',
    check: 'base62-crc32',
    token: (fake) => withBase62Crc32('npm_', fake.base62(30)),
    ignore: (fake) => [`npm_${fake.base62(36)}`],
  }),
  defineRule({
    id: 'npmrc-auth-token',
    title: '.npmrc registry credential',
    provider: 'npm registries',
    source: 'https://docs.npmjs.com/cli/configuring-npm/npmrc',
    description: 'A registry credential in .npmrc: _authToken, _auth or _password for a registry.',
    remediation:
      rotate('registry token', 'the registry (npmjs.com, GitHub Packages, Artifactory, …)') +
      ' Use ${NPM_TOKEN} in .npmrc.',
    severity: 'high',
    keywords: ['_authtoken', '_auth=', '_password='],
    pattern:
      /(?:^|[\s"'])(?:\/\/[^\s=:"']{1,200}:)?(?:_authToken|_auth|_password)[ \t]*=[ \t]*["']?(?<secret>[^\s"']{8,512})/,
    samples: (fake) => ({
      match: [
        `//registry.npmjs.org/:_authToken=${fakeUuid(fake)}`,
        `//npm.pkg.github.com/:_authToken=${fake.base62(40)}`,
        `_auth=${toBase64(`ci:${fake.base62(16)}`)}`,
      ],
      ignore: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        '_auth=',
        '//r.example/:_authToken=<token>',
      ],
    }),
  }),
  defineRule({
    id: 'pypi-api-token',
    title: 'PyPI API token',
    provider: 'PyPI',
    source: 'https://pypi.org/help/#apitoken',
    description:
      'PyPI or TestPyPI upload token ("pypi-", a macaroon whose location decodes to pypi.org).',
    remediation:
      rotate('API token', 'pypi.org (Account settings > API tokens)') +
      ' Prefer trusted publishing from CI.',
    keywords: ['pypi-age'],
    prefix: 'pypi-AgE',
    body: '[A-Za-z0-9_-]{50,1000}',
    boundary: 'token',
    check: 'pypi-macaroon',
    token: pypiToken,
    ignore: (fake) => [
      `pypi-AgEIcHlwaS5jb20${fake.string(BASE64URL, 80)}`,
      `pypi-AgE${fake.string(BASE64URL, 80)}`,
    ],
  }),
  defineRule({
    id: 'nuget-api-key',
    title: 'NuGet API key',
    provider: 'NuGet (Microsoft)',
    source: 'https://learn.microsoft.com/nuget/nuget-org/publish-a-package',
    description: 'nuget.org API key ("oy2" and 43 lower-case characters).',
    remediation: rotate('API key', 'nuget.org (API Keys)'),
    keywords: ['oy2'],
    prefix: 'oy2',
    body: '[a-z0-9]{43}',
    token: (fake) => `oy2${fake.string(LOWER_ALNUM, 43)}`,
  }),
  defineRule({
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    provider: 'RubyGems.org',
    source: 'https://guides.rubygems.org/api-key-scopes/',
    description: 'rubygems.org API key ("rubygems_" and 48 hex).',
    remediation: rotate('API key', 'rubygems.org (Settings > API keys)'),
    keywords: ['rubygems_'],
    prefix: 'rubygems_',
    body: '[a-f0-9]{48}',
    boundary: 'word',
    token: (fake) => `rubygems_${fake.string(HEX, 48)}`,
  }),
  defineRule({
    id: 'dockerhub-pat',
    title: 'Docker Hub personal access token',
    provider: 'Docker',
    source: 'https://docs.docker.com/security/for-developers/access-tokens/',
    description: 'Docker Hub personal access token ("dckr_pat_").',
    remediation: rotate('access token', 'Docker Hub (Account settings > Personal access tokens)'),
    keywords: ['dckr_pat_'],
    prefix: 'dckr_pat_',
    body: '[A-Za-z0-9_-]{27}',
    boundary: 'word',
    token: (fake) => `dckr_pat_${fake.string(BASE64URL, 27)}`,
  }),
  defineRule({
    id: 'dockerhub-oat',
    title: 'Docker Hub organization access token',
    provider: 'Docker',
    source: 'https://docs.docker.com/security/for-developers/access-tokens/',
    description: 'Docker Hub organization access token ("dckr_oat_").',
    remediation: rotate('organization access token', 'Docker Hub (organization settings)'),
    keywords: ['dckr_oat_'],
    prefix: 'dckr_oat_',
    body: '[A-Za-z0-9_-]{32}',
    boundary: 'word',
    token: (fake) => `dckr_oat_${fake.string(BASE64URL, 32)}`,
  }),
  defineRule({
    id: 'docker-config-auth',
    title: 'Docker registry credential (config.json auths)',
    provider: 'Container registries (Docker)',
    source: 'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
    description: 'A registry login in Docker\'s config.json: "auth" holds base64 of user:password.',
    remediation:
      'Change the registry password or token, run `docker logout`, and use a credential helper (credsStore) instead of inline auths.',
    severity: 'high',
    keywords: ['"auth"'],
    pattern: /"auth"\s{0,10}:\s{0,10}"(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})"/,
    check: { base64Text: '^[^:\\s]{1,256}:\\S{4,}$' },
    samples: (fake) => ({
      match: [
        `{\n  "auths": {\n    "registry.example.io": {\n      "auth": "${toBase64(`deploy:${fake.base62(24)}`)}"\n    }\n  }\n}`,
        `DOCKER_AUTH_CONFIG: '{"auths":{"ghcr.io":{"auth":"${toBase64(`ci-bot:${fake.base62(24)}`)}"}}}'`,
      ],
      ignore: [
        `{"auths": {"r.io": {"auth": "${fake.base62(24)}"}}}`,
        '{"auths": {"r.io": {"auth": ""}}}',
      ],
    }),
  }),
  defineRule({
    id: 'crates-io-token',
    title: 'crates.io API token',
    provider: 'crates.io',
    source: 'https://crates.io/settings/tokens',
    description:
      'crates.io API token ("cio" and 32 base62). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('API token', 'crates.io (Account settings > API tokens)'),
    keywords: ['cio'],
    prefix: 'cio',
    body: '[A-Za-z0-9]{32}',
    token: (fake) => `cio${fake.base62(32)}`,
  }),
  defineRule({
    id: 'clojars-token',
    title: 'Clojars deploy token',
    provider: 'Clojars',
    source: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
    description:
      'Clojars deploy token ("CLOJARS_" and 60 characters). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('deploy token', 'clojars.org (Deploy tokens)'),
    keywords: ['clojars_'],
    prefix: 'CLOJARS_',
    body: '[a-z0-9]{60}',
    boundary: 'word',
    token: (fake) => `CLOJARS_${fake.string(LOWER_ALNUM, 60)}`,
  }),
  defineRule({
    id: 'jfrog-reference-token',
    title: 'JFrog reference token',
    provider: 'JFrog',
    source:
      'https://jfrog.com/help/r/jfrog-platform-administration-documentation/understanding-identity-tokens',
    description: 'JFrog Platform reference (access) token: base64 of "reftkn:01:…".',
    remediation: rotate(
      'access token',
      'the JFrog Platform (Administration > Identity and Access)',
    ),
    keywords: ['cmvmdgtuojaxo'],
    prefix: 'cmVmdGtuOjAxO',
    body: '[A-Za-z0-9+/]{51}',
    boundary: 'base64',
    check: { base64Text: '^reftkn:01:' },
    token: (fake) => toBase64(`reftkn:01:${fake.digits(10)}:${fake.base62(36)}`).slice(0, 64),
  }),
  defineRule({
    id: 'artifactory-api-key',
    title: 'Artifactory API key',
    provider: 'JFrog',
    source:
      'https://jfrog.com/help/r/platform-api-key-deprecation-and-the-new-reference-tokens/what-is-a-reference-token',
    description:
      'JFrog Artifactory API key ("AKCp" and 69 base62). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('API key', 'Artifactory (Edit Profile > API key)'),
    keywords: ['akcp'],
    prefix: 'AKCp',
    body: '[A-Za-z0-9]{69}',
    token: (fake) => `AKCp${fake.base62(69)}`,
  }),
  defineRule({
    id: 'pulumi-access-token',
    title: 'Pulumi access token',
    provider: 'Pulumi',
    source: 'https://www.pulumi.com/docs/pulumi-cloud/reference/api-basics',
    description:
      'Pulumi Cloud access token ("pul-" and 40 hex). The format is observed: the provider documents only how the key is used.',
    remediation: rotate('access token', 'Pulumi Cloud (Personal access tokens)'),
    keywords: ['pul-'],
    prefix: 'pul-',
    body: '[a-f0-9]{40}',
    boundary: 'token',
    token: (fake) => `pul-${fake.hex(40)}`,
  }),
  defineRule({
    id: 'sonarqube-token',
    title: 'SonarQube / SonarCloud token',
    provider: 'SonarSource',
    source: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
    description: 'SonarQube or SonarCloud token ("sqp_", "sqa_" or "squ_" and 40 hex).',
    remediation: rotate('token', 'SonarQube (My Account > Security)'),
    keywords: ['sqp_', 'sqa_', 'squ_'],
    prefix: 'sq',
    body: '[apu]_[a-f0-9]{40}',
    boundary: 'word',
    token: (fake) => `${fake.pick(['sqp_', 'sqa_', 'squ_'])}${fake.hex(40)}`,
  }),
  defineRule({
    id: 'sonarqube-legacy-token',
    title: 'SonarQube token (before 9.5)',
    provider: 'SonarSource',
    source: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
    description:
      'SonarQube token from a server before 9.5 (40 hex, no type prefix) assigned to sonar.login, sonar.token, SONAR_TOKEN or another Sonar token setting.',
    remediation: rotate('token', 'SonarQube (My Account > Security)'),
    keywords: ['sonar'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9_-])[a-f0-9]{40}(?![A-Za-z0-9_-])/,
    check: { keyedBy: 'sonar[\\w.-]*(?:login|token|key)' },
    token: (fake) => fake.hex(40),
    contexts: [
      (t) => `sonar.login=${t}`,
      (t) => `SONAR_TOKEN: ${t}`,
      (t) => `mvn sonar:sonar -Dsonar.token=${t}`,
    ],
    ignore: (fake) => [`sonar.scm.revision=${fake.hex(40)}`, `sonar.projectKey=${fake.hex(40)}x`],
  }),
  defineRule({
    id: 'npm-legacy-token',
    title: 'npm legacy access token',
    provider: 'npm (GitHub)',
    source: 'https://docs.npmjs.com/about-access-tokens/',
    description:
      'npm legacy access token (a UUID) assigned to NPM_TOKEN or NODE_AUTH_TOKEN (in .npmrc, npmrc-auth-token reports it). npm revoked legacy tokens on 2025-11-05, so it is low severity: the finding shows a token kept in the repository.',
    remediation:
      'Delete the line; create a granular access token (npm_…) if one is still needed, and load it from the CI secret store (NODE_AUTH_TOKEN) rather than the repository.',
    severity: 'low',
    keywords: ['npm_token', 'node_auth_token'],
    scope: 'line',
    pattern: alone(UUID),
    check: { keyedBy: 'npm[_.-]?token|node[_.-]?auth[_.-]?token' },
    token: fakeUuid,
    contexts: [(t) => `NPM_TOKEN=${t}`, (t) => `env:\n  NODE_AUTH_TOKEN: ${t}`],
    ignore: (fake) => [`npm_package_id=${fakeUuid(fake)}`],
  }),
  keyedRule({
    id: 'packagecloud-api-token',
    title: 'packagecloud API token',
    provider: 'packagecloud',
    source: 'https://packagecloud.io/docs/api',
    credential: 'API token',
    revokeAt: 'packagecloud (Account Settings > API Token)',
    names: ['packagecloud', 'package_cloud'],
    env: 'PACKAGECLOUD_TOKEN',
    shape: hexKey(48),
    hosts: ['packagecloud.io/api', '@packagecloud.io'],
    note: 'the format is observed; the token is the user name of HTTP Basic authentication',
    impact: 'It pushes, promotes and deletes the packages of its user’s repositories.',
    example: (t) => `curl https://${t}:@packagecloud.io/api/v1/repos.json`,
  }),
];
