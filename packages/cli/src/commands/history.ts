import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';

interface HistoryArgs extends GlobalArgs {
  refs: string[];
  terms: string[];
}

export function historyCommand(context: CommandContext): CommandModule<GlobalArgs, HistoryArgs> {
  return {
    command: 'history [refs..]',
    describe: 'Scan every commit of the repository (or of the given refs), streamed',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .positional('refs', { type: 'string', array: true, default: [] as string[], describe: 'Branches, tags or commits; default all refs' })
        .option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file; repeatable' }) as Argv<HistoryArgs>,
    handler: async (argv) => {
      const [{ scanHistory }, { emitReport }] = await Promise.all([import('../actions/git-scan.js'), import('../output.js')]);
      const { report } = await scanHistory({ cwd: context.io.cwd, refs: argv.refs, config: argv.config, termFiles: argv.terms, reveal: !argv.mask });
      context.setExitCode(await emitReport(report, argv, context.io));
    },
  };
}
