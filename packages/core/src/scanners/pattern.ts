import type { Rule } from '../types.js';

export interface PatternMatch {
  rule: Rule;
  /** Offsets of the secret (the `secret` group, or the whole match) in the text. */
  start: number;
  end: number;
  secret: string;
}

/** Rules grouped by keyword, so a text is searched once per distinct keyword. */
export interface RulePrefilter {
  /** The rules whose keywords occur in `text` (lower-cased by the caller), plus those without keywords. */
  select(lowerText: string): Rule[];
}

export function createPrefilter(rules: readonly Rule[]): RulePrefilter {
  const always = rules.filter((rule) => rule.keywords.length === 0);
  const byKeyword = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const keyword of rule.keywords) {
      const bucket = byKeyword.get(keyword);
      if (bucket) bucket.push(rule);
      else byKeyword.set(keyword, [rule]);
    }
  }
  return {
    select(lowerText) {
      const selected = new Set(always);
      for (const [keyword, bucket] of byKeyword) {
        if (lowerText.includes(keyword)) for (const rule of bucket) selected.add(rule);
      }
      // Keep the catalog order, so reports are stable.
      return rules.filter((rule) => selected.has(rule));
    },
  };
}

/** Every match of `rule` in `text` that passes its validator. */
export function scanPattern(text: string, rule: Rule): PatternMatch[] {
  const matches: PatternMatch[] = [];
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const group = m.indices?.groups?.['secret'];
    const [start, end] = group ?? [m.index, m.index + m[0].length];
    const secret = text.slice(start, end);
    if (rule.validate && !rule.validate(secret)) continue;
    matches.push({ rule, start, end, secret });
  }
  return matches;
}
