import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './errors.js';

/** File names searched for, in each directory from the start upwards. */
export const CONFIG_FILE_NAMES = ['tightlip.config.json', '.tightliprc.json'] as const;

/** A configuration as tightlip uses it: paths resolved against the config file's directory. */
export interface Config {
  /** The file it came from; undefined for the built-in defaults. */
  file?: string;
  /** Directory that relative paths and `allow.paths` globs are relative to. */
  dir: string;
  /** Absolute paths of term lists. */
  terms: string[];
  /** Globs (picomatch, `/`-separated, relative to `dir`) of paths never reported. */
  allowPaths: string[];
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(file, `cannot read: ${(error as Error).message}`);
  }
}

/** The nearest config file at or above `start`, or undefined. Two names in one directory is an error. */
export async function findConfigFile(start: string): Promise<string | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const present: string[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      if ((await readIfExists(join(dir, name))) !== undefined) present.push(join(dir, name));
    }
    if (present.length > 1) throw new ConfigError(present[0]!, `found both ${present.join(' and ')}; keep one`);
    if (present[0]) return present[0];
    if (dirname(dir) === dir) return undefined;
  }
}

export interface LoadConfigOptions {
  /** An explicit `--config` path: must exist. */
  explicit?: string;
  /** Directories to search upwards from, in order, when there is no explicit path. */
  searchFrom: readonly string[];
  cwd: string;
}

/** Finds, reads and validates the configuration; the defaults when there is none. */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  let file: string | undefined;
  if (options.explicit !== undefined) {
    file = resolve(options.cwd, options.explicit);
    if ((await readIfExists(file)) === undefined) throw new ConfigError(file, 'no such file');
  } else {
    for (const start of options.searchFrom) {
      file = await findConfigFile(start);
      if (file) break;
    }
  }
  if (!file) return { dir: resolve(options.searchFrom[0] ?? options.cwd), terms: [], allowPaths: [] };
  return parseConfig(file, (await readIfExists(file)) ?? '');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(file: string, value: Json | undefined, keyPath: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError(file, 'must be an array of strings', keyPath);
  return value.map((item, i) => {
    if (typeof item !== 'string' || item === '') throw new ConfigError(file, 'must be a non-empty string', `${keyPath}[${i}]`);
    return item;
  });
}

function rejectUnknownKeys(file: string, value: { [key: string]: Json }, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new ConfigError(file, `unknown key; expected one of ${known.join(', ')}`, `${prefix}${key}`);
    }
  }
}

/** Validates the text of a config file. Unknown keys and wrong types are errors naming the key path. */
export function parseConfig(file: string, text: string): Config {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (error) {
    throw new ConfigError(file, `not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new ConfigError(file, 'must be a JSON object');
  rejectUnknownKeys(file, json, ['$schema', 'terms', 'allow'], '');
  if (json.$schema !== undefined && typeof json.$schema !== 'string') throw new ConfigError(file, 'must be a string', '$schema');
  const dir = dirname(file);
  const terms = stringArray(file, json.terms, 'terms').map((path) => resolve(dir, path));
  let allowPaths: string[] = [];
  if (json.allow !== undefined) {
    if (!isObject(json.allow)) throw new ConfigError(file, 'must be an object', 'allow');
    rejectUnknownKeys(file, json.allow, ['paths'], 'allow.');
    allowPaths = stringArray(file, json.allow.paths, 'allow.paths');
  }
  return { file, dir, terms, allowPaths };
}
