import type { Finding } from '@tightlip/core';

/** Report order: path, line, column, rule. Stable whatever order files were read in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      (a.commit ?? '').localeCompare(b.commit ?? '') ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
