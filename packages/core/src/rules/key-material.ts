// Private key bodies: what a block's body must look like to be key material rather than a
// stand-in, and the structure its label promises (RFC 7468 PEM over DER, PKCS #1 and #8,
// SEC 1; OpenSSH's `openssh-key-v1`; OpenPGP packets, RFC 4880 §4.2).

import { decodeBase64 } from '../codec/base64.js';
import { typedShare } from '../codec/placeholder.js';

/**
 * An ellipsis, a fill or a stand-in word of five letters or more. Shorter words (`test`,
 * `fake`) occur by chance in about one random key body in a thousand, so they are kept.
 */
const ELLIPSIS_OR_PLACEHOLDER =
  /\.\.\.|…|x{6,}|X{6,}|example|redacted|dummy|sample|placeholder|changeme|your[ _-]?(?:private[ _-]?)?(?:key|token)/i;

/** A header line of an armored block (`Proc-Type: 4,ENCRYPTED`, `Comment: backup`). */
const HEADER = /^[A-Za-z][A-Za-z0-9-]{0,39}: /;

/** A key block's body, reduced to its base64, with what else it held. */
export interface KeyBody {
  base64: string;
  /** Whether it had header lines (an encrypted PEM names its cipher there). */
  headers: boolean;
  /** Characters that are neither base64 nor the marks around wrapped lines. */
  foreign: number;
}

/**
 * The base64 of a key block's body: line breaks, escaped line breaks (`\n`), the marks
 * that wrap lines in code and documentation (quotes, `+` concatenation, a `\` continuation,
 * `>` quoting, `*` and `//` and `#` comment marks), header lines and an armor checksum
 * (`=AbCd`) dropped.
 */
export function keyBody(body: string): KeyBody {
  // A key block's checks (material, then structure) ask about the same body in a row.
  if (lastBody?.body === body) return lastBody.parsed;
  const parsed = parseKeyBody(body);
  lastBody = { body, parsed };
  return parsed;
}

/** The last body `keyBody` read: the checks of one candidate share it. */
let lastBody: { body: string; parsed: KeyBody } | undefined;

function parseKeyBody(body: string): KeyBody {
  let base64 = '';
  let headers = false;
  let foreign = 0;
  for (const raw of body.split(/\r?\n|(?:\\r)?\\n/)) {
    let line = raw.trim();
    if (HEADER.test(line)) {
      headers = true;
      continue;
    }
    line = line
      .replace(/^(?:["'`]|\+[ \t]*["'`]|>|\*|\/\/[ \t]|#|\|)+[ \t]*/, '')
      .replace(/(?:\\|["'`][ \t]*[+,;.]?|[ \t]\+|[,;])+$/, '')
      .trim();
    if (/^=[A-Za-z0-9+/]{4}$/.test(line) || /^[+'"`\\]*$/.test(line)) continue;
    for (const char of line) {
      if (/[A-Za-z0-9+/=]/.test(char)) base64 += char;
      else if (char !== ' ' && char !== '\t') foreign++;
    }
  }
  return { base64, headers, foreign };
}

/**
 * At least 64 base64 characters, making up nearly all of the body once its wrapping is
 * dropped, no ellipsis or stand-in text, and not mostly a typed fill (runs, sequences,
 * patterns: `typedShare`). Key bodies legitimately hold long runs of `A` (OpenSSH headers),
 * so rules with this check skip the generic placeholder filter.
 */
export function isKeyMaterial(body: string): boolean {
  if (ELLIPSIS_OR_PLACEHOLDER.test(body)) return false;
  const { base64, foreign } = keyBody(body);
  return base64.length >= 64 && foreign <= base64.length * 0.1 && typedShare(base64) < 0.5;
}

/** The first bytes of a body's base64. */
function head(base64: string, bytes = 24): Uint8Array | undefined {
  const chars = Math.ceil((bytes * 4) / 3 / 4) * 4;
  return decodeBase64(base64.slice(0, chars).replace(/=+$/, ''));
}

const OPENSSH_MAGIC = 'openssh-key-v1\0';

/** Whether `bytes` start with `openssh-key-v1\0`. */
function isOpenSsh(bytes: Uint8Array): boolean {
  for (let i = 0; i < OPENSSH_MAGIC.length; i++)
    if (bytes[i] !== OPENSSH_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * A DER private key: a SEQUENCE whose first element is the INTEGER version 0 or 1,
 * followed by an INTEGER (PKCS #1 RSA and DSA), a SEQUENCE (PKCS #8 PrivateKeyInfo) or an
 * OCTET STRING (SEC 1 EC). Public keys and certificates start with a SEQUENCE instead.
 */
export function isDerPrivateKey(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const lengthByte = bytes[1] ?? 0;
  const at = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  if (lengthByte === 0x80 || at > 5) return false;
  return (
    bytes[at] === 0x02 &&
    bytes[at + 1] === 0x01 &&
    (bytes[at + 2] === 0x00 || bytes[at + 2] === 0x01) &&
    [0x02, 0x30, 0x04].includes(bytes[at + 3] ?? -1)
  );
}

/** A DER encrypted PKCS #8 key: a SEQUENCE holding the algorithm SEQUENCE first. */
function isDerEncryptedKey(bytes: Uint8Array): boolean {
  const lengthByte = bytes[1] ?? 0;
  const at = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  return bytes[0] === 0x30 && bytes[at] === 0x30;
}

/** An OpenPGP secret key packet (tag 5), in the old or the new packet format. */
function isPgpSecretKey(bytes: Uint8Array): boolean {
  const tag = bytes[0] ?? 0;
  return tag === 0xc5 || (tag >= 0x94 && tag <= 0x97);
}

/**
 * Whether the body has the structure its label (`RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`,
 * `PGP PRIVATE KEY BLOCK`, …) promises. Encrypted PEM bodies (with a `Proc-Type` header)
 * are ciphertext and pass; labels without a known structure pass.
 */
export function hasKeyStructure(label: string, body: string): boolean {
  const { base64, headers } = keyBody(body);
  const bytes = head(base64);
  if (!bytes) return false;
  if (/OPENSSH/.test(label)) return isOpenSsh(bytes);
  if (/PGP/.test(label)) return isPgpSecretKey(bytes);
  if (/ENCRYPTED/.test(label)) return isDerEncryptedKey(bytes);
  if (/^(?:RSA |DSA |EC )?PRIVATE KEY$/.test(label.trim()))
    return headers || isDerPrivateKey(bytes);
  return true;
}

/**
 * The end of a BEGIN line of a private key block and its header lines, just before a body
 * (real or escaped line breaks): a body there is the block's, which the armored rules judge.
 */
const AFTER_BEGIN =
  /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[ \t]*(?:\r?\n|\\n)(?:[A-Za-z-]{1,40}: [^\n]{0,200}(?:\r?\n|\\n))*[ \t"'`]*$/;

/**
 * A key body pasted without its BEGIN and END lines: DER private key or `openssh-key-v1`
 * structure, not the first line of a block that has them (`before`: the text just before it).
 */
export function isBarePrivateKey(body: string, before = ''): boolean {
  if (AFTER_BEGIN.test(before.slice(-400))) return false;
  const { base64 } = keyBody(body);
  const bytes = head(base64);
  return bytes !== undefined && base64.length >= 60 && (isDerPrivateKey(bytes) || isOpenSsh(bytes));
}
