import { decodeBase64Text } from './base64.js';

// Values that stand in for a secret: templates, masks, and the words people type when
// they mean "put the real one here". Applied to every rule: a token-shaped placeholder
// (`ghp_xxxx…`, `AKIA…EXAMPLE`) is as harmless as any other.

/**
 * Template and interpolation syntax of common languages and tools. `$(NAME)` and
 * `%(name)s` are whole: a bare `$(` or `%(` is common in random secrets of symbol-rich
 * alphabets (one Django SECRET_KEY in 25 holds one).
 */
const TEMPLATE =
  /\$\{|\$\([A-Za-z_][\w .-]*\)|\{\{|\}\}|#\{|%\([A-Za-z_]\w*\)|<%|%>|^\$[A-Za-z_]|^%[A-Za-z_]+%$|^@[A-Za-z_]+@$|<[A-Za-z_][\w .-]{0,40}>|\*{3,}|\.{3,}|…/;

/**
 * Words that mark a stand-in. Long words may appear anywhere; a 4-letter word inside 40
 * random base62 characters has a chance of about 1 in 25,000, which the recall budget
 * absorbs.
 */
const WORDS =
  /example|placeholder|changeme|change[_-]me|changeit|redacted|dummy|sample|insert|replace|your[_-]?(?:api|access|secret|own|app|auth|client|private|token|key|pass|real)|xxxx|fake|mock|test|demo|foobar|lorem|ipsum|notreal|not[_-]?a[_-]?real|password|passw0rd|hunter2|todo|fixme|null|undefined|invalid|sometoken|somesecret|mysecret|mytoken|mykey|supersecret|secretkey|abcdef|123456/i;

/**
 * Whether `secret` is a template, a mask or a stand-in rather than a secret: template
 * syntax, a stand-in word (also in leetspeak: `n0t-a-r34l-k3y`), base64 of one, or a fill
 * made by hand: runs (`xxxxxx`), sequences (`abcdef`, `123456`), patterns (`A1B2C3D4…`,
 * `abcabcabc`), few distinct characters.
 */
export function isPlaceholder(secret: string): boolean {
  if (TEMPLATE.test(secret) || WORDS.test(secret) || isEncodedStandIn(secret)) return true;
  if (/[013457@$]/.test(secret) && LEET_WORDS.test(unleet(secret))) return true;
  const compact = secret.replace(/[^A-Za-z0-9]/g, '');
  return (
    hasLongRun(compact) ||
    hasSequence(compact) ||
    hasPattern(compact) ||
    (compact.length >= 12 && distinctCount(compact) <= 4)
  );
}

/**
 * Stand-in words as leetspeak writes them (`3x4mpl3`, `n0t-a-r34l`): long words anywhere,
 * short ones only between separators, so that random tokens, whose digits read as letters
 * too, rarely spell one (under one in three thousand for 40 lower-case characters).
 */
const LEET_WORDS =
  /example|placeholder|changeme|redacted|dummy|sample|insert|replace|not[_-]?a?[_-]?real|lorem|ipsum|invalid|secretkey|supersecret|(?:^|[^a-z])(?:fake|test|demo|mock|your)s?(?:[^a-z]|$)/i;

/** Leetspeak read as lower-case letters, length kept: `R34l` and `p4$$w0rd!` are `real` and `passwordi`. */
export function unleet(value: string): string {
  return value.toLowerCase().replace(/[0134578@$!|]/g, (char) => LEET[char]!);
}
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/**
 * A fill typed by a person rather than drawn at random: a run of at least 6 characters
 * that repeats with a short period (`abcabcabc`, `121212`), or that interleaves
 * sequences (`A1B2C3D4E5`, `a-b-c-d` compacted, `AaBbCc`): every character one step from
 * the one two or three places before it. Random tokens of any alphabet do neither over so
 * many characters (a chance of under one in a million per position).
 */
function hasPattern(value: string): boolean {
  const lower = value.toLowerCase();
  for (let period = 2; period <= 6; period++) {
    let run = 0;
    for (let i = period; i < lower.length; i++) {
      run = lower[i] === lower[i - period] ? run + 1 : 0;
      if (run >= Math.max(6, period + 3)) return true;
    }
  }
  for (const stride of [2, 3]) {
    // Eight steps, or the whole of a value of 8 or 9 characters (`a1b2c3d4`).
    const steps = value.length >= 8 ? Math.min(8, value.length - stride) : 8;
    let run = 0;
    for (let i = stride; i < value.length; i++) {
      run = Math.abs(value.charCodeAt(i) - value.charCodeAt(i - stride)) === 1 ? run + 1 : 0;
      if (run >= steps) return true;
    }
  }
  return false;
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

/**
 * The share of `value`'s characters that lie in a stretch typed by hand: 8 or more
 * characters repeating one (`AAAAAAAA`), stepping up or down by one (`0123456789`,
 * `abcdefgh`), repeating a period of 2 to 6 (`abcabcab`) or interleaving two such steps
 * (`a1b2c3d4`). A long random value (a key body) may hold a short stretch by chance (zero
 * bytes are `AAAA` in base64); one that is mostly such stretches is a fill, not a key.
 */
export function typedShare(value: string): number {
  if (value.length === 0) return 0;
  const typed = new Uint8Array(value.length);
  const lower = value.toLowerCase();
  // Linear: a stretch is marked whole when it reaches 8, then one character at a time.
  const mark = (end: number, length: number) => {
    if (length === 8) typed.fill(1, end - 7, end + 1);
    else if (length > 8) typed[end] = 1;
  };
  // Same character; one step up or down; a period; an interleaving (stride 2 or 3).
  const same = (i: number, d: number) => lower[i] === lower[i - d];
  const step = (i: number, d: number) =>
    Math.abs(value.charCodeAt(i) - value.charCodeAt(i - d)) === 1;
  const relations: [(i: number, d: number) => boolean, number][] = [
    [same, 1],
    [step, 1],
    [same, 2],
    [same, 3],
    [same, 4],
    [same, 5],
    [same, 6],
    [step, 2],
    [step, 3],
  ];
  for (const [holds, d] of relations) {
    let length = d;
    for (let i = d; i < value.length; i++) {
      length = holds(i, d) ? length + 1 : d;
      mark(i, length);
    }
  }
  return typed.reduce((sum, flag) => sum + flag, 0) / value.length;
}
