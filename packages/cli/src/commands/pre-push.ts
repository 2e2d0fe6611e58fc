import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { readInput } from '../io.js';
import type { CommandContext, GlobalArgs } from './context.js';
import { PRE_PUSH_ADVICE } from './hook-advice.js';
import { defineScanCommand, type ScanArgs, type ScanCommand } from './scan-command.js';

export interface PrePushArgs extends ScanArgs {
  remote?: string;
  url?: string;
}

/** What installed hooks run; also answered without the parser (see `runHookCommand`). */
export const PRE_PUSH: ScanCommand<PrePushArgs> = {
  command: 'pre-push [remote] [url]',
  describe: 'Scan what a push publishes: ref updates on stdin, as git gives the pre-push hook',
  builder: (yargs) =>
    yargs
      .positional('remote', {
        type: 'string',
        describe:
          'Remote name (or URL); PRE_COMMIT_REMOTE_NAME when run by the pre-commit framework',
      })
      .positional('url', {
        type: 'string',
        describe: 'URL pushed to; PRE_COMMIT_REMOTE_URL when run by the pre-commit framework',
      }),
  run: async (options, argv) => {
    const { env } = options.io;
    const remote = argv.remote ?? env.PRE_COMMIT_REMOTE_NAME;
    const url = argv.url ?? env.PRE_COMMIT_REMOTE_URL;
    if (remote === undefined)
      throw new UsageError(
        'give the remote: tightlip pre-push <remote> [url] (git passes both to the hook)',
      );
    const { scanPush } = await import('../actions/git-scan.js');
    return scanPush({
      ...options,
      remote,
      ...(url !== undefined ? { url } : {}),
      input: await readInput(options.io),
    });
  },
  advice: () => PRE_PUSH_ADVICE,
};

export function prePushCommand(context: CommandContext): CommandModule<GlobalArgs, PrePushArgs> {
  return defineScanCommand(context, PRE_PUSH);
}
