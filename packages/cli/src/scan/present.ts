import type { Engine, Finding, ScanReport } from '@tightlip/core';
import { TOOL } from '../version.js';
import type { ScanRun } from './run.js';
import { sortFindings } from './sort.js';

export interface PresentOptions {
  engine: Engine;
  /** `--no-mask`: paths shown as they are. */
  reveal: boolean;
  /** Whether a baseline accepts a finding (which then is not reported). */
  accepts?: (finding: Finding) => boolean;
}

/**
 * The report of a scan: findings a baseline accepts removed, sorted, without baseline
 * hashes, and every path with its secrets and terms masked (a path can hold either).
 */
export function presentReport(run: ScanRun, options: PresentOptions): ScanReport {
  const { engine, accepts } = options;
  const kept = accepts ? run.findings.filter((finding) => !accepts(finding)) : run.findings;
  const showPath = (path: string) => (options.reveal ? path : engine.redactName(path));
  return {
    tool: TOOL,
    findings: sortFindings(kept).map(({ secretHash: _hash, ...finding }) => ({
      ...finding,
      path: showPath(finding.path),
      // A container's name, a sheet's name or a comment's author can hold a term too.
      ...(finding.file !== undefined ? { file: showPath(finding.file) } : {}),
      ...(finding.where !== undefined ? { where: showPath(finding.where) } : {}),
    })),
    rules: engine.rules,
    skipped: run.skipped
      .map((item) => ({ ...item, path: showPath(item.path) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    stats: run.stats,
  };
}
