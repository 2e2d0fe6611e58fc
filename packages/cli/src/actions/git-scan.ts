import { resolve } from 'node:path';
import {
  createHistorySource,
  openRepository,
  parsePushUpdates,
  parseReceiveUpdates,
  readCommitMessage,
  readPushChanges,
  readRange,
  startReceiveChanges,
  startStagedChanges,
  type Git,
  type HistorySelection,
  type PushUpdate,
  type RangeOptions,
} from '@tightlip/git';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import type { ScanOptions, ScanResult } from '../scan/scan.js';
import type { ContentOrigin, Source } from '../scan/source.js';

/**
 * Scans `source` (see scan/scan.ts), whose modules (configuration, engine, extraction) are
 * loaded here: a hook has started git by then, which works while they load.
 */
async function scan(source: Source, options: ScanOptions): Promise<ScanResult> {
  return (await import('../scan/scan.js')).scan(source, options);
}

/** The repository at `io.cwd` (a bare one with `allowBare`); git runs with `io.env`. */
function openGit(options: ScanOptions, allowBare = false): Promise<Git> {
  return openRepository(options.io.cwd, { allowBare, env: options.io.env });
}

/**
 * The repository as a source: the config is searched from the repository's root (upward),
 * which item paths are relative to, wherever in it tightlip runs — as the hooks, which git
 * runs at the root, find it.
 */
function gitSource(
  git: Git,
  origin: ContentOrigin,
  read: (git: Git, limits: SourceLimits) => AsyncIterable<SourceItem>,
): Source {
  return {
    root: git.root,
    searchFrom: [git.root],
    origin,
    items: (limits) => read(git, limits),
    // Text only (hunks): progress counts commits, by their messages.
    isUnit: (item) => item.type === 'chunk' && item.chunk.subject === 'message',
  };
}

/**
 * Scans what the next commit would add: the staged lines only, as they are in the index,
 * and the paths it creates. git's diff starts first and runs while the configuration and
 * the engine load (a pre-commit hook's wait for git, overlapped).
 */
export async function scanStaged(options: ScanOptions): Promise<ScanResult> {
  const git = await openGit(options);
  const staged = startStagedChanges(git);
  try {
    return await scan(
      gitSource(git, 'staged', (_git, limits) => staged.items(limits)),
      options,
    );
  } finally {
    await staged.close();
  }
}

/** Scans a commit message file (commit-msg hook) as git will keep it (see `readCommitMessage`). */
export async function scanMessage(options: ScanOptions & { file: string }): Promise<ScanResult> {
  const file = resolve(options.io.cwd, options.file);
  return scan(
    gitSource(await openGit(options), 'staged', (_git, limits) =>
      readCommitMessage(file, limits, options.io.env),
    ),
    options,
  );
}

/** Scans the commits of a range, for CI (see `readRange`). */
export async function scanRange(options: ScanOptions & RangeOptions): Promise<ScanResult> {
  return scan(
    gitSource(await openGit(options, true), 'commit', (git, limits) =>
      readRange(git, options, limits),
    ),
    options,
  );
}

/**
 * Audits a history at blob level (see `createHistorySource`): every unique blob reachable
 * from the selected refs read once, each secret reported once per path at the commit that
 * introduced it, with its author and date.
 */
export async function scanHistory(options: ScanOptions & HistorySelection): Promise<ScanResult> {
  const git = await openRepository(options.io.cwd, { allowBare: true, env: options.io.env });
  const history = createHistorySource(git, options);
  const source: Source = {
    root: git.root,
    searchFrom: [options.io.cwd, git.root],
    origin: 'commit',
    items: (limits, isAllowedPath, context) => history.items(limits, isAllowedPath, context),
    onResult: (item, findings) => history.onResult(item, findings),
    attribute: (findings) => history.attribute(findings),
    isUnit: (item) => history.isUnit(item),
    total: () => history.total(),
    busyCores: 1,
  };
  return scan(source, options);
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
  const source = gitSource(await openGit(options), 'commit', async function* (git, limits) {
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
  const git = await openGit(options, true);
  // git peels the pushed refs and starts its log now, while the configuration and the engine load.
  const changes = startReceiveChanges(git, parseReceiveUpdates(options.input));
  try {
    return await scan(
      gitSource(git, 'commit', (_, limits) => changes.items(limits)),
      // The pusher wrote any tightlip:allow comment in it: only the server's config can opt in.
      { inlineAllowByDefault: false, ...options },
    );
  } finally {
    await changes.close();
  }
}
