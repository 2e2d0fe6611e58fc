import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { PRE_COMMIT_ADVICE } from './hook-advice.js';
import { defineScanCommand, type ScanArgs } from './scan-command.js';

interface StagedArgs extends ScanArgs {
  hook?: string;
}

export function stagedCommand(context: CommandContext): CommandModule<GlobalArgs, StagedArgs> {
  return defineScanCommand<StagedArgs>(context, {
    command: 'staged',
    describe:
      'Scan the lines staged for the next commit (the index, not the working tree) and the paths it adds',
    builder: (yargs) =>
      yargs.option('hook', {
        type: 'string',
        hidden: true,
        describe: 'Set by installed hooks: the hook running this',
      }),
    run: async (options) => (await import('../actions/git-scan.js')).scanStaged(options),
    advice: (argv) => (argv.hook ? PRE_COMMIT_ADVICE : undefined),
  });
}
