import type { CommandContext } from './context.js';
import { COMMIT_MSG, type CommitMsgArgs } from './commit-msg.js';
import { PRE_PUSH, type PrePushArgs } from './pre-push.js';
import { PRE_RECEIVE } from './pre-receive.js';
import { runScanCommand, type ScanArgs } from './scan-command.js';
import { STAGED, type StagedArgs } from './staged.js';

/**
 * The arguments yargs gives a scanning command run with no options: the global defaults
 * (see main.ts). A test runs each hook command both ways and compares the results.
 */
const DEFAULTS: ScanArgs = { format: 'text', mask: true, quiet: false, verbose: false, terms: [] };

/** A positional argument: not an option. */
const positional = (arg: string | undefined): arg is string =>
  arg !== undefined && !arg.startsWith('-');

/**
 * Runs the exact command lines installed hooks run (see @tightlip/hooks:
 * `staged --hook pre-commit`, `commit-msg <file>`, `pre-push [<remote> [<url>]]`,
 * `pre-receive`) without loading the command-line parser, which costs a hook about a
 * quarter of its run. Resolves to false for anything else, which goes to yargs.
 */
export async function runHookCommand(
  argv: readonly string[],
  context: CommandContext,
): Promise<boolean> {
  const [command, ...rest] = argv;
  if (command === 'staged' && rest.length === 2 && rest[0] === '--hook' && positional(rest[1])) {
    await runScanCommand<StagedArgs>(STAGED, { ...DEFAULTS, hook: rest[1] }, context);
    return true;
  }
  if (command === 'commit-msg' && rest.length === 1 && positional(rest[0])) {
    await runScanCommand<CommitMsgArgs>(COMMIT_MSG, { ...DEFAULTS, file: rest[0] }, context);
    return true;
  }
  if (command === 'pre-push' && rest.length <= 2 && rest.every(positional)) {
    const [remote, url] = rest;
    await runScanCommand<PrePushArgs>(
      PRE_PUSH,
      {
        ...DEFAULTS,
        ...(remote !== undefined ? { remote } : {}),
        ...(url !== undefined ? { url } : {}),
      },
      context,
    );
    return true;
  }
  if (command === 'pre-receive' && rest.length === 0) {
    await runScanCommand(PRE_RECEIVE, DEFAULTS, context);
    return true;
  }
  return false;
}
