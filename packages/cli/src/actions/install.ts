import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openRepository, resolveHooksDir } from '@tightlip/git';
import {
  installHook,
  uninstallHook,
  type HookName,
  type InstallResult,
  type Launcher,
  type UninstallResult,
} from '@tightlip/hooks';

/** The Node.js and bin script running now: what an installed hook will run. */
export function currentLauncher(): Launcher {
  return {
    node: process.execPath,
    bin: realpathSync(fileURLToPath(new URL('../../bin/tightlip.js', import.meta.url))),
  };
}

export interface HooksOptions {
  cwd: string;
  /** Environment of git (GIT_DIR and the like); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  hooks: readonly HookName[];
}

/** What `install` installs by default: every client hook in a work tree, pre-receive in a bare (server) repository. */
const DEFAULT_HOOKS: readonly HookName[] = ['pre-commit', 'commit-msg', 'pre-push'];

/** Installs `hooks` (the defaults when undefined) into the effective hooks directory of the repository containing `cwd`. */
export async function installHooks(
  options: Omit<HooksOptions, 'hooks'> & { hooks?: readonly HookName[]; launcher?: Launcher },
): Promise<InstallResult[]> {
  const git = await openRepository(options.cwd, {
    allowBare: true,
    ...(options.env ? { env: options.env } : {}),
  });
  const hooksDir = await resolveHooksDir(git);
  const launcher = options.launcher ?? currentLauncher();
  const hooks = options.hooks ?? (git.bare ? ['pre-receive'] : DEFAULT_HOOKS);
  const results: InstallResult[] = [];
  for (const hook of hooks) results.push(await installHook({ hooksDir, hook, launcher }));
  return results;
}

/** Removes tightlip's `hooks`, restoring any hook they chained. */
export async function uninstallHooks(options: HooksOptions): Promise<UninstallResult[]> {
  const hooksDir = await resolveHooksDir(
    await openRepository(options.cwd, {
      allowBare: true,
      ...(options.env ? { env: options.env } : {}),
    }),
  );
  const results: UninstallResult[] = [];
  for (const hook of options.hooks) results.push(await uninstallHook({ hooksDir, hook }));
  return results;
}
