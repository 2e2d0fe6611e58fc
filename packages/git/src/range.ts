import type { SourceItem, SourceLimits } from '@tightlip/core';
import { readCommits } from './commits.js';
import type { Git } from './git.js';
import { verifyCommits } from './refs.js';
import { GitError } from './errors.js';

export type RangeOptions = { range: string } | { base: string; head?: string };

/**
 * The commits of a pull request or push, for CI: `<base>..<head>` (or `<base>...<head>`,
 * the same commits here), or `base` with `head` (HEAD by default): the commits on head
 * since its merge-base with base. Each commit is judged on what it adds (see
 * `readCommits`), so a secret added then removed within the range is still found.
 */
export async function* readRange(
  git: Git,
  options: RangeOptions,
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  let base: string;
  let head: string;
  if ('range' in options) {
    const match = /^(.*?)\.\.\.?(.*)$/.exec(options.range);
    if (!match)
      throw new GitError(
        'GIT_BAD_RANGE',
        `not a range: ${options.range} (expected <base>..<head>, or use --base <ref>)`,
      );
    base = match[1] || 'HEAD';
    head = match[2] || 'HEAD';
  } else {
    base = options.base;
    head = options.head ?? 'HEAD';
  }
  await verifyCommits(git, [base, head]);
  yield* readCommits(git, ['--end-of-options', head, `^${base}`], limits);
}
