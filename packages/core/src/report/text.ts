import type { Finding, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';
import type { ScanReport } from './types.js';

export interface TextFormatOptions {
  /** ANSI colours; the caller decides (a TTY, and no NO_COLOR). */
  color?: boolean;
  /** Lines printed after the findings, when there are any: what to do about them (the caller's words). */
  advice?: readonly string[];
  /** Where to learn more about the files that were not scanned (the caller's words). */
  skippedHint?: string;
}

type Paint = (code: string, text: string) => string;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function severityCounts(findings: readonly Finding[]): string {
  return [...SEVERITIES]
    .reverse()
    .map(
      (severity: Severity) =>
        [severity, findings.filter((f) => f.severity === severity).length] as const,
    )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
}

/** A one-line code frame: the (masked) excerpt under its line number, the finding underlined. */
function codeFrame(finding: Finding, paint: Paint, color: boolean): string[] {
  const gutter = String(finding.line);
  const at = finding.excerptColumn - 1;
  const shown = finding.excerpt.slice(at, at + (finding.secret ?? finding.redacted).length);
  if (shown === '') return [`    ${gutter} | ${paint('2', finding.excerpt)}`];
  if (color) {
    const line =
      finding.excerpt.slice(0, at) +
      paint('1;31', shown) +
      finding.excerpt.slice(at + shown.length);
    return [`    ${gutter} | ${line}`];
  }
  return [
    `    ${gutter} | ${finding.excerpt}`,
    `    ${' '.repeat(gutter.length)} | ${' '.repeat(at)}${'^'.repeat(Math.max(1, shown.length))}`,
  ];
}

/**
 * The human report: findings grouped by file (and commit), each with its location,
 * severity, rule and a masked one-line code frame, then a summary.
 */
export function formatText(report: ScanReport, options: TextFormatOptions = {}): string {
  const color = options.color ?? false;
  const paint: Paint = color
    ? (code, text) => `\u001b[${code}m${text}\u001b[0m`
    : (_code, text) => text;
  const lines: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const key = finding.commit ? `${finding.path} @ ${finding.commit.slice(0, 12)}` : finding.path;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  for (const [heading, findings] of groups) {
    lines.push(paint('1;4', heading));
    for (const f of findings) {
      const severity =
        f.severity === 'critical' || f.severity === 'high'
          ? paint('31', f.severity)
          : paint('33', f.severity);
      const where = f.where === undefined ? '' : `  (${f.where})`;
      lines.push(
        `  ${f.line}:${f.column}  ${severity}  ${paint('1', f.ruleId)}  ${f.title}${where}`,
      );
      lines.push(...codeFrame(f, paint, color));
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
    const revealed = report.findings.some((f) => f.secret !== undefined);
    const credentials = report.findings.some((f) => f.kind === 'credential');
    const terms = report.findings.some((f) => f.kind === 'term');
    const masked =
      credentials && terms ? 'Secrets and terms are' : credentials ? 'Secrets are' : 'Terms are';
    if (!revealed) lines.push(`${masked} masked in this report.`);
    lines.push(...(options.advice ?? []));
  }
  if (report.skipped.length > 0) {
    lines.push(
      `${plural(report.skipped.length, 'file')} not scanned${options.skippedHint ? ` (${options.skippedHint})` : ''}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
