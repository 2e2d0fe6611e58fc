// The context model: what rules know about the text a candidate sits in. Every fact is
// computed lazily and at most once per text (the line index, the commentary spans, the
// block outline) or once per line (minified, the key a line leaves open), so judging any
// number of candidates stays linear in the text.

import { createTextIndex, type TextIndex } from '../codec/text-index.js';
import type { TextModel } from '../types.js';
import { commentarySpans, isInSpans } from './commentary.js';
import { fileTypeOf } from './file-type.js';
import { createOutline, type Outline } from './outline.js';
import { syntaxOf } from './syntax.js';

/**
 * A line this long or longer, with almost no spaces, is minified code; unless it is one long
 * value and little else (`token = ` and 900 characters of a session token): without its
 * longest run of token characters, it is shorter than ONE_VALUE_REST.
 */
const MINIFIED_LENGTH = 500;
const ONE_VALUE_REST = 100;

/** `key:`, `key =`, `"key": `, `key: |`, `KEY=\` with nothing after: the value follows on the next line. */
const OPEN_KEY =
  /^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?["']?([A-Za-z_$@][\w.$@-]*)["']?[ \t]*(?::=|=>|[:=])[ \t]*(?:[|>][-+]?\d?|\\|\(|["'`]{3})?[ \t]*\r?$/;

export function createTextModel(text: string, path: string): TextModel {
  const file = fileTypeOf(path);
  const syntax = syntaxOf(file.language);
  let index: TextIndex | undefined;
  let spans: number[] | undefined;
  let outline: Outline | undefined;
  const minified = new Map<number, boolean>();
  const openKeys = new Map<number, string | undefined>();

  const lines = (): TextIndex => (index ??= createTextIndex(text));
  const lineText = (i: number) => lines().lineText(i);

  return {
    text,
    path,
    file,
    lineIndexOf: (offset) => lines().lineIndexOf(offset),
    lineStart: (i) => lines().lineStart(i),
    lineText,
    isMinified(i) {
      if (file.generated) return true;
      if (file.kind === 'config' || file.kind === 'prose' || file.kind === 'data') return false;
      let answer = minified.get(i);
      if (answer === undefined) {
        const line = lineText(i);
        answer =
          line.length >= MINIFIED_LENGTH &&
          countSpaces(line) < line.length / 20 &&
          line.length - longestTokenRun(line) >= ONE_VALUE_REST;
        minified.set(i, answer);
      }
      return answer;
    },
    isCommentary(offset) {
      spans ??= commentarySpans(text, syntax);
      return isInSpans(spans, offset);
    },
    parentKeys(offset) {
      if (syntax.nesting === 'none') return [];
      const index = lines();
      if (!outline) {
        const starts: number[] = [];
        for (let i = 0; i < index.lineCount; i++) starts.push(index.lineStart(i));
        outline = createOutline(text, starts, syntax);
      }
      return outline.keysAt(index.lineIndexOf(offset), offset, 4);
    },
    openKey(i) {
      if (i < 0) return undefined;
      if (!openKeys.has(i)) {
        const line = lineText(i);
        openKeys.set(i, line.length <= 200 ? OPEN_KEY.exec(line)?.[1] : undefined);
      }
      return openKeys.get(i);
    },
  };
}

/** The length of the longest run of characters tokens are made of (`A-Za-z0-9+/=_.~%-`). */
function longestTokenRun(line: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    run = code < 128 && TOKEN_CHARACTER[code] === 1 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

const TOKEN_CHARACTER = Uint8Array.from({ length: 128 }, (_, code) =>
  /[A-Za-z0-9+/=_.~%-]/.test(String.fromCharCode(code)) ? 1 : 0,
);

function countSpaces(line: string): number {
  let spaces = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 32 || code === 9) spaces++;
  }
  return spaces;
}
