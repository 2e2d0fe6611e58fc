import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatSarif,
  formatText,
  SEVERITIES,
  type ScanReport,
  type Severity,
} from '@tightlip/core';
import { InputError, UsageError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { generalAdvice, SKIPPED_HINT } from './advice.js';
import { exitCodeOf, isIncomplete } from './exit-code.js';
import type { Format } from './formats.js';

export interface OutputOptions {
  format: Format;
  /** Write the report to this file instead of stdout. */
  output?: string;
  /** Print nothing for a clean text report. */
  quiet: boolean;
  /** `--color` / `--no-color`; undefined: decided by the terminal and the environment (see `useColor`). */
  color?: boolean;
  /** List skipped files on stderr. */
  verbose: boolean;
  /** Lowest severity that makes the exit code 1; `low` by default, so `info` findings (warnings) never fail alone. */
  failOn?: Severity;
  /** Lines added after a text report with findings (how to fix, how to bypass). */
  advice?: readonly string[];
}

/** The report in `format`; the text format is coloured when `color`, and ends with `advice` (the general advice by default). */
export function renderReport(
  report: ScanReport,
  format: Format,
  color: boolean,
  advice?: readonly string[],
): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
    case 'gitlab':
      return formatGitlab(report);
    case 'text':
      return formatText(report, {
        color,
        advice: advice ?? generalAdvice(report.findings),
        skippedHint: SKIPPED_HINT,
      });
  }
}

/**
 * Formats and writes the report (stdout or `--output`), diagnostics to stderr; returns the
 * exit code: 2 when a file that may hold text could not be scanned (too large, unreadable)
 * — the scan is incomplete, so it fails closed — else 1 or 0 as `exitCodeOf`.
 */
export async function emitReport(
  report: ScanReport,
  options: OutputOptions,
  io: Io,
): Promise<0 | 1 | 2> {
  const toFile = options.output !== undefined;
  const clean = report.findings.length === 0;
  const color = !toFile && useColor(io.stdout, io.env, options.color);
  const text =
    options.format === 'text' && options.quiet && clean
      ? ''
      : renderReport(report, options.format, color, options.advice);
  await writeOutput(text, options.output, io);
  if (toFile && !(options.quiet && clean))
    io.stderr.write(`${summaryLine(report, options.output!)}\n`);
  if (options.verbose) {
    for (const skipped of report.skipped) {
      io.stderr.write(
        `tightlip: skipped ${skipped.path}: ${skipped.reason}${skipped.detail ? ` (${skipped.detail})` : ''}\n`,
      );
    }
  }
  if (isIncomplete(report)) {
    const unscanned = report.skipped.filter((skipped) => skipped.reason !== 'binary');
    const listed = options.verbose ? [] : unscanned.slice(0, 5);
    for (const skipped of listed) {
      io.stderr.write(
        `tightlip: could not scan ${skipped.path}: ${skipped.reason}${skipped.detail ? ` (${skipped.detail})` : ''}\n`,
      );
    }
    if (unscanned.length > listed.length && !options.verbose)
      io.stderr.write(
        `tightlip: … and ${unscanned.length - listed.length} more (--verbose lists them)\n`,
      );
    const limited = unscanned.some((skipped) => skipped.reason === 'limit');
    io.stderr.write(
      `tightlip: the scan is incomplete, so it fails (exit 2): raise "maxFileSize" for large files${limited ? ' or the "extract" limits for archives and documents' : ''}, exclude them with "allow.paths", or fix their permissions\n`,
    );
  }
  return exitCodeOf(report, options.failOn);
}

/** `n word`, with an `s` unless n is 1. */
function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One line for the log when the report goes to a file (`--output`), as a CI job log
 * needs it: how many findings of which severity, or that there were none, and where the
 * report is. It names no secret, term or path.
 */
export function summaryLine(report: ScanReport, output: string): string {
  const scanned = `${count(report.stats.files, 'file')} scanned`;
  if (report.findings.length === 0)
    return `tightlip: no secrets or embargoed terms found (${scanned}); report written to ${output}`;
  const bySeverity = SEVERITIES.toReversed()
    .map(
      (severity) =>
        [severity, report.findings.filter((f) => f.severity === severity).length] as const,
    )
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`);
  return `tightlip: ${count(report.findings.length, 'finding')} (${bySeverity.join(', ')}; ${scanned}); report written to ${output}`;
}

/** Writes `text` to the `--output` file (creating its directory) or to stdout. */
export async function writeOutput(text: string, output: string | undefined, io: Io): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const target = resolve(io.cwd, output);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (error) {
    throw new InputError(`cannot write to ${target}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The format of a command that prints text or JSON only (rules, terms check and lint); others are a usage error. */
export function textOrJson(format: Format, command: string): 'text' | 'json' {
  if (format === 'text' || format === 'json') return format;
  throw new UsageError(`${command} prints text or json, not ${format}`);
}
