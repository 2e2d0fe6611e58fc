import { LimitError, RATIO_GRACE, type Budget } from './limits.js';

export type Decompress = (data: Uint8Array, max: number) => Uint8Array | undefined;

/**
 * Decompressors the extractor is given (Node's zlib in the CLI), so that this package stays
 * pure. Each stops at `max` output bytes, which is what keeps a decompression bomb from
 * costing memory or time.
 */
export interface Codecs {
  /** Raw DEFLATE data inflated; undefined when the output would pass `max` bytes. Throws on corrupt data. */
  inflateRaw: Decompress;
  /** A gzip file's content; undefined when it would pass `max` bytes. Throws on corrupt data. */
  gunzip: Decompress;
}

/** Thrown for input that is not what it claims to be: a corrupt archive or document. */
export class CorruptError extends Error {
  override name = 'CorruptError';
}

/**
 * `data` decompressed by `decompress` within the budget: at most the bytes left, and at most
 * `maxRatio` times its compressed size once past `RATIO_GRACE`.
 */
export function expand(decompress: Decompress, data: Uint8Array, budget: Budget): Uint8Array {
  const byRatio = Math.max(RATIO_GRACE, data.length * budget.limits.maxRatio);
  const left = budget.remaining();
  let out: Uint8Array | undefined;
  try {
    out = decompress(data, Math.min(left, byRatio));
  } catch (error) {
    throw new CorruptError(`cannot decompress: ${(error as Error).message}`);
  }
  if (out === undefined) {
    if (left <= byRatio)
      throw new LimitError(`expands to more than ${budget.limits.maxExpandedBytes} bytes`, true);
    throw new LimitError(
      `compression ratio above ${budget.limits.maxRatio} (${data.length} compressed bytes expand past ${byRatio})`,
      false,
    );
  }
  budget.expand(out.length);
  return out;
}
