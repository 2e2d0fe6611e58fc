import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { it } from '@tightlip/fixtures/vitest';
import { BIN, runMain } from './helpers.js';

// `tightlip install` and `uninstall`, in process: where hooks go and what the command
// says. That git runs them, chained hooks included, is in hooks.e2e.test.ts.

describe('tightlip install', () => {
  it('installs the client hooks, running this tightlip, and says what it did', async ({ repo }) => {
    const result = await runMain(repo, ['install']);
    expect(result.status, result.stderr).toBe(0);
    for (const hook of ['pre-commit', 'commit-msg', 'pre-push']) {
      expect(result.stderr).toContain(
        `tightlip: installed ${hook} hook at ${repo.path('.git', 'hooks', hook)}`,
      );
      expect(readFileSync(repo.path('.git', 'hooks', hook), 'utf8')).toContain(BIN);
    }
    expect(existsSync(repo.path('.git', 'hooks', 'pre-receive'))).toBe(false);
    expect((await runMain(repo, ['install', '--hook', 'pre-commit'])).stderr).toBe(
      `tightlip: updated pre-commit hook at ${repo.path('.git', 'hooks', 'pre-commit')}\n`,
    );
  });

  it('installs pre-receive in a bare repository', async ({ remote }) => {
    const result = await runMain(remote, ['install']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `tightlip: installed pre-receive hook at ${remote.path('hooks', 'pre-receive')}\n`,
    );
  });

  it('installs into core.hooksPath when it is set', async ({ repo }) => {
    repo.git('config', 'core.hooksPath', '.githooks');
    expect((await runMain(repo, ['install'])).status).toBe(0);
    expect(existsSync(repo.path('.githooks', 'pre-commit'))).toBe(true);
    expect(existsSync(repo.path('.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it('installs from a linked worktree into the hooks every worktree runs', async ({ repo }) => {
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.git('worktree', 'add', '-q', '-b', 'side', repo.path('..', 'linked'));
    const installed = await runMain(repo, ['install'], { cwd: '../linked' });
    expect(installed.status, installed.stderr).toBe(0);
    expect(existsSync(repo.path('.git', 'hooks', 'pre-commit'))).toBe(true);
  });

  it('refuses to install outside a git repository', async ({ repo }) => {
    const result = await runMain(repo, ['install'], { cwd: '.git' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tightlip: /);
  });

  it('chains a foreign hook, and uninstall puts it back byte for byte', async ({ repo }) => {
    const existing = '#!/bin/sh\necho "existing hook ran" >&2\n';
    repo.write('.git/hooks/pre-commit', existing);
    repo.run('chmod', ['+x', '.git/hooks/pre-commit']);
    const installed = await runMain(repo, ['install', '--hook', 'pre-commit']);
    expect(installed.stderr).toContain('the existing hook now runs first from');
    expect(readFileSync(repo.path('.git', 'hooks', 'pre-commit.pre-tightlip'), 'utf8')).toBe(
      existing,
    );
    const removed = await runMain(repo, ['uninstall']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stderr).toContain('restored the previous hook');
    expect(readFileSync(repo.path('.git', 'hooks', 'pre-commit'), 'utf8')).toBe(existing);
    expect(statSync(repo.path('.git', 'hooks', 'pre-commit')).mode & 0o777).toBe(0o755);
  });

  it('leaves a disabled (not executable) hook disabled, and restores its mode on uninstall', async ({
    repo,
  }) => {
    const disabled = '#!/bin/sh\necho "disabled hook ran" >&2\nexit 1\n';
    repo.write('.git/hooks/pre-commit', disabled);
    repo.run('chmod', ['644', '.git/hooks/pre-commit']);
    const installed = await runMain(repo, ['install', '--hook', 'pre-commit']);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).toContain('stays disabled');
    expect(statSync(repo.path('.git', 'hooks', 'pre-commit.pre-tightlip')).mode & 0o777).toBe(
      0o644,
    );
    expect((await runMain(repo, ['uninstall'])).status).toBe(0);
    const hook = repo.path('.git', 'hooks', 'pre-commit');
    expect(readFileSync(hook, 'utf8')).toBe(disabled);
    expect(statSync(hook).mode & 0o777).toBe(0o644);
  });

  it('reports a foreign hook with an occupied chain slot as a user mistake (exit 2), not an internal error', async ({
    repo,
  }) => {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho mine\n');
    repo.write('.git/hooks/pre-commit.pre-tightlip', '#!/bin/sh\necho older\n');
    const result = await runMain(repo, ['install', '--hook', 'pre-commit']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `tightlip: ${repo.path('.git', 'hooks', 'pre-commit')} is not tightlip's, and ${repo.path('.git', 'hooks', 'pre-commit.pre-tightlip')} already exists; merge them by hand, then run install again\n`,
    );
    expect(result.stderr).not.toContain('internal error');
    expect(readFileSync(repo.path('.git', 'hooks', 'pre-commit'), 'utf8')).toBe(
      '#!/bin/sh\necho mine\n',
    );
  });

  it("writes into husky's scripts, saying so, and uninstall removes only its own lines", async ({
    repo,
  }) => {
    // What `husky` (9) leaves: core.hooksPath at its generated .husky/_, the user's scripts in .husky/.
    repo.git('config', 'core.hooksPath', '.husky/_');
    repo.write('.husky/_/h', '#!/bin/sh\n');
    repo.write('.husky/pre-commit', 'lint-staged\n');
    const installed = await runMain(repo, ['install']);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).toContain('added to the existing husky pre-commit script');
    expect(installed.stderr).toContain('installed husky pre-push script');
    expect(existsSync(repo.path('.husky', '_', 'pre-commit.pre-tightlip'))).toBe(false);
    const script = readFileSync(repo.path('.husky', 'pre-commit'), 'utf8');
    expect(script.startsWith('# >>> tightlip')).toBe(true);
    expect(script.endsWith('# <<< tightlip\nlint-staged\n')).toBe(true);
    expect(script).not.toContain(BIN);
    expect((await runMain(repo, ['install'])).stderr).toContain('updated husky pre-commit script');
    expect(readFileSync(repo.path('.husky', 'pre-commit'), 'utf8')).toBe(script);

    const removed = await runMain(repo, ['uninstall']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(readFileSync(repo.path('.husky', 'pre-commit'), 'utf8')).toBe('lint-staged\n');
    expect(existsSync(repo.path('.husky', 'pre-push'))).toBe(false);
  });
});
