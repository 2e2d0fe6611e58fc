import { appendFile } from 'node:fs/promises';
import { SEVERITIES, type ScanReport } from '@tightlip/core';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { renderReport, summaryLine, writeOutput } from './emit.js';
import { FORMATS, type Format } from './formats.js';

/** `<format>=<file>` of `--report`: a further report written beside the main one. */
export interface ExtraReport {
  format: Format;
  file: string;
}

export function parseExtraReport(spec: string): ExtraReport {
  const at = spec.indexOf('=');
  const format = spec.slice(0, at) as Format;
  if (at < 1 || at === spec.length - 1 || !FORMATS.includes(format))
    throw new UsageError(
      `--report takes <format>=<file> with a format of ${FORMATS.join(', ')}; got ${spec}`,
    );
  return { format, file: spec.slice(at + 1) };
}

/** Markdown-safe text for a table cell. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Most findings listed in a job summary; the rest are counted. */
const SUMMARY_ROWS = 100;

/**
 * The job summary of a CI run (GitHub's `$GITHUB_STEP_SUMMARY`, Markdown): how many
 * findings of which severity, then a table of them. Masked like every report: paths as
 * reported, secrets by a short prefix, terms by id.
 */
export function jobSummary(report: ScanReport): string {
  const { findings } = report;
  if (findings.length === 0)
    return `### tightlip: no secrets or embargoed terms found\n\n${report.stats.files} files scanned.\n`;
  const counts = SEVERITIES.toReversed()
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ');
  const rows = findings
    .slice(0, SUMMARY_ROWS)
    .map(
      (f) =>
        `| ${f.severity} | ${cell(f.ruleId)} | ${cell(`${f.path}:${f.line}`)} | ${f.commit ? f.commit.slice(0, 12) : ''} | ${cell(f.redacted)} |`,
    );
  const more =
    findings.length > SUMMARY_ROWS
      ? `\n… and ${findings.length - SUMMARY_ROWS} more: see the SARIF report or the job log.\n`
      : '';
  return [
    `### tightlip: ${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts})`,
    '',
    'Secrets and terms are masked. Remove each one from the commits (rewrite them), and rotate any real credential: it may already be copied.',
    '',
    '| Severity | Rule or term | Where | Commit | Found |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    more,
  ].join('\n');
}

/**
 * What a CI run writes besides its report: each `--report <format>=<file>` (with a line
 * on stderr saying so), and on GitHub Actions the job summary (`$GITHUB_STEP_SUMMARY`) and
 * the step's outputs (`$GITHUB_OUTPUT`: `findings`, and the first SARIF file as `sarif-file`).
 */
export async function writeCiOutputs(
  report: ScanReport,
  extras: readonly ExtraReport[],
  io: Io,
): Promise<void> {
  for (const extra of extras) {
    await writeOutput(renderReport(report, extra.format, false), extra.file, io);
    io.stderr.write(`${summaryLine(report, extra.file)}\n`);
  }
  const { GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output } = io.env;
  if (summary) await appendFile(summary, `${jobSummary(report)}\n`);
  if (output) {
    const sarif = extras.find((extra) => extra.format === 'sarif');
    await appendFile(
      output,
      `findings=${report.findings.length}\n${sarif ? `sarif-file=${sarif.file}\n` : ''}`,
    );
  }
}
