import type { Argv, CommandModule } from 'yargs';
import { finishScan, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';

interface HistoryArgs extends GlobalArgs {
  refs: string[];
  terms: string[];
}

export function historyCommand(context: CommandContext): CommandModule<GlobalArgs, HistoryArgs> {
  return {
    command: 'history [refs..]',
    describe: 'Scan every commit of the repository (or of the given refs), streamed',
    builder: (yargs: Argv<GlobalArgs>) =>
      withTerms(yargs)
        .positional('refs', { type: 'string', array: true, default: [] as string[], describe: 'Branches, tags or commits; default all refs' }) as Argv<HistoryArgs>,
    handler: async (argv) => {
      const { scanHistory } = await import('../actions/git-scan.js');
      const result = await scanHistory({ ...scanOptionsOf(argv, context.io), refs: argv.refs });
      await finishScan(context, argv, result);
    },
  };
}
