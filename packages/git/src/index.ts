// The public API of @tightlip/git: sources that turn git state into chunks for the core.
export { GitError } from './errors.js';
export { openRepository, type Git } from './git.js';
export { parseDiff, unquote, type FileDiff, type FileStatus, type Hunk } from './parse-diff.js';
export { resolveHooksDir } from './hooks-dir.js';
export { readStagedChanges } from './staged.js';
export type { SourceItem } from './source.js';
