import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** File names searched for, in each directory from the start upwards. */
export const CONFIG_FILE_NAMES = ['tightlip.config.json', '.tightliprc.json'] as const;

/** The text of a config file; undefined when there is none. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(file, `cannot read: ${(error as Error).message}`);
  }
}

/** The nearest config file at or above `start`, or undefined. Two names in one directory is an error. */
export async function findConfigFile(start: string): Promise<string | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const present: string[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      if ((await readIfExists(join(dir, name))) !== undefined) present.push(join(dir, name));
    }
    if (present.length > 1)
      throw new ConfigError(present[0]!, `found both ${present.join(' and ')}; keep one`);
    if (present[0]) return present[0];
    if (dirname(dir) === dir) return undefined;
  }
}
