import {
  CHANGED_CASE,
  CHANGED_DIACRITIC,
  CHANGED_HOMOGLYPH,
  CHANGED_INVISIBLE,
  CHANGED_LEET,
  CHANGED_NFKC,
  charInfo,
  leetView,
  SEP,
  SKIP,
} from '../fold.js';
import type { TermMatch } from '../match.js';

const VIA: Record<TermMatch['via'], string | undefined> = {
  exact: undefined,
  alias: 'alias',
  joined: 'joined into one word',
  plural: 'plural',
  substring: 'inside a longer word',
  hashed: undefined,
};

function isWordChar(text: string, offset: number): boolean {
  if (offset < 0 || offset >= text.length) return false;
  const cls = charInfo(text.codePointAt(offset)!).cls;
  return cls !== SEP && cls !== SKIP;
}

/**
 * Why `match` matched `text`, as short phrases naming each normalisation that was
 * needed: case, identifier splitting, separators and line breaks, NFKC, homoglyphs,
 * diacritics, invisible characters, leetspeak, and the form (alias, joined, plural,
 * substring). Never quotes the text.
 */
export function explainMatch(text: string, match: TermMatch): string[] {
  let changed = 0;
  let separators = false;
  let lineBreak = false;
  for (let i = match.start; i < match.end;) {
    const cp = text.codePointAt(i)!;
    const info = charInfo(cp);
    const leet = match.leet ? leetView(cp, info) : undefined;
    changed |= (leet ?? info).changed;
    if (info.cls === SEP && leet === undefined) {
      if (cp === 10 || cp === 13) lineBreak = true;
      else if (cp !== 32) separators = true;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  const reasons: string[] = [];
  const via = VIA[match.via];
  if (via) reasons.push(via);
  if (
    match.via !== 'substring' &&
    (isWordChar(text, match.start - 1) || isWordChar(text, match.end))
  )
    reasons.push('part of an identifier');
  if (separators) reasons.push('words joined by separators');
  if (lineBreak) reasons.push('across a line break');
  if (changed & CHANGED_CASE) reasons.push('case');
  if (changed & CHANGED_NFKC) reasons.push('NFKC (full-width or compatibility characters)');
  if (changed & CHANGED_HOMOGLYPH) reasons.push('homoglyphs (look-alike letters)');
  if (changed & CHANGED_DIACRITIC) reasons.push('diacritics removed');
  if (changed & CHANGED_INVISIBLE) reasons.push('invisible characters removed');
  if (changed & CHANGED_LEET) reasons.push('leetspeak');
  if (reasons.length === 0) reasons.push('exact');
  return reasons;
}
