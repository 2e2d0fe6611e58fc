import { TermListError } from '../errors.js';
import type { Severity, Term } from '../types.js';
import { splitWords } from './words.js';

export interface ParseTermListOptions {
  /** Name of the list used in term ids and errors, e.g. the file's base name. */
  source: string;
  /** Severity of every term of the list; `high` by default. */
  severity?: Severity;
}

/**
 * Parses a plain term list: one term per line, `#` starts a comment line, blank lines are
 * ignored. A term may be several words (`Project Halcyon`). Each term gets the id
 * `<source>:<line>`, which reports show instead of the term.
 */
export function parseTermList(text: string, options: ParseTermListOptions): Term[] {
  if (text.includes('\0')) throw new TermListError('is binary, expected one term per line', options.source);
  const terms: Term[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const words = splitWords(line).map((word) => word.text);
    if (words.length === 0) {
      throw new TermListError('entry has no letters or digits', options.source, index + 1);
    }
    terms.push({
      id: `${options.source}:${index + 1}`,
      words,
      severity: options.severity ?? 'high',
      source: `${options.source}:${index + 1}`,
    });
  });
  return terms;
}
