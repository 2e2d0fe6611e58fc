import { existsSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { createBareRepo, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { guardCodename, leak, output, prePush, runMain } from './helpers.js';

// What the pre-push hook judges, in process: `tightlip pre-push <remote> <url>` with the
// ref updates git would write on its stdin; nothing is pushed. What the push source reads
// is tested in packages/git/test/push.test.ts; a real `git push` through the installed
// hook in push.e2e.test.ts.

const MAIN = ['refs/heads/main', 'refs/heads/main'] as const;

/** `repo` with a clean first commit on `origin` (`remote`). */
function pushed(repo: TempDir, remote: TempDir): void {
  repo.commit('init', { 'a.txt': 'clean\n' });
  repo.git('push', '-q', 'origin', 'main');
  expect(existsSync(remote.path('refs', 'heads', 'main'))).toBe(true);
}

describe('tightlip pre-push', () => {
  it('catches a commit made with --no-verify, without printing it, and passes once it is rewritten', async ({
    repo,
    remote,
  }) => {
    pushed(repo, remote);
    repo.commit('sneaky', { 'leak.ts': leak(41) });
    const blocked = await prePush(repo, remote, [MAIN]);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('leak.ts');
    expect(output(blocked)).toContain('github-pat');
    expect(output(blocked)).toContain('git push --no-verify (CI scans anyway)');
    expect(output(blocked)).not.toContain(fakeGithubToken(41));

    repo.git('rm', '-q', 'leak.ts');
    repo.commit('no leak', {}, '--amend', '--allow-empty');
    const clean = await prePush(repo, remote, [MAIN]);
    expect(clean.status, output(clean)).toBe(0);
  });

  it('scans only the new commits of a new branch: an old secret already on the remote does not block', async ({
    repo,
    remote,
  }) => {
    repo.commit('old secret, before tightlip', { 'old.ts': leak(42) });
    repo.git('push', '-q', 'origin', 'main');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('clean work', { 'b.txt': 'clean\n' });
    const result = await prePush(repo, remote, [['refs/heads/topic', 'refs/heads/topic']]);
    expect(result.status, output(result)).toBe(0);
  });

  it('blocks a codename in a pushed branch name, a tag name and a tag message, and lets deletions through', async ({
    repo,
    remote,
  }) => {
    guardCodename(repo);
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.git('push', '-q', 'origin', 'main', 'main:refs/heads/feature/mythos-old');

    repo.git('branch', 'feature/mythos-launch');
    const branch = await prePush(repo, remote, [
      ['refs/heads/feature/mythos-launch', 'refs/heads/feature/mythos-launch'],
    ]);
    expect(branch.status).toBe(1);
    expect(output(branch)).toContain('refs/heads/feature/[terms.txt:1]-launch');
    expect(output(branch)).not.toMatch(/mythos/i);

    repo.git('tag', 'mythos-v1');
    expect(
      (await prePush(repo, remote, [['refs/tags/mythos-v1', 'refs/tags/mythos-v1']])).status,
    ).toBe(1);
    repo.git('tag', '-a', 'v0', '-m', 'Release notes: Mythos ships');
    const annotated = await prePush(repo, remote, [['refs/tags/v0', 'refs/tags/v0']]);
    expect(annotated.status).toBe(1);
    expect(output(annotated)).toContain('refs/tags/v0');
    repo.git('tag', '-a', 'v1', '-m', 'Release notes');
    expect((await prePush(repo, remote, [['refs/tags/v1', 'refs/tags/v1']])).status).toBe(0);

    const deleted = await prePush(repo, remote, [[null, 'refs/heads/feature/mythos-old']]);
    expect(deleted.status, output(deleted)).toBe(0);
  });

  it('distrusts remote-tracking refs when the push URL is not the fetch URL', async ({
    repo,
    remote,
  }) => {
    // Fetched from origin (a private upstream, say): a secret the public fork must not get.
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.commit('secret, only ever at the fetch URL', { 'upstream.ts': leak(55) });
    repo.git('push', '-q', 'origin', 'main');
    const fork = createBareRepo('tightlip-fork-');
    try {
      repo.git('remote', 'set-url', '--push', 'origin', fork.dir);
      const blocked = await prePush(repo, fork, [MAIN], { url: fork.dir });
      expect(blocked.status).toBe(1);
      expect(output(blocked)).toContain('upstream.ts');

      // Pushing to the URL the tracking refs came from still trusts them.
      repo.git('remote', 'set-url', '--delete', '--push', 'origin', fork.dir);
      repo.commit('clean', { 'b.txt': 'clean\n' });
      const clean = await prePush(repo, remote, [MAIN]);
      expect(clean.status, output(clean)).toBe(0);
    } finally {
      fork.remove();
    }
  });

  it('scans what a force push makes new, not what it replaces', async ({ repo, remote }) => {
    repo.commit('one', { 'a.txt': 'one\n' });
    repo.commit('old secret, before tightlip', { 'old.ts': leak(43) });
    repo.git('push', '-q', 'origin', 'main');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.commit('new secret', { 'b.ts': leak(44) });
    const blocked = await prePush(repo, remote, [MAIN]);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('b.ts');
    expect(output(blocked)).not.toContain('old.ts');
    repo.commit('clean', { 'b.ts': 'clean\n' }, '--amend');
    const clean = await prePush(repo, remote, [MAIN]);
    expect(clean.status, output(clean)).toBe(0);
  });

  it('judges a merge on what it introduces: a secret in a conflict resolution blocks, merged history already on the remote does not', async ({
    repo,
    remote,
  }) => {
    repo.commit('init', { 'f.txt': '1\n2\n3\n' });
    repo.commit('old secret on main, before tightlip', { 'old.ts': leak(45) });
    repo.git('push', '-q', 'origin', 'main');
    repo.git('checkout', '-q', '-b', 'topic', 'HEAD~1');
    repo.commit('topic', { 'f.txt': '1\ntopic\n3\n' });
    // Merging main (with its old secret) into topic: the merge adds nothing new.
    repo.git('merge', '-q', '--no-edit', 'main');
    const merged = await prePush(repo, remote, [['refs/heads/topic', 'refs/heads/topic']]);
    expect(merged.status, output(merged)).toBe(0);

    // An "evil" merge: the resolution itself adds a secret.
    repo.git('checkout', '-q', '-b', 'other', 'main');
    repo.commit('other', { 'f.txt': '1\nother\n3\n' });
    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0); // conflict on line 2
    repo.commit('merged', { 'f.txt': `1\n${leak(46)}3\n` });
    const blocked = await prePush(repo, remote, [['refs/heads/other', 'refs/heads/other']]);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('f.txt');
    expect(output(blocked)).toContain('2:16');
  });

  it('reads a pushed source ref that holds spaces (HEAD^{/message}) and judges its commits', async ({
    repo,
    remote,
  }) => {
    pushed(repo, remote);
    repo.commit('fix the bug', { 'b.txt': 'clean\n' });
    const clean = await prePush(repo, remote, [['HEAD^{/fix the bug}', 'refs/heads/fixed']]);
    expect(clean.status, output(clean)).toBe(0);

    repo.commit('add the key', { 'leak.ts': leak(54) });
    const blocked = await prePush(repo, remote, [['HEAD^{/add the key}', 'refs/heads/keyed']]);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('leak.ts');
    expect(output(blocked)).not.toContain('could not finish');
  });

  it('scans several refs in one push', async ({ repo, remote }) => {
    pushed(repo, remote);
    repo.git('checkout', '-q', '-b', 'one');
    repo.commit('one', { 'one.txt': 'clean\n' });
    repo.git('checkout', '-q', '-b', 'two', 'main');
    repo.commit('two', { 'two.ts': leak(47) });
    const blocked = await prePush(repo, remote, [
      ['refs/heads/one', 'refs/heads/one'],
      ['refs/heads/two', 'refs/heads/two'],
    ]);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('two.ts');
    expect(output(blocked)).not.toContain('one.txt');
  });

  it("reads PRE_COMMIT_* variables when git's input is not passed on (the pre-commit framework), and needs a remote", async ({
    repo,
    remote,
  }) => {
    repo.commit('old secret, on the remote', { 'old.ts': leak(49) });
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('new secret', { 'new.ts': leak(50) });
    expect(existsSync(remote.path('refs', 'heads', 'main'))).toBe(true);
    const env = {
      PRE_COMMIT_REMOTE_NAME: 'origin',
      PRE_COMMIT_TO_REF: 'HEAD',
      PRE_COMMIT_FROM_REF: 'origin/main',
      PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/main',
    };
    const result = await runMain(repo, ['pre-push', '--format', 'json'], { env });
    expect(result.status, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { path: string }) => f.path)).toEqual([
      'new.ts',
    ]);
    const none = await runMain(repo, ['pre-push']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('give the remote');
  });

  it('refuses input that is not ref updates instead of scanning nothing', async ({
    repo,
    remote,
  }) => {
    pushed(repo, remote);
    const result = await runMain(repo, ['pre-push', 'origin'], {
      stdin: 'refs/heads/main HEAD refs/heads/main 0\n',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pre-push input line 1');
  });
});
