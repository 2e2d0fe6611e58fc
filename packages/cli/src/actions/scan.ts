import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Finding, ScanReport, Skipped } from '@tightlip/core';
import { UsageError } from '../errors.js';
import { readText } from '../read-text.js';
import { setupScan, type ScanSession, type SetupOptions } from '../setup.js';
import { toPosix } from '../paths.js';
import { listFiles } from '../walk.js';

export interface ScanPathsOptions extends Omit<SetupOptions, 'searchFrom'> {
  /** Files and directories; the current directory when empty. */
  paths: readonly string[];
  /** Overrides the config's `maxFileSize`. */
  maxFileBytes?: number;
  /** Called now and then with the number of files done and the total, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Environment for term lists and keys; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** The clock for embargo lift dates; `Date.now` by default. */
  now?: () => number;
}

export interface ScanPathsResult {
  /** Reported paths are relative to this: the directory scanned, or the current directory for several paths. */
  root: string;
  report: ScanReport;
  session: ScanSession;
  /** Every finding before the baseline filter (what `baseline create` records). */
  findings: Finding[];
  /** Absolute paths of the files and directories scanned. */
  targets: string[];
}

/** How many files are read ahead of the scanner. */
const READ_AHEAD = 16;

/** Scans files and directory trees (respecting .gitignore, skipping binary files). */
export async function scanPaths(options: ScanPathsOptions): Promise<ScanPathsResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const targets = (options.paths.length > 0 ? options.paths : ['.']).map((path) => resolve(options.cwd, path));
  const kinds = await Promise.all(
    targets.map(async (target) => {
      try {
        return (await stat(target)).isDirectory() ? 'dir' : 'file';
      } catch {
        throw new UsageError(`no such file or directory: ${relative(options.cwd, target) || target}`);
      }
    }),
  );
  const root = targets.length === 1 && kinds[0] === 'dir' ? targets[0]! : options.cwd;
  const { paths: _paths, maxFileBytes, onProgress, ...setupOptions } = options;
  // A single file is governed by the config of its own project, wherever tightlip runs.
  const nearest = targets.length === 1 && kinds[0] === 'file' ? dirname(targets[0]!) : root;
  const setup = await setupScan({ ...setupOptions, root, searchFrom: [nearest, options.cwd] });
  const maxBytes = maxFileBytes ?? setup.config.maxFileSize;

  const files = new Set<string>();
  for (const [i, target] of targets.entries()) {
    if (kinds[i] === 'file') files.add(target);
    else for (const path of await listFiles(target)) files.add(join(target, path));
  }

  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  let scannedFiles = 0;
  let bytes = 0;
  const queue = [...files].filter((file) => !setup.isAllowedPath(file));
  const reads = queue.map(() => undefined as ReturnType<typeof readText> | undefined);
  for (let i = 0; i < queue.length; i++) {
    for (let ahead = i; ahead < Math.min(queue.length, i + READ_AHEAD); ahead++) {
      reads[ahead] ??= readText(queue[ahead]!, maxBytes);
    }
    const result = await reads[i]!;
    reads[i] = undefined;
    if (onProgress && i % 64 === 0) onProgress(i, queue.length);
    const path = toPosix(relative(root, queue[i]!));
    // A file's name leaks as surely as its content, binary or not.
    findings.push(...setup.engine.scan({ path, text: path, origin: 'name' }));
    if ('skipped' in result) {
      skipped.push({ path, ...result.skipped });
      continue;
    }
    scannedFiles++;
    bytes += result.bytes;
    findings.push(...setup.engine.scan({ path, text: result.text, origin: 'file' }));
  }

  onProgress?.(queue.length, queue.length);
  const stats = { files: scannedFiles, bytes, durationMs: performance.now() - started, startedAt };
  return { root, targets, session: setup, findings, report: setup.report(findings, root, skipped, stats) };
}
