import { BASE32, BASE64, LOWER_ALNUM } from '../codec/alphabets.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';

// Access key ids: a 4-character type prefix and 16 base32 characters. Secret access keys
// are 40 base64 characters with no prefix: found by the key they are assigned to
// (aws_secret_access_key, SecretAccessKey, secretAccessKey), or passed beside their key id
// (`Credentials("AKIA…", "…")`, a CSV row). Session tokens (STS) are long base64,
// URL-encoded in presigned URLs (X-Amz-Security-Token).

const FIX =
  'Deactivate and delete the access key in IAM, check CloudTrail for its use, and load credentials from the environment, a profile or a role instead.';

function keyId(fake: Fake, prefix: string): string {
  return prefix + fake.string(BASE32, 16);
}

export const awsAccessKeyId = defineRule({
  id: 'aws-access-key-id',
  title: 'AWS access key id',
  provider: 'Amazon Web Services',
  source:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
  description:
    'AWS access key id (AKIA long-term, ASIA temporary, and the ABIA/ACCA variants). The id alone is not a secret, but its secret key is rarely far away.',
  remediation: FIX,
  severity: 'high',
  keywords: ['akia', 'asia', 'abia', 'acca'],
  prefix: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  body: '[A-Z2-7]{16}',
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

/** An access key id made from other token material, so that no id is written out here. */
const idFrom = (material: string) =>
  `AKIA${material
    .slice(0, 16)
    .toUpperCase()
    .replace(/[^A-Z2-7]/g, 'Q')}`;

/** A secret access key: 40 base64 characters, mixing cases as random base64 does. */
const secretKey = (fake: Fake) => `${fake.string(BASE64, 38)}${fake.pick(['a', 'b'])}Z`;

export const awsSecretAccessKey = defineRule({
  id: 'aws-secret-access-key',
  title: 'AWS secret access key',
  provider: 'Amazon Web Services',
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  description:
    'AWS secret access key: 40 random base64 characters assigned to aws_secret_access_key, SecretAccessKey or the like, or written within two lines of an access key id.',
  remediation: FIX,
  severity: 'critical',
  keywords: ['secret_access_key', 'secretaccesskey', 'aws_secret_key', 'secret-access-key'],
  pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/,
  scope: 'line',
  check: [
    'random',
    'mixed-case',
    {
      anyOf: [
        { keyedBy: 'secret[_.-]?access[_.-]?key|aws[_.-]?secret[_.-]?key' },
        { near: { rule: 'aws-access-key-id', withinLines: 2 } },
      ],
    },
  ],
  token: secretKey,
  contexts: [
    (t) => `aws_secret_access_key = ${t}`,
    (t) => `AWS_SECRET_ACCESS_KEY="${t}"`,
    (t) => `{"AccessKeyId": "ASIA", "SecretAccessKey": "${t}"}`,
    (t) => `  secretAccessKey: '${t}',`,
    (t) => `s3 = boto3.client("s3", "${idFrom(t.slice(20))}", "${t}")`,
    (t) => `access_key,secret\n${idFrom(t.slice(20))},${t}`,
  ],
  ignore: (fake) => [
    fake.string(BASE64, 40),
    `checksum = ${fake.string(BASE64, 40)}`,
    `${keyId(fake, 'AKIA')}\ncommit ${fake.hex(40)}`,
  ],
});

export const awsSessionToken = defineRule({
  id: 'aws-session-token',
  title: 'AWS session token',
  provider: 'Amazon Web Services',
  source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html',
  description:
    'Temporary AWS session token (STS), assigned to aws_session_token, SessionToken or the like, or URL-encoded in a presigned URL (X-Amz-Security-Token).',
  remediation:
    'Session tokens expire, but until then they act as the role: revoke active sessions of the role in IAM if needed, and never commit temporary credentials or presigned URLs.',
  keywords: ['session_token', 'sessiontoken', 'security_token', 'securitytoken', 'security-token'],
  pattern: /(?<![A-Za-z0-9+/%])[A-Za-z0-9+/%]{100,4000}={0,2}(?![A-Za-z0-9+/=%])/,
  scope: 'line',
  check: ['random', { keyedBy: 'session[_.-]?token|security[_.-]?token' }],
  token: (fake) => `IQoJb3JpZ2luX2Vj${fake.string(BASE64, 300)}`,
  contexts: [
    (t) => `aws_session_token = ${t}`,
    (t) => `"SessionToken": "${t}",`,
    (t) => `export AWS_SESSION_TOKEN=${t}`,
    (t) =>
      `https://bucket.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${idFrom(t)}%2F20250101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=${encodeURIComponent(t)}&X-Amz-Signature=0a1b2c`,
  ],
});

export const awsMwsAuthToken = defineRule({
  id: 'aws-mws-auth-token',
  title: 'Amazon MWS auth token',
  provider: 'Amazon Marketplace Web Service',
  source: 'https://developer.amazon.com/docs/amazon-pay-registration/create-mwsauthtoken.html',
  description:
    'Amazon Marketplace Web Service auth token ("amzn.mws." and a UUID). The format is observed: the provider documents only how the key is used.',
  remediation: remediation('MWS auth token', 'Seller Central (User Permissions)'),
  keywords: ['amzn.mws.'],
  prefix: 'amzn.mws.',
  body: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  token: (fake) =>
    `amzn.mws.${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`,
});

export const awsRules: Rule[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  awsSessionToken,
  awsMwsAuthToken,
  defineRule({
    id: 'aws-appsync-api-key',
    title: 'AWS AppSync API key',
    provider: 'Amazon Web Services',
    source: 'https://docs.aws.amazon.com/appsync/latest/APIReference/API_ApiKey.html',
    description:
      'AWS AppSync GraphQL API key ("da2-" and 26 lower-case letters and digits), sent in the x-api-key header.',
    remediation: remediation('API key (delete it)', 'the AppSync console (Settings > API keys)'),
    severity: 'medium',
    keywords: ['da2-'],
    prefix: 'da2-',
    body: '[a-z0-9]{26}',
    boundary: 'token',
    token: (fake) => `da2-${fake.string(LOWER_ALNUM, 26)}`,
    contexts: [
      (t) => `"aws_appsync_apiKey": "${t}",`,
      (t) =>
        `curl -H "x-api-key: ${t}" https://example.appsync-api.us-east-1.amazonaws.com/graphql`,
      (t) => `APPSYNC_API_KEY=${t}`,
    ],
  }),
];
