import { decodeText, hasUtf16Bom, looksBinary } from '@tightlip/core/text';
import { DEFAULT_MAX_FILE_SIZE } from '@tightlip/core/types';
import { createBatch, type Pending } from './batch.js';
import { GitError } from './errors.js';
import type { Git } from './git.js';

/** How many first bytes of an object are always kept: what git looks at to call it binary. */
const HEAD_BYTES = 8000;

/** An object read from the repository: its content only when it is within the size limit. */
export interface GitObject {
  type: string;
  size: number;
  /** The first bytes (up to 8000), whatever the size. */
  head: Buffer;
  /** The whole content, when `size` is within the limit; it may share memory with git's output around it, so copy it to keep it long. */
  bytes?: Buffer;
}

export interface ObjectReader {
  /** Object `id` (or any name `git cat-file` takes); rejects when the object is missing. */
  read(id: string): Promise<GitObject>;
  close(): void;
}

/** The answer being read: its header's type and size, bytes still to come (content and its LF), its first bytes, the content kept. */
interface Body {
  type: string;
  size: number;
  remaining: number;
  head: Buffer;
  bytes: Buffer | undefined;
}

/**
 * Parses `git cat-file --batch` output as it arrives, in pieces of any size: each answer is
 * a header `<id> <type> <size>` and the content, which is copied into a buffer of its own
 * only when within `maxFileSize` bytes (so a large binary costs no memory). Gives each
 * object, or an Error for a header without content (`<name> missing`), to `answer`.
 */
function createBatchParser(
  maxFileSize: number,
  answer: (object: GitObject | Error) => void,
): (data: Buffer) => void {
  let header: Buffer = Buffer.alloc(0);
  let body: Body | undefined;

  /** Reads what `data` holds of the current answer; returns the rest. */
  const readBody = (data: Buffer): Buffer => {
    const current = body!;
    const take = data.subarray(0, current.remaining);
    const at = current.size + 1 - current.remaining;
    current.remaining -= take.length;
    const content = take.subarray(0, Math.max(0, current.size - at));
    if (current.bytes) content.copy(current.bytes, at);
    else if (current.head.length < HEAD_BYTES)
      current.head = Buffer.concat([
        current.head,
        content.subarray(0, HEAD_BYTES - current.head.length),
      ]);
    if (current.remaining === 0) {
      body = undefined;
      const { type, size, bytes } = current;
      const head = bytes ? bytes.subarray(0, HEAD_BYTES) : current.head;
      answer(bytes === undefined ? { type, size, head } : { type, size, head, bytes });
    }
    return data.subarray(take.length);
  };

  return (data) => {
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
      const [, type, size] = line.split(' ');
      if (type === undefined || size === undefined || !/^\d+$/.test(size)) {
        answer(new GitError('GIT_FAILED', `git cat-file: ${line}`));
        continue;
      }
      const bytes = Number(size);
      if (bytes <= maxFileSize && rest.length > bytes) {
        // All here: a view of git's output, no copy.
        const content = rest.subarray(0, bytes);
        answer({ type, size: bytes, head: content.subarray(0, HEAD_BYTES), bytes: content });
        rest = rest.subarray(bytes + 1);
        continue;
      }
      body = {
        type,
        size: bytes,
        remaining: bytes + 1,
        head: Buffer.alloc(0),
        bytes: bytes <= maxFileSize ? Buffer.allocUnsafe(bytes) : undefined,
      };
    }
  };
}

/**
 * One long-lived `git cat-file --batch`, started at the first request, for objects asked
 * one at a time (see `createBatchParser`). Objects come from the repository as git sees it
 * (a pre-receive hook's quarantine included). Requests may be made before earlier ones
 * are answered: answers come in order.
 */
export function createObjectReader(git: Git, maxFileSize = DEFAULT_MAX_FILE_SIZE): ObjectReader {
  let pending: Pending<true, GitObject> | undefined;
  const parse = createBatchParser(maxFileSize, (object) => {
    if (pending!.first() === undefined)
      return pending!.fail(new GitError('GIT_FAILED', 'git cat-file answered what was not asked'));
    if (object instanceof Error) pending!.refuse(object);
    else pending!.answer(object);
  });
  const batch = createBatch<true, GitObject>(git, ['cat-file', '--batch'], (data, answers) => {
    pending = answers;
    parse(data);
  });
  return {
    read: (id) => batch.ask(`${id}\n`, true),
    close: () => batch.close(),
  };
}

/**
 * What stands for an object the repository does not have (a partial or damaged clone):
 * type `missing`, no content.
 */
export const MISSING: GitObject = { type: 'missing', size: 0, head: Buffer.alloc(0) };

/**
 * What a git process that reads many objects is told: a cache of delta bases of 16 MB
 * rather than git's 96 MB. Reading every blob of a history, git's memory was mostly that
 * cache (eslint/eslint: 231 MB peak RSS, 112 MB with 16 MB), for no loss of speed.
 */
export const LOW_MEMORY_CONFIG = ['-c', 'core.deltaBaseCacheLimit=16m'];

/**
 * The objects `ids` names, in order, from one `git cat-file --batch` given every id at
 * once: git streams them as fast as it can read its packs, and no request waits for an
 * answer. Read as it is consumed, so memory holds a pipe's worth ahead at most. An object
 * the repository lacks comes as `MISSING`.
 */
export async function* streamObjects(
  git: Git,
  ids: readonly string[],
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): AsyncGenerator<GitObject> {
  if (ids.length === 0) return;
  const ready: (GitObject | Error)[] = [];
  const parse = createBatchParser(maxFileSize, (object) => ready.push(object));
  let count = 0;
  for await (const data of git.chunks(
    // --buffer: git writes its output in full buffers, not once per object.
    [...LOW_MEMORY_CONFIG, 'cat-file', '--batch', '--buffer'],
    `${ids.join('\n')}\n`,
  )) {
    parse(data);
    for (const object of ready.splice(0)) {
      count++;
      if (!(object instanceof Error)) yield object;
      else if (object.message.endsWith(' missing')) yield MISSING;
      else throw object;
    }
  }
  if (count !== ids.length)
    throw new GitError('GIT_FAILED', `git cat-file failed: ${count} of ${ids.length} objects read`);
}

/** A blob's content as text, or why it is not text. */
export type BlobText = { text: string } | { skipped: 'binary' | 'too-large'; size: number };

/** A blob's bytes, or its size when it is too large to read. */
export type BlobBytes = { bytes: Uint8Array } | { skipped: 'too-large'; size: number };

export interface BlobReader {
  /**
   * The text of blob `id` (see `decodeText`): binary when it is not text, too large past
   * the size limit. With `utf16Only`, anything that does not start with a UTF-16
   * byte-order mark counts as binary.
   */
  readText(id: string, options?: { utf16Only?: boolean }): Promise<BlobText>;
  /** The bytes of blob `id`, whatever they are (for the extraction stage); too large past the size limit. */
  readBytes(id: string): Promise<BlobBytes>;
  close(): void;
}

/** Blobs as text, read through one `git cat-file --batch` (see `createObjectReader`). */
export function createBlobReader(git: Git, maxFileSize = DEFAULT_MAX_FILE_SIZE): BlobReader {
  const objects = createObjectReader(git, maxFileSize);
  return {
    async readText(id, options = {}) {
      const { type, size, head, bytes } = await objects.read(id);
      if (type !== 'blob') throw new GitError('GIT_FAILED', `git cat-file: ${id} is a ${type}`);
      const utf16 = hasUtf16Bom(head);
      if ((options.utf16Only && !utf16) || (!utf16 && looksBinary(head)))
        return { skipped: 'binary', size };
      if (bytes === undefined) return { skipped: 'too-large', size };
      const text = decodeText(bytes);
      return text === undefined ? { skipped: 'binary', size } : { text };
    },
    async readBytes(id) {
      const { type, size, bytes } = await objects.read(id);
      if (type !== 'blob') throw new GitError('GIT_FAILED', `git cat-file: ${id} is a ${type}`);
      // A copy: the object may be a view of git's output, which is reused.
      return bytes === undefined
        ? { skipped: 'too-large', size }
        : { bytes: Uint8Array.from(bytes) };
    },
    close: () => objects.close(),
  };
}
