import { join } from 'node:path';
import { openRepository, readStagedChanges } from '@tightlip/git';
import type { Finding, ScanReport, Skipped } from '@tightlip/core';
import { setupScan, type ScanSession, type SetupOptions } from '../setup.js';

export type ScanStagedOptions = Omit<SetupOptions, 'searchFrom'>;

export interface ScanStagedResult {
  /** The work tree's top level; reported paths are relative to it. */
  root: string;
  report: ScanReport;
  session: ScanSession;
}

/** Scans what the next commit would add: the staged lines only, as they are in the index. */
export async function scanStaged(options: ScanStagedOptions): Promise<ScanStagedResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const git = await openRepository(options.cwd);
  const session = await setupScan({ ...options, searchFrom: [options.cwd, git.root] });
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
    if (session.isAllowedPath(join(git.root, chunk.path))) continue;
    paths.add(chunk.path);
    bytes += chunk.text.length;
    findings.push(...session.engine.scan(chunk));
  }
  const stats = { files: paths.size, bytes, durationMs: performance.now() - started, startedAt };
  return { root: git.root, session, report: session.report(findings, git.root, skipped, stats) };
}
