import { expect } from 'vitest';
import { createTempDir, createTempRepo, type RunResult, type TempDir } from '@tightlip/fixtures';
import { runTightlip } from './helpers.js';

/** The codename the end-to-end tests guard; matched as a whole word (`feature/mythos-launch`). */
export const CODENAME = 'Mythos';

/**
 * A config and term list inside the repository, kept out of every commit by
 * `.git/info/exclude`, so `git add .` never stages them.
 */
export function guardCodename(repo: TempDir): void {
  repo.write('terms.txt', `${CODENAME}\n`);
  repo.write('tightlip.config.json', JSON.stringify({ terms: ['terms.txt'] }));
  repo.write('.git/info/exclude', 'terms.txt\ntightlip.config.json\n');
}

/** The codename list and config of a server: in the bare repository's directory, where its pre-receive hook finds them. */
export function guardRemoteCodename(remote: TempDir): void {
  remote.write('terms.txt', `${CODENAME}\n`);
  remote.write('tightlip.config.json', JSON.stringify({ terms: ['terms.txt'] }));
}

/** Runs `tightlip install args…` in `dir` and expects it to succeed. */
export function install(dir: TempDir, args: string[] = []): RunResult {
  const result = runTightlip(dir, ['install', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

export function commitAll(repo: TempDir, message: string, args: string[] = []): RunResult {
  repo.git('add', '-A');
  return repo.run('git', ['commit', '-m', message, ...args]);
}

/** A work tree with a bare `origin` next to it (both removed by `remove`). */
export function createRepoWithRemote(): { repo: TempDir; remote: TempDir; remove(): void } {
  const repo = createTempRepo();
  const remote = createTempDir('tightlip-remote-');
  remote.git('init', '-q', '--bare', '-b', 'main', '.');
  repo.git('remote', 'add', 'origin', remote.dir);
  return { repo, remote, remove: () => (repo.remove(), remote.remove()) };
}

/**
 * Hides submodule entries at `path` from git's diffs, the two ways a user can:
 * `diff.ignoreSubmodules all` in the repository's config and `ignore = all` in
 * `.gitmodules` (written here, to be committed with the rest).
 */
export function hideSubmodule(repo: TempDir, path: string): void {
  repo.write('.gitmodules', `[submodule "sdk"]\n\tpath = ${path}\n\turl = ../sdk\n\tignore = all\n`);
  repo.git('config', 'diff.ignoreSubmodules', 'all');
}

/** Stages a submodule entry at `path`: a gitlink to the current HEAD. */
export function stageSubmodule(repo: TempDir, path: string): void {
  repo.git('update-index', '--add', '--cacheinfo', `160000,${repo.git('rev-parse', 'HEAD').trim()},${path}`);
}

/** `text` as UTF-16 with a byte-order mark, little-endian (what Windows tools write) or big-endian. */
export function utf16(text: string, order: 'le' | 'be' = 'le'): Buffer {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return order === 'le' ? bytes : bytes.swap16();
}

export function output(result: RunResult): string {
  return result.stdout + result.stderr;
}
