import type { Argv, CommandModule } from 'yargs';
import { outputOptionsOf, scanOptionsOf, type CommandContext, type GlobalArgs } from './context.js';

interface StagedArgs extends GlobalArgs {
  terms: string[];
  hook?: string;
}

const HOOK_ADVICE = [
  'The commit was blocked by tightlip. Remove the finding from the staged change (git add again), and rotate any real secret.',
  'Commit anyway, knowingly: git commit --no-verify (CI scans again).',
];

export function stagedCommand(context: CommandContext): CommandModule<GlobalArgs, StagedArgs> {
  return {
    command: 'staged',
    describe: 'Scan the lines staged for the next commit (the index, not the working tree)',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file; repeatable' })
        .option('hook', { type: 'string', hidden: true, describe: 'Set by installed hooks: the hook running this' }) as Argv<StagedArgs>,
    handler: async (argv) => {
      const [{ scanStaged }, { emitReport }] = await Promise.all([import('../actions/staged.js'), import('../output.js')]);
      const { report, session } = await scanStaged(scanOptionsOf(argv, context.io));
      const output = outputOptionsOf(argv, session.config.failOn);
      context.setExitCode(await emitReport(report, { ...output, ...(argv.hook ? { advice: HOOK_ADVICE } : {}) }, context.io));
    },
  };
}
