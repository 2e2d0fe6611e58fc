import { describe, expect, it } from 'vitest';
import { changedRanges } from './changes.js';

/** The text of each changed range of `now` against `before`. */
function changed(before: string, now: string): string[] {
  const bytes = Buffer.from(now);
  return changedRanges(Buffer.from(before), bytes).map(([from, to]) =>
    bytes.subarray(from, to).toString(),
  );
}

const numbered = (count: number, line = (i: number) => `line ${i} of a long enough file`) =>
  Array.from({ length: count }, (_, i) => `${line(i)}\n`).join('');

describe('changedRanges', () => {
  it('gives the whole lines a new version adds or changes, and nothing for a removal', () => {
    expect(changed('a\nb\nc\n', 'a\nB\nc\n')).toEqual(['B\n']);
    expect(changed('a\nb\nc\n', 'a\nb\nc\nd\n')).toEqual(['d\n']);
    expect(changed('a\nb\nc\n', 'x\na\nb\nc\n')).toEqual(['x\n']);
    expect(changed('a\nb\nc\n', 'a\nc\n')).toEqual([]);
    expect(changed('', 'new\n')).toEqual(['new\n']);
    expect(changed('same\n', 'same\n')).toEqual([]);
    // A line joined by a removal is new; a change inside a line gives the whole line.
    expect(changed('key = one\ntwo\n', 'key = onetwo\n')).toEqual(['key = onetwo\n']);
    expect(changed('token = "abc"\n', 'token = "abd"\n')).toEqual(['token = "abd"\n']);
    expect(changed('last', 'last line')).toEqual(['last line']);
  });

  it('splits a large file around unchanged anchor lines, so far-apart edits come back apart', () => {
    const before = numbered(3000);
    const now = numbered(3000, (i) =>
      i === 10 ? 'first edit' : i === 2900 ? 'second edit' : `line ${i} of a long enough file`,
    ).replace('line 1500 of a long enough file\n', 'line 1500 of a long enough file\ninserted\n');
    expect(changed(before, now)).toEqual(['first edit\n', 'inserted\n', 'second edit\n']);
  });

  it('anchors on lines found once, so edits in a file of repeated lines stay small', () => {
    // A test file: every other line is the same assertion.
    const line = (i: number) =>
      i % 2 === 0 ? '    assert.strictEqual(actual, expected);' : `  it('case ${i}', () => {`;
    const before = numbered(4000, line);
    const edited = new Map([
      [101, "  it('first edit', () => {"],
      [1501, "  it('second edit', () => {"],
      [3901, "  it('third edit', () => {"],
    ]);
    const now = numbered(4000, (i) => edited.get(i) ?? line(i));
    expect(changed(before, now)).toEqual([...edited.values()].map((text) => `${text}\n`));
  });

  it('never leaves out a new line, whatever repeats (shuffled lines, duplicates)', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `value = ${i % 7} // repeated ${i % 13}`);
    const before = `${lines.join('\n')}\n`;
    const now = `${[...lines.slice(1000), 'secret = "only here"', ...lines.slice(0, 1000)].join('\n')}\n`;
    const text = changed(before, now).join('');
    expect(text).toContain('secret = "only here"\n');
    const old = new Set(before.split('\n'));
    for (const line of now.split('\n'))
      if (!old.has(line)) expect(text.split('\n')).toContain(line);
  });
});
