import { readFileSync } from 'node:fs';

/** This package's version, read once from its package.json (same place from src and dist). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export const TOOL = { name: 'tightlip', version: VERSION } as const;
