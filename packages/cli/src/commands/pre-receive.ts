import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { PRE_RECEIVE_ADVICE } from './hook-advice.js';

interface PreReceiveArgs extends GlobalArgs {
  terms: string[];
}

export function preReceiveCommand(context: CommandContext): CommandModule<GlobalArgs, PreReceiveArgs> {
  return {
    command: 'pre-receive',
    describe: 'Server side: scan what a push adds (old/new/ref lines on stdin) and reject it on findings',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs.option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file; repeatable' }) as Argv<PreReceiveArgs>,
    handler: async (argv) => {
      const [{ scanReceive }, { emitReport }, { readInput }] = await Promise.all([
        import('../actions/git-scan.js'),
        import('../output.js'),
        import('../io.js'),
      ]);
      const { report } = await scanReceive({
        cwd: context.io.cwd,
        input: await readInput(context.io),
        config: argv.config,
        termFiles: argv.terms,
        reveal: !argv.mask,
      });
      context.setExitCode(await emitReport(report, { ...argv, advice: PRE_RECEIVE_ADVICE }, context.io));
    },
  };
}
