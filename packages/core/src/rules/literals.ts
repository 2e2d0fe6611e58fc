// How a value is written where a generic detector finds it: a literal (quoted in code,
// bare in configuration) or code (an identifier, a call, a comparison, a ternary); and
// what a password value looks like when it is a stand-in rather than a password.

import { isPlaceholder, unleet } from '../codec/placeholder.js';
import { isPartedRandom, isRandomLooking } from '../codec/randomness.js';
import type { MatchContext } from '../types.js';

const QUOTES = '"\'`';

/** Whether the candidate is a quoted string: a quote before it and the same quote after it. */
export function isQuoted({ text, start, end }: MatchContext): boolean {
  const quote = text[start - 1];
  return quote !== undefined && QUOTES.includes(quote) && text[end] === quote;
}

/** Up to `length` characters before `offset` on its line. */
function before(text: string, offset: number, length: number): string {
  const from = Math.max(0, offset - length);
  const chunk = text.slice(from, offset);
  const newline = chunk.lastIndexOf('\n');
  return newline === -1 ? chunk : chunk.slice(newline + 1);
}

/**
 * Whether the value is an operand rather than an assigned literal: compared
 * (`type == "password"`), a branch of a ternary or a case label (`ok ? pass : fail`,
 * `case pass:`), or, unquoted where literals are quoted, an identifier or expression.
 */
export function isCodeValue(
  secret: string,
  context: MatchContext,
  quotesLiterals: boolean,
): boolean {
  const { text, start } = context;
  // The operator between key and value: `==`, `!=`, `<=`, `>=` compare.
  if (secret.startsWith('=') || /(?:[=!<>]=|===?)[ \t]*["'`]?$/.test(before(text, start, 12)))
    return true;
  // The key is a branch of a ternary or a case label (`ok ? pass : fail`, `case pass:`).
  if (
    context.key === undefined &&
    context.matchStart !== undefined &&
    /(?:\?|\bcase|\bwhen)[ \t]*$/.test(before(text, context.matchStart, 8))
  )
    return true;
  if (isQuoted(context)) return false;
  if (quotesLiterals) return true;
  return isExpression(secret, context);
}

/**
 * An unquoted value that is code rather than a literal: negations, calls, indexing and
 * member access (`c->argv`, `Hash::make(`, `self.x`, `typing.Optional[bytes]`), variables
 * (`$pass`, `@pass`), an identifier after ` = ` that is not random (`x = userPassword`), or
 * an identifier with more code after it on its line (`pass: matches ?? false,`).
 */
function isExpression(secret: string, { text, start, end }: MatchContext): boolean {
  if (/^[![{(:$@&*]/.test(secret)) return true;
  if (/^[A-Za-z_][\w$.]*(?:\?\.|\(|\[|->|::)/.test(secret) || /^(?:this|self)\./.test(secret))
    return true;
  if (!/^[A-Za-z_$][\w$.]*$/.test(secret)) return false;
  // `x = name` assigns a variable, but no one names a variable with a random string:
  // `api_token = Wpn3LqA9…` in an INI, properties or dotenv file is a bare literal.
  if (/ = $/.test(before(text, start, 3)))
    return !isRandomLooking(secret) && !isPartedRandom(secret);
  const after = text.slice(end, end + 8).trimStart();
  return /^(?:\?\?|\|\||&&|[,;)?:+])/.test(after);
}

/** Validation rules, not a value: `required|string|min:8`, `nullable|confirmed`. */
export function isValidationRules(value: string): boolean {
  return /^[a-z_]+(?::[^|\s]*)?(?:\|[a-z_]+(?::[^|\s]*)?)+$/i.test(value);
}

/** Literals of other types, and values that name no password: booleans, null, numbers. */
export function isNonString(value: string): boolean {
  return (
    /^(?:true|false|null|nil|none|undefined|yes|no|on|off|required|optional)[)\]}:]*$/i.test(
      value,
    ) || /^(?:\d+|0x[0-9a-fA-F]+)$/.test(value)
  );
}

/** A stored password hash (bcrypt, argon2, crypt): sensitive, but not the password. */
export function isPasswordHash(value: string): boolean {
  return /^\$(?:2[abxy]?|argon2\w*|pbkdf2[\w-]*|scrypt|[1567])\$/.test(value);
}

/** Words people build stand-in passwords from. */
const WEAK_WORD =
  /^(?:pass(?:word|wd|phrase)?|pwd|pw|secret|admin(?:istrator)?|root|user(?:name)?|login|test(?:ing)?|qwerty|asdf|letmein|welcome|changeme|change|default|guest|demo|foo|bar|baz|qux|abc|hello|world|monkey|dragon|master|trustno|sample|example|dummy|fake|my|new|old|your|the|super|top|very|some|local|dev|db|app)/;

/**
 * A stand-in password: weak words (`password`, `secret`, `admin`, `qwerty`, also in
 * leetspeak) with no more than short runs of digits or symbols between and after them
 * (`pass4321`, `Password123!`, `S3cr3t!`, `mysecretpassword`, `pass%20pass`). A password
 * that merely contains such a word among other letters (`qwerty!Xa92v`) is not.
 */
export function isWeakPassword(value: string): boolean {
  // Words are read in leetspeak; the characters between them as written (`4321` stays digits).
  const letters = unleet(value);
  let at = 0;
  let words = 0;
  let others = 0;
  while (at < value.length) {
    const gap = /^[^A-Za-z]{1,3}/.exec(value.slice(at, at + 3))?.[0].length ?? 0;
    const match = WEAK_WORD.exec(letters.slice(at + gap));
    if (!match) break;
    at += gap + match[0].length;
    others += gap;
    words++;
  }
  if (words === 0) return false;
  const rest = value.slice(at);
  return rest.length <= 2 || (/^[^A-Za-z]*$/.test(rest) && others + rest.length <= 8);
}

/** Character classes (lower, upper, digits, others) in `value`. */
export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
}

/** Google and Apple app-specific passwords: four groups of four lower-case letters. */
export const APP_PASSWORD = /^[a-z]{4}(?: [a-z]{4}){3}$/;

/** Whether `value` can be a real password: long or varied enough, and not a stand-in, hash, or another type's literal. */
export function isPasswordLike(value: string): boolean {
  if (APP_PASSWORD.test(value)) return !isPlaceholder(value.replace(/ /g, ''));
  if (isNonString(value) || isPasswordHash(value) || isValidationRules(value)) return false;
  if (isWeakPassword(value)) return false;
  const classes = characterClasses(value);
  return classes >= 2 && (value.length >= 8 || classes >= 3);
}
