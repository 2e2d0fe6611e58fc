import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
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
import { packageFile } from '../package-files.js';

/** The real path of `path`, or undefined when there is nothing there. */
function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * What a hook installed now records (see `Launcher`): the Node.js running now, and this
 * tightlip's bin unless it is the project's own, under `<top>/node_modules`, which the hook
 * finds by itself wherever the project is checked out.
 */
export function currentLauncher(top?: string): Launcher {
  const bin = realpathSync(fileURLToPath(packageFile('bin/tightlip.js')));
  const modules = top === undefined ? undefined : realPathOf(join(top, 'node_modules'));
  const own = modules !== undefined && bin.startsWith(modules + sep);
  return { node: process.execPath, ...(own ? {} : { bin }) };
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
  const launcher = options.launcher ?? currentLauncher(git.root);
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
