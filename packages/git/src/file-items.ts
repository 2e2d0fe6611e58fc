import type { Chunk, Origin } from '@tightlip/core';
import { createAttributeCheck } from './attributes.js';
import type { Git } from './git.js';
import { createDiffParser, type FileDiff } from './parse-diff.js';
import type { SourceItem } from './source.js';

/**
 * Options of every patch tightlip reads: fixed prefixes, full blob ids, renames found,
 * submodule entries shown whatever `diff.ignoreSubmodules` or `submodule.<name>.ignore`
 * say (only this flag overrides both), and one line of context, so a `tightlip:allow`
 * comment on the line before an added line is seen (only added lines are judged).
 */
export const PATCH_ARGS = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--unified=1',
  '--full-index',
  '--find-renames',
  '--ignore-submodules=none',
] as const;

/** Like git: a NUL byte in the first 8000 characters means binary. */
function looksBinary(file: FileDiff): boolean {
  let seen = 0;
  for (const hunk of file.hunks) {
    const head = hunk.text.slice(0, 8000 - seen);
    if (head.includes('\0')) return true;
    seen += head.length;
    if (seen >= 8000) return false;
  }
  return false;
}

const inCommit = (commit: string | undefined) => (commit === undefined ? {} : { detail: `in commit ${commit}` });

export interface FileItemsOptions {
  origin: Extract<Origin, 'staged' | 'commit'>;
  /** Git arguments that print the patch of one path as text (`-a`), for a file that attributes made binary. */
  textPatchArgs(path: string, commit: string | undefined): string[];
}

/** Turns parsed file diffs into source items; see `items`. */
export interface FileItems {
  /**
   * The items of one file of a change: its path as a name when the change creates it
   * (added, renamed, copied), then one chunk per hunk of added lines. Deleted files and
   * submodule entries have no content to judge; binary files are skipped, unless only
   * git attributes (`-diff`, `binary`) made a text file look binary: those are read again
   * as text.
   */
  items(file: FileDiff, commit?: string): AsyncGenerator<SourceItem>;
  close(): void;
}

export function createFileItems(git: Git, options: FileItemsOptions): FileItems {
  const attributes = createAttributeCheck(git);

  async function readAsText(file: FileDiff, commit: string | undefined): Promise<FileDiff | undefined> {
    if (!(await attributes.isDiffUnset(file.path))) return undefined;
    const parser = createDiffParser();
    let text: FileDiff | undefined;
    for await (const line of git.lines(options.textPatchArgs(file.path, commit))) text = parser.push(line) ?? text;
    text = parser.end() ?? text;
    return text && !text.binary && !looksBinary(text) ? { ...text, path: file.path } : undefined;
  }

  async function* items(file: FileDiff, commit?: string): AsyncGenerator<SourceItem> {
    if (file.status === 'deleted') return;
    const where = commit === undefined ? {} : { commit };
    if (file.status !== 'modified') {
      yield { type: 'chunk', chunk: { path: file.path, text: file.path, origin: 'name', ...where } };
    }
    if (file.submodule) return;
    let content: FileDiff | undefined = file;
    if (file.binary) {
      content = await readAsText(file, commit);
      if (!content) {
        yield { type: 'skipped', skipped: { path: file.path, reason: 'binary', ...inCommit(commit) } };
        return;
      }
    }
    if (content.tooLarge) {
      yield { type: 'skipped', skipped: { path: file.path, reason: 'too-large', ...inCommit(commit) } };
      return;
    }
    for (const hunk of content.hunks) {
      if (hunk.added.length === 0) continue;
      const chunk: Chunk = { path: file.path, text: hunk.text, startLine: hunk.startLine, lines: hunk.added, origin: options.origin, ...where };
      yield { type: 'chunk', chunk };
    }
  }

  return { items, close: () => attributes.close() };
}
