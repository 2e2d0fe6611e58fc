import { main } from './main.js';
import { startTimeBudget } from './time-budget.js';

// A hook run that takes longer than its budget blocks with exit 2 (see time-budget.ts).
startTimeBudget(process.argv.slice(2), process.env);

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

// The only place that touches the process's exit code.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
