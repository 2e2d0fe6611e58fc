import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { finishScan, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';

interface DiffArgs extends GlobalArgs {
  range?: string;
  base?: string;
  terms: string[];
}

export function diffCommand(context: CommandContext): CommandModule<GlobalArgs, DiffArgs> {
  return {
    command: 'diff [range]',
    describe: 'Scan the commits of a range, for CI: what each commit adds, its message and new paths',
    builder: (yargs: Argv<GlobalArgs>) =>
      withTerms(yargs)
        .positional('range', { type: 'string', describe: '<base>..<head>' })
        .option('base', { type: 'string', describe: 'Scan the commits on HEAD since its merge-base with this ref' })
        .example('$0 diff origin/main..HEAD', 'the commits of a pull request')
        .example('$0 diff --base origin/main --format sarif', 'the same, as SARIF') as Argv<DiffArgs>,
    handler: async (argv) => {
      if ((argv.range === undefined) === (argv.base === undefined)) throw new UsageError('give either a range <base>..<head> or --base <ref>');
      const { scanRange } = await import('../actions/git-scan.js');
      const common = scanOptionsOf(argv, context.io);
      const result = await scanRange(argv.range !== undefined ? { ...common, range: argv.range } : { ...common, base: argv.base! });
      await finishScan(context, argv, result);
    },
  };
}
