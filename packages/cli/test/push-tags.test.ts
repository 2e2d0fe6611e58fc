import { describe, expect } from 'vitest';
import {
  createBareRepo,
  createTempRepo,
  fakeGithubToken,
  type RunResult,
  type TempDir,
} from '@tightlip/fixtures';
import { test as base } from '@tightlip/fixtures/vitest';
import {
  guardCodename,
  guardRemoteCodename,
  leak,
  output,
  prePush,
  preReceive,
  type RefSpec,
} from './helpers.js';

// Pushed tags, judged in process by the client's pre-push and the server's pre-receive
// command: each case runs against both. Nothing is pushed (but to set a scene): each side
// gets the ref updates git would give its hook. readRefUpdates (tags of tags, blobs, trees) is tested
// in packages/git/test/refs.test.ts.

type Side = 'pre-push' | 'pre-receive';
type Push = (...updates: RefSpec[]) => Promise<RunResult>;

/**
 * For each side, a repository whose `main` is on its remote, the codename guarded on that
 * side (the client's config for pre-push, the server's for pre-receive), and `push`, which
 * runs that side's command on ref updates. Shared by the file's tests (each uses tags of
 * its own names), since setting a scene up costs more than a case.
 */
const it = base.extend<{ scenes: Record<Side, { repo: TempDir; push: Push }> }>({
  scenes: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const made: TempDir[] = [];
      const scene = (side: Side) => {
        const repo = createTempRepo();
        const remote = createBareRepo();
        made.push(repo, remote);
        repo.git('remote', 'add', 'origin', remote.dir);
        repo.commit('init', { 'a.txt': 'clean\n' });
        repo.git('push', '-q', 'origin', 'main');
        if (side === 'pre-push') guardCodename(repo);
        else guardRemoteCodename(remote);
        const push: Push = (...updates) =>
          side === 'pre-push' ? prePush(repo, remote, updates) : preReceive(repo, remote, updates);
        return { repo, push };
      };
      try {
        await use({ 'pre-push': scene('pre-push'), 'pre-receive': scene('pre-receive') });
      } finally {
        for (const temp of made) temp.remove();
      }
    },
    { scope: 'file' },
  ],
});

function expectBlocked(result: RunResult, ...mentions: string[]): void {
  expect(result.status, output(result)).not.toBe(0);
  for (const text of mentions) expect(output(result)).toContain(text);
  expect(output(result)).not.toMatch(/mythos/i);
}

const tag = (name: string, as = name): RefSpec => [`refs/tags/${name}`, `refs/tags/${as}`];

/** Creates the annotated tag `name` with `message` (a clean push, made), then moves it to one with `newMessage`; what `push` says of the move. */
async function moveTag(
  repo: TempDir,
  push: Push,
  name: string,
  message: string,
  newMessage: string,
): Promise<RunResult> {
  repo.git('tag', '-a', name, '-m', message);
  const created = await push(tag(name));
  expect(created.status, output(created)).toBe(0);
  repo.git('push', '-q', 'origin', name);
  repo.git('tag', '-f', '-a', name, '-m', newMessage);
  return push(tag(name));
}

describe.each<Side>(['pre-push', 'pre-receive'])('pushed tags, judged by %s', (side) => {
  it('an annotated tag of a commit that no branch pushes: the commit is scanned', async ({
    scenes,
  }) => {
    const { repo, push } = scenes[side];
    repo.commit('leak', { 'leak.ts': leak(71) });
    repo.git('tag', '-a', 'v4', '-m', 'release');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    expectBlocked(await push(tag('v4')), 'leak.ts', 'github-pat');
  });

  it('a tag moved with push -f: its new message is read', async ({ scenes }) => {
    const { repo, push } = scenes[side];
    expectBlocked(
      await moveTag(repo, push, 'v2', 'release', 'Release Mythos'),
      'refs/tags/v2',
      '[terms.txt:1]',
    );
  });

  it('a tag of a tag: the inner tag, deleted here, is read too', async ({ scenes }) => {
    const { repo, push } = scenes[side];
    repo.git('tag', '-a', 'inner', '-m', 'Mythos notes');
    repo.git('tag', '-a', 'outer', '-m', 'ok', 'inner');
    repo.git('tag', '-d', 'inner');
    expectBlocked(await push(tag('outer')), 'refs/tags/outer', '[terms.txt:1]');
  });

  it("a tag pushed under another ref name: the tag object's own name is read", async ({
    scenes,
  }) => {
    const { repo, push } = scenes[side];
    repo.git('tag', '-a', 'mythos-rc', '-m', 'ok');
    expectBlocked(await push(tag('mythos-rc', 'v3')), 'refs/tags/v3', '[terms.txt:1]-rc');
  });

  it("a lightweight tag of a blob: the blob's content is scanned", async ({ scenes }) => {
    const { repo, push } = scenes[side];
    const blob = repo
      .run('git', ['hash-object', '-w', '--stdin'], { input: leak(72) })
      .stdout.trim();
    repo.git('tag', 'blobtag', blob);
    const result = await push(tag('blobtag'));
    expectBlocked(result, 'refs/tags/blobtag', 'github-pat');
    expect(output(result)).not.toContain(fakeGithubToken(72));
  });

  it('a tag of a tree cannot be judged: the push is blocked, saying why', async ({ scenes }) => {
    const { repo, push } = scenes[side];
    repo.git('tag', 'treetag', 'HEAD^{tree}');
    const result = await push(tag('treetag'));
    expectBlocked(result, 'points at a tree');
    expect(result.status).toBe(2);
  });

  it('a clean annotated tag, created and then moved, goes through', async ({ scenes }) => {
    const { repo, push } = scenes[side];
    const moved = await moveTag(repo, push, 'v1', 'Release notes', 'Release notes, again');
    expect(moved.status, output(moved)).toBe(0);
  });
});
