import type { Finding, SourceItem, SourceLimits } from '@tightlip/core';

/** Where report origins say file content was read from. */
export type ContentOrigin = 'file' | 'staged' | 'commit';

/** What the scan loop offers a source while it reads the source's items. */
export interface ItemsContext {
  /** Resolves once every item yielded so far has been scanned and given to `onResult`. */
  settle(): Promise<void>;
}

/**
 * Something to scan: a directory tree, the staged change, a commit message, a range of
 * commits, a push. Every source yields the same items (`SourceItem`) and honours the same
 * limits; one loop (`runScan`) scans them all.
 */
export interface Source {
  /** Absolute directory that item paths are relative to. */
  readonly root: string;
  /** Where the configuration is searched from, nearest first. */
  readonly searchFrom: readonly string[];
  /** What the content it yields is, in reports. */
  readonly origin: ContentOrigin;
  /**
   * The items to scan. A source may leave out what `isAllowedPath` (a path relative to
   * `root`) allows, to save reading it; the scan loop drops such items whatever the source.
   */
  items(
    limits: SourceLimits,
    isAllowedPath: (path: string) => boolean,
    context?: ItemsContext,
  ): AsyncIterable<SourceItem>;
  /** Called with each item's findings once it is scanned, in the order of the items. */
  onResult?(item: SourceItem, findings: readonly Finding[]): void;
  /**
   * The findings as reported, from the findings of every item (history: each secret once
   * per path, at the commit that introduced it); as they are when absent.
   */
  attribute?(findings: readonly Finding[]): Finding[];
  /** Whether an item is one of what progress counts (a file, a blob, a commit); by default, an item that is not text (bytes read, or skipped). */
  isUnit?(item: SourceItem): boolean;
  /** How many of those it yields, once known: for a progress display. */
  total?(): number | undefined;
  /**
   * Cores that what the source runs beside the scan keeps busy (history: git inflating
   * every blob); the scan starts so many fewer worker threads (see `runScan`).
   */
  readonly busyCores?: number;
}
