import { decodeText, hasUtf16Bom } from '@tightlip/core/text';
import type { Chunk, LineRange, SourceItem, SourceLimits } from '@tightlip/core/types';
import { createAttributeCheck } from './attributes.js';
import { createBlobReader } from './blobs.js';
import type { Git } from './git.js';
import { createDiffParser, toRanges, type FileDiff } from './parse-diff.js';
import { isZeroId } from './refs.js';

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
function hunksLookBinary(file: FileDiff): boolean {
  let seen = 0;
  for (const hunk of file.hunks) {
    const head = hunk.text.slice(0, 8000 - seen);
    if (head.includes('\0')) return true;
    seen += head.length;
    if (seen >= 8000) return false;
  }
  return false;
}

/** Line numbers of `lines` that are in none of `old`, as ranges: what a change adds, without a line-by-line diff. */
function newLines(lines: readonly string[], old: readonly string[][]): LineRange[] {
  const seen = new Set(old.flat());
  return toRanges(lines.flatMap((line, i) => (seen.has(line) ? [] : [i + 1])));
}

export interface FileItemsOptions extends SourceLimits {
  /** Git arguments that print the patch of one path as text (`-a`), for a file that attributes made binary. */
  textPatchArgs(path: string, commit: string | undefined): string[];
}

/** Turns parsed file diffs into source items; see `items`. */
export interface FileItems {
  /**
   * The items of one file of a change: its path as a name when the change creates it
   * (added, renamed, copied), then one chunk per hunk of added lines. Deleted files and
   * submodule entries have no content to judge; a binary file's blob is yielded as bytes,
   * whole, for the extraction stage, unless only git attributes (`-diff`, `binary`) made a
   * text file look binary: those are read again as text. A UTF-16 file (with a byte-order mark), which git calls binary, is read from
   * its blob and decoded; with no line-by-line diff, its lines that are in no old version
   * of the file count as added. A text file's items come at once, as an array.
   */
  items(file: FileDiff, commit?: string): SourceItem[] | AsyncGenerator<SourceItem>;
  close(): void;
}

export function createFileItems(git: Git, options: FileItemsOptions): FileItems {
  const attributes = createAttributeCheck(git);
  const blobs = createBlobReader(git, options.maxFileSize);
  const tooLarge = (path: string, commit: string | undefined, size?: number): SourceItem => ({
    type: 'skipped',
    skipped: {
      path,
      reason: 'too-large',
      detail: `${size === undefined ? '' : `${size} bytes, `}limit ${options.maxFileSize}${commit === undefined ? '' : ` in commit ${commit}`}`,
    },
  });

  /**
   * A file git's diff calls binary, read once: a UTF-16 text (byte-order mark) as the lines
   * it adds, anything else as bytes for the extraction stage (a container, a document, or
   * printable text): a change that adds or modifies a binary file adds all of it.
   */
  async function readBinary(file: FileDiff, commit: string | undefined): Promise<SourceItem[]> {
    if (file.newId === undefined || isZeroId(file.newId)) return [];
    const blob = await blobs.readBytes(file.newId);
    if ('skipped' in blob) return [tooLarge(file.path, commit, blob.size)];
    const text = hasUtf16Bom(blob.bytes) ? decodeText(blob.bytes) : undefined;
    if (text !== undefined) return utf16Items(file, commit, text);
    const where = commit === undefined ? {} : { commit };
    return [{ type: 'bytes', content: { path: file.path, bytes: blob.bytes, ...where } }];
  }

  /** The lines a UTF-16 file's `text` adds to its old blobs. */
  async function utf16Items(
    file: FileDiff,
    commit: string | undefined,
    text: string,
  ): Promise<SourceItem[]> {
    const old: string[][] = [];
    for (const id of file.oldIds ?? []) {
      if (isZeroId(id)) continue;
      const before = await blobs.readText(id);
      if ('text' in before) old.push(before.text.split('\n'));
    }
    const added = newLines(text.split('\n'), old);
    if (added.length === 0) return [];
    return [
      {
        type: 'chunk',
        chunk: {
          subject: 'content',
          path: file.path,
          text,
          startLine: 1,
          lines: added,
          ...(commit === undefined ? {} : { commit }),
        },
      },
    ];
  }

  async function readAsText(
    file: FileDiff,
    commit: string | undefined,
  ): Promise<FileDiff | undefined> {
    if (!(await attributes.isDiffUnset(file.path))) return undefined;
    const parser = createDiffParser({ maxFileSize: options.maxFileSize });
    let text: FileDiff | undefined;
    for await (const batch of git.lineBatches(options.textPatchArgs(file.path, commit)))
      for (const line of batch) text = parser.push(line) ?? text;
    text = parser.end() ?? text;
    return text && !text.binary && !hunksLookBinary(text)
      ? { ...text, path: file.path }
      : undefined;
  }

  /** The chunks of the hunks of `content` (`file` read as text), or that it is too large. */
  function hunkItems(file: FileDiff, content: FileDiff, commit: string | undefined): SourceItem[] {
    if (content.tooLarge) return [tooLarge(file.path, commit)];
    const where = commit === undefined ? {} : { commit };
    const items: SourceItem[] = [];
    for (const hunk of content.hunks) {
      if (hunk.added.length === 0) continue;
      const chunk: Chunk = {
        subject: 'content',
        path: file.path,
        text: hunk.text,
        startLine: hunk.startLine,
        lines: hunk.added,
        ...where,
      };
      items.push({ type: 'chunk', chunk });
    }
    return items;
  }

  /** A binary file's items after its `name` items: read again as text, or its blob. */
  async function* binaryItems(
    file: FileDiff,
    commit: string | undefined,
    name: SourceItem[],
  ): AsyncGenerator<SourceItem> {
    yield* name;
    const content = await readAsText(file, commit);
    if (content) yield* hunkItems(file, content, commit);
    else yield* await readBinary(file, commit);
  }

  // A text file's items are ready at once, as an array: most files of a push are text, and
  // an async generator per file costs more than the file's own parsing.
  function items(file: FileDiff, commit?: string): SourceItem[] | AsyncGenerator<SourceItem> {
    if (file.status === 'deleted') return [];
    const where = commit === undefined ? {} : { commit };
    const name: SourceItem[] =
      file.status === 'modified'
        ? []
        : [
            {
              type: 'chunk',
              chunk: { subject: 'file-name', path: file.path, text: file.path, ...where },
            },
          ];
    if (file.submodule) return name;
    if (file.binary) return binaryItems(file, commit, name);
    const hunks = hunkItems(file, file, commit);
    return name.length === 0 ? hunks : [...name, ...hunks];
  }

  return {
    items,
    close: () => {
      attributes.close();
      blobs.close();
    },
  };
}
