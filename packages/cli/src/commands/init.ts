import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';

export function initCommand(context: CommandContext): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: 'init',
    describe: 'Write a starter tightlip.config.json in the current directory',
    handler: async () => {
      const { initConfig } = await import('../actions/init.js');
      const file = await initConfig(context.io.cwd);
      context.io.stderr.write(`tightlip: wrote ${file}; edit it, then run \`tightlip scan\`\n`);
    },
  };
}
