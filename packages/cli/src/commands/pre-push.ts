import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { PRE_PUSH_ADVICE } from './hook-advice.js';

interface PrePushArgs extends GlobalArgs {
  remote: string;
  url?: string;
  terms: string[];
}

export function prePushCommand(context: CommandContext): CommandModule<GlobalArgs, PrePushArgs> {
  return {
    command: 'pre-push <remote> [url]',
    describe: 'Scan what a push publishes: ref updates on stdin, as git gives the pre-push hook',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .positional('remote', { type: 'string', demandOption: true, describe: 'Remote name (or URL)' })
        .positional('url', { type: 'string', describe: 'Remote URL' })
        .option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file; repeatable' }) as Argv<PrePushArgs>,
    handler: async (argv) => {
      const [{ scanPush }, { emitReport }, { readInput }] = await Promise.all([
        import('../actions/git-scan.js'),
        import('../output.js'),
        import('../io.js'),
      ]);
      const { report } = await scanPush({
        cwd: context.io.cwd,
        remote: argv.remote,
        input: await readInput(context.io),
        env: context.io.env,
        config: argv.config,
        termFiles: argv.terms,
        reveal: !argv.mask,
      });
      context.setExitCode(await emitReport(report, { ...argv, advice: PRE_PUSH_ADVICE }, context.io));
    },
  };
}
