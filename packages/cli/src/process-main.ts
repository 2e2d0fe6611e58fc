import { main } from './main.js';
import { startTimeBudget } from './time-budget.js';

// What the process gives and takes: arguments, environment, streams, the exit status.
// The one place that touches the process's exit code, for both ways tightlip starts: the
// bin (bin.ts, loaded by bin/tightlip.js, which also handles crashes) and the startup
// snapshot (snapshot.ts).

/** Installed hooks ask for statuses offset by this (see `EXIT_BASE` in @tightlip/hooks), so that only a finished run passes. */
export function exitBase(env: NodeJS.ProcessEnv): number {
  return /^[0-9]{1,3}$/.test(env.TIGHTLIP_EXIT_BASE ?? '') ? Number(env.TIGHTLIP_EXIT_BASE) : 0;
}

/** Runs the command line `argv` as this process and sets its exit code. */
export async function runProcess(argv: readonly string[]): Promise<void> {
  // A hook run that takes longer than its budget blocks with exit 2 (see time-budget.ts).
  startTimeBudget(argv, process.env);

  // A reader that stops early (`tightlip rules list | head`) closes the pipe: that is not
  // an error of ours, so later writes are dropped instead of crashing the process.
  // Any other failure to write the report (a full disk: ENOSPC) is said as such, exit 2.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(
      `tightlip: cannot write the report to standard output: ${error.code ?? error.message}\n`,
    );
    process.exit(2);
  });

  process.exitCode =
    exitBase(process.env) +
    (await main(argv, {
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      // Made when first read: most commands never read it, and Node builds a stream for it.
      get stdin() {
        return process.stdin;
      },
    }));
}
