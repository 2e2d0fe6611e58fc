import { describe, expect, it } from 'vitest';
import { createDiffParser, parseDiff, unquote } from './parse-diff.js';

describe('parseDiff', () => {
  it('reads added lines and their new-side line numbers, ignoring removed lines', () => {
    const patch = [
      'diff --git a/src/app.ts b/src/app.ts',
      'index 1111111..2222222 100644',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -3,2 +3,3 @@ function x() {',
      '-old one',
      '-old two',
      '+new three',
      '+new four',
      '+new five',
      '@@ -10 +11 @@',
      '-x',
      '+y',
      '@@ -20,0 +22,1 @@',
      '+-- looks like a header but is content',
      '',
    ].join('\n');
    const [file] = parseDiff(patch);
    expect(file).toMatchObject({
      path: 'src/app.ts',
      status: 'modified',
      binary: false,
      oldIds: ['1111111'],
      newId: '2222222',
    });
    expect(file?.hunks).toEqual([
      { startLine: 3, text: 'new three\nnew four\nnew five', added: [[3, 5]] },
      { startLine: 11, text: 'y', added: [[11, 11]] },
      { startLine: 22, text: '-- looks like a header but is content', added: [[22, 22]] },
    ]);
  });

  it('keeps context lines as text but only added lines as counted', () => {
    const patch = [
      'diff --git a/f b/f',
      '--- a/f',
      '+++ b/f',
      '@@ -1,3 +1,3 @@',
      ' keep',
      '-gone',
      '+added',
      ' tail',
      '',
    ].join('\n');
    expect(parseDiff(patch)[0]?.hunks).toEqual([
      { startLine: 1, text: 'keep\nadded\ntail', added: [[2, 2]] },
    ]);
  });

  it('handles new files, "No newline at end of file", and several files', () => {
    const patch = [
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1,2 @@',
      '+one',
      '+two',
      '\\ No newline at end of file',
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'index 0000000..2222222',
      'Binary files /dev/null and b/img.png differ',
      '',
    ].join('\n');
    const files = parseDiff(patch);
    expect(files.map((f) => [f.path, f.status, f.binary])).toEqual([
      ['new.txt', 'added', false],
      ['img.png', 'added', true],
    ]);
    expect(files[0]?.hunks[0]?.text).toBe('one\ntwo');
  });

  it('reads paths with spaces (tab-terminated), quotes and renames', () => {
    const patch = [
      'diff --git a/old name.txt b/new name.txt',
      'similarity index 90%',
      'rename from old name.txt',
      'rename to new name.txt',
      '--- a/old name.txt\t',
      '+++ b/new name.txt\t',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git "a/tab\\there" "b/tab\\there"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/tab\\there"',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/mode only.sh b/mode only.sh',
      'old mode 100644',
      'new mode 100755',
      '',
    ].join('\n');
    const files = parseDiff(patch);
    expect(files.map((f) => [f.path, f.oldPath, f.status])).toEqual([
      ['new name.txt', 'old name.txt', 'renamed'],
      ['tab\there', undefined, 'added'],
      ['mode only.sh', undefined, 'modified'],
    ]);
  });

  it('marks submodule entries', () => {
    const patch = [
      'diff --git a/vendor/lib b/vendor/lib',
      'new file mode 160000',
      'index 0000000..abcdef0',
      '--- /dev/null',
      '+++ b/vendor/lib',
      '@@ -0,0 +1 @@',
      '+Subproject commit abcdef0123456789abcdef0123456789abcdef01',
      '',
    ].join('\n');
    expect(parseDiff(patch)[0]).toMatchObject({ path: 'vendor/lib', submodule: true });
  });
});

describe('combined diffs (merges)', () => {
  it('counts as added only the lines new to every parent', () => {
    const patch = [
      'diff --cc f',
      'index 1111111,2222222..3333333',
      '--- a/f',
      '+++ b/f',
      '@@@ -5,1 -5,1 +5,1 @@@ ctx',
      '--5',
      '++evil',
      'diff --cc g',
      'index 0000000,4444444..5555555',
      'mode 000000,100644..100644',
      '--- a/g',
      '+++ b/g',
      '@@@ -1,0 -1,1 +1,2 @@@',
      '+ from the second parent',
      '++resolution',
      '',
    ].join('\n');
    expect(parseDiff(patch).map((file) => [file.oldIds, file.newId])).toEqual([
      [['1111111', '2222222'], '3333333'],
      [['0000000', '4444444'], '5555555'],
    ]);
    expect(parseDiff(patch).map((file) => [file.path, file.hunks])).toEqual([
      ['f', [{ startLine: 5, text: 'evil', added: [[5, 5]] }]],
      ['g', [{ startLine: 1, text: 'from the second parent\nresolution', added: [[2, 2]] }]],
    ]);
  });
});

describe('createDiffParser', () => {
  it('hands back each file as soon as the next one starts, and drops the hunks of a file over the size limit', () => {
    const parser = createDiffParser({ maxFileSize: 10 });
    const lines = [
      'diff --git a/small b/small',
      '@@ -0,0 +1 @@',
      '+tiny',
      'diff --git a/big b/big',
      '@@ -0,0 +1,2 @@',
      '+0123456789',
      '+more',
    ];
    const done = lines.map((line) => parser.push(line)?.path);
    expect(done).toEqual([
      undefined,
      undefined,
      undefined,
      'small',
      undefined,
      undefined,
      undefined,
    ]);
    expect(parser.end()).toMatchObject({ path: 'big', tooLarge: true, hunks: [] });
  });

  it('reads another patch after the end of one, from a clean state', () => {
    const parser = createDiffParser({ maxFileSize: 10 });
    for (const line of ['diff --git a/big b/big', '@@ -1,2 +1,2 @@', '+0123456789', '-old'])
      parser.push(line);
    expect(parser.end()).toMatchObject({ path: 'big', tooLarge: true });
    for (const line of ['', 'diff --git a/f b/f', '@@ -0,0 +1 @@', '+small']) parser.push(line);
    expect(parser.end()).toMatchObject({
      path: 'f',
      hunks: [{ startLine: 1, text: 'small', added: [[1, 1]] }],
    });
    expect(parser.end()).toBeUndefined();
  });

  it('counts the size limit in UTF-8 bytes, each added or context line with its newline', () => {
    const sizes = (lines: string[]) => {
      const parser = createDiffParser({ maxFileSize: 10 });
      for (const line of ['diff --git a/f b/f', `@@ -0,0 +1,${lines.length} @@`, ...lines])
        parser.push(line);
      const file = parser.end()!;
      return file.tooLarge ? 'too large' : file.hunks.map((hunk) => hunk.text);
    };
    // 4 × 2 bytes + newline = 9, then 10 bytes + newline = 11.
    expect(sizes(['+éééé'])).toEqual(['éééé']);
    expect(sizes(['+ééééé'])).toBe('too large');
    // Short ASCII lines near the limit: 5 + 3 = 8, then + 3 = 11, context lines too.
    expect(sizes(['+abcd', '+ab'])).toEqual(['abcd\nab']);
    expect(sizes(['+abcd', '+ab', '+xy'])).toBe('too large');
    expect(sizes(['+abcd', ' ab', '+xy'])).toBe('too large');
  });
});

describe('unquote', () => {
  it('undoes C-style quoting with octal UTF-8 bytes', () => {
    expect(unquote('"na\\303\\257ve \\"q\\" \\\\ \\t"')).toBe('naïve "q" \\ \t');
    expect(unquote('plain name')).toBe('plain name');
  });
});
