// A scan worker: builds the engine once from its portable description, then scans the
// batches of items the main thread posts, one reply per batch, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { createScanExtractor } from './extractor.js';
import { fromPortableEngine, type PortableEngine } from './portable-engine.js';
import type { ScanBatch, WorkerScan } from './pool.js';
import { scanItem, type ItemScanner } from './run.js';

const {
  engine: portable,
  origin,
  maxFindings,
} = workerData as { engine: PortableEngine } & WorkerScan;
const scanner: ItemScanner = {
  engine: await fromPortableEngine(portable),
  extractor: createScanExtractor(portable.config.extract),
  origin,
  maxFindings,
};
parentPort!.postMessage({ ready: true });

// Batches are scanned one at a time, in the order they come (extraction may wait on a
// document reader's first load).
let queue = Promise.resolve();
parentPort!.on('message', (batch: ScanBatch) => {
  queue = queue.then(() => scanBatch(batch));
});

async function scanBatch(batch: ScanBatch): Promise<void> {
  try {
    const results = [];
    for (const item of batch.items) results.push(await scanItem(item, scanner));
    parentPort!.postMessage({ id: batch.id, results });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort!.postMessage({ id: batch.id, error: message, ...(code ? { code } : {}) });
  }
}
