import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import {
  decodeText,
  type Chunk,
  type Engine,
  type Finding,
  type Occurrences,
  type Origin,
  type ScanStats,
  type Skipped,
  type SourceItem,
  type SourceLimits,
} from '@tightlip/core';
import type { Extractor } from '@tightlip/extract';
import { ScanLimitError } from '../errors.js';
import { ensureTimeBudget } from '../time-budget.js';
import { createScanPool, type ItemResult, type ScanPool } from './pool.js';
import type { PortableEngine } from './portable-engine.js';
import type { ContentOrigin, Source } from './source.js';

/** Findings a scan keeps in memory at most; past it (or past most of the heap) it stops, exit 2. */
export const MAX_FINDINGS = 100_000;

/**
 * Content a scan reads on the main thread before it starts worker threads. A worker
 * costs its start and the warming up of its compiled code (the engine runs several times
 * slower on its first megabytes), so only large scans gain from them; hooks never pay.
 */
export const WORKER_THRESHOLD = 32 * 1024 * 1024;

/** A batch of items for one worker: at most this many items or bytes. */
const BATCH_ITEMS = 256;
const BATCH_BYTES = 1024 * 1024;

/** An item this large keeps the main thread busy long enough to need the time budget's watchdog. */
const LARGE_ITEM = 64 * 1024;

/** Batches waiting per worker: enough to keep it busy, few enough to keep memory flat. */
const BATCHES_PER_WORKER = 2;

/** Progress of a scan: units done (files, blobs, commits), how many there are once known, bytes of content scanned. */
export interface ScanProgress {
  done: number;
  total: number | undefined;
  bytes: number;
}

export interface RunOptions {
  engine: Engine;
  limits: SourceLimits;
  /** Whether a file (its path relative to the source's root) is never reported: `allow.paths`, a term list. */
  isAllowedPath: (path: string) => boolean;
  /** The extraction stage (containers, documents, encoded text); without it, files are read as text only. */
  extractor?: Extractor;
  /** The clock, for `stats.startedAt`. */
  now: () => number;
  /** Called now and then, and once at the end. */
  onProgress?: (progress: ScanProgress) => void;
  /** The engine as worker threads rebuild it, made when they start; without it everything is scanned on this thread. */
  portable?: () => Promise<PortableEngine>;
  /**
   * Whether a finding is a term list's own term in that list's file on disk: not reported
   * (the list necessarily holds its terms; credentials and other lists' terms in it are).
   */
  isOwnTerm?: (finding: Finding) => boolean;
  /** Worker threads once a scan has read `workerThreshold` bytes: by default one per core besides this thread and those the source keeps busy (see `runScan`); 0 for none. */
  workers?: number;
  /** Wait for the workers to start before going on, so that they take batches (tests). */
  awaitWorkers?: boolean;
  /** `WORKER_THRESHOLD` by default. */
  workerThreshold?: number;
  /** Findings kept at most (`MAX_FINDINGS` by default). */
  maxFindings?: number;
}

/** What a scan found, before baselines and masking of paths (see `presentReport`). */
export interface ScanRun {
  findings: Finding[];
  skipped: Skipped[];
  stats: ScanStats;
  /** Items worker threads scanned. */
  workerItems: number;
}

/** What a finding's origin is in reports: file content by where the source read it, names and messages by what they are. */
function originOf(chunk: Chunk, origin: ContentOrigin): Origin {
  if (chunk.subject === 'content') return origin;
  return chunk.subject === 'message' ? 'message' : 'name';
}

/**
 * Turns an item into the chunks the engine scans, and says what of it could not be scanned.
 * File content arrives as bytes or text; this is where bytes become text, through the
 * extraction stage: containers opened, documents read, encoded spans decoded (see
 * @tightlip/extract). Without an extractor, bytes are decoded as text or skipped as binary.
 * Runs on the main thread or in a worker.
 */
export async function toChunks(
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

/**
 * Text longer than this is scanned in pieces of about this many characters: a file full
 * of findings cannot fill the memory before the budget is checked, and the engine's
 * strings stay below V8's large-object size (a string over 128 KB costs a fresh mapping,
 * ~2 ms, each time the engine makes one): the engine alone scans lodash.js 1.5-2 times
 * faster in 48 KB pieces than in 200 KB ones.
 */
const PIECE = 48 * 1024;

/**
 * Context on each side of a piece, whole lines that do not count: up to this many lines,
 * so that a match that starts in the piece and ends up to this many lines later (a private
 * key) is found whole; and up to this many characters, so that a bundle's line of
 * megabytes is not scanned again with every piece near it (laravel/laravel's history has
 * a file of 116 lines, one of them 2.2 MB, which all five of its pieces read).
 */
const PIECE_CONTEXT = 64;
const PIECE_CONTEXT_CHARS = 16 * 1024;

/** The 0-based offset just after as many of the `count` lines from `at` as fit in `limit` characters. */
function linesAfter(text: string, at: number, count: number, limit: number): number {
  let end = at;
  for (let i = 0; i < count && end < text.length; i++) {
    const newline = text.indexOf('\n', end);
    const next = newline === -1 ? text.length : newline + 1;
    if (next - at > limit) break;
    end = next;
  }
  return end;
}

/** The offset of the first of the `count` lines before the one starting at `at` that fit in `limit` characters. */
function linesBefore(text: string, at: number, count: number, limit: number): number {
  let start = at;
  for (let i = 0; i < count && start > 0; i++) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (at - previous > limit) break;
    start = previous;
  }
  return start;
}

/** Number of `\n` in text[from, to). */
function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1))
    count++;
  return count;
}

/**
 * A chunk as pieces of about `PIECE` characters of whole lines, each with context around
 * it that does not count (see `PIECE_CONTEXT`); the lines that count are
 * those of the piece that the chunk counts. A short chunk is its own piece.
 */
function* piecesOf(chunk: Chunk): Generator<Chunk> {
  const { text } = chunk;
  if (text.length <= PIECE) {
    yield chunk;
    return;
  }
  const first = chunk.startLine ?? 1;
  const occurrences: Occurrences = { lineKeys: new Map(), counts: new Map() };
  let start = 0;
  let line = first;
  // The counted ranges are sorted: a cursor walks them once as the pieces advance (a
  // filter of all of them per piece was pieces x ranges).
  const ranges = chunk.lines;
  let next = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', Math.min(text.length, start + PIECE));
    const end = newline === -1 ? text.length : newline + 1;
    const own = newlines(text, start, end) + (end === text.length && !text.endsWith('\n') ? 1 : 0);
    const from = linesBefore(text, start, PIECE_CONTEXT, PIECE_CONTEXT_CHARS);
    const to = linesAfter(text, end, PIECE_CONTEXT, PIECE_CONTEXT_CHARS);
    const counted: [number, number] = [line, line + Math.max(own, 1) - 1];
    const lines: [number, number][] = [];
    if (!ranges) lines.push(counted);
    else {
      while (next < ranges.length && ranges[next]![1] < counted[0]) next++;
      // A range reaching past this piece is kept for the next one too.
      for (let r = next; r < ranges.length && ranges[r]![0] <= counted[1]; r++)
        lines.push([Math.max(ranges[r]![0], counted[0]), Math.min(ranges[r]![1], counted[1])]);
    }
    if (lines.length > 0)
      yield {
        ...chunk,
        text: text.slice(from, to),
        startLine: line - newlines(text, from, start),
        lines,
        occurrences,
      };
    line += own;
    start = end;
  }
}

/** How one item is scanned: the engine, the extraction stage, the origin of content in reports, the findings budget. */
export interface ItemScanner {
  engine: Engine;
  extractor: Extractor | undefined;
  origin: ContentOrigin;
  maxFindings: number;
}

/**
 * Scans one item, on the main thread or in a worker; past `maxFindings` findings (checked
 * after each piece of a large text) it stops with a ScanLimitError.
 */
export async function scanItem(item: SourceItem, scanner: ItemScanner): Promise<ItemResult> {
  const { engine, origin, maxFindings } = scanner;
  const { chunks, skipped } = await toChunks(item, scanner.extractor);
  const findings: Finding[] = [];
  const files: string[] = [];
  let bytes = item.type === 'bytes' ? item.content.bytes.length : 0;
  for (const chunk of chunks) {
    if (chunk.subject === 'content') {
      files.push(chunk.path);
      if (item.type === 'chunk' && chunk === item.chunk) bytes += Buffer.byteLength(chunk.text);
    }
    for (const piece of piecesOf(chunk)) {
      for (const finding of engine.scan(piece))
        findings.push({ ...finding, origin: originOf(chunk, origin) });
      if (findings.length > maxFindings) throw tooManyFindings(maxFindings);
    }
  }
  return { findings, skipped, files, bytes };
}

/** The error of a scan past its findings budget. */
function tooManyFindings(maxFindings: number): ScanLimitError {
  return new ScanLimitError(
    `more than ${maxFindings} findings: the scan stopped before the end (exit 2); narrow it with "allow.paths", a baseline or fewer terms`,
  );
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

/** How much an item weighs in a batch. */
function sizeOf(item: SourceItem): number {
  if (item.type === 'bytes') return item.content.bytes.length;
  return item.type === 'chunk' ? item.chunk.text.length : 0;
}

/**
 * The one scan loop: every item of `source` that is not on an allowed path, turned into
 * chunks and scanned. Small scans run on this thread; once a scan has read
 * `WORKER_THRESHOLD` bytes, the rest goes to worker threads in batches, at most
 * `BATCHES_PER_WORKER` per worker in flight (so memory stays flat), and results are taken
 * in the order the source gave the items. `stats.files` counts the distinct files whose
 * content was scanned, `stats.bytes` their bytes (UTF-8 for text a source gave as text).
 * Past `maxFindings` findings, or most of the heap, the scan stops with a ScanLimitError.
 */
export async function runScan(source: Source, options: RunOptions): Promise<ScanRun> {
  const started = performance.now();
  const startedAt = new Date(options.now()).toISOString();
  const { onProgress } = options;
  const maxFindings = options.maxFindings ?? MAX_FINDINGS;
  const scanner: ItemScanner = {
    engine: options.engine,
    extractor: options.extractor,
    origin: source.origin,
    maxFindings,
  };
  const heapLimit = getHeapStatistics().heap_size_limit * 0.75;
  // A worker per core besides this thread and those the source keeps busy (history: git
  // inflating blobs), at least one unless the source keeps one busy: this thread reads the
  // source and scans what no worker is ready for. Measured on 2 cores, interleaved, no
  // worker against one: history of eslint/eslint 13.5-14.2 against 14.6-15.2 s, 216-220
  // against 295-302 MB, of lodash/lodash 16.6-17.2 against 16.1-16.3 s, 199-207 against
  // 280-284 MB (git and V8's compiler threads, which each worker doubles, need the second
  // core); a generated tree of 1 GB 17.5-17.7 against 11.8-12.4 s.
  const busy = source.busyCores ?? 0;
  const workers = options.portable
    ? (options.workers ?? Math.max(busy > 0 ? 0 : 1, availableParallelism() - 1 - busy))
    : 0;
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const files = new Set<string>();
  let bytes = 0;
  let read = 0;
  let done = 0;
  let pool: ScanPool | undefined;
  let batch: SourceItem[] = [];
  let batchBytes = 0;
  // Batches in flight, each settled once its results are taken, in order.
  const inFlight: Promise<void>[] = [];
  let tail: Promise<void> = Promise.resolve();
  let failure: Error | undefined;

  const take = (item: SourceItem, result: ItemResult) => {
    for (const skip of result.skipped) skipped.push(skip);
    for (const file of result.files) files.add(file);
    bytes += result.bytes;
    const found = options.isOwnTerm
      ? result.findings.filter((finding) => !options.isOwnTerm!(finding))
      : result.findings;
    for (const finding of found) findings.push(finding);
    source.onResult?.(item, found);
    if (findings.length > maxFindings) throw tooManyFindings(maxFindings);
    if ((source.isUnit ? source.isUnit(item) : item.type !== 'chunk') && ++done % 64 === 0) {
      onProgress?.({ done, total: source.total?.(), bytes });
      if (getHeapStatistics().used_heap_size > heapLimit)
        throw new ScanLimitError(
          `the scan stopped before the end (exit 2): its ${findings.length} findings fill the memory; narrow it with "allow.paths", a baseline or fewer terms`,
        );
    }
  };

  // A batch goes to a worker that is ready and not too busy; otherwise this thread scans
  // it: no thread waits for a worker to start, nor for one to catch up.
  const flush = () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    batchBytes = 0;
    const results = pool!.canTake()
      ? pool!.scan(items)
      : Promise.all(items.map((item) => scanItem(item, scanner)));
    // Handled below, in order; marked handled now so that a failure waiting its turn is not unhandled.
    results.catch(() => undefined);
    tail = tail.then(async () => {
      if (failure) return;
      try {
        (await results).forEach((result, i) => take(items[i]!, result));
      } catch (error) {
        failure ??= error as Error;
      }
    });
    inFlight.push(tail);
  };

  /** Resolves once every item given so far is scanned and its result taken. */
  const settle = async () => {
    flush();
    await tail;
    inFlight.length = 0;
    if (failure) throw failure;
  };

  try {
    for await (const item of source.items(options.limits, options.isAllowedPath, { settle })) {
      if (failure) throw failure;
      if (isAboutFile(item) && options.isAllowedPath(pathOf(item))) continue;
      const size = sizeOf(item);
      read += size;
      if (!pool && workers > 0 && read > (options.workerThreshold ?? WORKER_THRESHOLD)) {
        pool = createScanPool(
          await options.portable!(),
          { origin: source.origin, maxFindings },
          workers,
          BATCHES_PER_WORKER,
        );
        if (options.awaitWorkers) await pool.ready();
      }
      if (!pool) {
        ensureTimeBudget(size > LARGE_ITEM);
        take(item, await scanItem(item, scanner));
        continue;
      }
      batch.push(item);
      batchBytes += size;
      if (batch.length >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) flush();
      while (inFlight.length > BATCHES_PER_WORKER * (workers + 1)) await inFlight.shift();
    }
    await settle();
  } finally {
    await pool?.close();
  }
  onProgress?.({ done, total: done, bytes });
  return {
    findings: source.attribute ? source.attribute(findings) : findings,
    skipped,
    stats: { files: files.size, bytes, durationMs: performance.now() - started, startedAt },
    workerItems: pool?.scanned() ?? 0,
  };
}
