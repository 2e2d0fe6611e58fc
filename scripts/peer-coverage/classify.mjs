// Which peer rules and examples count for the peer-coverage figures (issue 15):
// - a rule counts when it detects a genuine secret (`isSecretRule`): not an identifier,
//   public key, host or password hash, and not one of Kingfisher's hidden helper rules;
// - an example counts when the secret in it looks genuine (`placeholderReason` is
//   undefined for every secret the peer's own pattern captures in it).
// The method is stated in scripts/peer-coverage.mjs and docs/rules.md; keep the three in step.
import { crc32 } from 'node:zlib';

/**
 * Rule names that say the rule finds something that is not a secret. Identifiers name an
 * account, client or key without granting access (the secret half is another rule); public
 * keys and publishable tokens are meant to be shipped; hosts, domains and buckets locate a
 * resource; password hashes are not credentials themselves.
 */
const NOT_A_SECRET =
  /\b(?:(?:client|app|application|account|access key|api|key|reporter|product|org|organization|bot|private key)\s+id|identifier|user\s?name|bucket|resource name|domain|org(?:anization)? name|host|instance url|search url|public (?:access )?(?:key|token)|public key|publishable|recipient|password hash)\b/i;

/** Names that say the rule finds a secret, whatever else they mention (`Username and Password`). */
const SECRET_NAME = /password|secret|credential/i;

/**
 * Whether a peer rule detects a genuine secret: not a hidden helper rule (Kingfisher's rules
 * that capture an id or host for validation), not named as one of the above unless the name
 * says password, secret or credential, and — where the peer's categories are reliable (Nosey
 * Parker's; Kingfisher marks GitHub tokens `identifier` too) — not an `identifier` that is not
 * also a `secret`.
 * @param {{ name: string, categories: readonly string[], visible: boolean }} rule
 * @param {{ trustCategories: boolean }} peer
 */
export function isSecretRule(rule, peer) {
  if (!rule.visible) return false;
  if (/password hash/i.test(rule.name)) return false;
  if (NOT_A_SECRET.test(rule.name) && !SECRET_NAME.test(rule.name)) return false;
  const identifier = rule.categories.includes('identifier') && !rule.categories.includes('secret');
  return !(peer.trustCategories && identifier);
}

/** Words and marks that only stand-ins contain. */
const PLACEHOLDER =
  /x{4,}|example|sample|dummy|fake|placeholder|redacted|changeme|change_me|your[_-]?(?:api|key|secret|token|pass)|insert|replace|random|lorem|qwerty|asdf|zxcv|<[^>]*>|[$#]\{|\{\{|\*{3,}|#{3,}|\.{3}|^[$%]/i;

/** A value that names what it stands in for (`mypassword`, `pass123`, `secret`, `admin`). */
const OWN_NAME = /pass(?:word|wd|\d)|secret|admin|user|login/i;

/** Letters as leetspeak writes them (`P@ssw0rd`, `super$ecret`, `S3cr3t`). */
const LEET = /** @type {Record<string, string>} */ ({
  '@': 'a',
  4: 'a',
  0: 'o',
  1: 'i',
  3: 'e',
  $: 's',
  5: 's',
});

/** Whether a value names what it stands in for, as written or in leetspeak. */
const namesItself = (/** @type {string} */ secret) =>
  OWN_NAME.test(secret) || OWN_NAME.test(secret.replace(/[@40135$]/g, (c) => LEET[c] ?? c));

/** The next character of an ascending sequence (`9` is followed by `0`, as on a keyboard). */
function next(/** @type {string} */ c) {
  if (c === '9') return '0';
  if (c === 'z') return '';
  return String.fromCharCode(c.charCodeAt(0) + 1);
}

/** The longest run of consecutive characters (ascending or descending) in `chars`. */
export function longestSequence(/** @type {string} */ chars) {
  let longest = chars.length > 0 ? 1 : 0;
  for (const step of [1, -1]) {
    let run = 1;
    for (let i = 1; i < chars.length; i++) {
      const [a, b] = step === 1 ? [chars[i - 1], chars[i]] : [chars[i], chars[i - 1]];
      run = a !== undefined && b !== undefined && next(a) === b ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}

/**
 * The longest run of one repeated letter or digit other than `A` (base64 of zero bytes), and
 * the share of neighbours that are equal (`aaaabbbbcccc`).
 */
function runs(/** @type {string} */ text) {
  let longest = 0;
  let run = 0;
  let equal = 0;
  for (let i = 0; i < text.length; i++) {
    const same = text[i] === text[i - 1];
    if (same) equal++;
    run = same && text[i] !== 'A' && /[A-Za-z0-9]/.test(text[i] ?? '') ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return { longest, equalShare: text.length > 1 ? equal / (text.length - 1) : 0 };
}

/** Whether some stretch of 6 characters, not all one character, occurs twice (`abcdefabcdef`). */
function hasRepeatedStretch(/** @type {string} */ text) {
  const seen = new Set();
  for (let i = 0; i + 6 <= text.length; i++) {
    const stretch = text.slice(i, i + 6);
    if (seen.has(stretch) && !/^(.)\1*$/.test(stretch)) return true;
    seen.add(stretch);
  }
  return false;
}

/** Base64 that decodes to prose (`VGhpcyBpcyBhbiBhcGkgdG9rZW4…` is "This is an api token…"). */
function isEncodedProse(/** @type {string} */ secret) {
  const body = secret.replace(/^[^A-Za-z0-9+/]+/, '');
  if (body.length < 16 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  const text = Buffer.from(body, 'base64').toString('latin1');
  return /^[\x20-\x7e]*$/.test(text) && (text.match(/ /g)?.length ?? 0) >= 2;
}

/**
 * What base64 that decodes to printable text encodes: a typed value (a password, a stand-in),
 * judged decoded — random keys decode to binary. HTTP Basic credentials (`user:password`,
 * RFC 7617) are judged by their password: the RFC's own `Aladdin:open sesame` is a stand-in
 * however random its base64 looks. Undefined for hex (hex tokens are no base64), base64 JSON
 * (`eyJ…`: its structure is judged apart) and binary.
 */
function encodedText(/** @type {string} */ secret) {
  const body = secret.replace(/^[^A-Za-z0-9+/]+/, '');
  if (body.length < 8 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  if (/^[0-9a-fA-F]+$/.test(body) || body.startsWith('eyJ')) {
    return undefined;
  }
  const text = Buffer.from(body, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]{6,}$/.test(text)) return undefined;
  return /^[\x21-\x7e]{1,64}:[\x20-\x7e]+$/.test(text) ? text.slice(text.indexOf(':') + 1) : text;
}

/** Letters beyond the hex digits, and those of them on the home row (`a`, `d`, `f` are hex). */
const BEYOND_HEX = /[g-z]/g;
const HOME_ROW = /[ghjkls]/g;

/**
 * Checksums that formats carry, recomputed from their public specifications: GitHub classic
 * and npm tokens (base62 CRC-32 of the 30-character body), Grafana service-account tokens
 * (little-endian hex CRC-32), age secret keys (bech32). False when the checksum fails.
 * Deliberately not tightlip's own codec: the measurement must not inherit a bug it measures.
 */
export function checksumHolds(/** @type {string} */ secret) {
  const classic = /^(?:gh[pousr]|npm)_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(secret);
  if (classic) return toBase62(crc32(classic[1] ?? '')) === classic[2];
  const grafana = /^(glsa_[A-Za-z0-9]{32})_([0-9a-fA-F]{8})$/.exec(secret);
  if (grafana) {
    const sum = crc32(grafana[1] ?? '');
    const littleEndian = [0, 8, 16, 24].map((shift) => ((sum >>> shift) & 0xff).toString(16));
    return littleEndian.map((byte) => byte.padStart(2, '0')).join('') === grafana[2]?.toLowerCase();
  }
  if (/^AGE-SECRET-KEY-1/i.test(secret)) return isBech32(secret);
  return true;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function toBase62(/** @type {number} */ value) {
  let out = '';
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(6, '0');
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Whether a bech32 string (BIP 173) has a valid checksum. */
export function isBech32(/** @type {string} */ text) {
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return false;
  const values = [];
  for (const c of lower.slice(separator + 1)) {
    const value = BECH32.indexOf(c);
    if (value === -1) return false;
    values.push(value);
  }
  const hrp = [...lower.slice(0, separator)].map((c) => c.charCodeAt(0));
  let check = 1;
  for (const value of [...hrp.map((c) => c >> 5), 0, ...hrp.map((c) => c & 31), ...values]) {
    const top = check >>> 25;
    check = ((check & 0x1ffffff) << 5) ^ value;
    [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3].forEach((g, i) => {
      if ((top >>> i) & 1) check ^= g;
    });
  }
  return check === 1;
}

/**
 * Whether a token's documented structure holds: every segment written as base64 JSON (`eyJ…`,
 * as in JWTs, Grafana Cloud `glc_` and Mapbox `sk.`/`tk.` tokens) decodes to JSON, a JWT's
 * payload is JSON too, nothing imitates one (`eyA1…`, `eyjN…`: `ey` not followed by `J`), and
 * OpenAI's marker reads `T3BlbkFJ` (base64 of "OpenAI").
 */
export function structureHolds(/** @type {string} */ secret) {
  if (/BlbkFJ/.test(secret) && !/T3BlbkFJ/.test(secret)) return false;
  const token = secret.replace(/^[a-z]{2,4}[._]/, '');
  if (!/^[A-Za-z0-9_.-]+$/.test(token)) return true; // not base64url: no JSON segments
  if (/^ey[^J]/.test(token) && token.length >= 30) return false;
  const segments = token.split('.');
  if (segments[0]?.startsWith('eyJ') && segments.length === 3 && !segments[1]?.startsWith('eyJ')) {
    return false;
  }
  return segments.every((segment) => !segment.startsWith('eyJ') || isJson(segment));
}

function isJson(/** @type {string} */ base64url) {
  try {
    JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a secret from a peer example is a stand-in rather than a genuine-looking credential,
 * or undefined when it looks genuine:
 * - `placeholder`: a stand-in word or mark (`xxxx`, `EXAMPLE`, `your_api_key`, `<…>`,
 *   `${…}`, `#{…}`, `***`, `random`, `qwerty`, …);
 * - `own-name`: a value of at most 24 characters that names what it stands for (`mypassword`,
 *   `pass123`, `admin`, `user`), also in leetspeak (`P@ssw0rd`, `super$ecret`);
 * - `word`: a single-case word of at most twelve letters, or two joined by a space, `_` or `-`
 *   (`centipede`, `open_sesame`): typed, not generated;
 * - `sequence`: characters in order (ascending or descending, `9` then `0`): five letters or
 *   digits written together (`12345`, `abcde`), four of each (`abcd1234`), six among its
 *   letters or among its digits, or five among each (interleaved: `a1b2c3d4e5`);
 * - `run`: one letter or digit five or more times in a row (`00000`; not `A`, which is how
 *   base64 spells zero bytes), or more than a third of neighbours equal (`aaaabbbbcccc`);
 * - `repeat`: a stretch of six characters that occurs twice (`abcdefabcdef`), in a token of
 *   at most 200 characters (longer ones are encoded structures: keys, macaroons; URLs repeat
 *   their host names);
 * - `mixed-case-hex`: hex digits in both cases, after a short prefix (`4Fa83E1Dc6…`,
 *   `sgp_c3f6EBC6…`): hex tokens are single-case,
 *   and a base62 token of 16 or more characters whose letters are all `a`–`f` is
 *   astronomically unlikely — a hex string with its case randomised by hand;
 * - `encoded-prose`: base64 that decodes to text with spaces ("This is an api token…");
 *   base64 of printable text is judged decoded (`YWJjZGVm…` is "abcdef…", a sequence), and of
 *   HTTP Basic credentials (`user:password`) by the password;
 * - `keyboard`: ten or more letters beyond `a`–`f`, at least 70 % of them home-row keys
 *   (`sdfksjdh…`: typed, not generated; about 30 % in a random string);
 * - `structure`: a format with a documented structure that does not hold (`structureHolds`);
 * - `checksum`: a format with a public checksum whose checksum fails;
 * - `reused`: the caller found the same stretch in examples of other providers' rules.
 * @param {string} secret
 * @returns {string | undefined}
 */
export function placeholderReason(secret) {
  if (PLACEHOLDER.test(secret)) return 'placeholder';
  if (secret.length <= 24 && namesItself(secret)) return 'own-name';
  if (/^(?:[a-z]{1,12}(?:[ _-][a-z]{1,12})?|[A-Z]{1,12}(?:[ _-][A-Z]{1,12})?)$/.test(secret)) {
    return 'word';
  }
  const encoded = encodedText(secret);
  const decodedReason = encoded === undefined ? undefined : placeholderReason(encoded);
  if (decodedReason !== undefined) return decodedReason;
  const lower = secret.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, '');
  const digits = lower.replace(/[^0-9]/g, '');
  const written = (/** @type {RegExp} */ chunk) =>
    Math.max(0, ...(lower.match(chunk) ?? []).map(longestSequence));
  const [writtenLetters, writtenDigits] = [written(/[a-z]+/g), written(/[0-9]+/g)];
  const [inLetters, inDigits] = [longestSequence(letters), longestSequence(digits)];
  if (
    Math.max(writtenLetters, writtenDigits) >= 5 ||
    Math.min(writtenLetters, writtenDigits) >= 4 ||
    Math.max(inLetters, inDigits) >= 6 ||
    Math.min(inLetters, inDigits) >= 5
  ) {
    return 'sequence';
  }
  const { longest, equalShare } = runs(secret);
  if (longest >= 5 || (secret.length >= 16 && equalShare > 1 / 3)) return 'run';
  if (secret.length <= 200 && !secret.includes(':') && hasRepeatedStretch(secret)) return 'repeat';
  const body = secret.replace(/^[a-z]{2,8}[_-]/, '');
  if (/^[0-9a-fA-F_-]{16,}$/.test(body) && /[a-f]/.test(body) && /[A-F]/.test(body)) {
    return 'mixed-case-hex';
  }
  if (isEncodedProse(secret)) return 'encoded-prose';
  if (!structureHolds(secret)) return 'structure';
  const beyondHex = letters.match(BEYOND_HEX)?.length ?? 0;
  const homeRow = letters.match(HOME_ROW)?.length ?? 0;
  if (beyondHex >= 10 && homeRow >= 0.7 * beyondHex) return 'keyboard';
  if (!checksumHolds(secret)) return 'checksum';
  return undefined;
}

/**
 * Stretches of 16 characters that occur in the examples of three or more rule files (three
 * providers) of one peer — Kingfisher reuses fill strings across unrelated providers: a
 * secret that contains one is `reused`, not genuine.
 * @param {readonly { file: string, secrets: readonly string[] }[]} rules
 * @returns {(secret: string) => boolean}
 */
export function createReuseCheck(rules, width = 16, minRules = 3) {
  /** @type {Map<string, Set<string>>} */
  const owners = new Map();
  for (const { file, secrets } of rules) {
    for (const secret of secrets) {
      for (const stretch of stretchesOf(secret, width)) {
        const set = owners.get(stretch) ?? new Set();
        set.add(file);
        owners.set(stretch, set);
      }
    }
  }
  return (secret) =>
    stretchesOf(secret, width).some((stretch) => (owners.get(stretch)?.size ?? 0) >= minRules);
}

/**
 * Every stretch of `width` characters of a secret, leaving out base64 JSON segments (`eyJ…`:
 * every JWT starts with one of a few standard headers) and `-----BEGIN …-----` armour.
 */
function stretchesOf(/** @type {string} */ secret, /** @type {number} */ width) {
  const parts = secret.replace(/-----[A-Z ]+-----/g, '.').split('.');
  return parts
    .filter((part) => !part.startsWith('eyJ'))
    .flatMap((part) =>
      Array.from({ length: Math.max(0, part.length - width + 1) }, (_, i) =>
        part.slice(i, i + width),
      ),
    );
}
