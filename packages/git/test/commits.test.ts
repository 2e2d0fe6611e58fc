import { describe, expect } from 'vitest';
import { hideSubmodule, stageSubmodule, utf16 } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { readCommits } from '../src/index.js';
import { collect, describeItems, LIMITS, open } from './items.js';

describe('readCommits', () => {
  it("yields each commit's message, the paths it creates and the lines it adds, attributed to it", async ({
    repo,
  }) => {
    const first = repo.commit('First\n\nwith a body', { 'a.txt': 'one\ntwo\n' });
    const second = repo.commit('Second', {
      'a.txt': 'one\nTWO\n',
      'dir with space/b.txt': 'new\n',
    });
    repo.git('rm', '-q', 'dir with space/b.txt');
    const third = repo.commit('Third: only a deletion');
    const items = await collect(readCommits(await open(repo), ['HEAD'], LIMITS));
    expect(describeItems(items, { first, second, third })).toEqual([
      'message third: Third: only a deletion @third',
      'message second: Second @second',
      'content a.txt 2: TWO @second',
      'file-name dir with space/b.txt @second',
      'content dir with space/b.txt 1: new @second',
      'message first: First\n\nwith a body @first',
      'file-name a.txt @first',
      'content a.txt 1: one @first',
      'content a.txt 2: two @first',
    ]);
    // Revision arguments as `git log` takes them.
    expect(
      describeItems(await collect(readCommits(await open(repo), [third, `^${first}`], LIMITS)), {
        second,
        third,
      }).filter((line) => line.startsWith('message')),
    ).toEqual(['message third: Third: only a deletion @third', 'message second: Second @second']);
  });

  it('judges a merge on what it introduces: nothing for a clean merge, the lines of a conflict resolution', async ({
    repo,
  }) => {
    repo.commit('init', { 'f.txt': '1\n2\n3\n' });
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('topic', { 'f.txt': '1\ntopic\n3\n', 'topic.txt': 'from topic\n' });
    repo.git('checkout', '-q', 'main');
    const main = repo.commit('main', { 'other.txt': 'from main\n' });
    repo.git('merge', '-q', '--no-edit', 'topic');
    const clean = repo.rev('HEAD');
    expect(
      describeItems(
        await collect(readCommits(await open(repo), [clean, `^${main}`, '^topic'], LIMITS)),
        { clean },
      ),
    ).toEqual(["message clean: Merge branch 'topic' @clean"]);

    // An "evil" merge: the resolution adds a line neither parent has.
    repo.git('reset', '-q', '--hard', main);
    repo.commit('main again', { 'f.txt': '1\nmain\n3\n' });
    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0); // conflict on line 2
    const evil = repo.commit('resolved', { 'f.txt': '1\nneither side\n3\n' });
    expect(
      describeItems(
        await collect(readCommits(await open(repo), [evil, '^HEAD^1', '^HEAD^2'], LIMITS)),
        { evil },
      ),
    ).toEqual(['message evil: resolved @evil', 'content f.txt 2: neither side @evil']);
  });

  it('reads UTF-16 files (either byte order), which git calls binary: only the lines a commit adds count; real binaries come whole, as bytes', async ({
    repo,
  }) => {
    repo.commit('before', {
      'legacy.reg': utf16('[keys]\r\nold=1\r\n'),
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    });
    const added = repo.commit('utf-16', {
      'le.txt': utf16('first\nk=le', 'le'),
      'be.txt': utf16('first\nk=be', 'be'),
      'legacy.reg': utf16('[keys]\r\nold=1\r\nname=demo'),
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0e]),
    });
    const items = await collect(readCommits(await open(repo), ['HEAD^!'], LIMITS));
    expect(describeItems(items, { added }).sort()).toEqual(
      [
        'message added: utf-16 @added',
        'file-name be.txt @added',
        'content be.txt 1: first @added',
        'content be.txt 2: k=be @added',
        'file-name le.txt @added',
        'content le.txt 1: first @added',
        'content le.txt 2: k=le @added',
        'content legacy.reg 3: name=demo @added',
        'bytes logo.png',
      ].sort(),
    );
  });

  it('sees a submodule path that diff.ignoreSubmodules and .gitmodules hide', async ({ repo }) => {
    hideSubmodule(repo, 'vendor/hidden-sdk');
    repo.commit('init');
    stageSubmodule(repo, 'vendor/hidden-sdk');
    repo.git('commit', '-q', '--allow-empty', '-m', 'add the sdk'); // git itself ignores the entry too
    const added = repo.rev('HEAD');
    expect(
      describeItems(await collect(readCommits(await open(repo), ['HEAD^!'], LIMITS)), { added }),
    ).toEqual(['message added: add the sdk @added', 'file-name vendor/hidden-sdk @added']);
  });

  it('asks git for fully buffered output (GIT_FLUSH=0) in what it streams, not in a process it talks to a request at a time', async ({
    repo,
  }) => {
    repo.commit('one', { 'a.txt': 'a\n' });
    const git = await open(repo);
    // An alias of git's own that prints what the command sees.
    const args = ['-c', 'alias.flush=!printf "%s\\n" "${GIT_FLUSH-unset}"', 'flush'];
    const lines: string[] = [];
    for await (const batch of git.lineBatches(args)) lines.push(...batch);
    expect(lines).toEqual(['0']);
    const chunks: Buffer[] = [];
    for await (const chunk of git.chunks(args, '')) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('0\n');
    expect(await git.raw(args)).toBe('unset\n');
    // A batch process (check-attr --stdin) must answer each request at once: flushed.
    const child = git.spawn(args);
    child.stdin.end();
    const answered: Buffer[] = [];
    for await (const chunk of child.stdout) answered.push(chunk as Buffer);
    expect(Buffer.concat(answered).toString('utf8')).toBe('unset\n');
    expect(await collect(readCommits(git, ['HEAD'], LIMITS))).toHaveLength(3);
  });
});
