import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import {
  parseBaseline,
  type Baseline,
  type BaselineEntry,
  type Engine,
  type Finding,
} from '@tightlip/core';
import type { Config } from '../config/types.js';
import { ConfigError } from '../errors.js';
import { toPosix } from '../paths.js';

/** Where a baseline is looked for when neither `--baseline` nor the config names one: beside the config. */
export const DEFAULT_BASELINE_FILE = '.tightlip-baseline.jsonl';

/** The baseline file a scan uses: `--baseline` (relative to `cwd`), the config's, or the default beside the config. */
export function baselineFileOf(config: Config, option: string | undefined, cwd: string): string {
  return option !== undefined
    ? resolve(cwd, option)
    : (config.baseline ?? join(config.dir, DEFAULT_BASELINE_FILE));
}

/** Whether a scan filters with a baseline: one was named, or the default file exists. */
export function usesBaseline(config: Config, option: string | undefined): boolean {
  return (
    option !== undefined ||
    config.baseline !== undefined ||
    existsSync(join(config.dir, DEFAULT_BASELINE_FILE))
  );
}

/**
 * The baseline in `file`; undefined when there is none yet (nothing is accepted: that
 * reports more, never less). A baseline that exists but cannot be read or parsed is an
 * error, because ignoring it would report what the team accepted as if it were new.
 */
export async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(file, `cannot read baseline: ${(error as Error).message}`);
  }
  return parseBaseline(text, file);
}

/** A fresh random salt for a new baseline. */
export function newBaselineSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The baseline entry of a finding (which must carry `secretHash`) whose path is relative to
 * `root`. Baseline paths are relative to the baseline file, whatever directory was scanned,
 * and masked as reports mask them (`engine.redactName`): the file is committed, and a
 * path can hold a secret or a term.
 */
export function baselineEntryOf(
  finding: Finding,
  root: string,
  baselineFile: string,
  engine: Pick<Engine, 'redactName'>,
): BaselineEntry {
  return {
    rule: finding.ruleId,
    path: toPosix(relative(dirname(baselineFile), join(root, engine.redactName(finding.path)))),
    hash: finding.secretHash ?? '',
  };
}
