import { readCommits } from './commits.js';
import type { Git } from './git.js';
import { hasCommit, isZeroId, parseUpdateLines, readTagMessage } from './refs.js';
import type { SourceItem } from './source.js';

/** One line of pre-push input: `<local ref> <local id> <remote ref> <remote id>`. */
export interface PushUpdate {
  localRef: string;
  localId: string;
  remoteRef: string;
  remoteId: string;
}

/** Parses what git gives a pre-push hook on stdin; malformed input is an error. */
export function parsePushUpdates(text: string): PushUpdate[] {
  return parseUpdateLines(text, ['local-ref', 'local-id', 'remote-ref', 'remote-id'], 'pre-push').map(
    ([localRef, localId, remoteRef, remoteId]) => ({ localRef: localRef!, localId: localId!, remoteRef: remoteRef!, remoteId: remoteId! }),
  );
}

export interface PushOptions {
  /** The hook's first argument: the remote's name, or its URL when pushing to a URL. */
  remote: string;
  updates: readonly PushUpdate[];
}

/**
 * What a push would publish. Deletions are skipped. The names of refs it creates on the
 * remote (branches, tags) are scanned as names, and the messages of annotated tags it
 * creates as messages. Commits are those reachable from a pushed
 * tip and from no remote-tracking ref of `remote` (`--not --remotes=<remote>`), nor from
 * the remote's old tips we have: a new branch scans only its new commits, never all
 * history; a force push scans what is new. All refs are scanned in one walk, so a commit
 * pushed under two names is scanned once.
 */
export async function* readPushChanges(git: Git, options: PushOptions): AsyncGenerator<SourceItem> {
  const pushed = options.updates.filter((update) => !isZeroId(update.localId));
  for (const update of pushed) {
    if (!isZeroId(update.remoteId)) continue;
    yield { type: 'chunk', chunk: { path: update.remoteRef, text: update.remoteRef, origin: 'name' } };
    yield* readTagMessage(git, update.localId, update.remoteRef);
  }
  if (pushed.length === 0) return;
  const exclude: string[] = [];
  if (await isRemoteName(git, options.remote)) exclude.push(`--remotes=${options.remote}`);
  for (const update of pushed) {
    if (!isZeroId(update.remoteId) && (await hasCommit(git, update.remoteId))) exclude.push(update.remoteId);
  }
  const tips = [...new Set(pushed.map((update) => update.localId))];
  yield* readCommits(git, exclude.length > 0 ? [...tips, '--not', ...exclude] : tips);
}

async function isRemoteName(git: Git, name: string): Promise<boolean> {
  if (name.startsWith('-') || name.includes('/') || name.includes(':')) return false;
  return (await git.raw(['remote'])).split('\n').includes(name);
}
