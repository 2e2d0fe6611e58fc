import { describe, expect, it } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { compileLinear, LinearPatternError, LinearRegExp } from './linear-regexp.js';

// The patterns of the hostile review (D12, D13): each hangs V8's backtracking engine on a
// short input; on RE2 each search is linear, so every one of them is safe to run.
const ATTACKS: [source: string, flags: string, input: string][] = [
  ['(a|aa)+$', '', `acme_${'a'.repeat(30_000)}!`],
  ['acme_(?:\\w|\\d)+!$', '', `acme_${'1'.repeat(30_000)}!x`],
  ['acme_.*a.*a.*a.*a.*=', '', `acme_${'a'.repeat(30_000)}!`],
  ['\\p{L}+\\p{L}+=', 'u', 'é'.repeat(30_000)],
  ['acme_\\w+(?:_)?\\w+=', '', `acme_${'a'.repeat(30_000)}`],
  ['acme_\\w+-*\\w+=', '', `acme_${'a'.repeat(30_000)}`],
  ['^(\\w+)+-$', '', fakeGithubToken(150)],
  ['(a+)+b', '', 'a'.repeat(100_000)],
];

describe('LinearRegExp', () => {
  it.each(ATTACKS)(
    'runs %s in linear time (D12, D13)',
    { timeout: 10_000 },
    (source, flags, input) => {
      const pattern = new LinearRegExp(source, `g${flags}`);
      // V8 would not return from one exec of these within the lifetime of the test run.
      expect([...input.matchAll(pattern)]).toEqual([]);
    },
  );

  it('matches as JavaScript does: groups, indices, lastIndex, flags and escapes', () => {
    const pattern = new LinearRegExp('key=(?<secret>[a-z]{3})\\b', 'gdi');
    const text = 'KEY=abc key=abcd key=xyz';
    const first = pattern.exec(text)!;
    expect([first[0], first.index, first.groups, first.indices?.groups]).toEqual([
      'KEY=abc',
      0,
      { secret: 'abc' },
      { secret: [4, 7] },
    ]);
    expect(pattern.lastIndex).toBe(7);
    expect(pattern.exec(text)?.index).toBe(17);
    expect(pattern.exec(text)).toBeNull();
    expect(pattern.lastIndex).toBe(0);
    // JavaScript's meanings, not RE2's: \s is Unicode, . stops at \r and U+2028, \Q is a Q.
    expect(new LinearRegExp('a\\sb').test('a\u00a0b')).toBe(true);
    expect(new LinearRegExp('a.b').test('a\rb')).toBe(false);
    expect(new LinearRegExp('a.b', 's').test('a\u2028b')).toBe(true);
    expect(new LinearRegExp('\\Q.').test('Qx')).toBe(true);
    expect(new LinearRegExp('[^]').test('\n')).toBe(true);
    expect(new LinearRegExp('[]').test('x')).toBe(false);
    expect(new LinearRegExp('^b$', 'm').test('a\nb\nc')).toBe(true);
    expect(new LinearRegExp('\\p{Letter}{2}', 'u').test('éa')).toBe(true);
    expect(new LinearRegExp('[\\W\\d]').test('_')).toBe(false);
    expect(new LinearRegExp('\\u00e9').test('é')).toBe(true);
  });

  it('refuses what RE2 cannot run in linear time, naming the construct', () => {
    for (const [source, construct] of [
      ['(?=a)b', '(?=a)'],
      ['(?<!a)b', '(?<!a)'],
      ['(a)\\1', '\\1'],
      ['(?<q>a)\\k<q>', '\\k<q>'],
      ['a{2000}', 'a{2000}'],
    ] as const) {
      expect(() => compileLinear(source, ''), source).toThrow(LinearPatternError);
      expect(() => compileLinear(source, ''), source).toThrow(construct);
    }
    expect(() => compileLinear('a', 'y')).toThrow('the flag y is not supported');
  });

  it('keeps its engine when rebuilt through its own class (as defineRule and matchAll do)', () => {
    const pattern = new LinearRegExp('(a|aa)+$', 'g');
    const Rebuilt = pattern.constructor as RegExpConstructor;
    const copy = new Rebuilt(pattern.source, 'gd');
    expect(copy).toBeInstanceOf(LinearRegExp);
    expect(copy.test(`${'a'.repeat(30_000)}!`)).toBe(false);
  });
});
