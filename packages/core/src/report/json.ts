import type { ScanReport } from './types.js';

/** Version of the JSON report layout; bumped on any incompatible change. */
export const JSON_REPORT_VERSION = 1;

/**
 * The JSON report: `{ version, tool, findings, skipped, stats }`. Findings are as in
 * `Finding` (masked unless the engine revealed secrets), sorted by path, line, column.
 */
export function formatJson(report: ScanReport): string {
  return `${JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      tool: report.tool,
      // Paths as reported, masked: the real locations are for tools that open files.
      findings: report.findings.map(({ location: _location, ...finding }) => finding),
      skipped: report.skipped,
      stats: report.stats,
    },
    null,
    2,
  )}\n`;
}
