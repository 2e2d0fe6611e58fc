import { readdir, readFile } from 'node:fs/promises';
import { basename, delimiter, join, resolve } from 'node:path';
import {
  BUILTIN_TERM_LISTS,
  keyIdOf,
  parseTermList,
  termKeyBytes,
  TermListError,
  type Term,
} from '@tightlip/core';
import { InputError } from './errors.js';

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
// and one id defined differently by two lists are errors (exit 2): a scan never runs
// silently without a list it was given.

export const TERMS_ENV = 'TIGHTLIP_TERMS';
export const TERMS_FILE_ENV = 'TIGHTLIP_TERMS_FILE';
export const KEY_ENV = 'TIGHTLIP_TERMS_KEY';
export const KEY_FILE_ENV = 'TIGHTLIP_TERMS_KEY_FILE';

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

export interface LoadedTerms {
  terms: Term[];
  /** Keys of hashed lists, by key id. */
  keys: Map<string, Uint8Array>;
  /** Absolute paths of the list files, which a scan does not report on. */
  files: string[];
  sources: TermSource[];
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
    throw new InputError(
      `cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
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
    if (env[TERMS_ENV]) lists.push({ kind: 'env', name: TERMS_ENV, text: env[TERMS_ENV] });
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

  const texts = await Promise.all(
    lists.map(async (list) => list.text ?? readSource(list.file!, 'term list')),
  );
  const terms: Term[] = [];
  const byId = new Map<string, Term>();
  const sources: TermSource[] = [];
  lists.forEach((list, i) => {
    const parsed = parseTermList(texts[i]!, {
      source: list.file ? basename(list.file) : list.name,
    });
    const keyId = parsed.find((term) => term.hashed)?.hashed?.keyId;
    if (keyId !== undefined && !keys.has(keyId)) {
      throw new TermListError(
        `is hashed with key ${keyId}, which was not found: set ${KEY_ENV} or ${KEY_FILE_ENV}` +
          `${userDir ? `, or put the key in a *.key file in ${userDir}` : ''}`,
        list.name,
      );
    }
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
      }
    }
    sources.push({
      kind: list.kind,
      name: list.name,
      terms: parsed.length,
      ...(keyId ? { keyId } : {}),
    });
  });
  return { terms, keys, files: [...seenFiles], sources };
}
