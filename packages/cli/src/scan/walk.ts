import { isUtf8 } from 'node:buffer';
import { constants, type Dir, type Dirent } from 'node:fs';
import { lstat, open, opendir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findWorkTreeTop, toPosix } from '../paths.js';

// Directory walking for `tightlip scan`: every entry below a root, minus what git would
// ignore (.gitignore files in the tree, and above it up to the work tree's top), matched
// as git matches them: case-sensitively on a case-sensitive file system, never through a
// symbolic link, never from a file that is not a regular file (a FIFO would block). A
// directory is pruned exactly when git would ignore it as a directory, so nothing git
// would show is left out, whatever the names (spaces, newlines, glob characters, bytes
// that are not UTF-8). Symbolic links are listed, not followed; `.git` is never entered.

/** What a walk found at a path. */
export type WalkKind =
  /** A regular file. */
  | 'file'
  /** A symbolic link: git stores its target as the content. */
  | 'symlink'
  /** A FIFO, socket or device: no file to read, and nothing git would store. */
  | 'special'
  /** A directory that could not be listed: nothing below it was seen. */
  | 'unreadable';

export interface WalkEntry {
  /**
   * `/`-separated path relative to the root, as reports show it. Bytes of a name that are
   * not UTF-8 are written `\xNN`, so such a name is reported, not lost.
   */
  path: string;
  /** What to open: the absolute path, as bytes when a name on the way is not UTF-8. */
  absolute: string | Buffer;
  kind: WalkKind;
  /** Why, for `special` (what it is) and `unreadable` (the error code). */
  detail?: string;
}

export interface WalkOptions {
  /** Apply .gitignore files; true by default (`--no-ignore` turns it off). */
  ignore?: boolean;
}

interface IgnoreFile {
  /** Absolute directory the patterns are relative to. */
  dir: string;
  matcher: Ignore;
}

/** Longest .gitignore read: git itself refuses ignore files past 100 MB. */
const MAX_IGNORE_FILE = 100 * 1024 * 1024;

/**
 * The text of `dir/.gitignore` when it is a regular file; undefined when it is absent,
 * unreadable, a symbolic link (git does not follow those) or a FIFO or device (which
 * would block or never end). Opened without following links and without blocking.
 */
async function readIgnoreText(dir: string | Buffer): Promise<string | undefined> {
  const file = joinPath(dir, '.gitignore');
  try {
    if (!(await lstat(file)).isFile()) return undefined;
    const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
    const handle = await open(file, flags);
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > MAX_IGNORE_FILE) return undefined;
      return (await handle.readFile()).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined; // absent or unreadable: nothing ignored, so nothing lost
  }
}

async function readIgnoreFile(
  dir: string | Buffer,
  shown: string,
  ignorecase: boolean,
): Promise<IgnoreFile | undefined> {
  const text = await readIgnoreText(dir);
  return text === undefined ? undefined : { dir: shown, matcher: ignore({ ignorecase }).add(text) };
}

/** .gitignore files of the directories above `root`, up to the top of the work tree it is in (none outside one: git ignores nothing there). */
async function ancestorIgnoreFiles(root: string, ignorecase: boolean): Promise<IgnoreFile[]> {
  const top = findWorkTreeTop(root);
  if (top === undefined || top === root) return [];
  const dirs: string[] = [];
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (dir === top) break;
  }
  const files = await Promise.all(dirs.map((dir) => readIgnoreFile(dir, dir, ignorecase)));
  return files.filter((file): file is IgnoreFile => file !== undefined).reverse();
}

/**
 * Whether git would ignore `absolute` (a directory when `isDir`): the deepest .gitignore
 * with a verdict wins, as in git. Parent directories need no check here, because the
 * walk never enters an ignored directory.
 */
function isIgnored(absolute: string, isDir: boolean, layers: readonly IgnoreFile[]): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const path = toPosix(relative(layer.dir, absolute)) + (isDir ? '/' : '');
    const verdict = layer.matcher.test(path);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * Whether names differ only in case on the file system holding `dir` (as git records in
 * `core.ignorecase` when it creates a repository there): the directory is looked up with
 * the case of its name swapped.
 */
async function isCaseInsensitive(dir: string): Promise<boolean> {
  for (let at = dir; dirname(at) !== at; at = dirname(at)) {
    const name = at.slice(dirname(at).length);
    const swapped = name.replace(/\p{L}/gu, (c) =>
      c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
    );
    if (swapped === name) continue;
    try {
      const [own, other] = await Promise.all([stat(at), stat(dirname(at) + swapped)]);
      return own.ino === other.ino && own.dev === other.dev;
    } catch {
      return false;
    }
  }
  return process.platform === 'darwin' || process.platform === 'win32';
}

/** `name` as reports show it: UTF-8 as is, any other byte as `\xNN`. */
export function escapeName(name: Buffer): string {
  if (isUtf8(name)) return name.toString('utf8');
  let shown = '';
  let at = 0;
  while (at < name.length) {
    const lead = name[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
    const part = length > 0 ? name.subarray(at, at + length) : undefined;
    if (part && part.length === length && isUtf8(part)) {
      shown += part.toString('utf8');
      at += length;
    } else {
      shown += `\\x${lead.toString(16).padStart(2, '0')}`;
      at++;
    }
  }
  return shown;
}

/** `dir` joined with `name`, as bytes once either is not UTF-8. */
function joinPath(dir: string | Buffer, name: string | Buffer): string | Buffer {
  if (typeof dir === 'string' && typeof name === 'string') return join(dir, name);
  const bytes = (part: string | Buffer) => (typeof part === 'string' ? Buffer.from(part) : part);
  return Buffer.concat([bytes(dir), Buffer.from('/'), bytes(name)]);
}

function specialKind(entry: Dirent<Buffer>): string {
  if (entry.isFIFO()) return 'FIFO';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'device';
  return 'unknown type';
}

/**
 * Every entry below `root` that git would not ignore, sorted by path: regular files,
 * symbolic links (not followed), special files, and directories that could not be
 * listed. A root that .gitignore files above it ignore (`scan dist`) is walked all the
 * same, as asked, with only the .gitignore files inside it.
 */
export async function walkTree(root: string, options: WalkOptions = {}): Promise<WalkEntry[]> {
  const useIgnore = options.ignore ?? true;
  const ignorecase = useIgnore && (await isCaseInsensitive(root));
  const entries: WalkEntry[] = [];
  const walk = async (
    dir: string | Buffer,
    shown: string,
    layers: readonly IgnoreFile[],
  ): Promise<void> => {
    const own = useIgnore ? await readIgnoreFile(dir, join(root, shown), ignorecase) : undefined;
    const here = own ? [...layers, own] : layers;
    const subdirs: [string | Buffer, string][] = [];
    try {
      // Names as bytes: a name that is not UTF-8 must still open (Node's types lack this overload).
      const listing = (await opendir(dir, {
        encoding: 'buffer' as BufferEncoding,
      })) as unknown as Dir & AsyncIterable<Dirent<Buffer>>;
      for await (const entry of listing) {
        const name = escapeName(entry.name);
        const path = shown === '' ? name : `${shown}/${name}`;
        const absolute = joinPath(dir, isUtf8(entry.name) ? name : entry.name);
        const isDir = entry.isDirectory();
        if (isDir && name === '.git') continue;
        if (isIgnored(join(root, path), isDir, here)) continue;
        if (isDir) subdirs.push([absolute, path]);
        else if (entry.isFile()) entries.push({ path, absolute, kind: 'file' });
        else if (entry.isSymbolicLink()) entries.push({ path, absolute, kind: 'symlink' });
        else entries.push({ path, absolute, kind: 'special', detail: specialKind(entry) });
      }
    } catch (error) {
      // Too deep a path, no permission, removed while walked: said, never skipped silently.
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      entries.push({
        path: shown === '' ? '.' : shown,
        absolute: dir,
        kind: 'unreadable',
        detail: code,
      });
      return;
    }
    for (const [subdir, path] of subdirs) await walk(subdir, path, here);
  };
  const ancestors = useIgnore ? await ancestorIgnoreFiles(root, ignorecase) : [];
  const named = isIgnored(root, true, ancestors) ? [] : ancestors;
  await walk(root, '', named);
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The regular files below `root` that git would not ignore, as sorted `/`-separated paths relative to `root`. */
export async function listFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  return (await walkTree(root, options))
    .filter((entry) => entry.kind === 'file')
    .map((entry) => entry.path);
}
