import { readCommits } from './commits.js';
import type { Git } from './git.js';
import { isZeroId, parseUpdateLines, readPushedObject } from './refs.js';
import type { SourceItem } from './source.js';

/** One line of pre-receive input: `<old id> <new id> <ref>`. */
export interface ReceiveUpdate {
  oldId: string;
  newId: string;
  ref: string;
}

/** Parses what git gives a pre-receive hook on stdin; malformed input is an error. */
export function parseReceiveUpdates(text: string): ReceiveUpdate[] {
  return parseUpdateLines(text, ['old-id', 'new-id', 'ref'], 'pre-receive').map(([oldId, newId, ref]) => ({
    oldId: oldId!,
    newId: newId!,
    ref: ref!,
  }));
}

/**
 * What a push to this (server) repository adds, as a pre-receive hook sees it: deletions
 * skipped, names of created refs, and the commits reachable from the new tips and from no
 * ref the repository already has (`--not --all`; refs are updated only after the hook
 * accepts), and every pushed annotated tag's name and message. Runs inside git's quarantine: the pushed objects are readable through the
 * environment git sets, and nothing is written.
 */
export async function* readReceiveChanges(git: Git, updates: readonly ReceiveUpdate[]): AsyncGenerator<SourceItem> {
  const pushed = updates.filter((update) => !isZeroId(update.newId));
  const tips = new Set<string>();
  for (const update of pushed) {
    if (isZeroId(update.oldId)) yield { type: 'chunk', chunk: { path: update.ref, text: update.ref, origin: 'name' } };
    const items: SourceItem[] = [];
    const commit = await readPushedObject(git, update.newId, update.ref, items);
    yield* items;
    if (commit !== undefined) tips.add(update.newId);
  }
  if (tips.size === 0) return;
  yield* readCommits(git, [...tips, '--not', '--all']);
}
