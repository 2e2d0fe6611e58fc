import { workerThreads } from './builtins.js';

// Every hook run has a time budget: past it, the run stops with exit 2 (the hook blocks)
// and says which budget ran out and how to raise it. A scan is synchronous JavaScript for
// long stretches (a regex over a large file), which no timer on its own thread can
// interrupt: the watchdog is a worker thread. When the budget runs out it prints the
// message, then makes the main thread exit through the inspector protocol (an interrupt V8
// serves even inside a running regex); should that not happen within 2 s, it kills the
// process (the hook still blocks: any non-zero status does).
//
// A worker thread costs a Node start of its own (~100 ms of CPU here): more than a whole
// typical pre-commit. So a client hook starts it only when the run could need it: after
// `WATCHDOG_DELAY_MS`, or at once before the scan loop meets an item large enough to keep
// the main thread busy (`ensureTimeBudget`, which the loop calls before each item). A run
// that ends sooner never pays for it. A server (pre-receive) judges other people's pushes:
// its watchdog starts at once.

/** Environment variable with the budget in seconds; 0 turns it off. */
export const TIME_BUDGET_ENV = 'TIGHTLIP_TIME_BUDGET';

/** The commands git runs as hooks, and their budget when none is given. */
const HOOK_COMMANDS = new Set(['staged', 'commit-msg', 'pre-push', 'pre-receive']);
export const DEFAULT_HOOK_BUDGET_SECONDS = 60;

/** How long a client hook runs before its watchdog starts, if nothing large starts it sooner. */
const WATCHDOG_DELAY_MS = 1000;

/** Starts the armed watchdog, if one waits. */
let pending: (() => void) | undefined;

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

/**
 * Arms the watchdog for the budget `argv` and `env` ask for, if any: at once for
 * pre-receive, otherwise after `WATCHDOG_DELAY_MS` or at `ensureTimeBudget`, whichever
 * comes first. The budget counts from the start of the process either way.
 */
export function startTimeBudget(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const seconds = timeBudgetOf(argv, env);
  if (seconds === undefined) return;
  const message =
    `tightlip: stopped after its time budget of ${seconds} s, so this run blocks (exit 2); ` +
    `raise the budget with ${TIME_BUDGET_ENV}=<seconds> or --time-budget <seconds> (0 turns it off)\n`;
  const start = () => {
    pending = undefined;
    clearTimeout(timer);
    const ms = Math.max(0, seconds * 1000 - performance.now());
    const worker = new (workerThreads().Worker)(WATCHDOG, {
      eval: true,
      workerData: { ms, message },
      stdout: false,
      stderr: false,
    });
    worker.unref();
  };
  const timer = setTimeout(start, WATCHDOG_DELAY_MS).unref();
  pending = start;
  if (argv.includes('pre-receive')) start();
}

/**
 * Starts the armed watchdog once the run has gone on for `WATCHDOG_DELAY_MS`, or now when
 * `busy` (the main thread is about to be busy for a while). The scan loop asks before each
 * item: its timer alone may not fire while items keep the thread busy.
 */
export function ensureTimeBudget(busy: boolean): void {
  if (pending && (busy || performance.now() >= WATCHDOG_DELAY_MS)) pending();
}
