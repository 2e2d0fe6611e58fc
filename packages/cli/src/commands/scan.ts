import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { defineScanCommand, type ScanArgs } from './scan-command.js';

interface ScanPathsArgs extends ScanArgs {
  paths: string[];
}

export function scanCommand(context: CommandContext): CommandModule<GlobalArgs, ScanPathsArgs> {
  return defineScanCommand<ScanPathsArgs>(context, {
    command: 'scan [paths..]',
    describe:
      'Scan files and directories (respects .gitignore; opens archives and documents, decodes encoded text)',
    builder: (yargs) =>
      yargs
        .positional('paths', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'Files or directories; default .',
        })
        .example('$0 scan .', 'scan the current directory')
        .example(
          '$0 scan src --terms codenames.txt --format sarif -o tightlip.sarif',
          'SARIF for code scanning',
        ),
    run: async (options, argv) => {
      const [{ scanPaths }, { createProgress }] = await Promise.all([
        import('../actions/scan.js'),
        import('../report/progress.js'),
      ]);
      const onProgress = createProgress(options.io, argv.quiet);
      return scanPaths({ ...options, paths: argv.paths, ...(onProgress ? { onProgress } : {}) });
    },
    listUnusedBaseline: true,
  });
}
