import { createAllowListFilter, type AllowList } from '../allow/allow-list.js';
import { createInlineAllow } from '../allow/inline-allow.js';
import { createTextIndex, type TextIndex } from '../codec/text-index.js';
import { builtinRules } from '../rules/builtin.js';
import { createCredentialScanner } from '../scanners/credentials.js';
import type { Hit } from '../scanners/hit.js';
import { createTermScanner } from '../scanners/terms.js';
import type { TermMatcher } from '../terms/match.js';
import type { Chunk, Finding, Rule, Term } from '../types.js';
import { toFindings } from './finding.js';
import { createCopyFinder, createLineMasker, maskLine, type MaskSpan } from './mask.js';
import { keepCountedLines, placeHits, type PlacedHit } from './place.js';

// The scan pipeline, one stage a function:
//   findHits -> placeHits -> keepCountedLines -> dropInlineAllowed -> mask lines -> toFindings
// and `redactName`, the same pipeline's answer for a name: its hits masked in place.

export interface EngineOptions {
  /** Credential rules to run; the built-in catalog by default. */
  rules?: readonly Rule[];
  /**
   * Codenames and embargoed terms to block: the terms, or a matcher of them (a compiled
   * set loaded with `loadTermSet`, which makes a term only when it matches).
   */
  terms?: readonly Term[] | TermMatcher;
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
   * path and subject: e.g. a file's path relative to the config's directory when chunk
   * paths are relative to a scanned subdirectory. The chunk's path by default.
   */
  scopePath?: (path: string, subject: Chunk['subject']) => string;
}

export interface Engine {
  readonly rules: readonly Rule[];
  /** Findings in `chunk`, ordered by position. Pure: the same chunk always gives the same findings. */
  scan(chunk: Chunk): Finding[];
  /**
   * `name` (a path, a ref) with every secret and term in it masked as in excerpts, for
   * reports that must repeat neither: the name stage of the pipeline that `scan` runs
   * (the same hits, masked in place; nothing to place or count). Answers are cached.
   */
  redactName(name: string): string;
}

/**
 * The hits that no `tightlip:allow` directive of the text covers (see allow/inline-allow.ts);
 * for decoded text, nor one on its encoded span's line or alone on the line before.
 */
function dropInlineAllowed(placed: PlacedHit[], chunk: Chunk, index: TextIndex): PlacedHit[] {
  const { text, span } = chunk;
  if (span && `${span.lineBefore}\n${span.lineText}`.includes('tightlip:allow')) {
    const isAllowedBySpan = createInlineAllow(
      createTextIndex(`${span.lineBefore}\n${span.lineText}`),
    );
    placed = placed.filter(({ hit }) => !isAllowedBySpan(hit.ruleId, hit.kind, 1, 1));
  }
  if (!text.includes('tightlip:allow')) return placed;
  const isAllowed = createInlineAllow(index);
  // A match that starts before its secret (a private key's BEGIN line) is looked up from there.
  return placed.filter(
    ({ hit, lineIndex }) =>
      !isAllowed(
        hit.ruleId,
        hit.kind,
        hit.anchor === undefined ? lineIndex : index.lineIndexOf(hit.anchor),
        lineIndex,
      ),
  );
}

/**
 * A credential whose visible prefix would show part of a term shows no prefix at all. One
 * pass over both lists, each sorted by start: the furthest end of the terms that start
 * before a prefix ends tells whether one reaches into it.
 */
function hideTermsInPrefixes(hits: Hit[], termHits: readonly Hit[]): void {
  const terms = [...termHits].sort((a, b) => a.start - b.start);
  let next = 0;
  let reach = -1;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const visibleEnd = hit.start + hit.redacted.length - 1;
    while (next < terms.length && terms[next]!.start < visibleEnd)
      reach = Math.max(reach, terms[next++]!.end);
    if (reach > hit.start) hit.redacted = '…';
  }
}

export function createEngine(options: EngineOptions = {}): Engine {
  const rules = options.rules ?? builtinRules;
  const terms = options.terms ?? [];
  const reveal = options.reveal ?? false;
  const credentials = createCredentialScanner(rules);
  const termScanner = createTermScanner(terms, { keys: options.termKeys, now: options.now });
  const scopePath = options.scopePath ?? ((path: string) => path);
  const isAllowedValue = createAllowListFilter(options.allow);
  const inlineAllow = options.inlineAllow ?? true;

  /**
   * Credential and term hits in `text`, ordered by position; `path` tells the type of file
   * the text is (for content), `scoped` gives the path term scopes are matched against
   * (asked only when there are terms: a hook scans thousands of small chunks).
   */
  function findHits(text: string, path: string, scoped: () => string): Hit[] {
    let hits = credentials.scan(text, reveal, path);
    if (isAllowedValue) hits = hits.filter((hit) => !isAllowedValue(hit.identity));
    if (termScanner.empty) return hits;
    const termHits = termScanner.hits(text, scoped(), reveal);
    if (termHits.length === 0) return hits;
    hideTermsInPrefixes(hits, termHits);
    return [...hits, ...termHits].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  function scan(chunk: Chunk): Finding[] {
    const hits = findHits(chunk.text, chunk.subject === 'content' ? chunk.path : '', () =>
      scopePath(chunk.path, chunk.subject),
    );
    if (hits.length === 0) return [];
    const index = createTextIndex(chunk.text);
    const placed = placeHits(hits, index, chunk.startLine ?? 1, chunk.span);
    let counted = keepCountedLines(placed, chunk.lines);
    if (inlineAllow) counted = dropInlineAllowed(counted, chunk, index);
    if (counted.length === 0) return [];
    // Every hit masks its line, counted or not.
    const maskedLine = createLineMasker(index, placed);
    return toFindings(counted, {
      chunk,
      shownPath: redactName(chunk.path),
      redactName,
      index,
      maskedLine,
      reveal,
      secretHashSalt: options.secretHashSalt,
    });
  }

  // The name stage of the pipeline: hits found and masked in place, without lines or
  // findings. Fingerprints mask every chunk's path and reports every finding's, so each
  // answer is cached.
  const redactedNames = new Map<string, string>();
  function redactName(name: string): string {
    let redacted = redactedNames.get(name);
    if (redacted === undefined) {
      const hits = findHits(name, '', () => scopePath(name, 'file-name'));
      // Every copy of a secret found in the name is masked too, as on a line of content.
      const copies = createCopyFinder(
        hits.filter((hit) => hit.kind === 'credential').map((hit) => hit.identity),
      )(name);
      redacted = maskLine(
        name,
        hits
          .map((hit): MaskSpan => ({ start: hit.start, end: hit.end, replacement: hit.redacted }))
          .concat(copies),
      ).text;
      if (redactedNames.size >= 10_000) redactedNames.clear();
      redactedNames.set(name, redacted);
    }
    return redacted;
  }

  return { rules, scan, redactName };
}
