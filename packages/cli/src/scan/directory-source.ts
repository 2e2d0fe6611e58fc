import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import { UsageError } from '../errors.js';
import { toPosix } from '../paths.js';
import type { Source } from './source.js';
import { listFiles } from './walk.js';

/** Files (and bytes) read in one go, between two turns of the event loop (where workers' results come in). */
const READ_BATCH = 64;
const READ_BATCH_BYTES = 4 * 1024 * 1024;

export interface DirectorySource extends Source {
  /** Absolute paths of the files and directories scanned. */
  readonly targets: readonly string[];
}

/**
 * A file's bytes, or why it was not read: too large, not a regular file, unreadable.
 * Synchronous: one system call each to open, stat, read and close, with none of the
 * promise machinery that costs more than the reading itself for small files. Opened
 * non-blocking, so a FIFO or device named on the command line is refused, never waited on.
 */
function readFileItem(absolute: string, path: string, limits: SourceLimits): SourceItem {
  const skipped = (reason: 'too-large' | 'unreadable', detail: string): SourceItem => ({
    type: 'skipped',
    skipped: { path, reason, detail },
  });
  let fd: number | undefined;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return skipped('unreadable', 'not a regular file');
    if (info.size > limits.maxFileSize)
      return skipped('too-large', `${info.size} bytes, limit ${limits.maxFileSize}`);
    // A buffer of its own, not a slice of Node's pool (which a worker would get whole).
    const bytes = Buffer.allocUnsafeSlow(info.size);
    let read = 0;
    while (read < info.size) {
      const n = readSync(fd, bytes, read, info.size - read, null);
      if (n === 0) break;
      read += n;
    }
    return {
      type: 'bytes',
      content: { path, bytes: read < info.size ? bytes.subarray(0, read) : bytes },
    };
  } catch (error) {
    return skipped('unreadable', (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  } finally {
    if (fd !== undefined) closeSync(fd);
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
  // A single file is governed by the config of its own project, wherever tightlip runs.
  const nearest = targets.length === 1 && kinds[0] === 'file' ? dirname(targets[0]!) : root;
  let total: number | undefined;

  async function* items(
    limits: SourceLimits,
    isAllowedPath: (path: string) => boolean,
  ): AsyncGenerator<SourceItem> {
    const files = new Set<string>();
    for (const [i, target] of targets.entries()) {
      if (kinds[i] === 'file') files.add(target);
      else for (const path of await listFiles(target)) files.add(join(target, path));
    }
    const queue = [...files].filter((file) => !isAllowedPath(toPosix(relative(root, file))));
    total = queue.length;
    for (let i = 0; i < queue.length;) {
      const batch: SourceItem[] = [];
      let bytes = 0;
      for (
        const end = Math.min(queue.length, i + READ_BATCH);
        i < end && bytes < READ_BATCH_BYTES;
        i++
      ) {
        const file = queue[i]!;
        const path = toPosix(relative(root, file));
        // A file's name leaks as surely as its content, binary or not.
        batch.push({ type: 'chunk', chunk: { subject: 'file-name', path, text: path } });
        const item = readFileItem(file, path, limits);
        if (item.type === 'bytes') bytes += item.content.bytes.length;
        batch.push(item);
      }
      yield* batch;
      await new Promise(setImmediate);
    }
  }

  return { root, searchFrom: [nearest, cwd], origin: 'file', targets, items, total: () => total };
}
