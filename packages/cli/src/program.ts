import { SEVERITIES } from '@tightlip/core/types';
import { baselineCommand } from './commands/baseline.js';
import { initCommand } from './commands/init.js';
import { ciCommand } from './commands/ci.js';
import { commitMsgCommand } from './commands/commit-msg.js';
import { diffCommand } from './commands/diff.js';
import { historyCommand } from './commands/history.js';
import { installCommand, uninstallCommand } from './commands/install.js';
import { prePushCommand } from './commands/pre-push.js';
import { preReceiveCommand } from './commands/pre-receive.js';
import { publishCheckCommand } from './commands/publish-check.js';
import type { CommandContext } from './commands/context.js';
import { rulesCommand } from './commands/rules.js';
import { scanCommand } from './commands/scan.js';
import { stagedCommand } from './commands/staged.js';
import { termsCommand } from './commands/terms.js';
import { UsageError } from './errors.js';
import { FORMATS } from './report/formats.js';
import { VERSION } from './version.js';

// The command line as yargs reads it: every command, its options and help. Loaded by
// main.ts for anything but the exact command lines installed hooks run, which need none of
// it (see commands/hook-command.ts).

export const EXIT_CODES = `Exit codes:
  0  nothing found at or above --fail-on (info findings are warnings)
  1  findings: secrets or embargoed terms at or above --fail-on (default: low)
  2  usage, configuration, git or internal error (hooks block on it)`;

/** The part of yargs' internals `skipHelpCache` touches (yargs 17; absent elsewhere, then nothing is done). */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * yargs renders a command's whole help before running it, to print it on a later failure
 * (ours never does: failures go through `.fail`): ~100 ms of every command. Not done.
 */
function skipHelpCache(parser: object): void {
  const usage = (parser as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => undefined;
}

/** Parses and runs `argv` with yargs; failures are thrown (main.ts reports them). */
export async function runProgram(argv: readonly string[], context: CommandContext): Promise<void> {
  const { io } = context;
  const { default: yargs } = await import('yargs');
  const parser = yargs([...argv])
    .scriptName('tightlip')
    .usage(
      '$0 <command> [options]\n\nKeeps credentials, unreleased codenames and embargoed terms out of git.',
    )
    .option('config', {
      type: 'string',
      describe: 'Config file (default: nearest tightlip.config.json or .tightliprc.json)',
    })
    .option('format', { choices: FORMATS, default: 'text' as const, describe: 'Report format' })
    .option('output', {
      alias: 'o',
      type: 'string',
      describe: 'Write the report to a file instead of stdout',
    })
    .option('mask', {
      type: 'boolean',
      default: true,
      describe: 'Mask secrets in reports; --no-mask prints them in full',
    })
    .option('quiet', {
      alias: 'q',
      type: 'boolean',
      default: false,
      describe: 'Print nothing when nothing is found',
    })
    .option('verbose', {
      type: 'boolean',
      default: false,
      describe: 'Diagnostics on stderr: skipped files, stack traces',
    })
    .option('color', {
      type: 'boolean',
      describe:
        'Colour the text report (default: on a terminal; FORCE_COLOR and NO_COLOR are honoured); --no-color turns it off',
    })
    .option('fail-on', {
      choices: SEVERITIES,
      describe: 'Lowest severity that fails (exit 1); default: low (info findings only warn)',
    })
    .option('time-budget', {
      type: 'number',
      describe:
        'Seconds after which a run stops and fails (exit 2); hooks default to 60, TIGHTLIP_TIME_BUDGET sets it, 0 turns it off',
    })
    .option('baseline', {
      type: 'string',
      describe:
        'Baseline file (default: config "baseline", or .tightlip-baseline.jsonl beside the config)',
    })
    .command(scanCommand(context))
    .command(stagedCommand(context))
    .command(diffCommand(context))
    .command(ciCommand(context))
    .command(historyCommand(context))
    .command(commitMsgCommand(context))
    .command(prePushCommand(context))
    .command(preReceiveCommand(context))
    .command(publishCheckCommand(context))
    .command(installCommand(context))
    .command(uninstallCommand(context))
    .command(termsCommand(context))
    .command(rulesCommand(context))
    .command(baselineCommand(context))
    .command(initCommand(context))
    .completion('completion', 'Print a bash/zsh completion script (add it to your shell profile)')
    .demandCommand(1, 'Give a command.')
    .recommendCommands()
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .epilogue(EXIT_CODES)
    .version(VERSION)
    .help()
    .wrap(Math.min(100, io.stdout.columns || 100));
  skipHelpCache(parser);
  // With a callback, yargs hands over what it would print (help, version, completion) instead of logging it.
  await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
    if (output) io.stdout.write(`${output}\n`);
  });
}
