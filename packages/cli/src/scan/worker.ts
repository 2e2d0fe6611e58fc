// A scan worker: builds the engine once from its portable description, then scans the
// batches of items the main thread posts, one reply per batch, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { fromPortableEngine, type PortableEngine } from './portable-engine.js';
import type { ScanBatch, WorkerScan } from './pool.js';
import { scanItem } from './run.js';

const {
  engine: portable,
  origin,
  maxFindings,
} = workerData as { engine: PortableEngine } & WorkerScan;
const engine = fromPortableEngine(portable);
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (batch: ScanBatch) => {
  try {
    parentPort!.postMessage({
      id: batch.id,
      results: batch.items.map((item) => scanItem(item, engine, origin, maxFindings)),
    });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort!.postMessage({ id: batch.id, error: message, ...(code ? { code } : {}) });
  }
});
