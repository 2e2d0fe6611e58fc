import { lintTerms } from '@tightlip/core';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { textOrJson, writeOutput } from '../report/emit.js';
import type { Format } from '../report/formats.js';
import { loadTerms } from '../term-sources.js';
import { judgementTime } from './terms-check.js';

export interface LintTermListsOptions {
  /** Lists to lint; every configured list when empty. */
  lists: readonly string[];
  config?: string;
  keyFiles: readonly string[];
  date?: string;
  format: Format;
  /** `--output`: write there instead of stdout. */
  output?: string;
  io: Io;
}

/** `tightlip terms lint`: prints problems by term id (never a term); exit 1 when there is a warning or error. */
export async function lintTermLists(options: LintTermListsOptions): Promise<number> {
  const { io } = options;
  textOrJson(options.format, 'terms lint');
  const now = judgementTime(options.date);
  const given = options.lists.length > 0;
  const config = given
    ? undefined
    : await loadConfig({ explicit: options.config, searchFrom: [io.cwd], cwd: io.cwd });
  const loaded = await loadTerms({
    cwd: io.cwd,
    env: io.env,
    configTerms: config?.terms ?? [],
    termFiles: options.lists,
    keyFiles: options.keyFiles,
    onlyGiven: given,
  });
  if (loaded.sources.length === 0)
    throw new UsageError('no term lists to lint: name them, or configure some (see docs/terms.md)');
  const issues = lintTerms(loaded.terms, { now, keys: loaded.keys });
  if (options.format === 'json') {
    await writeOutput(
      `${JSON.stringify({ lists: loaded.sources.map((source) => source.name), terms: loaded.terms.length, issues }, null, 2)}\n`,
      options.output,
      io,
    );
  } else {
    const lines = issues.map(
      (issue) => `${issue.source}: ${issue.level}: ${issue.termId} ${issue.message}\n`,
    );
    const problems = issues.filter((issue) => issue.level !== 'info').length;
    lines.push(
      problems === 0
        ? `No problems in ${loaded.terms.length} terms from ${loaded.sources.length} lists.\n`
        : `${problems} problem${problems === 1 ? '' : 's'} in ${loaded.terms.length} terms from ${loaded.sources.length} lists.\n`,
    );
    await writeOutput(lines.join(''), options.output, io);
  }
  return issues.some((issue) => issue.level !== 'info') ? 1 : 0;
}
