import { afterEach, describe, expect, it } from 'vitest';
import { fakeGithubToken, type RunResult, type TempDir } from '@tightlip/fixtures';
import { commitAll, createRepoWithRemote, guardCodename, guardRemoteCodename, install, output } from './git-setup.js';

// Tags pushed for real (`git push` to a local bare remote), judged by the client's
// pre-push hook and by the server's pre-receive hook: each case runs against both.

type Side = 'pre-push' | 'pre-receive';
const SIDES: Side[] = ['pre-push', 'pre-receive'];

let setup: ReturnType<typeof createRepoWithRemote> | undefined;
afterEach(() => setup?.remove());

const leak = (seed: number) => `const token = "${fakeGithubToken(seed)}";\n`;

/** A repository whose `main` is on the remote, guarded (codename Mythos, credentials) on `side`. */
function guarded(side: Side): { repo: TempDir; remote: TempDir } {
  setup = createRepoWithRemote();
  const { repo, remote } = setup;
  repo.write('a.txt', 'clean\n');
  commitAll(repo, 'init');
  repo.git('push', '-q', 'origin', 'main');
  if (side === 'pre-push') {
    guardCodename(repo);
    install(repo, ['--hook', 'pre-push']);
  } else {
    guardRemoteCodename(remote);
    install(remote);
  }
  return { repo, remote };
}

function push(repo: TempDir, ...args: string[]): RunResult {
  return repo.run('git', ['push', ...args]);
}

function expectBlocked(result: RunResult, ...mentions: string[]): void {
  expect(result.status, output(result)).not.toBe(0);
  for (const text of mentions) expect(output(result)).toContain(text);
  // Git's own summary (`mythos-rc -> v3`) names what the user typed; tightlip's report masks it.
  const report = output(result).split('\n').filter((line) => !line.includes(' -> '));
  expect(report.join('\n')).not.toMatch(/mythos/i);
}

function remoteHas(remote: TempDir, ref: string): boolean {
  return remote.run('git', ['rev-parse', '--verify', '--quiet', ref]).status === 0;
}

describe.each(SIDES)('pushed tags, judged by the %s hook', (side) => {
  it('an annotated tag of a commit that no branch pushes: the commit is scanned', () => {
    const { repo, remote } = guarded(side);
    repo.write('leak.ts', leak(71));
    commitAll(repo, 'leak', ['--no-verify']);
    repo.git('tag', '-a', 'v2', '-m', 'release');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    expectBlocked(push(repo, 'origin', 'v2'), 'leak.ts', 'github-pat');
    expect(remoteHas(remote, 'refs/tags/v2')).toBe(false);
  });

  it('a tag moved with push -f: its new message is read', () => {
    const { repo, remote } = guarded(side);
    repo.git('tag', '-a', 'v2', '-m', 'release');
    const first = push(repo, 'origin', 'v2');
    expect(first.status, output(first)).toBe(0);
    repo.git('tag', '-f', '-a', 'v2', '-m', 'Release Mythos');
    expectBlocked(push(repo, '-f', 'origin', 'v2'), 'refs/tags/v2', '[terms.txt:1]');
    expect(remote.git('cat-file', 'tag', 'v2')).toContain('release');
  });

  it('a tag of a tag: the inner tag, deleted here, is read too', () => {
    const { repo, remote } = guarded(side);
    repo.git('tag', '-a', 'inner', '-m', 'Mythos notes');
    repo.git('tag', '-a', 'outer', '-m', 'ok', 'inner');
    repo.git('tag', '-d', 'inner');
    expectBlocked(push(repo, 'origin', 'outer'), 'refs/tags/outer', '[terms.txt:1]');
    expect(remoteHas(remote, 'refs/tags/outer')).toBe(false);
  });

  it("a tag pushed under another ref name: the tag object's own name is read", () => {
    const { repo, remote } = guarded(side);
    repo.git('tag', '-a', 'mythos-rc', '-m', 'ok');
    expectBlocked(push(repo, 'origin', 'mythos-rc:refs/tags/v3'), 'refs/tags/v3', '[terms.txt:1]-rc');
    expect(remoteHas(remote, 'refs/tags/v3')).toBe(false);
  });

  it("a lightweight tag of a blob: the blob's content is scanned", () => {
    const { repo, remote } = guarded(side);
    const blob = repo.run('git', ['hash-object', '-w', '--stdin'], { input: leak(72) }).stdout.trim();
    repo.git('tag', 'blobtag', blob);
    expectBlocked(push(repo, 'origin', 'blobtag'), 'refs/tags/blobtag', 'github-pat');
    expect(output(push(repo, 'origin', 'blobtag'))).not.toContain(fakeGithubToken(72));
    expect(remoteHas(remote, 'refs/tags/blobtag')).toBe(false);
  });

  it('a tag of a tree cannot be judged: the push is blocked, saying why', () => {
    const { repo, remote } = guarded(side);
    repo.git('tag', 'treetag', 'HEAD^{tree}');
    expectBlocked(push(repo, 'origin', 'treetag'), 'points at a tree', 'it blocks whenever it cannot check');
    expect(remoteHas(remote, 'refs/tags/treetag')).toBe(false);
  });

  it('a clean annotated tag, created and then moved, goes through', () => {
    const { repo, remote } = guarded(side);
    repo.git('tag', '-a', 'v1', '-m', 'Release notes');
    const created = push(repo, 'origin', 'v1');
    expect(created.status, output(created)).toBe(0);
    repo.git('tag', '-f', '-a', 'v1', '-m', 'Release notes, again');
    const moved = push(repo, '-f', 'origin', 'v1');
    expect(moved.status, output(moved)).toBe(0);
    expect(remote.git('cat-file', 'tag', 'v1')).toContain('again');
  });
});
