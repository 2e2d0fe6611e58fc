import { createTextModel } from '../context/text-model.js';
import { falsePositiveReason } from '../filters/index.js';
import type { Confidence, Rule } from '../types.js';
import { redactSecret, type Hit } from './hit.js';
import {
  keywordLines,
  lowerAscii,
  mergeRanges,
  scanPattern,
  type PatternMatch,
  type Ranges,
  type ScanContext,
} from './pattern.js';
import { createPrefilter, type KeywordStarts } from './prefilter.js';

/** Finds credential hits in a text with a fixed rule set. */
export interface CredentialScanner {
  /** The hits in `text`, the content of the file at `path` (its name tells the file's type). */
  scan(text: string, reveal: boolean, path?: string): Hit[];
}

/** No lines: what most rules paired with another see in most texts. */
const NO_LINES: readonly number[] = [];

/** A valid match that passed the filters. */
interface Candidate extends Omit<PatternMatch, 'verdict'> {
  /** Position of the rule in the catalog, to break ties stably. */
  order: number;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { validated: 2, pattern: 1, entropy: 0 };

/**
 * Scans with every rule whose keywords occur (or whose paired rule matched: see `near`), then:
 * - drops candidates that fail the rule's checks or a false-positive filter;
 * - drops every candidate that overlaps a prefixed token its own check rejected (a token
 *   whose checksum or structure does not verify is a fake or a typo, whichever rule sees
 *   it), and generic candidates that overlap any rejected token;
 * - keeps one finding per secret where several rules overlap: a provider rule over a
 *   generic detector, then the more confident, then the longer match, then catalog order.
 */
export function createCredentialScanner(rules: readonly Rule[]): CredentialScanner {
  const prefilter = createPrefilter(rules);
  const order = new Map(rules.map((rule, i) => [rule, i]));
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  // Rules paired with another (`near`) may run where their own keywords do not occur.
  const paired = rules.filter((rule) => rule.near.length > 0);
  const byOrder = (a: Rule, b: Rule) => order.get(a)! - order.get(b)!;
  const withPaired = (chosen: readonly Rule[]) =>
    paired.length === 0 ? chosen : [...new Set([...chosen, ...paired])].sort(byOrder);
  // What runs on a text where no keyword occurs (most of the small chunks a push gives):
  // the rules without keywords, and the paired ones.
  const withoutKeywords = rules.filter((rule) => rule.keywords.length === 0);
  const whenNoKeyword = withPaired(withoutKeywords);
  return {
    scan(text, reveal, path = '') {
      const candidates: Candidate[] = [];
      const rejected: [number, number][] = [];
      const rejectedForGeneric: [number, number][] = [];
      // The text lower-cased, for keyword lines and prefixes, made only when asked for.
      let lower: string | undefined;
      const lowerText = () => (lower ??= lowerAscii(text));
      // Facts about the text (line index, commentary, block keys) are computed on first use.
      const model = createTextModel(text, path);
      const lineCache = new Map<string, readonly number[]>();
      const matchCache = new Map<Rule, PatternMatch[]>();
      const keywordCache = new Map<string, Ranges>();
      const context: ScanContext = { text, model, linesOf: (ruleId) => linesOf(ruleId) };
      const starts: KeywordStarts = new Map();
      const chosen = prefilter.select(text, lowerText, starts);
      const selected = new Set(chosen);
      // The rules to run, in catalog order: those whose keywords occur, and the paired ones.
      const toRun = chosen.length === withoutKeywords.length ? whenNoKeyword : withPaired(chosen);

      /** The lines where `ruleId` has a candidate that passes its checks, once per scan. */
      function linesOf(ruleId: string): readonly number[] {
        let lines = lineCache.get(ruleId);
        if (lines === undefined) {
          lineCache.set(ruleId, []); // a rule that (indirectly) pairs with itself sees nothing
          const rule = byId.get(ruleId);
          const ranges = rule ? rangesOf(rule) : [];
          const found =
            rule && (ranges === undefined || ranges.length > 0)
              ? matchesOf(rule, ranges).filter((m) => m.verdict === 'pass')
              : [];
          lines =
            found.length === 0
              ? NO_LINES
              : [...new Set(found.map((m) => model.lineIndexOf(m.start)))].sort((a, b) => a - b);
          lineCache.set(ruleId, lines);
        }
        return lines;
      }

      /**
       * The matches of `rule` in `ranges`. Those of a rule paired with no other depend on
       * the text alone, so they are kept: a rule that others pair with (`twilio-api-key`)
       * is scanned once, for its own findings and for the lines of its partners. A paired
       * rule's depend on its partners' lines, which may be in the making (`linesOf`).
       */
      function matchesOf(rule: Rule, ranges: Ranges | undefined): PatternMatch[] {
        if (rule.near.length > 0) return scanPattern(rule, context, ranges);
        let matches = matchCache.get(rule);
        if (matches === undefined) {
          matches = scanPattern(rule, context, ranges);
          matchCache.set(rule, matches);
        }
        return matches;
      }

      /**
       * Where `rule`'s pattern runs: the whole text, or its keyword lines; and, for a rule
       * paired with another (`near`), the lines around that rule's candidates. Undefined
       * for the whole text; an empty list for nowhere.
       */
      function rangesOf(rule: Rule): Ranges | undefined {
        const own: Ranges =
          rule.keywords.length === 0 ||
          !selected.has(rule) ||
          (rule.wordKeywords === true && !startsAWord(text, rule.keywords, starts))
            ? []
            : rule.scope === 'line'
              ? keywordLines(text, rule.keywords, starts, keywordCache)
              : [[0, text.length]];
        if (rule.near.length === 0) return rule.keywords.length === 0 ? undefined : own;
        const windows: Ranges = [];
        for (const { rule: other, withinLines } of rule.near) {
          for (const line of linesOf(other)) {
            const first = Math.max(0, line - withinLines);
            const last = line + withinLines;
            lastLine ??= model.lineIndexOf(text.length);
            const end = last < lastLine ? model.lineStart(last + 1) - 1 : text.length;
            windows.push([model.lineStart(first), end]);
          }
        }
        return windows.length === 0 ? own : mergeRanges([...own, ...windows]);
      }
      let lastLine: number | undefined;

      for (const rule of toRun) {
        const ranges = rangesOf(rule);
        if (ranges !== undefined && ranges.length === 0) continue;
        for (const match of matchesOf(rule, ranges)) {
          if (match.verdict !== 'pass') {
            if (match.verdict === 'rejected')
              (isPrefixedToken(match, lowerText()) ? rejected : rejectedForGeneric).push([
                match.start,
                match.end,
              ]);
            continue;
          }
          if (
            falsePositiveReason(rule, match.secret, {
              text,
              model,
              start: match.start,
              end: match.end,
              matchStart: match.matchStart,
            })
          )
            continue;
          candidates.push({
            rule,
            start: match.start,
            end: match.end,
            secret: match.secret,
            order: order.get(rule)!,
            matchStart: match.matchStart,
          });
        }
      }
      if (candidates.length === 0) return [];
      // A prefixed token its own check rejected is reported by no rule; any rejected token
      // by no generic detector.
      const overlapsRejected = createOverlapTest(rejected);
      const overlapsRejectedForGeneric = createOverlapTest([...rejected, ...rejectedForGeneric]);
      const kept = resolveOverlaps(
        candidates.filter((c) =>
          c.rule.generic
            ? !overlapsRejectedForGeneric(c)
            : c.rule.confidence === 'validated' || !overlapsRejected(c),
        ),
      );
      return kept.map((c) => ({
        ruleId: c.rule.id,
        kind: 'credential' as const,
        title: c.rule.title,
        severity: c.rule.severity,
        confidence: c.rule.confidence,
        start: c.start,
        end: c.end,
        redacted: redactSecret(c.secret),
        identity: c.secret,
        ...(c.matchStart < c.start ? { anchor: c.matchStart } : {}),
        ...(reveal ? { secret: c.secret } : {}),
      }));
    },
  };
}

/** Whether one of `keywords` occurs in `text` where a word starts (see `Rule.wordKeywords`). */
function startsAWord(text: string, keywords: readonly string[], starts: KeywordStarts): boolean {
  for (const keyword of keywords) {
    for (const at of starts.get(keyword) ?? []) {
      const before = at === 0 ? 0 : text.charCodeAt(at - 1);
      if (!isAlphanumeric(before)) return true;
      const first = text.charCodeAt(at);
      if (before >= 97 && before <= 122 && first >= 65 && first <= 90) return true;
    }
  }
  return false;
}

/** An ASCII letter or digit. */
function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A test of whether a span overlaps one of `spans`, in logarithmic time. */
function createOverlapTest(
  spans: [number, number][],
): (span: { start: number; end: number }) => boolean {
  if (spans.length === 0) return () => false;
  const merged = mergeRanges(spans);
  return ({ start, end }) => {
    // The first merged span that ends after `start`.
    let low = 0;
    let high = merged.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (merged[mid]![1]! <= start) low = mid + 1;
      else high = mid;
    }
    return low < merged.length && merged[low]![0]! < end;
  };
}

/** Whether the match is a token of a prefixed format (`prefix` and `body`) that starts with its prefix. */
function isPrefixedToken({ rule, start }: PatternMatch, lowerText: string): boolean {
  const { prefix } = rule.spec;
  if (prefix === undefined) return false;
  return (typeof prefix === 'string' ? [prefix] : prefix).some((p) =>
    lowerText.startsWith(p.toLowerCase(), start),
  );
}

/** Better first: provider over generic, validated over pattern over entropy, longer, earlier in the catalog. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(a.rule.generic ?? false) - Number(b.rule.generic ?? false) ||
    CONFIDENCE_RANK[b.rule.confidence] - CONFIDENCE_RANK[a.rule.confidence] ||
    b.end - b.start - (a.end - a.start) ||
    a.order - b.order
  );
}

/** Keeps, in each cluster of overlapping candidates, the best ones that do not overlap each other. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const chosen: Candidate[] = [];
    for (const candidate of cluster.sort(compareCandidates)) {
      if (!chosen.some((c) => candidate.start < c.end && c.start < candidate.end))
        chosen.push(candidate);
    }
    kept.push(...chosen);
  };
  for (const candidate of sorted) {
    if (candidate.start >= clusterEnd && cluster.length > 0) {
      flush();
      cluster = [];
    }
    cluster.push(candidate);
    clusterEnd = Math.max(clusterEnd, candidate.end);
  }
  if (cluster.length > 0) flush();
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
