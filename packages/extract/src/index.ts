// The public API of @tightlip/extract: the extraction stage between sources and the engine.
// Pure: bytes in, text chunks out, no I/O (decompressors are given, see `Codecs`).
export {
  createExtractor,
  type Extraction,
  type Extractor,
  type ExtractorOptions,
} from './extractor.js';
export type { Codecs } from './codecs.js';
export { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from './limits.js';
