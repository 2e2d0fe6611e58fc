import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { CommandContext, GlobalArgs } from './context.js';
import { defineScanCommand, type ScanArgs } from './scan-command.js';

interface DiffArgs extends ScanArgs {
  range?: string;
  base?: string;
}

export function diffCommand(context: CommandContext): CommandModule<GlobalArgs, DiffArgs> {
  return defineScanCommand<DiffArgs>(context, {
    command: 'diff [range]',
    describe:
      'Scan the commits of a range, for CI: what each commit adds, its message and new paths',
    builder: (yargs) =>
      yargs
        .positional('range', { type: 'string', describe: '<base>..<head>' })
        .option('base', {
          type: 'string',
          describe: 'Scan the commits on HEAD since its merge-base with this ref',
        })
        .example('$0 diff origin/main..HEAD', 'the commits of a pull request')
        .example('$0 diff --base origin/main --format sarif', 'the same, as SARIF'),
    run: async (options, argv, context) => {
      if ((argv.range === undefined) === (argv.base === undefined))
        throw new UsageError('give either a range <base>..<head> or --base <ref>');
      const [{ scanRange }, { createProgress }] = await Promise.all([
        import('../actions/git-scan.js'),
        import('../report/progress.js'),
      ]);
      const onProgress = createProgress(context.io, argv.quiet, 'commits');
      const scanOptions = { ...options, ...(onProgress ? { onProgress } : {}) };
      return scanRange(
        argv.range !== undefined
          ? { ...scanOptions, range: argv.range }
          : { ...scanOptions, base: argv.base! },
      );
    },
  });
}
