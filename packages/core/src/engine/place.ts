import { isLineInRanges, placeOf, type Place, type TextIndex } from '../codec/text-index.js';
import type { Hit } from '../scanners/hit.js';
import type { EncodedSpan, LineRange } from '../types.js';

/** A hit placed in its chunk: where it is reported, and the 0-based indices of its first and last lines in the chunk. */
export interface PlacedHit extends Place {
  hit: Hit;
  lineIndex: number;
  endIndex: number;
}

/**
 * The places of `hits` in the text of `index`, whose first line is line `firstLine` of its
 * file; in decoded text, every hit is reported at its encoded `span` in the file.
 */
export function placeHits(
  hits: readonly Hit[],
  index: TextIndex,
  firstLine: number,
  span?: EncodedSpan,
): PlacedHit[] {
  return hits.map((hit) => {
    const place = placeOf(index, hit.start, hit.end, firstLine);
    const lines = { lineIndex: place.line - firstLine, endIndex: place.endLine - firstLine };
    if (!span) return { hit, ...place, ...lines };
    const { line, column, endLine, endColumn } = span;
    return { hit, line, column, endLine, endColumn, ...lines };
  });
}

/** The hits that start on a line that counts (all of them when `lines` is absent). */
export function keepCountedLines(
  placed: PlacedHit[],
  lines: readonly LineRange[] | undefined,
): PlacedHit[] {
  return lines ? placed.filter((p) => isLineInRanges(p.line, lines)) : placed;
}
