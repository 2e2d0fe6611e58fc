import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAMES } from '../config/find.js';
import { CONFIG_SCHEMA_PATH } from '../config/validate.js';
import { UsageError } from '../errors.js';

/** Where package managers install tightlip's config schema in a project. */
const INSTALLED_SCHEMA = 'node_modules/tightlip/schema/tightlip.config.schema.json';

/**
 * The `$schema` of a config written into `dir`, relative to it, so that it resolves for
 * everyone working on the project: tightlip's schema as the project installed it (in
 * `node_modules`, in `dir` or a directory above), else the schema of the tightlip running
 * now when it lies inside `dir` (a checkout of tightlip itself), else where npm would
 * install it.
 */
function schemaReference(dir: string): string {
  let prefix = './';
  for (let up = dir; dirname(up) !== up; up = dirname(up)) {
    if (existsSync(join(up, INSTALLED_SCHEMA))) return `${prefix}${INSTALLED_SCHEMA}`;
    prefix = prefix === './' ? '../' : `../${prefix}`;
  }
  const own = relative(dir, fileURLToPath(CONFIG_SCHEMA_PATH)).split(sep).join('/');
  return own.startsWith('..') ? `./${INSTALLED_SCHEMA}` : `./${own}`;
}

/** Writes a starter `tightlip.config.json` into `dir`; refuses to overwrite any config there. */
export async function initConfig(dir: string): Promise<string> {
  for (const name of CONFIG_FILE_NAMES) {
    if (existsSync(join(dir, name))) throw new UsageError(`${join(dir, name)} already exists`);
  }
  const config = {
    $schema: schemaReference(dir),
    extends: 'tightlip:recommended',
    terms: [],
    allow: { paths: [], values: [], stopwords: [] },
    rules: {},
  };
  const file = join(dir, CONFIG_FILE_NAMES[0]);
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
