import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';

interface ScanArgs extends GlobalArgs {
  paths: string[];
  terms: string[];
}

export function scanCommand(context: CommandContext): CommandModule<GlobalArgs, ScanArgs> {
  return {
    command: 'scan [paths..]',
    describe: 'Scan files and directories (respects .gitignore, skips binary files)',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Files or directories; default .' })
        .option('terms', { type: 'string', array: true, default: [] as string[], describe: 'Term list file (one term per line); repeatable' })
        .example('$0 scan .', 'scan the current directory')
        .example('$0 scan src --terms codenames.txt --format sarif > tightlip.sarif', 'SARIF for code scanning') as Argv<ScanArgs>,
    handler: async (argv) => {
      const [{ scanPaths }, { emitReport }] = await Promise.all([import('../actions/scan.js'), import('../output.js')]);
      const { report } = await scanPaths({
        paths: argv.paths,
        cwd: context.io.cwd,
        config: argv.config,
        termFiles: argv.terms,
        reveal: !argv.mask,
      });
      context.setExitCode(await emitReport(report, argv, context.io));
    },
  };
}
