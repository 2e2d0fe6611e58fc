import { relative, resolve } from 'node:path';
import { createEngine, type Engine } from '@tightlip/core';
import picomatch from 'picomatch';
import { loadConfig, type Config } from './config.js';
import { loadTerms, type TermSource } from './term-sources.js';
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
  /** Environment for term lists and keys (per-user directory, TIGHTLIP_TERMS…); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** The clock for embargo lift dates; `Date.now` by default. */
  now?: () => number;
  /** Directory that chunk paths are relative to; term scopes are then matched relative to the config's directory. */
  root?: string;
}

/** What every scanning command starts from: the config, an engine, and the allow-path check. */
export interface ScanSetup {
  config: Config;
  engine: Engine;
  /** The term lists in use. */
  termSources: TermSource[];
  /** Whether a file (absolute path) is not to be reported: matched by `allow.paths`, or a term list in use. */
  isAllowedPath(absolute: string): boolean;
}

export async function setupScan(options: SetupOptions): Promise<ScanSetup> {
  const config = await loadConfig({ explicit: options.config, searchFrom: options.searchFrom, cwd: options.cwd });
  const loaded = await loadTerms({ cwd: options.cwd, env: options.env ?? process.env, configTerms: config.terms, termFiles: options.termFiles });
  const root = options.root;
  const engine = createEngine({
    terms: loaded.terms,
    termKeys: loaded.keys,
    reveal: options.reveal,
    now: options.now ?? Date.now,
    ...(root !== undefined ? { scopePath: (path: string) => toPosix(relative(config.dir, resolve(root, path))) } : {}),
  });
  const allowed = config.allowPaths.length > 0 ? picomatch(config.allowPaths, { dot: true }) : undefined;
  // A term list necessarily holds its terms; it is not itself a finding.
  const lists = new Set(loaded.files);
  return {
    config,
    engine,
    termSources: loaded.sources,
    isAllowedPath: (absolute) =>
      lists.has(absolute) || (allowed !== undefined && allowed(toPosix(relative(config.dir, absolute)))),
  };
}
