import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { COMMIT_MSG_ADVICE } from './hook-advice.js';
import { defineScanCommand, type ScanArgs, type ScanCommand } from './scan-command.js';

export interface CommitMsgArgs extends ScanArgs {
  file: string;
}

/** What installed hooks run; also answered without the parser (see `runHookCommand`). */
export const COMMIT_MSG: ScanCommand<CommitMsgArgs> = {
  command: 'commit-msg <file>',
  describe: 'Scan a commit message file as git will keep it (the commit-msg hook)',
  builder: (yargs) =>
    yargs.positional('file', {
      type: 'string',
      demandOption: true,
      describe: 'The message file git gives the hook',
    }),
  run: async (options, argv) =>
    (await import('../actions/git-scan.js')).scanMessage({ ...options, file: argv.file }),
  advice: () => COMMIT_MSG_ADVICE,
};

export function commitMsgCommand(
  context: CommandContext,
): CommandModule<GlobalArgs, CommitMsgArgs> {
  return defineScanCommand(context, COMMIT_MSG);
}
