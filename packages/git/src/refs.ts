import type { SourceItem, SourceLimits } from '@tightlip/core';
import { createBlobReader } from './blobs.js';
import { GitError } from './errors.js';
import type { Git } from './git.js';
import { parseTag, type TagObject } from './tags.js';

/** An object id of all zeros: git's "no object" (a ref created or deleted). */
export function isZeroId(id: string): boolean {
  return /^0+$/.test(id);
}

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** A full object id (SHA-1 or SHA-256). */
export function isObjectId(text: string): boolean {
  return OBJECT_ID.test(text);
}

/**
 * Splits hook input into its lines of space-separated `fields`; anything else is an error,
 * never skipped. Only the first field may itself hold spaces (pre-push's local ref is what
 * the user typed, e.g. `HEAD^{/fix the bug}`): extra words belong to it.
 */
export function parseUpdateLines(
  text: string,
  fields: readonly string[],
  hook: string,
): string[][] {
  const rows: string[][] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const words = line.split(' ');
    const rest = fields.length - 1;
    const parts =
      words.length > fields.length && !fields[0]!.endsWith('id')
        ? [words.slice(0, words.length - rest).join(' '), ...words.slice(-rest)]
        : words;
    const ids = fields.flatMap((field, j) => (field.endsWith('id') ? [parts[j] ?? ''] : []));
    if (parts.length !== fields.length || !ids.every(isObjectId)) {
      throw new GitError(
        'HOOK_INPUT_INVALID',
        `${hook} input line ${i + 1} is not "${fields.join(' ')}"`,
      );
    }
    rows.push(parts);
  }
  return rows;
}

/** The commit id `revision` names, or undefined. */
async function commitId(git: Git, revision: string): Promise<string | undefined> {
  try {
    const id = (
      await git.raw([
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${revision}^{commit}`,
      ])
    ).trim();
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
    if (revision.startsWith('-'))
      throw new GitError('GIT_BAD_REVISION', `not a revision: ${revision}`);
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

/** What a pushed id ends at once its annotated tags are peeled, with the tag objects on the way. */
interface Peeled {
  /** Raw text of each annotated tag object, outermost first (a tag of a tag is two). */
  tags: string[];
  type: string;
  id: string;
}

async function peelTags(git: Git, id: string): Promise<Peeled> {
  const tags: string[] = [];
  let current = id;
  for (let depth = 0; depth < 64; depth++) {
    const type = (await git.raw(['cat-file', '-t', current])).trim();
    if (type !== 'tag') return { tags, type, id: current };
    const object = await git.raw(['cat-file', 'tag', current]);
    tags.push(object);
    current = parseTag(object).object;
  }
  throw new GitError(
    'GIT_TAG_TOO_DEEP',
    `${id}: more than 64 tags in a chain; the push is blocked`,
  );
}

/** The items of an annotated tag that `ref` points through: its own name, and its message. */
export function* tagItems(ref: string, tag: TagObject): Generator<SourceItem> {
  if (tag.name !== undefined)
    yield { type: 'chunk', chunk: { subject: 'ref', path: ref, text: tag.name } };
  if (tag.message !== '')
    yield { type: 'chunk', chunk: { subject: 'message', path: ref, text: tag.message } };
}

/** A ref a push moves, as pre-push and pre-receive both see it. */
export interface RefUpdate {
  ref: string;
  /** Where the ref will point; updates that delete the ref are left out by the caller. */
  id: string;
  /** The ref does not exist on the receiving side yet: its name is new there. */
  created: boolean;
}

/** A ref update with what its id is once its annotated tags are peeled. */
export interface PeeledUpdate extends RefUpdate {
  peeled: Peeled;
}

/** Peels the id of every update (see `refUpdateItems`): git is asked, nothing is yielded yet. */
export async function peelRefUpdates(
  git: Git,
  updates: readonly RefUpdate[],
): Promise<PeeledUpdate[]> {
  const peeled: PeeledUpdate[] = [];
  for (const update of updates) peeled.push({ ...update, peeled: await peelTags(git, update.id) });
  return peeled;
}

/** The pushed ids to walk for commits: those that are (or peel to) commits, once each. */
export function commitTips(updates: readonly PeeledUpdate[]): string[] {
  return [...new Set(updates.flatMap(({ id, peeled }) => (peeled.type === 'commit' ? [id] : [])))];
}

/**
 * The parts of a push that are not commits, from its peeled updates: the names of refs it
 * creates; for every annotated tag a pushed id points through (a tag of a tag as well),
 * the tag's own name (the `tag` header, which need not match the ref) as a name and its
 * message as a message; for a tag of a blob, that blob's content. A tag of a tree cannot
 * be judged and is an error (the hook blocks).
 */
export async function* refUpdateItems(
  git: Git,
  updates: readonly PeeledUpdate[],
  limits: SourceLimits,
): AsyncGenerator<SourceItem> {
  for (const { ref, created, peeled } of updates) {
    if (created) yield { type: 'chunk', chunk: { subject: 'ref', path: ref, text: ref } };
    for (const object of peeled.tags) yield* tagItems(ref, parseTag(object));
    if (peeled.type === 'commit') continue;
    if (peeled.type !== 'blob') {
      throw new GitError(
        'GIT_UNSUPPORTED_OBJECT',
        `${ref} points at a ${peeled.type} (${peeled.id}), which tightlip cannot judge; push a commit or a tag of one`,
      );
    }
    const blobs = createBlobReader(git, limits.maxFileSize);
    try {
      const blob = await blobs.readText(peeled.id);
      if ('text' in blob)
        yield { type: 'chunk', chunk: { subject: 'ref', path: ref, text: blob.text } };
      else
        yield {
          type: 'skipped',
          skipped: {
            path: ref,
            reason: blob.skipped,
            detail: `blob ${peeled.id}, ${blob.size} bytes`,
          },
        };
    } finally {
      blobs.close();
    }
  }
}

/**
 * The parts of a push that are not commits (see `refUpdateItems`); returns the pushed ids
 * to walk for commits (see `commitTips`).
 */
export async function* readRefUpdates(
  git: Git,
  updates: readonly RefUpdate[],
  limits: SourceLimits,
): AsyncGenerator<SourceItem, string[]> {
  const peeled = await peelRefUpdates(git, updates);
  yield* refUpdateItems(git, peeled, limits);
  return commitTips(peeled);
}
