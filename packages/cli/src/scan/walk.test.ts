import { describe, expect } from 'vitest';
import { symlinkSync } from 'node:fs';
import { it } from '@tightlip/fixtures/vitest';
import { listFiles } from './walk.js';

describe('listFiles', () => {
  it('lists every file, sorted, relative and /-separated, including dotfiles', async ({ temp }) => {
    for (const file of ['b.txt', 'a/c.txt', '.env', 'a/deep/d e.txt']) temp.write(file, 'x');
    expect(await listFiles(temp.dir)).toEqual(['.env', 'a/c.txt', 'a/deep/d e.txt', 'b.txt']);
  });

  it('respects .gitignore: names, anchored paths, globs, nested files', async ({ temp }) => {
    temp.write('.gitignore', 'node_modules\n/build\n*.log\n# comment\n');
    temp.write('sub/.gitignore', 'local-only.txt\n');
    for (const file of [
      'node_modules/x/i.js',
      'pkg/node_modules/y.js',
      'build/out.js',
      'pkg/build/kept.js',
      'a.log',
      'sub/local-only.txt',
      'sub/kept.txt',
      'local-only.txt',
    ]) {
      temp.write(file, 'x');
    }
    expect(await listFiles(temp.dir)).toEqual([
      '.gitignore',
      'local-only.txt',
      'pkg/build/kept.js',
      'sub/.gitignore',
      'sub/kept.txt',
    ]);
  });

  it('applies negations, including a deeper file re-including what a shallower one ignores', async ({
    temp,
  }) => {
    temp.write('.gitignore', '*.log\n!keep.log\ndist/\n');
    temp.write('logs/.gitignore', '!wanted.log\n');
    for (const file of ['a.log', 'keep.log', 'logs/wanted.log', 'logs/other.log', 'dist/x.js'])
      temp.write(file, 'x');
    expect(await listFiles(temp.dir)).toEqual([
      '.gitignore',
      'keep.log',
      'logs/.gitignore',
      'logs/wanted.log',
    ]);
  });

  it('applies the .gitignore files above the root, up to the top of the work tree', async ({
    repo: temp,
  }) => {
    temp.write('.gitignore', 'secret-dir/\n*.tmp\n');
    for (const file of ['pkg/a.ts', 'pkg/b.tmp', 'pkg/secret-dir/c.ts']) temp.write(file, 'x');
    expect(await listFiles(temp.path('pkg'))).toEqual(['a.ts']);
  });

  it('ignores nothing from .gitignore files outside a work tree', async ({ temp }) => {
    temp.write('.gitignore', '*.txt\n');
    temp.write('inner/a.txt', 'x');
    expect(await listFiles(temp.path('inner'))).toEqual(['a.txt']);
  });

  it('never enters .git and does not follow symbolic links', async ({ repo: temp }) => {
    temp.write('real/file.txt', 'x');
    symlinkSync(temp.path('real'), temp.path('link'));
    symlinkSync(temp.path('real', 'file.txt'), temp.path('file-link.txt'));
    expect(await listFiles(temp.dir)).toEqual(['real/file.txt']);
  });
});

describe('listFiles, odd cases git gets right', () => {
  it('lists names with newlines, quotes and glob characters', async ({ temp }) => {
    for (const file of [
      'new\nline.py',
      'carriage\rreturn.txt',
      'pages/[id]/page.tsx',
      'we"ird*?.md',
    ])
      temp.write(file, 'x');
    expect(await listFiles(temp.dir)).toEqual([
      'carriage\rreturn.txt',
      'new\nline.py',
      'pages/[id]/page.tsx',
      'we"ird*?.md',
    ]);
  });

  it('prunes only directories for a directory-only pattern', async ({ temp }) => {
    temp.write('.gitignore', 'build/\n');
    temp.write('build', 'a file named build');
    temp.write('sub/build/out.js', 'x');
    expect(await listFiles(temp.dir)).toEqual(['.gitignore', 'build']);
  });

  it('applies a .gitignore inside a directory whose name has glob characters only there', async ({
    temp,
  }) => {
    temp.write('pages/[id]/.gitignore', 'local.env\n');
    for (const file of ['pages/[id]/local.env', 'pages/i/local.env', 'pages/d/local.env'])
      temp.write(file, 'x');
    expect(await listFiles(temp.dir)).toEqual([
      'pages/[id]/.gitignore',
      'pages/d/local.env',
      'pages/i/local.env',
    ]);
  });

  it('does not re-include a file below an excluded directory, as git does not', async ({
    repo: temp,
  }) => {
    temp.write('.gitignore', 'logs/\n');
    temp.write('logs/.gitignore', '!keep.txt\n');
    temp.write('logs/keep.txt', 'x');
    temp.write('other.txt', 'x');
    expect(await listFiles(temp.dir)).toEqual(['.gitignore', 'other.txt']);
    expect(
      temp.git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort(),
    ).toEqual(['?? .gitignore', '?? other.txt']);
  });
});
