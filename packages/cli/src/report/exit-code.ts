import { SEVERITIES, type ScanReport, type Severity } from '@tightlip/core';

/**
 * Exit code of a scan: 1 when a finding is at or above `failOn`, 0 otherwise. `info`
 * findings (an embargo in its grace period, say) are warnings: they fail only with
 * `--fail-on info`.
 */
export function exitCodeOf(report: ScanReport, failOn: Severity = 'low'): 0 | 1 | 2 {
  if (isIncomplete(report)) return 2;
  const threshold = SEVERITIES.indexOf(failOn);
  return report.findings.some((finding) => SEVERITIES.indexOf(finding.severity) >= threshold)
    ? 1
    : 0;
}

/** Whether a file that may hold text could not be scanned (too large, unreadable): the scan is incomplete, and fails closed. */
export function isIncomplete(report: ScanReport): boolean {
  return report.skipped.some((skipped) => skipped.reason !== 'binary');
}
