import { decodeBase64Text } from './base64.js';

// Values that stand in for a secret: templates, masks, and the words people type when
// they mean "put the real one here". Applied to every rule: a token-shaped placeholder
// (`ghp_xxxx…`, `AKIA…EXAMPLE`) is as harmless as any other.

/** Template and interpolation syntax of common languages and tools. */
const TEMPLATE =
  /\$\{|\$\(|\{\{|\}\}|#\{|%\(|<%|%>|^\$[A-Za-z_]|^%[A-Za-z_]+%$|^@[A-Za-z_]+@$|<[A-Za-z_][\w .-]{0,40}>|\*{3,}|\.{3,}|…/;

/**
 * Words that mark a stand-in. Long words may appear anywhere; a 4-letter word inside 40
 * random base62 characters has a chance of about 1 in 25,000, which the recall budget
 * absorbs.
 */
const WORDS =
  /example|placeholder|changeme|change[_-]me|changeit|redacted|dummy|sample|insert|replace|your[_-]?(?:api|access|secret|own|app|auth|client|private|token|key|pass|real)|xxxx|fake|mock|test|demo|foobar|lorem|ipsum|notreal|not[_-]?a[_-]?real|password|passw0rd|qwerty|asdf|letmein|hunter2|secret123|todo|fixme|null|undefined|invalid|sometoken|somesecret|mysecret|mytoken|mykey|supersecret|secretkey|abcdef|123456/i;

/** Whether `secret` is a template, a mask or a stand-in rather than a secret. */
export function isPlaceholder(secret: string): boolean {
  if (TEMPLATE.test(secret) || WORDS.test(secret) || isEncodedStandIn(secret)) return true;
  const compact = secret.replace(/[^A-Za-z0-9]/g, '');
  return (
    hasLongRun(compact) ||
    hasSequence(compact) ||
    (compact.length >= 12 && distinctCount(compact) <= 4)
  );
}

/** Base64 of readable text with a stand-in word: `bm90IGEgcmVhbCBwYXNzd29yZA==` is "not a real password". */
function isEncodedStandIn(secret: string): boolean {
  if (
    secret.length < 8 ||
    secret.length > 512 ||
    secret.length % 4 !== 0 ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(secret)
  )
    return false;
  const text = decodeBase64Text(secret);
  return (
    text !== undefined &&
    /^[\x20-\x7e]+$/.test(text) &&
    (WORDS.test(text) || /\b(?:not|fake|real)\b/i.test(text))
  );
}

/** Six or more of the same character (case-insensitive): `xxxxxx`, `000000`, `AaAaAa`. */
function hasLongRun(value: string): boolean {
  const lower = value.toLowerCase();
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    run = lower[i] === lower[i - 1] ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/** Six or more consecutive code points up or down: `abcdef`, `123456`, `987654`. */
function hasSequence(value: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= 6 || down >= 6) return true;
  }
  return false;
}

function distinctCount(value: string): number {
  return new Set(value.toLowerCase()).size;
}
