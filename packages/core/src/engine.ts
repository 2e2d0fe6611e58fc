import { createAllowListFilter, type AllowList } from './filters/allow-list.js';
import { allowsRule, parseAllowDirective, type AllowDirective } from './filters/inline-allow.js';
import { fingerprintOf } from './fingerprint.js';
import type { Hit } from './hit.js';
import { maskLine, type MaskSpan } from './mask.js';
import { builtinRules } from './rules/index.js';
import { createCredentialScanner } from './scanners/credentials.js';
import { createTermScanner } from './scanners/terms.js';
import { hmacSha256, toHex } from './sha256.js';
import { createTextIndex, isLineInRanges, type TextIndex } from './text-index.js';
import type { Chunk, Finding, Rule, Term } from './types.js';

export interface EngineOptions {
  /** Credential rules to run; the built-in catalog by default. */
  rules?: readonly Rule[];
  /** Codenames and embargoed terms to block. */
  terms?: readonly Term[];
  /** Put the unmasked secret in `Finding.secret` and leave excerpts unmasked. Off by default: findings are safe to print. */
  reveal?: boolean;
  /** Credential values, patterns and stopwords that are never reported. */
  allow?: AllowList;
  /** Honour `tightlip:allow` directives in the scanned text; on by default. */
  inlineAllow?: boolean;
  /** When set, every finding gets `secretHash`, keyed with this salt (for baselines). */
  secretHashSalt?: string;
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
  /**
   * `name` (a path, a ref) with every secret and term in it masked as in excerpts, for
   * reports that must repeat neither.
   */
  redactName(name: string): string;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const rules = options.rules ?? builtinRules;
  const terms = options.terms ?? [];
  const reveal = options.reveal ?? false;
  const credentials = createCredentialScanner(rules);
  const termScanner = createTermScanner(terms, { keys: options.termKeys, now: options.now, scopePath: options.scopePath });
  const isAllowedValue = createAllowListFilter(options.allow);
  const inlineAllow = options.inlineAllow ?? true;

  function findHits(chunk: Chunk): Hit[] {
    let hits = credentials.scan(chunk.text, reveal);
    if (isAllowedValue) hits = hits.filter((hit) => !isAllowedValue(hit.identity));
    hits.push(...termScanner.hits(chunk.text, chunk.path, reveal));
    return hits.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Whether a `tightlip:allow` on the hit's line, or alone on the line before, covers it. */
  function isAllowedInline(hit: Hit, lineIndex: number, index: TextIndex, directives: Map<number, AllowDirective | undefined>): boolean {
    const directiveOn = (i: number) => {
      if (!directives.has(i)) directives.set(i, parseAllowDirective(index.lineText(i)));
      return directives.get(i);
    };
    const own = directiveOn(lineIndex);
    if (own && allowsRule(own, hit.ruleId, hit.kind)) return true;
    const before = lineIndex > 0 ? directiveOn(lineIndex - 1) : undefined;
    return before !== undefined && before.standalone && allowsRule(before, hit.ruleId, hit.kind);
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
    let counted = chunk.lines ? placed.filter((p) => isLineInRanges(p.line, chunk.lines!)) : placed;
    if (inlineAllow && chunk.text.includes('tightlip:allow')) {
      const directives = new Map<number, AllowDirective | undefined>();
      counted = counted.filter((p) => !isAllowedInline(p.hit, p.lineIndex, index, directives));
    }

    // A name or message finding differs from a content finding in the same file; content
    // fingerprints stay as they were.
    const originPart = chunk.origin === 'name' || chunk.origin === 'message' ? [chunk.origin] : [];

    // Every excerpt masks every hit on its line, not just its own (unless revealing).
    const spansByLine = new Map<number, MaskSpan[]>();
    for (const { hit, lineIndex, endIndex } of reveal ? [] : placed) {
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
      const spans = spansByLine.get(lineIndex) ?? [];
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
        excerpt: maskLine(index.lineText(lineIndex), spans, column - 1),
        fingerprint: fingerprintOf(hit.ruleId, chunk.path, ...originPart, hit.identity),
      };
      if (options.secretHashSalt !== undefined) {
        // A term is keyed by its line with every hit masked (never by the term's text).
        const identity = hit.kind === 'term' ? maskLine(index.lineText(lineIndex), spans, 0, Infinity) : hit.identity;
        finding.secretHash = toHex(hmacSha256(options.secretHashSalt, `${hit.ruleId}\0${identity}`)).slice(0, 32);
      }
      if (chunk.commit !== undefined) finding.commit = chunk.commit;
      if (chunk.origin !== undefined) finding.origin = chunk.origin;
      if (hit.secret !== undefined) finding.secret = hit.secret;
      return finding;
    });
  }

  function redactName(text: string): string {
    const hits = findHits({ path: text, text, origin: 'name' });
    let redacted = '';
    let cursor = 0;
    for (const hit of hits) {
      if (hit.start < cursor) continue;
      redacted += text.slice(cursor, hit.start) + hit.redacted;
      cursor = hit.end;
    }
    return redacted + text.slice(cursor);
  }

  return { rules, terms, scan, redactName };
}
