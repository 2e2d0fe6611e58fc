import { hmacSha256, sha256, toHex } from '../codec/sha256.js';
import type { TextIndex } from '../codec/text-index.js';
import type { Chunk, Finding } from '../types.js';
import { cutLine, cutMasked, type MaskedLine } from './mask.js';
import type { PlacedHit } from './place.js';

/**
 * A stable identifier of a finding, for SARIF `partialFingerprints` and deduplication:
 * SHA-256 over a version tag and the given parts, cut to 128 bits. Callers pass only
 * what may be derived from: never a term's text.
 */
export function fingerprintOf(...parts: readonly (string | number)[]): string {
  return toHex(sha256(['tightlip-v1', ...parts].join('\0'))).slice(0, 32);
}

/** What turning a chunk's placed hits into findings needs. */
export interface FindingContext {
  chunk: Chunk;
  /** The chunk's path as reports show it (`Engine.redactName`). */
  shownPath: string;
  /** A name as reports show it: for the `where` a fingerprint is derived from. */
  redactName: (name: string) => string;
  index: TextIndex;
  maskedLine: (lineIndex: number) => MaskedLine;
  reveal: boolean;
  secretHashSalt?: string;
}

/** What a fingerprint adds for text that is not file content: a name and a message with the same line differ. */
function fingerprintPartOf(chunk: Chunk): string[] {
  if (chunk.subject === 'message') return ['message'];
  if (chunk.subject === 'file-name' || chunk.subject === 'ref') return ['name'];
  return [];
}

/** Where in its file a finding on the 0-based line `lineIndex` of `chunk` is (see `Chunk.where`). */
function whereOf(chunk: Chunk, lineIndex: number): string | undefined {
  return typeof chunk.where === 'string' ? chunk.where : chunk.where?.[lineIndex];
}

/** The findings of `counted`, in order. */
export function toFindings(counted: readonly PlacedHit[], context: FindingContext): Finding[] {
  const seen = new Map<string, number>();
  return counted.map((placed) => {
    // The n-th finding of a rule on identical lines is told apart by its count.
    const key = `${placed.hit.ruleId}\0${whereOf(context.chunk, placed.lineIndex) ?? ''}\0${context.maskedLine(placed.lineIndex).trimmed}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return toFinding(placed, nth, context);
  });
}

function toFinding(
  { hit, lineIndex, line, column, endLine, endColumn }: PlacedHit,
  nth: number,
  context: FindingContext,
): Finding {
  const { chunk, index } = context;
  const { masked, trimmed } = context.maskedLine(lineIndex);
  const where = whereOf(chunk, lineIndex);
  // Two parts of a document (its body and a comment) with the same line are told apart.
  const fingerprintPart = [
    ...fingerprintPartOf(chunk),
    ...(where === undefined ? [] : [context.redactName(where)]),
  ];
  const excerpt = context.reveal
    ? cutLine(index.lineText(lineIndex), [], column - 1)
    : cutMasked(masked, column - 1);
  const finding: Finding = {
    ruleId: hit.ruleId,
    kind: hit.kind,
    title: hit.title,
    severity: hit.severity,
    confidence: hit.confidence,
    path: chunk.path,
    line,
    column,
    endLine,
    endColumn,
    redacted: hit.redacted,
    excerpt: excerpt.text,
    excerptColumn: excerpt.focus + 1,
    // Built only from what reports show (masked path and line), so that a published
    // fingerprint cannot confirm a guessed secret or term.
    fingerprint: fingerprintOf(hit.ruleId, context.shownPath, ...fingerprintPart, trimmed, nth),
  };
  if (context.secretHashSalt !== undefined) {
    // A term is keyed by its masked line (never by the term's text).
    const identity = hit.kind === 'term' ? trimmed : hit.identity;
    finding.secretHash = toHex(
      hmacSha256(context.secretHashSalt, `${hit.ruleId}\0${identity}`),
    ).slice(0, 32);
  }
  if (chunk.commit !== undefined) finding.commit = chunk.commit;
  if (chunk.file !== undefined) finding.file = chunk.file;
  if (where !== undefined) finding.where = where;
  if (hit.secret !== undefined) finding.secret = hit.secret;
  return finding;
}
