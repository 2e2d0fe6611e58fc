import { defineRule } from './define-rule.js';
import type { Fake } from '../types.js';

// PEM (RFC 7468) and OpenSSH private key blocks: a BEGIN line naming a private key, a
// base64 body and the END line. The body must look like key material, so code that
// assembles a PEM around a variable is not reported.

const BODY_CHARS = /[A-Za-z0-9+/=]/g;

/** At least 64 base64 characters, making up most of the block once line breaks and headers are dropped. */
function looksLikeKeyMaterial(body: string): boolean {
  const compact = body.replace(/\\[nr]|\s/g, '');
  const base64 = compact.match(BODY_CHARS)?.length ?? 0;
  return base64 >= 64 && base64 >= compact.length * 0.9;
}

function pemBlock(fake: Fake, label: string, separator = '\n'): string {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) lines.push(fake.base64(64));
  lines.push(`${fake.base64(30)}==`);
  const dashes = '-'.repeat(5);
  return [`${dashes}BEGIN ${label}${dashes}`, ...lines, `${dashes}END ${label}${dashes}`].join(separator);
}

export const privateKey = defineRule({
  id: 'private-key',
  title: 'Private key',
  description: 'A PEM or OpenSSH private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted), in a file or an escaped string.',
  remediation:
    'Treat the key as compromised: revoke or replace it wherever it is trusted (servers, certificates, deploy keys), and keep keys out of the repository.',
  severity: 'critical',
  keywords: ['private key'],
  pattern:
    /-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY-----\s*(?<secret>[\s\S]{64,16384}?)\s*-----END[ A-Z0-9]{0,24}PRIVATE KEY-----/g,
  validate: looksLikeKeyMaterial,
  samples: (fake) => ({
    match: [
      pemBlock(fake, 'RSA PRIVATE KEY'),
      pemBlock(fake, 'PRIVATE KEY'),
      pemBlock(fake, 'OPENSSH PRIVATE KEY'),
      pemBlock(fake, 'EC PRIVATE KEY', '\r\n'),
      `{"private_key": "${pemBlock(fake, 'PRIVATE KEY', '\\n')}"}`,
    ],
    ignore: [
      pemBlock(fake, 'PUBLIC KEY'),
      pemBlock(fake, 'CERTIFICATE'),
      `const pem = \`-----BEGIN PRIVATE KEY-----\n\${body}\n-----END PRIVATE KEY-----\`;`,
    ],
  }),
});

export const privateKeyRules = [privateKey];
