// A small, forgiving XML reader for the text of documents (OOXML, ODF, SVG): elements and
// their attributes, text with entities decoded, comments, processing instructions and
// DOCTYPEs skipped, CDATA kept as text. Linear in its input; it validates nothing, since a
// document's text is what matters, not its well-formedness.

export interface XmlHandler {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** `text` with XML's entity and character references decoded (unknown ones kept as written). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The end of the tag that starts at `at` (`<`): the `>` outside quoted attribute values. */
function tagEnd(xml: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** Calls `handler` for each element and text of `xml`, in document order. */
export function readXml(xml: string, handler: XmlHandler): void {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > at) handler.text?.(decodeEntities(xml.slice(at, textEnd)));
    if (lt === -1) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      at = end === -1 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      handler.text?.(xml.slice(lt + 9, end === -1 ? xml.length : end));
      at = end === -1 ? xml.length : end + 3;
    } else if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt);
      at = end === -1 ? xml.length : end + 1;
    } else {
      const end = tagEnd(xml, lt);
      if (end === -1) return;
      at = end + 1;
      if (xml[lt + 1] === '/') {
        handler.close?.(xml.slice(lt + 2, end).trim());
        continue;
      }
      const selfClosing = xml[end - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = body.search(/\s/);
      const name = space === -1 ? body : body.slice(0, space);
      const attributes: Record<string, string> = {};
      if (space !== -1 && handler.open) {
        for (const match of body.slice(space).matchAll(ATTRIBUTE))
          attributes[match[1]!] = decodeEntities(match[2] ?? match[3] ?? '');
      }
      handler.open?.(name, attributes, selfClosing);
      if (selfClosing) handler.close?.(name);
    }
  }
}
