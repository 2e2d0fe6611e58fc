import { createPart, type Part } from './part.js';
import { readXml } from './xml.js';

// Documents that are text already, whose raw text hides what a person sees: notebooks
// (JSON-escaped cells), source maps (whole source files in one JSON string each) and SVG
// (words split across <tspan>s).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `text` parsed as a JSON object, or undefined when it is not one. */
function parseObject(text: string): JsonObject | undefined {
  try {
    const value = JSON.parse(text) as Json;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const joined = (value: Json | undefined): string =>
  Array.isArray(value)
    ? value.map((line) => (typeof line === 'string' ? line : '')).join('')
    : typeof value === 'string'
      ? value
      : '';

/** A Jupyter notebook's cells (`cell N`) and their text outputs (`cell N output`), and its metadata; undefined when it is not one. */
export function readNotebook(text: string): Part[] | undefined {
  const notebook = parseObject(text);
  if (!notebook || !Array.isArray(notebook.cells)) return undefined;
  const parts: Part[] = [];
  notebook.cells.forEach((cell, i) => {
    if (!isObject(cell)) return;
    const part = createPart();
    part.push(joined(cell.source), `cell ${i + 1}`);
    for (const output of Array.isArray(cell.outputs) ? cell.outputs : []) {
      if (!isObject(output)) continue;
      const where = `cell ${i + 1} output`;
      part.push(joined(output.text), where);
      if (typeof output.evalue === 'string') part.push(output.evalue, where);
      part.push(joined(output.traceback), where);
      const data = output.data;
      if (isObject(data)) {
        for (const [type, value] of Object.entries(data))
          if (type.startsWith('text/') || type.endsWith('json'))
            part.push(
              typeof value === 'object' && !Array.isArray(value)
                ? JSON.stringify(value)
                : joined(value),
              where,
            );
      }
    }
    parts.push(part);
  });
  const { cells: _cells, ...rest } = notebook;
  const metadata = createPart();
  metadata.push(JSON.stringify(rest, null, 1), 'notebook metadata');
  parts.push(metadata);
  return parts;
}

/** The end of the JSON string that starts (with its quote) at `at`. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

/**
 * A source map's embedded sources (`sourcesContent`), each with the name it gives it, and
 * the map's own text with those sources blanked out (every other character where it was);
 * undefined when it is not a source map that embeds sources.
 */
export function readSourceMap(
  text: string,
): { sources: { name: string; text: string }[]; rest: string } | undefined {
  if (!text.includes('"sourcesContent"')) return undefined;
  const map = parseObject(text);
  if (!map || !Array.isArray(map.sourcesContent)) return undefined;
  const names = Array.isArray(map.sources) ? map.sources : [];
  const sources = map.sourcesContent.flatMap((source, i) =>
    typeof source === 'string'
      ? [{ name: typeof names[i] === 'string' ? names[i] : `source-${i}`, text: source }]
      : [],
  );
  // Blank each string of the array in place, so that the rest keeps its real columns.
  const key = /"sourcesContent"\s*:\s*\[/.exec(text);
  let rest = text;
  if (key) {
    const pieces: string[] = [];
    let last = 0;
    let at = key.index + key[0].length;
    while (at < text.length) {
      const c = text[at]!;
      if (c === ']') break;
      if (c === '"') {
        const end = stringEnd(text, at);
        if (end === -1) break;
        pieces.push(text.slice(last, at + 1), ' '.repeat(end - at - 2));
        last = end - 1;
        at = end;
      } else at++;
    }
    pieces.push(text.slice(last));
    rest = pieces.join('');
  }
  return { sources, rest };
}

/** The text of each SVG `<text>` element whose words are split across several nodes (`<tspan>`s), joined. */
export function readSvgText(text: string): Part {
  const part = createPart();
  let depth = 0;
  let line = '';
  let nodes = 0;
  readXml(text, {
    open(name, _attributes, selfClosing) {
      if (name === 'text' && !selfClosing && depth++ === 0) {
        line = '';
        nodes = 0;
      }
    },
    close(name) {
      if (name === 'text' && depth > 0 && --depth === 0 && nodes > 1)
        part.push(line.replace(/\s+/g, ' '), 'text');
    },
    text(text) {
      // Whitespace between nodes (a line break between <tspan>s) separates words; none joins them.
      if (depth === 0) return;
      const blank = text.trim() === '';
      line += blank ? ' ' : text;
      if (!blank) nodes++;
    },
  });
  return part;
}
