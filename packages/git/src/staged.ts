import type { Chunk } from '@tightlip/core';
import type { Git } from './git.js';
import { parseDiff } from './parse-diff.js';
import type { SourceItem } from './source.js';

/**
 * What a commit would add: the index (not the working tree) against HEAD, or against the
 * empty tree before the first commit. Yields one chunk per hunk holding only the added
 * lines; deletions never count. Honours GIT_INDEX_FILE, which git sets for hooks run by
 * `git commit -a` or `git commit <paths>`.
 */
export async function* readStagedChanges(git: Git): AsyncGenerator<SourceItem> {
  const patch = await git.raw([
    'diff',
    '--cached',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--unified=0',
    '--find-renames',
    '--diff-filter=d',
    '--ignore-submodules=none',
  ]);
  for (const file of parseDiff(patch)) {
    if (file.submodule) continue;
    if (file.binary) {
      yield { type: 'skipped', skipped: { path: file.path, reason: 'binary' } };
      continue;
    }
    for (const hunk of file.hunks) {
      if (hunk.added.length === 0) continue;
      const chunk: Chunk = { path: file.path, text: hunk.text, startLine: hunk.startLine, lines: hunk.added, origin: 'staged' };
      yield { type: 'chunk', chunk };
    }
  }
}
