import type { SourceItem, SourceLimits } from '@tightlip/core';
import { readCommits, startCommitLog } from './commits.js';
import type { Git, StartedLines } from './git.js';
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
 * Starts reading what a push adds (see `readReceiveChanges`) now: the `git log` of the
 * new commits starts at once, while the pushed ids are peeled and a hook's configuration
 * and engine load. The log is given the pushed ids themselves (git's walk peels a tag of a
 * commit as the peeling does): when every one is, or peels to, a commit (nearly every
 * push) those are the tips, and no git process waits for another; otherwise that log is
 * stopped and one of the tips found is started. Nothing is thrown here: what fails is
 * thrown by `items`. Call `close` when done, read or not.
 */
export function startReceiveChanges(git: Git, updates: readonly ReceiveUpdate[]): StartedChanges {
  const pushed = updates
    .filter((update) => !isZeroId(update.newId))
    .map((update) => ({ ref: update.ref, id: update.newId, created: isZeroId(update.oldId) }));
  const guessed = [...new Set(pushed.map((update) => update.id))];
  const early = guessed.length > 0 ? logOf(git, guessed) : undefined;
  const started = peelRefUpdates(git, pushed).then(async (peeled) => {
    const tips = commitTips(peeled);
    if (tips.length === guessed.length && tips.every((tip, i) => tip === guessed[i]))
      return { peeled, log: early };
    await early?.close();
    return { peeled, log: tips.length > 0 ? logOf(git, tips) : undefined };
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
      const log = (await started.catch(() => undefined))?.log;
      await early?.close();
      if (log !== early) await log?.close();
    },
  };
}

/** The commits reachable from `tips` and from no ref the repository has (see `readReceiveChanges`). */
function logOf(git: Git, tips: readonly string[]): StartedLines {
  return startCommitLog(git, [...tips, '--not', '--all']);
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
