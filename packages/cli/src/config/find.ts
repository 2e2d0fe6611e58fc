import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** File names searched for, in each directory from the start upwards. */
export const CONFIG_FILE_NAMES = ['tightlip.config.json', '.tightliprc.json'] as const;

/** Largest config file read: a config is small; a device or a huge file given by mistake is an error, not a hang. */
const MAX_CONFIG_SIZE = 16 * 1024 * 1024;

/**
 * The text of a config file; undefined when there is none. Only a regular file is read
 * (opened without blocking): `extends` naming a FIFO or `/dev/zero` is an error, not a hang.
 */
export async function readIfExists(file: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (info.isDirectory()) throw new ConfigError(file, 'cannot read: is a directory');
    if (!info.isFile()) throw new ConfigError(file, 'cannot read: not a regular file');
    if (info.size > MAX_CONFIG_SIZE)
      throw new ConfigError(file, `cannot read: larger than ${MAX_CONFIG_SIZE} bytes`);
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(file, `cannot read: ${code ?? (error as Error).message}`);
  } finally {
    await handle?.close();
  }
}

/** The nearest config file at or above `start` with its text, or undefined. Two names in one directory is an error. */
export async function findConfig(
  start: string,
): Promise<{ file: string; text: string } | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const present: { file: string; text: string }[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      const text = await readIfExists(join(dir, name));
      if (text !== undefined) present.push({ file: join(dir, name), text });
    }
    if (present.length > 1)
      throw new ConfigError(
        present[0]!.file,
        `found both ${present.map(({ file }) => file).join(' and ')}; keep one`,
      );
    if (present[0]) return present[0];
    if (dirname(dir) === dir) return undefined;
  }
}

/** The nearest config file at or above `start`, or undefined (see `findConfig`). */
export async function findConfigFile(start: string): Promise<string | undefined> {
  return (await findConfig(start))?.file;
}
