import { describe, expect } from 'vitest';
import { createBareRepo, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { readPushChanges, type PushUpdate } from '../src/index.js';
import { collect, describeItems, LIMITS, open } from './items.js';

const ZERO = '0'.repeat(40);

/** The pre-push line for pushing `local` (a revision, or null to delete) to `remoteRef` on `remote`, as git writes it. */
function update(repo: TempDir, remote: TempDir, local: string | null, remoteRef: string): PushUpdate {
  const old = remote.run('git', ['rev-parse', '--verify', '--quiet', remoteRef]).stdout.trim();
  return { localRef: local ?? '(delete)', localId: local === null ? ZERO : repo.rev(local), remoteRef, remoteId: old || ZERO };
}

async function pushed(repo: TempDir, updates: PushUpdate[], target: { remote?: string; url?: string } = {}): Promise<string[]> {
  const items = await collect(readPushChanges(await open(repo), { remote: target.remote ?? 'origin', ...(target.url ? { url: target.url } : {}), updates }, LIMITS));
  return describeItems(items).map((line) => line.replace(/ @[0-9a-f]{40}$/, '').replace(/^message [0-9a-f]{40}:/, 'message:'));
}

describe('readPushChanges', () => {
  it('reads only the new commits of a new branch, and its name; what the remote has is not read again', async ({ repo, remote }) => {
    repo.commit('on the remote', { 'old.txt': 'old\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('new work', { 'b.txt': 'new\n' });
    expect(await pushed(repo, [update(repo, remote, 'refs/heads/topic', 'refs/heads/topic')])).toEqual([
      'ref refs/heads/topic: refs/heads/topic',
      'message: new work',
      'file-name b.txt',
      'content b.txt 1: new',
    ]);
  });

  it('reads what a force push makes new, not what it replaces; a remote tip never fetched is no error', async ({ repo, remote }) => {
    repo.commit('one', { 'a.txt': 'one\n' });
    repo.commit('replaced', { 'old.txt': 'replaced\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.commit('replacement', { 'b.txt': 'new\n' });
    const force = update(repo, remote, 'refs/heads/main', 'refs/heads/main');
    expect(await pushed(repo, [force])).toEqual(['message: replacement', 'file-name b.txt', 'content b.txt 1: new']);
    // The remote moved on since the last fetch: its tip is unknown here.
    expect(await pushed(repo, [{ ...force, remoteId: 'f'.repeat(40) }])).toEqual(['message: replacement', 'file-name b.txt', 'content b.txt 1: new']);
  });

  it('skips deletions', async ({ repo, remote }) => {
    repo.commit('one', { 'a.txt': 'one\n' });
    repo.git('push', '-q', 'origin', 'main', 'main:refs/heads/feature/old');
    expect(await pushed(repo, [update(repo, remote, null, 'refs/heads/feature/old')])).toEqual([]);
  });

  it('reads several refs in one walk: a commit pushed under two names is read once', async ({ repo, remote }) => {
    repo.commit('one', { 'a.txt': 'one\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.git('checkout', '-q', '-b', 'two');
    repo.commit('two', { 'two.txt': 'two\n' });
    const lines = await pushed(repo, [update(repo, remote, 'refs/heads/two', 'refs/heads/two'), update(repo, remote, 'refs/heads/two', 'refs/heads/also-two')]);
    expect(lines).toEqual(['ref refs/heads/two: refs/heads/two', 'ref refs/heads/also-two: refs/heads/also-two', 'message: two', 'file-name two.txt', 'content two.txt 1: two']);
  });

  it('trusts remote-tracking refs only when the push goes where they were fetched from', async ({ repo, remote }) => {
    repo.commit('one', { 'a.txt': 'one\n' });
    repo.commit('only ever at the fetch URL', { 'upstream.txt': 'upstream\n' });
    repo.git('push', '-q', 'origin', 'main');
    const fork = createBareRepo('tightlip-fork-');
    try {
      const toFork = update(repo, fork, 'refs/heads/main', 'refs/heads/main');
      const all = await pushed(repo, [toFork], { url: fork.dir });
      expect(all).toContain('content upstream.txt 1: upstream');
      expect(all.filter((line) => line.startsWith('message'))).toEqual(['message: only ever at the fetch URL', 'message: one']);
      // A separate push URL: the tracking refs describe the fetch URL, not the push target.
      repo.git('remote', 'set-url', '--push', 'origin', fork.dir);
      expect(await pushed(repo, [toFork], { url: fork.dir })).toEqual(all);
      // Pushing to a URL rather than a remote's name: nothing to trust.
      expect(await pushed(repo, [toFork], { remote: fork.dir, url: fork.dir })).toEqual(all);
      // The URL the tracking refs came from.
      repo.git('remote', 'set-url', '--delete', '--push', 'origin', fork.dir);
      repo.commit('clean', { 'b.txt': 'b\n' });
      expect(await pushed(repo, [update(repo, remote, 'refs/heads/main', 'refs/heads/main')], { url: remote.dir })).toEqual(['message: clean', 'file-name b.txt', 'content b.txt 1: b']);
    } finally {
      fork.remove();
    }
  });
});
