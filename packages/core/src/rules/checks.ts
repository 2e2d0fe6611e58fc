// The registry of named checks: the offline judgements a rule can ask of a candidate, by
// name, in built-in rules and in configuration alike. Each check states what passing it
// says about a finding (its confidence) and which false-positive filters it makes
// redundant, so that rules never state either by hand.

import { decodeBase64, decodeBase64Json, decodeBase64Text } from '../codec/base64.js';
import { isValidBech32 } from '../codec/bech32.js';
import { crc32, hasBase62Crc32 } from '../codec/crc32.js';
import { isRandomLooking } from '../codec/randomness.js';
import { RuleError } from '../errors.js';
import type {
  CheckFunction,
  CheckSpec,
  CheckVerdict,
  Confidence,
  FilterName,
  MatchContext,
} from '../types.js';
import { isDocumentationUrl } from './context.js';
import {
  isJudgeable,
  isKubernetesSecretValue,
  isPasswordValue,
  isSecretValue,
  isUrlPassword,
} from './judge.js';
import { hasKeyStructure, isBarePrivateKey, isKeyMaterial } from './key-material.js';
import { keyOf, keyPathOf } from './keys.js';
import { isPasswordLike } from './literals.js';

/** What a check's argument is, as configuration writes it. */
export type CheckArgument =
  'none' | 'pattern' | 'number' | 'keys' | 'near' | 'near-text' | 'checks';

export interface CheckDefinition {
  /** What the check verifies, for `rules list` and the docs. */
  summary: string;
  /** What passing it says about a finding: 'validated' when it verifies the token itself. */
  confidence: Confidence;
  /** False-positive filters that a candidate passing this check need not pass. */
  skips?: readonly FilterName[];
  argument: CheckArgument;
  /** The check for `argument` (validated against `argument` first). */
  create(argument: unknown, regExp: RegExpFactory): CheckFunction;
}

/** A check that passes for any candidate meeting `test`, taking no argument. */
function simple(
  summary: string,
  confidence: Confidence,
  test: CheckFunction,
  skips?: readonly FilterName[],
): CheckDefinition {
  return { summary, confidence, argument: 'none', create: () => test, ...(skips ? { skips } : {}) };
}

/** Grafana's checksum: CRC-32 of everything before the last "_", as 4 little-endian bytes in hex. */
export function grafanaChecksum(body: string): string {
  const crc = crc32(body);
  return [crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** A JWS in compact form whose header names an algorithm and whose payload is JSON (RFC 7515, 7519). */
function isJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  const json = decodeBase64Json(header ?? '');
  return (
    json !== undefined &&
    typeof json['alg'] === 'string' &&
    decodeBase64Json(payload ?? '') !== undefined
  );
}

/**
 * The base64 JSON object a token embeds, starting at `eyJ` (`{"`): to the token's end, to
 * its last `_` or to its first `.` (where a separator follows the payload).
 */
function embeddedJson(token: string): Record<string, unknown> | undefined {
  const at = token.indexOf('eyJ');
  if (at === -1) return undefined;
  const rest = token.slice(at);
  for (const end of [rest.length, rest.lastIndexOf('_'), rest.indexOf('.')]) {
    if (end <= 0) continue;
    const json = decodeBase64Json(rest.slice(0, end));
    if (json) return json;
  }
  return undefined;
}

/** A PyPI macaroon (version 2) whose first field is the location pypi.org or test.pypi.org. */
function isPypiMacaroon(token: string): boolean {
  const bytes = decodeBase64(token.slice('pypi-'.length, 'pypi-'.length + 40));
  if (!bytes || bytes[0] !== 2 || bytes[1] !== 1) return false;
  const length = bytes[2]!;
  const location = String.fromCharCode(...bytes.slice(3, 3 + length));
  return location === 'pypi.org' || location === 'test.pypi.org';
}

/** `value` with `%XX` escapes decoded (URL-encoded base64 in presigned URLs), or as it is. */
function percentDecoded(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The label of the BEGIN line a key block's match starts with (`RSA PRIVATE KEY`). */
function beginLabel({ text, matchStart, start }: MatchContext): string {
  const begin = text.slice(matchStart ?? start, start);
  return /BEGIN ([A-Z0-9 ]+?) ?-{4,5}/.exec(begin)?.[1] ?? '';
}

/** Whether `line` lies within `within` lines of one of the sorted `lines`. */
function isNear(lines: readonly number[], line: number, within: number): boolean {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const distance = lines[mid]! - line;
    if (Math.abs(distance) <= within) return true;
    if (distance < 0) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * How a rule's regular expressions are built: JavaScript's RegExp for the built-in catalog
 * (proven linear by a test), a linear-time engine for a configuration's rules.
 */
export type RegExpFactory = (source: string, flags: string) => RegExp;

export const nativeRegExp: RegExpFactory = (source, flags) => new RegExp(source, flags);

/** A regular expression from configuration or a rule, compiled case-insensitive. */
function compileArgument(source: unknown, name: string, regExp: RegExpFactory): RegExp {
  if (typeof source !== 'string' || source.length === 0)
    throw new RuleError(`check ${name} takes a regular expression source`, name);
  try {
    return regExp(source, 'i');
  } catch (error) {
    throw new RuleError(`check ${name}: ${(error as Error).message}`, name);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The named checks. Adding one: a summary, the confidence it confers, the filters it makes moot. */
export const CHECKS: Readonly<Record<string, CheckDefinition>> = {
  'base62-crc32': simple(
    'the last 6 characters are the base62 CRC-32 of the 30 before them (GitHub classic tokens, npm)',
    'validated',
    (token) => token.length > 36 && hasBase62Crc32(token, token.length - 36),
    ['placeholder'],
  ),
  'grafana-crc32': simple(
    'the last 8 hex digits are the little-endian CRC-32 of everything before the last "_" (Grafana)',
    'validated',
    (token) => grafanaChecksum(token.slice(0, -9)) === token.slice(-8).toLowerCase(),
    ['placeholder'],
  ),
  bech32: simple('a bech32 string with a valid checksum (BIP 173)', 'validated', isValidBech32, [
    'placeholder',
  ]),
  jwt: simple(
    'a JSON Web Token: the header decodes to JSON naming "alg", the payload to JSON',
    'validated',
    isJwt,
  ),
  'pypi-macaroon': simple(
    'a macaroon whose location field is pypi.org or test.pypi.org',
    'validated',
    isPypiMacaroon,
  ),
  'discord-snowflake': simple(
    "the first part decodes to a Discord snowflake (the bot's numeric id)",
    'validated',
    (token) => /^\d{17,20}$/.test(decodeBase64Text(token.slice(0, token.indexOf('.'))) ?? ''),
  ),
  'microsoft-identifiable-key': simple(
    'an 84-character Microsoft identifiable key: the signature "JQQJ" after its 52 random characters (its fixed fields hold runs of "A")',
    'validated',
    (token) => token.length === 84 && token.slice(52, 56) === 'JQQJ',
    ['placeholder'],
  ),
  'key-material': simple(
    'a key body: mostly base64 once line wrapping is dropped, no ellipsis or stand-in text',
    'pattern',
    isKeyMaterial,
    ['placeholder'],
  ),
  'key-structure': simple(
    'the body decodes to the structure its BEGIN line names (DER PKCS #1/#8/SEC 1, openssh-key-v1, an OpenPGP secret key packet)',
    'validated',
    (body, context) => hasKeyStructure(beginLabel(context), body),
    ['placeholder'],
  ),
  'bare-private-key': simple(
    'base64 of a DER private key (version, then key fields) or of an openssh-key-v1 structure',
    'validated',
    (body, { text, start, matchStart = start }) =>
      isBarePrivateKey(body, text.slice(Math.max(0, matchStart - 400), matchStart)),
    ['placeholder'],
  ),
  random: simple(
    'random-looking for its length and alphabet (entropy, character mix, not made of words), once URL-decoded',
    'entropy',
    (secret) => isRandomLooking(percentDecoded(secret)),
  ),
  'mixed-case': simple(
    'holds both upper- and lower-case letters (random base64 does; hex digests do not)',
    'pattern',
    (secret) => /[a-z]/.test(secret) && /[A-Z]/.test(secret),
  ),
  'random-when-short': simple(
    'random-looking when under 32 characters (a prefixed token of a format whose length is not documented: random base62 after "sk_live_" passes 98.5 % at 10 characters, 99.8 % at 16); longer tokens pass',
    'pattern',
    (secret) => secret.length >= 32 || isRandomLooking(secret),
  ),
  'digit-and-symbol': simple(
    'holds a digit and a symbol other than - and _ (random keys over an alphabet with symbols do; dashed words do not)',
    'pattern',
    (secret) => /[0-9]/.test(secret) && /[^A-Za-z0-9_\s-]/.test(secret),
  ),
  'not-documentation-host': simple(
    'not in a URL to a documentation host (RFC 2606: example.com, *.test, *.invalid)',
    'pattern',
    (_secret, context) => !isDocumentationUrl(context),
  ),
  'in-code-or-config': simple(
    'sits in code or configuration: not in prose or data files, a comment, a documentation string or a minified line',
    'pattern',
    (_secret, context) => isJudgeable(context),
  ),
  'url-password': simple(
    'a URL password that is no stand-in, token convention or user name, to no documentation host',
    'pattern',
    isUrlPassword,
  ),
  'password-like': simple(
    'long or varied enough to be a password; not a stand-in (pass4321, S3cr3t!), hash, number or boolean',
    'pattern',
    (secret) => isPasswordLike(secret),
  ),
  'secret-value': simple(
    'a random literal assigned to a key named like a secret, in code or configuration (not prose, comments or minified code)',
    'entropy',
    isSecretValue,
  ),
  'password-value': simple(
    'a literal assigned to a password key, long or varied enough, not a stand-in, hash, label or code',
    'pattern',
    isPasswordValue,
  ),
  'kubernetes-secret-value': simple(
    'a value under data: or stringData: of a kind: Secret manifest (base64 decoded first)',
    'pattern',
    isKubernetesSecretValue,
  ),
  keyedBy: {
    summary:
      'assigned to a key matching the pattern (case-insensitive): on its line, on the line above, or as the key path of the blocks around it (storage.key)',
    confidence: 'pattern',
    argument: 'pattern',
    create(argument, regExp) {
      const pattern = compileArgument(argument, 'keyedBy', regExp);
      return (_secret, context) => {
        const key = keyOf(context);
        if (key !== undefined && pattern.test(key)) return true;
        const path = keyPathOf(context, key);
        return path !== undefined && path !== key && pattern.test(path);
      };
    },
  },
  precededBy: {
    summary:
      'the text just before the secret on its line (up to 40 characters) ends with a match of the pattern',
    confidence: 'pattern',
    argument: 'pattern',
    create(argument, regExp) {
      const source = compileArgument(argument, 'precededBy', regExp).source;
      const pattern = regExp(`(?:${source})$`, 'i');
      return (_secret, { text, start }) => {
        const before = text.slice(Math.max(0, start - 40), start);
        return pattern.test(before.slice(before.lastIndexOf('\n') + 1));
      };
    },
  },
  nearText: {
    summary:
      'the pattern matches within `within` characters (default 400) before or after the secret',
    confidence: 'pattern',
    argument: 'near-text',
    create(argument, regExp) {
      const spec = isRecord(argument) ? argument : { pattern: argument };
      const pattern = compileArgument(spec['pattern'], 'nearText', regExp);
      const within = typeof spec['within'] === 'number' ? spec['within'] : 400;
      return (_secret, { text, start, end }) =>
        pattern.test(text.slice(Math.max(0, start - within), end + within));
    },
  },
  near: {
    summary:
      'a candidate of another rule (an id to pair with a secret) lies within `withinLines` lines; the pattern also runs there',
    confidence: 'pattern',
    argument: 'near',
    create(argument) {
      const { rule, withinLines } = nearOf(argument);
      return (_secret, context) => {
        const lines = context.linesOf?.(rule);
        if (!lines || lines.length === 0 || !context.model) return false;
        return isNear(lines, context.model.lineIndexOf(context.start), withinLines);
      };
    },
  },
  jsonPayload: {
    summary: 'embeds base64 JSON (from "eyJ") that holds every listed key',
    confidence: 'validated',
    argument: 'keys',
    create(argument) {
      if (!Array.isArray(argument) || !argument.every((key) => typeof key === 'string'))
        throw new RuleError('check jsonPayload takes a list of keys', 'jsonPayload');
      const keys = argument;
      return (token) => {
        const json = embeddedJson(token);
        return json !== undefined && keys.every((key) => json[key] !== undefined);
      };
    },
  },
  base64Text: {
    summary: 'decodes from base64 to text matching the pattern',
    confidence: 'validated',
    argument: 'pattern',
    create(argument, regExp) {
      const pattern = compileArgument(argument, 'base64Text', regExp);
      return (token) => pattern.test(decodeBase64Text(token) ?? '');
    },
  },
  base64Bytes: {
    summary: 'decodes from base64 to exactly this many bytes',
    confidence: 'validated',
    argument: 'number',
    create(argument) {
      if (typeof argument !== 'number' || !Number.isInteger(argument) || argument < 1)
        throw new RuleError('check base64Bytes takes a positive whole number', 'base64Bytes');
      return (token) => decodeBase64(token)?.length === argument;
    },
  },
  anyOf: {
    summary: 'passes when any of the listed checks passes',
    confidence: 'pattern',
    argument: 'checks',
    create() {
      throw new RuleError('anyOf is compiled by compileChecks', 'anyOf');
    },
  },
};

/** The rule and distance of a `near` check's argument. */
export function nearOf(argument: unknown): { rule: string; withinLines: number } {
  if (
    !isRecord(argument) ||
    typeof argument['rule'] !== 'string' ||
    typeof argument['withinLines'] !== 'number' ||
    !Number.isInteger(argument['withinLines']) ||
    argument['withinLines'] < 0
  )
    throw new RuleError('check near takes { rule: "<rule id>", withinLines: <n> }', 'near');
  return { rule: argument['rule'], withinLines: argument['withinLines'] };
}

const RANK: Record<Confidence, number> = { entropy: 0, pattern: 1, validated: 2 };

/** A rule's checks compiled: one verdict function, and what follows from the checks. */
export interface CompiledChecks {
  check?: (secret: string, context: MatchContext) => CheckVerdict;
  confidence: Confidence;
  skipFilters: FilterName[];
  near: { rule: string; withinLines: number }[];
}

interface Compiled {
  test: CheckFunction;
  confidence: Confidence;
  skips: FilterName[];
  near: { rule: string; withinLines: number }[];
}

/** `spec` (a name, `{ name: argument }`, or a function written in code) compiled. */
function compileOne(spec: CheckSpec | CheckFunction, regExp: RegExpFactory): Compiled {
  if (typeof spec === 'function') return { test: spec, confidence: 'pattern', skips: [], near: [] };
  const [name, argument] =
    typeof spec === 'string' ? [spec, undefined] : (Object.entries(spec)[0] ?? ['', undefined]);
  if (typeof spec === 'object' && Object.keys(spec).length !== 1)
    throw new RuleError(`a check is a name or { "<name>": <argument> } with one name`, name);
  const definition = CHECKS[name];
  if (!definition)
    throw new RuleError(`unknown check "${name}"; checks: ${Object.keys(CHECKS).join(', ')}`, name);
  if (definition.argument === 'none' && typeof spec !== 'string')
    throw new RuleError(`check ${name} takes no argument; write it as "${name}"`, name);
  if (definition.argument !== 'none' && typeof spec === 'string')
    throw new RuleError(`check ${name} needs an argument: { "${name}": … }`, name);
  if (name === 'anyOf') {
    if (!Array.isArray(argument) || argument.length === 0)
      throw new RuleError('check anyOf takes a non-empty list of checks', name);
    const parts = (argument as CheckSpec[]).map((part) => compileOne(part, regExp));
    return {
      test: (secret, context) => parts.some((part) => part.test(secret, context)),
      confidence: parts.reduce<Confidence>(
        (lowest, part) => (RANK[part.confidence] < RANK[lowest] ? part.confidence : lowest),
        'validated',
      ),
      skips: parts
        .map((part) => part.skips)
        .reduce((common, skips) => common.filter((name) => skips.includes(name))),
      near: parts.flatMap((part) => part.near),
    };
  }
  return {
    test: definition.create(argument, regExp),
    confidence: definition.confidence,
    skips: [...(definition.skips ?? [])],
    near: name === 'near' ? [nearOf(argument)] : [],
  };
}

/**
 * A rule's checks compiled into one verdict: checks that verify the token itself run
 * first, so that a failing checksum rejects the token (no other rule reports it either);
 * any other failing check just fails the candidate. The rule's confidence is the highest
 * its checks confer (a verified checksum is verified whatever else is checked), 'pattern'
 * without checks; the filters it skips are those any of its checks makes redundant.
 */
export function compileChecks(
  specs: readonly (CheckSpec | CheckFunction)[],
  regExp: RegExpFactory = nativeRegExp,
): CompiledChecks {
  const compiled = specs.map((spec) => compileOne(spec, regExp));
  const ordered = [...compiled].sort((a, b) => RANK[b.confidence] - RANK[a.confidence]);
  const confidence = ordered[0]?.confidence ?? 'pattern';
  return {
    ...(compiled.length > 0
      ? {
          check: (secret: string, context: MatchContext): CheckVerdict => {
            for (const { test, confidence: conferred } of ordered) {
              if (!test(secret, context)) return conferred === 'validated' ? 'rejected' : 'fail';
            }
            return 'pass';
          },
        }
      : {}),
    confidence,
    skipFilters: [...new Set(compiled.flatMap((c) => c.skips))],
    near: compiled.flatMap((c) => c.near),
  };
}
