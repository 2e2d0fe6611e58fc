import type { Engine, Finding, ScanReport } from '@tightlip/core';
import { TOOL } from '../version.js';
import type { ScanRun } from './run.js';
import { sortFindings } from './sort.js';

export interface PresentOptions {
  engine: Engine;
  /**
   * The scan root relative to the top of its work tree (`src/` for `scan src`; empty for
   * git sources, whose paths already are): prefixed to the real paths that SARIF,
   * annotations and GitLab point at.
   */
  locationBase?: string;
  /** `--no-mask`: paths shown as they are. */
  reveal: boolean;
  /** Whether a baseline accepts a finding (which then is not reported). */
  accepts?: (finding: Finding) => boolean;
}

/**
 * The report of a scan: findings a baseline accepts removed, sorted, without baseline
 * hashes, and every path with its secrets and terms masked (a path can hold either). Each
 * finding keeps its real, repository-relative location for the formats that point tools
 * at files (see `FindingLocation`): masking a term never makes a location unresolvable,
 * but a credential in a file's name stays masked there too.
 */
export function presentReport(run: ScanRun, options: PresentOptions): ScanReport {
  const { engine, accepts } = options;
  const kept = accepts ? run.findings.filter((finding) => !accepts(finding)) : run.findings;
  const showPath = (path: string) => (options.reveal ? path : engine.redactName(path));
  // A credential is never written in full, not even in a location: the location of a file
  // whose name holds one stays masked (and so does not resolve). Terms do not stop it.
  const secretNames = new Set(
    run.findings
      .filter((finding) => finding.origin === 'name' && finding.kind === 'credential')
      .map((finding) => finding.path),
  );
  const locate = (path: string) => (secretNames.has(path) ? showPath(path) : path);
  return {
    tool: TOOL,
    findings: sortFindings(kept).map(({ secretHash: _hash, ...finding }) => ({
      ...finding,
      path: showPath(finding.path),
      // A container's name, a sheet's name or a comment's author can hold a term too.
      ...(finding.file !== undefined ? { file: showPath(finding.file) } : {}),
      ...(finding.where !== undefined ? { where: showPath(finding.where) } : {}),
      location: {
        // A member of a container is located at the container: the file that exists.
        path: `${options.locationBase ?? ''}${locate(finding.file ?? finding.path)}`,
        inName: finding.origin === 'name',
      },
    })),
    rules: engine.rules,
    skipped: run.skipped
      .map((item) => ({ ...item, path: showPath(item.path) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    stats: run.stats,
  };
}
