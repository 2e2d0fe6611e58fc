import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { COMMIT_MSG_ADVICE } from './hook-advice.js';

interface CommitMsgArgs extends GlobalArgs {
  file: string;
  terms: string[];
}

export function commitMsgCommand(context: CommandContext): CommandModule<GlobalArgs, CommitMsgArgs> {
  return {
    command: 'commit-msg <file>',
    describe: 'Scan a commit message file, comments stripped (the commit-msg hook)',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .positional('file', { type: 'string', demandOption: true, describe: 'The message file git gives the hook' })
        .option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file; repeatable' }) as Argv<CommitMsgArgs>,
    handler: async (argv) => {
      const [{ scanMessage }, { emitReport }] = await Promise.all([import('../actions/git-scan.js'), import('../output.js')]);
      const { report } = await scanMessage({ cwd: context.io.cwd, file: argv.file, config: argv.config, termFiles: argv.terms, reveal: !argv.mask });
      context.setExitCode(await emitReport(report, { ...argv, advice: COMMIT_MSG_ADVICE }, context.io));
    },
  };
}
