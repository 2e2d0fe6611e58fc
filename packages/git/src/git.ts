import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError, notARepository } from './errors.js';

/**
 * Options every command gets, whatever the user's git config says: plain paths (no
 * octal quoting of non-ASCII), no colour, no external diff or textconv, `a/` `b/` prefixes.
 */
const FIXED_CONFIG = ['core.quotePath=false', 'color.ui=false', 'diff.noprefix=false', 'diff.mnemonicPrefix=false'];

export interface Git {
  /** Absolute path of the work tree's top level. */
  readonly root: string;
  /** Runs git with `args` and returns stdout; a non-zero exit becomes a GitError. */
  raw(args: readonly string[]): Promise<string>;
}

export function createSimpleGit(cwd: string): SimpleGit {
  return simpleGit({ baseDir: cwd, config: FIXED_CONFIG, trimmed: false });
}

/** Opens the work tree containing `cwd`; fails with NOT_A_GIT_REPOSITORY outside one. */
export async function openRepository(cwd: string): Promise<Git> {
  let git: SimpleGit;
  try {
    git = createSimpleGit(cwd);
  } catch (error) {
    throw new GitError('GIT_UNAVAILABLE', `cannot run git in ${cwd}: ${(error as Error).message}`, { cause: error });
  }
  let root: string;
  try {
    root = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    const message = (error as Error).message;
    if (/not a git repository|must be run in a work tree/i.test(message)) throw notARepository(cwd);
    throw new GitError('GIT_FAILED', `git rev-parse failed in ${cwd}: ${message.trim()}`, { cause: error });
  }
  if (root === '') throw notARepository(cwd);
  const repo = createSimpleGit(root);
  return {
    root,
    async raw(args) {
      try {
        return await repo.raw([...args]);
      } catch (error) {
        throw new GitError('GIT_FAILED', `git ${args[0]} failed: ${(error as Error).message.trim()}`, { cause: error });
      }
    },
  };
}
