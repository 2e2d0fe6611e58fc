// What makes hostile input safe: every file is extracted within a budget of nesting depth,
// expanded bytes, compression ratio, entries and time. A limit hit ends that file's (or
// that member's) extraction and is reported: the scan is then incomplete, never a silent pass.

export interface ExtractLimits {
  /** How deeply containers and encodings may nest: a member of a zip is depth 1, a base64 span in it depth 2. */
  maxDepth: number;
  /** Bytes one file may expand to, over all its members and decoded spans. */
  maxExpandedBytes: number;
  /** Largest ratio of expanded to compressed size of one member, once it has expanded past 1 MiB. */
  maxRatio: number;
  /** Members one file may hold, over all its containers. */
  maxEntries: number;
  /** Milliseconds one file may take to extract. */
  maxMs: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxDepth: 8,
  maxExpandedBytes: 128 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 20_000,
  maxMs: 10_000,
};

/** Below this many expanded bytes the ratio is not judged: small, repetitive files compress well. */
export const RATIO_GRACE = 1024 * 1024;

/** Thrown when a limit is hit; the extractor reports it as the item's `limit` skip. */
export class LimitError extends Error {
  constructor(
    message: string,
    /** Whether the whole file's budget is spent (bytes, entries, time), not just one member's (depth, ratio). */
    readonly spent: boolean,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}

/** The running budget of one file's extraction. */
export interface Budget {
  readonly limits: ExtractLimits;
  /** Counts one member; throws past `maxEntries` or the time limit. */
  entry(): void;
  /** Counts `bytes` expanded; throws past `maxExpandedBytes` or the time limit. */
  expand(bytes: number): void;
  /** Bytes that may still be expanded. */
  remaining(): number;
  /** Throws past the time limit. */
  tick(): void;
}

export function createBudget(limits: ExtractLimits, now: () => number): Budget {
  const deadline = now() + limits.maxMs;
  let entries = 0;
  let expanded = 0;
  const tick = () => {
    if (now() > deadline) throw new LimitError(`took longer than ${limits.maxMs} ms`, true);
  };
  return {
    limits,
    entry() {
      if (++entries > limits.maxEntries)
        throw new LimitError(`more than ${limits.maxEntries} entries`, true);
      tick();
    },
    expand(bytes) {
      expanded += bytes;
      if (expanded > limits.maxExpandedBytes)
        throw new LimitError(`expands to more than ${limits.maxExpandedBytes} bytes`, true);
      tick();
    },
    remaining: () => limits.maxExpandedBytes - expanded,
    tick,
  };
}
