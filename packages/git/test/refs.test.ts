import { describe, expect } from 'vitest';
import type { SourceItem } from '@tightlip/core';
import type { TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { readRefUpdates, type RefUpdate } from '../src/refs.js';
import { describeItems, LIMITS, open } from './items.js';

/** The items `readRefUpdates` yields, and the commit ids it returns to walk. */
async function refItems(
  repo: TempDir,
  updates: RefUpdate[],
  maxFileSize = LIMITS.maxFileSize,
): Promise<{ items: string[]; tips: string[] }> {
  const source = readRefUpdates(await open(repo), updates, { maxFileSize });
  const items: SourceItem[] = [];
  for (let next = await source.next(); ; next = await source.next()) {
    if (next.done) return { items: describeItems(items), tips: next.value };
    items.push(next.value);
  }
}

describe('readRefUpdates', () => {
  it('yields the name of a ref the push creates, not of one it moves, and returns the commits to walk', async ({
    repo,
  }) => {
    const head = repo.commit('init', { 'a.txt': 'a\n' });
    expect(
      await refItems(repo, [{ ref: 'refs/heads/feature/new', id: head, created: true }]),
    ).toEqual({ items: ['ref refs/heads/feature/new: refs/heads/feature/new'], tips: [head] });
    expect(await refItems(repo, [{ ref: 'refs/heads/main', id: head, created: false }])).toEqual({
      items: [],
      tips: [head],
    });
  });

  it("reads an annotated tag's own name (which need not match the ref) and message, without its signature", async ({
    repo,
  }) => {
    const head = repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('tag', '-a', 'secret-rc', '-m', 'Release notes\n\nsecond paragraph');
    const tag = repo.rev('secret-rc');
    expect(await refItems(repo, [{ ref: 'refs/tags/v3', id: tag, created: false }])).toEqual({
      items: [
        'ref refs/tags/v3: secret-rc',
        'message refs/tags/v3: Release notes\n\nsecond paragraph',
      ],
      tips: [tag], // `git log` peels it to the commit
    });
    // A signed tag: the signature block is not part of the message.
    const signed = repo
      .run('git', ['mktag'], {
        input: `object ${head}\ntype commit\ntag signed\ntagger T <t@example.invalid> 0 +0000\n\nSigned notes\n-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n`,
      })
      .stdout.trim();
    expect(
      (await refItems(repo, [{ ref: 'refs/tags/signed', id: signed, created: false }])).items,
    ).toEqual(['ref refs/tags/signed: signed', 'message refs/tags/signed: Signed notes']);
  });

  it('reads every tag of a tag of a tag, also one deleted here', async ({ repo }) => {
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('tag', '-a', 'inner', '-m', 'inner notes');
    repo.git('tag', '-a', 'outer', '-m', 'outer notes', 'inner');
    repo.git('tag', '-d', 'inner');
    const outer = repo.rev('outer');
    expect(await refItems(repo, [{ ref: 'refs/tags/outer', id: outer, created: true }])).toEqual({
      items: [
        'ref refs/tags/outer: refs/tags/outer',
        'ref refs/tags/outer: outer',
        'message refs/tags/outer: outer notes',
        'ref refs/tags/outer: inner',
        'message refs/tags/outer: inner notes',
      ],
      tips: [outer],
    });
  });

  it("reads a tag of a blob as the blob's content, skipping one too large; a tag of a tree is an error", async ({
    repo,
  }) => {
    repo.commit('init', { 'a.txt': 'a\n' });
    const blob = repo
      .run('git', ['hash-object', '-w', '--stdin'], { input: 'blob content\n' })
      .stdout.trim();
    expect(await refItems(repo, [{ ref: 'refs/tags/blobtag', id: blob, created: false }])).toEqual({
      items: ['ref refs/tags/blobtag: blob content\n'],
      tips: [],
    });
    expect(
      (await refItems(repo, [{ ref: 'refs/tags/blobtag', id: blob, created: false }], 5)).items,
    ).toEqual(['skipped refs/tags/blobtag: too-large']);
    const tree = repo.rev('HEAD^{tree}');
    await expect(
      refItems(repo, [{ ref: 'refs/tags/treetag', id: tree, created: false }]),
    ).rejects.toMatchObject({
      code: 'GIT_UNSUPPORTED_OBJECT',
      message: expect.stringContaining('refs/tags/treetag points at a tree'),
    });
  });
});
