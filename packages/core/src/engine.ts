import { hmacSha256, toHex } from './codec/sha256.js';
import { createTextIndex, isLineInRanges, type TextIndex } from './codec/text-index.js';
import { createAllowListFilter, type AllowList } from './filters/allow-list.js';
import { allowsRule, parseAllowDirective, type AllowDirective } from './filters/inline-allow.js';
import { fingerprintOf } from './fingerprint.js';
import { cutLine, cutMasked, maskLine, type MaskSpan } from './mask.js';
import { builtinRules } from './rules/index.js';
import { createCredentialScanner } from './scanners/credentials.js';
import { redactSecret, type Hit } from './scanners/hit.js';
import { createTermScanner } from './scanners/terms.js';
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
   * reports that must repeat neither. Answers are cached.
   */
  redactName(name: string): string;
}

/** Shortest tail of a secret that, found elsewhere, counts as a copy of it. */
const COPY_TAIL = 12;

/**
 * Spans of `line` that repeat `secret`, whole or as a copy of its tail (`ghp_` dropped,
 * say): each occurrence of its last 12 characters, widened leftwards while the line
 * keeps matching the secret. A secret shorter than 16 characters counts only whole.
 */
function copiesOf(secret: string, line: string): MaskSpan[] {
  const tail = secret.length < COPY_TAIL + 4 ? secret : secret.slice(-COPY_TAIL);
  const spans: MaskSpan[] = [];
  for (let at = line.indexOf(tail); at !== -1; at = line.indexOf(tail, at + tail.length)) {
    let start = at;
    for (let k = secret.length - tail.length - 1; k >= 0 && start > 0 && line[start - 1] === secret[k]; k--) start--;
    spans.push({ start, end: at + tail.length, replacement: redactSecret(line.slice(start, at + tail.length)) });
  }
  return spans;
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
    const termHits = termScanner.hits(chunk.text, chunk.path, reveal);
    // A credential whose visible prefix would show part of a term shows no prefix at all.
    for (const hit of hits) {
      const visibleEnd = hit.start + hit.redacted.length - 1;
      if (termHits.some((term) => term.start < visibleEnd && hit.start < term.end)) hit.redacted = '…';
    }
    return [...hits, ...termHits].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Whether a `tightlip:allow` covers the hit: on its line or its match's first line, or alone on the line before that. */
  function isAllowedInline(hit: Hit, lineIndex: number, index: TextIndex, directives: Map<number, AllowDirective | undefined>): boolean {
    const directiveOn = (i: number) => {
      if (!directives.has(i)) directives.set(i, parseAllowDirective(index.lineText(i)));
      return directives.get(i);
    };
    const first = hit.anchor === undefined ? lineIndex : index.lineIndexOf(hit.anchor);
    for (let i = first; i <= lineIndex; i++) {
      const own = directiveOn(i);
      if (own && allowsRule(own, hit.ruleId, hit.kind)) return true;
    }
    const before = first > 0 ? directiveOn(first - 1) : undefined;
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
    if (counted.length === 0) return [];

    // The masks of a line: every hit on it, and every other occurrence there of a secret
    // found anywhere in the chunk (a value repeated without the context a rule needs).
    const secrets = [...new Set(hits.filter((hit) => hit.kind === 'credential' && !hit.identity.includes('\n')).map((hit) => hit.identity))];
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
    // Computed once per line, however many findings share it (a minified line may hold many).
    const masked = new Map<number, { masked: ReturnType<typeof maskLine>; line: string }>();
    const maskedLineOf = (lineIndex: number) => {
      let entry = masked.get(lineIndex);
      if (entry === undefined) {
        const spans = [...(spansByLine.get(lineIndex) ?? [])];
        const text = index.lineText(lineIndex);
        for (const secret of secrets) spans.push(...copiesOf(secret, text));
        const lineMasked = maskLine(text, spans);
        entry = { masked: lineMasked, line: lineMasked.text.trim() };
        masked.set(lineIndex, entry);
      }
      return entry;
    };

    const path = redactName(chunk.path);
    const originPart = chunk.origin === 'name' || chunk.origin === 'message' ? [chunk.origin] : [];
    const seen = new Map<string, number>();
    return counted.map(({ hit, lineIndex, endIndex, line }) => {
      const column = hit.start - index.lineStart(lineIndex) + 1;
      const { masked: lineMasked, line: maskedFullLine } = maskedLineOf(lineIndex);
      const excerpt = reveal ? cutLine(index.lineText(lineIndex), [], column - 1) : cutMasked(lineMasked, column - 1);
      // Fingerprints are built only from what reports show (masked path and line), so a
      // published fingerprint cannot confirm a guessed secret or term; the n-th finding of
      // a rule on identical lines is told apart by its count.
      const key = `${hit.ruleId}\0${maskedFullLine}`;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
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
        excerpt: excerpt.text,
        excerptColumn: excerpt.focus + 1,
        fingerprint: fingerprintOf(hit.ruleId, path, ...originPart, maskedFullLine, nth),
      };
      if (options.secretHashSalt !== undefined) {
        // A term is keyed by its masked line (never by the term's text).
        const identity = hit.kind === 'term' ? maskedFullLine : hit.identity;
        finding.secretHash = toHex(hmacSha256(options.secretHashSalt, `${hit.ruleId}\0${identity}`)).slice(0, 32);
      }
      if (chunk.commit !== undefined) finding.commit = chunk.commit;
      if (chunk.origin !== undefined) finding.origin = chunk.origin;
      if (hit.secret !== undefined) finding.secret = hit.secret;
      return finding;
    });
  }

  // Fingerprints mask every chunk's path and reports every finding's: one answer per path.
  const redactedNames = new Map<string, string>();
  function redactName(name: string): string {
    let redacted = redactedNames.get(name);
    if (redacted === undefined) {
      const hits = findHits({ path: name, text: name, origin: 'name' });
      redacted = maskLine(name, hits.map((hit) => ({ start: hit.start, end: hit.end, replacement: hit.redacted }))).text;
      if (redactedNames.size >= 10_000) redactedNames.clear();
      redactedNames.set(name, redacted);
    }
    return redacted;
  }

  return { rules, terms, scan, redactName };
}
