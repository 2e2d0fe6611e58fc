import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { guardCodename, output, runMain } from './helpers.js';

// What the pre-commit hook judges, in process: the hook runs `tightlip staged --hook
// pre-commit` in the work tree, with the index git is about to commit. What the staged
// source reads (index vs work tree, UTF-16, odd names) is tested in
// packages/git/test/staged.test.ts; that the installed hook blocks a real `git commit`, in
// hooks.e2e.test.ts.

const staged = (repo: TempDir) => runMain(repo, ['staged', '--hook', 'pre-commit']);

describe('tightlip staged --hook pre-commit', () => {
  it('blocks a token in the first commit of a repository without printing it, with advice; a clean change passes', async ({
    repo,
  }) => {
    const token = fakeGithubToken(21);
    repo.write('src/leak.ts', `export const token = "${token}";\n`);
    repo.git('add', '-A');
    const blocked = await staged(repo);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('src/leak.ts');
    expect(output(blocked)).toContain('1:23  high  github-pat');
    expect(output(blocked)).toContain(`"${token.slice(0, 6)}…"`);
    expect(output(blocked)).toContain('git commit --no-verify');
    expect(output(blocked)).not.toContain(token);

    repo.write('src/leak.ts', 'export const token = process.env.TOKEN;\n');
    repo.git('add', '-A');
    expect(await staged(repo)).toMatchObject({ status: 0 });
  });

  it('blocks a codename in content, naming the term id but never the term, with advice to fix or allow', async ({
    repo,
  }) => {
    guardCodename(repo);
    repo.write('README.md', 'The launch of Mythos is in May.\n');
    repo.git('add', '-A');
    const result = await staged(repo);
    expect(result.status).toBe(1);
    expect(output(result)).toContain('README.md');
    expect(output(result)).toContain('1:15');
    expect(output(result)).toContain('terms.txt:1');
    expect(output(result)).not.toMatch(/mythos/i);
    expect(output(result)).toContain('tightlip:allow');
    expect(output(result)).toContain('tightlip baseline');
    expect(output(result)).toContain('git commit --no-verify (CI scans anyway)');
  });

  it("blocks a codename in a new file's path, even when the content is clean", async ({ repo }) => {
    guardCodename(repo);
    repo.write('docs/mythos-plan.md', 'nothing to see\n');
    repo.git('add', '-A');
    const result = await staged(repo);
    expect(result.status).toBe(1);
    // The report names the path with the codename masked, as every report does.
    expect(output(result)).toContain('docs/[terms.txt:1]-plan.md');
    expect(output(result)).not.toContain('mythos-plan');
  });

  it('judges a conflicted merge on what is new to both parents: the other side passes, the resolution is judged', async ({
    repo,
  }) => {
    repo.commit('init', { 'f.txt': '1\n2\n3\n' });
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('topic, with a secret from before tightlip (already on the remote, say)', {
      'f.txt': '1\ntopic\n3\n',
      'old.ts': `t = "${fakeGithubToken(35)}"\n`,
    });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'f.txt': '1\nmain\n3\n' });

    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0); // conflict on line 2
    repo.write('f.txt', '1\nmain and topic\n3\n');
    repo.git('add', 'f.txt');
    const merged = await staged(repo);
    expect(merged.status, output(merged)).toBe(0);

    // The same merge, resolved with a new secret: blocked, and only that is reported.
    repo.write('f.txt', `1\nt = "${fakeGithubToken(36)}"\n3\n`);
    repo.git('add', 'f.txt');
    const blocked = await staged(repo);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('f.txt');
    expect(output(blocked)).not.toContain('old.ts');
  });

  it('honours an inline allow on the line before (an unchanged line) and a baseline', async ({
    repo,
  }) => {
    repo.commit('init', {
      'config.yml': 'name: demo\n# tightlip:allow github-pat -- rotated sandbox token\n',
    });
    repo.write(
      'config.yml',
      `name: demo\n# tightlip:allow github-pat -- rotated sandbox token\ntoken: ${fakeGithubToken(31)}\n`,
    );
    repo.git('add', '-A');
    const allowed = await staged(repo);
    expect(allowed.status, output(allowed)).toBe(0);
    repo.commit('allowed inline');

    repo.write('accepted.txt', `${fakeGithubToken(32)}\n`);
    expect((await runMain(repo, ['baseline', 'create'])).status).toBe(0);
    repo.git('add', '-A');
    const baselined = await staged(repo);
    expect(baselined.status, output(baselined)).toBe(0);
    repo.commit('accepted by the baseline');

    repo.write('other.txt', `${fakeGithubToken(33)}\n`);
    repo.git('add', 'other.txt');
    expect((await staged(repo)).status).toBe(1);
  });
});

describe('when git cannot give the staged change', () => {
  it("blocks with git's own message when it cannot read the index", async ({ repo }) => {
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.write('.git/index', 'not an index');
    const result = await staged(repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tightlip: git diff failed: .*index/m);
  });

  it('blocks a merge in progress whose MERGE_HEAD names no commit, saying how to leave it', async ({
    repo,
  }) => {
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.write('.git/MERGE_HEAD', 'not a commit\n');
    const result = await staged(repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('does not hold commit ids');
    expect(result.stderr).toContain('git merge --abort');
  });

  it('has started git diff while the configuration loads: a bad configuration still fails as itself', async ({
    repo,
  }) => {
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.write('a.txt', 'a\nb\n');
    repo.git('add', 'a.txt');
    repo.write('tightlip.config.json', '{ not json');
    const trace = repo.path('git-trace.txt');
    const result = await runMain(repo, ['staged', '--hook', 'pre-commit'], {
      env: { GIT_TRACE: trace },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tightlip.config.json');
    expect(readFileSync(trace, 'utf8')).toMatch(/built-in: git .*diff --cached/);
  });
});
