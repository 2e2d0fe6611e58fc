import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** `path` with `/` separators, as reports, globs and baselines use on every OS. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The top of the git work tree `start` is in (the nearest directory holding `.git`, at or above it), or undefined outside one. */
export function findWorkTreeTop(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
