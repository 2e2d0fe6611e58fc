/** A word of a text: a maximal run of letters, marks and digits, with its offsets. */
export interface Word {
  /** Lower-cased text of the word. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of `text`, lower-cased, in order. Anything that is not a letter, mark or digit separates words. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    words.push({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return words;
}
