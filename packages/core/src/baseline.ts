import { TightlipError } from './errors.js';

// A baseline lists findings a team has accepted, keyed by content: rule, path and a keyed
// hash of the secret (HMAC-SHA-256 under the baseline's own random salt). No secret, no
// line number: a finding stays accepted when lines move or a branch is rebased, and a
// different secret on the same line is reported. The file is JSON Lines — a header line,
// then one entry per line, sorted — so that git's union merge (set up by
// `tightlip baseline create`) combines two branches' baselines without conflicts.

/**
 * The version new baselines are written in. 2: the hash of a guessable secret (a password)
 * is stretched with scrypt (see the CLI's baseline keys), so that a dictionary cannot be run
 * against it at HMAC speed. Version 1 files (HMAC only) are still read and kept as version 1
 * by `update` and `prune`; `create --force` rewrites one as version 2.
 */
export const BASELINE_VERSION = 2;

export interface BaselineEntry {
  rule: string;
  path: string;
  hash: string;
}

export interface Baseline {
  /** 1 or 2 (see `BASELINE_VERSION`). */
  version: number;
  salt: string;
  entries: BaselineEntry[];
}

export class BaselineError extends TightlipError {
  override name = 'BaselineError';
  constructor(source: string, message: string, line?: number) {
    super('BASELINE_INVALID', `${source}${line === undefined ? '' : `:${line}`}: ${message}`);
  }
}

const HEX = /^[0-9a-f]+$/;

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return a.path < b.path
    ? -1
    : a.path > b.path
      ? 1
      : a.rule < b.rule
        ? -1
        : a.rule > b.rule
          ? 1
          : a.hash < b.hash
            ? -1
            : a.hash > b.hash
              ? 1
              : 0;
}

const keyOf = (entry: BaselineEntry) => `${entry.rule}\0${entry.path}\0${entry.hash}`;

/** Parses a baseline file. Tolerates what a union merge leaves: unsorted and repeated lines, a repeated identical header. */
export function parseBaseline(text: string, source: string): Baseline {
  let salt: string | undefined;
  let version: number | undefined;
  const entries = new Map<string, BaselineEntry>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BaselineError(
        source,
        'not a JSON line (a merge conflict left in the file?)',
        i + 1,
      );
    }
    const record = value as Record<string, unknown>;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new BaselineError(source, 'expected an object', i + 1);
    if ('tightlip-baseline' in record) {
      const lineVersion = record['tightlip-baseline'];
      if (lineVersion !== 1 && lineVersion !== BASELINE_VERSION)
        throw new BaselineError(
          source,
          `unsupported baseline version ${String(lineVersion)}`,
          i + 1,
        );
      if (version !== undefined && version !== lineVersion)
        throw new BaselineError(
          source,
          'two headers of different versions; recreate the baseline',
          i + 1,
        );
      version = lineVersion;
      const lineSalt = record.salt;
      if (typeof lineSalt !== 'string' || !HEX.test(lineSalt))
        throw new BaselineError(source, 'salt must be hexadecimal', i + 1);
      if (salt !== undefined && salt !== lineSalt)
        throw new BaselineError(
          source,
          'two headers with different salts; recreate the baseline',
          i + 1,
        );
      salt = lineSalt;
      return;
    }
    const { rule, path, hash } = record;
    if (
      typeof rule !== 'string' ||
      typeof path !== 'string' ||
      typeof hash !== 'string' ||
      !HEX.test(hash)
    ) {
      throw new BaselineError(
        source,
        'an entry needs string "rule", "path" and hexadecimal "hash"',
        i + 1,
      );
    }
    const entry = { rule, path, hash };
    entries.set(keyOf(entry), entry);
  });
  if (salt === undefined)
    throw new BaselineError(source, 'no header line {"tightlip-baseline":1,"salt":…}');
  return { version: version!, salt, entries: [...entries.values()].sort(compareEntries) };
}

/** The file text of a baseline: header, then entries sorted and without duplicates. */
export function formatBaseline(baseline: Baseline): string {
  const header = JSON.stringify({ 'tightlip-baseline': baseline.version, salt: baseline.salt });
  const unique = new Map(baseline.entries.map((entry) => [keyOf(entry), entry]));
  const lines = [...unique.values()]
    .sort(compareEntries)
    .map((e) => JSON.stringify({ rule: e.rule, path: e.path, hash: e.hash }));
  return `${[header, ...lines].join('\n')}\n`;
}

/** Matches entries of findings against a baseline and remembers which baseline entries were used. */
export interface BaselineMatcher {
  /** Whether the baseline holds `entry` (and marks it used). */
  accepts(entry: BaselineEntry): boolean;
  /** Entries that accepted nothing so far. */
  unused(): BaselineEntry[];
}

export function createBaselineMatcher(baseline: Baseline): BaselineMatcher {
  const entries = new Map(baseline.entries.map((entry) => [keyOf(entry), entry]));
  const used = new Set<string>();
  return {
    accepts(entry) {
      const key = keyOf(entry);
      if (!entries.has(key)) return false;
      used.add(key);
      return true;
    },
    unused: () =>
      [...entries.entries()].filter(([key]) => !used.has(key)).map(([, entry]) => entry),
  };
}
