import { readFileSync, realpathSync } from 'node:fs';
import { describe, expect, vi } from 'vitest';
import type { TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import {
  openRepository,
  readReceiveChanges,
  startReceiveChanges,
  type Git,
  type ReceiveUpdate,
} from '../src/index.js';
import { collect, describeItems, LIMITS, open } from './items.js';

const ZERO = '0'.repeat(40);

/**
 * Makes every object of `repo` readable in the bare `remote`, with no ref of the remote
 * pointing at them: what a pre-receive hook sees of a push (git's quarantine does the same
 * with an alternate object directory).
 */
function receiveObjects(repo: TempDir, remote: TempDir): void {
  remote.write('objects/info/alternates', `${repo.path('.git', 'objects')}\n`);
}

async function received(remote: TempDir, updates: ReceiveUpdate[]): Promise<string[]> {
  const items = await collect(readReceiveChanges(await open(remote), updates, LIMITS));
  return describeItems(items).map((line) =>
    line.replace(/ @[0-9a-f]{40}$/, '').replace(/^message [0-9a-f]{40}:/, 'message:'),
  );
}

describe('readReceiveChanges', () => {
  it('reads the commits no ref of the server has yet, and the names of refs the push creates', async ({
    repo,
    remote,
  }) => {
    const old = repo.commit('on the server', { 'old.txt': 'old\n' });
    repo.git('push', '-q', 'origin', 'main', 'main:refs/heads/feature/old');
    const next = repo.commit('pushed now', { 'b.txt': 'new\n' });
    receiveObjects(repo, remote);
    expect(await received(remote, [{ oldId: old, newId: next, ref: 'refs/heads/main' }])).toEqual([
      'message: pushed now',
      'file-name b.txt',
      'content b.txt 1: new',
    ]);
    expect(await received(remote, [{ oldId: ZERO, newId: next, ref: 'refs/heads/topic' }])).toEqual(
      [
        'ref refs/heads/topic: refs/heads/topic',
        'message: pushed now',
        'file-name b.txt',
        'content b.txt 1: new',
      ],
    );
    // A deletion adds nothing.
    expect(
      await received(remote, [{ oldId: old, newId: ZERO, ref: 'refs/heads/feature/old' }]),
    ).toEqual([]);
  });

  it("reads a pushed annotated tag's name and message, and the commit it tags when the server lacks it", async ({
    repo,
    remote,
  }) => {
    repo.commit('on the server', { 'a.txt': 'a\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('only tagged', { 'tagged.txt': 'tagged\n' });
    repo.git('tag', '-a', 'v2', '-m', 'release notes');
    receiveObjects(repo, remote);
    expect(
      await received(remote, [{ oldId: ZERO, newId: repo.rev('v2'), ref: 'refs/tags/v2' }]),
    ).toEqual([
      'ref refs/tags/v2: refs/tags/v2',
      'ref refs/tags/v2: v2',
      'message refs/tags/v2: release notes',
      'message: only tagged',
      'file-name tagged.txt',
      'content tagged.txt 1: tagged',
    ]);
  });

  it('opens the bare repository of a server hook (GIT_DIR set) with a single git process', async ({
    remote,
  }) => {
    const trace = remote.path('trace.log');
    const git = await openRepository(remote.dir, {
      allowBare: true,
      env: { ...remote.env, GIT_DIR: '.', GIT_TRACE: trace },
    });
    expect({ bare: git.bare, root: git.root, gitDir: git.gitDir }).toEqual({
      bare: true,
      root: realpathSync(remote.dir),
      gitDir: realpathSync(remote.dir),
    });
    expect(readFileSync(trace, 'utf8').match(/trace: built-in: git /g)).toHaveLength(1);
  });

  it('starts git (its log and the peeling of the pushed ids) before the items are asked for', async ({
    repo,
    remote,
  }) => {
    const next = repo.commit('pushed now', { 'b.txt': 'new\n' });
    receiveObjects(repo, remote);
    const trace = remote.path('trace.log');
    const changes = startReceiveChanges(await open(remote, { GIT_TRACE: trace }), [
      { oldId: ZERO, newId: next, ref: 'refs/heads/topic' },
    ]);
    try {
      await vi.waitFor(() => expect(readFileSync(trace, 'utf8')).toMatch(/built-in: git log /), {
        timeout: 10_000,
      });
      expect(describeItems(await collect(changes.items(LIMITS)))).toEqual([
        'ref refs/heads/topic: refs/heads/topic',
        `message ${next}: pushed now @${next}`,
        `file-name b.txt @${next}`,
        `content b.txt 1: new @${next}`,
      ]);
    } finally {
      await changes.close();
    }
  });

  it('starts the log of the pushed ids before their peeling ends: no git process waits for another', async ({
    repo,
    remote,
  }) => {
    const next = repo.commit('pushed now', { 'b.txt': 'new\n' });
    receiveObjects(repo, remote);
    const real = await open(remote);
    const events: string[] = [];
    const git: Git = {
      ...real,
      raw: async (args) => {
        const out = await real.raw(args);
        events.push(`${args[0]} done`);
        return out;
      },
      lineBatches: (args) => {
        events.push(`${args[0]} started`);
        return real.lineBatches(args);
      },
    };
    const changes = startReceiveChanges(git, [
      { oldId: ZERO, newId: next, ref: 'refs/heads/topic' },
    ]);
    try {
      expect(describeItems(await collect(changes.items(LIMITS)))).toEqual([
        'ref refs/heads/topic: refs/heads/topic',
        `message ${next}: pushed now @${next}`,
        `file-name b.txt @${next}`,
        `content b.txt 1: new @${next}`,
      ]);
      expect(events).toEqual(['log started', 'cat-file done']);
    } finally {
      await changes.close();
    }
  });

  it('reads the commits of a push that also points a ref at a blob (the log of the pushed ids fails, the tips are read)', async ({
    repo,
    remote,
  }) => {
    const blob = repo
      .run('git', ['hash-object', '-w', '--stdin'], { input: 'a blob' })
      .stdout.trim();
    const next = repo.commit('pushed now', { 'b.txt': 'new\n' });
    receiveObjects(repo, remote);
    expect(
      await received(remote, [
        { oldId: ZERO, newId: blob, ref: 'refs/tags/blob' },
        { oldId: ZERO, newId: next, ref: 'refs/heads/topic' },
      ]),
    ).toEqual([
      'ref refs/tags/blob: refs/tags/blob',
      'ref refs/tags/blob: a blob',
      'ref refs/heads/topic: refs/heads/topic',
      'message: pushed now',
      'file-name b.txt',
      'content b.txt 1: new',
    ]);
  });
});
