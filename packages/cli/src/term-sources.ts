import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, delimiter, join, resolve } from 'node:path';
import {
  BUILTIN_TERM_LISTS,
  compileTermSet,
  createTermMatcher,
  keyIdOf,
  loadTermSet,
  parseTermList,
  termKeyBytes,
  TermListError,
  TermSetError,
  type Term,
  type TermMatcher,
  type TermSetOptions,
} from '@tightlip/core';
import { zlib } from './builtins.js';
import { InputError } from './errors.js';
import {
  cacheKey,
  isSettled,
  openCachedTermSet,
  readCachedTerms,
  readStamp,
  statStamp,
  termCacheDir,
  writeCachedTermSet,
  writeCachedTerms,
  writeStamp,
} from './term-cache.js';

// Where term lists (and the keys of hashed lists) come from, so that an organisation can
// give every repository one list without committing it:
//
//   repository   "terms" in the config file (paths relative to it) and --terms files
//   built in     `tightlip:markers` (classification markers) wherever a list file is named
//   per user     every *.txt / *.json list and *.key key in $XDG_CONFIG_HOME/tightlip/terms
//                (~/.config/tightlip/terms; %APPDATA%\tightlip\terms on Windows)
//   CI           TIGHTLIP_TERMS_FILE: list files, separated like PATH;
//                TIGHTLIP_TERMS: a whole list as the variable's value (a CI secret);
//                TIGHTLIP_TERMS_KEY / TIGHTLIP_TERMS_KEY_FILE: the key of hashed lists
//
// All lists merge. A list that cannot be read or parsed, a hashed list without its key,
// one id defined differently by two lists, and a list that holds no terms (an empty
// TIGHTLIP_TERMS is what CI gives a fork's pull request for a secret) are errors (exit 2):
// a scan never runs silently without the terms it was given. TIGHTLIP_TERMS_ALLOW_EMPTY=1
// accepts empty lists.

export const TERMS_ENV = 'TIGHTLIP_TERMS';
export const TERMS_FILE_ENV = 'TIGHTLIP_TERMS_FILE';
export const KEY_ENV = 'TIGHTLIP_TERMS_KEY';
export const KEY_FILE_ENV = 'TIGHTLIP_TERMS_KEY_FILE';
/** Set to 1 to accept a list that holds no terms (otherwise an error: see `loadTerms`). */
export const ALLOW_EMPTY_ENV = 'TIGHTLIP_TERMS_ALLOW_EMPTY';

export type TermSourceKind = 'config' | 'option' | 'env' | 'user';

/** One list that was loaded, for diagnostics: where it came from and how many terms it gave. */
export interface TermSource {
  kind: TermSourceKind;
  /** The file, or the environment variable that held the list. */
  name: string;
  terms: number;
  /** Key id, for a hashed list. */
  keyId?: string;
}

/** Rule ids (`term:<id>`), looked up one at a time. */
export interface RuleIds {
  has(ruleId: string): boolean;
}

export interface LoadedTerms {
  /**
   * The terms, matched: a compiled set (see core's term-set.ts), from the cache or compiled
   * now, whenever the cache is on and no list comes from the environment; else a matcher
   * built from the terms. A set from the cache makes a term only when it matches.
   */
  matcher: TermMatcher;
  /** Every term, in list order: made on first use (the scan itself needs only `matcher`). */
  readonly terms: readonly Term[];
  /** Keys of hashed lists, by key id. */
  keys: Map<string, Uint8Array>;
  /**
   * The rule ids (`term:<id>`) of the terms of each list file, by absolute path: a scan of
   * the file on disk does not report a list's own terms in it (it necessarily holds them).
   */
  listTerms: Map<string, RuleIds>;
  sources: TermSource[];
  /** A digest of every list and key loaded: checks of these terms are cached under it. */
  identity: string;
  /** Where compiled lists are cached; undefined when the cache is off. */
  cacheDir?: string;
}

export interface LoadTermsOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Absolute paths from the config's "terms". */
  configTerms: readonly string[];
  /** --terms files, relative to `cwd`. */
  termFiles: readonly string[];
  /** Key files given on the command line, relative to `cwd`. */
  keyFiles?: readonly string[];
  /** Load only the config's and the given lists, not those of the user's directory and the environment (keys still come from everywhere). */
  onlyGiven?: boolean;
}

/** Whether `name` names a built-in term list (`tightlip:markers`) rather than a file. */
export function isBuiltinList(name: string): boolean {
  return name.startsWith('tightlip:');
}

/** The text of the built-in list `name`; an unknown name is an error listing the known ones. */
function builtinList(name: string): string {
  const text = BUILTIN_TERM_LISTS[name];
  if (text === undefined)
    throw new InputError(
      `no built-in term list ${name}; built-in lists: ${Object.keys(BUILTIN_TERM_LISTS).join(', ')}`,
    );
  return text;
}

/** The per-user directory of term lists and keys. */
export function userTermsDir(
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): string | undefined {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'tightlip', 'terms');
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'tightlip', 'terms');
  if (env.HOME) return join(env.HOME, '.config', 'tightlip', 'terms');
  return undefined;
}

/** Reads a file tightlip was pointed at (a list, a key); an unreadable one is an error naming it. */
export async function readSource(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, what, error);
  }
}

function unreadable(file: string, what: string, error: unknown): InputError {
  return new InputError(
    `cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    { cause: error },
  );
}

/** A list file, undecoded (a cached list is only hashed, never decoded); read at once, also when a damaged set is compiled again in the middle of a scan. */
function readList(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw unreadable(file, 'term list', error);
  }
}

/** A list file's stat, for the stamp (see term-cache.ts). */
function statList(file: string): BigIntStats {
  try {
    return statSync(file, { bigint: true });
  } catch (error) {
    throw unreadable(file, 'term list', error);
  }
}

/** The files in `dir`, sorted; none when the directory does not exist. */
async function filesIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new InputError(
      `cannot read the term directory ${dir}: ${code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  return names.sort().map((name) => join(dir, name));
}

/** A key's bytes and id; a key that is too short is an error naming where it came from. */
function addKey(keys: Map<string, Uint8Array>, text: string, name: string): void {
  const key = termKeyBytes(text, name);
  keys.set(keyIdOf(key), key);
}

/** What a term is compared by when two lists define the same id. */
function definition(term: Term): string {
  const { source: _source, ...rest } = term;
  return JSON.stringify(rest);
}

/** Loads and merges every term list and key from the config, the command line, the user's directory and the environment. */
export async function loadTerms(options: LoadTermsOptions): Promise<LoadedTerms> {
  const { env } = options;
  const userDir = userTermsDir(env);
  const userFiles = userDir ? await filesIn(userDir) : [];
  const lists: { kind: TermSourceKind; name: string; file?: string; text?: string }[] = [];
  const seenFiles = new Set<string>();
  const seenBuiltins = new Set<string>();
  const addFile = (kind: TermSourceKind, file: string): void => {
    if (isBuiltinList(file)) {
      if (!seenBuiltins.has(file)) lists.push({ kind, name: file, text: builtinList(file) });
      seenBuiltins.add(file);
      return;
    }
    const path = resolve(options.cwd, file);
    if (seenFiles.has(path)) return;
    seenFiles.add(path);
    lists.push({ kind, name: path, file: path });
  };
  for (const file of options.configTerms) addFile('config', file);
  for (const file of options.termFiles) addFile('option', file);
  if (!options.onlyGiven) {
    for (const file of (env[TERMS_FILE_ENV] ?? '').split(delimiter).filter((part) => part !== ''))
      addFile('env', file);
    // Set but empty counts: that is how CI hands over a secret it withholds.
    if (env[TERMS_ENV] !== undefined)
      lists.push({ kind: 'env', name: TERMS_ENV, text: env[TERMS_ENV] });
    for (const file of userFiles)
      if (file.endsWith('.txt') || file.endsWith('.json')) addFile('user', file);
  }

  const keys = new Map<string, Uint8Array>();
  for (const file of options.keyFiles ?? []) {
    const path = resolve(options.cwd, file);
    addKey(keys, await readSource(path, 'key file'), path);
  }
  if (env[KEY_ENV]) addKey(keys, env[KEY_ENV], KEY_ENV);
  if (env[KEY_FILE_ENV]) {
    const path = resolve(options.cwd, env[KEY_FILE_ENV]);
    addKey(keys, await readSource(path, 'key file'), path);
  }
  for (const file of userFiles)
    if (file.endsWith('.key')) addKey(keys, await readSource(file, 'key file'), file);

  // Lists from files are compiled once (see term-cache.ts); lists from the environment never touch the disk.
  const cacheDir = termCacheDir(env);
  const cacheable =
    cacheDir !== undefined &&
    lists.length > 0 &&
    lists.every((list) => list.file !== undefined || isBuiltinList(list.name));
  let contents: (string | Buffer)[] | undefined;
  const readLists = (): readonly (string | Buffer)[] =>
    (contents ??= lists.map((list) => list.text ?? readList(list.file!)));
  /** What the term set follows from: each list and each key. */
  let digest: string | undefined;
  const identityOf = (): string =>
    (digest ??= cacheKey(
      ...lists.flatMap((list, i) => [list.name, readLists()[i]!]),
      ...[...keys.values()],
    ));
  const checkList = (i: number, { terms, keyId }: ListMeta): void => {
    const list = lists[i]!;
    if (terms === 0 && env[ALLOW_EMPTY_ENV] !== '1') {
      throw new TermListError(
        `holds no terms; a list that is configured but empty is an error, so that a missing list (an unset CI secret) cannot pass silently (set ${ALLOW_EMPTY_ENV}=1 to accept it)`,
        list.name,
      );
    }
    if (keyId !== undefined && !keys.has(keyId)) {
      throw new TermListError(
        `is hashed with key ${keyId}, which was not found: set ${KEY_ENV} or ${KEY_FILE_ENV}` +
          `${userDir ? `, or put the key in a *.key file in ${userDir}` : ''}`,
        list.name,
      );
    }
  };

  let parsedTerms: Term[] | undefined;
  /** Parses the lists, and compiles and caches their set (again, when `repair`ing a damaged one). */
  const compile = (): { meta: SetMeta; set: Uint8Array } => {
    const parsed = parseLists(lists, readLists(), cacheDir, checkList);
    parsedTerms ??= parsed.terms;
    const set = compileTermSet(parsed.terms, keys, setOptions());
    writeCachedTermSet(cacheDir!, identityOf(), { meta: parsed.meta, set });
    return { meta: parsed.meta, set };
  };
  const loadCached = (identity: string) =>
    loadCachedSet(cacheDir!, identity, keys, lists.length, () => compile().set);
  // A warm run: the stamp gives the lists' digest from their stats alone, and the set is cached.
  const stamp = cacheable ? stampOf(lists, keys) : undefined;
  const stamped = stamp && readStamp(cacheDir!, stamp.key, stamp.stats);
  const warm = stamped !== undefined ? loadCached(stamped) : undefined;
  // Without a cache there is nothing to look up: the digest is made if it is asked for.
  const identity = warm !== undefined ? stamped! : cacheable ? identityOf() : undefined;
  if (warm === undefined && stamp?.settled)
    writeStamp(cacheDir!, stamp.key, stamp.stats, identity!);
  let compiled = warm ?? (cacheable ? loadCached(identity!) : undefined);
  if (compiled === undefined && cacheable) {
    const { meta, set } = compile();
    compiled = { meta, matcher: loadTermSet(set, keys, setOptions()) };
  }
  if (compiled === undefined) {
    const parsed = parseLists(lists, readLists(), cacheDir, checkList);
    parsedTerms = parsed.terms;
    compiled = { meta: parsed.meta, matcher: createTermMatcher(parsed.terms, keys) };
  }
  const { meta, matcher } = compiled;
  meta.lists.forEach((list, i) => checkList(i, list));

  const allTerms = (): readonly Term[] => (parsedTerms ??= [...matcher.terms()]);
  const listTerms = new Map<string, RuleIds>();
  meta.lists.forEach(({ from, to, also }, i) => {
    const { file } = lists[i]!;
    let ids: Set<string> | undefined;
    const make = (): Set<string> =>
      new Set(
        [
          ...allTerms()
            .slice(from, to)
            .map((term) => term.id),
          ...also,
        ].map((id) => `term:${id}`),
      );
    if (file !== undefined) listTerms.set(file, { has: (ruleId) => (ids ??= make()).has(ruleId) });
  });
  const sources = meta.lists.map(({ terms, keyId }, i): TermSource => ({
    kind: lists[i]!.kind,
    name: lists[i]!.name,
    terms,
    ...(keyId ? { keyId } : {}),
  }));
  return {
    matcher,
    get terms() {
      return allTerms();
    },
    keys,
    listTerms,
    sources,
    get identity() {
      return identity ?? identityOf();
    },
    cacheDir,
  };
}

/** What the loader records about a list: its term count and key id, and which of the merged terms are its own. */
interface ListMeta {
  terms: number;
  keyId?: string;
  /** The merged terms it added, [from, to). */
  from: number;
  to: number;
  /** Ids of its terms that an earlier list defined (identically). */
  also: string[];
}

interface SetMeta {
  lists: ListMeta[];
}

/**
 * The stamp of `lists` and `keys`: its key (their names and the keys), each list file's
 * stat, and whether every file is settled enough for its stat to be recorded.
 */
function stampOf(
  lists: readonly { name: string; file?: string }[],
  keys: ReadonlyMap<string, Uint8Array>,
): { key: string; stats: string[]; settled: boolean } {
  const now = Date.now();
  const stats = lists.map((list) => (list.file === undefined ? undefined : statList(list.file)));
  return {
    key: cacheKey('stamp', ...lists.map((list) => list.name), ...keys.values()),
    stats: stats.map((stat) => (stat === undefined ? '' : statStamp(stat))),
    settled: stats.every((stat) => stat === undefined || isSettled(stat, now)),
  };
}

/** How the CLI compiles and loads sets: their checksums by node:zlib's native CRC-32. */
const setOptions = (): TermSetOptions => ({ crc32: zlib().crc32 });

/**
 * The term set cached for `identity`, loaded (read block by block as a scan needs them);
 * undefined when there is none or it is damaged (it is then compiled again). A block
 * found damaged later is `repair`ed: the lists compiled again, the same set.
 */
function loadCachedSet(
  cacheDir: string,
  identity: string,
  keys: ReadonlyMap<string, Uint8Array>,
  listCount: number,
  repair: () => Uint8Array,
): { meta: SetMeta; matcher: TermMatcher } | undefined {
  const cached = openCachedTermSet<SetMeta>(cacheDir, identity);
  if (!Array.isArray(cached?.meta.lists) || cached.meta.lists.length !== listCount)
    return undefined;
  try {
    return {
      meta: cached.meta,
      matcher: loadTermSet({ ...cached.source, repair }, keys, setOptions()),
    };
  } catch (error) {
    if (error instanceof TermSetError) return undefined;
    throw error;
  }
}

/** Parses every list (each through the cache of parsed lists) and merges their terms; a list is checked before it is merged. */
function parseLists(
  lists: readonly { name: string; file?: string }[],
  contents: readonly (string | Buffer)[],
  cacheDir: string | undefined,
  checkList: (i: number, list: ListMeta) => void,
): { terms: Term[]; meta: SetMeta } {
  const terms: Term[] = [];
  const byId = new Map<string, Term>();
  const meta: SetMeta = { lists: [] };
  lists.forEach((list, i) => {
    const source = list.file ? basename(list.file) : list.name;
    const content = contents[i]!;
    const key = cacheDir !== undefined && list.file ? cacheKey(source, content) : undefined;
    const cached = key !== undefined ? readCachedTerms(cacheDir!, key) : undefined;
    const parsed = cached ?? parseTermList(content.toString(), { source });
    if (key !== undefined && cached === undefined) writeCachedTerms(cacheDir!, key, parsed);
    const keyId = parsed.find((term) => term.hashed)?.hashed?.keyId;
    const entry: ListMeta = {
      terms: parsed.length,
      ...(keyId ? { keyId } : {}),
      from: terms.length,
      to: terms.length,
      also: [],
    };
    checkList(i, entry);
    for (const term of parsed) {
      const known = byId.get(term.id);
      if (known === undefined) {
        byId.set(term.id, term);
        terms.push(term);
      } else if (definition(known) !== definition(term)) {
        throw new TermListError(
          `term id ${term.id} is also defined, differently, by ${known.source}; ids must be unique`,
          list.name,
        );
      } else {
        entry.also.push(term.id);
      }
    }
    entry.to = terms.length;
    meta.lists.push(entry);
  });
  return { terms, meta };
}
