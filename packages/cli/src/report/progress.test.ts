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
    progress(1, 100);
    expect(io.written).toEqual([]);
    now = 1600;
    progress(10, 100);
    now = 1650;
    progress(11, 100);
    now = 1750;
    progress(20, 100);
    progress(100, 100);
    expect(io.written).toEqual([
      '\r\u001b[2Ktightlip: 10/100 files scanned',
      '\r\u001b[2Ktightlip: 20/100 files scanned',
      '\r\u001b[2K',
    ]);
  });
});
