import type { SourceItem, SourceLimits } from '@tightlip/core';

/**
 * A source whose git started before its items are read (a hook starts git as soon as it
 * knows the repository, so that git works while the configuration and the engine load).
 */
export interface StartedChanges {
  /** The items, once: git's output is read as they are consumed; what failed in git is thrown here. */
  items(limits: SourceLimits): AsyncGenerator<SourceItem>;
  /** Stops git if its output was not read to the end (the run failed before, or stopped early). */
  close(): Promise<void>;
}

/** The items of `changes`, then closes it, whether they were read to the end or not. */
export async function* readStarted(
  changes: StartedChanges,
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  try {
    yield* changes.items(limits);
  } finally {
    await changes.close();
  }
}
