import { open, stat } from 'node:fs/promises';
import { decodeText, type Skipped } from '@tightlip/core';

/** Files larger than this are reported as skipped rather than read whole into memory. */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadTextResult = { text: string; bytes: number } | { skipped: Omit<Skipped, 'path'> };

/** Reads a regular file as text, or says why it was not scanned (binary, too large, unreadable). */
export async function readText(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadTextResult> {
  let handle;
  try {
    // A FIFO or device named on the command line would block or never end: not a file to scan.
    if (!(await stat(path)).isFile()) return { skipped: { reason: 'unreadable', detail: 'not a regular file' } };
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return { skipped: { reason: 'too-large', detail: `${size} bytes, limit ${maxBytes}` } };
    const buffer = await handle.readFile();
    const text = decodeText(buffer);
    if (text === undefined) return { skipped: { reason: 'binary' } };
    return { text, bytes: buffer.length };
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message } };
  } finally {
    await handle?.close();
  }
}
