// The key a candidate is assigned to, wherever the format puts it: captured by the rule's
// pattern (`os.getenv("API_KEY", "…")`), before it on its line (`API_KEY=…`), on the line
// above (`api_key:` then the value), and the keys of the blocks around it
// (`storage:` / `  key: …`). And what a key's words say the value is.

import type { MatchContext } from '../types.js';
import { assignedKey } from './context.js';

/** A value this close to its line's start, with only quotes and spaces before it, stands alone on its line. */
const ALONE_WITHIN = 40;

/**
 * The key `context`'s candidate is assigned to: the rule's `key` group, the key before it
 * on its line, or, for a value alone on its line, the key the line above leaves open.
 */
export function keyOf(context: MatchContext): string | undefined {
  if (context.key !== undefined) return context.key;
  const same = assignedKey(context);
  if (same !== undefined) return VALUE_KEY.test(same) ? namedKey(context, same) : same;
  const { model } = context;
  if (!model) return undefined;
  const line = model.lineIndexOf(context.start);
  const lineStart = model.lineStart(line);
  if (context.start - lineStart > ALONE_WITHIN) return undefined;
  if (!/^[ \t]*["'`]?$/.test(context.text.slice(lineStart, context.start))) return undefined;
  return model.openKey(line - 1);
}

/** Keys that hold a value named elsewhere: `value` beside `name`, a variable's `default`. */
const VALUE_KEY = /^(?:value|default|val|defaultValue|default_value)$/i;

/** `name: "API_KEY"` (or `"name": "…"`) just before a value, on its line or the line above. */
const NAME_BEFORE =
  /["']?name["']?[ \t]*[:=][ \t]*["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]*,?[ \t]*$/;

/**
 * The name of a value that its key does not name: the `name` beside it (Kubernetes and ECS
 * environment lists, `- name: API_KEY` / `  value: …`), or the block it is the default of
 * (`variable "api_key" { default = … }`); `key` itself otherwise.
 */
function namedKey(context: MatchContext, key: string): string {
  const { model, text, start } = context;
  if (!model) return key;
  const line = model.lineIndexOf(start);
  const before = text.slice(Math.max(model.lineStart(line), start - 200), start);
  const beside = /["']?name["']?[ \t]*[:=][ \t]*["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]*,/.exec(
    before,
  );
  if (beside) return beside[1]!;
  const above = line > 0 ? model.lineText(line - 1) : '';
  const named = above.length <= 200 ? NAME_BEFORE.exec(above) : null;
  if (named) return named[1]!;
  return model.parentKeys(start)[0] ?? key;
}

/** The key with the keys of the blocks around the candidate, outermost first: `slack.verification_token`. */
export function keyPathOf(context: MatchContext, key = keyOf(context)): string | undefined {
  const parents = context.model?.parentKeys(context.start) ?? [];
  const path = [...parents].reverse();
  if (key !== undefined && path.at(-1) !== key) path.push(key);
  return path.length > 0 ? path.join('.') : undefined;
}

/** The words of a key, lower case: `dbPassword` and `DB_PASSWORD` are both `db password`. */
export function keyWords(key: string): string[] {
  return (key.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? []).map((word) => word.toLowerCase());
}

/** Words of a key that say its value is not the secret itself. */
const NOT_SECRET_WORDS = new Set(
  (
    'public publishable pub csrf xsrf nonce id ids name names url uri urls path file dir type length len size count ' +
    'expires expiry expiration expire exp ttl timeout header prefix suffix format version field label placeholder hint ' +
    'description desc message msg title text error regex pattern endpoint issuer audience scope scopes algorithm alg mode ' +
    'kind policy hash hashed digest checksum salt iv ref arn env var param enabled required provider store manager cache ' +
    'location method limit max min lifetime rotation validity usage generator validator schema example sample test mock ' +
    'reset confirm confirmation verify verified strength rule rules field fields input form old previous perishable ' +
    'lockout attempts policy'
  ).split(' '),
);

/** Last words of a password key: `db_password`, `smtpPass`, `PASSPHRASE` (not `pass_arg`, `SAMPLES_PASSED`). */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'pw', 'passw']);

/** Words that make a key name a secret on their own. */
const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'token',
  'credential',
  'credentials',
  'apikey',
  'passkey',
  'authkey',
  'bearer',
  'authorization',
]);

/** Words before `key` that make it a secret key: `api_key`, `signing-key`, `accountKey`. */
const KEY_QUALIFIERS = new Set(
  'api access auth private signing encryption master account app session secret client storage service license sas webhook hmac shared consumer subscription ingest deploy admin'.split(
    ' ',
  ),
);

/** What a key's name says its value is. */
export type KeyKind = 'password' | 'secret' | 'key';

/**
 * What the key names: a password (its last word is one), a secret (`secret`, `token`,
 * `api_key`, …), a bare `key` (a secret only with a telling block around it or a strong
 * value), or nothing secret (`token_url`, `secret_name`, `public_key`).
 */
export function keyKindOf(key: string): KeyKind | undefined {
  const words = keyWords(key);
  if (words.length === 0 || words.some((word) => NOT_SECRET_WORDS.has(word))) return undefined;
  const last = words.at(-1)!;
  if (PASSWORD_WORDS.has(last)) return 'password';
  if (words.some((word) => SECRET_WORDS.has(word))) return 'secret';
  const keyAt = words.lastIndexOf('key');
  if (keyAt === -1) return undefined;
  if (keyAt > 0 && KEY_QUALIFIERS.has(words[keyAt - 1]!)) return 'secret';
  return keyAt === words.length - 1 ? 'key' : undefined;
}

/** The kind of the candidate's key, a bare `key` raised to a secret by a telling block around it (`storage:` / `  key:`). */
export function keyKindAt(context: MatchContext, key: string): KeyKind | undefined {
  const kind = keyKindOf(key);
  if (kind !== 'key') return kind;
  for (const parent of context.model?.parentKeys(context.start) ?? []) {
    const parentKind = keyKindOf(`${parent} key`);
    if (parentKind === 'secret') return 'secret';
  }
  return 'key';
}
