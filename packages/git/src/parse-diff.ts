import type { LineRange } from '@tightlip/core';

/** One hunk of a unified diff, seen from the new side. */
export interface Hunk {
  /** New-side line number of the first line of `text`. */
  startLine: number;
  /** The new-side lines of the hunk (added and context lines), joined with `\n`. */
  text: string;
  /** New-side line numbers of the added lines. */
  added: LineRange[];
}

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

export interface FileDiff {
  /** New path, relative to the repository root, `/`-separated. */
  path: string;
  /** Old path, for renames and copies. */
  oldPath?: string;
  status: FileStatus;
  /** Git found the file binary ("Binary files … differ"): there are no hunks to scan. */
  binary: boolean;
  /** A submodule (gitlink) entry: its "content" is a commit id, not text. */
  submodule: boolean;
  hunks: Hunk[];
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses `git diff` patch output, as produced with `core.quotePath=false`, `a/` and `b/`
 * prefixes and no colour. Paths may contain spaces, quotes and non-ASCII characters.
 */
export function parseDiff(patch: string): FileDiff[] {
  const files: FileDiff[] = [];
  const lines = patch.split('\n');
  let file: FileDiff | undefined;
  let hunk: { startLine: number; lines: string[]; added: number[] } | undefined;
  let newLine = 0;
  let remainingNew = 0;
  let remainingOld = 0;

  const closeHunk = () => {
    if (file && hunk) file.hunks.push({ startLine: hunk.startLine, text: hunk.lines.join('\n'), added: toRanges(hunk.added) });
    hunk = undefined;
  };

  for (const line of lines) {
    if (hunk && (remainingNew > 0 || remainingOld > 0)) {
      const marker = line[0];
      if (marker === '+') {
        hunk.lines.push(line.slice(1));
        hunk.added.push(newLine++);
        remainingNew--;
        continue;
      }
      if (marker === ' ') {
        hunk.lines.push(line.slice(1));
        newLine++;
        remainingNew--;
        remainingOld--;
        continue;
      }
      if (marker === '-') {
        remainingOld--;
        continue;
      }
      if (marker === '\\') continue; // "\ No newline at end of file"
    }
    if (line.startsWith('\\')) continue;
    if (line.startsWith('diff --git ')) {
      closeHunk();
      file = { path: pathFromDiffHeader(line.slice('diff --git '.length)), status: 'modified', binary: false, submodule: false, hunks: [] };
      files.push(file);
      continue;
    }
    if (!file) continue;
    const header = HUNK_HEADER.exec(line);
    if (header) {
      closeHunk();
      const start = Number(header[1]);
      remainingNew = header[2] === undefined ? 1 : Number(header[2]);
      remainingOld = Number(/^@@ -\d+(?:,(\d+))?/.exec(line)?.[1] ?? 1);
      newLine = start;
      hunk = { startLine: start, lines: [], added: [] };
      continue;
    }
    if (hunk) continue;
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      if (path !== '/dev/null') file.path = stripPrefix(unquote(trimTab(path)), 'b/');
    } else if (line.startsWith('new file mode ')) {
      file.status = 'added';
      file.submodule = line.endsWith('160000');
    } else if (line.startsWith('deleted file mode ')) {
      file.status = 'deleted';
    } else if (line.startsWith('rename from ')) {
      file.status = 'renamed';
      file.oldPath = unquote(line.slice('rename from '.length));
    } else if (line.startsWith('rename to ')) {
      file.path = unquote(line.slice('rename to '.length));
    } else if (line.startsWith('copy from ')) {
      file.status = 'copied';
      file.oldPath = unquote(line.slice('copy from '.length));
    } else if (line.startsWith('copy to ')) {
      file.path = unquote(line.slice('copy to '.length));
    } else if (line.startsWith('index ') && line.endsWith(' 160000')) {
      file.submodule = true;
    } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
      file.binary = true;
    }
  }
  closeHunk();
  return files;
}

function toRanges(lines: readonly number[]): LineRange[] {
  const ranges: [number, number][] = [];
  for (const line of lines) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === line - 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}

/** Git ends a `---`/`+++` name with a tab when the name contains a space. */
function trimTab(name: string): string {
  return name.endsWith('\t') ? name.slice(0, -1) : name;
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * The path named by `a/<path> b/<path>` (or its quoted form). Only used when the header is
 * all there is (mode changes, binary files); the two names are then the same, so the
 * split is the middle of the line.
 */
function pathFromDiffHeader(rest: string): string {
  if (rest.startsWith('"')) {
    const end = findClosingQuote(rest);
    return stripPrefix(unquote(rest.slice(0, end + 1)), 'a/');
  }
  const half = (rest.length - 1) / 2;
  return stripPrefix(rest.slice(0, Math.floor(half)), 'a/');
}

function findClosingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's C-style quoting of a path (`"a\tb\303\251"`); an unquoted path is returned as is. */
export function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"') || name.length < 2) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
