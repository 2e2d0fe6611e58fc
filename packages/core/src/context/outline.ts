import type { Syntax } from './syntax.js';

/** A block's key and the block that encloses it. Shared between lines: the outline is a tree. */
export interface KeyNode {
  key: string;
  parent: KeyNode | undefined;
}

/** Where blocks open and close on one line: the node in force from each offset on. */
interface LineEvents {
  /** The node at the start of the line. */
  start: KeyNode | undefined;
  /** Offsets on the line where the node changes, and the node from there. */
  offsets: number[];
  nodes: (KeyNode | undefined)[];
}

/** The enclosing keys of every offset of a text, computed in one pass. */
export interface Outline {
  /** The keys of the blocks enclosing `offset` (on line `line`), innermost first, at most `depth`. */
  keysAt(line: number, offset: number, depth: number): string[];
}

const YAML_KEY = /^([ \t]*)(?:-[ \t]+)*["']?([^"'#:\s{[][^"'#:]*?)["']?[ \t]*:(?:[ \t]|$)/;
const SECTION = /^[ \t]*\[{1,2}[ \t]*([^\]]+?)[ \t]*\]{1,2}[ \t]*(?:[#;].*)?$/;

/**
 * How far into a line its key ends, at most: a YAML key at the line's first `:`, a section
 * name at its first `]`. The patterns above try every place a key could end, and each
 * place tries the run of blanks after it, so a line of a word and 50,000 spaces (a
 * binary's printable text, or a hostile file) cost a second a line. Past this bound the
 * line is no key: YAML_KEY then runs on no more than the line up to its colon, and SECTION
 * only on lines whose name ends within it (what follows the `]` it reads once).
 */
const MAX_KEY_END = 256;

/** The YAML key `line` opens, if any (see YAML_KEY, MAX_KEY_END). */
function yamlKey(line: string): RegExpExecArray | null {
  const colon = line.indexOf(':');
  // The match ends at that colon and the character after it.
  return colon === -1 || colon > MAX_KEY_END ? null : YAML_KEY.exec(line.slice(0, colon + 2));
}

/** The `[section]` header `line` is, if any (see SECTION, MAX_KEY_END). */
function sectionHeader(line: string): RegExpExecArray | null {
  const close = line.indexOf(']');
  return close === -1 || close > MAX_KEY_END ? null : SECTION.exec(line);
}

/**
 * The block structure of `text`, by how its format nests keys: YAML by indentation,
 * JSON, HCL and code by braces and brackets, TOML and INI by `[section]` headers.
 * `lineStarts` are the offsets of the text's lines.
 */
export function createOutline(
  text: string,
  lineStarts: readonly number[],
  syntax: Syntax,
): Outline {
  const lines = lineStarts.length;
  const lineEnd = (i: number) => (i + 1 < lines ? lineStarts[i + 1]! - 1 : text.length);
  const events: (LineEvents | undefined)[] = new Array<LineEvents | undefined>(lines);
  const nodeOf: (KeyNode | undefined)[] = new Array<KeyNode | undefined>(lines);
  if (syntax.nesting === 'indent') indentOutline(text, lineStarts, lineEnd, nodeOf);
  else if (syntax.nesting === 'sections') sectionOutline(text, lineStarts, lineEnd, nodeOf);
  else if (syntax.nesting === 'braces') braceOutline(text, syntax, nodeOf, events);
  return {
    keysAt(line, offset, depth) {
      let node = nodeOf[line];
      const lineEvents = events[line];
      if (lineEvents) {
        // The last event at or before `offset` (offsets are sorted): a binary search, since a
        // one-line JSON file holds many blocks and many candidates.
        const { offsets } = lineEvents;
        let low = 0;
        let high = offsets.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (offsets[mid]! <= offset) low = mid + 1;
          else high = mid;
        }
        node = low === 0 ? lineEvents.start : lineEvents.nodes[low - 1];
      }
      const keys: string[] = [];
      for (let steps = 0; node && keys.length < depth && steps < 4 * depth; steps++) {
        if (node.key) keys.push(node.key);
        node = node.parent;
      }
      return keys;
    },
  };
}

function indentOutline(
  text: string,
  lineStarts: readonly number[],
  lineEnd: (i: number) => number,
  nodeOf: (KeyNode | undefined)[],
): void {
  // The open keys with their indentation, innermost last.
  const stack: { indent: number; node: KeyNode }[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const line = text.slice(lineStarts[i], lineEnd(i));
    const indent = /^[ \t]*/.exec(line)![0].length;
    const blank = indent === line.length || line[indent] === '#';
    if (!blank) while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    nodeOf[i] = stack[stack.length - 1]?.node;
    if (blank) continue;
    if (line.startsWith('---')) {
      stack.length = 0;
      continue;
    }
    const key = yamlKey(line);
    if (key) {
      // A list item's keys (`- name: x`) sit at the indentation of the text after the dash.
      const keyIndent = line.indexOf(key[2]!, key[1]!.length);
      stack.push({ indent: keyIndent, node: { key: key[2]!.trim(), parent: nodeOf[i] } });
    } else if (line.trimEnd().endsWith('{')) {
      // A block opened by a brace (HCL, code) in a file nested by indentation.
      const block = blockKey(line.trimEnd().slice(indent, -1));
      if (block) stack.push({ indent, node: { key: block, parent: nodeOf[i] } });
    }
  }
}

function sectionOutline(
  text: string,
  lineStarts: readonly number[],
  lineEnd: (i: number) => number,
  nodeOf: (KeyNode | undefined)[],
): void {
  let node: KeyNode | undefined;
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]!;
    if (text[start] === '[' || text[start] === ' ' || text[start] === '\t') {
      const section = sectionHeader(text.slice(start, lineEnd(i)));
      if (section) {
        node = undefined;
        // `[a.b]`, `[remote "origin"]`: each part a level.
        for (const part of section[1]!.split(/[.\s]+/)) {
          const key = part.replace(/^["']|["']$/g, '');
          if (key) node = { key, parent: node };
        }
      }
    }
    nodeOf[i] = node;
  }
}

/** The key that names a block opened after `segment`: `"storage":`, `storage =`, `resource "x" "y"`. */
function blockKey(segment: string): string | undefined {
  const key = segment
    .replace(/(?::=|=>|[:=(])\s*$/, '')
    .replace(/["'`]/g, '')
    .trim();
  return key.length > 0 && key.length <= 80 ? key : undefined;
}

function braceOutline(
  text: string,
  syntax: Syntax,
  nodeOf: (KeyNode | undefined)[],
  events: (LineEvents | undefined)[],
): void {
  const stack: (KeyNode | undefined)[] = [];
  let node: KeyNode | undefined;
  // Where the text that names the next block starts: after the last brace, comma,
  // semicolon or line break; and that text on the line before, for a brace alone on its line.
  let segmentStart = 0;
  let previousSegment: [number, number] = [0, 0];
  // Its key, once asked for: every brace of a run (`{{{`) asks again, and a long line read
  // again for each was quadratic.
  let previousKey: string | undefined;
  let line = 0;
  nodeOf[0] = undefined;
  const newLine = (at: number) => {
    line++;
    previousSegment = [segmentStart, at];
    previousKey = undefined;
    segmentStart = at + 1;
    nodeOf[line] = node;
  };
  const record = (at: number) => {
    const entry = (events[line] ??= { start: nodeOf[line], offsets: [], nodes: [] });
    entry.offsets.push(at);
    entry.nodes.push(node);
  };
  const quotes = [...syntax.quotes, ...syntax.multiline].map((q) => `\\${q}`).join('');
  // Jump from one character that matters to the next.
  const next = new RegExp(`[{}\\[\\],;\\n${quotes}]`, 'g');
  for (let match = next.exec(text); match; match = next.exec(text)) {
    const i = match.index;
    const char = match[0];
    if (char === '\n') {
      newLine(i);
    } else if (char === '{' || char === '[') {
      stack.push(node);
      // A brace alone on its line belongs to the key at the end of the line before.
      const segment = text.slice(segmentStart, i);
      const key =
        segment.trim() === ''
          ? (previousKey ??= blockKey(text.slice(...previousSegment)) ?? '')
          : (blockKey(segment) ?? '');
      node = { key, parent: node };
      record(i);
      segmentStart = i + 1;
    } else if (char === '}' || char === ']') {
      node = stack.pop();
      record(i);
      segmentStart = i + 1;
    } else if (char === ',' || char === ';') {
      segmentStart = i + 1;
    } else {
      // A string: skip to its end on this line, or further for a multi-line quote.
      const multiline = syntax.multiline.includes(char);
      let j = i + 1;
      for (; j < text.length && text[j] !== char; j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n') {
          if (!multiline) break;
          newLine(j);
        }
      }
      next.lastIndex = text[j] === '\n' ? j : j + 1;
    }
  }
}
