import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { createBareRepo, createTempRepo, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { test as base } from '@tightlip/fixtures/vitest';
import { BIN, install, output, runMain } from './helpers.js';

// The husky and lint-staged recipes of docs/hooks.md, with the real packages (the
// workspace's devDependencies, linked into the test repository: no network), through real
// `git commit` and `git push`. What `install` writes into husky's scripts is tested in
// process in install.test.ts.

const WORKSPACE_MODULES = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'node_modules',
);

/**
 * Makes `repo` a project with husky, lint-staged and tightlip in node_modules, as
 * `npm install` would leave it: husky's `prepare` ran (`huskyDir` holds what the real husky
 * generated, once for the file: its `.husky/_`, which core.hooksPath points at).
 */
function createProject(
  repo: TempDir,
  huskyDir: string,
  lintStaged?: Record<string, unknown>,
): void {
  repo.write(
    'package.json',
    JSON.stringify({
      name: 'app',
      private: true,
      type: 'module',
      scripts: { prepare: 'husky' },
      ...(lintStaged ? { 'lint-staged': lintStaged } : {}),
    }),
  );
  repo.write('.gitignore', 'node_modules\n');
  mkdirSync(repo.path('node_modules', '.bin'), { recursive: true });
  for (const name of ['husky', 'lint-staged'])
    symlinkSync(realpathSync(join(WORKSPACE_MODULES, name)), repo.path('node_modules', name));
  symlinkSync('../husky/bin.js', repo.path('node_modules', '.bin', 'husky'));
  symlinkSync(
    '../lint-staged/bin/lint-staged.js',
    repo.path('node_modules', '.bin', 'lint-staged'),
  );
  symlinkSync(BIN, repo.path('node_modules', '.bin', 'tightlip'));
  cpSync(huskyDir, repo.path('.husky', '_'), { recursive: true });
  repo.git('config', 'core.hooksPath', '.husky/_');
}

/** husky's generated hooks directory, from running the real husky once in a scratch repository. */
const it = base.extend<{ huskyDir: string }>({
  huskyDir: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const scratch = createTempRepo();
      try {
        symlinkSync(realpathSync(join(WORKSPACE_MODULES, 'husky')), scratch.path('husky'));
        const husky = scratch.run(process.execPath, [scratch.path('husky', 'bin.js')]);
        expect(husky.status, output(husky)).toBe(0);
        expect(scratch.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
        await use(scratch.path('.husky', '_'));
      } finally {
        scratch.remove();
      }
    },
    { scope: 'file' },
  ],
});

/** lint-staged leaves this file behind when its task ran (inside .git, so never staged). */
const MARKER_TASK = "node -e \"require('fs').appendFileSync('.git/lint-staged-ran', 'x')\"";

const commitAll = (repo: TempDir, message: string) => (
  repo.git('add', '-A'),
  repo.run('git', ['commit', '-m', message])
);

describe('husky', () => {
  it('runs tightlip from its pre-commit script next to lint-staged: a leak is blocked, a clean commit runs lint-staged too', async ({
    repo,
    huskyDir,
  }) => {
    createProject(repo, huskyDir, { '*.ts': MARKER_TASK });
    repo.write('.husky/pre-commit', 'lint-staged\n');
    await install(repo, ['pre-commit']);
    repo.write('src/leak.ts', `export const t = "${fakeGithubToken(51)}";\n`);
    const blocked = commitAll(repo, 'leak');
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('src/leak.ts');
    expect(output(blocked)).toContain('github-pat');

    repo.write('src/leak.ts', 'export const t = process.env.T;\n');
    const clean = commitAll(repo, 'clean');
    expect(clean.status, output(clean)).toBe(0);
    expect(existsSync(repo.path('.git', 'lint-staged-ran'))).toBe(true);
  });

  it("runs before the script's own commands, so an early exit cannot skip it; uninstall gives the script back byte for byte", async ({
    repo,
    huskyDir,
  }) => {
    createProject(repo, huskyDir);
    repo.commit('init', { 'f.txt': '1\n2\n3\n' });
    // The user's script ends early while merging, and has no final newline.
    const own =
      'git rev-parse -q --verify MERGE_HEAD >/dev/null && exit 0\necho "own commands ran" >&2';
    repo.write('.husky/pre-commit', own);
    await install(repo, ['pre-commit']);
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('topic', { 'f.txt': '1\ntopic\n3\n' }); // with the script
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'f.txt': '1\nmain\n3\n' });
    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0);
    repo.write('f.txt', `1\nconst t = "${fakeGithubToken(56)}";\n3\n`);
    repo.git('add', 'f.txt');
    const blocked = repo.run('git', ['commit', '--no-edit']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('github-pat');
    expect(repo.run('git', ['rev-parse', '-q', '--verify', 'MERGE_HEAD']).status).toBe(0); // still merging: not committed

    const removed = await runMain(repo, ['uninstall']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(readFileSync(repo.path('.husky', 'pre-commit'), 'utf8')).toBe(own);
  });

  it('blocks with a message when tightlip is missing from node_modules (fail closed)', async ({
    repo,
    huskyDir,
  }) => {
    createProject(repo, huskyDir);
    await install(repo, ['pre-commit']);
    repo.run('rm', ['node_modules/.bin/tightlip']);
    repo.write('a.txt', 'clean\n');
    repo.git('add', 'a.txt');
    // Not even on PATH (npm test puts the workspace's node_modules/.bin there).
    const PATH = (process.env.PATH ?? '')
      .split(':')
      .filter((dir) => !dir.includes('node_modules'))
      .join(':');
    const result = repo.run('git', ['commit', '-m', 'x'], { env: { PATH } });
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('tightlip is not installed');
    expect(output(result)).toContain('--no-verify (CI scans anyway)');
  });

  it('runs the pre-push block first and gives the ref updates back to the rest of the script', async ({
    repo,
    huskyDir,
  }) => {
    createProject(repo, huskyDir);
    const remote = createBareRepo();
    try {
      repo.git('remote', 'add', 'origin', remote.dir);
      repo.write(
        '.husky/pre-push',
        'while read local sha ref rsha; do echo "script saw $ref" >&2; done\n',
      );
      await install(repo, ['pre-push']);
      repo.commit('init');
      const pushed = repo.run('git', ['push', 'origin', 'main']);
      expect(pushed.status, output(pushed)).toBe(0);
      expect(pushed.stderr).toContain('script saw refs/heads/main');
      repo.commit('leak', { 'b.ts': `x = "${fakeGithubToken(52)}"\n` });
      const blocked = repo.run('git', ['push', 'origin', 'main']);
      expect(blocked.status).not.toBe(0);
      expect(output(blocked)).toContain('b.ts');
    } finally {
      remote.remove();
    }
  });
});

describe('lint-staged', () => {
  it('runs `tightlip staged` once per commit from a function task (the recipe in docs/hooks.md)', ({
    repo,
    huskyDir,
  }) => {
    createProject(repo, huskyDir);
    repo.write('lint-staged.config.js', "export default { '*': () => 'tightlip staged' };\n");
    repo.write('.husky/pre-commit', 'lint-staged\n');
    repo.write('README.md', 'clean\n');
    const clean = commitAll(repo, 'init');
    expect(clean.status, output(clean)).toBe(0);
    repo.write('src/leak.ts', `export const t = "${fakeGithubToken(53)}";\n`);
    const blocked = commitAll(repo, 'leak');
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('github-pat');
    expect(output(blocked)).not.toContain(fakeGithubToken(53));
  });
});
