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
import { crypto } from '../builtins.js';
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
  return crypto().randomBytes(16).toString('hex');
}

/**
 * The cost of scrypt for the hashes of guessable secrets in a version 2 baseline: 16 MiB
 * and some 50 ms a hash here. A dictionary run against the file costs that per guess,
 * instead of one HMAC (the review recovered a 12-character password at 350k guesses a
 * second); a scan pays it once per finding of such a secret.
 */
export const SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/**
 * A finding's baseline entry, for findings (which must carry `secretHash`) whose path is
 * relative to `root`, against `baseline` (its version and salt). Paths are relative to the
 * baseline file, whatever directory was scanned, and masked as reports mask them
 * (`engine.redactName`): the file is committed, and a path can hold a secret or a term. In
 * a version 2 baseline, the hash of a secret that could be guessed (`secretHashSlow`) is
 * stretched with scrypt under the baseline's salt.
 */
export function createBaselineKeyer(
  baseline: Pick<Baseline, 'version' | 'salt'>,
  root: string,
  baselineFile: string,
  engine: Pick<Engine, 'redactName'>,
): (finding: Finding) => BaselineEntry {
  const stretched = new Map<string, string>();
  const stretch = (hash: string): string => {
    let slow = stretched.get(hash);
    if (slow === undefined) {
      slow = crypto()
        .scryptSync(hash, `tightlip-baseline\0${baseline.salt}`, 16, SCRYPT)
        .toString('hex');
      stretched.set(hash, slow);
    }
    return slow;
  };
  return (finding) => {
    const hash = finding.secretHash ?? '';
    return {
      rule: finding.ruleId,
      path: toPosix(relative(dirname(baselineFile), join(root, engine.redactName(finding.path)))),
      hash: baseline.version >= 2 && finding.secretHashSlow ? stretch(hash) : hash,
    };
  };
}
