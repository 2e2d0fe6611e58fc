import { readFile, stat } from 'node:fs/promises';
import type { SourceItem, SourceLimits } from '@tightlip/core';
import { GitError } from './errors.js';

/** What a commit-msg finding's path says: the file git gives the hook. */
export const MESSAGE_PATH = 'COMMIT_EDITMSG';

/** Git's scissors line, after the comment string: below it git drops everything (`commit --verbose`, cleanup=scissors). */
const SCISSORS = ' ------------------------ >8 ------------------------';

/** Part of git's editor template when comment lines will be dropped (cleanup=strip), after the quoted comment string. */
const SAYS_IGNORED = "' will be ignored, and an empty message aborts";

/**
 * The comment string that `line` says git will drop, when it is the line of git's editor
 * template that says so: `<c> with '<c>' will be ignored, and an empty message aborts the
 * commit.` (a commit) or `<c> Lines starting with '<c>' will be ignored, …` (a merge). It
 * names the string git chose, `core.commentChar auto` included. Translated templates are
 * not recognised.
 */
function templateComment(line: string): string | undefined {
  const end = line.indexOf(SAYS_IGNORED);
  if (end === -1) return undefined;
  const start = line.lastIndexOf("with '", end);
  if (start === -1) return undefined;
  const comment = line.slice(start + "with '".length, end);
  return comment !== '' && line.startsWith(`${comment} `) ? comment : undefined;
}

/** The comment string of `line` when it is git's scissors line. */
function scissorsComment(line: string): string | undefined {
  if (!line.endsWith(SCISSORS)) return undefined;
  const comment = line.slice(0, -SCISSORS.length);
  return comment !== '' && !/\s/.test(comment) ? comment : undefined;
}

/**
 * Whether git ran an editor for the message: git tells its commit-msg hook by setting
 * GIT_EDITOR to `:` when it did not (`-m`, `-F` without `-e`). Only then can git drop
 * comment lines by default, and only then does its editor template (which a `-F` file can
 * imitate) say anything.
 */
export function editorWasUsed(env: NodeJS.ProcessEnv): boolean {
  return env.GIT_EDITOR !== ':';
}

/**
 * What git keeps of a commit message file, or more. Without an editor (`editor` false)
 * git cleans up white space only, so everything is kept. With one, comment lines are
 * blanked (so line numbers stay those of the file) only when the file holds git's own
 * editor template saying they will be dropped (a cleanup mode that keeps them, whitespace,
 * verbatim or scissors, says otherwise); everything from git's scissors line on is
 * dropped; once a template named the comment string, only a scissors line of that string
 * counts.
 */
export function stripComments(message: string, editor = true): string {
  if (!editor) return message.replace(/\s+$/, '');
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  let comment: string | undefined;
  let end = lines.length;
  for (const [i, line] of lines.entries()) {
    comment ??= templateComment(line);
    const scissors = scissorsComment(line);
    if (scissors !== undefined && (comment === undefined || scissors === comment)) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end);
  const strip = comment;
  return (strip === undefined ? kept : kept.map((line) => (line.startsWith(strip) ? '' : line)))
    .join('\n')
    .replace(/\s+$/, '');
}

/**
 * The commit message in `file` (the argument of a commit-msg hook), as git will keep it
 * (see `stripComments`; `env` is the hook's, which says whether git ran an editor), as one
 * chunk with subject `message` and path `COMMIT_EDITMSG`; skipped as too large past the
 * size limit.
 */
export async function* readCommitMessage(
  file: string,
  limits: SourceLimits,
  env: NodeJS.ProcessEnv = {},
): AsyncGenerator<SourceItem> {
  let text: string;
  try {
    const size = (await stat(file)).size;
    if (size > limits.maxFileSize) {
      yield {
        type: 'skipped',
        skipped: {
          path: MESSAGE_PATH,
          reason: 'too-large',
          detail: `${size} bytes, limit ${limits.maxFileSize}`,
        },
      };
      return;
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new GitError(
      'MESSAGE_UNREADABLE',
      `cannot read the commit message ${file}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const message = stripComments(text, editorWasUsed(env));
  if (message.trim() !== '')
    yield { type: 'chunk', chunk: { subject: 'message', path: MESSAGE_PATH, text: message } };
}
