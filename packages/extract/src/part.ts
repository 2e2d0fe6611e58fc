/** Text taken from a document: its lines, each with where a person would look for it (`slide 3 notes`). */
export interface Part {
  lines: string[];
  where: string[];
}

export function createPart(): Part & { push(line: string, where: string): void } {
  const part = {
    lines: [] as string[],
    where: [] as string[],
    push(line: string, where: string) {
      // One line per line break inside a paragraph, each with the paragraph's place.
      for (const piece of line.split('\n')) {
        if (piece.trim() === '') continue;
        part.lines.push(piece);
        part.where.push(where);
      }
    },
  };
  return part;
}

/** The local name of a qualified XML name: `t` for `w:t`. */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
