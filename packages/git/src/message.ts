import { readFile } from 'node:fs/promises';
import { GitError } from './errors.js';
import type { Git } from './git.js';
import type { SourceItem } from './source.js';

/** What a commit-msg finding's path says: the file git gives the hook. */
export const MESSAGE_PATH = 'COMMIT_EDITMSG';

/** Below this line (`commit --verbose`, cleanup=scissors) git drops everything. */
const SCISSORS = ' ------------------------ >8 ------------------------';

/**
 * The comment character git strips from messages: `core.commentChar` (or
 * `core.commentString`), `#` by default. With `auto` git picks one per message; `#` is
 * then still the usual one.
 */
async function commentPrefix(git: Git): Promise<string> {
  for (const key of ['core.commentString', 'core.commentChar']) {
    let value = '';
    try {
      value = (await git.raw(['config', '--get', key])).replace(/\n$/, '');
    } catch {
      // Not set: git config exits 1.
    }
    if (value !== '' && value !== 'auto') return value;
  }
  return '#';
}

/** Strips comment lines (kept blank, so line numbers stay those of the file) and everything from the scissors line on. */
export function stripComments(message: string, prefix = '#'): string {
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  const scissors = lines.findIndex((line) => line === `${prefix}${SCISSORS}`);
  const kept = scissors === -1 ? lines : lines.slice(0, scissors);
  return kept
    .map((line) => (line.startsWith(prefix) ? '' : line))
    .join('\n')
    .replace(/\s+$/, '');
}

/**
 * The commit message in `file` (the argument of a commit-msg hook), comments stripped, as
 * one chunk with origin `message` and path `COMMIT_EDITMSG`.
 */
export async function* readCommitMessage(git: Git, file: string): AsyncGenerator<SourceItem> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new GitError('MESSAGE_UNREADABLE', `cannot read the commit message ${file}: ${(error as Error).message}`, { cause: error });
  }
  const message = stripComments(text, await commentPrefix(git));
  if (message.trim() !== '') yield { type: 'chunk', chunk: { path: MESSAGE_PATH, text: message, origin: 'message' } };
}
