import { describe, expect, it } from 'vitest';
import { createTermMatcher } from '../match.js';
import { parseTermList } from '../parse-term-list.js';
import { explainMatch } from './explain.js';

const terms = parseTermList(
  JSON.stringify({
    version: 1,
    terms: [
      { id: 'A', term: 'Mythos' },
      { id: 'B', term: 'Project Halcyon', leet: true },
    ],
  }),
  { source: 'l.json' },
);
const matcher = createTermMatcher(terms);
const why = (text: string) => matcher.match(text).map((m) => explainMatch(text, m));

describe('explainMatch', () => {
  it.each([
    ['mythos', [['exact']]],
    ['MYTHOS', [['case']]],
    ['mythosModel', [['part of an identifier']]],
    ['Ｍythos', [['case', 'NFKC (full-width or compatibility characters)']]],
    ['Муthos', [['case', 'homoglyphs (look-alike letters)']]],
    ['my\u200bthos', [['invisible characters removed']]],
    ['mýthos', [['diacritics removed']]],
    ['mythoses', [['plural']]],
    ['projecthalcyon', [['joined into one word']]],
    ['project_halcyon', [['words joined by separators']]],
    ['project\nhalcyon', [['across a line break']]],
    ['pr0ject halcy0n', [['leetspeak']]],
  ])('%j: %j', (text, reasons) => {
    expect(why(text)).toEqual(reasons);
  });
});
