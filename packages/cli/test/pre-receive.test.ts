import { describe, expect } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { guardRemoteCodename, leak, output, preReceive } from './helpers.js';

// What the pre-receive hook (server side) judges, in process, in a bare repository that
// can read the pushed objects, with git's `<old> <new> <ref>` lines on stdin. The source
// is tested in packages/git/test/receive.test.ts; a real push into git's quarantine in
// push.e2e.test.ts.

describe('tightlip pre-receive', () => {
  it('rejects a push adding a secret or a codename with a readable message, and accepts a clean one', async ({
    repo,
    remote,
  }) => {
    guardRemoteCodename(remote);
    repo.commit('init', { 'a.txt': 'clean\n' });
    const clean = await preReceive(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    expect(clean.status, output(clean)).toBe(0);
    repo.git('push', '-q', 'origin', 'main');

    repo.commit('leak', { 'src/leak.ts': leak(48) });
    const rejected = await preReceive(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    expect(rejected.status).toBe(1);
    expect(output(rejected)).toContain('src/leak.ts');
    expect(output(rejected)).toContain('github-pat');
    expect(output(rejected)).toContain('Push rejected by tightlip on the server');
    expect(output(rejected)).not.toContain(fakeGithubToken(48));

    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.git('checkout', '-q', '-b', 'feature/mythos-launch');
    const named = await preReceive(repo, remote, [
      ['refs/heads/feature/mythos-launch', 'refs/heads/feature/mythos-launch'],
    ]);
    expect(named.status).toBe(1);
    expect(output(named)).toContain('refs/heads/feature/[terms.txt:1]-launch');
    expect(output(named)).not.toMatch(/mythos/i);
  });

  it('gives advice that works on a server: no baseline (a pushed one is not used), an inline allow or the administrator', async ({
    repo,
    remote,
  }) => {
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('leak', { 'src/leak.ts': leak(49) });
    const rejected = await preReceive(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    expect(rejected.status).toBe(1);
    expect(output(rejected)).not.toContain('baseline update');
    expect(output(rejected)).toContain('ask the server administrator');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.commit('allowed', {
      'src/leak.ts': `${leak(49).trimEnd()} // tightlip:allow github-pat -- revoked test token\n`,
    });
    const allowed = await preReceive(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    expect(allowed.status, output(allowed)).toBe(0);
  });

  it('fails (exit 2) when the server config is broken, saying why', async ({ repo, remote }) => {
    guardRemoteCodename(remote);
    remote.write('tightlip.config.json', '{ broken');
    repo.commit('init', { 'a.txt': 'clean\n' });
    const result = await preReceive(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('not valid JSON');
  });
});
