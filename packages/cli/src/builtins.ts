import { createRequire } from 'node:module';

// Node's built-in modules that most runs never use, loaded when first used. Node compiles
// each internal module a built-in needs when it is first imported (crypto is ~20 of them,
// worker_threads ~10): a hook paid that at every start for code it never runs (a
// watchdog that starts after a second, a worker pool for scans past 32 MB, a term cache
// when there are no term lists, zlib when nothing is compressed). One place, so that the
// bundle keeps them out of its static imports.

const load = createRequire(import.meta.url);

export const crypto = () => load('node:crypto') as typeof import('node:crypto');
export const zlib = () => load('node:zlib') as typeof import('node:zlib');
export const workerThreads = () =>
  load('node:worker_threads') as typeof import('node:worker_threads');
