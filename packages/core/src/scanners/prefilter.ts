import { createAhoCorasick } from '../codec/aho-corasick.js';
import type { Rule } from '../types.js';

/** Decides in one pass over a text which rules can match it. */
export interface RulePrefilter {
  /** The rules whose keywords occur in `text` (in any case), plus those without keywords, in catalog order. */
  select(text: string): Rule[];
}

/**
 * The rules' keywords in one case-folding Aho–Corasick automaton: a single pass over the
 * text, with no lower-cased copy of it, finds every keyword present however many rules
 * there are.
 */
export function createPrefilter(rules: readonly Rule[]): RulePrefilter {
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
  const index = new Map(keywords.map((keyword, k) => [keyword, k]));
  const rulesOf = keywords.map(() => [] as number[]);
  rules.forEach((rule, r) => {
    for (const keyword of rule.keywords) rulesOf[index.get(keyword)!]!.push(r);
  });
  const always = rules.flatMap((rule, r) => (rule.keywords.length === 0 ? [r] : []));
  const automaton = createAhoCorasick(keywords, { foldCase: true });
  // Scratch marks, cleared after each text: the work per text follows the keywords found
  // in it, not the number of rules.
  const found = new Uint8Array(keywords.length);
  const chosen = new Uint8Array(rules.length);
  return {
    select(text) {
      const hits: number[] = [];
      automaton.each(text, (k) => {
        if (found[k] === 0) {
          found[k] = 1;
          hits.push(k);
        }
      });
      const picked = [...always];
      for (const k of hits) {
        found[k] = 0;
        for (const r of rulesOf[k]!) {
          if (chosen[r] === 1) continue;
          chosen[r] = 1;
          picked.push(r);
        }
      }
      // Catalog order, so reports are stable.
      picked.sort((a, b) => a - b);
      return picked.map((r) => {
        chosen[r] = 0;
        return rules[r]!;
      });
    },
  };
}

/** Keywords this short occur in much ordinary text, so they spare a rule's pattern few files. */
const SHORT_KEYWORD = 3;

/**
 * Why a rule's keywords barely narrow the texts its pattern runs on, if they do: it has
 * none (it runs on every text), or one of `SHORT_KEYWORD` characters or fewer. Such a rule
 * costs time on most files; `tightlip rules list` names them and the rules benchmark
 * measures them. A line-scoped one runs on the lines with its keyword only.
 */
export function weakPrefilter(rule: Rule): string | undefined {
  if (rule.keywords.length === 0) return 'no keyword: the pattern runs on every text';
  const short = rule.keywords.filter((keyword) => keyword.length <= SHORT_KEYWORD);
  if (short.length === 0) return undefined;
  return `short keyword${short.length > 1 ? 's' : ''} ${short.map((k) => `"${k}"`).join(', ')}: the pattern runs on most texts${rule.scope === 'line' ? ', on the lines with one' : ''}`;
}
