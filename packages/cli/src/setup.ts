import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import {
  createBaselineMatcher,
  createEngine,
  findRevealingTerms,
  parseBaseline,
  type Baseline,
  type BaselineEntry,
  type BaselineMatcher,
  type Engine,
  type Finding,
  type ScanReport,
  type ScanStats,
  type Skipped,
} from '@tightlip/core';
import { loadConfig, resolveRules, type Config } from './config.js';
import { ConfigError, InputError } from './errors.js';
import { sortFindings } from './sort.js';
import { loadTerms, type TermSource } from './term-sources.js';
import { TOOL } from './version.js';
import { toPosix } from './paths.js';

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
  /** `--baseline <file>`, relative to `cwd`; overrides the config's. */
  baseline?: string;
  /**
   * What to do with the baseline: `filter` out findings it accepts (scans, the default),
   * or `record`: hash findings with its salt (a new salt for a new baseline) and filter
   * nothing, for `tightlip baseline`.
   */
  baselineMode?: 'filter' | 'record';
  /** With `record`: start a new baseline with this salt, ignoring an existing file. */
  newBaselineSalt?: string;
  /** Environment for term lists and keys (per-user directory, TIGHTLIP_TERMS…); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** The clock for embargo lift dates; `Date.now` by default. */
  now?: () => number;
  /** Directory that chunk paths are relative to; term scopes are then matched relative to the config's directory. */
  root?: string;
}

/** Where a baseline is looked for when neither `--baseline` nor the config names one: beside the config. */
export const DEFAULT_BASELINE_FILE = '.tightlip-baseline.jsonl';

/** What every scanning command starts from: the config, an engine, path and baseline filters. */
export interface ScanSession {
  config: Config;
  engine: Engine;
  /** The term lists in use. */
  termSources: TermSource[];
  /** Absolute path of the baseline in use (in `record` mode: the one to write). */
  baselineFile?: string;
  /** The baseline as read, if there is one (and not replaced by a new salt). */
  baseline?: Baseline;
  /** The salt findings are hashed with (`secretHash`), when a baseline is in play. */
  baselineSalt?: string;
  /** Whether a file (absolute path) is not to be reported: matched by `allow.paths`, or a term list in use. */
  isAllowedPath(absolute: string): boolean;
  /** The baseline entry of a finding whose path is relative to `root` (the finding must carry `secretHash`). */
  entryOf(finding: Finding, root: string): BaselineEntry;
  /** The report of a scan: findings the baseline accepts removed, sorted, without baseline hashes, terms in paths masked. */
  report(findings: readonly Finding[], root: string, skipped: Skipped[], stats: ScanStats): ScanReport;
  /** Baseline entries that accepted no finding in the reports made so far. */
  unusedBaselineEntries(): BaselineEntry[];
}

/**
 * The baseline in `file`; undefined when there is none yet (nothing is accepted: that
 * reports more, never less). A baseline that exists but cannot be read or parsed is an
 * error, because ignoring it would report what the team accepted as if it were new.
 */
async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(file, `cannot read baseline: ${(error as Error).message}`);
  }
  return parseBaseline(text, file);
}

/** A fresh random salt for a new baseline. */
export function newBaselineSalt(): string {
  return randomBytes(16).toString('hex');
}

export async function setupScan(options: SetupOptions): Promise<ScanSession> {
  const config = await loadConfig({ explicit: options.config, searchFrom: options.searchFrom, cwd: options.cwd });
  const loaded = await loadTerms({ cwd: options.cwd, env: options.env ?? process.env, configTerms: config.terms, termFiles: options.termFiles });
  const mode = options.baselineMode ?? 'filter';
  const configured = options.baseline !== undefined ? resolve(options.cwd, options.baseline) : config.baseline;
  const implicit = join(config.dir, DEFAULT_BASELINE_FILE);
  const baselineFile = configured ?? (mode === 'record' || existsSync(implicit) ? implicit : undefined);
  let baseline: Baseline | undefined;
  if (baselineFile !== undefined && options.newBaselineSalt === undefined) baseline = await readBaseline(baselineFile);
  const baselineSalt = options.newBaselineSalt ?? baseline?.salt ?? (mode === 'record' ? newBaselineSalt() : undefined);
  const matcher: BaselineMatcher | undefined = mode === 'filter' && baseline ? createBaselineMatcher(baseline) : undefined;

  const engine = createEngine({
    rules: resolveRules(config),
    terms: loaded.terms,
    termKeys: loaded.keys,
    now: options.now ?? Date.now,
    ...(options.root !== undefined ? { scopePath: (path: string) => toPosix(relative(config.dir, resolve(options.root!, path))) } : {}),
    reveal: options.reveal,
    allow: { values: config.allowValues, patterns: config.allowPatterns, stopwords: config.stopwords },
    inlineAllow: config.inlineAllow,
    ...(baselineSalt !== undefined ? { secretHashSalt: baselineSalt } : {}),
  });
  // Ids are what every report prints instead of a term: an id that gives its term away is refused.
  const [giveaway] = findRevealingTerms(loaded.terms, ['id'], loaded.keys);
  if (giveaway) {
    throw new InputError(`${giveaway.source}: a term's id (or its list's file name) contains a listed term, and ids are printed in every report; use ids like CN-017`);
  }
  const allowed = config.allowPaths.length > 0 ? (await import('picomatch')).default(config.allowPaths, { dot: true }) : undefined;
  // A term list necessarily holds its terms, and a baseline lists accepted findings; neither is a finding.
  const exempt = new Set([...loaded.files, ...(baselineFile ? [baselineFile] : [])]);
  const baselineDir = baselineFile ? dirname(baselineFile) : config.dir;

  const entryOf = (finding: Finding, root: string): BaselineEntry => ({
    rule: finding.ruleId,
    // Baseline paths are relative to the baseline file, whatever directory was scanned.
    path: toPosix(relative(baselineDir, join(root, finding.path))),
    hash: finding.secretHash ?? '',
  });

  return {
    config,
    engine,
    termSources: loaded.sources,
    ...(baselineFile ? { baselineFile } : {}),
    ...(baseline ? { baseline } : {}),
    ...(baselineSalt !== undefined ? { baselineSalt } : {}),
    isAllowedPath: (absolute) => exempt.has(absolute) || (allowed !== undefined && allowed(toPosix(relative(config.dir, absolute)))),
    entryOf,
    report(findings, root, skipped, stats) {
      const kept = matcher ? findings.filter((finding) => !matcher.accepts(entryOf(finding, root))) : findings;
      // A path can hold a secret or a codename too: reports show it masked, like excerpts, unless revealing.
      const showPath = (path: string) => (options.reveal ? path : engine.redactName(path));
      return {
        tool: TOOL,
        findings: sortFindings(kept).map(({ secretHash: _hash, ...finding }) => ({ ...finding, path: showPath(finding.path) })),
        rules: engine.rules,
        skipped: skipped.map((item) => ({ ...item, path: showPath(item.path) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
        stats,
      };
    },
    unusedBaselineEntries: () => matcher?.unused() ?? [],
  };
}
