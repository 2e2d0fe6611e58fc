// Shapes of high-entropy values that are not secrets. These filters only apply to generic
// detectors (a value judged by its key and its randomness); a provider rule whose format
// is a UUID or hex (Heroku, Datadog) has its own context.

import { isPartedRandom, isWordLike } from '../codec/randomness.js';
import { lineBoundsOf } from '../codec/text-index.js';
import { APP_PASSWORD } from '../rules/literals.js';
import type { MatchContext } from '../types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(secret: string): boolean {
  return UUID.test(secret);
}

/** SRI and lockfile integrity (`sha512-…`), image and content digests (`sha256:…`). */
const PREFIXED_HASH = /^(?:sha(?:1|224|256|384|512)|md5|blake2b|xxh64)[-:]/i;
const HEX_DIGEST =
  /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/;
const HASH_CONTEXT =
  /commit|\bsha|\brev\b|revision|checksum|digest|hash|etag|fingerprint|integrity/i;

/** A hash or digest: a prefixed one anywhere, a bare hex digest when its line says so. */
export function isKnownHash(secret: string, context: MatchContext): boolean {
  if (PREFIXED_HASH.test(secret)) return true;
  return HEX_DIGEST.test(secret) && HASH_CONTEXT.test(lineAround(context));
}

/**
 * Letters in both cases mixed with no word shape (`vKpWqZrTxB`, not `getUserName` or
 * `Password`): typed from a generator, not a label, however few the character classes.
 */
function isScrambledCase(letters: string): boolean {
  return (
    letters.length >= 8 && /[A-Z]/.test(letters) && /[a-z]/.test(letters) && !isWordLike(letters)
  );
}

/** A label, identifier or sentence rather than a credential: i18n strings, constants, prose. */
export function isProse(secret: string): boolean {
  if (APP_PASSWORD.test(secret)) return false;
  if (/\s/.test(secret.trim())) return true;
  if (/^[A-Za-z]+$/.test(secret)) return !isScrambledCase(secret);
  if (/^[A-Za-z]+(?:[ _.-][A-Za-z]+)+$/.test(secret)) return true;
  return isWordLike(secret) && !/[^A-Za-z0-9_.-]/.test(secret);
}

const FILE_EXTENSION =
  /\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|json|ya?ml|toml|txt|env|gpg|asc|der|pub|conf|cfg|ini|xml|js|ts|py|rb|go|java|cs|php|sh|html|png|jpe?g|svg|gif)$/i;

/** A file path or a URL (one without inline credentials; those have their own rule). */
export function isPathOrUrl(secret: string): boolean {
  return (
    /^(?:\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(secret) ||
    /^\/[a-z0-9_./-]+$/.test(secret) ||
    /^\/(?:Users|home|var|etc|usr|opt|tmp|run|srv|mnt|app|data|root|workspace|Library|Volumes)\//.test(
      secret,
    ) ||
    secret.includes('://') ||
    FILE_EXTENSION.test(secret)
  );
}

/**
 * A member access or call in code: `config.apiKey`, `self.token`, `getToken()`. Only
 * applied to generic detectors: provider tokens (`dp.st.…`, JWTs) legitimately hold dots.
 */
const EXPRESSION =
  /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?$|^[A-Za-z_$][\w$.]*\(.*\)?$|^[A-Za-z_$][\w$]*\[/;

export function isCodeExpression(secret: string): boolean {
  return EXPRESSION.test(secret) && !isPartedRandom(secret);
}

/**
 * The line that holds the secret, without its line break, cut to 256 characters on either
 * side of it: what a candidate is judged by stays bounded, however long its line. Its
 * bounds come from the text's model (or an index built once per text): each line is found
 * once, not once per candidate.
 */
export function lineAround({ text, start, end, model }: MatchContext): string {
  const [from, to] = model
    ? [model.lineStart(model.lineIndexOf(start)), lineEndOf(model, end)]
    : [lineBoundsOf(text, start)[0], lineBoundsOf(text, end)[1]];
  return text.slice(Math.max(from, start - 256), Math.min(to, end + 256));
}

/** The offset where the line that holds `offset` ends (before its line break). */
function lineEndOf(model: NonNullable<MatchContext['model']>, offset: number): number {
  const line = model.lineIndexOf(offset);
  return model.lineStart(line) + model.lineText(line).length;
}
