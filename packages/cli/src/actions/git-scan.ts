import { resolve } from 'node:path';
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
} from '@tightlip/git';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import { scan, type ScanOptions, type ScanResult } from '../scan/scan.js';
import type { ContentOrigin, Source } from '../scan/source.js';

/**
 * The repository at `io.cwd` as a source: the config is searched from the repository's
 * root (upward), which item paths are relative to, wherever in it tightlip runs — as the
 * hooks, which git runs at the root, find it. Git runs with `io.env`.
 */
async function gitSource(
  options: ScanOptions,
  origin: ContentOrigin,
  read: (git: Git, limits: SourceLimits) => AsyncIterable<SourceItem>,
  allowBare = false,
): Promise<Source> {
  const git = await openRepository(options.io.cwd, { allowBare, env: options.io.env });
  return {
    root: git.root,
    searchFrom: [git.root],
    origin,
    items: (limits) => read(git, limits),
  };
}

/** Scans what the next commit would add: the staged lines only, as they are in the index, and the paths it creates. */
export async function scanStaged(options: ScanOptions): Promise<ScanResult> {
  return scan(await gitSource(options, 'staged', readStagedChanges), options);
}

/** Scans a commit message file (commit-msg hook) as git will keep it (see `readCommitMessage`). */
export async function scanMessage(options: ScanOptions & { file: string }): Promise<ScanResult> {
  const file = resolve(options.io.cwd, options.file);
  return scan(
    await gitSource(options, 'staged', (_git, limits) => readCommitMessage(file, limits)),
    options,
  );
}

/** Scans the commits of a range, for CI (see `readRange`). */
export async function scanRange(options: ScanOptions & RangeOptions): Promise<ScanResult> {
  return scan(
    await gitSource(options, 'commit', (git, limits) => readRange(git, options, limits), true),
    options,
  );
}

/** Scans every commit reachable from `refs` (all refs when empty). */
export async function scanHistory(
  options: ScanOptions & { refs: readonly string[] },
): Promise<ScanResult> {
  return scan(
    await gitSource(
      options,
      'commit',
      (git, limits) => readHistory(git, options.refs, limits),
      true,
    ),
    options,
  );
}

export interface PushScanOptions extends ScanOptions {
  /** The pre-push hook's first argument: remote name (or URL). */
  remote: string;
  /** The hook's second argument: the URL pushed to (remote-tracking refs are trusted only when it is the remote's fetch URL). */
  url?: string;
  /** What git wrote on the hook's stdin. */
  input: string;
}

/**
 * The ref updates of a push: from git's stdin protocol, or, when stdin is empty and the
 * pre-commit framework runs the hook (it keeps stdin to itself), from its
 * PRE_COMMIT_* variables.
 */
async function pushUpdates(git: Git, options: PushScanOptions): Promise<PushUpdate[]> {
  const updates = parsePushUpdates(options.input);
  const { env } = options.io;
  const to = env.PRE_COMMIT_TO_REF;
  if (updates.length > 0 || !to) return updates;
  const resolveId = async (rev: string) =>
    (await git.raw(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`])).trim();
  const from = env.PRE_COMMIT_FROM_REF;
  return [
    {
      localRef: env.PRE_COMMIT_LOCAL_BRANCH ?? to,
      localId: await resolveId(to),
      remoteRef: env.PRE_COMMIT_REMOTE_BRANCH ?? to,
      remoteId: from ? await resolveId(from) : '0'.repeat(40),
    },
  ];
}

/** Scans what a push would publish (pre-push hook; see `readPushChanges`). */
export async function scanPush(options: PushScanOptions): Promise<ScanResult> {
  const source = await gitSource(options, 'commit', async function* (git, limits) {
    yield* readPushChanges(
      git,
      { remote: options.remote, url: options.url, updates: await pushUpdates(git, options) },
      limits,
    );
  });
  return scan(source, options);
}

/** Scans what a push to this server repository adds (pre-receive hook; see `readReceiveChanges`). */
export async function scanReceive(options: ScanOptions & { input: string }): Promise<ScanResult> {
  return scan(
    await gitSource(
      options,
      'commit',
      (git, limits) => readReceiveChanges(git, parseReceiveUpdates(options.input), limits),
      true,
    ),
    options,
  );
}
