import { describe, expect } from 'vitest';
import type { TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { readRange } from '../src/index.js';
import { collect, describeItems, LIMITS, open } from './items.js';

/** main: an old line; topic (from main): a clean commit, a line added then removed again. */
function createHistory(repo: TempDir) {
  const base = repo.commit('old on main', { 'old.txt': 'old\n' });
  repo.git('checkout', '-q', '-b', 'topic');
  const clean = repo.commit('clean', { 'a.txt': 'clean\n' });
  const added = repo.commit('add a line', { 'b.txt': 'x\nadded\n' });
  repo.git('rm', '-q', 'b.txt');
  const removed = repo.commit('remove it again');
  return { base, clean, added, removed };
}

describe('readRange', () => {
  it('yields every commit of <base>..<head> on its own: a line added then removed is found, history before the base is not', async ({
    repo,
  }) => {
    const commits = createHistory(repo);
    const expected = [
      'message removed: remove it again @removed',
      'message added: add a line @added',
      'file-name b.txt @added',
      'content b.txt 1: x @added',
      'content b.txt 2: added @added',
      'message clean: clean @clean',
      'file-name a.txt @clean',
      'content a.txt 1: clean @clean',
    ];
    const git = await open(repo);
    for (const range of [`${commits.base}..topic`, `${commits.base}...topic`]) {
      expect(
        describeItems(await collect(readRange(git, { range }, LIMITS)), commits),
        range,
      ).toEqual(expected);
    }
    // --base: the commits on head (HEAD by default) since its merge-base with base.
    repo.git('checkout', '-q', 'main');
    repo.commit('later on main', { 'later.txt': 'later\n' });
    expect(
      describeItems(
        await collect(readRange(git, { base: 'main', head: 'topic' }, LIMITS)),
        commits,
      ),
    ).toEqual(expected);
    repo.git('checkout', '-q', 'topic');
    expect(describeItems(await collect(readRange(git, { base: 'main' }, LIMITS)), commits)).toEqual(
      expected,
    );
    expect(await collect(readRange(git, { range: 'topic~3..topic~2' }, LIMITS))).toHaveLength(3);
  });

  it('refuses what is not a range, an unknown revision and an option, saying which', async ({
    repo,
  }) => {
    createHistory(repo);
    const git = await open(repo);
    await expect(collect(readRange(git, { range: 'HEAD' }, LIMITS))).rejects.toMatchObject({
      code: 'GIT_BAD_RANGE',
      message: expect.stringContaining('not a range: HEAD'),
    });
    await expect(collect(readRange(git, { range: 'nope..HEAD' }, LIMITS))).rejects.toMatchObject({
      code: 'GIT_BAD_REVISION',
      message: expect.stringContaining('unknown revision nope'),
    });
    await expect(collect(readRange(git, { base: '--all' }, LIMITS))).rejects.toMatchObject({
      code: 'GIT_BAD_REVISION',
      message: 'not a revision: --all',
    });
  });
});
