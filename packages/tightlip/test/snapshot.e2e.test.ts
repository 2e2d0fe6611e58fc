import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { fakeGithubToken, pdf, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';

// The hooks' startup snapshot, end to end: a project with the built package in
// node_modules (a copy, which these tests damage), its hooks installed, and real commits.
// That a hook ran from the snapshot is shown by taking the bin's code (dist/bin.js) away:
// only a run from the snapshot can still scan.

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A project whose node_modules/tightlip is a copy of the built package, with the pre-commit hook installed. */
function createProject(repo: TempDir): string {
  const installed = repo.path('node_modules', 'tightlip');
  cpSync(PACKAGE, installed, {
    recursive: true,
    filter: (source) => !/[\\/](\.snapshots|test|node_modules)$/.test(source),
  });
  repo.write('package.json', JSON.stringify({ name: 'app', private: true }));
  repo.write('.gitignore', 'node_modules\n');
  repo.commit('init');
  const result = tightlip(repo, ['install', '--hook', 'pre-commit']);
  expect(result.status, result.stderr).toBe(0);
  return installed;
}

function tightlip(repo: TempDir, args: string[]) {
  return repo.run(process.execPath, ['node_modules/tightlip/bin/tightlip.js', ...args]);
}

function snapshotOf(installed: string): string {
  const id = readFileSync(join(installed, 'dist', 'snapshot-id'), 'utf8').trim();
  return join(installed, '.snapshots', `${id}.blob`);
}

/** Waits for a hook's build in the background (it must not outlive the test's directory). */
async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 600 && !existsSync(file); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(existsSync(file), file).toBe(true);
  // It renames the snapshot into place, then tidies the directory and exits.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Commits what is staged through the hook; what it printed, minus the run's duration. */
function commit(repo: TempDir, env: NodeJS.ProcessEnv = {}) {
  const result = repo.run('git', ['commit', '-m', 'change'], { env });
  return { ...result, output: (result.stdout + result.stderr).replace(/ in \d+ ms/g, '') };
}

function withoutBin(installed: string, run: () => void): void {
  const bin = join(installed, 'dist', 'bin.js');
  renameSync(bin, `${bin}.away`);
  try {
    run();
  } finally {
    renameSync(`${bin}.away`, bin);
  }
}

/** Commits through the hook with the bin's code away: it blocks with a report only when started from the snapshot. */
function blocksFromSnapshot(repo: TempDir, installed: string): void {
  withoutBin(installed, () => {
    const blocked = commit(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain('github-pat');
    expect(blocked.output).not.toContain('could not start');
  });
}

describe("the hooks' startup snapshot", () => {
  it('is built by `tightlip snapshot` and blocks a staged token exactly as the bin does', ({
    repo,
  }) => {
    const installed = createProject(repo);
    const built = tightlip(repo, ['snapshot']);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toContain(`built the hooks' startup snapshot ${snapshotOf(installed)}`);

    const token = fakeGithubToken(91);
    repo.write('src/config.js', `export const token = "${token}";\n`);
    repo.git('add', '-A');
    const fromBin = commit(repo, { TIGHTLIP_NO_SNAPSHOT: '1' });
    expect(fromBin.status).toBe(1);
    expect(fromBin.output).toContain('github-pat');
    withoutBin(installed, () => {
      const fromSnapshot = commit(repo);
      expect(fromSnapshot.status).toBe(1);
      expect(fromSnapshot.output).toBe(fromBin.output);
      expect(fromSnapshot.output).not.toContain(token);
    });

    repo.write('src/config.js', 'export const token = process.env.TOKEN;\n');
    repo.git('add', '-A');
    withoutBin(installed, () => expect(commit(repo).status).toBe(0));
    expect(repo.git('rev-list', '--count', 'HEAD').trim()).toBe('2');

    const cleared = tightlip(repo, ['snapshot', '--clear']);
    expect(cleared.status, cleared.stderr).toBe(0);
    expect(existsSync(join(installed, '.snapshots'))).toBe(false);
  });

  it('reads PDF.js from the package when a staged PDF needs it', ({ repo }) => {
    const installed = createProject(repo);
    expect(tightlip(repo, ['snapshot']).status).toBe(0);
    repo.write('docs/keys.pdf', pdf([`deploy key ${fakeGithubToken(92)}`]));
    repo.git('add', '-A');
    withoutBin(installed, () => {
      const blocked = commit(repo);
      expect(blocked.status, blocked.output).toBe(1);
      expect(blocked.output).toContain('docs/keys.pdf');
      expect(blocked.output).toContain('github-pat');
    });
  });

  it('serves pre-push too, which reads the ref updates git gives on stdin', ({ repo, remote }) => {
    const installed = createProject(repo);
    expect(tightlip(repo, ['install', '--hook', 'pre-push']).status).toBe(0);
    expect(tightlip(repo, ['snapshot']).status).toBe(0);
    repo.commit('add config', {
      'src/config.js': `export const token = "${fakeGithubToken(95)}";\n`,
    });
    withoutBin(installed, () => {
      const pushed = repo.run('git', ['push', 'origin', 'main']);
      expect(pushed.status).not.toBe(0);
      expect(pushed.stdout + pushed.stderr).toContain('github-pat');
      expect(pushed.stdout + pushed.stderr).not.toContain('could not start');
    });
    expect(remote.run('git', ['rev-parse', '--verify', 'refs/heads/main']).status).not.toBe(0);
  });

  it('is not built for a Node.js that cannot require ES modules; hooks then run from the bin and stop trying', ({
    repo,
  }) => {
    const installed = createProject(repo);
    const env = { NODE_OPTIONS: '--no-experimental-require-module' };
    const refused = repo.run(
      process.execPath,
      ['node_modules/tightlip/bin/tightlip.js', 'snapshot'],
      { env },
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('cannot require ES modules');
    const failed = snapshotOf(installed).replace(/\.blob$/, '.failed');
    expect(existsSync(failed)).toBe(true);
    repo.write('src/config.js', `export const token = "${fakeGithubToken(96)}";\n`);
    repo.git('add', '-A');
    const blocked = commit(repo, env);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain('github-pat');
    expect(readdirSync(join(installed, '.snapshots'))).toEqual([basename(failed)]);
  });

  it('is built by the first hook run, in the background', async ({ repo }) => {
    const installed = createProject(repo);
    repo.write('src/config.js', `export const token = "${fakeGithubToken(93)}";\n`);
    repo.git('add', '-A');
    const first = commit(repo);
    expect(first.status).toBe(1);
    expect(first.output).toContain('github-pat');
    await waitFor(snapshotOf(installed));
    blocksFromSnapshot(repo, installed);
  });

  it('when damaged, or made by another configuration of Node.js, is not used: the bin decides, and it is built again', async ({
    repo,
  }) => {
    const installed = createProject(repo);
    repo.write('src/config.js', `export const token = "${fakeGithubToken(94)}";\n`);
    repo.git('add', '-A');
    const blob = snapshotOf(installed);
    const damaged = (): void => {
      expect(tightlip(repo, ['snapshot']).status).toBe(0);
      const bytes = readFileSync(blob);
      bytes.fill(0x55, bytes.length >> 1, (bytes.length >> 1) + 64);
      writeFileSync(blob, bytes);
    };
    // Node.js refuses a snapshot built with other V8 flags (as it does one of another version).
    const otherFlags = (): void => {
      const built = repo.run(process.execPath, [
        '--stack-size=900',
        '--snapshot-blob',
        blob,
        '--build-snapshot',
        join(installed, 'dist', 'snapshot.cjs'),
      ]);
      expect(built.status, built.stderr).toBe(0);
    };
    for (const spoil of [damaged, otherFlags]) {
      spoil();
      const blocked = commit(repo);
      expect(blocked.status).toBe(1);
      expect(blocked.output).toContain('github-pat');
      expect(blocked.output).toContain("could not start from tightlip's startup snapshot");
      expect(blocked.output).toContain('tightlip blocked this commit');
      await waitFor(blob);
      blocksFromSnapshot(repo, installed);
    }
    expect(readdirSync(join(installed, '.snapshots'))).toEqual([
      `${readFileSync(join(installed, 'dist', 'snapshot-id'), 'utf8').trim()}.blob`,
    ]);
  });
});
