import { createAhoCorasick } from '../codec/aho-corasick.js';
import type { TextIndex } from '../codec/text-index.js';
import { redactSecret } from '../scanners/hit.js';
import type { PlacedHit } from './place.js';

// Masking: every secret and term on a line replaced by what reports show in its place,
// then excerpts cut from the masked line.

/** A half-open span [start, end) of a line and what to show in its place. */
export interface MaskSpan {
  start: number;
  end: number;
  replacement: string;
}

/** Longest excerpt shown, so minified files do not flood the report. */
export const MAX_EXCERPT = 160;

/**
 * `line` with every span replaced; overlapping spans merge into the first one's
 * replacement, so nothing of either shows. `at` maps an offset of `line` to the output
 * (an offset inside a span maps to where its replacement starts).
 */
export function maskLine(
  line: string,
  spans: readonly MaskSpan[],
): { text: string; at(offset: number): number } {
  const merged: MaskSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  let text = '';
  let cursor = 0;
  const starts: { from: number; to: number; end: number; length: number }[] = [];
  for (const span of merged) {
    text += line.slice(cursor, span.start);
    starts.push({
      from: span.start,
      to: text.length,
      end: span.end,
      length: span.replacement.length,
    });
    text += span.replacement;
    cursor = span.end;
  }
  text += line.slice(cursor);
  // The last span starting at or before `offset`, found by halving: many findings on one
  // long line each ask.
  const at = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]!.from <= offset) low = mid + 1;
      else high = mid - 1;
    }
    const span = starts[high];
    if (span === undefined) return offset;
    if (offset < span.end) return span.to;
    return offset + span.to + span.length - span.end;
  };
  return { text, at };
}

/**
 * An excerpt: `line` masked, trimmed, and cut to about `maxLength` characters around
 * `focus` (an offset in `line`); `focus` in the result is where that offset landed.
 */
export function cutLine(
  line: string,
  spans: readonly MaskSpan[],
  focus: number,
  maxLength = MAX_EXCERPT,
): { text: string; focus: number } {
  return cutMasked(maskLine(line, spans), focus, maxLength);
}

/** `cutLine` of a line already masked (see `maskLine`), for several excerpts of one line. */
export function cutMasked(
  masked: ReturnType<typeof maskLine>,
  focus: number,
  maxLength = MAX_EXCERPT,
): { text: string; focus: number } {
  return cutTrimmed(trimMasked(masked), focus, maxLength);
}

/** A masked line with its trimmed text, computed once for every excerpt cut from it. */
function trimMasked(masked: ReturnType<typeof maskLine>): MaskedLine {
  const trimmed = masked.text.trim();
  return { masked, trimmed, leading: masked.text.length - masked.text.trimStart().length };
}

/** `cutMasked` of a line trimmed once (see `createLineMasker`). */
export function cutTrimmed(
  line: MaskedLine,
  focus: number,
  maxLength = MAX_EXCERPT,
): { text: string; focus: number } {
  const { masked, trimmed: text, leading } = line;
  const at = Math.max(0, masked.at(focus) - leading);
  if (text.length <= maxLength) return { text, focus: at };
  const from = Math.max(0, Math.min(at - 40, text.length - maxLength));
  const prefix = from > 0 ? '…' : '';
  return {
    text: `${prefix}${text.slice(from, from + maxLength)}${from + maxLength < text.length ? '…' : ''}`,
    focus: at - from + prefix.length,
  };
}

/** Shortest tail of a secret that, found elsewhere, counts as a copy of it. */
const COPY_TAIL = 12;

/** What counts as a copy of `secret`: its last 12 characters, or the whole of a secret shorter than 16. */
function tailOf(secret: string): string {
  return secret.length < COPY_TAIL + 4 ? secret : secret.slice(-COPY_TAIL);
}

/** Up to this many tails, a line is searched for each (native `indexOf`); past it, one automaton pass finds them all. */
const FEW_TAILS = 8;

/**
 * Finds, in lines, the spans that repeat one of `secrets`, whole or as a copy of its tail
 * (`ghp_` dropped, say): each occurrence of a secret's last 12 characters, widened
 * leftwards while the line keeps matching the secret. A secret shorter than 16 characters
 * counts only whole. A chunk's few secrets are each searched for in a line; many are
 * found in one pass (an Aho–Corasick automaton of their tails), whatever their number.
 */
export function createCopyFinder(secrets: readonly string[]): (line: string) => MaskSpan[] {
  if (secrets.length === 0) return () => [];
  const tails = [...new Set(secrets.map(tailOf))];
  const owners = new Map<string, string[]>();
  for (const secret of secrets) {
    const tail = tailOf(secret);
    const list = owners.get(tail);
    if (list) list.push(secret);
    else owners.set(tail, [secret]);
  }
  /** Where each occurrence of a tail ends in `line`, and which tail: by end, the longest first. */
  const tailEnds = (line: string): [number, number][] => {
    const ends: [number, number][] = [];
    tails.forEach((tail, k) => {
      for (let at = line.indexOf(tail); at !== -1; at = line.indexOf(tail, at + 1))
        ends.push([at + tail.length, k]);
    });
    return ends.sort(([a, k], [b, j]) => a - b || tails[j]!.length - tails[k]!.length);
  };
  const automaton = tails.length > FEW_TAILS ? createAhoCorasick(tails) : undefined;
  const automatonEnds = (line: string): [number, number][] => {
    const ends: [number, number][] = [];
    automaton!.each(line, (k, end) => ends.push([end, k]));
    return ends;
  };
  return (line) =>
    (automaton ? automatonEnds : tailEnds)(line).map(([end, k]) => {
      const tail = tails[k]!;
      const at = end - tail.length;
      let start = at;
      for (const secret of owners.get(tail)!) {
        let from = at;
        for (
          let j = secret.length - tail.length - 1;
          j >= 0 && from > 0 && line[from - 1] === secret[j];
          j--
        )
          from--;
        start = Math.min(start, from);
      }
      return { start, end, replacement: redactSecret(line.slice(start, end)) };
    });
}

/** A closing quote, a concatenation (`+`, `.`, `..`, or nothing: adjacent literals) and the next literal. */
const CONTINUATION = /(["'`])[ \t]*(?:\+|\.\.?)?[ \t]*(["'`])([^"'`\\]*)\2/y;

/**
 * The string literals that continue a secret ending at `end` of `line` (`"ghp_…" + "…"`,
 * `'…' '…'`): a secret split across literals is masked whole, its later parts too.
 */
function continuationsOf(line: string, end: number): MaskSpan[] {
  const spans: MaskSpan[] = [];
  CONTINUATION.lastIndex = end;
  for (let m = CONTINUATION.exec(line); m !== null && m[3] !== ''; m = CONTINUATION.exec(line)) {
    const start = m.index + m[0].length - 1 - m[3]!.length;
    spans.push({ start, end: start + m[3]!.length, replacement: '…' });
    CONTINUATION.lastIndex = start + m[3]!.length;
  }
  return spans;
}

/** A line of a chunk, masked (see `maskLine`), its masked text trimmed, and how much was trimmed at its start. */
export interface MaskedLine {
  masked: ReturnType<typeof maskLine>;
  trimmed: string;
  leading: number;
}

/**
 * The masked lines of a chunk, each computed once however many findings share it (a
 * minified line may hold many). A line's masks: every hit on it (`placed`, every hit of
 * the chunk, counted or not), and every other occurrence there of a secret found anywhere
 * in the chunk (a value repeated without the context a rule needs).
 */
export function createLineMasker(
  index: TextIndex,
  placed: readonly PlacedHit[],
): (lineIndex: number) => MaskedLine {
  const copiesIn = createCopyFinder([
    ...new Set(
      placed
        .filter(({ hit }) => hit.kind === 'credential' && !hit.identity.includes('\n'))
        .map(({ hit }) => hit.identity),
    ),
  ]);
  const spansByLine = new Map<number, MaskSpan[]>();
  const add = (i: number, span: MaskSpan) => {
    const spans = spansByLine.get(i);
    if (spans) spans.push(span);
    else spansByLine.set(i, [span]);
  };
  for (const { hit, lineIndex, endIndex } of placed) {
    for (let i = lineIndex; i <= endIndex; i++) {
      const lineStart = index.lineStart(i);
      const text = index.lineText(i);
      const end = Math.min(hit.end, lineStart + text.length) - lineStart;
      add(i, {
        start: Math.max(hit.start, lineStart) - lineStart,
        end,
        replacement: i === lineIndex ? hit.redacted : '…',
      });
      if (hit.kind === 'credential' && i === endIndex)
        for (const span of continuationsOf(text, end)) add(i, span);
    }
  }
  const lines = new Map<number, MaskedLine>();
  return (lineIndex) => {
    let line = lines.get(lineIndex);
    if (line === undefined) {
      const text = index.lineText(lineIndex);
      const spans = (spansByLine.get(lineIndex) ?? []).concat(copiesIn(text));
      line = trimMasked(maskLine(text, spans));
      lines.set(lineIndex, line);
    }
    return line;
  };
}
