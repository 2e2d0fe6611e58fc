// The built-in catalog as data, for the published bundle: what a scan asks of every rule
// before it knows which rules a text needs (id, keywords, `near`, scope), and each rule's
// spec (JSON). A rule is defined from its spec (`defineRule`, as a configuration's rules
// are) only when something asks for the rest: its patterns and checks when its keywords
// occur, its title when it finds something. A hook's text holds the keywords of a few
// rules (1 to 9 of 473 for ten files), so a hook neither compiles the catalog's ~300 KB of definitions nor defines
// most of its rules: it reads one file (~470 KB) and parses its first line (~50 KB).
// scripts/build-package.mjs writes that file from the catalog's sources (`catalogText`);
// a test checks that each rule read from it is the rule it was written from.

import { loadAhoCorasick, type AhoCorasick } from '../codec/aho-corasick.js';
import type { Rule, RuleSpec } from '../types.js';
import { defineRule } from './define-rule.js';

/** The keywords of `rules`, each once, in the rules' order: what the keyword prefilter searches for. */
export function keywordsOf(rules: readonly Rule[]): string[] {
  return [...new Set(rules.flatMap((rule) => rule.keywords))];
}

/** What a scan reads of every rule before it knows which rules a text needs. */
interface CatalogEntry {
  id: string;
  /** The rule file it comes from (`familyOf`). */
  family: string;
  keywords: readonly string[];
  near: readonly { rule: string; withinLines: number }[];
  scope?: 'text' | 'line';
  wordKeywords?: true;
  generic?: true;
}

/**
 * The catalog as text (JSON Lines): on its first line the entries of `rules`, then each
 * rule's spec (`Rule.spec`), one per line in the same order. Built-in rules only: their
 * checks are all named, so their specs say all.
 */
export function catalogText(
  rules: readonly Rule[],
  familyOf: (id: string) => string | undefined,
): string {
  const entries: CatalogEntry[] = rules.map((rule) => ({
    id: rule.id,
    family: familyOf(rule.id) ?? 'custom',
    keywords: rule.keywords,
    near: rule.near,
    ...(rule.scope ? { scope: rule.scope } : {}),
    ...(rule.wordKeywords ? { wordKeywords: true as const } : {}),
    ...(rule.generic ? { generic: true as const } : {}),
  }));
  // ASCII (other characters escaped): the bundle reads it as a one-byte string, ~40 % faster.
  return [entries, ...rules.map((rule) => rule.spec)]
    .map((line) =>
      JSON.stringify(line).replace(
        /[^ -~]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    )
    .join('\n');
}

/**
 * A rule whose eager parts come from its entry and whose other parts are those of the rule
 * its spec defines, defined when first asked for. Own getters, as `defineRule`'s are, so
 * that spreading a rule (`{ ...rule, severity }`) copies all of it. Written out one by one
 * on purpose: a loop of `Object.defineProperty` with `rule()[name]` makes each read a
 * keyed one, and getters shared through a prototype cost a scan more instructions.
 */
function lazyRule(entry: CatalogEntry, spec: string): Rule {
  let defined: Rule | undefined;
  const rule = () => (defined ??= defineRule(JSON.parse(spec) as RuleSpec));
  return {
    id: entry.id,
    keywords: entry.keywords,
    near: entry.near,
    ...(entry.scope ? { scope: entry.scope } : {}),
    ...(entry.wordKeywords ? { wordKeywords: true } : {}),
    ...(entry.generic ? { generic: true } : {}),
    get title() {
      return rule().title;
    },
    get description() {
      return rule().description;
    },
    get remediation() {
      return rule().remediation;
    },
    get severity() {
      return rule().severity;
    },
    get patterns() {
      return rule().patterns;
    },
    get check() {
      return rule().check;
    },
    get confidence() {
      return rule().confidence;
    },
    get skipFilters() {
      return rule().skipFilters;
    },
    get samples() {
      return rule().samples;
    },
    get spec() {
      return rule().spec;
    },
  };
}

/** What the bundle reads of the catalog (see rules/builtin.ts). */
export interface Catalog {
  builtinRules: readonly Rule[];
  familyOf: (ruleId: string) => string | undefined;
  /**
   * The keyword automaton of the catalog's rules, stored, when `keywords` are theirs
   * (`keywordsOf`); undefined for other keywords (a configuration's rules), which the
   * prefilter builds its own automaton of.
   */
  keywordAutomaton: (keywords: readonly string[]) => AhoCorasick | undefined;
}

/**
 * The catalog `catalogText` wrote, and the keyword automaton `readAutomaton` reads (what
 * `storedAhoCorasick` stored of `keywordsOf` the catalog's rules, case folded), read when
 * first asked for.
 */
export function lazyCatalog(text: string, readAutomaton?: () => Int32Array): Catalog {
  const [index = '[]', ...specs] = text.split('\n');
  const entries = JSON.parse(index) as CatalogEntry[];
  if (entries.length !== specs.length)
    throw new Error(`the rule catalog is damaged: ${entries.length} rules, ${specs.length} specs`);
  const families = new Map(entries.map((entry) => [entry.id, entry.family]));
  const builtinRules = entries.map((entry, i) => lazyRule(entry, specs[i]!));
  let own: string[] | undefined;
  let automaton: AhoCorasick | undefined;
  return {
    builtinRules,
    familyOf: (ruleId) => families.get(ruleId),
    keywordAutomaton(keywords) {
      // Asked for past 256 KB of text only: a hook does not list the catalog's keywords.
      const catalogKeywords = (own ??= keywordsOf(builtinRules));
      if (readAutomaton === undefined || keywords.length !== catalogKeywords.length)
        return undefined;
      if (keywords.some((keyword, k) => keyword !== catalogKeywords[k])) return undefined;
      return (automaton ??= loadAhoCorasick(readAutomaton(), catalogKeywords));
    },
  };
}
