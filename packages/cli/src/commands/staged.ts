import type { Argv, CommandModule } from 'yargs';
import { finishScan, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';
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
      const { scanStaged } = await import('../actions/git-scan.js');
      await finishScan(context, argv, await scanStaged(scanOptionsOf(argv, context.io)), argv.hook ? PRE_COMMIT_ADVICE : undefined);
    },
  };
}
