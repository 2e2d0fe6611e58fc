import type { Io } from '../io.js';

/**
 * A progress line on stderr for long scans: only on a terminal, only after half a second,
 * at most ten updates a second, erased when done. A no-op otherwise.
 */
export function createProgress(
  io: Io,
  quiet: boolean,
  noun = 'files',
  clock: () => number = io.now ?? Date.now,
): ((done: number, total: number | undefined) => void) | undefined {
  if (quiet || io.stderr.isTTY !== true) return undefined;
  const started = clock();
  let last = 0;
  let shown = false;
  return (done, total) => {
    const now = clock();
    if (total !== undefined && done >= total) {
      if (shown) io.stderr.write('\r\u001b[2K');
      return;
    }
    if (now - started < 500 || now - last < 100) return;
    last = now;
    shown = true;
    io.stderr.write(
      `\r\u001b[2Ktightlip: ${total === undefined ? done : `${done}/${total}`} ${noun} scanned`,
    );
  };
}
