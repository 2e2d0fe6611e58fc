import { subscribe } from 'node:diagnostics_channel';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

// Imported first by bin.ts: V8 stops growing this thread's young generation once it is
// 8 MB (4 MB a half). Large scans made it grow to 32 MB, for no speed: peak RSS of
// `history` on expressjs/express 166-178 -> ~105 MB, of `scan` on a node_modules of
// 233 MB 295 -> ~250 MB, each as fast. Kept at its start (2 MB), the young generation
// cost eslint/eslint's history twice the garbage collection (14 % of the main thread
// against 7.5 %; 9 % at 8 MB). V8 reads the flag whenever it would grow the space, so
// setting it in a running process takes effect; it is set after a collection that finds
// the space at its cap. The CLI's process only: the programmatic API leaves its host's V8
// as it is. Worker threads are started with a young generation of their own (see
// `createScanPool`).

/** The young generation's size past which it no longer grows (V8 doubles it as it grows). */
const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;

const stopGrowing = () => setFlagsFromString('--semi-space-growth-factor=1');

/** What Node publishes on its `worker_threads` channel: a worker just made. */
interface WorkerMade {
  worker: { once(event: 'online', listener: () => void): unknown };
}

const collections = new PerformanceObserver(() => {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (young && young.space_size >= YOUNG_GENERATION_CAP) {
    stopGrowing();
    collections.disconnect();
    // V8 sets the flag back to its default (2) when it sets up a new isolate's heap: each
    // worker thread did, and this thread's young generation then grew to 32 MB (a scan of
    // a generated 1 GB tree: peak RSS 159-163 MB, against 132-150 MB). So from now on it
    // is set again once each worker runs (one made before now was made before the flag).
    subscribe('worker_threads', (message) => {
      (message as WorkerMade).worker.once('online', stopGrowing);
    });
  }
});
collections.observe({ entryTypes: ['gc'] });
