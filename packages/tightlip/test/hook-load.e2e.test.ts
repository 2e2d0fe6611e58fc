import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What a hook compiles before git starts. A pre-commit's git diff runs while the engine
// and the rule catalog (most of the bundle a hook loads) compile, only if the code that
// starts git does not import them: bin.js's static imports, then the chunk of the git
// sources, must stay clear of the catalog.

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The files `file` imports statically, and theirs: the chunks loaded before its code runs. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(DIST, file), 'utf8');
  // Minified: `import{a as b}from"./chunk-X.js"` and `import"./chunk-Y.js"`; import() is not static.
  for (const [, imported] of text.matchAll(/\bimport\s*(?:[\w${},\s*]*?from\s*)?"\.\/([^"]+)"/g))
    staticClosure(imported!, seen);
  return seen;
}

/** The catalog's definitions, or the module that reads it as data (dist/catalog.jsonl). */
const holdsCatalog = (file: string) => {
  const text = readFileSync(join(DIST, file), 'utf8');
  return text.includes('sendgrid-api-key') || text.includes('catalog.jsonl');
};

describe('the bundle a hook loads', () => {
  it('compiles no rule catalog before it starts git', () => {
    const gitChunk = readdirSync(DIST).find((file) => /^git-scan-\w+\.js$/.test(file));
    expect(gitChunk).toBeDefined();
    for (const entry of ['bin.js', gitChunk!]) {
      const closure = [...staticClosure(entry)];
      expect(closure.length, entry).toBeGreaterThan(1);
      expect(closure.filter(holdsCatalog), entry).toEqual([]);
    }
    // The catalog is in the bundle: the scan loads it.
    expect(
      readdirSync(DIST)
        .filter((file) => file.endsWith('.js'))
        .some(holdsCatalog),
    ).toBe(true);
  });
});
