import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { utf16, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { DEFAULT_MAX_FILE_SIZE, type Chunk, type SourceItem } from '@tightlip/core';
import { openRepository, readStagedChanges } from '../src/index.js';

async function staged(
  repo: TempDir,
  env?: NodeJS.ProcessEnv,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): Promise<{ chunks: Chunk[]; names: string[]; skipped: string[]; bytes: [string, number[]][] }> {
  const items: SourceItem[] = [];
  const git = await openRepository(repo.dir, { env: { ...repo.env, ...env } });
  for await (const item of readStagedChanges(git, { maxFileSize })) items.push(item);
  const all = items.flatMap((item) => (item.type === 'chunk' ? [item.chunk] : []));
  return {
    chunks: all.filter((chunk) => chunk.subject === 'content'),
    names: all.filter((chunk) => chunk.subject === 'file-name').map((chunk) => chunk.text),
    skipped: items.flatMap((item) =>
      item.type === 'skipped' ? [`${item.skipped.path}:${item.skipped.reason}`] : [],
    ),
    bytes: items.flatMap((item) =>
      item.type === 'bytes'
        ? [[item.content.path, [...item.content.bytes]] as [string, number[]]]
        : [],
    ),
  };
}

describe('the repository of a hook', () => {
  it('is where git runs the hook (GIT_PREFIX, a .git directory), found without starting git', async ({
    repo,
  }) => {
    const asked = await openRepository(repo.dir, { env: repo.env });
    // No git on the PATH: only a repository found without starting git opens.
    const noGit = { ...repo.env, PATH: join(repo.dir, 'no-such-dir'), GIT_PREFIX: '' };
    const known = await openRepository(asked.root, { env: noGit });
    expect({ root: known.root, gitDir: known.gitDir, bare: known.bare }).toEqual({
      root: asked.root,
      gitDir: asked.gitDir,
      bare: false,
    });
    // Anything else is asked of git: a GIT_DIR that says where the repository is, no
    // GIT_PREFIX (not started by git), a directory that is not the top of the work tree.
    for (const [cwd, env] of [
      [asked.root, { ...noGit, GIT_DIR: asked.gitDir }],
      [asked.root, { ...noGit, GIT_PREFIX: undefined }],
      [join(asked.root, '.git'), noGit],
    ] as const)
      await expect(openRepository(cwd, { env })).rejects.toMatchObject({
        code: 'GIT_UNAVAILABLE',
      });
  });
});

/** The lines that count (added), with their numbers; context lines around them are left out. */
const addedLines = (chunks: Chunk[], path: string) =>
  chunks
    .filter((chunk) => chunk.path === path && chunk.subject === 'content')
    .flatMap((chunk) =>
      chunk.text
        .split('\n')
        .map((text, i) => [(chunk.startLine ?? 1) + i, text] as const)
        .filter(([line]) => chunk.lines!.some(([first, last]) => line >= first && line <= last)),
    );

describe('readStagedChanges', () => {
  it('reads every line of the first commit (no HEAD yet)', async ({ repo }) => {
    repo.write('a.txt', 'one\ntwo\n');
    repo.git('add', 'a.txt');
    const { chunks } = await staged(repo);
    expect(chunks).toEqual([
      { subject: 'content', path: 'a.txt', text: 'one\ntwo', startLine: 1, lines: [[1, 2]] },
    ]);
  });

  it('reads only added lines, with their line numbers in the new file', async ({ repo }) => {
    repo.write('a.txt', 'one\ntwo\nthree\nfour\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    repo.write('a.txt', 'one\nTWO\nthree\nfour\nfive\n');
    repo.git('add', '.');
    const { chunks } = await staged(repo);
    expect(addedLines(chunks, 'a.txt')).toEqual([
      [2, 'TWO'],
      [5, 'five'],
    ]);
  });

  it('scans the index, not the working tree (partial staging both ways)', async ({ repo }) => {
    repo.write('a.txt', 'base\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    repo.write('a.txt', 'base\nstaged line\n');
    repo.git('add', 'a.txt');
    repo.write('a.txt', 'base\nstaged line\nunstaged line\n');
    expect(addedLines((await staged(repo)).chunks, 'a.txt')).toEqual([[2, 'staged line']]);

    repo.write('b.txt', 'only in the working tree\n');
    expect((await staged(repo)).chunks.map((c) => c.path)).toEqual(['a.txt']);

    // The other way: a staged line counts even when the working tree no longer has it.
    repo.git('add', 'a.txt');
    repo.write('a.txt', 'base\n');
    expect(addedLines((await staged(repo)).chunks, 'a.txt')).toEqual([
      [2, 'staged line'],
      [3, 'unstaged line'],
    ]);
  });

  it('reads UTF-16 files (either byte order), which git calls binary: only added lines count; real binaries come whole, as bytes', async ({
    repo,
  }) => {
    repo.write('legacy.reg', utf16('[keys]\r\nold=1\r\n'));
    repo.write(
      'logo.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    repo.commit('before');
    repo.write('le.txt', utf16('first\r\nk=le', 'le'));
    repo.write('be.txt', utf16('first\r\nk=be', 'be'));
    repo.write('legacy.reg', utf16('[keys]\r\nold=1\r\nname=demo'));
    repo.write(
      'logo.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0e]),
    );
    repo.git('add', '-A');
    const { chunks, skipped, bytes } = await staged(repo);
    expect(addedLines(chunks, 'le.txt')).toEqual([
      [1, 'first\r'],
      [2, 'k=le'],
    ]);
    expect(addedLines(chunks, 'be.txt')).toEqual([
      [1, 'first\r'],
      [2, 'k=be'],
    ]);
    expect(addedLines(chunks, 'legacy.reg')).toEqual([[3, 'name=demo']]);
    expect(skipped).toEqual([]);
    expect(bytes).toEqual([
      ['logo.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0e]],
    ]);
  });

  it('never yields deleted files or deleted lines', async ({ repo }) => {
    repo.write('a.txt', 'keep\nremove me\n');
    repo.write('gone.txt', 'whole file\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    repo.write('a.txt', 'keep\n');
    repo.git('rm', '-q', 'gone.txt');
    repo.git('add', '.');
    expect((await staged(repo)).chunks).toEqual([]);
  });

  it('does not rescan a pure rename, but scans what a rename changes', async ({ repo }) => {
    repo.write('old.txt', 'line 1\nline 2\nline 3\nline 4\nline 5\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    repo.git('mv', 'old.txt', 'new.txt');
    expect((await staged(repo)).chunks).toEqual([]);
    repo.write('new.txt', 'line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n');
    repo.git('add', '.');
    expect(addedLines((await staged(repo)).chunks, 'new.txt')).toEqual([[6, 'line 6']]);
  });

  it('yields a binary file whole, as bytes for the extraction stage; one past the size limit is skipped', async ({
    repo,
  }) => {
    repo.write('blob.bin', new Uint8Array([0, 1, 2, 0, 65, 66]));
    repo.write('big.bin', new Uint8Array(64).fill(0));
    repo.git('add', '.');
    expect(await staged(repo, {}, 32)).toEqual({
      chunks: [],
      names: ['big.bin', 'blob.bin'],
      skipped: ['big.bin:too-large'],
      bytes: [['blob.bin', [0, 1, 2, 0, 65, 66]]],
    });
  });

  it('reads file names with spaces, quotes and non-ASCII characters', async ({ repo }) => {
    const names = ['with space.txt', 'naïve ☃.txt', 'quote"d.txt', 'dir with space/inner file.md'];
    for (const name of names) repo.write(name, `in ${name}\n`);
    repo.git('add', '.');
    const { chunks } = await staged(repo);
    expect(chunks.map((c) => c.path).sort()).toEqual([...names].sort());
    for (const chunk of chunks) expect(chunk.text).toBe(`in ${chunk.path}`);
  });

  it('honours GIT_INDEX_FILE, as set for hooks of `git commit <paths>`', async ({ repo }) => {
    repo.write('a.txt', 'a\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    repo.write('b.txt', 'in the other index\n');
    const otherIndex = repo.path('.git', 'other-index');
    repo.run('git', ['add', 'b.txt'], { env: { GIT_INDEX_FILE: otherIndex } });
    expect((await staged(repo)).chunks).toEqual([]);
    expect((await staged(repo, { GIT_INDEX_FILE: otherIndex })).chunks.map((c) => c.path)).toEqual([
      'b.txt',
    ]);
  });

  it('yields the paths a commit creates (added, renamed) as names, not those it only modifies', async ({
    repo,
  }) => {
    repo.write('kept.txt', 'one\n');
    repo.write('moved.txt', 'line 1\nline 2\nline 3\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init');
    repo.write('kept.txt', 'one\ntwo\n');
    repo.run('mkdir', ['docs']);
    repo.git('mv', 'moved.txt', 'docs/moved here.txt');
    repo.write('new dir/ünïcode.md', 'x\n');
    repo.git('add', '.');
    expect((await staged(repo)).names.sort()).toEqual([
      'docs/moved here.txt',
      'new dir/ünïcode.md',
    ]);
  });

  it('reads a text file that git attributes mark binary (-diff) as text, real binaries as bytes', async ({
    repo,
  }) => {
    repo.write('.gitattributes', '*.env -diff\n*.dat binary\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'attributes');
    repo.write('prod.env', 'USER=app\nTOKEN=value\n');
    repo.write('blob.dat', new Uint8Array([1, 0, 2, 0, 3]));
    repo.git('add', '.');
    const { chunks, skipped, bytes } = await staged(repo);
    expect(addedLines(chunks, 'prod.env')).toEqual([
      [1, 'USER=app'],
      [2, 'TOKEN=value'],
    ]);
    expect(skipped).toEqual([]);
    expect(bytes).toEqual([['blob.dat', [1, 0, 2, 0, 3]]]);
  });

  it('scans what a symlink points to as text, never the file it points to, and skips submodule entries', async ({
    repo,
  }) => {
    repo.write('outside.txt', 'content behind the link\n');
    repo.run('ln', ['-s', 'target/path-name', 'link']);
    repo.git('add', 'link');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`);
    const { chunks, names } = await staged(repo);
    expect(chunks).toEqual([
      { subject: 'content', path: 'link', text: 'target/path-name', startLine: 1, lines: [[1, 1]] },
    ]);
    expect(names.sort()).toEqual(['link', 'vendor/lib']);
  });

  it('fails with NOT_A_GIT_REPOSITORY outside a work tree', async ({ repo }) => {
    repo.write('plain/x.txt', 'x');
    await expect(openRepository(repo.path('.git'))).rejects.toMatchObject({
      code: 'NOT_A_GIT_REPOSITORY',
    });
  });
});
