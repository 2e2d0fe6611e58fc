import { fingerprintOf } from './fingerprint.js';
import { maskLine, redactSecret, type MaskSpan } from './mask.js';
import { builtinRules } from './rules/index.js';
import { createPrefilter, scanPattern } from './scanners/pattern.js';
import { createTermIndex, scanTerms } from './scanners/terms.js';
import { createTextIndex, isLineInRanges } from './text-index.js';
import type { Chunk, Finding, Rule, Severity, Term } from './types.js';

export interface EngineOptions {
  /** Credential rules to run; the built-in catalog by default. */
  rules?: readonly Rule[];
  /** Codenames and embargoed terms to block. */
  terms?: readonly Term[];
  /** Put the unmasked secret in `Finding.secret`. Off by default: findings are safe to print. */
  reveal?: boolean;
}

export interface Engine {
  readonly rules: readonly Rule[];
  readonly terms: readonly Term[];
  /** Findings in `chunk`, ordered by position. Pure: the same chunk always gives the same findings. */
  scan(chunk: Chunk): Finding[];
}

/** A match before it is placed in the file: offsets in the chunk text. */
interface Hit {
  ruleId: string;
  kind: Finding['kind'];
  title: string;
  severity: Severity;
  confidence: Finding['confidence'];
  start: number;
  end: number;
  redacted: string;
  /** What the fingerprint is derived from besides rule and path. */
  identity: string;
  secret?: string;
}

export function termRuleId(term: Term): string {
  return `term:${term.id}`;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const rules = options.rules ?? builtinRules;
  const terms = options.terms ?? [];
  const prefilter = createPrefilter(rules);
  const termIndex = createTermIndex(terms);

  function findHits(text: string): Hit[] {
    const hits: Hit[] = [];
    for (const rule of prefilter.select(text.toLowerCase())) {
      for (const match of scanPattern(text, rule)) {
        hits.push({
          ruleId: rule.id,
          kind: 'credential',
          title: rule.title,
          severity: rule.severity,
          confidence: rule.validate ? 'validated' : 'pattern',
          start: match.start,
          end: match.end,
          redacted: redactSecret(match.secret),
          identity: match.secret,
          ...(options.reveal ? { secret: match.secret } : {}),
        });
      }
    }
    const occurrences = new Map<string, number>();
    for (const match of scanTerms(text, termIndex)) {
      const ruleId = termRuleId(match.term);
      // A term's fingerprint must not be derived from its text (it would confirm a guess),
      // so it is the term id and the occurrence count within the chunk.
      const occurrence = (occurrences.get(ruleId) ?? 0) + 1;
      occurrences.set(ruleId, occurrence);
      hits.push({
        ruleId,
        kind: 'term',
        title: `Embargoed term ${match.term.id}`,
        severity: match.term.severity,
        confidence: 'pattern',
        start: match.start,
        end: match.end,
        redacted: `[${match.term.id}]`,
        identity: String(occurrence),
        ...(options.reveal ? { secret: text.slice(match.start, match.end) } : {}),
      });
    }
    return hits.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  function scan(chunk: Chunk): Finding[] {
    const hits = findHits(chunk.text);
    if (hits.length === 0) return [];
    const index = createTextIndex(chunk.text);
    const firstLine = chunk.startLine ?? 1;
    const placed = hits.map((hit) => {
      const lineIndex = index.lineIndexOf(hit.start);
      const endIndex = index.lineIndexOf(Math.max(hit.start, hit.end - 1));
      return { hit, lineIndex, endIndex, line: firstLine + lineIndex };
    });
    const counted = chunk.lines ? placed.filter((p) => isLineInRanges(p.line, chunk.lines!)) : placed;

    // Every excerpt masks every hit on its line, not just its own.
    const spansByLine = new Map<number, MaskSpan[]>();
    for (const { hit, lineIndex, endIndex } of placed) {
      for (let i = lineIndex; i <= endIndex; i++) {
        const lineStart = index.lineStart(i);
        const span: MaskSpan = {
          start: Math.max(hit.start, lineStart) - lineStart,
          end: Math.min(hit.end, lineStart + index.lineText(i).length) - lineStart,
          replacement: i === lineIndex ? hit.redacted : '…',
        };
        const spans = spansByLine.get(i);
        if (spans) spans.push(span);
        else spansByLine.set(i, [span]);
      }
    }

    return counted.map(({ hit, lineIndex, endIndex, line }) => {
      const column = hit.start - index.lineStart(lineIndex) + 1;
      const finding: Finding = {
        ruleId: hit.ruleId,
        kind: hit.kind,
        title: hit.title,
        severity: hit.severity,
        confidence: hit.confidence,
        path: chunk.path,
        line,
        column,
        endLine: firstLine + endIndex,
        endColumn: hit.end - index.lineStart(endIndex) + 1,
        redacted: hit.redacted,
        excerpt: maskLine(index.lineText(lineIndex), spansByLine.get(lineIndex) ?? [], column - 1),
        fingerprint: fingerprintOf(hit.ruleId, chunk.path, hit.identity),
      };
      if (chunk.commit !== undefined) finding.commit = chunk.commit;
      if (chunk.origin !== undefined) finding.origin = chunk.origin;
      if (hit.secret !== undefined) finding.secret = hit.secret;
      return finding;
    });
  }

  return { rules, terms, scan };
}
