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

/** Decides in one pass over a text which rules can match it. */
export interface RulePrefilter {
  /** The rules whose keywords occur in `text` (lower-cased by the caller), plus those without keywords. */
  select(lowerText: string): Rule[];
}

/**
 * The rules' keywords in one Aho-Corasick automaton: a single pass over the text finds
 * every keyword present, however many rules there are (one `includes` per keyword costs a
 * pass each). Characters that occur in no keyword share one class, so the transition table
 * stays small: states × (distinct keyword characters + 1).
 */
export function createPrefilter(rules: readonly Rule[]): RulePrefilter {
  const always = rules.filter((rule) => rule.keywords.length === 0);
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
  const rulesOfKeyword = keywords.map((keyword) => rules.filter((rule) => rule.keywords.includes(keyword)));
  const automaton = buildAutomaton(keywords);
  return {
    select(lowerText) {
      const found = automaton.find(lowerText);
      const selected = new Set(always);
      for (let k = 0; k < keywords.length; k++) if (found[k]) for (const rule of rulesOfKeyword[k]!) selected.add(rule);
      // Keep the catalog order, so reports are stable.
      return rules.filter((rule) => selected.has(rule));
    },
  };
}

interface Automaton {
  /** found[k] is 1 when keyword k occurs in the text. */
  find(text: string): Uint8Array;
}

function buildAutomaton(keywords: readonly string[]): Automaton {
  // Character classes: 0 for any character in no keyword, 1..n for the others.
  const classOf = new Uint16Array(65536);
  let classes = 1;
  for (const keyword of keywords) for (const char of keyword) if (classOf[char.charCodeAt(0)] === 0) classOf[char.charCodeAt(0)] = classes++;

  // The trie, then failure links breadth-first, turned into a full transition table.
  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  for (const [k, keyword] of keywords.entries()) {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = classOf[keyword.charCodeAt(i)]!;
      let next = children[state]!.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        children[state]!.set(c, next);
      }
      state = next;
    }
    outputs[state]!.push(k);
  }
  const states = children.length;
  const table = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    const next = children[0]!.get(c);
    if (next !== undefined) {
      table[c] = next;
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let c = 0; c < classes; c++) {
      const next = children[state]!.get(c);
      if (next === undefined) {
        table[state * classes + c] = table[fail[state]! * classes + c]!;
      } else {
        fail[next] = table[fail[state]! * classes + c]!;
        table[state * classes + c] = next;
        queue.push(next);
      }
    }
  }
  const accepting = new Uint8Array(states);
  for (let state = 0; state < states; state++) accepting[state] = outputs[state]!.length > 0 ? 1 : 0;

  return {
    find(text) {
      const found = new Uint8Array(keywords.length);
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        state = table[state * classes + classOf[text.charCodeAt(i)]!]!;
        if (accepting[state] === 1) {
          for (const k of outputs[state]!) found[k] = 1;
        }
      }
      return found;
    },
  };
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
    matches.push(...scanRange(text, rule, text.slice(from, to), from!));
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
    const [start, end] = group ? [group[0] + offset, group[1] + offset] : [m.index + offset, m.index + offset + m[0].length];
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
    for (let at = lowerText.indexOf(keyword); at !== -1; ) {
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
