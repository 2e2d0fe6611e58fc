import { chmod, constants, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HookError } from './errors.js';
import { canAccess, readIfExists } from './files.js';
import {
  CHAINED_SUFFIX,
  isManagedHook,
  renderHookScript,
  type HookName,
  type Launcher,
} from './hook-script.js';
import { findHuskyDir, installHuskyHook, uninstallHuskyHook } from './husky.js';

export interface InstallHookOptions {
  /** The effective hooks directory (from `git rev-parse --git-path hooks`). */
  hooksDir: string;
  hook: HookName;
  launcher: Launcher;
}

export type InstallOutcome = 'installed' | 'updated' | 'chained';

export interface InstallResult {
  hook: HookName;
  path: string;
  outcome: InstallOutcome;
  /** Where an existing hook was moved so it keeps running before tightlip. */
  chainedPath?: string;
  /** The chained hook is not executable: git did not run it, and neither does tightlip's hook. */
  chainedDisabled?: boolean;
  /** Set when the hooks belong to husky: tightlip's block was written into husky's script `path`. */
  manager?: 'husky';
}

/**
 * Writes tightlip's `hook` into `hooksDir`. Idempotent: a tightlip hook is rewritten in
 * place. Never clobbers: a foreign hook is moved, mode and all, to `<hook>.pre-tightlip`
 * and keeps running first if it is executable (a disabled hook stays disabled); uninstall
 * puts it back as it was. When `hooksDir` is husky's, tightlip's block goes into husky's
 * own script instead (see `installHuskyHook`).
 */
export async function installHook(options: InstallHookOptions): Promise<InstallResult> {
  const husky = await findHuskyDir(options.hooksDir);
  if (husky)
    return {
      hook: options.hook,
      ...(await installHuskyHook(husky, options.hook)),
      manager: 'husky',
    };
  const path = join(options.hooksDir, options.hook);
  const chainedPath = path + CHAINED_SUFFIX;
  await mkdir(options.hooksDir, { recursive: true });
  const existing = await readIfExists(path);
  let outcome: InstallOutcome = 'installed';
  if (existing !== undefined && isManagedHook(existing)) {
    outcome = 'updated';
  } else if (existing !== undefined) {
    if ((await readIfExists(chainedPath)) !== undefined) {
      throw new HookError(
        'HOOK_CHAIN_OCCUPIED',
        `${path} is not tightlip's, and ${chainedPath} already exists; merge them by hand, then run install again`,
      );
    }
    await rename(path, chainedPath);
    outcome = 'chained';
  }
  await writeFile(path, renderHookScript(options.hook, options.launcher), { mode: 0o755 });
  await chmod(path, 0o755);
  const result: InstallResult = { hook: options.hook, path, outcome };
  if (outcome === 'chained' || (await readIfExists(chainedPath)) !== undefined) {
    result.chainedPath = chainedPath;
    if (!(await canAccess(chainedPath, constants.X_OK))) result.chainedDisabled = true;
  }
  return result;
}

export type UninstallOutcome = 'removed' | 'restored' | 'absent' | 'foreign';

export interface UninstallResult {
  hook: HookName;
  path: string;
  outcome: UninstallOutcome;
  manager?: 'husky';
}

/** Removes tightlip's `hook`, restoring a chained hook; leaves a hook that is not tightlip's alone. */
export async function uninstallHook(options: {
  hooksDir: string;
  hook: HookName;
}): Promise<UninstallResult> {
  const husky = await findHuskyDir(options.hooksDir);
  if (husky)
    return {
      hook: options.hook,
      ...(await uninstallHuskyHook(husky, options.hook)),
      manager: 'husky',
    };
  const path = join(options.hooksDir, options.hook);
  const existing = await readIfExists(path);
  if (existing === undefined) return { hook: options.hook, path, outcome: 'absent' };
  if (!isManagedHook(existing)) return { hook: options.hook, path, outcome: 'foreign' };
  const chainedPath = path + CHAINED_SUFFIX;
  if ((await readIfExists(chainedPath)) !== undefined) {
    await rename(chainedPath, path);
    return { hook: options.hook, path, outcome: 'restored' };
  }
  await rm(path);
  return { hook: options.hook, path, outcome: 'removed' };
}
