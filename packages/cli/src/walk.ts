import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import fastGlob from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { toPosix } from './paths.js';

// Directory walking for `tightlip scan`: every regular file below a root, minus what git
// would ignore (.gitignore files in the root, below it, and above it up to the work
// tree's top). Symbolic links are not followed. `.git` directories are never entered.

interface IgnoreFile {
  /** Absolute directory the patterns are relative to. */
  dir: string;
  matcher: Ignore;
  patterns: string[];
}

/** The pattern lines of a .gitignore, for deciding what may be pruned; `ignore` parses the file itself. */
function parseGitignore(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(?<!\\)\s+$/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function readIgnoreFile(dir: string): Promise<IgnoreFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined; // absent or unreadable: nothing ignored, so nothing lost
  }
  return { dir, matcher: ignore().add(text), patterns: parseGitignore(text) };
}

/** .gitignore files of the directories above `root`, up to the top of the work tree it is in (none outside one). */
async function ancestorIgnoreFiles(root: string): Promise<IgnoreFile[]> {
  if (existsSync(join(root, '.git'))) return [];
  const dirs: string[] = [];
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (existsSync(join(dir, '.git'))) break;
    if (dirname(dir) === dir) return []; // not in a work tree: git ignores nothing here
  }
  const files = await Promise.all(dirs.map(readIgnoreFile));
  return files.filter((file): file is IgnoreFile => file !== undefined);
}

const SIMPLE_NAME = /^\/?[A-Za-z0-9._-]+\/?$/;

/**
 * fast-glob `ignore` globs that prune what the .gitignore files exclude, so ignored
 * trees (node_modules, dist) are never walked. Only plain names are translated, and only
 * when no file negates (a negation can re-include below an excluded name); the exact
 * check afterwards decides everything else.
 */
function pruneGlobs(root: string, files: readonly IgnoreFile[]): string[] {
  if (files.some((file) => file.patterns.some((pattern) => pattern.startsWith('!')))) return [];
  const globs: string[] = [];
  for (const file of files) {
    const base = toPosix(relative(root, file.dir));
    const inside = base === '' || !base.startsWith('..');
    for (const pattern of file.patterns) {
      if (!SIMPLE_NAME.test(pattern) || pattern === '/' || /^\/?\.\.?\/?$/.test(pattern)) continue;
      const name = pattern.replace(/^\/|\/$/g, '');
      const anchored = pattern.startsWith('/');
      if (anchored) {
        if (inside) globs.push(`${base ? `${base}/` : ''}${name}/**`, `${base ? `${base}/` : ''}${name}`);
      } else if (inside) {
        globs.push(`${base ? `${base}/` : ''}**/${name}/**`, `${base ? `${base}/` : ''}**/${name}`);
      } else {
        globs.push(`**/${name}/**`, `**/${name}`);
      }
    }
  }
  return globs;
}

function isIgnored(absolute: string, byDir: ReadonlyMap<string, IgnoreFile>): boolean {
  // Deepest .gitignore first: a deeper file overrides a shallower one.
  for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    const file = byDir.get(dir);
    if (file) {
      const verdict = file.matcher.test(toPosix(relative(dir, absolute)));
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    if (dirname(dir) === dir) return false;
  }
}

/** Every file below `root` that git would not ignore, as sorted `/`-separated paths relative to `root`. */
export async function listFiles(root: string): Promise<string[]> {
  const nested = await fastGlob('**/.gitignore', {
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/.git/**', '**/node_modules/**'],
  });
  const own = await Promise.all(nested.map((path) => readIgnoreFile(join(root, dirname(path)))));
  const files = [...(await ancestorIgnoreFiles(root)), ...own.filter((file): file is IgnoreFile => file !== undefined)];
  const byDir = new Map(files.map((file) => [file.dir, file]));
  const entries = await fastGlob('**', {
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/.git/**', '**/.git', ...pruneGlobs(root, files)],
  });
  return entries.filter((path) => !isIgnored(join(root, path), byDir)).sort();
}
