import { constants } from 'node:fs';
import { open, readlink, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import { UsageError } from '../errors.js';
import { toPosix } from '../paths.js';
import type { Source } from './source.js';
import { walkTree, type WalkEntry, type WalkOptions } from './walk.js';

/** How many files are read ahead of the scanner. */
const READ_AHEAD = 16;

export interface DirectorySource extends Source {
  /** Absolute paths of the files and directories scanned. */
  readonly targets: readonly string[];
}

function skipped(path: string, reason: 'too-large' | 'unreadable', detail: string): SourceItem {
  return { type: 'skipped', skipped: { path, reason, detail } };
}

/** A file's bytes, or why it was not read: too large, not a regular file, unreadable. */
async function readFileItem(
  absolute: string | Buffer,
  path: string,
  limits: SourceLimits,
): Promise<SourceItem> {
  let handle;
  try {
    // Opened without blocking: a file swapped for a FIFO since it was listed must not hang the scan.
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    // A FIFO or device named on the command line would block or never end: not a file to scan.
    if (!info.isFile()) return skipped(path, 'unreadable', 'not a regular file');
    if (info.size > limits.maxFileSize)
      return skipped(path, 'too-large', `${info.size} bytes, limit ${limits.maxFileSize}`);
    return { type: 'bytes', content: { path, bytes: await handle.readFile() } };
  } catch (error) {
    return skipped(path, 'unreadable', (error as NodeJS.ErrnoException).code ?? 'error');
  } finally {
    await handle?.close();
  }
}

/**
 * What a walked entry holds: a file's bytes; a symbolic link's target, which is what git
 * stores for it (the link is not followed); for a FIFO, socket or device, or a directory
 * that could not be listed, why it was not scanned (the scan is then incomplete).
 */
async function readEntry(entry: WalkEntry, limits: SourceLimits): Promise<SourceItem> {
  if (entry.kind === 'file') return readFileItem(entry.absolute, entry.path, limits);
  if (entry.kind === 'special')
    return skipped(entry.path, 'unreadable', `not a regular file (${entry.detail})`);
  if (entry.kind === 'unreadable')
    return skipped(entry.path, 'unreadable', `directory not listed (${entry.detail})`);
  try {
    const target = await readlink(entry.absolute);
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
    const reads: (Promise<SourceItem> | undefined)[] = [];
    for (let i = 0; i < queue.length; i++) {
      for (let ahead = i; ahead < Math.min(queue.length, i + READ_AHEAD); ahead++)
        reads[ahead] ??= readEntry(queue[ahead]!, limits);
      const item = await reads[i]!;
      reads[i] = undefined;
      const { path } = queue[i]!;
      // An entry's name leaks as surely as its content, binary, special or unreadable.
      yield { type: 'chunk', chunk: { subject: 'file-name', path, text: path } };
      yield item;
    }
  }

  return { root, searchFrom, origin: 'file', targets, items, total: () => total };
}
