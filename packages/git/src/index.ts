// The public API of @tightlip/git: sources that turn git state into chunks for the core.
export { GitError } from './errors.js';
export { openRepository, type Git, type OpenOptions } from './git.js';
export {
  createDiffParser,
  parseDiff,
  unquote,
  type DiffParser,
  type FileDiff,
  type FileStatus,
  type Hunk,
} from './parse-diff.js';
export { resolveHooksDir } from './hooks-dir.js';
export { readStagedChanges, startStagedChanges } from './staged.js';
export { type StartedChanges } from './started.js';
export { readCommits } from './commits.js';
export { readCommitMessage, stripComments, MESSAGE_PATH } from './message.js';
export { parsePushUpdates, readPushChanges, type PushOptions, type PushUpdate } from './push.js';
export {
  parseReceiveUpdates,
  readReceiveChanges,
  startReceiveChanges,
  type ReceiveUpdate,
} from './receive.js';
export { readRange, type RangeOptions } from './range.js';
export { hasCommit, isZeroId } from './refs.js';
export {
  createHistorySource,
  HISTORY_WALK_ARGS,
  type HistoryContext,
  type HistorySelection,
  type HistorySource,
} from './history.js';
