import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { crypto } from '../builtins.js';
import { BASELINE_VERSION, formatBaseline, type BaselineEntry } from '@tightlip/core';
import { UsageError } from '../errors.js';
import {
  baselineFileOf,
  createBaselineKeyer,
  newBaselineSalt,
  readBaseline,
} from '../scan/baseline.js';
import { createDirectorySource } from '../scan/directory-source.js';
import { runSourceScan, type ScanOptions } from '../scan/scan.js';
import { loadScanSettings } from '../scan/settings.js';

export type BaselineAction = 'create' | 'update' | 'prune';

export interface BaselineOptions extends ScanOptions {
  action: BaselineAction;
  /** What to scan, relative to `io.cwd`; the current directory when empty. */
  paths: readonly string[];
  /** With create: replace an existing baseline. */
  force?: boolean;
}

export interface BaselineResult {
  file: string;
  entries: number;
  added: number;
  removed: number;
  /** The .gitattributes line was added (create). */
  gitattributes?: string;
}

const keyOf = (entry: BaselineEntry) => `${entry.rule}\0${entry.path}\0${entry.hash}`;

/**
 * Writes `text` to `file` through a temporary file in the same directory, renamed over it:
 * a reader sees the old or the new file, never half of one, and a symbolic link at `file`
 * is replaced, never written through (a cloned repository could ship a link pointing
 * outside it).
 */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(
    dirname(file),
    `.${basename(file)}.${crypto().randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Refuses to touch `file` when it is a symbolic link (see `writeAtomically`). */
async function refuseLink(file: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (info?.isSymbolicLink())
    throw new UsageError(
      `${file} is a symbolic link; tightlip does not write through links: make it a regular file`,
    );
}

/** Makes git merge two branches' baselines by taking the lines of both (no conflicts); whether `attributes` changed. */
async function ensureUnionMerge(baselineFile: string, attributes: string): Promise<boolean> {
  const name = basename(baselineFile);
  // A name with spaces or special characters is quoted, as git reads attribute patterns.
  const pattern = /^[\w.+-]+$/.test(name) ? name : `"${name.replace(/[\\"]/g, '\\$&')}"`;
  const line = `${pattern} merge=union`;
  const current = existsSync(attributes) ? await readFile(attributes, 'utf8') : '';
  if (current.split(/\r?\n/).some((existing) => existing.trim() === line)) return false;
  await writeAtomically(
    attributes,
    `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}${line}\n`,
  );
  return true;
}

/**
 * `create`: record every current finding in a new baseline. `update`: add current
 * findings to the baseline, keeping what is there (creating it if there is none).
 * `prune`: drop entries, for the paths scanned, that match no current finding. Entries
 * are content-keyed (no line numbers, no secrets).
 */
export async function runBaseline(options: BaselineOptions): Promise<BaselineResult> {
  const { action, force } = options;
  const source = await createDirectorySource(options.paths, options.io.cwd);
  const settings = await loadScanSettings({
    io: options.io,
    searchFrom: source.searchFrom,
    config: options.config,
    termFiles: options.termFiles,
  });
  const file = baselineFileOf(settings.config, options.baseline, options.io.cwd);
  if (action === 'create' && existsSync(file) && !force) {
    throw new UsageError(
      `${file} exists; use \`tightlip baseline update\`, or create --force to start over`,
    );
  }
  const baseline = action === 'create' ? undefined : await readBaseline(file);
  if (action === 'prune' && !baseline) {
    throw new UsageError(`no baseline at ${file}; create one with \`tightlip baseline create\``);
  }
  const salt = baseline?.salt ?? newBaselineSalt();
  // A new baseline is written in the current version; update and prune keep a file's own.
  const version = baseline?.version ?? BASELINE_VERSION;
  const attributes = join(dirname(file), '.gitattributes');
  await refuseLink(attributes);
  const { engine, run } = await runSourceScan(source, options, settings, salt);
  const creating = !baseline;
  const current = new Map(
    run.findings
      .map(createBaselineKeyer({ version, salt }, source.root, file, engine))
      .map((entry) => [keyOf(entry), entry]),
  );
  const existing = new Map((baseline?.entries ?? []).map((entry) => [keyOf(entry), entry]));
  // Prune judges only entries for what was scanned: an entry for a path outside the scanned
  // targets is kept, whatever this scan found.
  const baselineDir = dirname(file);
  const scanned = (entry: BaselineEntry) => {
    const absolute = resolve(baselineDir, entry.path);
    return source.targets.some(
      (target) => absolute === target || !relative(target, absolute).startsWith('..'),
    );
  };
  let entries: BaselineEntry[];
  if (action === 'create') entries = [...current.values()];
  else if (action === 'update') entries = [...new Map([...existing, ...current]).values()];
  else
    entries = [...existing.values()].filter(
      (entry) => current.has(keyOf(entry)) || !scanned(entry),
    );

  await mkdir(dirname(file), { recursive: true });
  await writeAtomically(file, formatBaseline({ version, salt, entries }));
  const before = action === 'create' ? new Set<string>() : new Set(existing.keys());
  const after = new Set(entries.map(keyOf));
  const result: BaselineResult = {
    file,
    entries: after.size,
    added: [...after].filter((key) => !before.has(key)).length,
    removed: [...before].filter((key) => !after.has(key)).length,
  };
  if (action === 'create' || creating) {
    if (await ensureUnionMerge(file, attributes)) result.gitattributes = attributes;
  }
  return result;
}
