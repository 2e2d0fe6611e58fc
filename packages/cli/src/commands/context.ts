import type { ScanReport, Severity } from '@tightlip/core';
import type { Argv } from 'yargs';
import type { Io } from '../io.js';
import type { Format } from '../output.js';

/** Options every command accepts. */
export interface GlobalArgs {
  config?: string;
  format: Format;
  output?: string;
  mask: boolean;
  quiet: boolean;
  verbose: boolean;
  failOn?: Severity;
  baseline?: string;
}

/** What command handlers get from `main`: the I/O and a way to set the exit code. */
export interface CommandContext {
  io: Io;
  setExitCode(code: number): void;
}

/** The scan options every scanning command takes from the global arguments. */
export function scanOptionsOf(argv: GlobalArgs & { terms?: string[] }, io: Io) {
  return {
    cwd: io.cwd,
    ...(argv.config !== undefined ? { config: argv.config } : {}),
    ...(argv.baseline !== undefined ? { baseline: argv.baseline } : {}),
    termFiles: argv.terms ?? [],
    reveal: !argv.mask,
  };
}

/**
 * Reports a scan and sets the exit code: `--fail-on` wins over the config's `failOn`;
 * `advice` (hooks) replaces the text report's general advice.
 */
export async function finishScan(
  context: CommandContext,
  argv: GlobalArgs,
  result: { report: ScanReport; session: { config: { failOn?: Severity } } },
  advice?: readonly string[],
): Promise<void> {
  const { emitReport } = await import('../output.js');
  const failOn = argv.failOn ?? result.session.config.failOn;
  const options = { ...argv, ...(failOn !== undefined ? { failOn } : {}), ...(advice ? { advice } : {}) };
  context.setExitCode(await emitReport(result.report, options, context.io));
}

/** The `--terms` option of every scanning command. */
export function withTerms<T extends GlobalArgs>(yargs: Argv<T>): Argv<T & { terms: string[] }> {
  return yargs.option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file (codenames); repeatable' }) as Argv<T & { terms: string[] }>;
}
