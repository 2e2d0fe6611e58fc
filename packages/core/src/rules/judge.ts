// The judgements of generic detectors, which have no provider format to vouch for a value:
// where it sits (code, configuration, prose, a comment, a minified line), what it is
// assigned to, how it is written, and what it looks like.

import { decodeBase64Text } from '../codec/base64.js';
import { isLookup } from '../codec/lookup.js';
import { isPlaceholder } from '../codec/placeholder.js';
import { isPartedRandom, isRandomLooking } from '../codec/randomness.js';
import { isInSpans } from '../context/commentary.js';
import type { MatchContext, TextModel } from '../types.js';
import { isDocumentationUrl } from './context.js';
import { keyKindAt, keyOf } from './keys.js';
import { isCodeValue, isPasswordLike, isWeakPassword } from './literals.js';

/**
 * Whether a generic detector may judge a candidate where it sits: not in prose (docs,
 * READMEs: values there are examples), data (logs, tables), a comment or a documentation
 * string, nor a minified or generated line.
 */
export function isJudgeable({ start, model }: MatchContext): boolean {
  if (!model) return true;
  const { kind } = model.file;
  if (kind === 'prose' || kind === 'data') return false;
  if (model.isMinified(model.lineIndexOf(start))) return false;
  return !model.isCommentary(start);
}

/** Bare `key` holds a secret only when the value is this long (and random): `storage.key`. */
const BARE_KEY_LENGTH = 32;

/**
 * Values longer than this are judged only as tokens of random parts: a longer single run
 * under a key is more often data (a base64 image or font, a public key) than a credential.
 */
const SINGLE_VALUE_LENGTH = 255;

/**
 * A generic secret: a random-looking literal assigned to a key named like a secret
 * (`api_key`, `client_secret`, `token`, a bare `key` with a long value or a telling
 * block around it), where a value is a literal.
 */
export function isSecretValue(secret: string, context: MatchContext): boolean {
  const key = keyOf(context);
  if (key === undefined) return false;
  if (!isJudgeable(context) && !isCapturedBearer(key, secret, context)) return false;
  const kind = keyKindAt(context, key);
  if (kind !== 'secret' && !(kind === 'key' && secret.length >= BARE_KEY_LENGTH)) return false;
  if (isCodeValue(secret, context, context.model?.file.quotesLiterals ?? false)) return false;
  if (secret.length > SINGLE_VALUE_LENGTH) return isPartedRandom(secret);
  return isRandomLooking(secret) || isPrefixedRandom(secret) || isPartedRandom(secret);
}

/** A short type prefix and its separator: `sk_`, `fc-`, `sgp_`, `NRRA-`, `da2-`. */
const TOKEN_PREFIX = /^[A-Za-z][A-Za-z0-9]{0,7}[-_](?=[A-Za-z0-9]{16,}$)/;

/**
 * A token of a short prefix and a random body: the prefix's `_` or `-` makes the whole
 * value base64url, whose expected entropy a hex or single-case body never reaches
 * (`sk_` and 48 hex), so the body is judged on its own.
 */
function isPrefixedRandom(secret: string): boolean {
  const prefix = TOKEN_PREFIX.exec(secret);
  return prefix !== null && isRandomLooking(secret.slice(prefix[0].length));
}

/**
 * A bearer token in a request written in prose (`curl -H "Authorization: Bearer …"` in a
 * README): copied from a real session more often than invented, so judged even there.
 */
function isCapturedBearer(key: string, secret: string, { model, start }: MatchContext): boolean {
  return (
    /^authorization$/i.test(key) &&
    secret.length >= BARE_KEY_LENGTH &&
    model?.file.kind === 'prose' &&
    !model.isCommentary(start)
  );
}

/**
 * A hard-coded password: a literal assigned to a key whose last word is a password word,
 * long or varied enough, and not a stand-in, hash, template, label, validation rule or
 * the shell's working directory (`PWD`).
 */
export function isPasswordValue(secret: string, context: MatchContext): boolean {
  if (!isJudgeable(context)) return false;
  const key = keyOf(context);
  if (key === undefined || /^(?:OLD)?PWD$/.test(key) || keyKindAt(context, key) !== 'password')
    return false;
  if (isCodeValue(secret, context, context.model?.file.quotesLiterals ?? false)) return false;
  return isPasswordLike(secret);
}

/** Passwords of URL user information that stand for no account. */
const NO_PASSWORD = /^(?:x-oauth-basic|x-access-token|anonymous)$/i;

/**
 * A password in a URL's user information (`scheme://user:password@host`): not a token
 * convention (`x-oauth-basic`), a stand-in (`pass`, `secret`), the user name again, nor in a
 * URL to a documentation host (RFC 2606: `example.com`, `*.test`).
 */
export function isUrlPassword(secret: string, context: MatchContext): boolean {
  if (NO_PASSWORD.test(secret) || isDocumentationUrl(context)) return false;
  let password = secret;
  try {
    password = decodeURIComponent(secret);
  } catch {
    // Not percent-encoded after all: judge it as written.
  }
  if (isWeakPassword(password) || (password.length < 6 && !isRandomLooking(password))) return false;
  const { text, start } = context;
  const userStart = text.lastIndexOf('//', start) + 2;
  return start - userStart > 256 || text.slice(userStart, start - 1) !== secret;
}

const secretDocuments = new WeakMap<TextModel, number[]>();

/** Offsets where YAML documents of `kind: Secret` start and end, as a flat list, found once per text. */
function secretDocumentsOf(model: TextModel): number[] {
  let spans = secretDocuments.get(model);
  if (!spans) {
    spans = [];
    const { text } = model;
    for (let from = 0; from < text.length;) {
      const separator = text.indexOf('\n---', from);
      const to = separator === -1 ? text.length : separator + 1;
      if (/^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(text.slice(from, to))) spans.push(from, to);
      from = separator === -1 ? text.length : separator + 4;
    }
    secretDocuments.set(model, spans);
  }
  return spans;
}

/** Entries of a Secret that name where or as whom to connect, not the credential. */
const NOT_SECRET_ENTRY =
  /^(?:user(?:name)?|login|email|host(?:name)?|port|database|db|url|uri|endpoint|region|namespace)$/i;

/** A value under `data:` (base64) or `stringData:` of a Kubernetes Secret manifest. */
export function isKubernetesSecretValue(secret: string, context: MatchContext): boolean {
  const { model, start } = context;
  if (!model) return false;
  const [parent] = model.parentKeys(start);
  if (parent !== 'data' && parent !== 'stringData') return false;
  const key = keyOf(context);
  if (key === undefined || NOT_SECRET_ENTRY.test(key)) return false;
  if (!isInSpans(secretDocumentsOf(model), start)) return false;
  const value = parent === 'data' ? decodeBase64Text(secret) : secret;
  return value !== undefined && value.length >= 6 && !isPlaceholder(value) && !isLookup(value);
}
