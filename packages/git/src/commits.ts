import type { SourceItem, SourceLimits } from '@tightlip/core';
import { createFileItems, PATCH_ARGS } from './file-items.js';
import { startLines, type Git, type StartedLines } from './git.js';
import { createDiffParser } from './parse-diff.js';

/**
 * Each commit starts with a line `\0commit <id>`, then its message, ended by the first
 * line that ends in NUL (a message cannot hold NUL), then its patch.
 */
const FORMAT = '--format=%x00commit %H%n%B%x00';

/** Starts the `git log` of `readCommits` for `revisions` now: a hook starts it while its configuration and engine load. */
export function startCommitLog(git: Git, revisions: readonly string[]): StartedLines {
  // GIT_FLUSH=0: git writes its output in full buffers, not one write per commit (for a
  // push of small commits, thousands of pipe writes, wake-ups and reads fewer).
  return startLines(
    git.lineBatches(['log', '-p', '--cc', ...PATCH_ARGS, FORMAT, ...revisions, '--'], {
      GIT_FLUSH: '0',
    }),
  );
}

/**
 * Every commit selected by the revision arguments `revisions` (as `git log` takes them:
 * ids, `a..b`, `--not`, `--all`), streamed: its message (subject `message`, path the
 * commit id), the paths it creates (subject `file-name`) and the lines it adds (subject
 * `content`), each with `commit` set. A merge is judged on what it introduces: the lines
 * new to every parent (a combined diff, `--cc`), such as a conflict resolution; what it
 * brings from a parent is judged in that parent's own commits. One `git log` process,
 * parsed as it runs, so memory does not grow with the number of commits (already started
 * when given as `StartedLines`, see `startCommitLog`).
 */
export async function* readCommits(
  git: Git,
  revisions: readonly string[] | StartedLines,
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  const log = 'close' in revisions ? revisions : startCommitLog(git, revisions);
  const files = createFileItems(git, {
    ...limits,
    textPatchArgs: (path, commit) => [
      'show',
      '--format=',
      '--cc',
      ...PATCH_ARGS,
      '--text',
      commit!,
      '--',
      `:(literal)${path}`,
    ],
  });
  // One parser for every commit's patch: it reads another patch after `end`.
  const parser = createDiffParser(limits);
  let commit: string | undefined;
  let message: string[] | undefined;
  try {
    for await (const batch of log.batches()) {
      for (const line of batch) {
        if (message) {
          if (!line.endsWith('\0')) {
            message.push(line);
            continue;
          }
          message.push(line.slice(0, -1));
          const text = message.join('\n').replace(/\n+$/, '');
          message = undefined;
          if (text !== '')
            yield {
              type: 'chunk',
              chunk: { subject: 'message', path: commit!, text, commit: commit! },
            };
          continue;
        }
        if (line.startsWith('\0commit ')) {
          const last = parser.end();
          if (last) yield* files.items(last, commit);
          commit = line.slice('\0commit '.length);
          message = [];
          continue;
        }
        const file = parser.push(line);
        if (file) yield* files.items(file, commit);
      }
    }
    const last = parser.end();
    if (last) yield* files.items(last, commit);
  } finally {
    files.close();
    await log.close();
  }
}
