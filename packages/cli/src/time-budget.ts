import { Worker } from 'node:worker_threads';

// Every hook run has a time budget: past it, the run stops with exit 2 (the hook blocks)
// and says which budget ran out and how to raise it. A scan is synchronous JavaScript for
// long stretches (a regex over a large file), which no timer on its own thread can
// interrupt: the watchdog is a worker thread. When the budget runs out it prints the
// message, then makes the main thread exit through the inspector protocol (an interrupt V8
// serves even inside a running regex); should that not happen within 2 s, it kills the
// process (the hook still blocks: any non-zero status does).

/** Environment variable with the budget in seconds; 0 turns it off. */
export const TIME_BUDGET_ENV = 'TIGHTLIP_TIME_BUDGET';

/** The commands git runs as hooks, and their budget when none is given. */
const HOOK_COMMANDS = new Set(['staged', 'commit-msg', 'pre-push', 'pre-receive']);
export const DEFAULT_HOOK_BUDGET_SECONDS = 60;

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
setTimeout(() => {
  fs.writeSync(2, workerData.message);
  // Node prints a line of its own when it exits with an inspector session open: not ours.
  fs.closeSync(2);
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), 2000).unref();
  const session = new (require('node:inspector').Session)();
  session.connectToMainThread();
  session.post('Runtime.evaluate', { expression: 'process.reallyExit(2)' });
}, workerData.ms);
`;

/** The budget in seconds that `argv` and `env` ask for: `--time-budget`, the environment, or the hooks' default. */
export function timeBudgetOf(argv: readonly string[], env: NodeJS.ProcessEnv): number | undefined {
  const flag = argv.findIndex((arg) => arg === '--time-budget' || arg.startsWith('--time-budget='));
  const given =
    flag === -1
      ? env[TIME_BUDGET_ENV]
      : argv[flag]!.includes('=')
        ? argv[flag]!.slice('--time-budget='.length)
        : argv[flag + 1];
  if (given !== undefined && given.trim() !== '') {
    const seconds = Number(given);
    if (!Number.isFinite(seconds) || seconds < 0) return undefined; // main reports the bad value
    return seconds === 0 ? undefined : seconds;
  }
  // Any argument naming a hook command counts (its options may come first): a budget
  // given to some other run by mistake only bounds it.
  return argv.some((arg) => HOOK_COMMANDS.has(arg)) ? DEFAULT_HOOK_BUDGET_SECONDS : undefined;
}

/** Starts the watchdog for the budget `argv` and `env` ask for, if any. */
export function startTimeBudget(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const seconds = timeBudgetOf(argv, env);
  if (seconds === undefined) return;
  const message =
    `tightlip: stopped after its time budget of ${seconds} s, so this run blocks (exit 2); ` +
    `raise the budget with ${TIME_BUDGET_ENV}=<seconds> or --time-budget <seconds> (0 turns it off)\n`;
  const worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { ms: seconds * 1000, message },
    stdout: false,
    stderr: false,
  });
  worker.unref();
}
