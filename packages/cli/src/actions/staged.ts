import { join } from 'node:path';
import { openRepository, readStagedChanges } from '@tightlip/git';
import type { Finding, ScanReport, Skipped } from '@tightlip/core';
import { setupScan } from '../setup.js';
import { sortFindings } from '../sort.js';
import { TOOL } from '../version.js';

export interface ScanStagedOptions {
  cwd: string;
  config?: string;
  termFiles: readonly string[];
  reveal: boolean;
}

export interface ScanStagedResult {
  /** The work tree's top level; reported paths are relative to it. */
  root: string;
  report: ScanReport;
}

/** Scans what the next commit would add: the staged lines only, as they are in the index. */
export async function scanStaged(options: ScanStagedOptions): Promise<ScanStagedResult> {
  const started = performance.now();
  const git = await openRepository(options.cwd);
  const setup = await setupScan({
    cwd: options.cwd,
    searchFrom: [options.cwd, git.root],
    config: options.config,
    termFiles: options.termFiles,
    reveal: options.reveal,
  });
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const paths = new Set<string>();
  let bytes = 0;
  for await (const item of readStagedChanges(git)) {
    if (item.type === 'skipped') {
      skipped.push(item.skipped);
      continue;
    }
    const { chunk } = item;
    if (setup.isAllowedPath(join(git.root, chunk.path))) continue;
    paths.add(chunk.path);
    bytes += chunk.text.length;
    findings.push(...setup.engine.scan(chunk));
  }
  return {
    root: git.root,
    report: {
      tool: TOOL,
      findings: sortFindings(findings),
      rules: setup.engine.rules,
      terms: setup.engine.terms,
      skipped,
      stats: { files: paths.size, bytes, durationMs: performance.now() - started },
    },
  };
}
