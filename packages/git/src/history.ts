import {
  createObjectReader,
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

/** What is known of a blob: where it first appeared, how it was scanned, what it held. */
interface Blob {
  path: string;
  commit: number;
  /** Any scan of it found something in its content. */
  found: boolean;
  /** Later (path, commit) where a commit writes it again. */
  again?: [string, number][];
}

/** A blob to read and scan: at its first (path, commit), or again, whole. */
interface Job {
  id: string;
  path: string;
  commit: number;
  /** Blobs it replaced at this path (compared with, for what it changes); none: scanned whole. */
  before: readonly string[];
}

/** How many bytes `ranges` span. */
const sizeOf = (ranges: readonly [number, number][]) =>
  ranges.reduce((sum, [from, to]) => sum + to - from, 0);

/** Bytes of blobs kept for the versions that will replace them, at most. */
const KEEP_BYTES = 32 * 1024 * 1024;

/**
 * Blobs kept in memory until the last job that compares with them: each job's
 * predecessors are known once the walk is done, so nothing is kept that no later job
 * needs, and a predecessor that did not fit is read again.
 */
function createKeeper(jobs: readonly Job[]) {
  const lastUse = new Map<string, number>();
  jobs.forEach((job, i) => {
    for (const id of job.before) lastUse.set(id, i);
  });
  const kept = new Map<string, Buffer>();
  let size = 0;
  return {
    /** Keeps `bytes` (a copy, if they are part of a larger buffer) if a job after `now` compares with them. */
    offer(id: string, bytes: Buffer, now: number) {
      if ((lastUse.get(id) ?? -1) <= now || kept.has(id) || size + bytes.length > KEEP_BYTES)
        return;
      // A view of git's output (what arrived in one piece) is copied; a blob read in pieces
      // has a buffer of its own, kept as it is.
      kept.set(id, bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes));
      size += bytes.length;
    },
    get: (id: string) => kept.get(id),
    /** Lets go of what no job after `now` needs. */
    release(ids: readonly string[], now: number) {
      for (const id of ids) {
        const bytes = kept.get(id);
        if (bytes && (lastUse.get(id) ?? -1) <= now) {
          kept.delete(id);
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
  const commitIndex = new Map<string, number>();
  const commits: { id: string; date: string; author: number }[] = [];
  const authors: string[] = [];
  const authorIndex = new Map<string, number>();
  const blobs = new Map<string, Blob>();
  /** Blobs scanned by what they changed from a predecessor, by predecessor. */
  const replacedBy = new Map<string, string[]>();
  const scanning = new Map<SourceItem, Job>();
  let newlyFound: string[] = [];
  /** `<blob>\0<path>\0<commit>` of every whole-content scan asked for after the first pass. */
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
      a = authors.push(author) - 1;
      authorIndex.set(author, a);
    }
    commitIndex.set(id, commits.length);
    return commits.push({ id, date, author: a }) - 1;
  }

  async function* walk(isAllowedPath: (path: string) => boolean): AsyncGenerator<SourceItem | Job> {
    // Each path once: its name is scanned once, and every blob and job at it shares the string.
    const names = new Map<string, string>();
    const args = [
      'log',
      '--date-order',
      '--reverse',
      '--raw',
      '--no-abbrev',
      '-c',
      '--no-renames',
      '--ignore-submodules=none',
      FORMAT,
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
            `the history is too large for this process's memory (${blobs.size} blobs in ${commits.length} commits so far), so the audit stopped (exit 2): audit fewer refs or a shorter span (--branches, a ref, --since, --max-count), or give Node more memory (NODE_OPTIONS=--max-old-space-size=<MB>)`,
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
          const id = commits[commit]!.id;
          if (text !== '')
            yield { type: 'chunk', chunk: { subject: 'message', path: id, text, commit: id } };
          continue;
        }
        if (!line.startsWith(':')) continue;
        const entry = parseRawLine(line);
        if (!entry || isZeroId(entry.id) || isAllowedPath(entry.path)) continue;
        const id = commits[commit]!.id;
        const known = names.get(entry.path);
        if (known !== undefined) entry.path = known;
        else {
          names.set(entry.path, entry.path);
          yield {
            type: 'chunk',
            chunk: { subject: 'file-name', path: entry.path, text: entry.path, commit: id },
          };
        }
        if (entry.mode === GITLINK) continue;
        const seen = blobs.get(entry.id);
        if (seen) {
          (seen.again ??= []).push([entry.path, commit]);
          continue;
        }
        blobs.set(entry.id, { path: entry.path, commit, found: false });
        yield { id: entry.id, path: entry.path, commit, before: entry.oldIds };
      }
    }
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
    const commit = commits[job.commit]!.id;
    if (object === MISSING) {
      // Reported, and the scan is incomplete (exit 2): never a silent pass.
      const missing: SourceItem = {
        type: 'skipped',
        skipped: {
          path: job.path,
          reason: 'unreadable',
          detail: `blob ${job.id}, in commit ${commit}, is missing from the repository (a partial or damaged clone)`,
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
          path: job.path,
          // Binary as git tells it (a NUL in the first 8000 bytes), else too large to read.
          reason: binary ? 'binary' : 'too-large',
          detail: `blob ${job.id}, ${object.size} bytes, in commit ${commit}`,
        },
      };
      return [skipped];
    }
    // Binary content goes whole to the scan loop, which decides what it is (see toChunks).
    if (binary) return [{ type: 'bytes', content: { path: job.path, bytes, commit } }];
    let changed: [number, number][] | undefined;
    if (
      job.before.length > 0 &&
      !hasUtf16Bom(bytes) &&
      !job.before.some((id) => blobs.get(id)?.found)
    ) {
      for (const id of job.before) {
        const before = keeper.get(id) ?? (await objects.read(id).catch(() => undefined))?.bytes;
        if (before === undefined) {
          changed = undefined;
          break;
        }
        const ranges = changedRanges(before, bytes);
        if (!changed || sizeOf(ranges) < sizeOf(changed)) changed = ranges;
      }
    }
    if (!changed) {
      return [{ type: 'bytes', content: { path: job.path, bytes, commit } }];
    }
    for (const id of job.before) {
      const next = replacedBy.get(id);
      if (next) next.push(job.id);
      else replacedBy.set(id, [job.id]);
    }
    return partsOf(bytes, changed).map((part) => {
      const item: SourceItem = {
        type: 'chunk',
        chunk: {
          subject: 'content',
          path: job.path,
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
    const add = (id: string, path: string, commit: number) => {
      const key = `${id}\0${path}\0${commit}`;
      if (rescanned.has(key)) return;
      rescanned.add(key);
      jobs.push({ id, path, commit, before: [] });
    };
    for (const id of newlyFound) {
      const blob = blobs.get(id)!;
      for (const [path, commit] of blob.again ?? []) add(id, path, commit);
      for (const next of replacedBy.get(id) ?? []) {
        const replacing = blobs.get(next)!;
        add(next, replacing.path, replacing.commit);
      }
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
    let keeper = createKeeper([]);
    const take = async (job: Job, object: GitObject) => {
      const items = await itemsOf(job, object, reader, keeper);
      for (const item of items) if (item.type !== 'skipped') scanning.set(item, job);
      if (items[0]) units.add(items[0]);
      return items;
    };
    try {
      const jobs: Job[] = [];
      for await (const event of walk(isAllowedPath)) {
        if ('type' in event) yield event;
        else jobs.push(event);
      }
      total = jobs.length;
      keeper = createKeeper(jobs);
      // Every job's blob, in order, each predecessor from outside the walk (before --since)
      // read just before the first job that needs it: one stream, no request waits.
      const reads: (number | string)[] = [];
      const outside = new Set<string>();
      jobs.forEach((job, i) => {
        for (const id of job.before) {
          if (blobs.has(id) || outside.has(id)) continue;
          outside.add(id);
          reads.push(id);
        }
        reads.push(i);
      });
      let at = 0;
      let now = -1;
      const ids = reads.map((read) => (typeof read === 'number' ? jobs[read]!.id : read));
      for await (const object of streamObjects(git, ids, limits.maxFileSize)) {
        const read = reads[at++]!;
        if (typeof read === 'string') {
          if (object.bytes) keeper.offer(read, object.bytes, now);
          continue;
        }
        now = read;
        const job = jobs[read]!;
        yield* await take(job, object);
        if (object.bytes) keeper.offer(job.id, object.bytes, now);
        keeper.release(job.before, now);
      }
      yield* refItems(reader);
      await settle();
      for (let jobs = followUps(); jobs.length > 0; jobs = followUps()) {
        total += jobs.length;
        // Asked 64 at a time, so that no read waits for the one before it.
        for (let i = 0; i < jobs.length; i += 64) {
          const some = jobs.slice(i, i + 64);
          const read = await Promise.all(
            some.map((job) => reader.read(job.id).catch(() => MISSING)),
          );
          for (const [k, job] of some.entries()) yield* await take(job, read[k]!);
        }
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
      const counted = lineReader!.read(job.id).then(({ bytes }) => {
        const lines = linesIn(bytes!, 0, from);
        for (const finding of findings) shift.set(finding, lines);
      });
      // Marked handled now: `items` hears of a failure when it waits for the counts.
      counted.catch(() => undefined);
      counting.push(counted);
    }
    const blob = blobs.get(job.id)!;
    if (findings.length > 0 && !blob.found) {
      blob.found = true;
      newlyFound.push(job.id);
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
      const commit = commits[index]!;
      return { ...finding, author: authors[commit.author]!, date: commit.date };
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
