// Building blocks shared by the rule families: alphabets for fakes, the remediation
// sentence, the key a value is assigned to, and `defineToken` for the common case of a
// token with a fixed shape whose samples follow from one generator.

import type { Confidence, Fake, FilterName, MatchContext, Rule, Severity } from '../types.js';
import { defineRule } from './define-rule.js';

export const HEX = '0123456789abcdef';
export const DIGITS = '0123456789';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LETTERS = UPPER + LOWER;
export const LOWER_ALNUM = DIGITS + LOWER;
export const UPPER_ALNUM = DIGITS + UPPER;
/** The base62 alphabet of the checksummed token formats (digits, upper, lower). */
export { BASE62 } from '../fake.js';
export const BASE64URL = `${DIGITS}${LETTERS}-_`;
export const BASE64 = `${DIGITS}${LETTERS}+/`;
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The usual advice: revoke at the provider, issue a new credential, keep it out of the repository. */
export function remediation(what: string, where: string): string {
  return `Revoke the ${what} in ${where}, issue a new one, and load it from a secret store or CI secret instead of the repository; rewriting history does not make it safe again.`;
}

/** Base64 of a string (UTF-8 below U+0080 only: enough for the JSON that token formats embed). */
export function toBase64(text: string, urlSafe = false): string {
  const alphabet = urlSafe ? `${UPPER}${LOWER}${DIGITS}-_` : `${UPPER}${LOWER}${DIGITS}+/`;
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += i + 1 < text.length ? alphabet[(n >> 6) & 63]! : urlSafe ? '' : '=';
    out += i + 2 < text.length ? alphabet[n & 63]! : urlSafe ? '' : '=';
  }
  return out;
}

const ASSIGNMENT =
  /([A-Za-z_][\w.-]*)\\?["'\]]?[ \t]*(?::=|=>|\+=|\?=|[:=]|\sis\s)[ \t]*(?:\\?["'`]|(?:Bearer|Basic|Token|token|bearer|SSWS|Key|key) )?$/;

/**
 * The key that the candidate is assigned to on its own line: `API_KEY` in `API_KEY=…`,
 * `token` in `"token": "…"`, `apiKey` in `apiKey := "…"`, `Authorization` in
 * `Authorization: Bearer …`. Undefined when the value does not follow an assignment.
 */
export function assignedKey(context: MatchContext): string | undefined {
  const lineStart = context.text.lastIndexOf('\n', context.start - 1) + 1;
  const before = context.text.slice(Math.max(lineStart, context.start - 160), context.start);
  return ASSIGNMENT.exec(before)?.[1];
}

/** A validator accepting a candidate whose key (see `assignedKey`) matches `key`. */
export function keyedBy(key: RegExp): (secret: string, context: MatchContext) => boolean {
  return (_secret, context) => key.test(assignedKey(context) ?? '');
}

export interface TokenSpec {
  id: string;
  title: string;
  description: string;
  remediation: string;
  severity?: Severity;
  keywords: readonly string[];
  pattern: RegExp;
  scope?: Rule['scope'];
  validate?: Rule['validate'];
  confidence?: Confidence;
  skipFilters?: readonly FilterName[];
  /** A fresh, valid token. */
  token: (fake: Fake) => string;
  /**
   * How the token is written where the rule finds it. Defaults to the bare token, an
   * environment assignment and a JSON value; rules that need context give their own.
   */
  contexts?: readonly ((token: string) => string)[];
  /** More strings that must not match, besides the generated placeholder and truncation. */
  ignore?: (fake: Fake) => string[];
}

const DEFAULT_CONTEXTS: readonly ((token: string) => string)[] = [
  (token) => token,
  (token) => `export SERVICE_CREDENTIAL="${token}"`,
  (token) => `{"auth": {"value": "${token}"}}`,
];

/**
 * A rule for a token of fixed shape. Its samples: each context around a fresh token must
 * match; the token with its random part replaced by `x` (a placeholder) and the token cut
 * 8 characters after its prefix must not.
 */
export function defineToken(spec: TokenSpec): Rule {
  const contexts = spec.contexts ?? DEFAULT_CONTEXTS;
  const first = contexts[0]!;
  return defineRule({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    remediation: spec.remediation,
    severity: spec.severity ?? 'high',
    keywords: spec.keywords,
    pattern: spec.pattern,
    ...(spec.scope ? { scope: spec.scope } : {}),
    ...(spec.validate ? { validate: spec.validate } : {}),
    ...(spec.confidence ? { confidence: spec.confidence } : {}),
    ...(spec.skipFilters ? { skipFilters: spec.skipFilters } : {}),
    samples: (fake) => {
      const token = spec.token(fake);
      return {
        match: contexts.map((context) => context(spec.token(fake))),
        ignore: [
          first(placeholderOf(token, spec.keywords)),
          first(token.slice(0, prefixLength(token, spec.keywords) + 8)),
          ...(spec.ignore?.(fake) ?? []),
        ],
      };
    },
  });
}

/** The length of the keyword the token starts with (its fixed prefix), 0 if none. */
function prefixLength(token: string, keywords: readonly string[]): number {
  const lower = token.toLowerCase();
  return keywords.find((keyword) => lower.startsWith(keyword))?.length ?? 0;
}

/** The token with every letter and digit after its keyword prefix replaced by `x`. */
function placeholderOf(token: string, keywords: readonly string[]): string {
  const prefix = prefixLength(token, keywords);
  return token.slice(0, prefix) + token.slice(prefix).replace(/[A-Za-z0-9]/g, 'x');
}
