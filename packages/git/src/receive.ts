import type { SourceItem, SourceLimits } from '@tightlip/core';
import { readCommits } from './commits.js';
import type { Git } from './git.js';
import { isZeroId, parseUpdateLines, readRefUpdates } from './refs.js';

/** One line of pre-receive input: `<old id> <new id> <ref>`. */
export interface ReceiveUpdate {
  oldId: string;
  newId: string;
  ref: string;
}

/** Parses what git gives a pre-receive hook on stdin; malformed input is an error. */
export function parseReceiveUpdates(text: string): ReceiveUpdate[] {
  return parseUpdateLines(text, ['old-id', 'new-id', 'ref'], 'pre-receive').map(
    ([oldId, newId, ref]) => ({
      oldId: oldId!,
      newId: newId!,
      ref: ref!,
    }),
  );
}

/**
 * What a push to this (server) repository adds, as a pre-receive hook sees it: deletions
 * skipped, names of created refs, and the commits reachable from the new tips and from no
 * ref the repository already has (`--not --all`; refs are updated only after the hook
 * accepts), and every pushed annotated tag's name and message. Runs inside git's quarantine: the pushed objects are readable through the
 * environment git sets, and nothing is written.
 */
export async function* readReceiveChanges(
  git: Git,
  updates: readonly ReceiveUpdate[],
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  const pushed = updates.filter((update) => !isZeroId(update.newId));
  const tips = yield* readRefUpdates(
    git,
    pushed.map((update) => ({
      ref: update.ref,
      id: update.newId,
      created: isZeroId(update.oldId),
    })),
    limits,
  );
  if (tips.length === 0) return;
  yield* readCommits(git, [...tips, '--not', '--all'], limits);
}
