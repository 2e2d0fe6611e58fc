import { open, stat } from 'node:fs/promises';
import type { Skipped } from '@tightlip/core';

/** Files larger than this are reported as skipped rather than read whole into memory. */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadTextResult = { text: string; bytes: number } | { skipped: Omit<Skipped, 'path'> };

/** Like git: a NUL byte in the first 8000 bytes means binary. */
function isBinary(buffer: Uint8Array): boolean {
  return buffer.subarray(0, 8000).includes(0);
}

/** Decodes a file's bytes: UTF-16 when it starts with a byte-order mark, UTF-8 otherwise. */
export function decodeText(buffer: Buffer): string | undefined {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (isBinary(buffer)) return undefined;
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

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
