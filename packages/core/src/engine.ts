import { fingerprintOf } from './fingerprint.js';
import type { Hit } from './hit.js';
import { maskLine, type MaskSpan } from './mask.js';
import { builtinRules } from './rules/index.js';
import { createCredentialScanner } from './scanners/credentials.js';
import { createTermScanner } from './scanners/terms.js';
import { createTextIndex, isLineInRanges } from './text-index.js';
import type { Chunk, Finding, Rule, Term } from './types.js';

export interface EngineOptions {
  /** Credential rules to run; the built-in catalog by default. */
  rules?: readonly Rule[];
  /** Codenames and embargoed terms to block. */
  terms?: readonly Term[];
  /** Put the unmasked secret in `Finding.secret`. Off by default: findings are safe to print. */
  reveal?: boolean;
  /** Keys of hashed term lists, by key id (`keyIdOf`). A hashed term without its key is an error. */
  termKeys?: ReadonlyMap<string, Uint8Array>;
  /**
   * The clock for embargo lift dates, in ms since the epoch; the core never reads the time
   * itself. Without a clock no embargo lifts: every term keeps blocking.
   */
  now?: () => number;
  /**
   * The path that term scopes (`allowIn`, `onlyIn`) are matched against, from a chunk's
   * path: e.g. relative to the repository root when chunk paths are relative to a
   * scanned subdirectory. The chunk's path by default.
   */
  scopePath?: (path: string) => string;
}

export interface Engine {
  readonly rules: readonly Rule[];
  readonly terms: readonly Term[];
  /** Findings in `chunk`, ordered by position. Pure: the same chunk always gives the same findings. */
  scan(chunk: Chunk): Finding[];
}

export function createEngine(options: EngineOptions = {}): Engine {
  const rules = options.rules ?? builtinRules;
  const terms = options.terms ?? [];
  const reveal = options.reveal ?? false;
  const credentials = createCredentialScanner(rules);
  const termScanner = createTermScanner(terms, { keys: options.termKeys, now: options.now, scopePath: options.scopePath });

  function findHits(chunk: Chunk): Hit[] {
    const hits = [...credentials.scan(chunk.text, reveal), ...termScanner.hits(chunk.text, chunk.path, reveal)];
    return hits.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  function scan(chunk: Chunk): Finding[] {
    const hits = findHits(chunk);
    if (hits.length === 0) return [];
    const index = createTextIndex(chunk.text);
    const firstLine = chunk.startLine ?? 1;
    const placed = hits.map((hit) => {
      const lineIndex = index.lineIndexOf(hit.start);
      const endIndex = index.lineIndexOf(Math.max(hit.start, hit.end - 1));
      return { hit, lineIndex, endIndex, line: firstLine + lineIndex };
    });
    const counted = chunk.lines ? placed.filter((p) => isLineInRanges(p.line, chunk.lines!)) : placed;

    // A name or message finding differs from a content finding in the same file; content
    // fingerprints stay as they were.
    const originPart = chunk.origin === 'name' || chunk.origin === 'message' ? [chunk.origin] : [];

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
        fingerprint: fingerprintOf(hit.ruleId, chunk.path, ...originPart, hit.identity),
      };
      if (chunk.commit !== undefined) finding.commit = chunk.commit;
      if (chunk.origin !== undefined) finding.origin = chunk.origin;
      if (hit.secret !== undefined) finding.secret = hit.secret;
      return finding;
    });
  }

  return { rules, terms, scan };
}
