import { falsePositiveReason } from '../filters/index.js';
import type { Confidence, Rule } from '../types.js';
import { redactSecret, type Hit } from './hit.js';
import { scanPattern, type PatternMatch } from './pattern.js';
import { createPrefilter } from './prefilter.js';

/** Finds credential hits in a text with a fixed rule set. */
export interface CredentialScanner {
  scan(text: string, reveal: boolean): Hit[];
}

/** A valid match that passed the filters. */
interface Candidate extends Omit<PatternMatch, 'valid'> {
  /** Position of the rule in the catalog, to break ties stably. */
  order: number;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { validated: 2, pattern: 1, entropy: 0 };

/**
 * Scans with every rule whose keywords occur, then:
 * - drops candidates that fail the rule's validator or a false-positive filter;
 * - drops generic candidates that overlap a token whose checksum failed: a provider format
 *   with a checksum that does not verify is a fake or a typo, not a secret of unknown kind;
 * - keeps one finding per secret where several rules overlap: a provider rule over a
 *   generic detector, then the more confident, then the longer match, then catalog order.
 */
export function createCredentialScanner(rules: readonly Rule[]): CredentialScanner {
  const prefilter = createPrefilter(rules);
  const order = new Map(rules.map((rule, i) => [rule, i]));
  return {
    scan(text, reveal) {
      const candidates: Candidate[] = [];
      const failedChecksums: [number, number][] = [];
      for (const { rule, lines } of prefilter.select(text)) {
        for (const match of scanPattern(text, rule, lines)) {
          if (!match.valid) {
            if (rule.confidence === 'validated') failedChecksums.push([match.start, match.end]);
            continue;
          }
          if (falsePositiveReason(rule, match.secret, { text, start: match.start, end: match.end }))
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
      const kept = resolveOverlaps(
        candidates.filter(
          (c) => !c.rule.generic || !failedChecksums.some(([s, e]) => c.start < e && s < c.end),
        ),
      );
      return kept.map((c) => ({
        ruleId: c.rule.id,
        kind: 'credential' as const,
        title: c.rule.title,
        severity: c.rule.severity,
        confidence: c.rule.confidence ?? 'pattern',
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

/** Better first: provider over generic, validated over pattern over entropy, longer, earlier in the catalog. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(a.rule.generic ?? false) - Number(b.rule.generic ?? false) ||
    CONFIDENCE_RANK[b.rule.confidence ?? 'pattern'] -
      CONFIDENCE_RANK[a.rule.confidence ?? 'pattern'] ||
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
