import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatJson, formatSarif, formatText, type ScanReport } from '@tightlip/core';
import { InputError } from './errors.js';
import { useColor, type Io } from './io.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputOptions {
  format: Format;
  /** Write the report to this file instead of stdout. */
  output?: string;
  /** Print nothing for a clean text report. */
  quiet: boolean;
  /** List skipped files on stderr. */
  verbose: boolean;
  /** Lines added after a text report with findings (how to fix, how to bypass). */
  advice?: readonly string[];
}

/** Exit code of a scan: 1 when anything was found, 0 otherwise. */
export function exitCodeOf(report: ScanReport): 0 | 1 {
  return report.findings.length > 0 ? 1 : 0;
}

/** Formats and writes the report (stdout or `--output`), diagnostics to stderr; returns the exit code. */
export async function emitReport(report: ScanReport, options: OutputOptions, io: Io): Promise<0 | 1> {
  const toFile = options.output !== undefined;
  let text: string;
  if (options.format === 'json') text = formatJson(report);
  else if (options.format === 'sarif') text = formatSarif(report);
  else {
    const clean = report.findings.length === 0;
    text = options.quiet && clean ? '' : formatText(report, { color: !toFile && useColor(io.stdout, io.env) });
    if (!clean && options.advice) text += options.advice.map((line) => `${line}\n`).join('');
  }
  if (toFile) {
    const target = resolve(io.cwd, options.output!);
    try {
      await writeFile(target, text);
    } catch (error) {
      throw new InputError(`cannot write report to ${target}: ${(error as Error).message}`, { cause: error });
    }
  } else {
    io.stdout.write(text);
  }
  if (options.verbose) {
    for (const skipped of report.skipped) {
      io.stderr.write(`tightlip: skipped ${skipped.path}: ${skipped.reason}${skipped.detail ? ` (${skipped.detail})` : ''}\n`);
    }
  }
  const tooLarge = report.skipped.filter((skipped) => skipped.reason !== 'binary');
  if (!options.verbose && tooLarge.length > 0) {
    io.stderr.write(`tightlip: ${tooLarge.length} file(s) could not be scanned (too large or unreadable); run with --verbose to list them\n`);
  }
  return exitCodeOf(report);
}
