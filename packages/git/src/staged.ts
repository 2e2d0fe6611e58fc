import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import { GitError } from './errors.js';
import { createFileItems, PATCH_ARGS } from './file-items.js';
import { startLines, type Git } from './git.js';
import { createDiffParser, type FileDiff } from './parse-diff.js';
import { readStarted, type StartedChanges } from './started.js';
import { isObjectId } from './refs.js';

/**
 * The commits a merge in progress merges into HEAD (MERGE_HEAD: one per line, several for
 * an octopus), or none. Read synchronously (a few bytes, usually none): so that git starts
 * at once (see `startStagedChanges`).
 */
function readMergeHeads(git: Git): string[] {
  const path = join(git.gitDir, 'MERGE_HEAD');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new GitError('GIT_FAILED', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const ids = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (ids.length === 0 || !ids.every(isObjectId))
    throw new GitError(
      'GIT_BAD_MERGE_HEAD',
      `${path} does not hold commit ids; finish or abort the merge (git merge --abort)`,
    );
  return ids;
}

/**
 * The diff of what a commit would add. Usually the index against HEAD (the empty tree
 * before the first commit). While a merge is in progress (after a conflict, or
 * `merge --no-commit`) the commit will have HEAD and MERGE_HEAD as parents: the index is
 * written as a tree and diffed against all of them at once (a combined diff), so only
 * lines new to every parent count, as for a merge commit in a push.
 */
async function stagedDiffArgs(git: Git): Promise<string[]> {
  const merging = readMergeHeads(git);
  if (merging.length === 0) return ['diff', '--cached', ...PATCH_ARGS];
  const tree = (await git.raw(['write-tree'])).trim();
  return ['diff', '--cc', ...PATCH_ARGS, tree, 'HEAD', ...merging];
}

/**
 * Starts `git diff` for what a commit would add, now: a hook starts it as soon as it knows
 * the repository, and git writes the diff (its pipe holds 64 KB, and Node reads ahead)
 * while the configuration and the engine load. Nothing is thrown here: what fails is
 * thrown by `items`. Call `close` when done, read or not.
 */
export function startStagedChanges(git: Git): StartedChanges {
  const args = stagedDiffArgs(git);
  const lines = startLines(
    (async function* () {
      yield* git.lineBatches(await args);
    })(),
  );
  let taken = false;
  return {
    async *items(limits) {
      if (taken) throw new Error('the staged changes are read once');
      taken = true;
      const patchArgs = await args;
      const files = createFileItems(git, {
        ...limits,
        textPatchArgs: (path) => [...patchArgs, '--text', '--', `:(literal)${path}`],
      });
      const parser = createDiffParser(limits);
      try {
        const emit = (file: FileDiff | undefined) => (file ? files.items(file) : undefined);
        for await (const batch of lines.batches()) {
          for (const line of batch) {
            const items = emit(parser.push(line));
            if (items) yield* items;
          }
        }
        const last = emit(parser.end());
        if (last) yield* last;
      } finally {
        files.close();
        await lines.close();
      }
    },
    close: () => lines.close(),
  };
}

/**
 * What a commit would add: the index (not the working tree) against HEAD (see
 * `stagedDiffArgs`). Yields the paths the commit creates (as names) and one chunk per
 * hunk holding only the added lines; deletions never count. Honours GIT_INDEX_FILE, which
 * git sets for hooks run by `git commit -a` or `git commit <paths>`.
 */
export async function* readStagedChanges(
  git: Git,
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  yield* readStarted(startStagedChanges(git), limits);
}
