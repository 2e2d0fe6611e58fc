import { relative } from 'node:path';
import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { scanOptionsOf, type ScanArgs } from './scan-command.js';

interface BaselineArgs extends ScanArgs {
  action: 'create' | 'update' | 'prune';
  paths: string[];
  force: boolean;
}

export function baselineCommand(context: CommandContext): CommandModule<GlobalArgs, BaselineArgs> {
  return {
    command: 'baseline <action> [paths..]',
    describe: 'Accept the current findings: create, update or prune the baseline',
    builder: (yargs) =>
      yargs
        .option('terms', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'Term list file (codenames); repeatable',
        })
        .positional('action', {
          choices: ['create', 'update', 'prune'] as const,
          demandOption: true,
          describe:
            'create a new baseline, add current findings, or drop entries that match nothing',
        })
        .positional('paths', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'What to scan; default .',
        })
        .option('force', {
          type: 'boolean',
          default: false,
          describe: 'With create: replace an existing baseline',
        })
        .example(
          '$0 baseline create',
          'accept every current finding (writes .tightlip-baseline.jsonl)',
        )
        .example('$0 baseline prune', 'drop entries for findings that are gone'),
    handler: async (argv) => {
      const { runBaseline } = await import('../actions/baseline.js');
      const result = await runBaseline({
        ...scanOptionsOf(argv, context),
        action: argv.action,
        paths: argv.paths,
        force: argv.force,
      });
      const file = relative(context.io.cwd, result.file) || result.file;
      context.io.stderr.write(
        `tightlip: ${argv.action}d baseline ${file}: ${result.entries} entries (${result.added} added, ${result.removed} removed)\n`,
      );
      if (result.gitattributes) {
        context.io.stderr.write(
          `tightlip: added "merge=union" for it to ${relative(context.io.cwd, result.gitattributes)}, so branches merge their baselines without conflicts\n`,
        );
      }
    },
  };
}
