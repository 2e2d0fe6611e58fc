import type { CommandModule } from 'yargs';
import { readInput } from '../io.js';
import type { CommandContext, GlobalArgs } from './context.js';
import { PRE_RECEIVE_ADVICE } from './hook-advice.js';
import { defineScanCommand, type ScanArgs, type ScanCommand } from './scan-command.js';

/** What installed hooks run; also answered without the parser (see `runHookCommand`). */
export const PRE_RECEIVE: ScanCommand<ScanArgs> = {
  command: 'pre-receive',
  describe:
    'Server side: scan what a push adds (old/new/ref lines on stdin) and reject it on findings',
  run: async (options) =>
    (await import('../actions/git-scan.js')).scanReceive({
      ...options,
      input: await readInput(options.io),
    }),
  advice: () => PRE_RECEIVE_ADVICE,
};

export function preReceiveCommand(context: CommandContext): CommandModule<GlobalArgs, ScanArgs> {
  return defineScanCommand(context, PRE_RECEIVE);
}
