import type { FindingLocation, ReportedFinding } from './types.js';

/** Where a tool should point for `finding`: its real location, or (when the scan gave none) its path as reported. */
export function locationOf(finding: ReportedFinding): FindingLocation {
  return (
    finding.location ?? { path: finding.file ?? finding.path, inName: finding.origin === 'name' }
  );
}
