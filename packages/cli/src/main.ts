import { TightlipError } from '@tightlip/core/errors';
import type { CommandContext } from './commands/context.js';
import { runHookCommand } from './commands/hook-command.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

function describeError(error: unknown, verbose: boolean): string {
  if (error instanceof TightlipError) return `tightlip: ${error.message}`;
  const err = error as Error;
  return `tightlip: internal error: ${err?.message ?? String(error)}${verbose && err?.stack ? `\n${err.stack}` : ''}`;
}

/**
 * `text` with every credential the built-in rules find masked, as reports mask names: an
 * error can quote a path, a ref or an argument before any configuration is loaded (a scan
 * masks its own errors with its terms too). The engine is loaded here, on the error path
 * only: what a hook loads before it starts git stays small.
 */
export async function maskMessage(text: string, argv: readonly string[]): Promise<string> {
  if (argv.includes('--no-mask')) return text;
  const { createEngine } = await import('@tightlip/core');
  return createEngine().redactName(text);
}

/** Runs the command line `argv` and resolves to the exit code; never exits the process. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  try {
    // What installed hooks run needs no parser: answered first, without loading yargs.
    if (await runHookCommand(argv, context)) return exitCode;
    const { runProgram } = await import('./program.js');
    await runProgram(argv, context);
  } catch (error) {
    const verbose = argv.includes('--verbose');
    io.stderr.write(`${await maskMessage(describeError(error, verbose), argv)}\n`);
    if (error instanceof UsageError) io.stderr.write('Run tightlip --help for usage.\n');
    return 2;
  }
  return exitCode;
}
