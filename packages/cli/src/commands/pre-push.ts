import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { finishScan, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';
import { PRE_PUSH_ADVICE } from './hook-advice.js';

interface PrePushArgs extends GlobalArgs {
  remote?: string;
  url?: string;
  terms: string[];
}

export function prePushCommand(context: CommandContext): CommandModule<GlobalArgs, PrePushArgs> {
  return {
    command: 'pre-push [remote] [url]',
    describe: 'Scan what a push publishes: ref updates on stdin, as git gives the pre-push hook',
    builder: (yargs: Argv<GlobalArgs>) =>
      withTerms(yargs)
        .positional('remote', { type: 'string', describe: 'Remote name (or URL); PRE_COMMIT_REMOTE_NAME when run by the pre-commit framework' })
        .positional('url', { type: 'string', describe: 'URL pushed to; PRE_COMMIT_REMOTE_URL when run by the pre-commit framework' }) as Argv<PrePushArgs>,
    handler: async (argv) => {
      const remote = argv.remote ?? context.io.env.PRE_COMMIT_REMOTE_NAME;
      const url = argv.url ?? context.io.env.PRE_COMMIT_REMOTE_URL;
      if (remote === undefined) throw new UsageError('give the remote: tightlip pre-push <remote> [url] (git passes both to the hook)');
      const [{ scanPush }, { readInput }] = await Promise.all([import('../actions/git-scan.js'), import('../io.js')]);
      const result = await scanPush({
        ...scanOptionsOf(argv, context.io),
        remote,
        url,
        input: await readInput(context.io),
        env: context.io.env,
      });
      await finishScan(context, argv, result, PRE_PUSH_ADVICE);
    },
  };
}
