import { BECH32 } from '../codec/alphabets.js';
import { isValidBech32, withBech32Checksum } from '../codec/bech32.js';
import type { Fake } from '../types.js';
import { defineRule, defineToken } from './define-rule.js';

// PEM (RFC 7468) and OpenSSH private key blocks: a BEGIN line naming a private key, a
// base64 body and the END line. The body must look like key material, so code that
// assembles a PEM around a variable is not reported.
// OpenPGP armored private keys: RFC 4880 §6.2 ("BEGIN PGP PRIVATE KEY BLOCK").
// PuTTY: https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html (PuTTY-User-Key-File-2/3).
// SSH2 (RFC 4716 style, as ssh.com writes): "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----".
// age: https://age-encryption.org/v1 ("AGE-SECRET-KEY-1" and bech32 with its checksum).

const BODY_CHARS = /[A-Za-z0-9+/=]/g;
const ELLIPSIS_OR_PLACEHOLDER =
  /\.\.\.|…|x{6,}|X{6,}|example|redacted|your[ _-]?(?:private[ _-]?)?key/i;

const REMEDIATION =
  'Treat the key as compromised: revoke or replace it wherever it is trusted (servers, certificates, deploy keys), and keep keys out of the repository.';

/**
 * At least 64 base64 characters, making up most of the block once line breaks and headers
 * are dropped, and no ellipsis or stand-in text. Key bodies legitimately hold long runs of
 * `A` (OpenSSH headers), so these rules skip the generic placeholder filter and check here.
 */
function looksLikeKeyMaterial(body: string): boolean {
  if (ELLIPSIS_OR_PLACEHOLDER.test(body)) return false;
  const compact = body.replace(/^[A-Za-z-]{1,40}: .*$/gm, '').replace(/\\[nr]|\s/g, '');
  const base64 = compact.match(BODY_CHARS)?.length ?? 0;
  return base64 >= 64 && base64 >= compact.length * 0.9;
}

function armored(
  fake: Fake,
  begin: string,
  end: string,
  separator = '\n',
  headers: string[] = [],
): string {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) lines.push(fake.base64(64));
  lines.push(`${fake.base64(30)}==`);
  return [begin, ...headers, ...lines, end].join(separator);
}

function pemBlock(fake: Fake, label: string, separator = '\n'): string {
  const dashes = '-'.repeat(5);
  return armored(
    fake,
    `${dashes}BEGIN ${label}${dashes}`,
    `${dashes}END ${label}${dashes}`,
    separator,
  );
}

export const privateKey = defineRule({
  id: 'private-key',
  title: 'Private key',
  description:
    'A PEM or OpenSSH private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted), in a file or an escaped string.',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['private key'],
  pattern:
    /-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY-----\s*(?<secret>[^\s-](?:[^-]|-(?!----)){63,16383}?)(?<=\S)\s*-----END[ A-Z0-9]{0,24}PRIVATE KEY-----/g,
  validate: looksLikeKeyMaterial,
  skipFilters: ['placeholder'],
  samples: (fake) => ({
    match: [
      pemBlock(fake, 'RSA PRIVATE KEY'),
      pemBlock(fake, 'PRIVATE KEY'),
      pemBlock(fake, 'OPENSSH PRIVATE KEY'),
      pemBlock(fake, 'ENCRYPTED PRIVATE KEY'),
      pemBlock(fake, 'EC PRIVATE KEY', '\r\n'),
      pemBlock(fake, 'DSA PRIVATE KEY'),
      `{"private_key": "${pemBlock(fake, 'PRIVATE KEY', '\\n')}"}`,
    ],
    ignore: [
      pemBlock(fake, 'PUBLIC KEY'),
      pemBlock(fake, 'CERTIFICATE'),
      `const pem = \`-----BEGIN PRIVATE KEY-----\n\${body}\n-----END PRIVATE KEY-----\`;`,
      `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${fake.base64(40)}\n...\n-----END RSA PRIVATE KEY-----`,
    ],
  }),
});

export const pgpPrivateKey = defineRule({
  id: 'pgp-private-key',
  title: 'PGP private key block',
  description: 'An ASCII-armored OpenPGP private (secret) key block.',
  remediation: `${REMEDIATION} Revoke the PGP key with its revocation certificate and publish the revocation.`,
  severity: 'critical',
  keywords: ['pgp private key block'],
  pattern:
    /-----BEGIN PGP PRIVATE KEY BLOCK-----\s*(?<secret>[^\s-](?:[^-]|-(?!----)){63,65535}?)(?<=\S)\s*-----END PGP PRIVATE KEY BLOCK-----/g,
  validate: looksLikeKeyMaterial,
  skipFilters: ['placeholder'],
  samples: (fake) => ({
    match: [
      armored(
        fake,
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '-----END PGP PRIVATE KEY BLOCK-----',
        '\n',
        [''],
      ),
      armored(
        fake,
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '-----END PGP PRIVATE KEY BLOCK-----',
        '\n',
        ['Comment: backup', ''],
      ),
    ],
    ignore: [
      armored(fake, '-----BEGIN PGP PUBLIC KEY BLOCK-----', '-----END PGP PUBLIC KEY BLOCK-----'),
    ],
  }),
});

export const puttyPrivateKey = defineRule({
  id: 'putty-private-key',
  title: 'PuTTY private key',
  description: 'A PuTTY private key file (.ppk, version 2 or 3).',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['putty-user-key-file-'],
  pattern:
    /PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}\r?\n[\s\S]{0,2000}?Private-Lines: \d{1,3}\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{64,16384})/g,
  validate: looksLikeKeyMaterial,
  skipFilters: ['placeholder'],
  samples: (fake) => {
    const lines = (n: number) => Array.from({ length: n }, () => fake.base64(64)).join('\n');
    return {
      match: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n${lines(2)}\nPrivate-Lines: 2\n${lines(2)}\nPrivate-MAC: ${fake.hex(64)}\n`,
      ],
      ignore: [`PuTTY-User-Key-File-2: ssh-rsa\nPublic-Lines: 2\n${lines(2)}\n`],
    };
  },
});

export const ssh2PrivateKey = defineRule({
  id: 'ssh2-private-key',
  title: 'SSH2 private key',
  description: 'An SSH2 (ssh.com / RFC 4716 style) private key block.',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['begin ssh2 encrypted private key', 'begin ssh2 private key'],
  pattern:
    /---- BEGIN SSH2 (?:ENCRYPTED )?PRIVATE KEY ----\s*(?<secret>[^\s-](?:[^-]|-(?!---)){63,16383}?)(?<=\S)\s*---- END SSH2 (?:ENCRYPTED )?PRIVATE KEY ----/g,
  validate: looksLikeKeyMaterial,
  skipFilters: ['placeholder'],
  samples: (fake) => ({
    match: [
      armored(
        fake,
        '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----',
        '---- END SSH2 ENCRYPTED PRIVATE KEY ----',
        '\n',
        ['Comment: "rsa-key"'],
      ),
    ],
    ignore: [armored(fake, '---- BEGIN SSH2 PUBLIC KEY ----', '---- END SSH2 PUBLIC KEY ----')],
  }),
});

export const ageSecretKey = defineToken({
  id: 'age-secret-key',
  title: 'age secret key',
  description: 'An age encryption identity ("AGE-SECRET-KEY-1" and bech32 with a valid checksum).',
  remediation:
    'Generate a new identity (age-keygen), re-encrypt what the old one protected, and keep identities out of the repository.',
  severity: 'critical',
  keywords: ['age-secret-key-1'],
  pattern:
    /(?<![A-Za-z0-9-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])/g,
  validate: isValidBech32,
  confidence: 'validated',
  // A token that passes its checksum is no stand-in, whatever letters it happens to spell.
  skipFilters: ['placeholder'],
  token: (fake) => withBech32Checksum('AGE-SECRET-KEY-', fake.string(BECH32, 52)),
  ignore: (fake) => [`AGE-SECRET-KEY-1${fake.string(BECH32, 58).toUpperCase()}`],
});

export const privateKeyRules = [
  privateKey,
  pgpPrivateKey,
  puttyPrivateKey,
  ssh2PrivateKey,
  ageSecretKey,
];
