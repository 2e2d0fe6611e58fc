import type { Io } from '../io.js';
import type { ScanProgress } from '../scan/run.js';

/**
 * A progress line on stderr for long scans: units done (of how many, once known) and MB/s.
 * Only on a terminal, only after half a second, at most ten updates a second, erased when
 * done. Undefined (no progress) otherwise.
 */
export function createProgress(
  io: Io,
  quiet: boolean,
  noun = 'files',
  clock: () => number = io.now ?? Date.now,
): ((progress: ScanProgress) => void) | undefined {
  if (quiet || io.stderr.isTTY !== true) return undefined;
  const started = clock();
  let last = 0;
  let shown = false;
  return ({ done, total, bytes }) => {
    const now = clock();
    if (total !== undefined && done >= total) {
      if (shown) io.stderr.write('\r\u001b[2K');
      return;
    }
    if (now - started < 500 || now - last < 100) return;
    last = now;
    shown = true;
    const rate = bytes / 1024 / 1024 / ((now - started) / 1000);
    io.stderr.write(
      `\r\u001b[2Ktightlip: ${total === undefined ? done : `${done}/${total}`} ${noun} scanned, ${rate.toFixed(1)} MB/s`,
    );
  };
}
