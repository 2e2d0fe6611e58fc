import { BASE32, BASE64 } from '../codec/alphabets.js';
import { isRandomLooking } from '../codec/randomness.js';
import type { Fake, Rule } from '../types.js';
import { keyedBy } from './context.js';
import { defineRule, defineToken, remediation } from './define-rule.js';

// Access key ids: a 4-character type prefix and 16 base32 characters.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
// Secret access keys are 40 base64 characters with no prefix: found by the key they are
// assigned to (aws_secret_access_key, SecretAccessKey, secretAccessKey).

const FIX =
  'Deactivate and delete the access key in IAM, check CloudTrail for its use, and load credentials from the environment, a profile or a role instead.';

function keyId(fake: Fake, prefix: string): string {
  return prefix + fake.string(BASE32, 16);
}

export const awsAccessKeyId = defineRule({
  id: 'aws-access-key-id',
  title: 'AWS access key id',
  description:
    'AWS access key id (AKIA long-term, ASIA temporary, and the ABIA/ACCA variants). The id alone is not a secret, but its secret key is rarely far away.',
  remediation: FIX,
  severity: 'high',
  keywords: ['akia', 'asia', 'abia', 'acca'],
  pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
  samples: (fake) => ({
    match: [
      keyId(fake, 'AKIA'),
      `aws_access_key_id = ${keyId(fake, 'ASIA')}`,
      `"AccessKeyId": "${keyId(fake, 'AKIA')}"`,
    ],
    ignore: [
      `AKIA${fake.string(BASE32, 9)}EXAMPLE`,
      `AKIA${fake.string(BASE32, 15)}`,
      `XAKIA${fake.string(BASE32, 16)}`,
      `akia${fake.string(BASE32, 16).toLowerCase()}`,
    ],
  }),
});

const randomBase64 = (secret: string) => isRandomLooking(secret);

export const awsSecretAccessKey = defineToken({
  id: 'aws-secret-access-key',
  title: 'AWS secret access key',
  description:
    'AWS secret access key: 40 base64 characters assigned to aws_secret_access_key, SecretAccessKey or the like.',
  remediation: FIX,
  severity: 'critical',
  keywords: ['secret_access_key', 'secretaccesskey', 'aws_secret_key', 'secret-access-key'],
  pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g,
  scope: 'line',
  validate: (secret, context) =>
    keyedBy(/secret[_.-]?access[_.-]?key|aws[_.-]?secret[_.-]?key/i)(secret, context) &&
    randomBase64(secret),
  token: (fake) => fake.string(BASE64, 40),
  contexts: [
    (t) => `aws_secret_access_key = ${t}`,
    (t) => `AWS_SECRET_ACCESS_KEY="${t}"`,
    (t) => `{"AccessKeyId": "ASIA", "SecretAccessKey": "${t}"}`,
    (t) => `  secretAccessKey: '${t}',`,
  ],
  ignore: (fake) => [fake.string(BASE64, 40), `checksum = ${fake.string(BASE64, 40)}`],
});

export const awsSessionToken = defineToken({
  id: 'aws-session-token',
  title: 'AWS session token',
  description:
    'Temporary AWS session token (STS), assigned to aws_session_token, SessionToken or the like.',
  remediation:
    'Session tokens expire, but until then they act as the role: revoke active sessions of the role in IAM if needed, and never commit temporary credentials.',
  keywords: ['session_token', 'sessiontoken', 'security_token', 'securitytoken'],
  pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{100,2000}={0,2}(?![A-Za-z0-9+/=])/g,
  scope: 'line',
  validate: (secret, context) =>
    keyedBy(/session[_.-]?token|security[_.-]?token/i)(secret, context) &&
    randomBase64(secret.slice(0, 200)),
  token: (fake) => `IQoJb3JpZ2luX2Vj${fake.string(BASE64, 300)}`,
  contexts: [
    (t) => `aws_session_token = ${t}`,
    (t) => `"SessionToken": "${t}",`,
    (t) => `export AWS_SESSION_TOKEN=${t}`,
  ],
});

export const awsMwsAuthToken = defineToken({
  id: 'aws-mws-auth-token',
  title: 'Amazon MWS auth token',
  description: 'Amazon Marketplace Web Service auth token ("amzn.mws." and a UUID).',
  remediation: remediation('MWS auth token', 'Seller Central (User Permissions)'),
  keywords: ['amzn.mws.'],
  pattern: /amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/g,
  token: (fake) =>
    `amzn.mws.${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`,
});

export const awsRules: Rule[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  awsSessionToken,
  awsMwsAuthToken,
];
