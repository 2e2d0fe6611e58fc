import { describe, expect } from 'vitest';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { guardRemoteCodename, install, leak, output } from './helpers.js';

// Real `git push` to a local bare remote, through the pre-push hook (client) and the
// pre-receive hook (server), which run the real bin: git's stdin protocol, chaining, and
// the server's quarantine. What they judge is tested in process in pre-push.test.ts,
// pre-receive.test.ts and push-tags.test.ts.

function remoteHas(remote: TempDir, ref: string): boolean {
  return remote.run('git', ['rev-parse', '--verify', '--quiet', ref]).status === 0;
}

describe('pre-push hook', () => {
  it("blocks a push of a commit made with --no-verify, pushes once it is rewritten, and gives git's ref updates to a chained hook too", async ({
    repo,
    remote,
  }) => {
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.write(
      '.git/hooks/pre-push',
      '#!/bin/sh\nwhile read local sha remote rsha; do echo "existing pre-push saw $remote" >&2; done\n',
    );
    repo.run('chmod', ['+x', '.git/hooks/pre-push']);
    await install(repo, ['pre-push']);
    repo.commit('sneaky', { 'leak.ts': leak(41) });
    const blocked = repo.run('git', ['push', 'origin', 'main']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('leak.ts');
    expect(output(blocked)).toContain('git push --no-verify (CI scans anyway)');
    expect(output(blocked)).not.toContain(fakeGithubToken(41));
    expect(remote.git('rev-list', '--count', 'main').trim()).toBe('1');

    repo.git('rm', '-q', 'leak.ts');
    repo.commit('no leak', {}, '--amend', '--allow-empty');
    const pushed = repo.run('git', ['push', 'origin', 'main', 'main:refs/heads/copy']);
    expect(pushed.status, output(pushed)).toBe(0);
    expect(pushed.stderr).toContain('existing pre-push saw refs/heads/main');
    expect(pushed.stderr).toContain('existing pre-push saw refs/heads/copy');
    expect(remote.rev('main')).toBe(repo.rev('main'));
    expect(remoteHas(remote, 'refs/heads/copy')).toBe(true);
  });
});

describe('pre-receive hook (server side)', () => {
  it("rejects a push adding a secret, inside git's quarantine, with a readable message; accepts a clean one; fails closed", async ({
    repo,
    remote,
  }) => {
    guardRemoteCodename(remote);
    await install(remote);
    repo.commit('init', { 'a.txt': 'clean\n' });
    const clean = repo.run('git', ['push', 'origin', 'main']);
    expect(clean.status, output(clean)).toBe(0);

    repo.commit('leak', { 'src/leak.ts': leak(48) });
    repo.git('tag', '-a', 'v1', '-m', 'Mythos release');
    const rejected = repo.run('git', ['push', 'origin', 'main', 'v1']);
    expect(rejected.status).not.toBe(0);
    expect(rejected.stderr).toContain('remote: src/leak.ts');
    expect(rejected.stderr).toContain('github-pat');
    expect(rejected.stderr).toContain('refs/tags/v1');
    expect(rejected.stderr).toContain('Push rejected by tightlip on the server');
    expect(rejected.stderr).toContain('pre-receive hook declined');
    expect(rejected.stderr).not.toContain(fakeGithubToken(48));
    expect(remote.git('rev-list', '--count', 'main').trim()).toBe('1');
    expect(remoteHas(remote, 'refs/tags/v1')).toBe(false);

    remote.write('tightlip.config.json', '{ broken');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.commit('clean', { 'b.txt': 'clean\n' });
    const broken = repo.run('git', ['push', 'origin', 'main']);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain('not valid JSON');
    expect(broken.stderr).toContain('it blocks whenever it cannot check');
  });
});
