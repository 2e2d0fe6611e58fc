import { join, relative } from 'node:path';
import {
  createBaselineMatcher,
  DEFAULT_MAX_FILE_SIZE,
  type BaselineEntry,
  type Engine,
  type Rule,
  type ScanReport,
  type SourceLimits,
} from '@tightlip/core';
import type { Config } from '../config/types.js';
import type { Io } from '../io.js';
import { findWorkTreeTop, toPosix } from '../paths.js';
import { baselineEntryOf, baselineFileOf, readBaseline, usesBaseline } from './baseline.js';
import { createScanEngine } from './engine.js';
import { createScanExtractor } from './extractor.js';
import { presentReport } from './present.js';
import { runScan, type ScanRun } from './run.js';
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
  /** Called now and then with the files scanned and, when known, how many there are. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Rules run besides the configured ones (publish-check's). */
  extraRules?: readonly Rule[];
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

/**
 * Which files (paths relative to `root`) are never reported: those `allow.paths` matches
 * (globs relative to the config's directory), and `exempt` files (absolute): the term lists
 * in use necessarily hold their terms, and a baseline lists accepted findings.
 */
export async function allowedPaths(
  config: Config,
  root: string,
  exempt: readonly string[],
): Promise<(path: string) => boolean> {
  const files = new Set(exempt);
  const allowed =
    config.allowPaths.length > 0
      ? (await import('picomatch')).default(config.allowPaths, { dot: true })
      : undefined;
  return (path) => {
    const absolute = join(root, path);
    return (
      files.has(absolute) ||
      (allowed !== undefined && allowed(toPosix(relative(config.dir, absolute))))
    );
  };
}

/** Runs `source` with everything the configuration asks for: settings, baseline, engine, the scan loop. */
export async function runSourceScan(
  source: Source,
  options: ScanOptions,
  settings: ScanSettings,
  secretHashSalt?: string,
): Promise<{ engine: Engine; run: ScanRun }> {
  const engine = createScanEngine(settings, {
    root: source.root,
    reveal: options.reveal,
    ...(secretHashSalt !== undefined ? { secretHashSalt } : {}),
  });
  const baselineFile = baselineFileOf(settings.config, options.baseline, options.io.cwd);
  const run = await runScan(source, {
    engine,
    limits: limitsOf(settings.config, options.maxFileSize),
    isAllowedPath: await allowedPaths(settings.config, source.root, [
      ...settings.termFiles,
      baselineFile,
    ]),
    now: settings.now,
    extractor: createScanExtractor(settings.config.extract),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { engine, run };
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
  const { engine, run } = await runSourceScan(source, options, settings, baseline?.salt);
  const matcher = baseline ? createBaselineMatcher(baseline) : undefined;
  const report = presentReport(run, {
    engine,
    reveal: options.reveal,
    locationBase: locationBaseOf(source.root),
    ...(matcher
      ? {
          accepts: (finding) =>
            matcher.accepts(baselineEntryOf(finding, source.root, baselineFile!)),
        }
      : {}),
  });
  return {
    root: source.root,
    report,
    settings,
    engine,
    unusedBaselineEntries: () => matcher?.unused() ?? [],
  };
}
