import {
  createExtractor,
  type Codecs,
  type Extractor,
  type ExtractLimits,
} from '@tightlip/extract';
import { zlib } from '../builtins.js';

/** zlib's output, or undefined when it would pass `max` bytes (zlib stops there: no memory is spent past it). */
function capped(decompress: () => Uint8Array, max: number): Uint8Array | undefined {
  if (max < 1) return undefined;
  try {
    return decompress();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}

/** Node's zlib, native and bounded by `maxOutputLength`. */
const codecs: Codecs = {
  inflateRaw: (data, max) =>
    capped(() => zlib().inflateRawSync(data, { maxOutputLength: max }), max),
  gunzip: (data, max) => capped(() => zlib().gunzipSync(data, { maxOutputLength: max }), max),
};

/** The extraction stage a scan runs: the config's limits, or none at all with `extract: false`. */
export function createScanExtractor(
  limits: Partial<ExtractLimits> | false | undefined,
): Extractor | undefined {
  if (limits === false) return undefined;
  return createExtractor({ codecs, limits: limits ?? {}, now: () => performance.now() });
}
