import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';

interface SnapshotArgs extends GlobalArgs {
  clear: boolean;
}

export function snapshotCommand(context: CommandContext): CommandModule<GlobalArgs, SnapshotArgs> {
  return {
    command: 'snapshot',
    describe:
      "Build the hooks' startup snapshot for this Node.js (hooks build it by themselves when it is missing)",
    builder: (yargs) =>
      yargs.option('clear', {
        type: 'boolean',
        default: false,
        describe: 'Remove the snapshots instead (hooks then run without one, and build it again)',
      }),
    handler: async (argv) => {
      const { buildSnapshot, clearSnapshots } = await import('../actions/snapshot.js');
      if (argv.clear) {
        const removed = await clearSnapshots();
        context.io.stderr.write(
          removed ? `tightlip: removed ${removed}\n` : 'tightlip: no startup snapshot to remove\n',
        );
        return;
      }
      const built = await buildSnapshot({ env: context.io.env });
      context.io.stderr.write(
        `tightlip: built the hooks' startup snapshot ${built.blob} (${(built.bytes / 1024 / 1024).toFixed(1)} MB, Node.js ${process.version})\n`,
      );
    },
  };
}
