import type { Argv, CommandModule } from 'yargs';
import { finishScan, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';
import { COMMIT_MSG_ADVICE } from './hook-advice.js';

interface CommitMsgArgs extends GlobalArgs {
  file: string;
  terms: string[];
}

export function commitMsgCommand(context: CommandContext): CommandModule<GlobalArgs, CommitMsgArgs> {
  return {
    command: 'commit-msg <file>',
    describe: 'Scan a commit message file as git will keep it (the commit-msg hook)',
    builder: (yargs: Argv<GlobalArgs>) =>
      withTerms(yargs)
        .positional('file', { type: 'string', demandOption: true, describe: 'The message file git gives the hook' }) as Argv<CommitMsgArgs>,
    handler: async (argv) => {
      const { scanMessage } = await import('../actions/git-scan.js');
      const result = await scanMessage({ ...scanOptionsOf(argv, context.io), file: argv.file });
      await finishScan(context, argv, result, COMMIT_MSG_ADVICE);
    },
  };
}
