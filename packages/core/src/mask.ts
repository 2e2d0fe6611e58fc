/** The part of a credential that reports show: at most 6 leading characters, fewer for short secrets. */
export function redactSecret(secret: string): string {
  const visible = Math.min(6, Math.floor(secret.length / 5));
  return `${secret.slice(0, visible)}…`;
}

/** A half-open span [start, end) of a line and what to show in its place. */
export interface MaskSpan {
  start: number;
  end: number;
  replacement: string;
}

/** Longest excerpt shown, so minified files do not flood the report. */
export const MAX_EXCERPT = 160;

/**
 * `line` with every span replaced (overlapping spans merge, so nothing of either shows),
 * cut to about `maxLength` characters around `focus`, an offset in the line.
 */
export function maskLine(line: string, spans: readonly MaskSpan[], focus: number, maxLength = MAX_EXCERPT): string {
  const merged: MaskSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  let masked = '';
  let cursor = 0;
  let maskedFocus = focus;
  for (const span of merged) {
    masked += line.slice(cursor, span.start) + span.replacement;
    if (span.start < focus) maskedFocus += span.replacement.length - (Math.min(span.end, focus) - span.start);
    cursor = span.end;
  }
  masked += line.slice(cursor);
  const leading = masked.length - masked.trimStart().length;
  masked = masked.trim();
  maskedFocus = Math.max(0, maskedFocus - leading);
  if (masked.length <= maxLength) return masked;
  const from = Math.max(0, Math.min(maskedFocus - 40, masked.length - maxLength));
  return `${from > 0 ? '…' : ''}${masked.slice(from, from + maxLength)}${from + maxLength < masked.length ? '…' : ''}`;
}
