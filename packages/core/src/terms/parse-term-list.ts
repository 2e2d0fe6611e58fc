import { TermListError } from '../errors.js';
import type { Severity, Term } from '../types.js';
import { parseJsonTermList, termWords } from './parse-json-list.js';

export interface ParseTermListOptions {
  /** Name of the list used in term ids and errors, e.g. the file's base name. */
  source: string;
  /** Severity of every term of a plain list (a JSON list sets its own); `high` by default. */
  severity?: Severity;
}

/**
 * Parses a term list. A list whose first non-blank character is `{` is a JSON list (rich
 * or hashed, see docs/terms.md); anything else is a plain list: one term per line, `#`
 * starts a comment line, blank lines are ignored, and each term gets the id
 * `<source>:<line>`. Errors name the list and line or entry, never a term.
 */
export function parseTermList(text: string, options: ParseTermListOptions): Term[] {
  if (text.includes('\0'))
    throw new TermListError('is binary, expected a term list', options.source);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trimStart().startsWith('{')) return parseJsonTermList(body, options.source);
  const terms: Term[] = [];
  body.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${options.source}:${index + 1}`;
    terms.push({
      id: where,
      words: termWords(line, options.source, 'entry ', index + 1),
      severity: options.severity ?? 'high',
      source: where,
    });
  });
  return terms;
}
