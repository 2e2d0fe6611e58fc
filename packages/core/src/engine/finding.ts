import { hmacSha256, sha256WithPrefix, toHex } from '../codec/sha256.js';
import { ALPHABET_SIZE, judgeRandomness } from '../codec/randomness.js';
import type { TextIndex } from '../codec/text-index.js';
import type { Chunk, Finding } from '../types.js';
import { cutLine, cutTrimmed, type MaskedLine } from './mask.js';
import type { PlacedHit } from './place.js';

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

/**
 * The findings of `counted`, in order. Work per finding is independent of the length of
 * its line: the parts of fingerprints and hashes that come from the line are computed once
 * per rule and line (a minified line may hold thousands of findings).
 */
export function toFindings(counted: readonly PlacedHit[], context: FindingContext): Finding[] {
  // Identical lines share a key, so that the n-th finding of a rule on them is told apart by
  // its count (counted from the pieces before, for a piece of a larger text).
  const { lineKeys, counts: seen } = context.chunk.occurrences ?? {
    lineKeys: new Map<string, number>(),
    counts: new Map<string, number>(),
  };
  const keyOfLine = new Map<number, number>();
  const prefixes = new Map<string, (suffix: string) => Uint8Array>();
  const termHashes = new Map<string, string>();
  const fingerprintPart = fingerprintPartOf(context.chunk);
  return counted.map((placed) => {
    const line = context.maskedLine(placed.lineIndex);
    let lineKey = keyOfLine.get(placed.lineIndex);
    if (lineKey === undefined) {
      lineKey = lineKeys.get(line.trimmed) ?? lineKeys.size;
      lineKeys.set(line.trimmed, lineKey);
      keyOfLine.set(placed.lineIndex, lineKey);
    }
    const where = whereOf(context.chunk, placed.lineIndex);
    const key = `${placed.hit.ruleId}\0${where ?? ''}\0${lineKey}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    let prefix = prefixes.get(key);
    if (prefix === undefined) {
      // Built only from what reports show (masked path and line), so that a published
      // fingerprint cannot confirm a guessed secret or term.
      // Two parts of a document (its body and a comment) with the same line are told apart.
      prefix = fingerprintPrefix(
        placed.hit.ruleId,
        context.shownPath,
        ...fingerprintPart,
        ...(where === undefined ? [] : [context.redactName(where)]),
        line.trimmed,
      );
      prefixes.set(key, prefix);
    }
    const finding = toFinding(placed, line, context);
    if (where !== undefined) finding.where = where;
    finding.fingerprint = toHex(prefix(String(nth))).slice(0, 32);
    if (context.secretHashSalt !== undefined) {
      // A term is keyed by its masked line (never by the term's text).
      let hash = placed.hit.kind === 'term' ? termHashes.get(key) : undefined;
      if (hash === undefined) {
        const identity = placed.hit.kind === 'term' ? line.trimmed : placed.hit.identity;
        hash = toHex(hmacSha256(context.secretHashSalt, `${placed.hit.ruleId}\0${identity}`)).slice(
          0,
          32,
        );
        if (placed.hit.kind === 'term') termHashes.set(key, hash);
      }
      finding.secretHash = hash;
      if (placed.hit.kind === 'credential' && isGuessable(placed.hit.identity))
        finding.secretHashSlow = true;
    }
    return finding;
  });
}

/**
 * Whether a secret could be found by guessing: it does not look random, or it holds fewer
 * than 128 bits for its length and alphabet (a password, a short value). A provider's token
 * of 30+ random characters cannot be guessed.
 */
function isGuessable(secret: string): boolean {
  const { alphabet, random } = judgeRandomness(secret);
  return !random || secret.length * Math.log2(ALPHABET_SIZE[alphabet]) < 128;
}

/**
 * A stable identifier of a finding, for SARIF `partialFingerprints` and deduplication:
 * SHA-256 over a version tag, the given parts and `nth`, cut to 128 bits (by the caller);
 * the parts hashed once for any `nth`. Callers pass only what may be derived from: never a
 * term's text.
 */
function fingerprintPrefix(...parts: readonly string[]): (nth: string) => Uint8Array {
  return sha256WithPrefix(['tightlip-v1', ...parts, ''].join('\0'));
}

function toFinding(
  { hit, lineIndex, column, line, endLine, endColumn }: PlacedHit,
  masked: MaskedLine,
  context: FindingContext,
): Finding {
  const { chunk, index } = context;
  const excerpt = context.reveal
    ? cutLine(index.lineText(lineIndex), [], column - 1)
    : cutTrimmed(masked, column - 1);
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
    fingerprint: '',
  };
  if (chunk.commit !== undefined) finding.commit = chunk.commit;
  if (chunk.file !== undefined) finding.file = chunk.file;
  if (hit.secret !== undefined) finding.secret = hit.secret;
  return finding;
}
