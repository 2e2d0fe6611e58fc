import { open, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import { UsageError } from '../errors.js';
import { toPosix } from '../paths.js';
import type { Source } from './source.js';
import { listFiles } from './walk.js';

/** How many files are read ahead of the scanner. */
const READ_AHEAD = 16;

export interface DirectorySource extends Source {
  /** Absolute paths of the files and directories scanned. */
  readonly targets: readonly string[];
}

/** A file's bytes, or why it was not read: too large, not a regular file, unreadable. */
async function readFileItem(
  absolute: string,
  path: string,
  limits: SourceLimits,
): Promise<SourceItem> {
  const skipped = (reason: 'too-large' | 'unreadable', detail: string): SourceItem => ({
    type: 'skipped',
    skipped: { path, reason, detail },
  });
  let handle;
  try {
    // A FIFO or device named on the command line would block or never end: not a file to scan.
    if (!(await stat(absolute)).isFile()) return skipped('unreadable', 'not a regular file');
    handle = await open(absolute, 'r');
    const { size } = await handle.stat();
    if (size > limits.maxFileSize)
      return skipped('too-large', `${size} bytes, limit ${limits.maxFileSize}`);
    return { type: 'bytes', content: { path, bytes: await handle.readFile() } };
  } catch (error) {
    return skipped('unreadable', (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  } finally {
    await handle?.close();
  }
}

/**
 * Files and directory trees (`paths`, relative to `cwd`; `.` when empty), walked as git
 * would list them (see `listFiles`): each file's name, then its bytes (or why it was not
 * read). Paths are relative to the one directory scanned, or to `cwd` for several paths
 * or a file. Names of missing paths are a usage error.
 */
export async function createDirectorySource(
  paths: readonly string[],
  cwd: string,
): Promise<DirectorySource> {
  const targets = (paths.length > 0 ? paths : ['.']).map((path) => resolve(cwd, path));
  const kinds = await Promise.all(
    targets.map(async (target) => {
      try {
        return (await stat(target)).isDirectory() ? 'dir' : 'file';
      } catch {
        throw new UsageError(`no such file or directory: ${relative(cwd, target) || target}`);
      }
    }),
  );
  const root = targets.length === 1 && kinds[0] === 'dir' ? targets[0]! : cwd;
  // What is scanned is governed by the config of its own project, wherever tightlip runs:
  // searched from the directory holding every target (a file's own directory). The config
  // (and with it the baseline) belongs to the project scanned, never to the directory
  // tightlip runs from: scanning another project from here must not apply this project's
  // rules, nor write its baseline here.
  const nearest = targets
    .map((target, i) => (kinds[i] === 'dir' ? target : dirname(target)))
    .reduce((common, dir) => {
      while (relative(common, dir).startsWith('..')) common = dirname(common);
      return common;
    });
  return createFileSource(root, [nearest], targets, async () => {
    const files = new Set<string>();
    for (const [i, target] of targets.entries()) {
      if (kinds[i] === 'file') files.add(target);
      else for (const path of await listFiles(target)) files.add(join(target, path));
    }
    return [...files];
  });
}

/**
 * The files `list` gives (absolute paths), read ahead of the scanner: each file's name,
 * then its bytes (or why it was not read), with paths relative to `root`. What both the
 * directory source and a publish set (`publish-check`) scan.
 */
export function createFileSource(
  root: string,
  searchFrom: readonly string[],
  targets: readonly string[],
  list: () => Promise<readonly string[]>,
): DirectorySource {
  let total: number | undefined;

  async function* items(
    limits: SourceLimits,
    isAllowedPath: (path: string) => boolean,
  ): AsyncGenerator<SourceItem> {
    const queue = (await list()).filter((file) => !isAllowedPath(toPosix(relative(root, file))));
    total = queue.length;
    const reads: (Promise<SourceItem> | undefined)[] = [];
    for (let i = 0; i < queue.length; i++) {
      const path = toPosix(relative(root, queue[i]!));
      for (let ahead = i; ahead < Math.min(queue.length, i + READ_AHEAD); ahead++) {
        reads[ahead] ??= readFileItem(
          queue[ahead]!,
          toPosix(relative(root, queue[ahead]!)),
          limits,
        );
      }
      const item = await reads[i]!;
      reads[i] = undefined;
      // A file's name leaks as surely as its content, binary or not.
      yield { type: 'chunk', chunk: { subject: 'file-name', path, text: path } };
      yield item;
    }
  }

  return { root, searchFrom, origin: 'file', targets, items, total: () => total };
}
