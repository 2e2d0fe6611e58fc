import { createAhoCorasick, type AhoCorasick } from '../codec/aho-corasick.js';
import { keywordAutomaton } from '../rules/builtin.js';
import { keywordsOf } from '../rules/lazy-catalog.js';
import { lowerAscii } from './pattern.js';
import type { Rule } from '../types.js';
import { escapeRegExp } from '../codec/escape-regexp.js';

/** Where each keyword found in a text starts: its offsets, in increasing order. */
export type KeywordStarts = Map<string, number[]>;

/** Decides which rules can match a text. */
export interface RulePrefilter {
  /**
   * The rules whose keywords occur in `text` (in any case), plus those without keywords, in
   * catalog order. `lower` gives the text lower-cased (`lowerAscii`), if the caller has it.
   * With `starts`, also records where every occurrence of each keyword starts (as a search
   * of the lower-cased text for it would find them), for keyword lines.
   */
  select(text: string, lower?: () => string, starts?: KeywordStarts): readonly Rule[];
}

export interface PrefilterOptions {
  /**
   * How many characters of text are searched with the regular expression of every keyword
   * before the automaton is built (see `createPrefilter`).
   */
  automatonAfter?: number;
}

/** Characters searched with the regular expression before the automaton pays for its building. */
const AUTOMATON_AFTER = 256 * 1024;

/**
 * The rules' keywords, found in a text in any case. A hook scans a few kilobytes, where
 * building the case-folding Aho–Corasick automaton of every keyword (~20 ms for the
 * catalog) would cost more than the scan: there, one regular expression of every keyword,
 * longest first, runs over the lower-cased text (native code, compiled in a fraction of
 * that), and each keyword it finds brings the keywords it contains (those that start where
 * it starts are found through it). Once the texts searched reach `automatonAfter`
 * characters in all, the automaton is built, and each later text takes a single pass
 * whatever the number of rules. Both find the same keywords (keywords are lower case,
 * checked by `defineRule`; the automaton matches each of their characters or its upper
 * case), but for the few characters whose lower case is ASCII and upper case is not (the
 * Kelvin sign), which the lower-cased text also folds, as it does for keyword lines.
 */
export function createPrefilter(
  rules: readonly Rule[],
  options: PrefilterOptions = {},
): RulePrefilter {
  const keywords = keywordsOf(rules);
  const index = new Map(keywords.map((keyword, k) => [keyword, k]));
  const rulesOf = keywords.map(() => [] as number[]);
  rules.forEach((rule, r) => {
    for (const keyword of rule.keywords) rulesOf[index.get(keyword)!]!.push(r);
  });
  const always = rules.flatMap((rule, r) => (rule.keywords.length === 0 ? [r] : []));
  const withoutKeywords = always.map((r) => rules[r]!);
  // A configured keyword may hold other characters: their case is then the automaton's.
  const ascii = keywords.every((keyword) => /^[\x20-\x7e]+$/.test(keyword));
  const limit = options.automatonAfter ?? AUTOMATON_AFTER;
  let searched = 0;
  let automaton: AhoCorasick | undefined;
  let search: RegExp | undefined;
  /** By keyword: the keywords it contains, itself included, once it has been found. */
  const contained = new Map<string, number[]>();
  const containedIn = (match: string): number[] => {
    let within = contained.get(match);
    if (within === undefined) {
      within = keywords.flatMap((keyword, k) => (match.includes(keyword) ? [k] : []));
      contained.set(match, within);
    }
    return within;
  };
  /** By keyword: the keywords that start it, itself included (those that start where it does). */
  const starting = new Map<string, number[]>();
  const startsOf = (match: string): number[] => {
    let prefixes = starting.get(match);
    if (prefixes === undefined) {
      prefixes = containedIn(match).filter((k) => match.startsWith(keywords[k]!));
      starting.set(match, prefixes);
    }
    return prefixes;
  };
  // Scratch marks, cleared after each text: the work per text follows the keywords found
  // in it, not the number of rules.
  const found = new Uint8Array(keywords.length);
  const chosen = new Uint8Array(rules.length);
  return {
    select(text, lower, starts) {
      const hits: number[] = [];
      const hit = (k: number) => {
        if (found[k] === 0) {
          found[k] = 1;
          hits.push(k);
        }
      };
      const record = (k: number, at: number) => {
        const keyword = keywords[k]!;
        const list = starts!.get(keyword);
        if (list) list.push(at);
        else starts!.set(keyword, [at]);
      };
      if (keywords.length === 0) {
        // Only rules without keywords: nothing to search for.
      } else if (
        ascii &&
        ((automaton === undefined && (searched += text.length) <= limit) ||
          // Where the Kelvin sign is, the lower-cased text is what keyword lines search.
          (starts !== undefined && text.includes('\u212a')))
      ) {
        const folded = lower?.() ?? lowerAscii(text);
        search ??= new RegExp(
          [...keywords]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'),
          'g',
        );
        search.lastIndex = 0;
        for (let match = search.exec(folded); match !== null; match = search.exec(folded)) {
          for (const k of containedIn(match[0])) hit(k);
          if (starts) for (const k of startsOf(match[0])) record(k, match.index);
          search.lastIndex = match.index + 1;
        }
      } else {
        // The catalog's own keywords: its automaton as the bundle stores it, if it does.
        automaton ??= keywordAutomaton(keywords) ?? createAhoCorasick(keywords, { foldCase: true });
        automaton.each(
          text,
          starts
            ? (k, end) => {
                hit(k);
                record(k, end - keywords[k]!.length);
              }
            : hit,
        );
      }
      // No keyword: the rules without keywords, as they always are (most small texts).
      if (hits.length === 0) return withoutKeywords;
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
  // Names count only where a word starts (`wordKeywords`): not inside random text.
  if (rule.wordKeywords === true) return undefined;
  const short = rule.keywords.filter((keyword) => keyword.length <= SHORT_KEYWORD);
  if (short.length === 0) return undefined;
  return `short keyword${short.length > 1 ? 's' : ''} ${short.map((k) => `"${k}"`).join(', ')}: the pattern runs on most texts${rule.scope === 'line' ? ', on the lines with one' : ''}`;
}
