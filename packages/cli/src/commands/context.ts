import type { Severity } from '@tightlip/core';
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

/** The output options of a scan: `--fail-on` wins over the config's `failOn`. */
export function outputOptionsOf(argv: GlobalArgs, configFailOn: Severity | undefined) {
  const failOn = argv.failOn ?? configFailOn;
  return { ...argv, ...(failOn !== undefined ? { failOn } : {}) };
}

/** The `--terms` option of every scanning command. */
export function withTerms<T extends GlobalArgs>(yargs: Argv<T>): Argv<T & { terms: string[] }> {
  return yargs.option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file (codenames); repeatable' }) as Argv<T & { terms: string[] }>;
}
