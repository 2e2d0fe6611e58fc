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
export function maskLine(line: string, spans: readonly MaskSpan[]): { text: string; at(offset: number): number } {
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
    starts.push({ from: span.start, to: text.length, end: span.end, length: span.replacement.length });
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
export function cutLine(line: string, spans: readonly MaskSpan[], focus: number, maxLength = MAX_EXCERPT): { text: string; focus: number } {
  return cutMasked(maskLine(line, spans), focus, maxLength);
}

/** `cutLine` of a line already masked (see `maskLine`), for several excerpts of one line. */
export function cutMasked(masked: ReturnType<typeof maskLine>, focus: number, maxLength = MAX_EXCERPT): { text: string; focus: number } {
  const leading = masked.text.length - masked.text.trimStart().length;
  const text = masked.text.trim();
  const at = Math.max(0, masked.at(focus) - leading);
  if (text.length <= maxLength) return { text, focus: at };
  const from = Math.max(0, Math.min(at - 40, text.length - maxLength));
  const prefix = from > 0 ? '…' : '';
  return { text: `${prefix}${text.slice(from, from + maxLength)}${from + maxLength < text.length ? '…' : ''}`, focus: at - from + prefix.length };
}
