import { withBase62Crc32 } from '../codec/crc32.js';
import type { Fake, Rule } from '../types.js';
import { defineRule } from './define-rule.js';

const FORMATS = 'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/';

// A classic token is a prefix, 30 base62 characters and a 6-character base62 CRC-32 of them.

const REMEDIATION =
  'Revoke the token in GitHub settings (or ask an organisation owner), create a new one, and keep it in a secret store or CI secret instead of the repository.';

function classicToken(fake: Fake, prefix: string): string {
  return withBase62Crc32(prefix, fake.base62(30));
}

function defineClassic(id: string, prefix: string, title: string): Rule {
  return defineRule({
    id,
    title,
    provider: 'GitHub',
    source: FORMATS,
    description: `${title}: a "${prefix}" token with a valid CRC-32 checksum.`,
    remediation: REMEDIATION,
    severity: 'high',
    keywords: [prefix],
    prefix,
    body: '[A-Za-z0-9]{36}',
    check: 'base62-crc32',
    samples: (fake) => {
      const token = classicToken(fake, prefix);
      const broken = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
      return {
        match: [
          token,
          `GITHUB_TOKEN=${classicToken(fake, prefix)}`,
          `auth: "token ${classicToken(fake, prefix)}"`,
        ],
        ignore: [
          broken,
          `${prefix}${'x'.repeat(36)}`,
          `${classicToken(fake, prefix)}9`,
          `${prefix}${fake.base62(20)}`,
        ],
      };
    },
  });
}

export const githubPat = defineClassic(
  'github-pat',
  'ghp_',
  'GitHub personal access token (classic)',
);
export const githubOauthToken = defineClassic(
  'github-oauth-token',
  'gho_',
  'GitHub OAuth access token',
);
export const githubUserToServerToken = defineClassic(
  'github-user-to-server-token',
  'ghu_',
  'GitHub App user-to-server token',
);
export const githubServerToServerToken = defineClassic(
  'github-server-to-server-token',
  'ghs_',
  'GitHub App installation token',
);
export const githubRefreshToken = defineClassic(
  'github-refresh-token',
  'ghr_',
  'GitHub App refresh token',
);

export const githubFineGrainedPat = defineRule({
  id: 'github-fine-grained-pat',
  title: 'GitHub fine-grained personal access token',
  provider: 'GitHub',
  source: FORMATS,
  description:
    'GitHub fine-grained personal access token: "github_pat_", 22 base62 characters, "_" and 59 more.',
  remediation: REMEDIATION,
  severity: 'high',
  keywords: ['github_pat_'],
  prefix: 'github_pat_',
  body: '[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
  boundary: 'word',
  samples: (fake) => ({
    match: [
      `github_pat_${fake.base62(22)}_${fake.base62(59)}`,
      `export GH_TOKEN="github_pat_${fake.base62(22)}_${fake.base62(59)}"`,
    ],
    ignore: [`github_pat_${fake.base62(22)}_${fake.base62(30)}`, 'github_pat_'],
  }),
});

export const githubRules = [
  githubPat,
  githubOauthToken,
  githubUserToServerToken,
  githubServerToServerToken,
  githubRefreshToken,
  githubFineGrainedPat,
];
