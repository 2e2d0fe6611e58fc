import type { SourceItem, SourceLimits } from '@tightlip/core';
import { readCommits, startCommitLog } from './commits.js';
import type { Git } from './git.js';
import { readStarted, type StartedChanges } from './started.js';
import { commitTips, isZeroId, parseUpdateLines, peelRefUpdates, refUpdateItems } from './refs.js';

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
 * Starts reading what a push adds (see `readReceiveChanges`) now: the pushed ids are
 * peeled and the `git log` of the new commits starts at once, so that git works while a
 * hook's configuration and engine load. Nothing is thrown here: what fails is thrown by
 * `items`. Call `close` when done, read or not.
 */
export function startReceiveChanges(git: Git, updates: readonly ReceiveUpdate[]): StartedChanges {
  const pushed = updates
    .filter((update) => !isZeroId(update.newId))
    .map((update) => ({ ref: update.ref, id: update.newId, created: isZeroId(update.oldId) }));
  const started = peelRefUpdates(git, pushed).then((peeled) => {
    const tips = commitTips(peeled);
    return {
      peeled,
      log: tips.length > 0 ? startCommitLog(git, [...tips, '--not', '--all']) : undefined,
    };
  });
  started.catch(() => undefined);
  let taken = false;
  return {
    async *items(limits) {
      if (taken) throw new Error('the pushed changes are read once');
      taken = true;
      const { peeled, log } = await started;
      yield* refUpdateItems(git, peeled, limits);
      if (log) yield* readCommits(git, log, limits);
    },
    async close() {
      await (await started.catch(() => undefined))?.log?.close();
    },
  };
}

/**
 * What a push to this (server) repository adds, as a pre-receive hook sees it: deletions
 * skipped, names of created refs, and the commits reachable from the new tips and from no
 * ref the repository already has (`--not --all`; refs are updated only after the hook
 * accepts), and every pushed annotated tag's name and message. Runs inside git's
 * quarantine: the pushed objects are readable through the environment git sets, and
 * nothing is written.
 */
export async function* readReceiveChanges(
  git: Git,
  updates: readonly ReceiveUpdate[],
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  yield* readStarted(startReceiveChanges(git, updates), limits);
}
