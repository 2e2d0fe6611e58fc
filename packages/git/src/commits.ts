import type { SourceItem, SourceLimits } from '@tightlip/core';
import { createFileItems, PATCH_ARGS, type FileItems } from './file-items.js';
import { startLines, type Git, type StartedLines } from './git.js';
import { createDiffParser, type DiffParser } from './parse-diff.js';

/**
 * Each commit starts with a line `\0commit <id>`, then its message, ended by the first
 * line that ends in NUL (a message cannot hold NUL), then its patch.
 */
const FORMAT = '--format=%x00commit %H%n%B%x00';

/** Starts the `git log` of `readCommits` for `revisions` now: a hook starts it while its configuration and engine load. */
export function startCommitLog(git: Git, revisions: readonly string[]): StartedLines {
  return startLines(
    git.lineBatches(['log', '-p', '--cc', ...PATCH_ARGS, FORMAT, ...revisions, '--']),
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
  const reader = createCommitReader(files, createDiffParser(limits));
  // Each batch of lines is read at once, into the items it completes, then those are
  // yielded: the per-line work stays out of this generator (see `createCommitReader`).
  const parts: Part[] = [];
  try {
    for await (const batch of log.batches()) {
      reader.read(batch, parts);
      for (const part of parts)
        if (Symbol.asyncIterator in part) yield* part;
        else yield part;
      parts.length = 0;
    }
    reader.end(parts);
    for (const part of parts)
      if (Symbol.asyncIterator in part) yield* part;
      else yield part;
  } finally {
    files.close();
    await log.close();
  }
}

/** What log lines complete: items ready now, or a file's items that git must be asked for (a binary file's). */
type Part = SourceItem | AsyncGenerator<SourceItem>;

/**
 * The lines of `git log` (see `FORMAT`) as items, read a batch at a time and synchronously:
 * a push gives hundreds of thousands of lines, which cost least in one plain loop (an async
 * generator pays for each step, and the JIT compiles its loop as a whole, again at each
 * deoptimisation).
 */
function createCommitReader(
  files: FileItems,
  parser: DiffParser,
): { read(batch: readonly string[], out: Part[]): void; end(out: Part[]): void } {
  let commit: string | undefined;
  let message: string[] | undefined;
  const add = (items: SourceItem[] | AsyncGenerator<SourceItem>, out: Part[]) => {
    if (Array.isArray(items)) for (const item of items) out.push(item);
    else out.push(items);
  };
  return {
    read(batch, out) {
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
            out.push({
              type: 'chunk',
              chunk: { subject: 'message', path: commit!, text, commit: commit! },
            });
          continue;
        }
        if (line.startsWith('\0commit ')) {
          const last = parser.end();
          if (last) add(files.items(last, commit), out);
          commit = line.slice('\0commit '.length);
          message = [];
          continue;
        }
        const file = parser.push(line);
        if (file) add(files.items(file, commit), out);
      }
    },
    end(out) {
      const last = parser.end();
      if (last) add(files.items(last, commit), out);
    },
  };
}
