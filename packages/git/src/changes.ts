// What a blob changes from the version it replaces, found with native byte comparisons
// only (Buffer#compare, Buffer#indexOf), never a line-by-line diff: git's own diffing is
// what makes `git log -p` slow on large files.

const NEWLINE = 0x0a;

/** Below this many bytes, a changed window is not split further. */
const SMALL_WINDOW = 1024;

/** How deep windows are split around anchor lines at most. */
const MAX_DEPTH = 24;

/** Lines tried as anchors in a window, at these fractions of it. */
const ANCHORS = [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875];

/** How many bytes `a[a0..a1)` and `b[b0..b1)` have in common at their start, by halving (one native compare a step). */
function commonPrefix(
  a: Buffer,
  a0: number,
  a1: number,
  b: Buffer,
  b0: number,
  b1: number,
): number {
  let known = 0;
  let limit = Math.min(a1 - a0, b1 - b0);
  while (known < limit) {
    const mid = (known + limit + 1) >> 1;
    if (a.compare(b, b0 + known, b0 + mid, a0 + known, a0 + mid) === 0) known = mid;
    else limit = mid - 1;
  }
  return known;
}

/** How many bytes they have in common at their end, at most `limit`. */
function commonSuffix(a: Buffer, a1: number, b: Buffer, b1: number, max: number): number {
  let known = 0;
  let limit = max;
  while (known < limit) {
    const mid = (known + limit + 1) >> 1;
    if (a.compare(b, b1 - mid, b1 - known, a1 - mid, a1 - known) === 0) known = mid;
    else limit = mid - 1;
  }
  return known;
}

function lineStart(bytes: Buffer, at: number): number {
  return at <= 0 ? 0 : bytes.lastIndexOf(NEWLINE, at - 1) + 1;
}

/** Just after the line holding `at` (its newline, or the end). */
function lineEnd(bytes: Buffer, at: number): number {
  const newline = bytes.indexOf(NEWLINE, at);
  return newline === -1 ? bytes.length : newline + 1;
}

/**
 * The byte ranges of `now`, as whole lines, that hold every line of it that is not a whole
 * line of `before` at the matching place: what a new version of a file adds. Common
 * prefix and suffix are set aside first; a window left between them (over 1 KB) is split
 * around an anchor line found once, unchanged, in the old window, recursively, as a
 * patience diff would. A range may hold unchanged lines too (never fewer than the new ones).
 * Ranges are sorted and do not overlap.
 */
export function changedRanges(before: Buffer, now: Buffer): [number, number][] {
  const ranges: [number, number][] = [];
  const add = (from: number, to: number) => {
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  };
  const split = (a0: number, a1: number, b0: number, b1: number, depth: number): void => {
    const prefix = commonPrefix(before, a0, a1, now, b0, b1);
    a0 += prefix;
    b0 += prefix;
    const suffix = commonSuffix(before, a1, now, b1, Math.min(a1 - a0, b1 - b0));
    a1 -= suffix;
    b1 -= suffix;
    if (b1 <= b0) {
      // Nothing added here; a line cut in two by the removal is new all the same.
      if (lineStart(now, b0) !== b0 || (b0 < now.length && b0 > 0 && now[b0 - 1] !== NEWLINE))
        add(lineStart(now, b0), lineEnd(now, b0));
      return;
    }
    const from = lineStart(now, b0);
    const to = lineEnd(now, b1 - 1);
    if (to - from <= SMALL_WINDOW || depth >= MAX_DEPTH || a1 <= a0) return add(from, to);
    /** Splits the windows around the new line [start, end), found in the old one at `at` (its newline before). */
    const around = (start: number, end: number, at: number) => {
      split(a0, at + 1, b0, start, depth + 1);
      split(at + 1 + (end - start), a1, end, b1, depth + 1);
    };
    // An anchor is a line found once in the old window: a line that repeats (a closing
    // brace, an assertion) would align the windows wrongly and leave most of them changed.
    // Failing that, the first repeated one found is used.
    let repeated: [start: number, end: number, at: number] | undefined;
    // Searched no further than the old window's end (a line not there is often in no window).
    const window = before.subarray(0, a1);
    for (const fraction of ANCHORS) {
      // A whole line of the new window, searched with the newlines around it in the old one.
      const start = lineStart(now, from + Math.floor((to - from) * fraction));
      const end = lineEnd(now, start);
      if (start === 0 || end > to || now[end - 1] !== NEWLINE || end - start < 8) continue;
      const line = now.subarray(start - 1, end);
      const at = window.indexOf(line, Math.max(a0 - 1, 0));
      if (at === -1) continue;
      if (window.indexOf(line, at + 1) !== -1) {
        repeated ??= [start, end, at];
        continue;
      }
      return around(start, end, at);
    }
    if (repeated) return around(...repeated);
    add(from, to);
  };
  split(0, before.length, 0, now.length, 0);
  return ranges;
}
