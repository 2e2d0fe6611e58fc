import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { BIN, runTightlip } from './helpers.js';

// Real `git commit` against a real hook installed by the real bin.

let repo: TempDir;
afterEach(() => repo?.remove());

function commitCount(): number {
  const result = repo.run('git', ['rev-list', '--count', 'HEAD']);
  return result.status === 0 ? Number(result.stdout.trim()) : 0;
}

function install(args: string[] = []): void {
  const result = runTightlip(repo, ['install', ...args]);
  expect(result.status, result.stderr).toBe(0);
}

describe('pre-commit hook', () => {
  it('refuses a commit adding a GitHub token without printing it, and accepts a clean commit', () => {
    repo = createTempRepo();
    install();
    const token = fakeGithubToken(21);
    repo.write('src/leak.ts', `export const token = "${token}";\n`);
    repo.git('add', '.');
    const refused = repo.run('git', ['commit', '-m', 'add leak']);
    const output = refused.stdout + refused.stderr;
    expect(refused.status).not.toBe(0);
    expect(output).toContain('src/leak.ts');
    expect(output).toContain('1:23  high  github-pat');
    expect(output).toContain(`"${token.slice(0, 6)}…"`);
    expect(output).toContain('git commit --no-verify');
    expect(output).not.toContain(token);
    expect(commitCount()).toBe(0);

    repo.git('rm', '-q', '--cached', 'src/leak.ts');
    repo.write('src/clean.ts', 'export const answer = 42;\n');
    repo.git('add', 'src/clean.ts');
    const accepted = repo.run('git', ['commit', '-m', 'clean']);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(commitCount()).toBe(1);
  });

  it('judges only added lines: removing a committed secret passes', () => {
    repo = createTempRepo();
    repo.write('old.txt', `${fakeGithubToken(1)}\nkeep\n`);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'before tightlip');
    install();
    repo.write('old.txt', 'keep\n');
    const result = repo.run('git', ['commit', '-am', 'remove the token']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('scans what `git commit -a` stages (a temporary index)', () => {
    repo = createTempRepo();
    repo.write('tracked.txt', 'one\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    install();
    repo.write('tracked.txt', `one\n${fakeGithubToken(2)}\n`);
    expect(repo.run('git', ['commit', '-am', 'leak']).status).not.toBe(0);
    expect(commitCount()).toBe(1);
  });

  it('honours an inline allow on the line before (an unchanged line) and a baseline', () => {
    repo = createTempRepo();
    repo.write('config.yml', 'name: demo\n# tightlip:allow github-pat -- rotated sandbox token\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    install();
    repo.write('config.yml', `name: demo\n# tightlip:allow github-pat -- rotated sandbox token\ntoken: ${fakeGithubToken(31)}\n`);
    const allowed = repo.run('git', ['commit', '-am', 'allowed inline']);
    expect(allowed.status, allowed.stdout + allowed.stderr).toBe(0);

    const token = fakeGithubToken(32);
    repo.write('accepted.txt', `${token}\n`);
    expect(runTightlip(repo, ['baseline', 'create']).status).toBe(0);
    repo.git('add', '.');
    const baselined = repo.run('git', ['commit', '-m', 'accepted by the baseline']);
    expect(baselined.status, baselined.stdout + baselined.stderr).toBe(0);

    repo.write('other.txt', `${fakeGithubToken(33)}\n`);
    repo.git('add', 'other.txt');
    expect(repo.run('git', ['commit', '-m', 'not accepted']).status).not.toBe(0);
  });

  it('installs into core.hooksPath when it is set', () => {
    repo = createTempRepo();
    repo.git('config', 'core.hooksPath', '.githooks');
    install();
    expect(existsSync(repo.path('.githooks', 'pre-commit'))).toBe(true);
    expect(existsSync(repo.path('.git', 'hooks', 'pre-commit'))).toBe(false);
    repo.write('a.txt', fakeGithubToken(3));
    repo.git('add', 'a.txt');
    expect(repo.run('git', ['commit', '-m', 'leak']).status).not.toBe(0);
  });

  it('keeps an existing hook running, and restores it on uninstall', () => {
    repo = createTempRepo();
    const existing = '#!/bin/sh\necho "existing hook ran" >&2\n';
    repo.write('.git/hooks/pre-commit', existing);
    repo.run('chmod', ['+x', '.git/hooks/pre-commit']);
    install();
    repo.write('a.txt', 'clean\n');
    repo.git('add', '.');
    const result = repo.run('git', ['commit', '-m', 'clean']);
    expect(result.status).toBe(0);
    const withHook = repo.run('git', ['commit', '--allow-empty', '-m', 'again']);
    expect(withHook.stderr).toContain('existing hook ran');

    expect(runTightlip(repo, ['uninstall']).status).toBe(0);
    expect(readFileSync(repo.path('.git', 'hooks', 'pre-commit'), 'utf8')).toBe(existing);
  });

  it('leaves a disabled (not executable) hook disabled, and restores its mode on uninstall', () => {
    repo = createTempRepo();
    const disabled = '#!/bin/sh\necho "disabled hook ran" >&2\nexit 1\n';
    repo.write('.git/hooks/pre-commit', disabled);
    repo.run('chmod', ['644', '.git/hooks/pre-commit']);
    const installed = runTightlip(repo, ['install', '--hook', 'pre-commit']);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).toContain('stays disabled');
    expect(statSync(repo.path('.git', 'hooks', 'pre-commit.pre-tightlip')).mode & 0o777).toBe(0o644);
    repo.write('a.txt', 'clean\n');
    repo.git('add', 'a.txt');
    const result = repo.run('git', ['commit', '-m', 'clean']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('disabled hook ran');

    expect(runTightlip(repo, ['uninstall']).status).toBe(0);
    const hook = repo.path('.git', 'hooks', 'pre-commit');
    expect(readFileSync(hook, 'utf8')).toBe(disabled);
    expect(statSync(hook).mode & 0o777).toBe(0o644);
  });

  it('blocks (fails closed) when the config is broken, and says why', () => {
    repo = createTempRepo();
    install();
    repo.write('tightlip.config.json', '{ not json');
    repo.write('a.txt', 'clean\n');
    repo.git('add', 'a.txt');
    const result = repo.run('git', ['commit', '-m', 'x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('tightlip.config.json: not valid JSON');
    expect(result.stderr).toContain('blocks whenever it cannot check');
  });

  it('blocks when the tightlip it was installed with is gone', () => {
    repo = createTempRepo();
    install();
    const hook = repo.path('.git', 'hooks', 'pre-commit');
    const script = readFileSync(hook, 'utf8').replace(/^tightlip_bin=.*$/m, "tightlip_bin='/nonexistent/tightlip.js'");
    repo.write('.git/hooks/pre-commit', script);
    repo.write('a.txt', 'clean\n');
    repo.git('add', 'a.txt');
    const result = repo.run('git', ['commit', '-m', 'x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('tightlip not found at /nonexistent/tightlip.js');
  });

  it('blocks, saying tightlip could not finish, when tightlip crashes (a dependency missing at import)', () => {
    repo = createTempRepo();
    install();
    // The real launcher, beside a build whose entry fails to load, as with a broken install.
    const launcher = repo.write('.git/broken/bin/tightlip.js', readFileSync(BIN));
    repo.write('.git/broken/dist/bin.js', "import './main.js';\n");
    repo.write('.git/broken/dist/main.js', "import 'tightlip-missing-dependency';\n");
    const hook = repo.path('.git', 'hooks', 'pre-commit');
    repo.write('.git/hooks/pre-commit', readFileSync(hook, 'utf8').replace(/^tightlip_bin=.*$/m, `tightlip_bin='${launcher}'`));
    repo.write('a.txt', 'clean\n');
    repo.git('add', 'a.txt');
    const result = repo.run('git', ['commit', '-m', 'x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("tightlip: internal error: Cannot find package 'tightlip-missing-dependency'");
    expect(result.stderr).toContain('tightlip could not finish (exit status 2)');
    expect(commitCount()).toBe(0);

    const direct = repo.run(process.execPath, [launcher, 'staged']);
    expect(direct.status).toBe(2);
    expect(direct.stderr.trimEnd().split('\n')).toHaveLength(1);
    const verbose = repo.run(process.execPath, [launcher, 'staged', '--verbose']);
    expect(verbose.status).toBe(2);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });

  it('exits 2 on an error thrown after start-up, outside any command (uncaught)', () => {
    repo = createTempRepo();
    const launcher = repo.write('broken/bin/tightlip.js', readFileSync(BIN));
    for (const [name, code] of [
      ['throw', "setTimeout(() => { throw new Error('boom'); });\n"],
      ['reject', "Promise.reject(new Error('boom'));\n"],
    ]) {
      repo.write('broken/dist/bin.js', code!);
      const result = repo.run(process.execPath, [launcher, 'scan']);
      expect(result.status, name).toBe(2);
      expect(result.stderr).toBe('tightlip: internal error: boom (run with --verbose for the stack)\n');
    }
  });

  it('refuses to install outside a git repository', () => {
    repo = createTempRepo();
    const result = runTightlip(repo, ['install'], { cwd: '.git' });
    expect(result.status).toBe(2);
  });
});
