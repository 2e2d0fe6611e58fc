import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { defineScanCommand, type ScanArgs } from './scan-command.js';

interface HistoryArgs extends ScanArgs {
  refs: string[];
}

export function historyCommand(context: CommandContext): CommandModule<GlobalArgs, HistoryArgs> {
  return defineScanCommand<HistoryArgs>(context, {
    command: 'history [refs..]',
    describe: 'Scan every commit of the repository (or of the given refs), streamed',
    builder: (yargs) =>
      yargs.positional('refs', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'Branches, tags or commits; default all refs',
      }),
    run: async (options, argv) =>
      (await import('../actions/git-scan.js')).scanHistory({ ...options, refs: argv.refs }),
  });
}
