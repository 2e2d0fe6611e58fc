import type { Chunk, Skipped } from '@tightlip/core';

/** What a source yields: text to scan, or something it could not scan and why. */
export type SourceItem = { type: 'chunk'; chunk: Chunk } | { type: 'skipped'; skipped: Skipped };
