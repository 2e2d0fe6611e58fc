import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { decodeText, hasUtf16Bom, looksBinary } from '@tightlip/core';
import { GitError } from './errors.js';
import { spawnBatch, type Git } from './git.js';
import { DEFAULT_MAX_DIFF_BYTES } from './parse-diff.js';

/** A blob's content as text, or why it is not text. */
export type BlobText = { text: string } | { skipped: 'binary' | 'too-large'; size: number };

export interface BlobReader {
  /**
   * The text of blob `id` (see `decodeText`): binary when it is not text, too large past
   * the size limit. With `utf16Only`, anything that does not start with a UTF-16
   * byte-order mark counts as binary and is not kept in memory.
   */
  readText(id: string, options?: { utf16Only?: boolean }): Promise<BlobText>;
  close(): void;
}

interface Request {
  utf16Only: boolean;
  resolve(result: BlobText): void;
  reject(error: Error): void;
}

/**
 * One long-lived `git cat-file --batch`, started at the first request: each answer is a
 * header `<id> <type> <size>` and the content, which is read as it streams and kept only
 * when wanted (at most `maxBytes`), so a large binary costs no memory. Objects come from
 * the repository as git sees it (a pre-receive hook's quarantine included).
 */
export function createBlobReader(git: Git, maxBytes = DEFAULT_MAX_DIFF_BYTES): BlobReader {
  let child: ChildProcessWithoutNullStreams | undefined;
  const queue: Request[] = [];
  let failure: Error | undefined;
  let header: Buffer = Buffer.alloc(0);
  /** The answer being read: bytes still to come (content and its LF), its first bytes, the content kept. */
  let body: { request: Request; size: number; remaining: number; head: Buffer; chunks: Buffer[]; keep: boolean | undefined } | undefined;

  const fail = (error: Error) => {
    failure ??= error;
    for (const request of queue.splice(0)) request.reject(failure);
  };

  const finish = () => {
    const { request, size, head, chunks } = body!;
    body = undefined;
    queue.shift();
    const utf16 = hasUtf16Bom(head);
    if ((request.utf16Only && !utf16) || (!utf16 && looksBinary(head))) return request.resolve({ skipped: 'binary', size });
    if (size > maxBytes) return request.resolve({ skipped: 'too-large', size });
    const text = decodeText(Buffer.concat(chunks));
    request.resolve(text === undefined ? { skipped: 'binary', size } : { text });
  };

  /** Reads what `data` holds of the current answer; returns the rest. */
  const readBody = (data: Buffer): Buffer => {
    const current = body!;
    const take = data.subarray(0, current.remaining);
    current.remaining -= take.length;
    const content = current.remaining === 0 ? take.subarray(0, take.length - 1) : take;
    if (current.head.length < 8000) current.head = Buffer.concat([current.head, content.subarray(0, 8000 - current.head.length)]);
    if (current.keep === undefined && (current.head.length >= 2 || current.remaining === 0)) {
      // Decided on the first two bytes: kept only when it may be text and fits.
      current.keep = current.size <= maxBytes && (!current.request.utf16Only || hasUtf16Bom(current.head));
    }
    if (current.keep === false) current.chunks = [];
    else current.chunks.push(content);
    if (current.remaining === 0) finish();
    return data.subarray(take.length);
  };

  const onData = (data: Buffer) => {
    let rest = data;
    while (rest.length > 0) {
      if (body) {
        rest = readBody(rest);
        continue;
      }
      const newline = rest.indexOf(0x0a);
      if (newline === -1) {
        header = Buffer.concat([header, rest]);
        return;
      }
      const line = Buffer.concat([header, rest.subarray(0, newline)]).toString('utf8');
      header = Buffer.alloc(0);
      rest = rest.subarray(newline + 1);
      const request = queue[0];
      if (!request) return fail(new GitError('GIT_FAILED', `git cat-file answered what was not asked: ${line}`));
      const [, type, size] = line.split(' ');
      if (type !== 'blob' || size === undefined) {
        queue.shift();
        request.reject(new GitError('GIT_FAILED', `git cat-file: ${line}`));
        continue;
      }
      body = { request, size: Number(size), remaining: Number(size) + 1, head: Buffer.alloc(0), chunks: [], keep: undefined };
    }
  };

  const start = (): ChildProcessWithoutNullStreams => {
    const proc = spawnBatch(git, ['cat-file', '--batch'], fail, () => queue.length > 0);
    proc.stdout.on('data', onData);
    return proc;
  };

  return {
    readText(id, options = {}) {
      return new Promise<BlobText>((resolve, reject) => {
        if (failure) return reject(failure);
        child ??= start();
        queue.push({ utf16Only: options.utf16Only ?? false, resolve, reject });
        child.stdin.write(`${id}\n`);
      });
    },
    close() {
      child?.stdin.end();
      child = undefined;
    },
  };
}
