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
  const at = (offset: number): number => {
    let shift = 0;
    for (const span of starts) {
      if (offset < span.from) break;
      if (offset < span.end) return span.to;
      shift = span.to + span.length - span.end;
    }
    return offset + shift;
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
  const leading = masked.text.length - masked.text.trimStart().length;
  const text = masked.text.trim();
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

/**
 * Spans of `line` that repeat `secret`, whole or as a copy of its tail (`ghp_` dropped,
 * say): each occurrence of its last 12 characters, widened leftwards while the line
 * keeps matching the secret. A secret shorter than 16 characters counts only whole.
 */
export function copiesOf(secret: string, line: string): MaskSpan[] {
  const tail = secret.length < COPY_TAIL + 4 ? secret : secret.slice(-COPY_TAIL);
  const spans: MaskSpan[] = [];
  for (let at = line.indexOf(tail); at !== -1; at = line.indexOf(tail, at + tail.length)) {
    let start = at;
    for (
      let k = secret.length - tail.length - 1;
      k >= 0 && start > 0 && line[start - 1] === secret[k];
      k--
    )
      start--;
    spans.push({
      start,
      end: at + tail.length,
      replacement: redactSecret(line.slice(start, at + tail.length)),
    });
  }
  return spans;
}

/** A line of a chunk, masked (see `maskLine`), and its masked text trimmed. */
export interface MaskedLine {
  masked: ReturnType<typeof maskLine>;
  trimmed: string;
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
  const secrets = [
    ...new Set(
      placed
        .filter(({ hit }) => hit.kind === 'credential' && !hit.identity.includes('\n'))
        .map(({ hit }) => hit.identity),
    ),
  ];
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
  const lines = new Map<number, MaskedLine>();
  return (lineIndex) => {
    let line = lines.get(lineIndex);
    if (line === undefined) {
      const spans = [...(spansByLine.get(lineIndex) ?? [])];
      const text = index.lineText(lineIndex);
      for (const secret of secrets) spans.push(...copiesOf(secret, text));
      const masked = maskLine(text, spans);
      line = { masked, trimmed: masked.text.trim() };
      lines.set(lineIndex, line);
    }
    return line;
  };
}
