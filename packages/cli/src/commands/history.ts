import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { CommandContext, GlobalArgs } from './context.js';
import { defineScanCommand, type ScanArgs } from './scan-command.js';

interface HistoryArgs extends ScanArgs {
  refs: string[];
  all?: boolean;
  branches?: boolean;
  tags?: boolean;
  since?: string;
  maxCount?: number;
}

export function historyCommand(context: CommandContext): CommandModule<GlobalArgs, HistoryArgs> {
  return defineScanCommand<HistoryArgs>(context, {
    command: 'history [refs..]',
    describe:
      'Audit a whole history: every unique blob once, each secret at the commit that introduced it; commit and tag messages, file and ref names too',
    builder: (yargs) =>
      yargs
        .positional('refs', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'Branches, tags or commits; default all refs',
        })
        .option('all', {
          type: 'boolean',
          describe: 'Every ref and HEAD, as git log --all (the default)',
        })
        .option('branches', { type: 'boolean', describe: 'Every branch, as git log --branches' })
        .option('tags', { type: 'boolean', describe: 'Every tag, as git log --tags' })
        .option('since', {
          type: 'string',
          describe:
            'Only commits more recent than a date (2024-01-31, "2 weeks ago"), as git log --since',
        })
        .option('max-count', {
          type: 'number',
          describe: 'Only the most recent <n> commits, as git log --max-count',
        })
        .example('$0 history', 'every branch, tag and other ref')
        .example(
          '$0 history --branches --since 2024-01-01 --format json -o audit.json',
          'recent branch history, as JSON',
        ),
    run: async (options, argv, context) => {
      if (argv.refs.length > 0 && (argv.all || argv.branches || argv.tags))
        throw new UsageError('give refs, or --all/--branches/--tags, not both');
      if (argv.maxCount !== undefined && !(Number.isInteger(argv.maxCount) && argv.maxCount > 0))
        throw new UsageError('--max-count takes a positive whole number');
      const [{ scanHistory }, { createProgress }] = await Promise.all([
        import('../actions/git-scan.js'),
        import('../report/progress.js'),
      ]);
      const onProgress = createProgress(context.io, argv.quiet, 'blobs');
      return scanHistory({
        ...options,
        revisions: argv.refs,
        ...(argv.all !== undefined ? { all: argv.all } : {}),
        ...(argv.branches !== undefined ? { branches: argv.branches } : {}),
        ...(argv.tags !== undefined ? { tags: argv.tags } : {}),
        ...(argv.since !== undefined ? { since: argv.since } : {}),
        ...(argv.maxCount !== undefined ? { maxCount: argv.maxCount } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
    },
  });
}
