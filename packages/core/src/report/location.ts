import type { FindingLocation, ReportedFinding } from './types.js';

/** Where a tool should point for `finding`: its real location, or (when the scan gave none) its path as reported. */
export function locationOf(finding: ReportedFinding): FindingLocation {
  return finding.location ?? { path: finding.path, inName: finding.origin === 'name' };
}

/** How a finding in a name is described where the location cannot show it: the name, masked. */
export function inNameNote(finding: ReportedFinding): string {
  return locationOf(finding).inName ? ` in the name ${finding.path}` : '';
}
