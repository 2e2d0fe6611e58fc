import {
  DEFAULT_MAX_FILE_SIZE,
  type Chunk,
  type SourceItem,
  type SourceLimits,
} from '@tightlip/core';
import type { TempDir } from '@tightlip/fixtures';
import { openRepository, type Git } from '../src/index.js';

export const LIMITS: SourceLimits = { maxFileSize: DEFAULT_MAX_FILE_SIZE };

/** The repository in `temp` (a bare one too), with git running in the temp dir's isolated environment. */
export function open(temp: TempDir, env: NodeJS.ProcessEnv = {}): Promise<Git> {
  return openRepository(temp.dir, { allowBare: true, env: { ...temp.env, ...env } });
}

export async function collect(source: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** The lines of `chunk` that count, with their line numbers. */
export function countedLines(chunk: Chunk): [number, string][] {
  const first = chunk.startLine ?? 1;
  return chunk.text
    .split('\n')
    .map((text, i) => [first + i, text] as [number, string])
    .filter(
      ([line]) =>
        chunk.lines === undefined || chunk.lines.some(([from, to]) => line >= from && line <= to),
    );
}

/**
 * Items as short readable lines, in order: `content <path> <line>: <text>` for each line
 * that counts, `file-name <path>`, `message <path>: <text>`, `ref <path>: <text>`,
 * `skipped <path>: <reason>`; `@<name>` is appended for an item's commit, and a commit id as path (a message's) is
 * shown as its name, where `commits` (name -> id) names it.
 */
export function describeItems(
  items: readonly SourceItem[],
  commits: Readonly<Record<string, string>> = {},
): string[] {
  const names = new Map(Object.entries(commits).map(([name, id]) => [id, name]));
  const at = (commit: string | undefined) =>
    commit === undefined ? '' : ` @${names.get(commit) ?? commit}`;
  const name = (path: string) => names.get(path) ?? path;
  return items.flatMap((item) => {
    if (item.type === 'skipped') return [`skipped ${item.skipped.path}: ${item.skipped.reason}`];
    if (item.type === 'bytes') return [`bytes ${item.content.path}`];
    const { chunk } = item;
    if (chunk.subject === 'content')
      return countedLines(chunk).map(
        ([line, text]) => `content ${chunk.path} ${line}: ${text}${at(chunk.commit)}`,
      );
    if (chunk.subject === 'file-name') return [`file-name ${chunk.path}${at(chunk.commit)}`];
    return [`${chunk.subject} ${name(chunk.path)}: ${chunk.text}${at(chunk.commit)}`];
  });
}
