import type { Finding } from '../types.js';
import type { ScanReport } from './types.js';

// JUnit XML as CI systems read it (Jenkins, GitLab, Azure DevOps): one test case per
// finding, failed; a single passing case when nothing was found; skipped files as skipped.

/** Escapes text for XML and drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(finding: Finding): string {
  const where = `${finding.path}:${finding.line}:${finding.column}${finding.where !== undefined ? ` (${finding.where})` : ''}`;
  const name = `${finding.ruleId} at ${where}${finding.commit ? ` (${finding.commit.slice(0, 12)})` : ''}`;
  const body = `${where} ${finding.severity} ${finding.ruleId}: ${finding.title}\n${finding.excerpt}`;
  return (
    `    <testcase classname="${escapeXml(finding.path)}" name="${escapeXml(name)}" file="${escapeXml(finding.file ?? finding.path)}" line="${finding.line}">\n` +
    `      <failure type="${escapeXml(finding.ruleId)}" message="${escapeXml(`${finding.title} (${finding.redacted})`)}">${escapeXml(body)}</failure>\n` +
    '    </testcase>'
  );
}

export function formatJunit(report: ScanReport): string {
  const seconds = (report.stats.durationMs / 1000).toFixed(3);
  const cases = report.findings.map(testcase);
  for (const skipped of report.skipped) {
    cases.push(
      `    <testcase classname="${escapeXml(skipped.path)}" name="${escapeXml(`not scanned: ${skipped.path}`)}">\n` +
        `      <skipped message="${escapeXml(`${skipped.reason}${skipped.detail ? `: ${skipped.detail}` : ''}`)}"/>\n` +
        '    </testcase>',
    );
  }
  if (report.findings.length === 0) {
    cases.push(
      `    <testcase classname="tightlip" name="no secrets or embargoed terms (${report.stats.files} files)"/>`,
    );
  }
  const tests = cases.length;
  const failures = report.findings.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tightlip" tests="${tests}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="tightlip" tests="${tests}" failures="${failures}" errors="0" skipped="${report.skipped.length}" time="${seconds}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
