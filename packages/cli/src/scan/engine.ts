import { join, relative, resolve } from 'node:path';
import { createEngine, type Engine } from '@tightlip/core';
import { toPosix } from '../paths.js';
import type { ScanSettings } from './settings.js';

export interface ScanEngineOptions {
  /** Directory that chunk paths are relative to; term scopes are matched relative to the config's directory. */
  root: string;
  /** `--no-mask`. */
  reveal: boolean;
  /** Give every finding a `secretHash` keyed with this salt (a baseline's). */
  secretHashSalt?: string;
}

/** What of the settings the engine reads. */
export type EngineSettings = Pick<ScanSettings, 'rules' | 'terms' | 'termKeys' | 'now'> & {
  config: Pick<
    ScanSettings['config'],
    'dir' | 'allowValues' | 'allowPatterns' | 'stopwords' | 'inlineAllow'
  >;
};

/** The engine a scan runs: the settings' rules, terms, allow lists and clock. */
export function createScanEngine(settings: EngineSettings, options: ScanEngineOptions): Engine {
  const { config } = settings;
  return createEngine({
    rules: settings.rules,
    terms: settings.terms,
    termKeys: settings.termKeys,
    now: settings.now,
    // Files are judged by their path relative to the config; refs and messages by their own names.
    scopePath: (path, subject) =>
      subject === 'content' || subject === 'file-name'
        ? toPosix(relative(config.dir, resolve(options.root, path)))
        : path,
    reveal: options.reveal,
    allow: {
      values: config.allowValues,
      patterns: config.allowPatterns,
      stopwords: config.stopwords,
    },
    inlineAllow: config.inlineAllow,
    ...(options.secretHashSalt !== undefined ? { secretHashSalt: options.secretHashSalt } : {}),
  });
}

/**
 * `engine`, except that in the content of a term list file on disk (`lists`: absolute path
 * → the ids of its own terms) it does not report that list's own terms (the list
 * necessarily holds them; credentials and other lists' terms in it are reported, and its
 * own terms still masked). Only for a directory scan: content from git (staged, committed,
 * pushed) at a list's path is judged like any other, so that nothing can pass a hook by
 * its name.
 */
export function withListsOnDisk(
  engine: Engine,
  root: string,
  lists: ReadonlyMap<string, ReadonlySet<string>>,
): Engine {
  if (lists.size === 0) return engine;
  return {
    ...engine,
    scan(chunk) {
      const own = chunk.subject === 'content' ? lists.get(join(root, chunk.path)) : undefined;
      const findings = engine.scan(chunk);
      return own ? findings.filter((finding) => !own.has(finding.ruleId)) : findings;
    },
  };
}
