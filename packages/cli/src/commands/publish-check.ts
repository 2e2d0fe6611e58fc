import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { defineScanCommand, type ScanArgs } from './scan-command.js';

interface PublishCheckArgs extends ScanArgs {
  path: string;
  all: boolean;
}

export function publishCheckCommand(
  context: CommandContext,
): CommandModule<GlobalArgs, PublishCheckArgs> {
  return defineScanCommand<PublishCheckArgs>(context, {
    command: 'publish-check [path]',
    describe:
      'Scan what is about to be published: a package as npm pack would pack it, a site or build directory, or a release archive (with archives, documents and source maps opened)',
    builder: (yargs) =>
      yargs
        .positional('path', {
          type: 'string',
          default: '.',
          describe:
            'Package directory (npm pack file list), other directory (every file), or archive',
        })
        .option('all', {
          type: 'boolean',
          default: false,
          describe: "Every file under the directory, not npm's file list",
        })
        .example('$0 publish-check', 'in package.json: "prepublishOnly": "tightlip publish-check"')
        .example('$0 publish-check public --terms tightlip:markers', 'a site build before upload')
        .example('$0 publish-check dist/app-1.2.0.tgz', 'a release archive'),
    run: async (options, argv) => {
      const { publishCheck } = await import('../actions/publish-check.js');
      return publishCheck({ ...options, path: argv.path, allFiles: argv.all });
    },
  });
}
