import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Finding, ScanReport, Skipped } from '@tightlip/core';
import { UsageError } from '../errors.js';
import { readText } from '../read-text.js';
import { setupScan } from '../setup.js';
import { sortFindings } from '../sort.js';
import { TOOL } from '../version.js';
import { listFiles, toPosix } from '../walk.js';

export interface ScanPathsOptions {
  /** Files and directories; the current directory when empty. */
  paths: readonly string[];
  cwd: string;
  config?: string;
  termFiles: readonly string[];
  reveal: boolean;
  maxFileBytes?: number;
  /** Environment for term lists and keys; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** The clock for embargo lift dates; `Date.now` by default. */
  now?: () => number;
}

export interface ScanPathsResult {
  /** Reported paths are relative to this: the directory scanned, or the current directory for several paths. */
  root: string;
  report: ScanReport;
}

/** How many files are read ahead of the scanner. */
const READ_AHEAD = 16;

/** Scans files and directory trees (respecting .gitignore, skipping binary files). */
export async function scanPaths(options: ScanPathsOptions): Promise<ScanPathsResult> {
  const started = performance.now();
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
  const setup = await setupScan({
    cwd: options.cwd,
    searchFrom: [root, options.cwd],
    config: options.config,
    termFiles: options.termFiles,
    reveal: options.reveal,
    root,
    ...(options.env ? { env: options.env } : {}),
    ...(options.now ? { now: options.now } : {}),
  });

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
      reads[ahead] ??= readText(queue[ahead]!, options.maxFileBytes);
    }
    const result = await reads[i]!;
    reads[i] = undefined;
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

  return {
    root,
    report: {
      tool: TOOL,
      findings: sortFindings(findings),
      rules: setup.engine.rules,
      terms: setup.engine.terms,
      skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      stats: { files: scannedFiles, bytes, durationMs: performance.now() - started },
    },
  };
}
