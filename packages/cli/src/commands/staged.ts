import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { PRE_COMMIT_ADVICE } from './hook-advice.js';
import { defineScanCommand, type ScanArgs, type ScanCommand } from './scan-command.js';

export interface StagedArgs extends ScanArgs {
  hook?: string;
}

/** What installed hooks run; also answered without the parser (see `runHookCommand`). */
export const STAGED: ScanCommand<StagedArgs> = {
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
};

export function stagedCommand(context: CommandContext): CommandModule<GlobalArgs, StagedArgs> {
  return defineScanCommand(context, STAGED);
}
