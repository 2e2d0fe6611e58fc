import { GitError } from './errors.js';
import type { Git } from './git.js';
import type { SourceItem } from './source.js';

/** An object id of all zeros: git's "no object" (a ref created or deleted). */
export function isZeroId(id: string): boolean {
  return /^0+$/.test(id);
}

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Splits hook input into its lines of `count` space-separated fields; anything else is an error, never skipped. */
export function parseUpdateLines(text: string, fields: readonly string[], hook: string): string[][] {
  const rows: string[][] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const parts = line.split(' ');
    const ids = fields.flatMap((field, j) => (field.endsWith('id') ? [parts[j] ?? ''] : []));
    if (parts.length !== fields.length || !ids.every((id) => OBJECT_ID.test(id))) {
      throw new GitError('HOOK_INPUT_INVALID', `${hook} input line ${i + 1} is not "${fields.join(' ')}"`);
    }
    rows.push(parts);
  }
  return rows;
}

/** The commit id `revision` names, or undefined. (`--quiet` keeps stderr empty, and simple-git then resolves: hence the output check.) */
async function commitId(git: Git, revision: string): Promise<string | undefined> {
  try {
    const id = (await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/**
 * Checks that each of `revisions` names a commit, so that a typo or a commit missing from
 * a shallow clone is a clear error rather than a scan of the wrong commits.
 */
export async function verifyCommits(git: Git, revisions: readonly string[]): Promise<void> {
  for (const revision of revisions) {
    if (revision.startsWith('-')) throw new GitError('GIT_BAD_REVISION', `not a revision: ${revision}`);
    if ((await commitId(git, revision)) === undefined) {
      throw new GitError(
        'GIT_BAD_REVISION',
        `unknown revision ${revision}: no such commit here (in a shallow CI clone, fetch the history first, e.g. fetch-depth: 0)`,
      );
    }
  }
}

/** Whether the commit `id` is in the repository (a remote's old tip may not have been fetched). */
export async function hasCommit(git: Git, id: string): Promise<boolean> {
  return (await commitId(git, id)) !== undefined;
}

/**
 * The message of the annotated tag `id` as a chunk (origin `message`, path the ref), or
 * nothing when `id` is not a tag object (a branch tip, a lightweight tag).
 */
export async function* readTagMessage(git: Git, id: string, ref: string): AsyncGenerator<SourceItem> {
  if ((await git.raw(['cat-file', '-t', id])).trim() !== 'tag') return;
  const object = await git.raw(['cat-file', 'tag', id]);
  const body = object.indexOf('\n\n');
  const text = body === -1 ? '' : object.slice(body + 2).replace(/\n-----BEGIN PGP SIGNATURE-----[\s\S]*$/, '').replace(/\s+$/, '');
  if (text !== '') yield { type: 'chunk', chunk: { path: ref, text, origin: 'message' } };
}
