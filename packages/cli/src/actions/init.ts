import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAMES } from '../config/find.js';
import { CONFIG_SCHEMA_PATH } from '../config/validate.js';
import { UsageError } from '../errors.js';

/** Writes a starter `tightlip.config.json` into `dir`; refuses to overwrite any config there. */
export async function initConfig(dir: string): Promise<string> {
  for (const name of CONFIG_FILE_NAMES) {
    if (existsSync(join(dir, name))) throw new UsageError(`${join(dir, name)} already exists`);
  }
  // Point at the schema of the tightlip installed in this project when it is one; a path out
  // of the project would only be true on this machine, so use where npm installs it.
  const schema = relative(dir, fileURLToPath(CONFIG_SCHEMA_PATH)).split(sep).join('/');
  const config = {
    $schema: schema.startsWith('..')
      ? './node_modules/@tightlip/cli/schema/tightlip.config.schema.json'
      : `./${schema}`,
    extends: 'tightlip:recommended',
    terms: [],
    allow: { paths: [], values: [], stopwords: [] },
    rules: {},
  };
  const file = join(dir, CONFIG_FILE_NAMES[0]);
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
