/// <reference path="../npm-packlist.d.ts" />
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { createDirectorySource, createFileSource } from '../scan/directory-source.js';
import { publishRules } from '../scan/publish-rules.js';
import { scan, type ScanOptions, type ScanResult } from '../scan/scan.js';

export interface PublishCheckOptions extends ScanOptions {
  /** A package directory, a build or site directory, or a release archive; relative to `io.cwd`. */
  path: string;
  /** Every file under the directory, not npm's file list (a site or build output with a package.json). */
  allFiles: boolean;
}

/**
 * The files `npm pack` would put in the tarball of the package in `dir`, by npm's own logic
 * (npm-packlist: "files", .npmignore, .gitignore, the files npm always adds), loaded only
 * for this command.
 */
export async function npmPackFiles(dir: string): Promise<string[]> {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch (error) {
    throw new UsageError(`cannot read ${join(dir, 'package.json')}: ${(error as Error).message}`);
  }
  const bundled = manifest.bundleDependencies ?? manifest.bundledDependencies;
  if (bundled === true || (Array.isArray(bundled) && bundled.length > 0))
    throw new UsageError(
      'a package with bundled dependencies: check its tarball instead (npm pack, then tightlip publish-check <file>.tgz)',
    );
  const { default: packlist } = await import('npm-packlist');
  const files = await packlist({
    path: dir,
    package: manifest,
    isProjectRoot: true,
    edgesOut: new Map(),
  });
  return files.map((file) => join(dir, file)).sort();
}

/** Every file under `dir`, ignore files or not: what a build or site directory publishes. */
async function allFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * `tightlip publish-check`: what is about to be published, scanned with everything (archives,
 * documents, encoded text), plus drafts and source maps that embed their sources. A
 * directory with a package.json is checked as `npm pack` would pack it; any other
 * directory (a site, a build) whole; a file (a release archive, a packed tarball) as it is.
 */
export async function publishCheck(options: PublishCheckOptions): Promise<ScanResult> {
  const { io } = options;
  const target = resolve(io.cwd, options.path);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(target)).isDirectory();
  } catch {
    throw new UsageError(`no such file or directory: ${relative(io.cwd, target) || target}`);
  }
  const withRules = { ...options, extraRules: publishRules };
  if (!isDirectory) return scan(await createDirectorySource([options.path], io.cwd), withRules);
  const npm =
    !options.allFiles &&
    (await stat(join(target, 'package.json')).catch(() => undefined)) !== undefined;
  const source = createFileSource(target, [target, io.cwd], [target], () =>
    npm ? npmPackFiles(target) : allFilesUnder(target),
  );
  return scan(source, withRules);
}
