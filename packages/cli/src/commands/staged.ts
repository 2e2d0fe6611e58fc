import type { Argv, CommandModule } from 'yargs';
import { outputOptionsOf, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';
import { PRE_COMMIT_ADVICE } from './hook-advice.js';


interface StagedArgs extends GlobalArgs {
  terms: string[];
  hook?: string;
}

export function stagedCommand(context: CommandContext): CommandModule<GlobalArgs, StagedArgs> {
  return {
    command: 'staged',
    describe: 'Scan the lines staged for the next commit (the index, not the working tree) and the paths it adds',
    builder: (yargs: Argv<GlobalArgs>) =>
      withTerms(yargs)
        .option('hook', { type: 'string', hidden: true, describe: 'Set by installed hooks: the hook running this' }) as Argv<StagedArgs>,
    handler: async (argv) => {
      const [{ scanStaged }, { emitReport }] = await Promise.all([import('../actions/git-scan.js'), import('../output.js')]);
      const { report, session } = await scanStaged(scanOptionsOf(argv, context.io));
      const output = outputOptionsOf(argv, session.config.failOn);
      context.setExitCode(await emitReport(report, { ...output, ...(argv.hook ? { advice: PRE_COMMIT_ADVICE } : {}) }, context.io));
    },
  };
}
