import type { Argv, CommandModule } from 'yargs';
import type { HookName } from '@tightlip/hooks';
import type { CommandContext, GlobalArgs } from './context.js';

interface HookArgs extends GlobalArgs {
  hook: HookName[];
}

const HOOK_CHOICES: readonly HookName[] = ['pre-commit'];

function hookOption(yargs: Argv<GlobalArgs>): Argv<HookArgs> {
  return yargs.option('hook', {
    type: 'string',
    array: true,
    choices: HOOK_CHOICES,
    default: ['pre-commit'],
    describe: 'Which hook; repeatable',
  }) as unknown as Argv<HookArgs>;
}

export function installCommand(context: CommandContext): CommandModule<GlobalArgs, HookArgs> {
  return {
    command: 'install',
    describe: 'Install git hooks in the current repository (chains existing hooks)',
    builder: hookOption,
    handler: async (argv) => {
      const { installHooks } = await import('../actions/install.js');
      for (const result of await installHooks({ cwd: context.io.cwd, hooks: argv.hook })) {
        const chained = result.outcome === 'chained' ? `; the existing hook now runs first from ${result.chainedPath}` : '';
        context.io.stderr.write(`tightlip: ${result.outcome} ${result.hook} hook at ${result.path}${chained}\n`);
      }
    },
  };
}

export function uninstallCommand(context: CommandContext): CommandModule<GlobalArgs, HookArgs> {
  return {
    command: 'uninstall',
    describe: 'Remove tightlip git hooks, restoring hooks they chained',
    builder: hookOption,
    handler: async (argv) => {
      const { uninstallHooks } = await import('../actions/install.js');
      for (const result of await uninstallHooks({ cwd: context.io.cwd, hooks: argv.hook })) {
        const said: Record<typeof result.outcome, string> = {
          removed: `removed ${result.hook} hook ${result.path}`,
          restored: `removed tightlip from ${result.hook} and restored the previous hook at ${result.path}`,
          absent: `no ${result.hook} hook at ${result.path}`,
          foreign: `left ${result.path} alone: it is not tightlip's`,
        };
        context.io.stderr.write(`tightlip: ${said[result.outcome]}\n`);
      }
    },
  };
}
