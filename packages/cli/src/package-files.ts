import { existsSync } from 'node:fs';

let root: URL | undefined;

/**
 * A file shipped in the package this code belongs to (its `package.json`, `schema/`, the
 * bin), found from this module: the nearest directory above it holding a package.json.
 * The same call works from src/ (tests), dist/ (the workspace build) and the bundle of the
 * published `tightlip` package, whose modules sit at other depths.
 */
export function packageFile(path: string): URL {
  if (root === undefined) {
    let dir = new URL('./', import.meta.url);
    while (!existsSync(new URL('package.json', dir))) {
      const parent = new URL('../', dir);
      if (parent.href === dir.href) throw new Error(`no package.json above ${import.meta.url}`);
      dir = parent;
    }
    root = dir;
  }
  return new URL(path, root);
}
