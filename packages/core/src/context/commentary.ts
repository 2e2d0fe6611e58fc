import type { Syntax } from './syntax.js';
import { escapeRegExp } from '../codec/escape-regexp.js';

/** Whether a marker at `at` starts a token: at the start of a line, or after a space or a closing character. */
function isTokenStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1]!;
  return (
    before === ' ' ||
    before === '\t' ||
    before === '\n' ||
    before === '\r' ||
    ';,)}]'.includes(before)
  );
}

/**
 * The offset just after the string that opens at `at` with `quote`, within its line (which
 * ends at `lineEnd`) unless `multiline`.
 */
function stringEnd(
  text: string,
  at: number,
  quote: string,
  multiline: boolean,
  lineEnd: number,
): number {
  const limit = multiline ? text.length : lineEnd;
  for (let i = text.indexOf(quote, at + 1); i !== -1 && i < limit; i = text.indexOf(quote, i + 1)) {
    // A quote escaped by an odd number of backslashes does not close the string.
    let backslashes = 0;
    while (text[i - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return i + 1;
  }
  return limit;
}

const starters = new Map<Syntax, RegExp>();

/** One pattern finding the next place where something starts: a comment marker or a quote. */
function startersOf(syntax: Syntax): RegExp {
  let pattern = starters.get(syntax);
  if (!pattern) {
    const tokens = [
      ...syntax.blocks.map(([open]) => open),
      ...syntax.line,
      ...syntax.quotes,
      ...syntax.multiline,
    ].sort((a, b) => b.length - a.length);
    pattern = new RegExp(tokens.map(escapeRegExp).join('|'), 'g');
    starters.set(syntax, pattern);
  }
  return pattern;
}

/**
 * The spans of `text` that are commentary in `syntax`: line comments, block comments and
 * documentation strings (Python's triple-quoted strings), as a flat, sorted list
 * `[start0, end0, start1, end1, …]`. One pass that jumps from one comment marker or quote
 * to the next, aware of strings so that `"/*"` or `'#'` starts nothing. A lexer's
 * approximation: good enough to judge where a value sits.
 */
export function commentarySpans(text: string, syntax: Syntax): number[] {
  const spans: number[] = [];
  const { line, blocks, quotes, multiline } = syntax;
  if (line.length === 0 && blocks.length === 0) return spans;
  const next = startersOf(syntax);
  next.lastIndex = 0;
  // Where the current line ends, found once per line: a search per string would cost the
  // rest of its line each time (quadratic on a long line of strings).
  let lineEnd = -1;
  for (let match = next.exec(text); match; match = next.exec(text)) {
    const token = match[0];
    const at = match.index;
    if (at >= lineEnd) {
      const newline = text.indexOf('\n', at);
      lineEnd = newline === -1 ? text.length : newline;
    }
    const block = blocks.find(([open]) => open === token);
    let end = at + 1;
    if (block && isTokenStart(text, at)) {
      const closing = text.indexOf(block[1], at + token.length);
      end = closing === -1 ? text.length : closing + block[1].length;
      spans.push(at, end);
    } else if (line.includes(token) && isTokenStart(text, at)) {
      end = lineEnd;
      spans.push(at, end);
    } else if (quotes.includes(token) || multiline.includes(token)) {
      end = stringEnd(text, at, token, multiline.includes(token), lineEnd);
    }
    next.lastIndex = Math.max(end, at + 1);
  }
  return spans;
}

/** Whether `offset` lies in one of `spans` (as `commentarySpans` returns them). */
export function isInSpans(spans: readonly number[], offset: number): boolean {
  let low = 0;
  let high = spans.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans[2 * mid]!) high = mid - 1;
    else if (offset >= spans[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}
