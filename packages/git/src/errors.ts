import { TightlipError } from '@tightlip/core/errors';

/** Git could not give us what to scan: not a repository, a broken ref, a failing command. */
export class GitError extends TightlipError {
  override name = 'GitError';
}

export function notARepository(cwd: string): GitError {
  return new GitError('NOT_A_GIT_REPOSITORY', `not inside a git work tree: ${cwd}`);
}
