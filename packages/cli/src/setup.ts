import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { createEngine, parseTermList, type Engine, type Term } from '@tightlip/core';
import picomatch from 'picomatch';
import { loadConfig, type Config } from './config.js';
import { InputError } from './errors.js';
import { toPosix } from './walk.js';

export interface SetupOptions {
  cwd: string;
  /** Where to look for a config file, nearest first. */
  searchFrom: readonly string[];
  /** `--config`. */
  config?: string;
  /** `--terms` files, relative to `cwd`. */
  termFiles: readonly string[];
  /** `--no-mask`. */
  reveal: boolean;
}

/** What every scanning command starts from: the config, an engine, and the allow-path check. */
export interface ScanSetup {
  config: Config;
  engine: Engine;
  /** Whether a file (absolute path) is not to be reported: matched by `allow.paths`, or a term list in use. */
  isAllowedPath(absolute: string): boolean;
}

/** Reads and parses term lists; a list that cannot be read is an error, never silently empty. */
export async function loadTermFiles(files: readonly string[]): Promise<Term[]> {
  const lists = await Promise.all(
    files.map(async (file) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new InputError(`cannot read term list ${file}: ${(error as Error).message}`, { cause: error });
      }
      return parseTermList(text, { source: basename(file) });
    }),
  );
  return lists.flat();
}

export async function setupScan(options: SetupOptions): Promise<ScanSetup> {
  const config = await loadConfig({ explicit: options.config, searchFrom: options.searchFrom, cwd: options.cwd });
  const termFiles = [...config.terms, ...options.termFiles.map((file) => resolve(options.cwd, file))];
  const engine = createEngine({ terms: await loadTermFiles(termFiles), reveal: options.reveal });
  const allowed = config.allowPaths.length > 0 ? picomatch(config.allowPaths, { dot: true }) : undefined;
  // A term list necessarily holds its terms; it is not itself a finding.
  const lists = new Set(termFiles);
  return {
    config,
    engine,
    isAllowedPath: (absolute) =>
      lists.has(absolute) || (allowed !== undefined && allowed(toPosix(relative(config.dir, absolute)))),
  };
}
