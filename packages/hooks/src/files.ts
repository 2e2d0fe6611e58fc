import { access, constants, readFile } from 'node:fs/promises';
import { HookError } from './errors.js';

/** The text of `path`, or undefined when there is no such file; any other failure is a HookError. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HookError('HOOK_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Whether `path` exists (and, with `constants.X_OK`, is executable). */
export async function canAccess(path: string, mode: number = constants.F_OK): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}
