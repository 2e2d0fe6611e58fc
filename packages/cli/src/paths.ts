import { sep } from 'node:path';

/** `path` with `/` separators, as reports, globs and baselines use on every OS. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
