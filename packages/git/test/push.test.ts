import { describe, expect } from 'vitest';
import { createBareRepo, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { readPushChanges, type PushUpdate } from '../src/index.js';
import { collect, describeItems, LIMITS, open } from './items.js';

const ZERO = '0'.repeat(40);

/** The pre-push line for pushing `local` (a revision, or null to delete) to `remoteRef` on `remote`, as git writes it. */
function update(
  repo: TempDir,
  remote: TempDir,
  local: string | null,
  remoteRef: string,
): PushUpdate {
  const old = remote.run('git', ['rev-parse', '--verify', '--quiet', remoteRef]).stdout.trim();
  return {
    localRef: local ?? '(delete)',
    localId: local === null ? ZERO : repo.rev(local),
    remoteRef,
    remoteId: old || ZERO,
  };
}

async function pushed(
  repo: TempDir,
  updates: PushUpdate[],
  target: { remote?: string; url?: string } = {},
): Promise<string[]> {
  const items = await collect(
    readPushChanges(
      await open(repo),
      { remote: target.remote ?? 'origin', ...(target.url ? { url: target.url } : {}), updates },
      LIMITS,
    ),
  );
  return describeItems(items).map((line) =>
    line.replace(/ @[0-9a-f]{40}$/, '').replace(/^message [0-9a-f]{40}:/, 'message:'),
  );
}

// What a push publishes, scenario by scenario (new branch, force push, merges, tags,
// several refs), is tested through `tightlip pre-push` in packages/cli/test/pre-push.test.ts;
// here, what its report cannot show.
describe('readPushChanges', () => {
  it('reads a new branch: its name and its commits the remote lacks, each once, even when pushed under two names', async ({
    repo,
    remote,
  }) => {
    repo.commit('on the remote', { 'old.txt': 'old\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('new work', { 'b.txt': 'new\n' });
    expect(
      await pushed(repo, [
        update(repo, remote, 'refs/heads/topic', 'refs/heads/topic'),
        update(repo, remote, 'refs/heads/topic', 'refs/heads/copy'),
      ]),
    ).toEqual([
      'ref refs/heads/topic: refs/heads/topic',
      'ref refs/heads/copy: refs/heads/copy',
      'message: new work',
      'file-name b.txt',
      'content b.txt 1: new',
    ]);
    // Moving a branch the remote has: no name, only what is new; a remote tip never fetched here is no error.
    const moved = update(repo, remote, 'refs/heads/topic', 'refs/heads/main');
    expect(await pushed(repo, [moved])).toEqual([
      'message: new work',
      'file-name b.txt',
      'content b.txt 1: new',
    ]);
    expect(await pushed(repo, [{ ...moved, remoteId: 'f'.repeat(40) }])).toEqual([
      'message: new work',
      'file-name b.txt',
      'content b.txt 1: new',
    ]);
    // A deletion reads nothing.
    expect(await pushed(repo, [update(repo, remote, null, 'refs/heads/main')])).toEqual([]);
  });

  it('trusts remote-tracking refs only when the push goes to the URL they were fetched from, by a remote name', async ({
    repo,
    remote,
  }) => {
    repo.commit('one', { 'a.txt': 'one\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('two', { 'b.txt': 'two\n' });
    const fork = createBareRepo('tightlip-fork-');
    try {
      const messages = async (target: { remote?: string; url?: string }) =>
        (
          await pushed(repo, [update(repo, fork, 'refs/heads/main', 'refs/heads/main')], target)
        ).filter((line) => line.startsWith('message'));
      expect(await messages({ url: remote.dir })).toEqual(['message: two']);
      expect(await messages({})).toEqual(['message: two']);
      expect(await messages({ url: fork.dir })).toEqual(['message: two', 'message: one']);
      expect(await messages({ remote: remote.dir, url: remote.dir })).toEqual([
        'message: two',
        'message: one',
      ]);
      repo.git('remote', 'set-url', '--push', 'origin', fork.dir);
      expect(await messages({ url: fork.dir })).toEqual(['message: two', 'message: one']);
    } finally {
      fork.remove();
    }
  });
});
