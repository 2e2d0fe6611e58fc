import type { LineRange } from '../types.js';

/** Maps offsets in a text to 1-based lines and columns, built once per text. */
export interface TextIndex {
  /** How many lines the text has (one more than it has line breaks). */
  readonly lineCount: number;
  /** 0-based line index of `offset`. */
  lineIndexOf(offset: number): number;
  /** Offset of the first character of the 0-based line `index`. */
  lineStart(index: number): number;
  /** The 0-based line `index` without its line break. */
  lineText(index: number): string;
}

export function createTextIndex(text: string): TextIndex {
  // Counted first, then written to a typed array: several times faster than growing an array.
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  const lineIndexOf = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return {
    lineCount: starts.length,
    lineIndexOf,
    lineStart: (index) => starts[index]!,
    lineText: (index) => {
      const end = index + 1 < starts.length ? starts[index + 1]! - 1 : text.length;
      const line = text.slice(starts[index], end);
      return line.endsWith('\r') ? line.slice(0, -1) : line;
    },
  };
}

/** Where a span of a text lies: 1-based lines and columns (UTF-16 code units); the end column is just after its last character. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The place of the span [`start`, `end`) of the text of `index`, counting lines from `firstLine`. */
export function placeOf(index: TextIndex, start: number, end: number, firstLine = 1): Place {
  const first = index.lineIndexOf(start);
  const last = index.lineIndexOf(Math.max(start, end - 1));
  return {
    line: firstLine + first,
    column: start - index.lineStart(first) + 1,
    endLine: firstLine + last,
    endColumn: end - index.lineStart(last) + 1,
  };
}

/** The places of `spans` (offsets in `text`), as the engine reports findings: how embedders place matches of their own. */
export function locate(text: string, spans: readonly { start: number; end: number }[]): Place[] {
  const index = createTextIndex(text);
  return spans.map((span) => placeOf(index, span.start, span.end));
}

/** Whether `line` lies in one of the sorted, non-overlapping `ranges`. */
export function isLineInRanges(line: number, ranges: readonly LineRange[]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [first, last] = ranges[mid]!;
    if (line < first) high = mid - 1;
    else if (line > last) low = mid + 1;
    else return true;
  }
  return false;
}

let last: { text: string; index: TextIndex } | undefined;

/**
 * The [start, end) offsets of the line of `text` that holds `offset` (without its line
 * break), from an index built once per text and kept for the last text asked about: the
 * validators of one chunk's candidates ask about the same text many times, and a search
 * for the line's ends would cost the length of the line each time (quadratic on a long
 * line).
 */
export function lineBoundsOf(text: string, offset: number): [start: number, end: number] {
  if (last?.text !== text) last = { text, index: createTextIndex(text) };
  const { index } = last;
  const line = index.lineIndexOf(offset);
  const start = index.lineStart(line);
  return [start, start + index.lineText(line).length];
}
