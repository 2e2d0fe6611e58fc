import { main } from './main.js';
import { startTimeBudget } from './time-budget.js';

// A hook run that takes longer than its budget blocks with exit 2 (see time-budget.ts).
startTimeBudget(process.argv.slice(2), process.env);

// A reader that stops early (`tightlip rules list | head`) closes the pipe: that is not
// an error of ours, so later writes are dropped instead of crashing the process.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// The only place that touches the process's exit code.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
