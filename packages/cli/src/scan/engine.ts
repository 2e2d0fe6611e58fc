import { relative, resolve } from 'node:path';
import { createEngine, type Engine, type Term } from '@tightlip/core';
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
export type EngineSettings = Pick<ScanSettings, 'rules' | 'termKeys' | 'now'> & {
  /** A matcher of the terms (a compiled set), or the terms. */
  terms: ScanSettings['terms'] | readonly Term[];
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
