import type { Argv, CommandModule } from 'yargs';
import { finishScan, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';
import { PRE_RECEIVE_ADVICE } from './hook-advice.js';

interface PreReceiveArgs extends GlobalArgs {
  terms: string[];
}

export function preReceiveCommand(context: CommandContext): CommandModule<GlobalArgs, PreReceiveArgs> {
  return {
    command: 'pre-receive',
    describe: 'Server side: scan what a push adds (old/new/ref lines on stdin) and reject it on findings',
    builder: (yargs: Argv<GlobalArgs>) =>
      withTerms(yargs) as Argv<PreReceiveArgs>,
    handler: async (argv) => {
      const [{ scanReceive }, { readInput }] = await Promise.all([import('../actions/git-scan.js'), import('../io.js')]);
      const result = await scanReceive({ ...scanOptionsOf(argv, context.io), input: await readInput(context.io) });
      await finishScan(context, argv, result, PRE_RECEIVE_ADVICE);
    },
  };
}
