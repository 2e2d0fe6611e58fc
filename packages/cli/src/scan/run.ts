import {
  decodeText,
  type Chunk,
  type Engine,
  type Finding,
  type Origin,
  type ScanStats,
  type Skipped,
  type SourceItem,
  type SourceLimits,
} from '@tightlip/core';
import type { Extractor } from '@tightlip/extract';
import type { Source } from './source.js';

export interface RunOptions {
  engine: Engine;
  limits: SourceLimits;
  /** Whether a file (its path relative to the source's root) is never reported: `allow.paths`, a term list. */
  isAllowedPath: (path: string) => boolean;
  /** The clock, for `stats.startedAt`. */
  now: () => number;
  /** Called now and then with the number of files scanned and, when known, how many there are. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** The extraction stage (containers, documents, encoded text); without it, files are read as text only. */
  extractor?: Extractor;
}

/** What a scan found, before baselines and masking of paths (see `presentReport`). */
export interface ScanRun {
  findings: Finding[];
  skipped: Skipped[];
  stats: ScanStats;
}

/** What a finding's origin is in reports: file content by where the source read it, names and messages by what they are. */
function originOf(chunk: Chunk, source: Source): Origin {
  if (chunk.subject === 'content') return source.origin;
  return chunk.subject === 'message' ? 'message' : 'name';
}

/**
 * Turns an item into the chunks the engine scans, and says what of it could not be scanned.
 * File content arrives as bytes or text; this is where bytes become text, through the
 * extraction stage: containers opened, documents read, encoded spans decoded (see
 * @tightlip/extract). Without an extractor, bytes are decoded as text or skipped as binary.
 */
async function toChunks(
  item: SourceItem,
  extractor: Extractor | undefined,
): Promise<{ chunks: Chunk[]; skipped: Skipped[] }> {
  if (item.type === 'skipped') return { chunks: [], skipped: [item.skipped] };
  if (extractor)
    return item.type === 'chunk' ? extractor.chunk(item.chunk) : extractor.content(item.content);
  if (item.type === 'chunk') return { chunks: [item.chunk], skipped: [] };
  const { path, bytes, commit } = item.content;
  const text = decodeText(bytes);
  if (text === undefined) {
    const detail = commit !== undefined ? { detail: `in commit ${commit}` } : {};
    return { chunks: [], skipped: [{ path, reason: 'binary', ...detail }] };
  }
  const where = commit !== undefined ? { commit } : {};
  return { chunks: [{ subject: 'content', path, text, ...where }], skipped: [] };
}

/** The path an item is about. */
function pathOf(item: SourceItem): string {
  return item.type === 'chunk'
    ? item.chunk.path
    : item.type === 'bytes'
      ? item.content.path
      : item.skipped.path;
}

/** Whether allowed paths apply to an item: file content and file names, never messages or refs. */
function isAboutFile(item: SourceItem): boolean {
  return (
    item.type !== 'chunk' || item.chunk.subject === 'content' || item.chunk.subject === 'file-name'
  );
}

/**
 * The one scan loop: every item of `source` that is not on an allowed path, turned into
 * chunks and scanned. `stats.files` counts the distinct files whose content was scanned,
 * `stats.bytes` their bytes (UTF-8 for text a source gave as text).
 */
export async function runScan(source: Source, options: RunOptions): Promise<ScanRun> {
  const started = performance.now();
  const startedAt = new Date(options.now()).toISOString();
  const { engine, onProgress } = options;
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const files = new Set<string>();
  let bytes = 0;
  let done = 0;
  for await (const item of source.items(options.limits, options.isAllowedPath)) {
    if (isAboutFile(item) && options.isAllowedPath(pathOf(item))) continue;
    const result = await toChunks(item, options.extractor);
    skipped.push(...result.skipped);
    if (item.type === 'bytes') bytes += item.content.bytes.length;
    for (const chunk of result.chunks) {
      if (chunk.subject === 'content') {
        files.add(chunk.path);
        if (item.type === 'chunk' && chunk === item.chunk) bytes += Buffer.byteLength(chunk.text);
      }
      for (const finding of engine.scan(chunk))
        findings.push({ ...finding, origin: originOf(chunk, source) });
    }
    if (onProgress && item.type !== 'chunk' && ++done % 64 === 0)
      onProgress(done, source.total?.());
  }
  onProgress?.(done, done);
  return {
    findings,
    skipped,
    stats: { files: files.size, bytes, durationMs: performance.now() - started, startedAt },
  };
}
