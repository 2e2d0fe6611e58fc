import type { Finding, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';
import type { ScanReport } from './types.js';

export interface TextFormatOptions {
  /** ANSI colours; the caller decides (a TTY, and no NO_COLOR). */
  color?: boolean;
}

type Paint = (code: string, text: string) => string;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function severityCounts(findings: readonly Finding[]): string {
  return [...SEVERITIES]
    .reverse()
    .map((severity: Severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
}

/**
 * The human report: findings grouped by file, each with its location, severity, rule and
 * masked excerpt, then a summary. Masked like every other format.
 */
export function formatText(report: ScanReport, options: TextFormatOptions = {}): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const lines: string[] = [];
  const byPath = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const key = finding.commit ? `${finding.path} @ ${finding.commit.slice(0, 12)}` : finding.path;
    const group = byPath.get(key);
    if (group) group.push(finding);
    else byPath.set(key, [finding]);
  }
  for (const [path, findings] of byPath) {
    lines.push(paint('1;4', path));
    for (const f of findings) {
      const severity = f.severity === 'critical' || f.severity === 'high' ? paint('31', f.severity) : paint('33', f.severity);
      lines.push(`  ${f.line}:${f.column}  ${severity}  ${paint('1', f.ruleId)}  ${f.title}`);
      lines.push(`    ${paint('2', f.excerpt)}`);
    }
    lines.push('');
  }
  const { stats } = report;
  const scanned = `${plural(stats.files, 'file')} scanned in ${Math.round(stats.durationMs)} ms`;
  if (report.findings.length === 0) {
    lines.push(`${paint('32', 'No secrets or embargoed terms found')} (${scanned}).`);
  } else {
    const files = new Set(report.findings.map((f) => f.path)).size;
    lines.push(
      paint('1;31', `${plural(report.findings.length, 'finding')} in ${plural(files, 'file')}`) +
        ` (${severityCounts(report.findings)}; ${scanned}).`,
    );
    lines.push('Remove each secret from the change and rotate it; it may already be copied. Secrets are masked in this report.');
  }
  if (report.skipped.length > 0) {
    lines.push(`${plural(report.skipped.length, 'file')} not scanned (see --verbose or the JSON report).`);
  }
  return `${lines.join('\n')}\n`;
}
