import { describe, expect, it } from 'vitest';
import { compileGlob } from './glob.js';

describe('compileGlob', () => {
  it.each([
    ['internal/**', 'internal/a.md', true],
    ['internal/**', 'internal/deep/er/a.md', true],
    ['internal/**', 'internals/a.md', false],
    ['internal/**', 'src/internal/a.md', false],
    ['**/internal/**', 'src/internal/a.md', true],
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'x/y/a.md', true],
    ['*.md', 'x/a.md', false],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/x/a.md', false],
    ['docs/?.md', 'docs/a.md', true],
    ['docs/?.md', 'docs/ab.md', false],
    ['{docs,notes}/**', 'notes/a', true],
    ['{docs,notes}/**', 'src/a', false],
    ['src/*.{ts,js}', 'src/a.js', true],
    ['a+b (1).txt', 'a+b (1).txt', true],
    ['a.txt', 'abtxt', false],
    ['COMMIT_EDITMSG', 'COMMIT_EDITMSG', true],
    ['refs/heads/release/**', 'refs/heads/release/v1', true],
  ])('%s on %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
  });

  it.each(['', '[ab].md', '!internal/**', '/abs/**', 'a**/b', '{a,b', 'a}b', '{a,{b}}'])(
    'rejects %j',
    (pattern) => {
      expect(() => compileGlob(pattern)).toThrow();
    },
  );
});
