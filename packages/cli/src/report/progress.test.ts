import { describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { createProgress } from './progress.js';

function terminal(isTTY: boolean): Io & { written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) };
  return { cwd: '/', env: {}, stdout: stream, stderr: stream, written };
}

describe('createProgress', () => {
  it('writes nothing when stderr is not a terminal or output is quiet', () => {
    expect(createProgress(terminal(false), false)).toBeUndefined();
    expect(createProgress(terminal(true), true)).toBeUndefined();
  });

  it('waits half a second, throttles to ten updates a second, and erases itself', () => {
    const io = terminal(true);
    let now = 1000;
    const progress = createProgress(io, false, 'files', () => now)!;
    const mb = 1024 * 1024;
    progress({ done: 1, total: 100, bytes: mb });
    expect(io.written).toEqual([]);
    now = 1600;
    progress({ done: 10, total: 100, bytes: 3 * mb });
    now = 1650;
    progress({ done: 11, total: 100, bytes: 3 * mb });
    now = 1750;
    progress({ done: 20, total: undefined, bytes: 7 * mb });
    progress({ done: 100, total: 100, bytes: 9 * mb });
    expect(io.written).toEqual([
      '\r\u001b[2Ktightlip: 10/100 files scanned, 5.0 MB/s',
      '\r\u001b[2Ktightlip: 20 files scanned, 9.3 MB/s',
      '\r\u001b[2K',
    ]);
  });
});
