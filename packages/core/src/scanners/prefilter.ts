import { createAhoCorasick } from '../codec/aho-corasick.js';
import type { Rule } from '../types.js';

/** Decides in one pass over a text which rules can match it. */
export interface RulePrefilter {
  /** The rules whose keywords occur in `text` (lower-cased by the caller), plus those without keywords. */
  select(lowerText: string): Rule[];
}

/**
 * The rules' keywords in one Aho–Corasick automaton: a single pass over the text finds
 * every keyword present, however many rules there are (one `includes` per keyword costs a
 * pass each).
 */
export function createPrefilter(rules: readonly Rule[]): RulePrefilter {
  const always = rules.filter((rule) => rule.keywords.length === 0);
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
  const rulesOfKeyword = keywords.map((keyword) =>
    rules.filter((rule) => rule.keywords.includes(keyword)),
  );
  const automaton = createAhoCorasick(keywords);
  return {
    select(lowerText) {
      const found = automaton.find(lowerText);
      const selected = new Set(always);
      for (let k = 0; k < keywords.length; k++)
        if (found[k]) for (const rule of rulesOfKeyword[k]!) selected.add(rule);
      // Keep the catalog order, so reports are stable.
      return rules.filter((rule) => selected.has(rule));
    },
  };
}
