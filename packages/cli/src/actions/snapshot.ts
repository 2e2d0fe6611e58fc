import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TightlipError } from '@tightlip/core';
import { packageFile } from '../package-files.js';

// The hooks' startup snapshot: a V8 heap with tightlip's hook code loaded and its rule
// catalog defined, made by `node --build-snapshot` from dist/snapshot.cjs (see
// src/snapshot.ts and scripts/build-package.mjs), that a hook starts from instead of
// loading and compiling the bundle. It lives in the package, beside what it was built
// from: `<package>/.snapshots/<id>.blob`, where <id> (dist/snapshot-id) names the build of
// dist/snapshot.cjs, so an upgraded tightlip never starts from an older one's snapshot.
//
// The installed hooks (see @tightlip/hooks) use it when it is there, fall back to the bin
// when it is not or when Node.js will not start from it (another Node.js version or
// V8 flags, a damaged file), and then rebuild it in the background with `tightlip
// snapshot`. Each build writes a temporary file and renames it into place, so a hook
// never reads a half-written snapshot, whatever runs at the same time.

/** The package's directory for snapshots (not in its `files`: never published). */
export const SNAPSHOT_DIR = '.snapshots';

export interface SnapshotFiles {
  /** The script the snapshot is built from. */
  entry: string;
  /** The build of `entry` (dist/snapshot-id). */
  id: string;
  dir: string;
  /** The snapshot. */
  blob: string;
  /** Written when a build fails: the hooks then stop trying to build it, until `tightlip snapshot`. */
  failed: string;
}

/** Thrown when this tightlip cannot have a startup snapshot, or could not build it. */
export class SnapshotError extends TightlipError {
  override name = 'SnapshotError';
}

/** The snapshot files of this tightlip; undefined when its build has none (the workspace's, built by tsc). */
export async function snapshotFiles(): Promise<SnapshotFiles | undefined> {
  const root = dirname(fileURLToPath(packageFile('package.json')));
  const entry = join(root, 'dist', 'snapshot.cjs');
  let id: string;
  try {
    id = (await readFile(join(root, 'dist', 'snapshot-id'), 'utf8')).trim();
    await stat(entry);
  } catch {
    return undefined;
  }
  const dir = join(root, SNAPSHOT_DIR);
  return { entry, id, dir, blob: join(dir, `${id}.blob`), failed: join(dir, `${id}.failed`) };
}

async function requireFiles(): Promise<SnapshotFiles> {
  const files = await snapshotFiles();
  if (files === undefined)
    throw new SnapshotError(
      'SNAPSHOT_UNAVAILABLE',
      'this build of tightlip has no startup snapshot script (dist/snapshot.cjs): the published package has it',
    );
  return files;
}

export interface BuildSnapshotOptions {
  /** The Node.js the hooks run (the snapshot serves that version only); this one by default. */
  node?: string;
  /** Environment of the build: NODE_OPTIONS must be the hooks' (Node.js refuses a snapshot built with other V8 flags). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Builds the snapshot for `options.node`, replacing any other of this package (older
 * builds, another Node.js). On failure, records it (see `SnapshotFiles.failed`) and throws.
 */
export async function buildSnapshot(
  options: BuildSnapshotOptions = {},
): Promise<SnapshotFiles & { bytes: number }> {
  const files = await requireFiles();
  // Not recursive: a package removed meanwhile (a hook's build in the background) is not made again.
  await mkdir(files.dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await rm(files.failed, { force: true });
  const temp = `${files.blob}.${process.pid}-${Date.now()}.tmp`;
  const failure = await new Promise<string | undefined>((resolve) => {
    execFile(
      options.node ?? process.execPath,
      ['--snapshot-blob', temp, '--build-snapshot', files.entry],
      { cwd: files.dir, env: options.env ?? process.env, maxBuffer: 8 * 1024 * 1024 },
      // What failed: the error Node.js printed (after the line of the minified script that
      // threw, too long to keep), else how the process ended.
      (error, _stdout, stderr) =>
        resolve(
          error ? (/^\w*Error: .*$/m.exec(stderr)?.[0] ?? error.message.split('\n')[0]) : undefined,
        ),
    );
  });
  if (failure !== undefined) {
    await rm(temp, { force: true });
    await writeFile(files.failed, `${failure}\n`);
    throw new SnapshotError(
      'SNAPSHOT_BUILD_FAILED',
      `could not build the startup snapshot (hooks run without it): ${failure}`,
    );
  }
  await rename(temp, files.blob);
  // Snapshots of other builds are of no use (temporary files may be other builds' under way).
  for (const name of await readdir(files.dir))
    if (/\.(blob|failed)$/.test(name) && name !== `${files.id}.blob`)
      await rm(join(files.dir, name), { force: true });
  return { ...files, bytes: (await stat(files.blob)).size };
}

/** Removes every snapshot of this package; resolves to the directory removed, if there was one. */
export async function clearSnapshots(): Promise<string | undefined> {
  const files = await requireFiles();
  const existed = await stat(files.dir).then(
    () => true,
    () => false,
  );
  await rm(files.dir, { recursive: true, force: true });
  return existed ? files.dir : undefined;
}
