import { workerThreads } from '../builtins.js';
import type { Finding, Skipped, SourceItem } from '@tightlip/core';
import { ScanLimitError } from '../errors.js';
import type { PortableEngine } from './portable-engine.js';
import type { ContentOrigin } from './source.js';

/**
 * The worker's entry: beside this module once built; from the TypeScript sources (tests),
 * the built one, since a worker thread runs JavaScript only (npm test builds first).
 */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER_ENTRY = FROM_SOURCES
  ? new URL('../../dist/scan/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url);

/** What scanning one item gave: its findings, what of it was skipped and why, the content it scanned. */
export interface ItemResult {
  findings: Finding[];
  skipped: Skipped[];
  /** The files (or members) whose content was scanned. */
  files: string[];
  /** Bytes of content scanned (UTF-8 for text a source gave as text). */
  bytes: number;
}

/** How a worker scans: the origin of content in reports, the findings budget of an item. */
export interface WorkerScan {
  origin: ContentOrigin;
  maxFindings: number;
}

/** Items for a worker, and the id its reply carries. */
export interface ScanBatch {
  id: number;
  items: SourceItem[];
}

type Reply =
  | { ready: true }
  | { id: number; results: ItemResult[] }
  | { id: number; error: string; code?: string };

export interface ScanPool {
  /** Whether a worker has built its engine and has fewer than `perWorker` batches waiting. */
  canTake(): boolean;
  /** Scans `items` in a worker (see `canTake`); resolves with one result per item, in order. */
  scan(items: SourceItem[]): Promise<ItemResult[]>;
  /** Resolves once every worker has built its engine; rejects if one fails to. */
  ready(): Promise<void>;
  /** How many items workers have scanned. */
  scanned(): number;
  /** Ends the workers. */
  close(): Promise<void>;
}

/**
 * An item as it is posted, and the buffer to transfer with it if it is a copy of ours. A
 * view of a larger buffer (git's output) is first copied to its own bytes, since a view is
 * posted with all of its buffer (`Buffer#slice` is a view too: it posted whole 64 KB pieces
 * of git's output for blobs of a few hundred bytes); that copy is transferred, not copied
 * again. Bytes the source gave whole are copied by posting, never transferred, since a
 * source may keep them.
 */
export function postable(item: SourceItem): { item: SourceItem; transfer?: ArrayBuffer } {
  if (item.type !== 'bytes') return { item };
  const { bytes } = item.content;
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return { item };
  const copy = new Uint8Array(bytes);
  return { item: { ...item, content: { ...item.content, bytes: copy } }, transfer: copy.buffer };
}

/**
 * `size` worker threads, each with the engine of `engine` built once, that scan batches
 * of items; each batch goes to the ready worker with the fewest batches waiting. The
 * caller asks `canTake` first and scans a batch itself otherwise (see `runScan`), so
 * memory stays flat and no thread waits for another.
 */
export function createScanPool(
  engine: PortableEngine,
  scan: WorkerScan,
  size: number,
  perWorker: number,
): ScanPool {
  let nextId = 0;
  let failure: Error | undefined;
  const waiting = new Map<
    number,
    { resolve(results: ItemResult[]): void; reject(e: Error): void }
  >();
  const load = new Array<number>(size).fill(0);
  const ready = new Array<boolean>(size).fill(false);
  let scanned = 0;
  let allReady!: () => void;
  let notReady!: (error: Error) => void;
  const started = new Promise<void>((resolve, reject) => {
    allReady = resolve;
    notReady = reject;
  });
  // Marked handled: only a caller that waits for the workers hears of a failed start.
  started.catch(() => undefined);
  const workers = Array.from({ length: size }, (_, w) => {
    const worker = new (workerThreads().Worker)(WORKER_ENTRY, {
      workerData: { engine, ...scan },
      // Not the test runner's flags (its export conditions point packages at TypeScript).
      ...(FROM_SOURCES ? { execArgv: [] } : {}),
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 },
    });
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        ready[w] = true;
        if (ready.every(Boolean)) allReady();
        return;
      }
      load[w]!--;
      const waiter = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply)
        waiter?.reject(
          reply.code === 'SCAN_LIMIT' ? new ScanLimitError(reply.error) : new Error(reply.error),
        );
      else {
        scanned += reply.results.length;
        waiter?.resolve(reply.results);
      }
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      failure ??=
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ScanLimitError(
              'the scan stopped before the end (exit 2): one file gave more findings than fit in memory; narrow it with "allow.paths", a baseline or fewer terms',
            )
          : error;
      notReady(failure);
      for (const waiter of waiting.values()) waiter.reject(failure);
      waiting.clear();
    });
    return worker;
  });
  /** The ready worker with the fewest batches waiting, if any. */
  const least = () => {
    let w = -1;
    for (let i = 0; i < size; i++) if (ready[i] && (w === -1 || load[i]! < load[w]!)) w = i;
    return w;
  };
  return {
    canTake: () => least() !== -1 && load[least()]! < perWorker,
    scan(items) {
      return new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        const w = Math.max(least(), 0);
        load[w]!++;
        waiting.set(id, { resolve, reject });
        const posted = items.map(postable);
        const batch: ScanBatch = { id, items: posted.map(({ item }) => item) };
        const transfers = posted.flatMap(({ transfer }) => (transfer ? [transfer] : []));
        workers[w]!.postMessage(batch, transfers);
      });
    },
    ready: () => started,
    scanned: () => scanned,
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
