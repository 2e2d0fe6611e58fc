import type { Chunk, Skipped } from '@tightlip/core';

/**
 * What a source yields: text to scan, or something it could not scan and why. A chunk
 * about a ref (its name, a pushed tag's name, message or tagged blob) rather than a file
 * is marked `ref`: paths of the work tree, such as allowed paths, do not apply to it.
 */
export type SourceItem = { type: 'chunk'; chunk: Chunk; ref?: true } | { type: 'skipped'; skipped: Skipped };
