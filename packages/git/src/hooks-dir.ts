import { isAbsolute, resolve } from 'node:path';
import type { Git } from './git.js';

/**
 * The directory git runs hooks from: `core.hooksPath` when set (husky sets it), the
 * common git directory's `hooks` otherwise (shared by linked worktrees).
 */
export async function resolveHooksDir(git: Git): Promise<string> {
  const path = (await git.raw(['rev-parse', '--git-path', 'hooks'])).trim();
  return isAbsolute(path) ? path : resolve(git.root, path);
}
