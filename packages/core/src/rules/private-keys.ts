import { BECH32 } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import { withBech32Checksum } from '../codec/bech32.js';
import type { Fake } from '../types.js';
import { defineRule } from './define-rule.js';

// PEM and OpenSSH private key blocks: a BEGIN line naming a private key, a base64 body and
// the END line. The body must look like key material, so code that assembles a PEM around a
// variable is not reported.
// A body must have the structure its label names (RFC 7468 §10-11: PKCS #1, PKCS #8,
// SEC 1 in DER; OpenSSH's PROTOCOL.key: "openssh-key-v1"; RFC 4880 §5.5.3 secret key
// packets), so example bytes under a BEGIN line are not reported. Bodies pasted without
// BEGIN and END lines are found by that structure alone (`private-key-body`).

const REMEDIATION =
  'Treat the key as compromised: revoke or replace it wherever it is trusted (servers, certificates, deploy keys), and keep keys out of the repository.';

/** The start of each structure a body can have, as bytes (DER SEQUENCE and version; magic strings). */
const STRUCTURE: Record<string, readonly number[]> = {
  // PKCS #1 RSAPrivateKey: SEQUENCE, INTEGER 0, INTEGER modulus.
  rsa: [0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00],
  // PKCS #8 PrivateKeyInfo: SEQUENCE, INTEGER 0, SEQUENCE { rsaEncryption }.
  pkcs8: [0x30, 0x82, 0x04, 0xbd, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48],
  // SEC 1 ECPrivateKey: SEQUENCE, INTEGER 1, OCTET STRING.
  ec: [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20],
  // DSA: SEQUENCE, INTEGER 0, INTEGER p.
  dsa: [0x30, 0x82, 0x01, 0xbb, 0x02, 0x01, 0x00, 0x02, 0x81, 0x81, 0x00],
  // PKCS #8 EncryptedPrivateKeyInfo: SEQUENCE, SEQUENCE { PBES2 }.
  encrypted: [0x30, 0x82, 0x05, 0x1c, 0x30, 0x4e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86],
  // openssh-key-v1 and a NUL, then the cipher name's length.
  openssh: [...'openssh-key-v1'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0, 4]),
  // An OpenPGP secret key packet, old format with a two-byte length.
  pgp: [0x95, 0x03, 0xc6, 0x04],
  // Anything else (public keys, certificates): SEQUENCE, SEQUENCE.
  public: [0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86],
};

/** Base64 of `structure`'s bytes and `bytes` random ones, in lines of 64 characters. */
export function keyBodyOf(fake: Fake, structure: keyof typeof STRUCTURE, bytes = 600): string[] {
  const random = Array.from({ length: bytes }, () => Number.parseInt(fake.hex(2), 16));
  const base64 = toBase64(String.fromCharCode(...STRUCTURE[structure]!, ...random));
  return base64.match(/.{1,64}/g)!;
}

function armored(
  body: readonly string[],
  begin: string,
  end: string,
  separator = '\n',
  headers: string[] = [],
): string {
  return [begin, ...headers, ...body, end].join(separator);
}

const dashes = '-'.repeat(5);

function pemBlock(
  fake: Fake,
  label: string,
  structure: keyof typeof STRUCTURE,
  separator = '\n',
): string {
  return armored(
    keyBodyOf(fake, structure),
    `${dashes}BEGIN ${label}${dashes}`,
    `${dashes}END ${label}${dashes}`,
    separator,
  );
}

export const privateKey = defineRule({
  id: 'private-key',
  title: 'Private key',
  provider: 'Any (PEM / OpenSSH key file)',
  source: 'https://www.rfc-editor.org/rfc/rfc7468',
  description:
    'A PEM or OpenSSH private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted), in a file or an escaped string.',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['private key'],
  pattern:
    /-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY-----\s*(?<secret>[^\s-](?:[^-]|-(?!----)){63,16383}?)(?<=\S)\s*-----END[ A-Z0-9]{0,24}PRIVATE KEY-----/,
  check: ['key-material', 'key-structure'],
  samples: (fake) => ({
    match: [
      pemBlock(fake, 'RSA PRIVATE KEY', 'rsa'),
      pemBlock(fake, 'PRIVATE KEY', 'pkcs8'),
      pemBlock(fake, 'OPENSSH PRIVATE KEY', 'openssh'),
      pemBlock(fake, 'ENCRYPTED PRIVATE KEY', 'encrypted'),
      pemBlock(fake, 'EC PRIVATE KEY', 'ec', '\r\n'),
      pemBlock(fake, 'DSA PRIVATE KEY', 'dsa'),
      `{"private_key": "${pemBlock(fake, 'PRIVATE KEY', 'pkcs8', '\\n')}"}`,
      // Wrapped by documentation and code: continuation marks, string concatenation.
      pemBlock(fake, 'RSA PRIVATE KEY', 'rsa', ' \\\n'),
      `key = ("${pemBlock(fake, 'RSA PRIVATE KEY', 'rsa', '\\n"\n  "')}")`,
      `const key =\n  '${pemBlock(fake, 'PRIVATE KEY', 'pkcs8', "\\n' +\n  '")}';`,
      // Encrypted PEM: its body is ciphertext, named by its headers.
      armored(
        keyBodyOf(fake, 'public'),
        `${dashes}BEGIN RSA PRIVATE KEY${dashes}`,
        `${dashes}END RSA PRIVATE KEY${dashes}`,
        '\n',
        ['Proc-Type: 4,ENCRYPTED', `DEK-Info: AES-128-CBC,${fake.hex(32).toUpperCase()}`, ''],
      ),
    ],
    ignore: [
      pemBlock(fake, 'PUBLIC KEY', 'public'),
      pemBlock(fake, 'CERTIFICATE', 'public'),
      `const pem = \`-----BEGIN PRIVATE KEY-----\n\${body}\n-----END PRIVATE KEY-----\`;`,
      `-----BEGIN RSA PRIVATE KEY-----\n${keyBodyOf(fake, 'rsa')[0]}\n...\n-----END RSA PRIVATE KEY-----`,
      // Bodies that are not the structure their label names: stand-ins, example bytes.
      pemBlock(fake, 'OPENSSH PRIVATE KEY', 'pkcs8'),
      pemBlock(fake, 'RSA PRIVATE KEY', 'public'),
      `${dashes}BEGIN OPENSSH PRIVATE KEY${dashes}\n${fake.base64(64)}\n${fake.base64(64)}\n${dashes}END OPENSSH PRIVATE KEY${dashes}`,
    ],
  }),
});

export const pgpPrivateKey = defineRule({
  id: 'pgp-private-key',
  title: 'PGP private key block',
  provider: 'OpenPGP',
  source: 'https://datatracker.ietf.org/doc/rfc4880/',
  description: 'An ASCII-armored OpenPGP private (secret) key block.',
  remediation: `${REMEDIATION} Revoke the PGP key with its revocation certificate and publish the revocation.`,
  severity: 'critical',
  keywords: ['pgp private key block'],
  pattern:
    /-----BEGIN PGP PRIVATE KEY BLOCK-----\s*(?<secret>[^\s-](?:[^-]|-(?!----)){63,65535}?)(?<=\S)\s*-----END PGP PRIVATE KEY BLOCK-----/,
  check: ['key-material', 'key-structure'],
  samples: (fake) => ({
    match: [
      armored(
        keyBodyOf(fake, 'pgp'),
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '-----END PGP PRIVATE KEY BLOCK-----',
        '\n',
        [''],
      ),
      armored(
        [...keyBodyOf(fake, 'pgp'), `=${fake.base64(4)}`],
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '-----END PGP PRIVATE KEY BLOCK-----',
        '\n',
        ['Comment: backup', ''],
      ),
    ],
    ignore: [
      armored(
        keyBodyOf(fake, 'pgp'),
        '-----BEGIN PGP PUBLIC KEY BLOCK-----',
        '-----END PGP PUBLIC KEY BLOCK-----',
      ),
      armored(
        keyBodyOf(fake, 'rsa'),
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '-----END PGP PRIVATE KEY BLOCK-----',
      ),
    ],
  }),
});

export const puttyPrivateKey = defineRule({
  id: 'putty-private-key',
  title: 'PuTTY private key',
  provider: 'PuTTY',
  source: 'https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html',
  description: 'A PuTTY private key file (.ppk, version 2 or 3).',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['putty-user-key-file-'],
  pattern:
    /PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}\r?\n[\s\S]{0,2000}?Private-Lines: \d{1,3}\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{64,16384})/,
  check: 'key-material',
  samples: (fake) => {
    const lines = (n: number) => Array.from({ length: n }, () => fake.base64(64)).join('\n');
    return {
      match: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n${lines(2)}\nPrivate-Lines: 2\n${lines(2)}\nPrivate-MAC: ${fake.hex(64)}\n`,
        `PuTTY-User-Key-File-2: ssh-rsa\r\nEncryption: aes256-cbc\r\nComment: rsa-key-20190412\r\nPublic-Lines: 2\r\n${lines(2)}\r\nPrivate-Lines: 3\r\n${lines(3)}\r\nPrivate-MAC: ${fake.hex(40)}\r\n`,
      ],
      ignore: [`PuTTY-User-Key-File-2: ssh-rsa\nPublic-Lines: 2\n${lines(2)}\n`],
    };
  },
});

export const ssh2PrivateKey = defineRule({
  id: 'ssh2-private-key',
  title: 'SSH2 private key',
  provider: 'SSH2 (ssh.com)',
  source: 'https://www.rfc-editor.org/info/rfc4716',
  description: 'An SSH2 (ssh.com / RFC 4716 style) private key block.',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['begin ssh2 encrypted private key', 'begin ssh2 private key'],
  pattern:
    /---- BEGIN SSH2 (?:ENCRYPTED )?PRIVATE KEY ----\s*(?<secret>[^\s-](?:[^-]|-(?!---)){63,16383}?)(?<=\S)\s*---- END SSH2 (?:ENCRYPTED )?PRIVATE KEY ----/,
  check: 'key-material',
  samples: (fake) => ({
    match: [
      armored(
        keyBodyOf(fake, 'public'),
        '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----',
        '---- END SSH2 ENCRYPTED PRIVATE KEY ----',
        '\n',
        ['Comment: "rsa-key"'],
      ),
      armored(
        keyBodyOf(fake, 'public'),
        '---- BEGIN SSH2 PRIVATE KEY ----',
        '---- END SSH2 PRIVATE KEY ----',
        '\n',
        ['Subject: deploy', 'Comment: "2048-bit rsa, deploy@build-01"'],
      ),
    ],
    ignore: [
      armored(
        keyBodyOf(fake, 'public'),
        '---- BEGIN SSH2 PUBLIC KEY ----',
        '---- END SSH2 PUBLIC KEY ----',
      ),
    ],
  }),
});

export const ageSecretKey = defineRule({
  id: 'age-secret-key',
  title: 'age secret key',
  provider: 'age',
  source: 'https://age-encryption.org/v1',
  description: 'An age encryption identity ("AGE-SECRET-KEY-1" and bech32 with a valid checksum).',
  remediation:
    'Generate a new identity (age-keygen), re-encrypt what the old one protected, and keep identities out of the repository.',
  severity: 'critical',
  keywords: ['age-secret-key-1'],
  pattern: /(?<![A-Za-z0-9-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])/,
  check: 'bech32',
  token: (fake) => withBech32Checksum('AGE-SECRET-KEY-', fake.string(BECH32, 52)),
  ignore: (fake) => [`AGE-SECRET-KEY-1${fake.string(BECH32, 58).toUpperCase()}`],
});

export const privateKeyBody = defineRule({
  id: 'private-key-body',
  title: 'Private key body',
  provider: 'Any (DER / OpenSSH key)',
  source: 'https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key',
  description:
    'The base64 body of a private key pasted without its BEGIN and END lines: a DER private key (PKCS #1, PKCS #8, SEC 1) or an openssh-key-v1 structure, as one string or wrapped in lines.',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['mii', 'mig', 'mhc', 'mc4c', 'b3blbnnzac1rzxktdje'],
  pattern:
    /(?<![A-Za-z0-9+/])(?:MI[IG]|MHc|MC4C|b3BlbnNzaC1rZXktdjE)(?:[A-Za-z0-9+/]|\\n){40,16000}={0,2}(?![A-Za-z0-9+/=])/,
  check: ['key-material', 'bare-private-key'],
  samples: (fake) => ({
    match: [
      `"private_key": "${keyBodyOf(fake, 'pkcs8').join('')}",`,
      `PRIVATE_KEY=${keyBodyOf(fake, 'rsa').join('\\n')}`,
      `ssh_key: |\n  ${keyBodyOf(fake, 'openssh').join('\n  ')}`,
      `ec_key = "${keyBodyOf(fake, 'ec', 100).join('')}"`,
    ],
    ignore: [
      `"public_key": "${keyBodyOf(fake, 'public').join('')}"`,
      `cert: ${keyBodyOf(fake, 'public').join('')}`,
      `MII${fake.base64(30)}`,
    ],
  }),
});

/** A PEM private key block encoded once more in base64 (Kubernetes Secrets, CI variables, Helm values). */
export const privateKeyBase64 = defineRule({
  id: 'private-key-base64',
  title: 'Base64-encoded private key',
  provider: 'Any (PEM key file)',
  source: 'https://www.rfc-editor.org/rfc/rfc7468',
  description:
    'A PEM private key block encoded in base64 as a whole ("LS0tLS1CRUdJTi…", the base64 of "-----BEGIN "), as Kubernetes Secrets, CI variables and Helm values carry it; it must decode to a private key BEGIN line.',
  remediation: REMEDIATION,
  severity: 'critical',
  keywords: ['ls0tls1crudjti'],
  prefix: 'LS0tLS1CRUdJTi',
  body: '[A-Za-z0-9+/]{40,16000}={0,2}',
  boundary: 'base64',
  check: { base64Text: '^-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY-----' },
  samples: (fake) => ({
    match: [
      `tls.key: ${toBase64(pemBlock(fake, 'RSA PRIVATE KEY', 'rsa'))}`,
      `SSH_PRIVATE_KEY_B64="${toBase64(pemBlock(fake, 'OPENSSH PRIVATE KEY', 'openssh'))}"`,
    ],
    ignore: [
      `tls.crt: ${toBase64(pemBlock(fake, 'CERTIFICATE', 'public'))}`,
      `ca.pub: ${toBase64(pemBlock(fake, 'PUBLIC KEY', 'public'))}`,
    ],
  }),
});

/** WireGuard: https://www.wireguard.com/quickstart/ (`wg genkey`, `wg genpsk`: base64 of 32 bytes). */
export const wireguardKey = defineRule({
  id: 'wireguard-key',
  title: 'WireGuard private or preshared key',
  provider: 'WireGuard',
  source: 'https://www.wireguard.com/quickstart/',
  description:
    "A WireGuard private key or preshared key (base64 of 32 bytes) in a configuration's PrivateKey or PresharedKey line (wg-quick, wg setconf, Terraform and Ansible variables named so).",
  remediation:
    'Generate a new key pair (wg genkey | wg pubkey) or preshared key (wg genpsk), replace the peer configuration on both ends, and keep keys out of the repository.',
  severity: 'critical',
  keywords: ['privatekey', 'presharedkey', 'private_key', 'preshared_key'],
  pattern:
    /(?:PrivateKey|PresharedKey|private_key|preshared_key)["']?[ \t]{0,4}[=:][ \t]{0,4}["']?(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/,
  // Any 43 base64 characters and "=" decode to 32 bytes: the length is the whole format.
  scope: 'line',
  samples: (fake) => {
    // 32 bytes of key material (here printable, which changes nothing for the check).
    const key = () => toBase64(fake.base64(32));
    return {
      match: [
        `[Interface]\nAddress = 10.8.0.2/32\nPrivateKey = ${key()}\nDNS = 1.1.1.1`,
        `[Peer]\nPublicKey = ${key()}\nPresharedKey = ${key()}\nAllowedIPs = 0.0.0.0/0`,
        `wireguard_private_key: "${key()}"`,
      ],
      ignore: [
        `[Peer]\nPublicKey = ${key()}\nAllowedIPs = 10.8.0.0/24`,
        `PrivateKey = ${'x'.repeat(43)}=`,
      ],
    };
  },
});

export const privateKeyRules = [
  privateKey,
  privateKeyBase64,
  privateKeyBody,
  pgpPrivateKey,
  puttyPrivateKey,
  ssh2PrivateKey,
  ageSecretKey,
  wireguardKey,
];
