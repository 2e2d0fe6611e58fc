import { readFileSync } from 'node:fs';
import { packageFile } from './package-files.js';

/** This package's version, read once from its package.json (the published bundle's is `tightlip`'s). */
export const VERSION: string = (
  JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }
).version;

export const TOOL = { name: 'tightlip', version: VERSION } as const;
