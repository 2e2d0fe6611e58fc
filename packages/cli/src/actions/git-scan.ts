import { join, resolve } from 'node:path';
import {
  openRepository,
  parsePushUpdates,
  parseReceiveUpdates,
  readCommitMessage,
  readHistory,
  readPushChanges,
  readRange,
  readReceiveChanges,
  readStagedChanges,
  type Git,
  type PushUpdate,
  type RangeOptions,
  type SourceItem,
} from '@tightlip/git';
import type { Finding, ScanReport, Skipped } from '@tightlip/core';
import { setupScan, type ScanSession, type SetupOptions } from '../setup.js';

export type ScanGitOptions = Omit<SetupOptions, 'searchFrom'>;

export interface ScanGitResult {
  /** The work tree's top level (the git directory of a bare repository); reported paths are relative to it. */
  root: string;
  report: ScanReport;
  session: ScanSession;
}

/**
 * Opens the repository at `cwd`, sets up the scan (config searched from `cwd` then the
 * repository's root) and scans every chunk `read` yields. Allowed paths apply to file
 * content and file names; messages and ref names are always judged.
 */
async function scanGit(
  options: ScanGitOptions & { allowBare?: boolean },
  read: (git: Git) => AsyncIterable<SourceItem>,
): Promise<ScanGitResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { allowBare, ...setupOptions } = options;
  const git = await openRepository(options.cwd, { allowBare: allowBare ?? false });
  const setup = await setupScan({ ...setupOptions, searchFrom: [options.cwd, git.root] });
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const paths = new Set<string>();
  let bytes = 0;
  for await (const item of read(git)) {
    if (item.type === 'skipped') {
      skipped.push(item.skipped);
      continue;
    }
    const { chunk } = item;
    const isFile = !item.ref && chunk.origin !== 'message';
    if (isFile && setup.isAllowedPath(join(git.root, chunk.path))) continue;
    if (chunk.origin !== 'name' && chunk.origin !== 'message') paths.add(chunk.path);
    bytes += chunk.text.length;
    findings.push(...setup.engine.scan(chunk));
  }
  const stats = { files: paths.size, bytes, durationMs: performance.now() - started, startedAt };
  return { root: git.root, session: setup, report: setup.report(findings, git.root, skipped, stats) };
}

/** Scans what the next commit would add: the staged lines only, as they are in the index, and the paths it creates. */
export function scanStaged(options: ScanGitOptions): Promise<ScanGitResult> {
  return scanGit(options, readStagedChanges);
}

/** Scans a commit message file (commit-msg hook) as git will keep it (see `readCommitMessage`). */
export function scanMessage(options: ScanGitOptions & { file: string }): Promise<ScanGitResult> {
  const { file, ...rest } = options;
  return scanGit(rest, () => readCommitMessage(resolve(options.cwd, file)));
}

/** Scans the commits of a range, for CI (see `readRange`). */
export function scanRange(options: ScanGitOptions & RangeOptions): Promise<ScanGitResult> {
  return scanGit({ ...options, allowBare: true }, (git) => readRange(git, options));
}

/** Scans every commit reachable from `refs` (all refs when empty). */
export function scanHistory(options: ScanGitOptions & { refs: readonly string[] }): Promise<ScanGitResult> {
  return scanGit({ ...options, allowBare: true }, (git) => readHistory(git, options.refs));
}

export interface ScanPushOptions extends ScanGitOptions {
  /** The pre-push hook's first argument: remote name (or URL). */
  remote: string;
  /** The hook's second argument: the URL pushed to (remote-tracking refs are trusted only when it is the remote's fetch URL). */
  url?: string;
  /** What git wrote on the hook's stdin. */
  input: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The ref updates of a push: from git's stdin protocol, or, when stdin is empty and the
 * pre-commit framework runs the hook (it keeps stdin to itself), from its
 * PRE_COMMIT_* variables.
 */
async function pushUpdates(git: Git, options: ScanPushOptions): Promise<PushUpdate[]> {
  const updates = parsePushUpdates(options.input);
  const to = options.env.PRE_COMMIT_TO_REF;
  if (updates.length > 0 || !to) return updates;
  const resolveId = async (rev: string) => (await git.raw(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`])).trim();
  const from = options.env.PRE_COMMIT_FROM_REF;
  return [
    {
      localRef: options.env.PRE_COMMIT_LOCAL_BRANCH ?? to,
      localId: await resolveId(to),
      remoteRef: options.env.PRE_COMMIT_REMOTE_BRANCH ?? to,
      remoteId: from ? await resolveId(from) : '0'.repeat(40),
    },
  ];
}

/** Scans what a push would publish (pre-push hook; see `readPushChanges`). */
export function scanPush(options: ScanPushOptions): Promise<ScanGitResult> {
  return scanGit(options, async function* (git) {
    yield* readPushChanges(git, { remote: options.remote, url: options.url, updates: await pushUpdates(git, options) });
  });
}

/** Scans what a push to this server repository adds (pre-receive hook; see `readReceiveChanges`). */
export function scanReceive(options: ScanGitOptions & { input: string }): Promise<ScanGitResult> {
  return scanGit({ ...options, allowBare: true }, (git) => readReceiveChanges(git, parseReceiveUpdates(options.input)));
}
