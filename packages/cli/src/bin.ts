import './young-generation.js';
import { main } from './main.js';
import { startTimeBudget } from './time-budget.js';

// A hook run that takes longer than its budget blocks with exit 2 (see time-budget.ts).
startTimeBudget(process.argv.slice(2), process.env);

// What the process gives and takes: arguments, environment, streams, the exit status.
// Loaded by bin/tightlip.js, which also handles crashes.

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

/** Installed hooks ask for statuses offset by this (see `EXIT_BASE` in @tightlip/hooks), so that only a finished run passes. */
const base = /^[0-9]{1,3}$/.test(process.env.TIGHTLIP_EXIT_BASE ?? '')
  ? Number(process.env.TIGHTLIP_EXIT_BASE)
  : 0;

// The only place that touches the process's exit code.
process.exitCode =
  base +
  (await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  }));
