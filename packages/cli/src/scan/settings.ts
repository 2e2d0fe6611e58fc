import { findRevealingTerms, type Rule, type TermMatcher } from '@tightlip/core';
import { loadConfig, resolveRules } from '../config/load.js';
import type { Config } from '../config/types.js';
import { InputError } from '../errors.js';
import { clockOf, type Io } from '../io.js';
import { hasCachedVerdict, writeCachedVerdict } from '../term-cache.js';
import { loadTerms, type RuleIds, type TermSource } from '../term-sources.js';

/** What a scan is configured with: the configuration, the rules and terms it runs. Data only. */
export interface ScanSettings {
  config: Config;
  rules: Rule[];
  /** The terms, matched (a compiled set when the cache is on: see LoadedTerms). */
  terms: TermMatcher;
  /** Keys of hashed term lists, by key id. */
  termKeys: Map<string, Uint8Array>;
  /** The term lists in use. */
  termSources: TermSource[];
  /** The rule ids of each term list file's own terms, by absolute path (see `LoadedTerms`). */
  listTerms: ReadonlyMap<string, RuleIds>;
  /** The clock for embargo lift dates. */
  now: () => number;
}

export interface SettingsOptions {
  io: Io;
  /** Where to look for a config file, nearest first. */
  searchFrom: readonly string[];
  /** `--config`, relative to `io.cwd`. */
  config?: string;
  /** `--terms` files, relative to `io.cwd`. */
  termFiles: readonly string[];
}

/** Loads the configuration (searched from `searchFrom`, or `--config`), the rules it enables and every term list. */
export async function loadScanSettings(options: SettingsOptions): Promise<ScanSettings> {
  const { io } = options;
  const config = await loadConfig({
    explicit: options.config,
    searchFrom: options.searchFrom,
    cwd: io.cwd,
  });
  const loaded = await loadTerms({
    cwd: io.cwd,
    env: io.env,
    configTerms: config.terms,
    termFiles: options.termFiles,
  });
  // Ids and owners are what every report prints about a term: one that gives a term away is
  // refused. The check matches every id against every term: its verdict is cached.
  // Without terms there is nothing to give away (and no digest to make).
  const { cacheDir } = loaded;
  const none = loaded.matcher.size === 0;
  const checked = none || (cacheDir !== undefined && hasCachedVerdict(cacheDir, loaded.identity));
  const [giveaway] = checked ? [] : findRevealingTerms(loaded.terms, ['id', 'owner'], loaded.keys);
  if (!giveaway && !checked && cacheDir !== undefined)
    writeCachedVerdict(cacheDir, loaded.identity);
  if (giveaway) {
    throw new InputError(
      giveaway.field === 'id'
        ? `${giveaway.source}: a term's id (or its list's file name) contains a listed term, and ids are printed in every report; use ids like CN-017`
        : `${giveaway.source}: a term's owner mentions a listed term, and owners are printed in every report; name the owner without it`,
    );
  }
  return {
    config,
    rules: resolveRules(config),
    terms: loaded.matcher,
    termKeys: loaded.keys,
    termSources: loaded.sources,
    listTerms: loaded.listTerms,
    now: clockOf(io),
  };
}
