import { createAhoCorasick } from '../codec/aho-corasick.js';
import type { Rule } from '../types.js';

/** [start, end) offsets of a line (without its `\n`) or of a run of lines. */
export type Span = [start: number, end: number];

/** A rule to run on a text, and for a rule scoped to lines, the lines that hold one of its keywords. */
export interface Selected {
  rule: Rule;
  /** Sorted, merged spans of the lines with a keyword; only for rules with `scope: 'line'`. */
  lines?: Span[];
}

/** Decides in one pass over a text which rules can match it. */
export interface RulePrefilter {
  /** The rules whose keywords occur in `text` (in any case), plus those without keywords, in catalog order. */
  select(text: string): Selected[];
}

/** Merges sorted-by-start spans that touch or overlap. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * The rules' keywords in one case-folding Aho–Corasick automaton: a single pass over the
 * text, with no lower-cased copy of it, finds every keyword present however many rules
 * there are, and the lines where the keywords of line-scoped rules occur.
 */
export function createPrefilter(rules: readonly Rule[]): RulePrefilter {
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
  const index = new Map(keywords.map((keyword, k) => [keyword, k]));
  const keywordsOf = rules.map((rule) => rule.keywords.map((keyword) => index.get(keyword)!));
  const rulesOf = keywords.map(() => [] as number[]);
  keywordsOf.forEach((own, r) => {
    for (const k of own) rulesOf[k]!.push(r);
  });
  const always = rules.flatMap((rule, r) => (rule.keywords.length === 0 ? [r] : []));
  const lineScoped = rules.map((rule) => rule.scope === 'line' && rule.keywords.length > 0);
  const wantsLines = new Uint8Array(keywords.length);
  rules.forEach((_rule, r) => {
    if (lineScoped[r]) for (const k of keywordsOf[r]!) wantsLines[k] = 1;
  });
  const automaton = createAhoCorasick(keywords, { foldCase: true });
  // Scratch marks, cleared after each text: the work per text follows the keywords found
  // in it, not the number of rules.
  const found = new Uint8Array(keywords.length);
  const chosen = new Uint8Array(rules.length);
  return {
    select(text) {
      const hits: number[] = [];
      const lines: (Span[] | undefined)[] = [];
      automaton.each(text, (k, end) => {
        if (found[k] === 0) {
          found[k] = 1;
          hits.push(k);
        }
        if (wantsLines[k] === 0) return;
        const spans = (lines[k] ??= []);
        const last = spans[spans.length - 1];
        if (last && end <= last[1]) return;
        const newline = text.indexOf('\n', end);
        spans.push([text.lastIndexOf('\n', end - 1) + 1, newline === -1 ? text.length : newline]);
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
        const rule = rules[r]!;
        if (!lineScoped[r]) return { rule };
        return { rule, lines: mergeSpans(keywordsOf[r]!.flatMap((k) => lines[k] ?? [])) };
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
