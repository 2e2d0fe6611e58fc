import type { SourceItem, SourceLimits } from '@tightlip/core';
import { readCommits } from './commits.js';
import type { Git } from './git.js';
import { hasCommit, isZeroId, parseUpdateLines, readRefUpdates } from './refs.js';

/** One line of pre-push input: `<local ref> <local id> <remote ref> <remote id>`. */
export interface PushUpdate {
  localRef: string;
  localId: string;
  remoteRef: string;
  remoteId: string;
}

/** Parses what git gives a pre-push hook on stdin; malformed input is an error. */
export function parsePushUpdates(text: string): PushUpdate[] {
  return parseUpdateLines(
    text,
    ['local-ref', 'local-id', 'remote-ref', 'remote-id'],
    'pre-push',
  ).map(([localRef, localId, remoteRef, remoteId]) => ({
    localRef: localRef!,
    localId: localId!,
    remoteRef: remoteRef!,
    remoteId: remoteId!,
  }));
}

export interface PushOptions {
  /** The hook's first argument: the remote's name, or its URL when pushing to a URL. */
  remote: string;
  /** The hook's second argument: the URL pushed to. */
  url?: string;
  updates: readonly PushUpdate[];
}

/**
 * What a push would publish. Deletions are skipped. The names of refs it creates on the
 * remote (branches, tags) are scanned as names; every pushed annotated tag (created or
 * moved, nested too) by its own name and message. Commits are those reachable from a
 * pushed tip and from no remote-tracking ref of `remote` (`--not --remotes=<remote>`),
 * nor from the remote's old tips we have: a new branch scans only its new commits, never
 * all history; a force push scans what is new. Remote-tracking refs are trusted only when
 * the push goes to the URL they were fetched from. All refs are scanned in one walk, so a
 * commit pushed under two names is scanned once.
 */
export async function* readPushChanges(
  git: Git,
  options: PushOptions,
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  const pushed = options.updates.filter((update) => !isZeroId(update.localId));
  const tips = yield* readRefUpdates(
    git,
    pushed.map((update) => ({
      ref: update.remoteRef,
      id: update.localId,
      created: isZeroId(update.remoteId),
    })),
    limits,
  );
  if (tips.length === 0) return;
  const exclude: string[] = [];
  if (await isTrackedRemote(git, options)) exclude.push(`--remotes=${options.remote}`);
  for (const update of pushed) {
    if (!isZeroId(update.remoteId) && (await hasCommit(git, update.remoteId)))
      exclude.push(update.remoteId);
  }
  yield* readCommits(git, exclude.length > 0 ? [...tips, '--not', ...exclude] : tips, limits);
}

/** Whether `remote` names a configured remote whose tracking refs describe the push target (no separate push URL). */
async function isTrackedRemote(git: Git, options: PushOptions): Promise<boolean> {
  const name = options.remote;
  if (name.startsWith('-') || name.includes('/') || name.includes(':')) return false;
  if (!(await git.raw(['remote'])).split('\n').includes(name)) return false;
  if (options.url === undefined) return true;
  const fetchUrls = (await git.raw(['remote', 'get-url', '--all', name]))
    .split('\n')
    .filter(Boolean);
  return fetchUrls.includes(options.url);
}
