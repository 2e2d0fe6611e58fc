import { DEFAULT_MAX_FILE_SIZE, decodeText, hasUtf16Bom, looksBinary } from '@tightlip/core';
import { createBatch, type Pending } from './batch.js';
import { GitError } from './errors.js';
import type { Git } from './git.js';

/** A blob's content as text, or why it is not text. */
export type BlobText = { text: string } | { skipped: 'binary' | 'too-large'; size: number };

/** A blob's bytes, or its size when it is too large to read. */
export type BlobBytes = { bytes: Uint8Array } | { skipped: 'too-large'; size: number };

/** What is asked of an answer: its text, its text only when UTF-16, or its bytes. */
type Want = 'text' | 'utf16' | 'bytes';

export interface BlobReader {
  /**
   * The text of blob `id` (see `decodeText`): binary when it is not text, too large past
   * the size limit. With `utf16Only`, anything that does not start with a UTF-16
   * byte-order mark counts as binary and is not kept in memory.
   */
  readText(id: string, options?: { utf16Only?: boolean }): Promise<BlobText>;
  /** The bytes of blob `id`, whatever they are (for the extraction stage); too large past the size limit. */
  readBytes(id: string): Promise<BlobBytes>;
  close(): void;
}

/** The answer being read: bytes still to come (content and its LF), its first bytes, the content kept. */
interface Body {
  want: Want;
  size: number;
  remaining: number;
  head: Buffer;
  chunks: Buffer[];
  keep: boolean | undefined;
}

/**
 * One long-lived `git cat-file --batch`, started at the first request: each answer is a
 * header `<id> <type> <size>` and the content, which is read as it streams and kept only
 * when wanted (at most `maxFileSize` bytes), so a large binary costs no memory. Objects
 * come from the repository as git sees it (a pre-receive hook's quarantine included).
 */
export function createBlobReader(git: Git, maxFileSize = DEFAULT_MAX_FILE_SIZE): BlobReader {
  let header: Buffer = Buffer.alloc(0);
  let body: Body | undefined;

  const finish = (pending: Pending<Want, BlobText | BlobBytes>) => {
    const { want, size, head, chunks } = body!;
    body = undefined;
    if (want === 'bytes')
      return pending.answer(
        size > maxFileSize ? { skipped: 'too-large', size } : { bytes: Buffer.concat(chunks) },
      );
    const utf16 = hasUtf16Bom(head);
    if ((want === 'utf16' && !utf16) || (!utf16 && looksBinary(head)))
      return pending.answer({ skipped: 'binary', size });
    if (size > maxFileSize) return pending.answer({ skipped: 'too-large', size });
    const text = decodeText(Buffer.concat(chunks));
    pending.answer(text === undefined ? { skipped: 'binary', size } : { text });
  };

  /** Reads what `data` holds of the current answer; returns the rest. */
  const readBody = (data: Buffer, pending: Pending<Want, BlobText | BlobBytes>): Buffer => {
    const current = body!;
    const take = data.subarray(0, current.remaining);
    current.remaining -= take.length;
    const content = current.remaining === 0 ? take.subarray(0, take.length - 1) : take;
    if (current.head.length < 8000)
      current.head = Buffer.concat([current.head, content.subarray(0, 8000 - current.head.length)]);
    if (current.keep === undefined && (current.head.length >= 2 || current.remaining === 0)) {
      // Decided on the first two bytes: kept only when it may be text and fits.
      current.keep =
        current.size <= maxFileSize && (current.want !== 'utf16' || hasUtf16Bom(current.head));
    }
    if (current.keep === false) current.chunks = [];
    else current.chunks.push(content);
    if (current.remaining === 0) finish(pending);
    return data.subarray(take.length);
  };

  const batch = createBatch<Want, BlobText | BlobBytes>(
    git,
    ['cat-file', '--batch'],
    (data, pending) => {
      let rest = data;
      while (rest.length > 0) {
        if (body) {
          rest = readBody(rest, pending);
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
        const want = pending.first();
        if (want === undefined)
          return pending.fail(
            new GitError('GIT_FAILED', `git cat-file answered what was not asked: ${line}`),
          );
        const [, type, size] = line.split(' ');
        if (type !== 'blob' || size === undefined) {
          pending.refuse(new GitError('GIT_FAILED', `git cat-file: ${line}`));
          continue;
        }
        body = {
          want,
          size: Number(size),
          remaining: Number(size) + 1,
          head: Buffer.alloc(0),
          chunks: [],
          keep: undefined,
        };
      }
    },
  );

  return {
    readText: (id, options = {}) =>
      batch.ask(`${id}\n`, options.utf16Only ? 'utf16' : 'text') as Promise<BlobText>,
    readBytes: (id) => batch.ask(`${id}\n`, 'bytes') as Promise<BlobBytes>,
    close: () => batch.close(),
  };
}
