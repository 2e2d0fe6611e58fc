import { basename, resolve } from 'node:path';
import {
  createTermPolicy,
  explainMatch,
  locate,
  parseLiftDate,
  type TermVerdict,
} from '@tightlip/core';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import { readInput, type Io } from '../io.js';
import { textOrJson, writeOutput } from '../report/emit.js';
import type { Format } from '../report/formats.js';
import { loadTerms, readSource } from '../term-sources.js';

export interface CheckTermsOptions {
  /** A file, or `-` for standard input. */
  input: string;
  config?: string;
  termFiles: readonly string[];
  keyFiles: readonly string[];
  /** Judge path scopes as if the text were at this path (relative to the config's directory). */
  path?: string;
  /** Judge lift dates as of this date instead of now. */
  date?: string;
  /** Show the matched text (`--no-mask`); only ever the input's own text, never a list's. */
  reveal: boolean;
  format: Format;
  /** `--output`: write there instead of stdout. */
  output?: string;
  io: Io;
}

export interface TermCheckMatch {
  line: number;
  /** Path scopes of the term, to explain a verdict. */
  onlyIn?: readonly string[];
  column: number;
  termId: string;
  /** Whether it would block here and now, and if not why not. */
  verdict: TermVerdict;
  /** Which normalisations made it match. */
  why: string[];
  /** The matched text of the input, only with `--no-mask`. */
  text?: string;
}

function describeVerdict(
  verdict: TermVerdict,
  path: string | undefined,
  onlyIn: readonly string[] | undefined,
): string {
  if (verdict.blocks) return 'blocks';
  if (verdict.why === 'grace') return `warning only: embargo lifted, warns until ${verdict.until}`;
  if (verdict.why === 'lifted') return 'does not block: embargo lifted';
  if (verdict.why === 'allowed-here') return `does not block: allowed in ${path}`;
  return `does not block ${path ? `in ${path}` : '(no --path given)'}: blocked only in ${onlyIn?.join(', ')}`;
}

/** The time `--date` stands for (now without it), in ms since the epoch. */
export function judgementTime(date: string | undefined): number {
  const now = date === undefined ? Date.now() : parseLiftDate(date);
  if (now === undefined) throw new UsageError(`--date must be a date (YYYY-MM-DD), not ${date}`);
  return now;
}

/** `tightlip terms check`: which terms match a text and why; exit 1 when one would block. */
export async function checkTerms(options: CheckTermsOptions): Promise<number> {
  const { io } = options;
  textOrJson(options.format, 'terms check');
  const now = judgementTime(options.date);
  const config = await loadConfig({ explicit: options.config, searchFrom: [io.cwd], cwd: io.cwd });
  const loaded = await loadTerms({
    cwd: io.cwd,
    env: io.env,
    configTerms: config.terms,
    termFiles: options.termFiles,
    keyFiles: options.keyFiles,
  });
  if (loaded.matcher.size === 0)
    throw new UsageError(
      'no term lists: give --terms, "terms" in the config, or see docs/terms.md for the other sources',
    );

  let text: string;
  let name: string;
  if (options.input === '-') {
    text = await readInput(io, { fromTerminal: true });
    name = '<stdin>';
  } else {
    const file = resolve(io.cwd, options.input);
    text = await readSource(file, 'input');
    name = basename(file);
  }

  // The terms that match are made, not the list: a compiled set from the cache stays cheap.
  const policy = createTermPolicy();
  const found = loaded.matcher.match(text);
  const places = locate(text, found);
  const matches: TermCheckMatch[] = found.map((match, i) => ({
    line: places[i]!.line,
    column: places[i]!.column,
    termId: match.term.id,
    ...(match.term.onlyIn ? { onlyIn: match.term.onlyIn } : {}),
    verdict: policy(match.term, now, options.path ?? ''),
    why: explainMatch(text, match),
    ...(options.reveal ? { text: text.slice(match.start, match.end) } : {}),
  }));

  const blocking = matches.filter((match) => match.verdict.blocks).length;
  if (options.format === 'json') {
    await writeOutput(
      `${JSON.stringify({ input: name, terms: loaded.matcher.size, lists: loaded.sources.length, matches }, null, 2)}\n`,
      options.output,
      io,
    );
  } else {
    const lines = matches.map(
      (match) =>
        `${name}:${match.line}:${match.column}  term:${match.termId}  ${describeVerdict(match.verdict, options.path, match.onlyIn)}\n` +
        `    why: ${match.why.join(', ')}\n${match.text !== undefined ? `    text: ${JSON.stringify(match.text)}\n` : ''}`,
    );
    const summary =
      matches.length === 0
        ? `No term matches (${loaded.matcher.size} terms from ${loaded.sources.length} lists).\n`
        : `${matches.length} match${matches.length === 1 ? '' : 'es'}, ${blocking} blocking (${loaded.matcher.size} terms from ${loaded.sources.length} lists).\n`;
    await writeOutput(lines.join('') + summary, options.output, io);
  }
  return blocking > 0 ? 1 : 0;
}
