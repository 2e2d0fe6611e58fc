import { setFlagsFromString } from 'node:v8';

// Imported first by bin.ts, so that it runs before any other module: V8 no longer grows
// this thread's young generation past the size it starts with (1 MB a half). Large scans
// made it grow to 16 MB a half, 32 MB of memory for no speed: peak RSS of `history` on
// expressjs/express 166-170 -> 106-115 MB, of `scan` on a node_modules of 233 MB 344 ->
// 287 MB, on eslint's working tree 105-115 -> 96-98 MB, each as fast. V8 reads this flag
// whenever it would grow the space, so setting it in a running process takes effect. The
// CLI's process only: the programmatic API leaves its host's V8 as it is. Worker threads
// are started with a young generation of their own (see `createScanPool`).
setFlagsFromString('--semi-space-growth-factor=1');
