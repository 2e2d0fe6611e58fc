import { basename, resolve } from 'node:path';
import { hashTermList, parseTermList, termKeyBytes } from '@tightlip/core';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { writeOutput } from '../report/emit.js';
import { KEY_ENV, KEY_FILE_ENV, readSource } from '../term-sources.js';

export interface HashListOptions {
  list: string;
  keyFile?: string;
  /** Write the hashed list here instead of stdout. */
  output?: string;
  io: Io;
}

/** The key for hashing: --key-file, else TIGHTLIP_TERMS_KEY, else TIGHTLIP_TERMS_KEY_FILE. */
async function hashingKey(options: HashListOptions): Promise<Uint8Array> {
  const { cwd, env } = options.io;
  if (options.keyFile !== undefined) {
    const file = resolve(cwd, options.keyFile);
    return termKeyBytes(await readSource(file, 'key file'), file);
  }
  if (env[KEY_ENV]) return termKeyBytes(env[KEY_ENV], KEY_ENV);
  if (env[KEY_FILE_ENV]) {
    const file = resolve(cwd, env[KEY_FILE_ENV]);
    return termKeyBytes(await readSource(file, 'key file'), file);
  }
  throw new UsageError(
    `give the secret key: --key-file <file>, ${KEY_ENV} or ${KEY_FILE_ENV} (make one with: openssl rand -hex 32)`,
  );
}

/** `tightlip terms hash`: writes the hashed form of a list; returns the exit code. */
export async function hashListFile(options: HashListOptions): Promise<number> {
  const file = resolve(options.io.cwd, options.list);
  const key = await hashingKey(options);
  const hashed = hashTermList(
    parseTermList(await readSource(file, 'term list'), { source: basename(file) }),
    key,
  );
  if (options.output !== undefined && resolve(options.io.cwd, options.output) === file) {
    throw new UsageError(
      '--output would overwrite the plaintext list; write the hashed list elsewhere',
    );
  }
  await writeOutput(hashed, options.output, options.io);
  return 0;
}
