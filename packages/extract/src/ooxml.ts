import { createPart, localName, type Part } from './part.js';
import { readXml } from './xml.js';

// Office Open XML (ECMA-376): the text of .docx, .pptx and .xlsx parts, as a person reads it.
// Word splits a word across runs (`<w:r>`) at any formatting or spell-check boundary, so the
// runs of a paragraph are joined before anything is matched.

/** A document's parts by name, read as text on demand; `undefined` for a part that is not there. */
export type PartReader = (name: string) => string | undefined;

/**
 * The paragraphs of a WordprocessingML part, grouped by `group` (comments, footnotes):
 * the text as it now reads (insertions kept, deletions dropped), and for paragraphs with
 * tracked deletions the text as it read before, under `<where>, deleted text`.
 */
export function readWordPart(
  xml: string,
  where: string,
  group?: { element: string; where: (attributes: Record<string, string>) => string | undefined },
): Part {
  const part = createPart();
  const deleted: [string, string][] = [];
  let current = where;
  let skipGroup = false;
  let now = '';
  let before = '';
  let hasDeletion = false;
  let inserted = 0;
  let textElement = '';
  readXml(xml, {
    open(name, attributes, selfClosing) {
      if (group && name === group.element) {
        const named = group.where(attributes);
        skipGroup = named === undefined;
        current = named ?? where;
      } else if (name === 'w:p') {
        now = before = '';
        hasDeletion = false;
      } else if (name === 'w:ins' && !selfClosing) inserted++;
      else if (name === 'w:t' || name === 'w:delText' || name === 'w:instrText')
        textElement = selfClosing ? '' : name;
      else if (name === 'w:tab' || name === 'w:br' || name === 'w:cr') {
        const space = name === 'w:tab' ? '\t' : '\n';
        now += space;
        before += space;
      }
    },
    close(name) {
      if (name === 'w:ins') inserted--;
      else if (name === textElement) textElement = '';
      else if (name === 'w:p' && !skipGroup) {
        part.push(now, current);
        if (hasDeletion) deleted.push([before, `${current}, deleted text`]);
      }
    },
    text(text) {
      if (textElement === 'w:delText') {
        before += text;
        hasDeletion = true;
      } else if (textElement !== '') {
        now += text;
        if (inserted === 0) before += text;
      }
    },
  });
  for (const [line, place] of deleted) part.push(line, place);
  return part;
}

/** The paragraphs of a DrawingML part (a slide, its notes): `<a:t>` runs joined per `<a:p>`. */
export function readDrawingPart(xml: string, where: string): Part {
  const part = createPart();
  let line = '';
  let inText = false;
  readXml(xml, {
    open(name, _attributes, selfClosing) {
      if (name === 'a:p') line = '';
      else if (name === 'a:t') inText = !selfClosing;
      else if (name === 'a:br') line += '\n';
    },
    close(name) {
      if (name === 'a:t') inText = false;
      else if (name === 'a:p') part.push(line, where);
    },
    text(text) {
      if (inText) line += text;
    },
  });
  return part;
}

/** The targets of a relationships part (`_rels/*.rels`), by id, resolved against `base` (a folder). */
export function readRelationships(xml: string | undefined, base: string): Map<string, string> {
  const targets = new Map<string, string>();
  if (xml === undefined) return targets;
  readXml(xml, {
    open(name, attributes) {
      if (localName(name) !== 'Relationship' || !attributes.Id || !attributes.Target) return;
      if (attributes.TargetMode === 'External') return;
      targets.set(attributes.Id, resolvePartName(base, attributes.Target));
    },
  });
  return targets;
}

/** A part name from a relationship's target, relative to the folder `base` or absolute (`/ppt/…`). */
function resolvePartName(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** Document properties (docProps/core.xml, app.xml, custom.xml): `name: value` per property. */
export function readProperties(xml: string): Part {
  const part = createPart();
  let element = '';
  let custom = '';
  readXml(xml, {
    open(name, attributes) {
      element = localName(name);
      if (element === 'property') custom = attributes.name ?? '';
    },
    close() {
      element = '';
    },
    text(text) {
      if (text.trim() === '' || element === '') return;
      part.push(`${custom || element}: ${text}`, 'document properties');
    },
  });
  return part;
}

/** The parts of a .docx: body, headers and footers, footnotes and endnotes, comments by author, properties. */
export function readDocx(names: readonly string[], read: PartReader): Part[] {
  const parts: Part[] = [];
  const add = (name: string, where: string, group?: Parameters<typeof readWordPart>[2]) => {
    const xml = read(name);
    if (xml !== undefined) parts.push(readWordPart(xml, where, group));
  };
  add('word/document.xml', 'body');
  for (const name of names) {
    const match = /^word\/(header|footer)(\d*)\.xml$/.exec(name);
    if (match) add(name, `${match[1]} ${match[2] || 1}`);
  }
  const note = (kind: string) => ({
    element: `w:${kind}`,
    where: (attributes: Record<string, string>) =>
      attributes['w:type'] === 'separator' || attributes['w:type'] === 'continuationSeparator'
        ? undefined
        : `${kind} ${attributes['w:id'] ?? ''}`.trim(),
  });
  add('word/footnotes.xml', 'footnotes', note('footnote'));
  add('word/endnotes.xml', 'endnotes', note('endnote'));
  add('word/comments.xml', 'comments', {
    element: 'w:comment',
    where: (attributes) => `comment by ${attributes['w:author'] ?? 'unknown'}`,
  });
  return parts;
}

/** The parts of a .pptx: each slide and its notes, by their order in the presentation; comments. */
export function readPptx(names: readonly string[], read: PartReader): Part[] {
  const parts: Part[] = [];
  const rels = readRelationships(read('ppt/_rels/presentation.xml.rels'), 'ppt');
  const order: string[] = [];
  readXml(read('ppt/presentation.xml') ?? '', {
    open(name, attributes) {
      const target = rels.get(attributes['r:id'] ?? '');
      if (name === 'p:sldId' && target) order.push(target);
    },
  });
  // Slides the presentation does not list (hidden from its order) still count, after the rest.
  for (const name of names)
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name) && !order.includes(name)) order.push(name);
  order.forEach((slide, i) => {
    const xml = read(slide);
    if (xml !== undefined) parts.push(readDrawingPart(xml, `slide ${i + 1}`));
    const folder = slide.slice(0, slide.lastIndexOf('/'));
    const file = slide.slice(folder.length + 1);
    const slideRels = readRelationships(read(`${folder}/_rels/${file}.rels`), folder);
    for (const target of slideRels.values()) {
      if (/notesSlide\d*\.xml$/.test(target)) {
        const notes = read(target);
        if (notes !== undefined) parts.push(readDrawingPart(notes, `slide ${i + 1} notes`));
      } else if (/comments?\//i.test(target)) {
        const comments = read(target);
        if (comments !== undefined)
          parts.push(readSlideComments(comments, `slide ${i + 1} comment`));
      }
    }
  });
  return parts;
}

/** Comments on a slide (legacy `p:cm` and modern `p188:cm`): their text. */
function readSlideComments(xml: string, where: string): Part {
  const part = createPart();
  let inText = false;
  readXml(xml, {
    open(name, _attributes, selfClosing) {
      if (localName(name) === 'text' || name === 'a:t') inText = !selfClosing;
    },
    close(name) {
      if (localName(name) === 'text' || name === 'a:t') inText = false;
    },
    text(text) {
      if (inText) part.push(text, where);
    },
  });
  return part;
}

/** The cells of a .xlsx that hold text or formulas, per sheet: one line per cell, named `sheet "Keys" B4`. */
export function readXlsx(read: PartReader): Part[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  readXml(read('xl/sharedStrings.xml') ?? '', {
    open(name, _attributes, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 't') inText = !selfClosing;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'si') strings.push(current);
    },
    text(text) {
      if (inText) current += text;
    },
  });
  const rels = readRelationships(read('xl/_rels/workbook.xml.rels'), 'xl');
  const sheets: { name: string; part: string }[] = [];
  readXml(read('xl/workbook.xml') ?? '', {
    open(name, attributes) {
      const target = rels.get(attributes['r:id'] ?? '');
      if (name === 'sheet' && target)
        sheets.push({ name: attributes.name ?? target, part: target });
    },
  });
  const parts: Part[] = [];
  for (const sheet of sheets) {
    const xml = read(sheet.part);
    if (xml === undefined) continue;
    const part = createPart();
    let cell = '';
    let type = '';
    let element = '';
    let value = '';
    readXml(xml, {
      open(name, attributes) {
        if (name === 'c') {
          cell = attributes.r ?? '';
          type = attributes.t ?? '';
          value = '';
        }
        element = name;
      },
      close(name) {
        const where = `sheet "${sheet.name}" ${cell}`;
        if (name === 'f' && value.trim() !== '') part.push(`=${value}`, `${where} formula`);
        else if (name === 'v' && type === 's') part.push(strings[Number(value)] ?? '', where);
        else if (name === 'v' && type === 'str') part.push(value, where);
        else if (name === 't' && type === 'inlineStr') part.push(value, where);
        if (name === 'f' || name === 'v' || name === 't') value = '';
        element = '';
      },
      text(text) {
        if (element === 'f' || element === 'v' || element === 't') value += text;
      },
    });
    parts.push(part);
  }
  return parts;
}

/** Names of the parts the readers above consume, which are not extracted again as members. */
export function isReadPart(name: string): boolean {
  return /^(?:word|ppt|xl|docProps)\/.*\.xml$|\.rels$|^\[Content_Types\]\.xml$/.test(name);
}
