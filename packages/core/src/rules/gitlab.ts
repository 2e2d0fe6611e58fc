import { BASE62, BASE64URL, LOWER_ALNUM } from '../codec/alphabets.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';

const PREFIXES = 'https://docs.gitlab.com/ee/security/tokens/index.html#token-prefixes';

// Routable tokens (GitLab 17+) append a base64url payload, "." and 9 base36 characters.

const FIX = remediation(
  'token',
  'GitLab (user, project or group settings, or the runner/deploy token page)',
);

function gitlab(
  id: string,
  title: string,
  prefix: string,
  body: string,
  make: (fake: Fake) => string,
  description: string,
): Rule {
  return defineRule({
    id,
    title,
    provider: 'GitLab',
    source: PREFIXES,
    description,
    remediation: FIX,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])${prefix}${body}(?![A-Za-z0-9_-])`, 'g'),
    token: (fake) => prefix + make(fake),
  });
}

const b64url = (n: number) => (fake: Fake) => fake.string(BASE64URL, n);

export const gitlabRules: Rule[] = [
  defineRule({
    id: 'gitlab-pat',
    title: 'GitLab personal, project or group access token',
    provider: 'GitLab',
    source: PREFIXES,
    description: 'GitLab access token ("glpat-"), legacy 20-character or routable form.',
    remediation: FIX,
    keywords: ['glpat-'],
    pattern:
      /(?<![A-Za-z0-9_-])glpat-(?:[A-Za-z0-9_-]{20}|[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7})(?![A-Za-z0-9_-])/,
    token: (fake) =>
      fake.pick([true, false])
        ? `glpat-${fake.string(BASE64URL, 20)}`
        : `glpat-${fake.string(BASE64URL, 36)}.01${fake.string(LOWER_ALNUM, 7)}`,
  }),
  gitlab(
    'gitlab-pipeline-trigger-token',
    'GitLab pipeline trigger token',
    'glptt-',
    '[0-9a-f]{40}',
    (f) => f.hex(40),
    'GitLab pipeline trigger token ("glptt-" and 40 hex).',
  ),
  gitlab(
    'gitlab-runner-registration-token',
    'GitLab runner registration token',
    'GR1348941',
    '[A-Za-z0-9_-]{20}',
    b64url(20),
    'Deprecated GitLab runner registration token ("GR1348941…").',
  ),
  gitlab(
    'gitlab-runner-token',
    'GitLab runner authentication token',
    'glrt-',
    '(?:t\\d_)?[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{9})?',
    b64url(20),
    'GitLab runner authentication token ("glrt-").',
  ),
  gitlab(
    'gitlab-deploy-token',
    'GitLab deploy token',
    'gldt-',
    '[A-Za-z0-9_-]{20}',
    b64url(20),
    'GitLab deploy token ("gldt-"): read or write access to a repository and registry.',
  ),
  gitlab(
    'gitlab-feed-token',
    'GitLab feed token',
    'glft-',
    '[A-Za-z0-9_-]{20}',
    b64url(20),
    'GitLab feed token ("glft-") for RSS and calendar feeds.',
  ),
  gitlab(
    'gitlab-ci-job-token',
    'GitLab CI/CD job token',
    'glcbt-',
    '[0-9a-zA-Z]{1,5}_[A-Za-z0-9_-]{20}',
    (f) => `${f.base62(2)}_${f.string(BASE64URL, 20)}`,
    'GitLab CI/CD job token ("glcbt-"), valid while its job runs.',
  ),
  gitlab(
    'gitlab-oauth-app-secret',
    'GitLab OAuth application secret',
    'gloas-',
    '[A-Za-z0-9_-]{64}',
    b64url(64),
    'Secret of a GitLab OAuth application ("gloas-").',
  ),
  gitlab(
    'gitlab-scim-token',
    'GitLab SCIM token',
    'glsoat-',
    '[A-Za-z0-9_-]{20}',
    b64url(20),
    'GitLab SCIM OAuth token ("glsoat-") for user provisioning.',
  ),
  gitlab(
    'gitlab-agent-token',
    'GitLab Kubernetes agent token',
    'glagent-',
    '[A-Za-z0-9_-]{50}',
    b64url(50),
    'GitLab agent for Kubernetes token ("glagent-").',
  ),
  gitlab(
    'gitlab-incoming-mail-token',
    'GitLab incoming mail token',
    'glimt-',
    '[A-Za-z0-9_-]{25}',
    b64url(25),
    'GitLab incoming email token ("glimt-").',
  ),
  gitlab(
    'gitlab-feature-flag-token',
    'GitLab feature flag client token',
    'glffct-',
    '[A-Za-z0-9_-]{20}',
    (f) => f.string(BASE62, 20),
    'GitLab feature flags client token ("glffct-").',
  ),
];
