// A scan worker: builds the engine once from its portable description, then scans the
// batches of items the main thread posts, one reply per batch, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { fromPortableEngine, type PortableEngine } from './portable-engine.js';
import type { ScanBatch } from './pool.js';
import { scanItem } from './run.js';
import type { ContentOrigin } from './source.js';

const { engine: portable, origin } = workerData as {
  engine: PortableEngine;
  origin: ContentOrigin;
};
const engine = fromPortableEngine(portable);
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (batch: ScanBatch) => {
  try {
    parentPort!.postMessage({
      id: batch.id,
      results: batch.items.map((item) => scanItem(item, engine, origin)),
    });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: (error as Error).message });
  }
});
