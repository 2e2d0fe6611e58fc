import { DEFAULT_MAX_FILE_SIZE, type LineRange } from '@tightlip/core/types';

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
  /** A symbolic link: its "content" is the path it points to. */
  symlink: boolean;
  /** The added text passed the size limit; its hunks were dropped. */
  tooLarge?: boolean;
  /**
   * Blob ids of the `index` line (whole with `--full-index`): the old side's, one per
   * parent in a combined diff, and the new side's. Absent without an index line (a
   * rename without changes, a mode change).
   */
  oldIds?: string[];
  newId?: string;
  hunks: Hunk[];
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const AT = 0x40;

/** The hunk header of a plain (`@@`) or combined (`@@@`, one `-` range per parent) diff. */
const HUNK_HEADER = /^(@@+) ((?:-\d+(?:,\d+)? )+)\+(\d+)(?:,(\d+))? @@+/;

export interface DiffParser {
  /** Feeds one line of patch output (without its `\n`); returns the file it completed, if any. */
  push(line: string): FileDiff | undefined;
  /** Ends the input; returns the last file, if any. The parser then reads another patch. */
  end(): FileDiff | undefined;
}

/** The hunk being read: its first new-side line, its kept lines, the line numbers of those added. */
interface OpenHunk {
  startLine: number;
  lines: string[];
  added: number[];
}

/**
 * An incremental parser of `git diff` / `git log -p` patch output, produced with
 * `core.quotePath=false`, `a/` and `b/` prefixes and no colour. Reads plain and combined
 * (`--cc`, merge) diffs. A combined diff counts as added only the lines new to every
 * parent: what the merge itself introduced. Holds one file at a time. Paths may contain
 * spaces, quotes and non-ASCII characters.
 *
 * A push gives it hundreds of thousands of lines, most of them in hunks: those take a
 * short path (`push`, then `plainLine`), kept apart from the header lines (`header`) so
 * that each stays small for the JIT, and the state they read keeps one shape throughout.
 */
export function createDiffParser(options: { maxFileSize?: number } = {}): DiffParser {
  const maxBytes = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let file: FileDiff | undefined;
  // The file's added text in UTF-8 bytes (each line and its newline) is counted exactly
  // only once it could pass the limit (`bytes` is -1 until then): until then `chars`
  // (UTF-16 units, newlines included) bounds it (a unit is at most 3 bytes), and no line
  // costs a byte count.
  let chars = 0;
  let bytes = -1;
  /** Lines of each hunk of `file` closed so far, for the exact count. */
  let hunkLines: number[] = [];
  let hunk: OpenHunk | undefined;
  /** Whether the next line may be a line of `hunk`: some side of it still has lines to come. */
  let inBody = false;
  let parents = 1;
  let newLine = 0;
  let remainingNew = 0;
  /** Old-side lines to come: of the one parent of a plain diff, of each parent of a combined one. */
  let remainingOld = 0;
  let remainingOlds: number[] = [];

  const closeHunk = () => {
    if (file && hunk && !file.tooLarge) {
      file.hunks.push({
        startLine: hunk.startLine,
        text: hunk.lines.join('\n'),
        added: toRanges(hunk.added),
      });
      hunkLines.push(hunk.lines.length);
    }
    hunk = undefined;
    inBody = false;
  };

  const closeFile = (): FileDiff | undefined => {
    closeHunk();
    const done = file;
    file = undefined;
    return done;
  };

  /** UTF-8 bytes of the text kept so far, each line with its newline. */
  const exactBytes = (): number => {
    let total = 0;
    file!.hunks.forEach((kept, i) => {
      if (hunkLines[i]! > 0) total += Buffer.byteLength(kept.text) + 1;
    });
    for (const line of hunk!.lines) total += Buffer.byteLength(line) + 1;
    return total;
  };

  /** Keeps a line of the new side (`added` or context), unless the file passes the size limit. */
  const keepLine = (text: string, added: boolean): void => {
    if (file!.tooLarge) return;
    chars += text.length + 1;
    if (bytes !== -1) bytes += Buffer.byteLength(text) + 1;
    else if (chars * 3 > maxBytes) bytes = exactBytes() + Buffer.byteLength(text) + 1;
    if (bytes > maxBytes) {
      file!.tooLarge = true;
      file!.hunks = [];
      return;
    }
    hunk!.lines.push(text);
    if (added) hunk!.added.push(newLine);
  };

  /** A line of a plain diff's hunk: a removed line only counts down the old side. */
  const plainLine = (line: string, marker: number): void => {
    if (marker !== PLUS) remainingOld--;
    if (marker !== MINUS) {
      remainingNew--;
      keepLine(line.slice(1), marker === PLUS);
      newLine++;
    }
    inBody = remainingNew > 0 || remainingOld > 0;
  };

  const combinedLine = (line: string): void => {
    const markers = line.slice(0, parents);
    const inResult = !markers.includes('-');
    for (let i = 0; i < parents; i++) {
      if (markers[i] === '-' || (inResult && markers[i] === ' ')) remainingOlds[i]!--;
    }
    if (inResult) {
      remainingNew--;
      keepLine(line.slice(parents), !markers.includes(' '));
      newLine++;
    }
    inBody = remainingNew > 0 || remainingOlds.some((left) => left > 0);
  };

  /** Any line but one of a hunk's body: file headers, hunk headers, what git adds around them. */
  const header = (line: string, marker: number): FileDiff | undefined => {
    if (marker === BACKSLASH) return undefined;
    if (line.startsWith('diff ')) {
      const done = closeFile();
      chars = 0;
      bytes = -1;
      hunkLines = [];
      const combined = /^diff --(?:cc|combined) /.exec(line);
      file = {
        path: combined
          ? unquote(line.slice(combined[0].length))
          : pathFromDiffHeader(line.slice('diff --git '.length)),
        oldPath: undefined,
        status: 'modified',
        binary: false,
        submodule: false,
        symlink: false,
        tooLarge: undefined,
        oldIds: undefined,
        newId: undefined,
        hunks: [],
      };
      return done;
    }
    if (!file) return undefined;
    const hunkHeader = marker === AT ? HUNK_HEADER.exec(line) : null;
    if (hunkHeader) {
      closeHunk();
      parents = hunkHeader[1]!.length - 1;
      const olds = hunkHeader[2]!
        .trim()
        .split(' ')
        .map((range) => Number(/,(\d+)$/.exec(range)?.[1] ?? 1));
      if (parents === 1) remainingOld = olds[0]!;
      else remainingOlds = olds;
      const start = Number(hunkHeader[3]);
      remainingNew = hunkHeader[4] === undefined ? 1 : Number(hunkHeader[4]);
      newLine = start;
      hunk = { startLine: start, lines: [], added: [] };
      inBody =
        remainingNew > 0 ||
        (parents === 1 ? remainingOld > 0 : remainingOlds.some((left) => left > 0));
      return undefined;
    }
    if (hunk) return undefined;
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      if (path !== '/dev/null') file.path = stripPrefix(unquote(trimTab(path)), 'b/');
    } else if (line.startsWith('new file mode ')) {
      file.status = 'added';
      readMode(file, line);
    } else if (line.startsWith('deleted file mode ')) {
      file.status = 'deleted';
    } else if (line.startsWith('new mode ') || line.startsWith('mode ')) {
      readMode(file, line);
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
    } else if (line.startsWith('index ')) {
      readMode(file, line);
      const ids = /^index ([0-9a-f,]+)\.\.([0-9a-f]+)/.exec(line);
      if (ids) {
        file.oldIds = ids[1]!.split(',');
        file.newId = ids[2]!;
      }
    } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
      file.binary = true;
    }
    return undefined;
  };

  const push = (line: string): FileDiff | undefined => {
    const marker = line.charCodeAt(0);
    if (inBody) {
      if (marker === PLUS || marker === SPACE || marker === MINUS) {
        if (parents === 1) plainLine(line, marker);
        else combinedLine(line);
        return undefined;
      }
      if (marker === BACKSLASH) return undefined; // "\ No newline at end of file"
    }
    return header(line, marker);
  };

  return { push, end: closeFile };
}

/** Reads the new-side mode at the end of a mode or index line: gitlink (160000) or symlink (120000). */
function readMode(file: FileDiff, line: string): void {
  const mode = /(\d{6})$/.exec(line)?.[1];
  if (mode === '160000') file.submodule = true;
  else if (mode === '120000') file.symlink = true;
}

/** Parses a whole patch at once (see `createDiffParser`). */
export function parseDiff(patch: string): FileDiff[] {
  const parser = createDiffParser();
  const files: FileDiff[] = [];
  for (const line of patch.split('\n')) {
    const file = parser.push(line);
    if (file) files.push(file);
  }
  const last = parser.end();
  if (last) files.push(last);
  return files;
}

/** Sorted line numbers as ranges of consecutive lines. */
export function toRanges(lines: readonly number[]): LineRange[] {
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

const ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92,
};

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
