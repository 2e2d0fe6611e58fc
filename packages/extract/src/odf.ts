import type { PartReader } from './ooxml.js';
import { columnName, createPart, localName, type Part } from './part.js';
import { readXml } from './xml.js';

// OpenDocument (ODF 1.3: .odt, .ods, .odp and their templates): the text of content.xml,
// styles.xml (headers, footers) and meta.xml, each paragraph with where a person finds it.

/** Where a paragraph is, from the elements around it. */
interface Context {
  table?: string;
  row: number;
  column: number;
  slide: number;
  notes: boolean;
  annotation?: { author: string; lines: string[] };
  deletion: boolean;
  header?: string;
}

function whereOf(context: Context, fallback: string): string {
  if (context.deletion) return 'deleted text';
  if (context.header) return context.header;
  if (context.table !== undefined)
    return `sheet "${context.table}" ${columnName(context.column)}${context.row + 1}`;
  if (context.slide > 0) return `slide ${context.slide}${context.notes ? ' notes' : ''}`;
  return fallback;
}

/** The paragraphs of an ODF XML part (content.xml, styles.xml). */
function readOdfPart(xml: string, fallback: string): Part {
  const part = createPart();
  const context: Context = { row: -1, column: -1, slide: 0, notes: false, deletion: false };
  // Paragraphs nest (a comment's or a note's inside the paragraph it is anchored in): each is a line of its own.
  const lines: string[] = [];
  let creator = false;
  let note = 0;
  let columnsRepeated = 1;
  const append = (text: string) => {
    if (lines.length > 0) lines[lines.length - 1] += text;
  };
  readXml(xml, {
    open(name, attributes) {
      switch (name) {
        case 'text:p':
        case 'text:h':
          lines.push('');
          break;
        case 'text:s':
          append(' '.repeat(Math.min(100, Number(attributes['text:c'] ?? 1) || 1)));
          break;
        case 'text:tab':
          append('\t');
          break;
        case 'text:line-break':
          append('\n');
          break;
        case 'text:note':
          note++;
          break;
        case 'table:table':
          context.table = attributes['table:name'] ?? '';
          context.row = -1;
          break;
        case 'table:table-row':
          context.row++;
          context.column = -1;
          columnsRepeated = 1;
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          // A cell repeated n times takes n columns: the next cell starts after them.
          context.column += columnsRepeated;
          columnsRepeated = Number(attributes['table:number-columns-repeated'] ?? 1) || 1;
          break;
        case 'draw:page':
          context.slide++;
          break;
        case 'presentation:notes':
          context.notes = true;
          break;
        case 'office:annotation':
          context.annotation = { author: 'unknown', lines: [] };
          break;
        case 'dc:creator':
          creator = context.annotation !== undefined;
          break;
        case 'text:deletion':
          context.deletion = true;
          break;
        default:
          if (/^style:(header|footer)/.test(name))
            context.header = localName(name).replace('-', ' ');
      }
    },
    close(name) {
      switch (name) {
        case 'text:p':
        case 'text:h': {
          const line = lines.pop() ?? '';
          if (context.annotation) context.annotation.lines.push(line);
          else part.push(line, note > 0 ? 'footnote' : whereOf(context, fallback));
          break;
        }
        case 'text:note':
          note--;
          break;
        case 'table:table':
          context.table = undefined;
          break;
        case 'presentation:notes':
          context.notes = false;
          break;
        case 'office:annotation':
          for (const text of context.annotation?.lines ?? [])
            part.push(text, `comment by ${context.annotation!.author}`);
          context.annotation = undefined;
          break;
        case 'dc:creator':
          creator = false;
          break;
        case 'text:deletion':
          context.deletion = false;
          break;
        default:
          if (/^style:(header|footer)/.test(name)) context.header = undefined;
      }
    },
    text(text) {
      if (creator) context.annotation!.author = text;
      else append(text);
    },
  });
  return part;
}

/** ODF metadata (meta.xml): title, subject, keywords, user-defined fields, as `name: value`. */
function readOdfMeta(xml: string): Part {
  const part = createPart();
  let element = '';
  readXml(xml, {
    open(name, attributes) {
      element =
        name === 'meta:user-defined'
          ? (attributes['meta:name'] ?? 'user-defined')
          : localName(name);
    },
    close() {
      element = '';
    },
    text(text) {
      if (element !== '' && text.trim() !== '')
        part.push(`${element}: ${text}`, 'document properties');
    },
  });
  return part;
}

/** The parts of an OpenDocument file. */
export function readOdf(read: PartReader): Part[] {
  const parts: Part[] = [];
  const content = read('content.xml');
  if (content !== undefined) parts.push(readOdfPart(content, 'body'));
  const styles = read('styles.xml');
  if (styles !== undefined) parts.push(readOdfPart(styles, 'styles'));
  const meta = read('meta.xml');
  if (meta !== undefined) parts.push(readOdfMeta(meta));
  return parts;
}

/** Whether `name` is an ODF part that `readOdf` reads. */
export const isOdfPart = (name: string) =>
  name === 'content.xml' ||
  name === 'styles.xml' ||
  name === 'meta.xml' ||
  name === 'mimetype' ||
  name === 'settings.xml' ||
  name.startsWith('META-INF/');
