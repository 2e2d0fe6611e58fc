import { createFileItems, PATCH_ARGS } from './file-items.js';
import type { Git } from './git.js';
import { createDiffParser, type FileDiff } from './parse-diff.js';
import type { SourceItem } from './source.js';

const STAGED_ARGS = ['diff', '--cached', ...PATCH_ARGS];

/**
 * What a commit would add: the index (not the working tree) against HEAD, or against the
 * empty tree before the first commit. Yields the paths the commit creates (as names) and
 * one chunk per hunk holding only the added lines; deletions never count. Honours
 * GIT_INDEX_FILE, which git sets for hooks run by `git commit -a` or `git commit <paths>`.
 */
export async function* readStagedChanges(git: Git): AsyncGenerator<SourceItem> {
  const files = createFileItems(git, {
    origin: 'staged',
    textPatchArgs: (path) => [...STAGED_ARGS, '--text', '--', `:(literal)${path}`],
  });
  const parser = createDiffParser();
  try {
    const emit = (file: FileDiff | undefined) => (file ? files.items(file) : undefined);
    for await (const line of git.lines(STAGED_ARGS)) {
      const items = emit(parser.push(line));
      if (items) yield* items;
    }
    const last = emit(parser.end());
    if (last) yield* last;
  } finally {
    files.close();
  }
}
