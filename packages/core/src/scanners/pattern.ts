import type { CheckVerdict, MatchContext, Rule } from '../types.js';

export interface PatternMatch {
  rule: Rule;
  /** Offsets of the secret (the `secret` group, or the whole match) in the text. */
  start: number;
  end: number;
  secret: string;
  /** The rule's verdict on the candidate ('pass' without checks). */
  verdict: CheckVerdict;
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
  // U+0130 is the character whose lower case is longer: lower the text around it.
  const around = text
    .split('\u0130')
    .map((part) => part.toLowerCase())
    .join('\u0130');
  return around.length === text.length
    ? around
    : text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** What every candidate of one scan shares: the text's model and the lines of other rules' candidates. */
export type ScanContext = Omit<MatchContext, 'start' | 'end' | 'matchStart' | 'key'>;

/** Sorted, merged [start, end) ranges of a text. */
export type Ranges = number[][];

/**
 * Every match of `rule` in `ranges` of the text (the whole text when absent), with the
 * rule's verdict on it.
 */
export function scanPattern(rule: Rule, context: ScanContext, ranges?: Ranges): PatternMatch[] {
  const { text } = context;
  const matches: PatternMatch[] = [];
  if (!ranges) {
    for (const pattern of rule.patterns) scanRange(rule, pattern, context, text, 0, matches);
  } else {
    for (const [from, to] of ranges) {
      const part = text.slice(from, to);
      for (const pattern of rule.patterns) scanRange(rule, pattern, context, part, from!, matches);
    }
  }
  if (rule.patterns.length > 1) matches.sort((a, b) => a.start - b.start || a.end - b.end);
  return matches;
}

/** The matches of `pattern` in `part`, which starts at `offset` in the text. */
function scanRange(
  rule: Rule,
  pattern: RegExp,
  context: ScanContext,
  part: string,
  offset: number,
  matches: PatternMatch[],
): void {
  const { text } = context;
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
    const key = m.groups?.['key'];
    const matchStart = m.index + offset;
    const verdict =
      rule.check === undefined
        ? 'pass'
        : rule.check(secret, {
            ...context,
            start,
            end,
            matchStart,
            ...(key !== undefined ? { key } : {}),
          });
    matches.push({ rule, start, end, secret, verdict, matchStart });
  }
}

/**
 * The sorted, merged [start, end) ranges of the lines of `text` that contain one of
 * `keywords`, where they start by `starts` (see `RulePrefilter.select`; each keyword's
 * lines found once per text, kept in `cache`). A keyword line that ends by opening a value
 * (`api_key:`, `TOKEN=\`, `password: |`) takes the line after it along: the value is there.
 */
export function keywordLines(
  text: string,
  keywords: readonly string[],
  starts: ReadonlyMap<string, readonly number[]>,
  cache = new Map<string, Ranges>(),
): Ranges {
  const lines: Ranges = [];
  for (const keyword of keywords) {
    const cached = cache.get(keyword);
    if (cached) {
      for (const range of cached) lines.push([range[0]!, range[1]!]);
      continue;
    }
    const found: Ranges = [];
    cache.set(keyword, found);
    // Each line once: the occurrences after the first on a line are passed over.
    let next = 0;
    for (const at of starts.get(keyword) ?? []) {
      if (at < next) continue;
      const start = text.lastIndexOf('\n', at) + 1;
      const newline = text.indexOf('\n', at);
      let end = newline === -1 ? text.length : newline;
      if (newline !== -1 && opensValue(text, end)) {
        const following = text.indexOf('\n', newline + 1);
        end = following === -1 ? text.length : following;
      }
      found.push([start, end]);
      lines.push([start, end]);
      if (newline === -1) break;
      next = newline;
    }
  }
  return mergeRanges(lines);
}

/**
 * Whether the line ending at `end` ends with an assignment or a block waiting for its
 * value, or names the value that follows (`- name: API_KEY` before `  value: …`).
 */
function opensValue(text: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i--;
  const last = text[i];
  if (last !== undefined && ':=\\(>{['.includes(last)) return true;
  const tail = lowerAscii(text.slice(Math.max(0, i - 100), i + 1));
  if (tail.includes('name') && NAME_ENTRY.test(tail)) return true;
  // A YAML block scalar: `key: |`, `key: >-`.
  return (
    (last === '|' || last === '-' || last === '+') &&
    /:[ \t]*[|>][-+]?$/.test(text.slice(Math.max(0, i - 4), i + 1))
  );
}

/** A `name` entry of a list of name-value pairs (Kubernetes env, ECS, GitHub Actions inputs). */
const NAME_ENTRY = /(?:^|[\s{,-])["']?name["']?[ \t]*[:=][ \t]*["']?[\w.-]+["']?[ \t]*,?$/;

/** `ranges` sorted and merged where they overlap or touch. */
export function mergeRanges(ranges: Ranges): Ranges {
  ranges.sort((a, b) => a[0]! - b[0]!);
  const merged: Ranges = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0]! <= last[1]!) last[1] = Math.max(last[1]!, range[1]!);
    else merged.push([range[0]!, range[1]!]);
  }
  return merged;
}
