import type { Rule } from '../types.js';

export interface PatternMatch {
  rule: Rule;
  /** Offsets of the secret (the `secret` group, or the whole match) in the text. */
  start: number;
  end: number;
  secret: string;
  /** Whether the candidate passed the rule's validator (always true without one). */
  valid: boolean;
  /** Where the whole match starts (before `start` when the secret is a group). */
  matchStart: number;
}

/**
 * `text` lower-cased with offsets kept: keywords are ASCII, and a full `toLowerCase` can
 * change lengths (`İ` becomes two code units), which would shift the lines that
 * line-scoped rules look at.
 */
export function lowerAscii(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/**
 * Every match of `rule` in `text`, with whether it passed the rule's validator. A rule
 * scoped to lines runs only on the lines of `lowerText` (the text lower-cased) that hold
 * one of its keywords.
 */
export function scanPattern(text: string, rule: Rule, lowerText?: string): PatternMatch[] {
  if (rule.scope !== 'line' || rule.keywords.length === 0) return scanRange(text, rule, text, 0);
  const matches: PatternMatch[] = [];
  for (const [from, to] of keywordLines(lowerText ?? lowerAscii(text), rule.keywords)) {
    // A loop, not push(...): a line may hold more matches than a call takes arguments.
    for (const match of scanRange(text, rule, text.slice(from, to), from!)) matches.push(match);
  }
  return matches;
}

/** The matches of `rule` in `part`, which starts at `offset` in `text`. */
function scanRange(text: string, rule: Rule, part: string, offset: number): PatternMatch[] {
  const matches: PatternMatch[] = [];
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(part); m !== null; m = pattern.exec(part)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const group = m.indices?.groups?.['secret'];
    const [start, end] = group
      ? [group[0] + offset, group[1] + offset]
      : [m.index + offset, m.index + offset + m[0].length];
    if (end === start) continue; // an empty `secret` group is no secret
    const secret = text.slice(start, end);
    const valid = rule.validate === undefined || rule.validate(secret, { text, start, end });
    matches.push({ rule, start, end, secret, valid, matchStart: m.index + offset });
  }
  return matches;
}

/** The sorted, merged [start, end) ranges of the lines that contain one of `keywords`. */
function keywordLines(lowerText: string, keywords: readonly string[]): number[][] {
  const lines: number[][] = [];
  for (const keyword of keywords) {
    for (let at = lowerText.indexOf(keyword); at !== -1;) {
      const start = lowerText.lastIndexOf('\n', at) + 1;
      const newline = lowerText.indexOf('\n', at);
      const end = newline === -1 ? lowerText.length : newline;
      lines.push([start, end]);
      at = newline === -1 ? -1 : lowerText.indexOf(keyword, end);
    }
  }
  lines.sort((a, b) => a[0]! - b[0]!);
  const merged: number[][] = [];
  for (const line of lines) {
    const last = merged[merged.length - 1];
    if (last && line[0]! <= last[1]!) last[1] = Math.max(last[1]!, line[1]!);
    else merged.push(line);
  }
  return merged;
}
