import { TermListError } from '../errors.js';
import { SEVERITIES, type Severity, type Term } from '../types.js';
import { parseLiftDate } from './embargo.js';
import { MAX_TERM_WORDS } from './forms.js';
import { compileGlob } from './glob.js';
import { foldedWords } from './tokenize.js';

// The JSON term list (schema: docs/terms.schema.json). Validated by hand so that the core
// needs no schema library; a test keeps the schema and this parser in step.

/** Version of the JSON list format; a list with another version is refused. */
export const TERM_LIST_VERSION = 1;

export const HASH_ALGORITHM = 'hmac-sha256';

/** Keys of a list entry, plaintext and hashed, in the order a hashed list writes them. */
export const ENTRY_KEYS = [
  'id',
  'term',
  'aliases',
  'digests',
  'severity',
  'lifts',
  'graceDays',
  'allowIn',
  'onlyIn',
  'substring',
  'leet',
  'owner',
  'note',
] as const;
export const DEFAULT_KEYS = ['severity', 'owner', 'leet', 'allowIn', 'onlyIn'] as const;
export const LIST_KEYS = ['$schema', 'version', 'defaults', 'hashed', 'terms'] as const;
export const HASHED_KEYS = ['algorithm', 'keyId', 'wordTags'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ID = /^[^\s\p{C}](?:[^\p{C}]{0,98}[^\s\p{C}])?$/u;
const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const HEX8 = /^[0-9a-f]{8}$/;

/**
 * The folded words of a term or alias as written; throws (naming `where`, never the
 * entry) when it has no letter or digit or too many words.
 */
export function termWords(text: string, source: string, where: string, line?: number): string[] {
  const words = foldedWords(text);
  if (words.length === 0) throw new TermListError(`${where}has no letters or digits`, source, line);
  if (words.length === 1 && words[0]!.length === 1)
    throw new TermListError(
      `${where}is a single letter or digit once folded (symbols are not matched): it would match every one-letter word`,
      source,
      line,
    );
  if (words.length > MAX_TERM_WORDS)
    throw new TermListError(`${where}has more than ${MAX_TERM_WORDS} words`, source, line);
  return words;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads typed fields of one JSON object, with errors that name the list and key path. */
function reader(source: string, object: JsonObject, path: string, known: readonly string[]) {
  const fail = (key: string, message: string): never => {
    throw new TermListError(`${path}${key}: ${message}`, source);
  };
  for (const key of Object.keys(object))
    if (!known.includes(key)) fail(key, `unknown key; expected one of ${known.join(', ')}`);
  const string = (
    key: string,
    pattern?: RegExp,
    what = 'a non-empty string',
  ): string | undefined => {
    const value = object[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '' || (pattern && !pattern.test(value)))
      return fail(key, `must be ${what}`);
    return value;
  };
  const strings = (
    key: string,
    pattern?: RegExp,
    what = 'an array of non-empty strings',
  ): string[] | undefined => {
    const value = object[key];
    if (value === undefined) return undefined;
    if (
      !Array.isArray(value) ||
      value.some(
        (item) =>
          typeof item !== 'string' || item.trim() === '' || (pattern && !pattern.test(item)),
      )
    ) {
      return fail(key, `must be ${what}`);
    }
    return value as string[];
  };
  const boolean = (key: string): boolean | undefined => {
    const value = object[key];
    if (value !== undefined && typeof value !== 'boolean')
      return fail(key, 'must be true or false');
    return value;
  };
  const severity = (key: string): Severity | undefined => {
    const value = object[key];
    if (value !== undefined && !SEVERITIES.includes(value as Severity))
      return fail(key, `must be one of ${SEVERITIES.join(', ')}`);
    return value as Severity | undefined;
  };
  const globs = (key: string): string[] | undefined => {
    const value = strings(key);
    value?.forEach((glob, i) => {
      try {
        compileGlob(glob);
      } catch (error) {
        fail(`${key}[${i}]`, `not a supported glob: ${(error as Error).message}`);
      }
    });
    return value;
  };
  return { fail, string, strings, boolean, severity, globs };
}

/** Parses a JSON term list, plaintext or hashed. */
export function parseJsonTermList(text: string, source: string): Term[] {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (error) {
    // The parser's message may quote the text around the error: report only the position.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new TermListError(
      `not valid JSON${position ? ` (at character ${position})` : ''}`,
      source,
    );
  }
  if (!isObject(json)) throw new TermListError('must be a JSON object', source);
  const list = reader(source, json, '', LIST_KEYS);
  if (json.version !== TERM_LIST_VERSION) list.fail('version', `must be ${TERM_LIST_VERSION}`);
  list.string('$schema');

  const defaults: JsonObject =
    json.defaults === undefined
      ? {}
      : isObject(json.defaults)
        ? json.defaults
        : list.fail('defaults', 'must be an object');
  const fromDefaults = reader(source, defaults, 'defaults.', DEFAULT_KEYS);
  const base = {
    severity: fromDefaults.severity('severity') ?? 'high',
    owner: fromDefaults.string('owner'),
    leet: fromDefaults.boolean('leet'),
    allowIn: fromDefaults.globs('allowIn'),
    onlyIn: fromDefaults.globs('onlyIn'),
  };

  let hashed: { keyId: string; wordTags: readonly string[] } | undefined;
  if (json.hashed !== undefined) {
    if (!isObject(json.hashed)) list.fail('hashed', 'must be an object');
    const header = reader(source, json.hashed as JsonObject, 'hashed.', HASHED_KEYS);
    if ((json.hashed as JsonObject).algorithm !== HASH_ALGORITHM)
      header.fail('algorithm', `must be "${HASH_ALGORITHM}"`);
    const keyId =
      header.string('keyId', HEX16, '16 hex digits') ?? header.fail('keyId', 'is required');
    const wordTags = header.strings('wordTags', HEX8, 'an array of 8-hex-digit tags') ?? [];
    hashed = { keyId, wordTags };
  }

  if (!Array.isArray(json.terms)) list.fail('terms', 'must be an array of terms');
  const ids = new Map<string, number>();
  return (json.terms as Json[]).map((item, index) => {
    const path = `terms[${index}]`;
    if (!isObject(item)) return list.fail(path, 'must be an object');
    const entry = reader(source, item, `${path}.`, ENTRY_KEYS);
    const id =
      entry.string(
        'id',
        ID,
        'an id of at most 100 printable characters, without leading or trailing spaces',
      ) ?? entry.fail('id', 'is required');
    // Said by position: an id may be what gives a term away, which is checked only later.
    if (ids.has(id)) entry.fail('id', `duplicate of terms[${ids.get(id)}].id`);
    ids.set(id, index);
    const where = `${source}#${id}`;
    const term: Term = {
      id,
      words: [],
      severity: entry.severity('severity') ?? base.severity,
      source: where,
    };
    if (hashed) {
      if (item.term !== undefined || item.aliases !== undefined)
        entry.fail('term', 'a hashed list holds digests, not terms');
      if (item.substring !== undefined)
        entry.fail('substring', 'substring matching cannot be hashed');
      const digests =
        entry.strings('digests', HEX32, 'an array of 32-hex-digit digests') ??
        entry.fail('digests', 'is required');
      term.hashed = { keyId: hashed.keyId, digests, wordTags: hashed.wordTags };
    } else {
      if (item.digests !== undefined)
        entry.fail('digests', 'only a hashed list (with a "hashed" header) holds digests');
      const written = entry.string('term') ?? entry.fail('term', 'is required');
      term.words = termWords(written, source, `${path}.term `);
      const aliases = entry.strings('aliases');
      if (aliases)
        term.aliases = aliases.map((alias, i) =>
          termWords(alias, source, `${path}.aliases[${i}] `),
        );
      const substring = entry.boolean('substring');
      if (substring) term.substring = true;
    }
    const lifts = entry.string(
      'lifts',
      undefined,
      'a date (YYYY-MM-DD) or an ISO date-time with offset',
    );
    if (lifts !== undefined) {
      if (parseLiftDate(lifts) === undefined)
        entry.fail('lifts', 'must be a date (YYYY-MM-DD) or an ISO date-time with Z or an offset');
      term.lifts = lifts;
    }
    const graceDays = item.graceDays;
    if (graceDays !== undefined) {
      if (typeof graceDays !== 'number' || !Number.isInteger(graceDays) || graceDays < 0)
        entry.fail('graceDays', 'must be a whole number of days');
      if (lifts === undefined) entry.fail('graceDays', 'needs a lift date (lifts)');
      term.graceDays = graceDays as number;
    }
    const leet = entry.boolean('leet') ?? base.leet;
    if (leet) term.leet = true;
    const allowIn = entry.globs('allowIn') ?? base.allowIn;
    if (allowIn) term.allowIn = allowIn;
    const onlyIn = entry.globs('onlyIn') ?? base.onlyIn;
    if (onlyIn) term.onlyIn = onlyIn;
    const owner = entry.string('owner') ?? base.owner;
    if (owner) term.owner = owner;
    const note = entry.string('note');
    if (note) term.note = note;
    return term;
  });
}
