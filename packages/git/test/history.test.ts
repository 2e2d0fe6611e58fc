import { describe, expect } from 'vitest';
import type { SourceItem } from '@tightlip/core';
import { it } from '@tightlip/fixtures/vitest';
import { createHistorySource, type HistorySelection } from '../src/index.js';
import { collect, describeItems, LIMITS, open } from './items.js';

/** The items of a history audit, read without scanning (no finding ever reported back). */
async function audit(
  dir: Parameters<typeof open>[0],
  selection: Partial<HistorySelection> = {},
): Promise<SourceItem[]> {
  const source = createHistorySource(await open(dir), { revisions: [], ...selection });
  return collect(source.items(LIMITS));
}

const long = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `const line${from + i} = compute(${from + i});\n`).join(
    '',
  );

describe('createHistorySource', () => {
  it('reads each commit message, each path once, each new blob once, and of a changed file only what changed', async ({
    repo,
  }) => {
    const first = repo.commit('first', { 'a.txt': long(400), 'b.txt': 'same\n' });
    const second = repo.commit('second', {
      'a.txt': long(400).replace('compute(200)', 'changed(200)'),
      'copy.txt': 'same\n', // the blob of b.txt again: not read twice
    });
    repo.git('rm', '-q', 'b.txt');
    const third = repo.commit('third: a removal only');
    const items = describeItems(await audit(repo), { first, second, third });
    expect(items.filter((line) => !line.startsWith('content a.txt'))).toEqual([
      'message first: first @first',
      'file-name a.txt @first',
      'file-name b.txt @first',
      'message second: second @second',
      'file-name copy.txt @second',
      'message third: third: a removal only @third',
      'bytes a.txt',
      'bytes b.txt',
      'ref refs/heads/main: refs/heads/main',
    ]);
    // The change, with one line of context around it: its line counts (the part's second;
    // its line in the blob, 201, is counted only for findings: see the CLI's history tests).
    expect(items.filter((line) => line.startsWith('content a.txt'))).toEqual([
      'content a.txt 2: const line200 = changed(200); @second',
    ]);
  });

  it('walks the selected refs only: branches, tags, given revisions, since a date, the last commits', async ({
    repo,
  }) => {
    const commitOn = (date: string, message: string, file: string) => {
      repo.write(file, `${message}\n`);
      repo.git('add', file);
      const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
      expect(repo.run('git', ['commit', '-q', '-m', message], { env }).status).toBe(0);
    };
    commitOn('2020-01-01T00:00:00Z', 'on main', 'main.txt');
    repo.git('checkout', '-q', '-b', 'side');
    commitOn('2024-01-01T00:00:00Z', 'on side', 'side.txt');
    repo.git('checkout', '-q', 'main');
    repo.git('tag', '-a', 'v1', '-m', 'release notes', 'side');
    repo.git('update-ref', 'refs/notes/other', 'side');
    const messages = async (selection: Partial<HistorySelection>) =>
      describeItems(await audit(repo, selection)).filter(
        (line) => line.startsWith('message') || line.startsWith('ref'),
      );
    expect(await messages({})).toEqual([
      expect.stringMatching(/^message \w+: on main @/),
      expect.stringMatching(/^message \w+: on side @/),
      'ref refs/heads/main: refs/heads/main',
      'ref refs/heads/side: refs/heads/side',
      'ref refs/notes/other: refs/notes/other',
      'ref refs/tags/v1: refs/tags/v1',
      'ref refs/tags/v1: v1',
      'message refs/tags/v1: release notes',
    ]);
    expect(await messages({ branches: true })).toEqual([
      expect.stringMatching(/^message \w+: on main @/),
      expect.stringMatching(/^message \w+: on side @/),
      'ref refs/heads/main: refs/heads/main',
      'ref refs/heads/side: refs/heads/side',
    ]);
    expect(await messages({ revisions: ['main'] })).toEqual([
      expect.stringMatching(/^message \w+: on main @/),
      'ref main: main',
    ]);
    // The tag's commits, its names and message, and no branch.
    expect(await messages({ tags: true })).toEqual([
      expect.stringMatching(/^message \w+: on main @/),
      expect.stringMatching(/^message \w+: on side @/),
      'ref refs/tags/v1: refs/tags/v1',
      'ref refs/tags/v1: v1',
      'message refs/tags/v1: release notes',
    ]);
    const recent = (await messages({ since: '2023-01-01' })).filter((l) => l.startsWith('message'));
    expect(recent).toEqual([
      expect.stringMatching(/^message \w+: on side @/),
      'message refs/tags/v1: release notes',
    ]);
    const last = (await messages({ maxCount: 1 })).filter((l) => l.startsWith('message'));
    expect(last).toEqual([
      expect.stringMatching(/^message \w+: on side @/),
      'message refs/tags/v1: release notes',
    ]);
    await expect(audit(repo, { revisions: ['nope'] })).rejects.toMatchObject({
      code: 'GIT_BAD_REVISION',
    });
  });

  it('has nothing to read in an empty repository', async ({ remote }) => {
    expect(await audit(remote)).toEqual([]);
  });
});
