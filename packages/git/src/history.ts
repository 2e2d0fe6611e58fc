import {
  createObjectReader,
  LOW_MEMORY_CONFIG,
  MISSING,
  streamObjects,
  type GitObject,
  type ObjectReader,
} from './blobs.js';
import { getHeapStatistics } from 'node:v8';
import { GitError } from './errors.js';
import type { Git } from './git.js';
import { changedRanges } from './changes.js';
import { unquote } from './parse-diff.js';
import { hasUtf16Bom } from '@tightlip/core/text';
import type { Finding, SourceItem, SourceLimits } from '@tightlip/core/types';
import { isZeroId, tagItems, verifyCommits } from './refs.js';
import { parseTag } from './tags.js';

/** Which commits a history audit walks: the refs (or revisions) to start from, and how far back. */
export interface HistorySelection {
  /** Branches, tags or commits as given; when empty, the refs that `branches`, `tags` and `all` select (all refs when none is set). */
  revisions: readonly string[];
  /** Every branch (`refs/heads/`), as `git log --branches`. */
  branches?: boolean;
  /** Every tag (`refs/tags/`), as `git log --tags`. */
  tags?: boolean;
  /** Every ref (`refs/`) and HEAD, as `git log --all`; the default. */
  all?: boolean;
  /** Only commits more recent than this date (`git log --since`). */
  since?: string;
  /** Only the most recent this many commits (`git log --max-count`). */
  maxCount?: number;
}

/** What the scan loop offers a source: a way to wait until every item given so far is scanned. */
export interface HistoryContext {
  settle(): Promise<void>;
}

/** Every unique blob of a history, scanned once and attributed to the commits that introduced it: see `createHistorySource`. */
export interface HistorySource {
  items(
    limits: SourceLimits,
    isAllowedPath?: (path: string) => boolean,
    context?: HistoryContext,
  ): AsyncGenerator<SourceItem>;
  /** Takes the findings of an item once it is scanned (the scan loop calls it, in order). */
  onResult(item: SourceItem, findings: readonly Finding[]): void;
  /**
   * The findings of all items as reported: each secret once per path, at the first commit
   * (in walk order) that wrote it there, with that commit's author and date and how many
   * later commits wrote the file again still carrying it.
   */
  attribute(findings: readonly Finding[]): Finding[];
  /** Whether an item is the first of a blob's (what `total` counts). */
  isUnit(item: SourceItem): boolean;
  /** How many blobs there are to read, once the walk is done. */
  total(): number | undefined;
}

/**
 * Each commit starts with a line `\0<id> <parents>\0<author date>\0<author>\0` and its
 * message, ended by the first line that ends in NUL (a message cannot hold NUL), then its
 * raw diff: one line per path it writes.
 */
const FORMAT = '--format=%x00%H %P%x00%aI%x00%an <%ae>%x00%B%x00';

/**
 * The walk's `git log` before what selects the history (`--since`, `--max-count`, the
 * revisions): oldest first, parents before children, the paths each commit writes with
 * their blobs, nothing diffed. The bench's floor (scripts/bench/lib/blob-floor.mjs) runs it too.
 */
export const HISTORY_WALK_ARGS: readonly string[] = [
  ...LOW_MEMORY_CONFIG,
  'log',
  '--date-order',
  '--reverse',
  '--raw',
  '--no-abbrev',
  '-c',
  '--no-renames',
  '--ignore-submodules=none',
  FORMAT,
];

const GITLINK = '160000';

/** One line of `git log --raw`: the path a commit writes, its new blob and mode, the blob(s) it had before. */
interface RawEntry {
  path: string;
  mode: string;
  id: string;
  oldIds: readonly string[];
}

/** No old blobs (a path a commit creates): one array for all. */
const NONE: readonly string[] = [];

/** `:<modes> <ids> <status>\t<path>`; a merge's combined line has one colon, mode and id per parent more. */
function parseRawLine(line: string): RawEntry | undefined {
  const tab = line.indexOf('\t');
  if (tab === -1) return undefined;
  let parents = 0;
  while (line[parents] === ':') parents++;
  const fields = line.slice(parents, tab).split(' ');
  const n = parents + 1;
  if (fields.length < 2 * n) return undefined;
  return {
    path: unquote(line.slice(tab + 1)),
    mode: fields[n - 1]!,
    id: fields[2 * n - 1]!,
    oldIds:
      n === 2 && isZeroId(fields[2]!)
        ? NONE
        : fields.slice(n, 2 * n - 1).filter((id) => !isZeroId(id)),
  };
}

const NEWLINE = 0x0a;
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const UTF8_NO_BOM = new TextDecoder('utf-8');

/**
 * Part of a blob to scan: its text, the byte it starts at, and which of its lines count
 * (1 is its first). Its line in the blob is counted only if it has findings (see `onResult`).
 */
interface Part {
  text: string;
  from: number;
  lines: [number, number];
}

/** How many lines `bytes[from, to)` holds (a last line without a newline counts). */
function linesIn(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (
    let at = bytes.indexOf(NEWLINE, from);
    at !== -1 && at < to;
    at = bytes.indexOf(NEWLINE, at + 1)
  )
    count++;
  return to > from && bytes[to - 1] !== NEWLINE ? count + 1 : count;
}

/**
 * The parts of `bytes` to scan for `ranges` (whole lines, see `changedRanges`): each with
 * one line around it, so a `tightlip:allow` comment above is seen; parts whose context
 * lines touch are one.
 */
function partsOf(bytes: Buffer, ranges: readonly [number, number][]): Part[] {
  const lineStart = (at: number) => (at <= 0 ? 0 : bytes.lastIndexOf(NEWLINE, at - 1) + 1);
  const lineEnd = (at: number) => {
    const newline = bytes.indexOf(NEWLINE, at);
    return newline === -1 ? bytes.length : newline + 1;
  };
  const spans: { from: number; first: number; last: number; to: number }[] = [];
  for (const [first, last] of ranges) {
    const from = first > 0 ? lineStart(first - 1) : 0;
    const to = last < bytes.length ? lineEnd(last) : bytes.length;
    const previous = spans[spans.length - 1];
    if (previous && from <= previous.to) {
      previous.last = last;
      previous.to = to;
    } else spans.push({ from, first, last, to });
  }
  return spans.map(({ from, first, last, to }) => {
    // A UTF-8 byte-order mark is dropped at the start of a file only, as when it is read whole.
    const text = (from === 0 ? UTF8_NO_BOM : UTF8).decode(bytes.subarray(from, to));
    const own = 1 + (first > from ? 1 : 0);
    const count = linesIn(bytes, from, to);
    return { text, from, lines: [own, Math.max(own, count - (to > last ? 1 : 0))] };
  });
}

/**
 * A blob to read and scan: one of the walk's (`blob`, at its first path and commit,
 * compared with what it replaced), or one scanned again whole at another (path, commit).
 */
interface Job {
  blob: number;
  path: number;
  commit: number;
  whole: boolean;
}

/** How many bytes `ranges` span. */
const sizeOf = (ranges: readonly [number, number][]) =>
  ranges.reduce((sum, [from, to]) => sum + to - from, 0);

/** Bytes of blobs kept for the versions that will replace them, at most. */
const KEEP_BYTES = 32 * 1024 * 1024;

/**
 * A string of its own: a part of a longer one (an id cut from a line of git's output)
 * keeps all of it alive as long as it is kept.
 */
const own = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/**
 * Blobs kept in memory until the last job that compares with them (`lastUse`, by key:
 * see `keyOf`): nothing is kept that no later job needs, and a predecessor that did not
 * fit is read again.
 */
function createKeeper(lastUse: (key: number) => number) {
  const kept = new Map<number, Buffer>();
  let size = 0;
  return {
    /** Keeps `bytes` (a copy, if they are part of a larger buffer) if a job after `now` compares with them. */
    offer(key: number, bytes: Buffer, now: number) {
      if (lastUse(key) <= now || kept.has(key) || size + bytes.length > KEEP_BYTES) return;
      // A view of git's output (what arrived in one piece) is copied; a blob read in pieces
      // has a buffer of its own, kept as it is.
      kept.set(key, bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes));
      size += bytes.length;
    },
    get: (key: number) => kept.get(key),
    /** Lets go of what no job after `now` needs. */
    release(keys: Iterable<number>, now: number) {
      for (const key of keys) {
        const bytes = kept.get(key);
        if (bytes && lastUse(key) <= now) {
          kept.delete(key);
          size -= bytes.length;
        }
      }
    },
  };
}

/**
 * A history audit at blob level. One `git log --raw` walk, oldest first (`--date-order
 * --reverse`: parents before children), lists the commits and, for each, the paths it
 * writes with their blob ids: nothing is diffed by git. Each commit's message, each path's
 * name (once) and each blob that was not seen before (once, wherever it appears) is
 * scanned. A blob that replaces another at the same path is compared with it byte for
 * byte, and only the lines that differ (with one line around them) are scanned: what the
 * commit added. Where a blob with findings appears again (another path, a revert), or a
 * blob replaced one with findings (a secret that survives an edit), it is scanned whole at
 * that path and commit; `attribute` then reports each secret once per path, at the commit
 * that first wrote it there. After the walk, the names of the selected refs and the names
 * and messages of the annotated tags they point through are scanned too.
 */
export function createHistorySource(git: Git, selection: HistorySelection): HistorySource {
  // What is known of the walk, in columns of small numbers rather than an object per blob
  // or commit: a history of 100,000 blobs costs a few MB.
  const commitIndex = new Map<string, number>();
  const commitIds: string[] = [];
  const commitDates: string[] = [];
  const commitAuthors: number[] = [];
  const authors: string[] = [];
  const authorIndex = new Map<string, number>();
  /** Each path once: its name is scanned once, and blobs and jobs refer to it by number. */
  const paths: string[] = [];
  const pathIndex = new Map<string, number>();
  /** Blobs by id, numbered in the order the walk first meets them: blob `i` is the walk's job `i`. */
  const blobIndex = new Map<string, number>();
  const blobIds: string[] = [];
  const blobPaths: number[] = [];
  const blobCommits: number[] = [];
  /** `FOUND`: a scan found something in its content; `DIFFED`: scanned by what it changed from its predecessors. */
  const blobFlags: number[] = [];
  /** Later (path, commit) where a commit writes a blob again: a list per blob, from `againHead` to `againTail`. */
  const againHead: number[] = [];
  const againTail: number[] = [];
  const againPath: number[] = [];
  const againCommit: number[] = [];
  const againNext: number[] = [];
  /**
   * The blobs each blob replaced at its path (`predecessors[predecessorsAt[i]…predecessorsAt[i + 1]]`
   * for blob `i`): a blob's number, or `~k` for `outsideIds[k]`, a blob the walk had not met
   * (one from before --since, or met later).
   */
  const predecessors: number[] = [];
  const predecessorsAt: number[] = [0];
  const outsideIds: string[] = [];
  const outsideIndex = new Map<string, number>();
  /** After the walk: the blob an outside id turned out to be, or -1. */
  let outsideBlob: number[] = [];
  const scanning = new Map<SourceItem, Job>();
  let newlyFound: number[] = [];
  /** `<blob>:<path>:<commit>` of every whole-content scan asked for after the first pass. */
  const rescanned = new Set<string>();
  /** The first item of each blob read: what progress counts. */
  const units = new WeakSet<SourceItem>();
  /** The byte a part that does not start its blob starts at (its findings' lines are shifted once known). */
  const partAt = new WeakMap<SourceItem, number>();
  /** Lines to add to a finding of a part: counted in its blob, read again, once it has findings. */
  const shift = new WeakMap<Finding, number>();
  /** Shifts being counted; `items` waits for them before it ends. */
  let counting: Promise<void>[] = [];
  /** What reads a blob again to count a part's lines: `items`' object reader. */
  let lineReader: ObjectReader | undefined;
  let total: number | undefined;

  const FOUND = 1;
  const DIFFED = 2;

  /** A predecessor as the keeper knows it: a blob's number, or `~k` for an outside id that is no blob. */
  const keyOf = (ref: number) =>
    ref >= 0 ? ref : outsideBlob[~ref]! >= 0 ? outsideBlob[~ref]! : ref;
  const idOf = (key: number) => (key >= 0 ? blobIds[key]! : outsideIds[~key]!);
  const predecessorsOf = (blob: number) =>
    predecessors.slice(predecessorsAt[blob], predecessorsAt[blob + 1]).map(keyOf);

  const revisionArgs = (): string[] => {
    if (selection.revisions.length > 0) return ['--end-of-options', ...selection.revisions];
    const args = [
      ...(selection.branches ? ['--branches'] : []),
      ...(selection.tags ? ['--tags'] : []),
    ];
    return selection.all || args.length === 0 ? ['--all'] : args;
  };

  function addCommit(id: string, date: string, author: string): number {
    let a = authorIndex.get(author);
    if (a === undefined) {
      a = authors.push(own(author)) - 1;
      authorIndex.set(authors[a]!, a);
    }
    const at = commitIds.push(own(id)) - 1;
    commitIndex.set(commitIds[at]!, at);
    commitDates.push(own(date));
    commitAuthors.push(a);
    return at;
  }

  /** The number of a predecessor's id: its blob's, or a new or known outside one's. */
  function predecessorRef(id: string): number {
    const blob = blobIndex.get(id);
    if (blob !== undefined) return blob;
    let k = outsideIndex.get(id);
    if (k === undefined) {
      k = outsideIds.push(own(id)) - 1;
      outsideIndex.set(outsideIds[k]!, k);
    }
    return ~k;
  }

  /** Lists the commits, paths and blobs of the selected history; yields messages and file names. */
  async function* walk(isAllowedPath: (path: string) => boolean): AsyncGenerator<SourceItem> {
    const args = [
      ...HISTORY_WALK_ARGS,
      ...(selection.since !== undefined ? [`--since=${selection.since}`] : []),
      ...(selection.maxCount !== undefined ? [`--max-count=${selection.maxCount}`] : []),
      ...revisionArgs(),
      '--',
    ];
    let commit = -1;
    let message: string[] | undefined;
    let read = 0;
    const heapLimit = getHeapStatistics().heap_size_limit * 0.75;
    for await (const batch of git.lineBatches(args)) {
      for (let line of batch) {
        // What is known of every blob and commit stays in memory: past most of the heap, stop
        // with a clear error rather than let V8 abort the process.
        if (++read % 4096 === 0 && getHeapStatistics().used_heap_size > heapLimit)
          throw new GitError(
            'HISTORY_TOO_LARGE',
            `the history is too large for this process's memory (${blobIds.length} blobs in ${commitIds.length} commits so far), so the audit stopped (exit 2): audit fewer refs or a shorter span (--branches, a ref, --since, --max-count), or give Node more memory (NODE_OPTIONS=--max-old-space-size=<MB>)`,
          );
        if (!message && line.startsWith('\0')) {
          const [ids = '', date = '', author = '', ...rest] = line.slice(1).split('\0');
          commit = addCommit(ids.split(' ')[0]!, date, author);
          message = [];
          // The rest of the line is the message's first line (and its end, when it has no newline).
          line = rest.join('\0');
        }
        if (message) {
          const ends = line.endsWith('\0');
          message.push(ends ? line.slice(0, -1) : line);
          if (!ends) continue;
          const text = message.join('\n').replace(/\n+$/, '');
          message = undefined;
          const id = commitIds[commit]!;
          if (text !== '')
            yield { type: 'chunk', chunk: { subject: 'message', path: id, text, commit: id } };
          continue;
        }
        if (!line.startsWith(':')) continue;
        const entry = parseRawLine(line);
        if (!entry || isZeroId(entry.id) || isAllowedPath(entry.path)) continue;
        let path = pathIndex.get(entry.path);
        if (path === undefined) {
          path = paths.push(own(entry.path)) - 1;
          pathIndex.set(paths[path]!, path);
          const name = paths[path]!;
          yield {
            type: 'chunk',
            chunk: { subject: 'file-name', path: name, text: name, commit: commitIds[commit]! },
          };
        }
        if (entry.mode === GITLINK) continue;
        const seen = blobIndex.get(entry.id);
        if (seen !== undefined) {
          // Appended, so that the list is in walk order.
          const at = againPath.push(path) - 1;
          againCommit.push(commit);
          againNext.push(-1);
          if (againHead[seen] === -1) againHead[seen] = at;
          else againNext[againTail[seen]!] = at;
          againTail[seen] = at;
          continue;
        }
        const blob = blobIds.push(own(entry.id)) - 1;
        blobIndex.set(blobIds[blob]!, blob);
        blobPaths.push(path);
        blobCommits.push(commit);
        blobFlags.push(0);
        againHead.push(-1);
        againTail.push(-1);
        for (const id of entry.oldIds) predecessors.push(predecessorRef(id));
        predecessorsAt.push(predecessors.length);
      }
    }
    outsideBlob = outsideIds.map((id) => blobIndex.get(id) ?? -1);
  }

  /**
   * The items of a job: a blob's bytes (whole), or the text of the lines it changes from
   * the blob(s) it replaced (with one line around them), or why it was not read.
   */
  async function itemsOf(
    job: Job,
    object: GitObject,
    objects: ObjectReader,
    keeper: ReturnType<typeof createKeeper>,
  ): Promise<SourceItem[]> {
    const commit = commitIds[job.commit]!;
    const path = paths[job.path]!;
    const id = blobIds[job.blob]!;
    if (object === MISSING) {
      // Reported, and the scan is incomplete (exit 2): never a silent pass.
      const missing: SourceItem = {
        type: 'skipped',
        skipped: {
          path,
          reason: 'unreadable',
          detail: `blob ${id}, in commit ${commit}, is missing from the repository (a partial or damaged clone)`,
        },
      };
      return [missing];
    }
    const { bytes } = object;
    const binary = object.head.indexOf(0) !== -1 && !hasUtf16Bom(object.head);
    if (bytes === undefined) {
      const skipped: SourceItem = {
        type: 'skipped',
        skipped: {
          path,
          // Binary as git tells it (a NUL in the first 8000 bytes), else too large to read.
          reason: binary ? 'binary' : 'too-large',
          detail: `blob ${id}, ${object.size} bytes, in commit ${commit}`,
        },
      };
      return [skipped];
    }
    // Binary content goes whole to the scan loop, which decides what it is (see toChunks).
    if (binary) return [{ type: 'bytes', content: { path, bytes, commit } }];
    const before = job.whole ? [] : predecessorsOf(job.blob);
    let changed: [number, number][] | undefined;
    if (
      before.length > 0 &&
      !hasUtf16Bom(bytes) &&
      !before.some((key) => key >= 0 && (blobFlags[key]! & FOUND) !== 0)
    ) {
      for (const key of before) {
        const old =
          keeper.get(key) ?? (await objects.read(idOf(key)).catch(() => undefined))?.bytes;
        if (old === undefined) {
          changed = undefined;
          break;
        }
        const ranges = changedRanges(old, bytes);
        if (!changed || sizeOf(ranges) < sizeOf(changed)) changed = ranges;
      }
    }
    if (!changed) {
      return [{ type: 'bytes', content: { path, bytes, commit } }];
    }
    blobFlags[job.blob]! |= DIFFED;
    return partsOf(bytes, changed).map((part) => {
      const item: SourceItem = {
        type: 'chunk',
        chunk: {
          subject: 'content',
          path,
          text: part.text,
          startLine: 1,
          lines: [part.lines],
          commit,
        },
      };
      if (part.from > 0) partAt.set(item, part.from);
      return item;
    });
  }

  /** Whole-content scans that findings call for: where a found blob appears again, and what replaced one. */
  function followUps(): Job[] {
    const jobs: Job[] = [];
    const add = (blob: number, path: number, commit: number) => {
      const key = `${blob}:${path}:${commit}`;
      if (rescanned.has(key)) return;
      rescanned.add(key);
      jobs.push({ blob, path, commit, whole: true });
    };
    if (newlyFound.length === 0) return jobs;
    // What replaced each found blob and was scanned by what it changed from it, in walk order.
    const replacedBy = new Map<number, number[]>(newlyFound.map((blob) => [blob, []]));
    for (let blob = 0; blob < blobIds.length; blob++)
      if ((blobFlags[blob]! & DIFFED) !== 0)
        for (const key of predecessorsOf(blob)) replacedBy.get(key)?.push(blob);
    for (const blob of newlyFound) {
      for (let at = againHead[blob]!; at !== -1; at = againNext[at]!)
        add(blob, againPath[at]!, againCommit[at]!);
      for (const next of replacedBy.get(blob)!) add(next, blobPaths[next]!, blobCommits[next]!);
    }
    newlyFound = [];
    return jobs;
  }

  /** Names of the selected refs, and the names and messages of the annotated tags they point through. */
  async function* refItems(objects: ObjectReader): AsyncGenerator<SourceItem> {
    const refs: { name: string; id: string; type?: string }[] = [];
    if (selection.revisions.length > 0) {
      for (const name of selection.revisions) refs.push({ name, id: name });
    } else {
      const patterns = selection.all
        ? []
        : [
            ...(selection.branches ? ['refs/heads/'] : []),
            ...(selection.tags ? ['refs/tags/'] : []),
          ];
      for await (const batch of git.lineBatches([
        'for-each-ref',
        '--format=%(refname)%00%(objectname)%00%(objecttype)',
        ...patterns,
      ]))
        for (const line of batch) {
          const [name = '', id = '', type = ''] = line.split('\0');
          if (name !== '') refs.push({ name, id, type });
        }
    }
    // Asked all at once (one write, no waiting in between): only what is not a commit.
    const first = await Promise.all(
      refs.map(({ id, type }) =>
        type === 'commit' ? Promise.resolve(undefined) : objects.read(id).catch(() => undefined),
      ),
    );
    for (const [i, { name }] of refs.entries()) {
      yield { type: 'chunk', chunk: { subject: 'ref', path: name, text: name } };
      let object = first[i];
      for (let depth = 0; object && depth < 64; depth++) {
        if (object.type === 'blob') {
          if (object.bytes !== undefined && !object.head.includes(0))
            yield {
              type: 'chunk',
              chunk: { subject: 'ref', path: name, text: object.bytes.toString('utf8') },
            };
          break;
        }
        if (object.type !== 'tag' || object.bytes === undefined) break;
        const tag = parseTag(object.bytes.toString('utf8'));
        yield* tagItems(name, tag);
        object = await objects.read(tag.object).catch(() => undefined);
      }
    }
  }

  async function* items(
    limits: SourceLimits,
    isAllowedPath: (path: string) => boolean = () => false,
    context?: HistoryContext,
  ): AsyncGenerator<SourceItem> {
    if (selection.revisions.length > 0) await verifyCommits(git, selection.revisions);
    const reader = createObjectReader(git, limits.maxFileSize);
    lineReader = reader;
    const settle = context ? () => context.settle() : () => Promise.resolve();
    let keeper = createKeeper(() => -1);
    const take = async (job: Job, object: GitObject) => {
      const items = await itemsOf(job, object, reader, keeper);
      for (const item of items) if (item.type !== 'skipped') scanning.set(item, job);
      if (items[0]) units.add(items[0]);
      return items;
    };
    try {
      yield* walk(isAllowedPath);
      const count = blobIds.length;
      total = count;
      // The last job that compares with each predecessor; and every job's blob, in order,
      // each predecessor the walk did not meet (before --since) read just before the first
      // job that needs it: one stream, no request waits.
      const lastUse = new Int32Array(count).fill(-1);
      const lastUseOutside = new Int32Array(outsideIds.length).fill(-1);
      const reads: number[] = [];
      for (let i = 0; i < count; i++) {
        for (const key of predecessorsOf(i)) {
          if (key >= 0) lastUse[key] = i;
          else {
            if (lastUseOutside[~key] === -1) reads.push(key);
            lastUseOutside[~key] = i;
          }
        }
        reads.push(i);
      }
      keeper = createKeeper((key) => (key >= 0 ? lastUse[key]! : lastUseOutside[~key]!));
      let at = 0;
      let now = -1;
      for await (const object of streamObjects(git, reads.map(idOf), limits.maxFileSize)) {
        const read = reads[at++]!;
        if (read < 0) {
          if (object.bytes) keeper.offer(read, object.bytes, now);
          continue;
        }
        now = read;
        yield* await take(
          { blob: read, path: blobPaths[read]!, commit: blobCommits[read]!, whole: false },
          object,
        );
        if (object.bytes) keeper.offer(read, object.bytes, now);
        keeper.release(predecessorsOf(read), now);
      }
      yield* refItems(reader);
      await settle();
      for (let jobs = followUps(); jobs.length > 0; jobs = followUps()) {
        total += jobs.length;
        // One stream, as in the first pass: no read waits for the one before it, and the
        // blobs come one at a time (64 asked at once held up to 64 large blobs in memory).
        const ids = jobs.map((job) => blobIds[job.blob]!);
        let at = 0;
        for await (const object of streamObjects(git, ids, limits.maxFileSize))
          yield* await take(jobs[at++]!, object);
        await settle();
      }
      for (let some = counting; some.length > 0; some = counting) {
        counting = [];
        await Promise.all(some);
      }
    } finally {
      reader.close();
    }
  }

  function onResult(item: SourceItem, findings: readonly Finding[]): void {
    const job = scanning.get(item);
    if (!job) return;
    scanning.delete(item);
    const from = partAt.get(item);
    if (from !== undefined && findings.length > 0) {
      const counted = lineReader!.read(blobIds[job.blob]!).then(({ bytes }) => {
        const lines = linesIn(bytes!, 0, from);
        for (const finding of findings) shift.set(finding, lines);
      });
      // Marked handled now: `items` hears of a failure when it waits for the counts.
      counted.catch(() => undefined);
      counting.push(counted);
    }
    if (findings.length > 0 && (blobFlags[job.blob]! & FOUND) === 0) {
      blobFlags[job.blob]! |= FOUND;
      newlyFound.push(job.blob);
    }
  }

  function attribute(findings: readonly Finding[]): Finding[] {
    if (counting.length > 0)
      throw new Error('history findings attributed before their lines are known');
    const about = (found: Finding): Finding => {
      const lines = shift.get(found);
      const finding = lines
        ? { ...found, line: found.line + lines, endLine: found.endLine + lines }
        : found;
      const index = finding.commit === undefined ? undefined : commitIndex.get(finding.commit);
      if (index === undefined) return finding;
      return { ...finding, author: authors[commitAuthors[index]!]!, date: commitDates[index]! };
    };
    const groups = new Map<string, { first: Finding; at: number; commits: Set<number> }>();
    const reported: Finding[] = [];
    for (const finding of findings) {
      const at = finding.commit === undefined ? undefined : commitIndex.get(finding.commit);
      if (finding.origin === 'message' || finding.origin === 'name' || at === undefined) {
        reported.push(about(finding));
        continue;
      }
      const key = `${finding.path}\0${finding.ruleId}\0${finding.secretHash ?? finding.fingerprint}`;
      const group = groups.get(key);
      if (!group) groups.set(key, { first: finding, at, commits: new Set([at]) });
      else {
        group.commits.add(at);
        if (at < group.at) {
          group.first = finding;
          group.at = at;
        }
      }
    }
    for (const { first, commits: carried } of groups.values())
      reported.push({ ...about(first), laterCommits: carried.size - 1 });
    return reported;
  }

  return { items, onResult, attribute, isUnit: (item) => units.has(item), total: () => total };
}
