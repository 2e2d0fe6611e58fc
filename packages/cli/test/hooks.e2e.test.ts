import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { BIN, commitCount, guardCodename, install, output } from './helpers.js';

// Real `git commit` through the pre-commit and commit-msg hooks, which run the real bin:
// only what a real hook run can prove (git calls them, with the index and message file it
// means; chaining; failing closed). What the hooks judge is tested in process in
// pre-commit.test.ts and commit-msg.test.ts.

/** PATH without any node_modules/.bin (npm test puts the workspace's there, with its tightlip). */
const PATH_WITHOUT_MODULES = (process.env.PATH ?? '')
  .split(':')
  .filter((dir) => !dir.includes('node_modules'))
  .join(':');

/** Installs the pre-commit hook and stages a clean file: a commit that passes unless the hook cannot run. */
async function readyToCommit(repo: TempDir): Promise<void> {
  await install(repo, ['pre-commit']);
  repo.write('a.txt', 'clean\n');
  repo.git('add', 'a.txt');
}

/** The real launcher beside a damaged build (`files` under .git/broken/), run by the pre-commit hook; its path. */
function brokenInstall(repo: TempDir, files: Record<string, string>): string {
  const launcher = repo.write('.git/broken/bin/tightlip.js', readFileSync(BIN));
  for (const [path, text] of Object.entries(files)) repo.write(`.git/broken/${path}`, text);
  useBin(repo, launcher);
  return launcher;
}

/** Points the installed pre-commit hook at `bin` instead of the tightlip it was installed with. */
function useBin(repo: TempDir, bin: string): void {
  const hook = repo.path('.git', 'hooks', 'pre-commit');
  repo.write(
    '.git/hooks/pre-commit',
    readFileSync(hook, 'utf8').replace(/^tightlip_bin=.*$/m, `tightlip_bin='${bin}'`),
  );
}

describe('pre-commit and commit-msg hooks', () => {
  it('block a commit adding a token, without printing it, and let a clean commit through', async ({
    repo,
  }) => {
    await install(repo, ['pre-commit']);
    const token = fakeGithubToken(21);
    repo.write('src/leak.ts', `export const token = "${token}";\n`);
    repo.git('add', '-A');
    const refused = repo.run('git', ['commit', '-m', 'add leak']);
    expect(refused.status).not.toBe(0);
    expect(output(refused)).toContain('src/leak.ts');
    expect(output(refused)).toContain('1:23  high  github-pat');
    expect(output(refused)).toContain('git commit --no-verify');
    expect(output(refused)).not.toContain(token);
    expect(commitCount(repo)).toBe(0);

    repo.write('src/leak.ts', 'export const token = process.env.TOKEN;\n');
    repo.git('add', '-A');
    const accepted = repo.run('git', ['commit', '-m', 'clean']);
    expect(accepted.status, output(accepted)).toBe(0);
    expect(commitCount(repo)).toBe(1);
  });

  it('block a codename in the commit message, keeping the message for the next try', async ({
    repo,
  }) => {
    guardCodename(repo);
    await install(repo, ['commit-msg']);
    const result = repo.run('git', ['commit', '--allow-empty', '-m', 'Prepare the Mythos launch']);
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('COMMIT_EDITMSG');
    expect(output(result)).toContain('git commit -e -F .git/COMMIT_EDITMSG');
    expect(commitCount(repo)).toBe(0);
    expect(readFileSync(repo.path('.git', 'COMMIT_EDITMSG'), 'utf8')).toContain('Prepare the');
  });

  it('judge what `git commit -a` and `git commit <path>` stage (a temporary index, GIT_INDEX_FILE)', async ({
    repo,
  }) => {
    repo.commit('init', { 'tracked.txt': 'one\n' });
    await install(repo, ['pre-commit']);
    repo.write('tracked.txt', `one\n${fakeGithubToken(2)}\n`);
    expect(repo.run('git', ['commit', '-am', 'leak']).status).not.toBe(0);
    expect(repo.run('git', ['commit', '-m', 'leak', 'tracked.txt']).status).not.toBe(0);
    expect(commitCount(repo)).toBe(1);
  });

  it('run a foreign hook they chained, with its arguments, and leave a disabled (not executable) one disabled', async ({
    repo,
  }) => {
    repo.write(
      '.git/hooks/commit-msg',
      '#!/bin/sh\necho "existing commit-msg saw $(head -1 "$1")" >&2\n',
    );
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho "disabled hook ran" >&2\nexit 1\n');
    repo.run('chmod', ['+x', '.git/hooks/commit-msg']);
    repo.run('chmod', ['644', '.git/hooks/pre-commit']);
    await install(repo, ['pre-commit', 'commit-msg']);
    const result = repo.run('git', ['commit', '--allow-empty', '-m', 'hello there']);
    expect(result.status, output(result)).toBe(0);
    expect(result.stderr).toContain('existing commit-msg saw hello there');
    expect(result.stderr).not.toContain('disabled hook ran');
    expect(commitCount(repo)).toBe(1);
  });
});

describe('hooks fail closed', () => {
  it('block when the config is broken, and say why', async ({ repo }) => {
    await readyToCommit(repo);
    repo.write('tightlip.config.json', '{ not json');
    const result = repo.run('git', ['commit', '-m', 'x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('tightlip.config.json: not valid JSON');
    expect(result.stderr).toContain('blocks whenever it cannot check');
    expect(commitCount(repo)).toBe(0);
  });

  it('block when the tightlip they were installed with is gone and none is installed, saying how to install it', async ({
    repo,
  }) => {
    await readyToCommit(repo);
    useBin(repo, '/nonexistent/tightlip.js');
    const gone = repo.run('git', ['commit', '-m', 'x'], { env: { PATH: PATH_WITHOUT_MODULES } });
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toContain(
      'tightlip is not installed in this project (node_modules/tightlip), nor at /nonexistent/tightlip.js, nor on PATH',
    );
    // No package.json: a global install is what fits.
    expect(gone.stderr).toContain("fix it with 'npm install --global tightlip'");
    repo.write('package.json', '{ "name": "app" }');
    repo.write('pnpm-lock.yaml', '');
    const pnpm = repo.run('git', ['commit', '-m', 'x'], { env: { PATH: PATH_WITHOUT_MODULES } });
    expect(pnpm.stderr).toContain("fix it with 'pnpm add -D tightlip'");
    expect(commitCount(repo)).toBe(0);
  });

  it('block when the install is damaged: an empty or truncated entry file exits 0, which is no result (D8)', async ({
    repo,
  }) => {
    await readyToCommit(repo);
    // An empty build, as an interrupted rebuild leaves it.
    brokenInstall(repo, { 'package.json': '{ "version": "0.0.0" }', 'dist/bin.js': '' });
    const empty = repo.run('git', ['commit', '-m', 'x']);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toContain(
      'tightlip ended without reporting a result (exit status 0): an incomplete, damaged or outdated install',
    );
    // The launcher itself cut short.
    repo.write('.git/broken/bin/tightlip.js', readFileSync(BIN, 'utf8').split('\n')[0]!);
    expect(repo.run('git', ['commit', '-m', 'x']).status).not.toBe(0);
    expect(commitCount(repo)).toBe(0);
  });

  it('block when tightlip crashes at start, saying why, with the stack on --verbose', async ({
    repo,
  }) => {
    await readyToCommit(repo);
    // A build whose entry fails to load, as with a broken install.
    const launcher = brokenInstall(repo, {
      'dist/bin.js': "import './main.js';\n",
      'dist/main.js': "import 'tightlip-missing-dependency';\n",
    });
    const crashed = repo.run('git', ['commit', '-m', 'x']);
    expect(crashed.status).not.toBe(0);
    expect(crashed.stderr).toContain(
      "tightlip: internal error: Cannot find package 'tightlip-missing-dependency'",
    );
    expect(crashed.stderr).toContain('tightlip could not finish the scan');
    expect(commitCount(repo)).toBe(0);

    const direct = repo.run(process.execPath, [launcher, 'staged']);
    expect(direct.status).toBe(2);
    expect(direct.stderr.trimEnd().split('\n')).toHaveLength(1);
    const verbose = repo.run(process.execPath, [launcher, 'staged', '--verbose']);
    expect(verbose.status).toBe(2);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });

  it('block a file too large to scan with advice that fits: the limit, not reinstalling (D31)', async ({
    repo,
  }) => {
    await install(repo, ['pre-commit']);
    repo.write('tightlip.config.json', '{ "maxFileSize": 1000 }');
    repo.write('.git/info/exclude', 'tightlip.config.json\n');
    repo.write('big.log', 'x'.repeat(2000));
    repo.git('add', 'big.log');
    const result = repo.run('git', ['commit', '-m', 'x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('could not scan big.log: too-large');
    expect(result.stderr).toContain('raise "maxFileSize"');
    expect(result.stderr).toContain('tightlip: fix what the message above says, or bypass once');
    expect(result.stderr).not.toContain('install');
    expect(commitCount(repo)).toBe(0);
  });
});
