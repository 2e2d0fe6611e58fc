import { defineRule } from './define-rule.js';
import type { Fake } from '../types.js';

// Access key ids: a 4-character type prefix and 16 base32 characters.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function keyId(fake: Fake, prefix: string): string {
  return prefix + fake.string(BASE32, 16);
}

export const awsAccessKeyId = defineRule({
  id: 'aws-access-key-id',
  title: 'AWS access key id',
  description:
    'AWS access key id (AKIA long-term, ASIA temporary, and the ABIA/ACCA variants). The id alone is not a secret, but its secret key is rarely far away.',
  remediation:
    'Deactivate and delete the access key in IAM, check CloudTrail for its use, and load credentials from the environment, a profile or a role instead.',
  severity: 'high',
  keywords: ['akia', 'asia', 'abia', 'acca'],
  pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
  // AWS documentation uses ids ending in EXAMPLE; they never authenticate.
  validate: (id) => !id.endsWith('EXAMPLE'),
  samples: (fake) => ({
    match: [keyId(fake, 'AKIA'), `aws_access_key_id = ${keyId(fake, 'ASIA')}`, `"AccessKeyId": "${keyId(fake, 'AKIA')}"`],
    ignore: [
      `AKIA${fake.string(BASE32, 9)}EXAMPLE`,
      `AKIA${fake.string(BASE32, 15)}`,
      `XAKIA${fake.string(BASE32, 16)}`,
      `akia${fake.string(BASE32, 16).toLowerCase()}`,
    ],
  }),
});

export const awsRules = [awsAccessKeyId];
