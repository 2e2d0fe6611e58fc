import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import { UsageError } from '../errors.js';
import { toPosix } from '../paths.js';
import type { Source } from './source.js';
import { walkTree, type WalkEntry, type WalkOptions } from './walk.js';

/** Files (and bytes) read in one go, between two turns of the event loop (where workers' results come in). */
const READ_BATCH = 64;
const READ_BATCH_BYTES = 4 * 1024 * 1024;

export interface DirectorySource extends Source {
  /** Absolute paths of the files and directories scanned. */
  readonly targets: readonly string[];
}

function skipped(path: string, reason: 'too-large' | 'unreadable', detail: string): SourceItem {
  return { type: 'skipped', skipped: { path, reason, detail } };
}

/**
 * A file's bytes, or why it was not read: too large, not a regular file, unreadable.
 * Synchronous: one system call each to open, stat, read and close, with none of the
 * promise machinery that costs more than the reading itself for small files. Opened
 * non-blocking, so a FIFO or device (named on the command line, or swapped in since the
 * walk) is refused, never waited on.
 */
function readFileItem(absolute: string | Buffer, path: string, limits: SourceLimits): SourceItem {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) return skipped(path, 'unreadable', 'not a regular file');
    if (info.size > limits.maxFileSize)
      return skipped(path, 'too-large', `${info.size} bytes, limit ${limits.maxFileSize}`);
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
    return skipped(path, 'unreadable', (error as NodeJS.ErrnoException).code ?? 'error');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What a walked entry holds: a file's bytes; a symbolic link's target, which is what git
 * stores for it (the link is not followed); for a FIFO, socket or device, or a directory
 * that could not be listed, why it was not scanned (the scan is then incomplete).
 */
function readEntry(entry: WalkEntry, limits: SourceLimits): SourceItem {
  if (entry.kind === 'file') return readFileItem(entry.absolute, entry.path, limits);
  if (entry.kind === 'special')
    return skipped(entry.path, 'unreadable', `not a regular file (${entry.detail})`);
  if (entry.kind === 'unreadable')
    return skipped(entry.path, 'unreadable', `directory not listed (${entry.detail})`);
  try {
    const target = readlinkSync(entry.absolute, 'utf8');
    return { type: 'chunk', chunk: { subject: 'content', path: entry.path, text: target } };
  } catch (error) {
    return skipped(entry.path, 'unreadable', (error as NodeJS.ErrnoException).code ?? 'error');
  }
}

/** Why a path named on the command line cannot be scanned. */
function missing(error: unknown, shown: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return new UsageError(`a loop of symbolic links: ${shown}`);
  if (code === 'EACCES') return new UsageError(`permission denied: ${shown}`);
  return new UsageError(`no such file or directory: ${shown}`);
}

/**
 * Files and directory trees (`paths`, relative to `cwd`; `.` when empty), walked as git
 * would list them (see `walkTree`): each entry's name, then what it holds (or why it was
 * not read). Paths are relative to the one directory scanned, or to `cwd` for several
 * paths or a file. Names of missing paths are a usage error.
 */
export async function createDirectorySource(
  paths: readonly string[],
  cwd: string,
  options: WalkOptions = {},
): Promise<DirectorySource> {
  const targets = (paths.length > 0 ? paths : ['.']).map((path) => resolve(cwd, path));
  const kinds = await Promise.all(
    targets.map(async (target) => {
      try {
        return (await stat(target)).isDirectory() ? 'dir' : 'file';
      } catch (error) {
        throw missing(error, relative(cwd, target) || target);
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
    const byPath = new Map<string, WalkEntry>();
    for (const [i, target] of targets.entries()) {
      const prefix = toPosix(relative(root, target));
      if (kinds[i] === 'file') {
        byPath.set(prefix, { path: prefix, absolute: target, kind: 'file' });
        continue;
      }
      for (const entry of await walkTree(target, options)) {
        const path =
          prefix === '' ? entry.path : entry.path === '.' ? prefix : `${prefix}/${entry.path}`;
        byPath.set(path, { ...entry, path });
      }
    }
    return [...byPath.values()];
  });
}

/**
 * The entries `list` gives (paths relative to `root`), read ahead of the scanner: each
 * entry's name, then what it holds (or why it was not read). What both the directory
 * source and a publish set (`publish-check`) scan.
 */
export function createFileSource(
  root: string,
  searchFrom: readonly string[],
  targets: readonly string[],
  list: () => Promise<readonly WalkEntry[]>,
): DirectorySource {
  let total: number | undefined;

  async function* items(
    limits: SourceLimits,
    isAllowedPath: (path: string) => boolean,
  ): AsyncGenerator<SourceItem> {
    const queue = (await list()).filter((entry) => !isAllowedPath(entry.path));
    total = queue.length;
    for (let i = 0; i < queue.length;) {
      // Read in batches (files or bytes), synchronously, with a turn of the event loop between.
      const batch: SourceItem[] = [];
      let bytes = 0;
      for (
        const end = Math.min(queue.length, i + READ_BATCH);
        i < end && bytes < READ_BATCH_BYTES;
        i++
      ) {
        const entry = queue[i]!;
        // An entry's name leaks as surely as its content, binary, special or unreadable.
        batch.push({
          type: 'chunk',
          chunk: { subject: 'file-name', path: entry.path, text: entry.path },
        });
        const item = readEntry(entry, limits);
        if (item.type === 'bytes') bytes += item.content.bytes.length;
        batch.push(item);
      }
      yield* batch;
      await new Promise(setImmediate);
    }
  }

  return { root, searchFrom, origin: 'file', targets, items, total: () => total };
}
