import {
  closeSync,
  fstatSync,
  type BigIntStats,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { sha256, TERM_SET_FORMAT, toHex, type Term, type TermSetSource } from '@tightlip/core';
import { crypto, zlib } from './builtins.js';
import { VERSION } from './version.js';

// Term lists compiled once: a list's parsed terms, the compiled term set of all the lists
// a scan loads (core's compileTermSet: what a hook then loads in milliseconds), and the
// verdict of the check that no id or owner gives a term away, are kept in the user's
// cache directory, keyed by a SHA-256 of everything they follow from (tightlip's version,
// each list's name and exact text; for the set and the verdict, every list and every key
// of hashed lists). A changed list, key or version is another key, so nothing is ever
// stale; old files are just not read again.
//
// So that a warm run need not even read its lists, a stamp records, for the lists and keys
// a scan loads, each list file's stat (device, inode, size, modification and change times
// in ns) and the digest of their content that the stat stood for. A run whose stats all
// match takes that digest without reading a list; any other run reads and hashes the lists.
// Writing a file sets its change time (which no tool can set back), so a changed list has
// another stat; the exception, two writes of the same size within one tick of a coarse
// clock, is why a stamp is written only for files unchanged for SETTLED_MS (git's index
// has the same "racily clean" rule).
//
// Protected like the lists themselves: the directory is created 0700 and every file 0600,
// written to a temporary file and renamed (never half a file, never through a link); a
// file that does not parse as expected, or a set whose checksums do not hold (a CRC-32 of
// what the loader records, and the set's own, checked by core's loadTermSet), is ignored
// and rewritten. Lists handed over in the
// environment (TIGHTLIP_TERMS, a CI secret) are never written to disk. TIGHTLIP_CACHE=0
// turns the cache off; XDG_CACHE_HOME moves it.

export const CACHE_ENV = 'TIGHTLIP_CACHE';
const FORMAT = 1;

/** The cache directory, or undefined when it is off or there is no home for it. */
export function termCacheDir(
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): string | undefined {
  if (env[CACHE_ENV] === '0') return undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'tightlip', 'terms');
  if (platform === 'win32' && env.LOCALAPPDATA)
    return join(env.LOCALAPPDATA, 'tightlip', 'cache', 'terms');
  if (env.HOME) return join(env.HOME, '.cache', 'tightlip', 'terms');
  return undefined;
}

/** Inputs of at most this many bytes are hashed by core's SHA-256 (see cacheKey). */
const SMALL_KEY_INPUT = 64 * 1024;
const encoder = new TextEncoder();
const NUL = new Uint8Array(1);

/**
 * The cache key of `parts`: hex SHA-256 over the format, tightlip's version and the parts,
 * each after a NUL. A warm run hashes only list names and keys: core's SHA-256 (plain
 * JavaScript) then spares it loading node:crypto, which costs more than every other step
 * of a warm run's cache lookup; lists' contents are hashed by node:crypto.
 */
export function cacheKey(...parts: readonly (string | Uint8Array)[]): string {
  const head = `tightlip-term-cache\0${FORMAT}\0${VERSION}`;
  const size = parts.reduce(
    (sum, part) => sum + 1 + (typeof part === 'string' ? part.length * 3 : part.length),
    head.length,
  );
  if (size > SMALL_KEY_INPUT) {
    const hash = crypto().createHash('sha256').update(head);
    for (const part of parts) hash.update('\0').update(part);
    return hash.digest('hex');
  }
  const chunks: Uint8Array[] = [encoder.encode(head)];
  for (const part of parts)
    chunks.push(NUL, typeof part === 'string' ? encoder.encode(part) : part);
  const input = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  chunks.reduce((at, chunk) => (input.set(chunk, at), at + chunk.length), 0);
  return toHex(sha256(input));
}

function read(dir: string, key: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as unknown;
  } catch {
    return undefined; // absent, unreadable or damaged: compiled again
  }
}

function write(dir: string, name: string, value: string | Uint8Array): void {
  const file = join(dir, name);
  const temporary = `${file}.${crypto().randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, value, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true }); // a cache that cannot be written only costs time
  }
}

/** A cached term set: what the loader records about its lists, and the compiled set. */
export interface CachedTermSet<Meta> {
  meta: Meta;
  set: Uint8Array;
}

const SET_MAGIC = 0x43544c54; // "TLTC"

/** The key of the term set compiled from the lists and keys of `identity` (see LoadedTerms). */
function setKey(identity: string): string {
  return cacheKey('term-set', String(TERM_SET_FORMAT), identity);
}

/** `length` bytes of `file` at `position`; fewer when it is shorter (or gone). */
function readAt(file: string, position: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    let done = 0;
    while (done < length) {
      const n = readSync(fd, out, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return out.subarray(0, done);
  } catch {
    return out.subarray(0, 0); // unreadable now: the loader repairs or refuses it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The term set cached for `identity`, opened: its record, and a source that reads the set
 * from the file piece by piece (core's loadTermSet reads only the blocks a scan needs,
 * and checks each). Undefined when there is none, or its record is damaged (its CRC-32
 * does not hold).
 */
export function openCachedTermSet<Meta>(
  dir: string,
  identity: string,
): { meta: Meta; source: TermSetSource } | undefined {
  const file = join(dir, `${setKey(identity)}.set`);
  let size: number;
  try {
    const fd = openSync(file, 'r');
    try {
      size = fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined; // absent or unreadable: compiled again
  }
  const head = Buffer.from(readAt(file, 0, 12));
  if (head.length < 12 || head.readUInt32LE(0) !== SET_MAGIC) return undefined;
  const metaLength = head.readUInt32LE(8);
  const setStart = 12 + ((metaLength + 3) & ~3);
  if (setStart > size) return undefined;
  const record = readAt(file, 12, setStart - 12);
  if (record.length !== setStart - 12) return undefined;
  if (head.readUInt32LE(4) !== zlib().crc32(record, zlib().crc32(head.subarray(8))))
    return undefined;
  try {
    const meta = JSON.parse(Buffer.from(record.subarray(0, metaLength)).toString('utf8')) as Meta;
    return {
      meta,
      source: {
        size: size - setStart,
        read: (offset, length) => readAt(file, setStart + offset, length),
      },
    };
  } catch {
    return undefined;
  }
}

export function writeCachedTermSet(
  dir: string,
  identity: string,
  { meta, set }: CachedTermSet<unknown>,
): void {
  const json = Buffer.from(JSON.stringify(meta));
  const setStart = 12 + ((json.length + 3) & ~3);
  const bytes = Buffer.alloc(setStart + set.byteLength);
  bytes.writeUInt32LE(SET_MAGIC, 0);
  bytes.writeUInt32LE(json.length, 8);
  json.copy(bytes, 12);
  bytes.set(set, setStart);
  bytes.writeUInt32LE(zlib().crc32(bytes.subarray(8, setStart)), 4);
  write(dir, `${setKey(identity)}.set`, bytes);
}

/** The terms cached under `key`; undefined when there are none (or they are damaged). */
export function readCachedTerms(dir: string, key: string): Term[] | undefined {
  const value = read(dir, key) as { terms?: unknown } | undefined;
  return Array.isArray(value?.terms) ? (value.terms as Term[]) : undefined;
}

export function writeCachedTerms(dir: string, key: string, terms: readonly Term[]): void {
  write(dir, `${key}.json`, JSON.stringify({ terms }));
}

/** Whether a check passed for `key` before. */
export function hasCachedVerdict(dir: string, key: string): boolean {
  return (read(dir, key) as { passed?: unknown } | undefined)?.passed === true;
}

export function writeCachedVerdict(dir: string, key: string): void {
  write(dir, `${key}.json`, JSON.stringify({ passed: true }));
}

/** How long a file must be unchanged before its stat may stand for its content: longer than any file system's clock tick (FAT's 2 s). */
export const SETTLED_MS = 3000;

/** What a list file's stat says about its content (see the stamp, above). */
export function statStamp(stats: BigIntStats): string {
  return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
}

/** Whether a file whose stat is `stats` was last changed long enough before `now` (ms) for its stat to stand for its content. */
export function isSettled(stats: BigIntStats, now: number): boolean {
  const changed = Math.max(Number(stats.mtimeMs), Number(stats.ctimeMs));
  return now - changed > SETTLED_MS;
}

/** The digest the stamp `key` recorded for lists whose stats were `stats`; undefined when there is none or any stat differs. */
export function readStamp(dir: string, key: string, stats: readonly string[]): string | undefined {
  const value = read(dir, key) as { stats?: unknown; identity?: unknown } | undefined;
  const recorded = value?.stats;
  if (typeof value?.identity !== 'string' || !/^[0-9a-f]{64}$/.test(value.identity))
    return undefined;
  if (!Array.isArray(recorded) || recorded.length !== stats.length) return undefined;
  return recorded.every((stat, i) => stat === stats[i]) ? value.identity : undefined;
}

export function writeStamp(
  dir: string,
  key: string,
  stats: readonly string[],
  identity: string,
): void {
  write(dir, `${key}.json`, JSON.stringify({ stats, identity }));
}
