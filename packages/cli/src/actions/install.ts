import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openRepository, resolveHooksDir } from '@tightlip/git';
import { installHook, uninstallHook, type HookName, type InstallResult, type Launcher, type UninstallResult } from '@tightlip/hooks';

/** The Node.js and bin script running now: what an installed hook will run. */
export function currentLauncher(): Launcher {
  return {
    node: process.execPath,
    bin: realpathSync(fileURLToPath(new URL('../../bin/tightlip.js', import.meta.url))),
  };
}

export interface HooksOptions {
  cwd: string;
  hooks: readonly HookName[];
}

/** Installs `hooks` into the effective hooks directory of the repository containing `cwd`. */
export async function installHooks(options: HooksOptions & { launcher?: Launcher }): Promise<InstallResult[]> {
  const hooksDir = await resolveHooksDir(await openRepository(options.cwd));
  const launcher = options.launcher ?? currentLauncher();
  const results: InstallResult[] = [];
  for (const hook of options.hooks) results.push(await installHook({ hooksDir, hook, launcher }));
  return results;
}

/** Removes tightlip's `hooks`, restoring any hook they chained. */
export async function uninstallHooks(options: HooksOptions): Promise<UninstallResult[]> {
  const hooksDir = await resolveHooksDir(await openRepository(options.cwd));
  const results: UninstallResult[] = [];
  for (const hook of options.hooks) results.push(await uninstallHook({ hooksDir, hook }));
  return results;
}
