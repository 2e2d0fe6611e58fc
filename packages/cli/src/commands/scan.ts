import type { Argv, CommandModule } from 'yargs';
import { finishScan, scanOptionsOf, withTerms, type CommandContext, type GlobalArgs } from './context.js';

interface ScanArgs extends GlobalArgs {
  paths: string[];
  terms: string[];
}

export function scanCommand(context: CommandContext): CommandModule<GlobalArgs, ScanArgs> {
  return {
    command: 'scan [paths..]',
    describe: 'Scan files and directories (respects .gitignore, skips binary files)',
    builder: (yargs: Argv<GlobalArgs>) =>
      withTerms(yargs)
        .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Files or directories; default .' })
        .example('$0 scan .', 'scan the current directory')
        .example('$0 scan src --terms codenames.txt --format sarif -o tightlip.sarif', 'SARIF for code scanning') as Argv<ScanArgs>,
    handler: async (argv) => {
      const [{ scanPaths }, { createProgress }] = await Promise.all([import('../actions/scan.js'), import('../output.js')]);
      const onProgress = createProgress(context.io, argv.quiet);
      const result = await scanPaths({ ...scanOptionsOf(argv, context.io), paths: argv.paths, ...(onProgress ? { onProgress } : {}) });
      await finishScan(context, argv, result);
      if (argv.verbose) {
        for (const entry of result.session.unusedBaselineEntries()) {
          const path = argv.mask ? result.session.engine.redactName(entry.path) : entry.path;
          context.io.stderr.write(`tightlip: baseline entry matched nothing: ${entry.rule} ${path} (remove with \`tightlip baseline prune\`)\n`);
        }
      }
    },
  };
}
