import type { Term } from '../types.js';
import { leetFoldString } from './fold.js';
import { foldedWords } from './tokenize.js';

/** How a form derives from the term as written. */
export type FormKind = 'exact' | 'alias' | 'joined' | 'plural';

/** A word sequence that counts as an occurrence of a term. */
export interface TermForm {
  words: readonly string[];
  kind: FormKind;
  /** A leetspeak-folded form, matched in the leet view only. */
  leet: boolean;
}

/** Most words a term (or alias) may have. */
export const MAX_TERM_WORDS = 12;

const ENDS_IN_LETTER = /\p{L}$/u;
const CONSONANT_Y = /[^aeiou]y$/;

/** Plural spellings of a word: `halcyons`, `halcyones`, `agencies`. Words ending in a digit or of one letter have none. */
export function pluralsOf(word: string): string[] {
  if (word.length < 2 || !ENDS_IN_LETTER.test(word)) return [];
  const plurals = [`${word}s`, `${word}es`];
  if (CONSONANT_Y.test(word)) plurals.push(`${word.slice(0, -1)}ies`);
  return plurals;
}

/**
 * Every form of a plaintext term: the term and its aliases word by word (`project
 * halcyon`, which also matches `project-halcyon` and `ProjectHalcyon`), joined into one
 * word (`projecthalcyon`, `PROJECTHALCYON`), and plurals of the last word of each; for a
 * leet term also the leet-folded version of each. A hashed list stores digests of these.
 */
export function termForms(term: Pick<Term, 'words' | 'aliases' | 'leet'>): TermForm[] {
  const forms: TermForm[] = [];
  const seen = new Set<string>();
  const add = (words: readonly string[], kind: FormKind, leet: boolean): void => {
    const key = `${leet ? 'L' : 'N'}${words.join(' ')}`;
    if (words.length === 0 || seen.has(key)) return;
    seen.add(key);
    forms.push({ words, kind, leet });
  };
  const spellings = [term.words, ...(term.aliases ?? [])];
  for (const leet of term.leet ? [false, true] : [false]) {
    spellings.forEach((spelling, index) => {
      const words = leet ? spelling.map(leetFoldString) : spelling;
      add(words, index === 0 ? 'exact' : 'alias', leet);
      // Joined as one word (`projecthalcyon`), split again where text would be: `halcyon2` stays `halcyon 2`.
      if (words.length > 1) add(foldedWords(words.join('')), 'joined', leet);
    });
    for (const form of [...forms].filter((f) => f.leet === leet && f.kind !== 'plural')) {
      const last = form.words[form.words.length - 1]!;
      for (const plural of pluralsOf(last))
        add([...form.words.slice(0, -1), plural], 'plural', leet);
    }
  }
  return forms;
}
