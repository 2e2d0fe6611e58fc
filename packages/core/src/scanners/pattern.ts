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
 * Every match of `rule` in `text`, with whether it passed the rule's validator; with
 * `lines` (a line-scoped rule's lines that hold one of its keywords, see `createPrefilter`),
 * only the matches within those lines.
 */
export function scanPattern(
  text: string,
  rule: Rule,
  lines?: readonly (readonly [number, number])[],
): PatternMatch[] {
  if (lines === undefined) return scanRange(text, rule, text, 0);
  const matches: PatternMatch[] = [];
  for (const [from, to] of lines) {
    // A loop, not push(...): a line may hold more matches than a call takes arguments.
    for (const match of scanRange(text, rule, text.slice(from, to), from)) matches.push(match);
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
