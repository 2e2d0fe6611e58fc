import type { Argv, CommandModule } from 'yargs';
import { HOOK_NAMES, type HookName } from '@tightlip/hooks';
import type { CommandContext, GlobalArgs } from './context.js';

interface HookArgs extends GlobalArgs {
  hook?: HookName[];
}

function hookOption(describe: string): (yargs: Argv<GlobalArgs>) => Argv<HookArgs> {
  return (yargs) =>
    yargs.option('hook', {
      type: 'string',
      array: true,
      choices: HOOK_NAMES,
      describe,
    });
}

export function installCommand(context: CommandContext): CommandModule<GlobalArgs, HookArgs> {
  return {
    command: 'install',
    describe: 'Install git hooks in the current repository (chains existing hooks; husky aware)',
    builder: hookOption(
      'Which hook; repeatable. Default: pre-commit, commit-msg and pre-push (pre-receive in a bare repository)',
    ),
    handler: async (argv) => {
      const { installHooks } = await import('../actions/install.js');
      for (const result of await installHooks({
        cwd: context.io.cwd,
        env: context.io.env,
        ...(argv.hook ? { hooks: argv.hook } : {}),
      })) {
        let said: string = `${result.outcome} ${result.hook} hook at ${result.path}`;
        if (result.manager === 'husky') {
          said = `${result.outcome === 'chained' ? 'added to the existing' : result.outcome} husky ${result.hook} script ${result.path}`;
          if (result.outcome === 'chained')
            said += '; its own commands still run (commit this file to share it)';
        } else if (result.outcome === 'chained') {
          said += result.chainedDisabled
            ? `; the existing hook, not executable, was moved to ${result.chainedPath} and stays disabled`
            : `; the existing hook now runs first from ${result.chainedPath}`;
        }
        context.io.stderr.write(`tightlip: ${said}\n`);
      }
    },
  };
}

export function uninstallCommand(context: CommandContext): CommandModule<GlobalArgs, HookArgs> {
  return {
    command: 'uninstall',
    describe: 'Remove tightlip git hooks, restoring hooks they chained',
    builder: hookOption('Which hook; repeatable. Default: every hook tightlip installs'),
    handler: async (argv) => {
      const { uninstallHooks } = await import('../actions/install.js');
      const results = await uninstallHooks({
        cwd: context.io.cwd,
        env: context.io.env,
        hooks: argv.hook ?? HOOK_NAMES,
      });
      const said: Record<
        (typeof results)[number]['outcome'],
        (r: (typeof results)[number]) => string
      > = {
        removed: (r) => `removed ${r.hook} hook ${r.path}`,
        restored: (r) =>
          r.manager === 'husky'
            ? `removed tightlip from husky's ${r.hook} script ${r.path}; its own commands stay`
            : `removed tightlip from ${r.hook} and restored the previous hook at ${r.path}`,
        absent: (r) => `no ${r.hook} hook at ${r.path}`,
        foreign: (r) => `left ${r.path} alone: it is not tightlip's`,
      };
      const shown = argv.hook ? results : results.filter((r) => r.outcome !== 'absent');
      if (shown.length === 0) context.io.stderr.write('tightlip: no tightlip hooks found\n');
      for (const result of shown)
        context.io.stderr.write(`tightlip: ${said[result.outcome](result)}\n`);
    },
  };
}
