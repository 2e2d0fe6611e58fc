import { opendir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findWorkTreeTop, toPosix } from '../paths.js';

// Directory walking for `tightlip scan`: every regular file below a root, minus what git
// would ignore (.gitignore files in the tree, and above it up to the work tree's top).
// A directory is pruned exactly when git would ignore it as a directory, so nothing git
// would show is left out, whatever the names (spaces, newlines, glob characters).
// Symbolic links are not followed; `.git` directories are never entered.

interface IgnoreFile {
  /** Absolute directory the patterns are relative to. */
  dir: string;
  matcher: Ignore;
}

async function readIgnoreFile(dir: string): Promise<IgnoreFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined; // absent or unreadable: nothing ignored, so nothing lost
  }
  return { dir, matcher: ignore().add(text) };
}

/** .gitignore files of the directories above `root`, up to the top of the work tree it is in (none outside one: git ignores nothing there). */
async function ancestorIgnoreFiles(root: string): Promise<IgnoreFile[]> {
  const top = findWorkTreeTop(root);
  if (top === undefined || top === root) return [];
  const dirs: string[] = [];
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (dir === top) break;
  }
  const files = await Promise.all(dirs.map(readIgnoreFile));
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

/** Every file below `root` that git would not ignore, as sorted `/`-separated paths relative to `root`. */
export async function listFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, layers: readonly IgnoreFile[]): Promise<void> => {
    const own = await readIgnoreFile(dir);
    const here = own ? [...layers, own] : layers;
    const subdirs: string[] = [];
    for await (const entry of await opendir(dir)) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && !isIgnored(absolute, true, here)) subdirs.push(absolute);
      } else if (entry.isFile()) {
        if (!isIgnored(absolute, false, here)) files.push(toPosix(relative(root, absolute)));
      }
      // Symbolic links and special files (FIFOs, sockets, devices) are not walked into or read.
    }
    for (const subdir of subdirs) await walk(subdir, here);
  };
  await walk(root, await ancestorIgnoreFiles(root));
  return files.sort();
}
