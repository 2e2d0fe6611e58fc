import type { Severity } from '../types.js';
import { placeInFile } from './sarif.js';
import { locationOf } from './location.js';
import type { ScanReport } from './types.js';

// GitHub Actions workflow commands: one annotation per finding, shown on the pull request.
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: ScanReport): string {
  const lines = report.findings.map((f) => {
    // The real file, so the annotation attaches to it; one in the file's name, to the file.
    const location = locationOf(f);
    const properties = [
      `file=${escapeProperty(location.path)}`,
      ...(location.inName
        ? []
        : [
            `line=${f.line}`,
            `col=${f.column}`,
            `endLine=${f.endLine}`,
            `endColumn=${f.endColumn}`,
          ]),
      `title=${escapeProperty(`tightlip ${f.ruleId}`)}`,
    ].join(',');
    const commit = f.commit ? ` in commit ${f.commit.slice(0, 12)}` : '';
    return `::${COMMAND[f.severity]} ${properties}::${escapeData(`${f.title} (${f.redacted})${placeInFile(f)}${commit}: ${f.excerpt}`)}`;
  });
  const summary =
    report.findings.length === 0
      ? `tightlip: no secrets or embargoed terms found (${report.stats.files} files)`
      : `tightlip: ${report.findings.length} finding(s); secrets are masked`;
  return `${[...lines, summary].join('\n')}\n`;
}
