import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
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
      yargs
        .option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file; repeatable' })
        .option('hook', { type: 'string', hidden: true, describe: 'Set by installed hooks: the hook running this' }) as Argv<StagedArgs>,
    handler: async (argv) => {
      const [{ scanStaged }, { emitReport }] = await Promise.all([import('../actions/git-scan.js'), import('../output.js')]);
      const { report } = await scanStaged({ cwd: context.io.cwd, config: argv.config, termFiles: argv.terms, reveal: !argv.mask });
      const advice = argv.hook ? PRE_COMMIT_ADVICE : undefined;
      context.setExitCode(await emitReport(report, { ...argv, ...(advice ? { advice } : {}) }, context.io));
    },
  };
}
