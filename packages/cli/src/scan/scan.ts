import { join, relative } from 'node:path';
import {
  createBaselineMatcher,
  DEFAULT_MAX_FILE_SIZE,
  type BaselineEntry,
  type Engine,
  type Finding,
  type Rule,
  type ScanReport,
  type SourceLimits,
} from '@tightlip/core';
import type { Config } from '../config/types.js';
import type { Io } from '../io.js';
import { findWorkTreeTop, toPosix } from '../paths.js';
import {
  baselineFileOf,
  createBaselineKeyer,
  newBaselineSalt,
  readBaseline,
  usesBaseline,
} from './baseline.js';
import { createScanEngine } from './engine.js';
import { createScanExtractor } from './extractor.js';
import { presentReport } from './present.js';
import { runScan, type ScanProgress, type ScanRun } from './run.js';
import { loadScanSettings, type ScanSettings } from './settings.js';
import type { Source } from './source.js';

/** What every scanning command takes from its options. */
export interface ScanOptions {
  io: Io;
  /** `--config`. */
  config?: string;
  /** `--terms` files, relative to `io.cwd`. */
  termFiles: readonly string[];
  /** `--no-mask`. */
  reveal: boolean;
  /** `--baseline <file>`, relative to `io.cwd`; overrides the config's. */
  baseline?: string;
  /** Overrides the config's `maxFileSize`. */
  maxFileSize?: number;
  /** Called now and then with the scan's progress. */
  onProgress?: (progress: ScanProgress) => void;
  /** Worker threads for large scans (by default one per core besides the main thread and those the source keeps busy; 0: none), and past how many bytes (see `runScan`). */
  workers?: number;
  workerThreshold?: number;
  /** Rules run besides the configured ones (publish-check's). */
  extraRules?: readonly Rule[];
  /**
   * Whether `tightlip:allow` comments count when the config does not say (its
   * `inlineAllow`); true by default. False on a server (pre-receive), where the comment
   * would come from the very push being judged.
   */
  inlineAllowByDefault?: boolean;
}

export interface ScanResult {
  /** Reported paths are relative to this. */
  root: string;
  report: ScanReport;
  settings: ScanSettings;
  engine: Engine;
  /** Baseline entries that accepted no finding of this scan. */
  unusedBaselineEntries(): BaselineEntry[];
}

/** The limits a scan's sources honour: the config's, or the command line's. */
export function limitsOf(config: Config, maxFileSize: number | undefined): SourceLimits {
  return { maxFileSize: maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
}

/** Which files (paths relative to `root`) are never reported: those `allow.paths` matches (globs relative to the config's directory). */
export async function allowedPaths(
  config: Config,
  root: string,
): Promise<(path: string) => boolean> {
  if (config.allowPaths.length === 0) return () => false;
  const allowed = (await import('picomatch')).default(config.allowPaths, { dot: true });
  return (path) => allowed(toPosix(relative(config.dir, join(root, path))));
}

/**
 * Whether a finding is a term list's own term in that list's file, in a directory scan:
 * the list necessarily holds its terms (credentials and other lists' terms in it are
 * reported, and its own terms still masked). Content from git (staged, committed, pushed)
 * at a list's path is judged like any other, so that nothing can pass a hook by its name.
 */
function ownTermsOf(root: string, lists: ScanSettings['listTerms']): (finding: Finding) => boolean {
  return (finding) =>
    finding.kind === 'term' &&
    finding.origin === 'file' &&
    finding.file === undefined &&
    lists.get(join(root, finding.path))?.has(finding.ruleId) === true;
}

/** Runs `source` with everything the configuration asks for: settings, baseline, engine, the scan loop. */
export async function runSourceScan(
  source: Source,
  options: ScanOptions,
  settings: ScanSettings,
  secretHashSalt?: string,
): Promise<{ engine: Engine; run: ScanRun }> {
  const inlineAllow = settings.config.inlineAllow ?? options.inlineAllowByDefault ?? true;
  const config = { ...settings.config, inlineAllow };
  const engineOptions = {
    root: source.root,
    reveal: options.reveal,
    ...(secretHashSalt !== undefined ? { secretHashSalt } : {}),
  };
  const engine = createScanEngine({ ...settings, config }, engineOptions);
  try {
    const run = await runScan(source, {
      engine,
      limits: limitsOf(config, options.maxFileSize),
      isAllowedPath: await allowedPaths(config, source.root),
      now: settings.now,
      extractor: createScanExtractor(config.extract),
      // Loaded when workers start: a hook never does.
      portable: async () =>
        (await import('./portable-engine.js')).toPortableEngine(
          { ...settings, config },
          engineOptions,
        ),
      ...(source.origin === 'file' && settings.listTerms.size > 0
        ? { isOwnTerm: ownTermsOf(source.root, settings.listTerms) }
        : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.workerThreshold !== undefined
        ? { workerThreshold: options.workerThreshold }
        : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { engine, run };
  } catch (error) {
    // What stops a scan may quote what it read (a path, a ref, an argument from CI): the
    // message is masked as a report masks names.
    if (error instanceof Error && !options.reveal) error.message = engine.redactName(error.message);
    throw error;
  }
}

/** `root` relative to the top of its work tree, `/`-terminated (empty at the top, or outside any work tree). */
function locationBaseOf(root: string): string {
  const top = findWorkTreeTop(root);
  const base = top === undefined ? '' : toPosix(relative(top, root));
  return base === '' ? '' : `${base}/`;
}

/** Scans `source` and reports what the baseline (if any) does not accept. */
export async function scan(source: Source, options: ScanOptions): Promise<ScanResult> {
  const settings = await loadScanSettings({
    io: options.io,
    searchFrom: source.searchFrom,
    config: options.config,
    termFiles: options.termFiles,
  });
  if (options.extraRules) settings.rules = [...settings.rules, ...options.extraRules];
  const baselineFile = usesBaseline(settings.config, options.baseline)
    ? baselineFileOf(settings.config, options.baseline, options.io.cwd)
    : undefined;
  const baseline = baselineFile !== undefined ? await readBaseline(baselineFile) : undefined;
  // A source that merges findings (history) tells secrets apart by their keyed hash.
  const salt = baseline?.salt ?? (source.attribute ? newBaselineSalt() : undefined);
  const { engine, run } = await runSourceScan(source, options, settings, salt);
  const matcher = baseline ? createBaselineMatcher(baseline) : undefined;
  const keyOf = baseline
    ? createBaselineKeyer(baseline, source.root, baselineFile!, engine)
    : undefined;
  const report = presentReport(run, {
    engine,
    reveal: options.reveal,
    locationBase: locationBaseOf(source.root),
    ...(matcher && keyOf ? { accepts: (finding) => matcher.accepts(keyOf(finding)) } : {}),
  });
  return {
    root: source.root,
    report,
    settings,
    engine,
    unusedBaselineEntries: () => matcher?.unused() ?? [],
  };
}
