import { describe, expect } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from '@tightlip/fixtures/vitest';
import { termCacheDir } from './term-cache.js';
import { loadTerms } from './term-sources.js';

describe('the term list cache (D26)', () => {
  it('keeps a list compiled once, private to the user, and ignores a damaged entry', async ({
    temp,
  }) => {
    const env = { XDG_CACHE_HOME: temp.path('cache'), HOME: temp.path('home') };
    temp.write('names.txt', 'Mythos\nProject Halcyon\n');
    const load = () => loadTerms({ cwd: temp.dir, env, configTerms: [], termFiles: ['names.txt'] });
    const first = await load();
    const dir = termCacheDir(env)!;
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    const second = await load();
    expect(second.terms).toEqual(first.terms);
    // A damaged file is compiled again, not trusted.
    writeFileSync(join(dir, files[0]!), '{"terms": 3}');
    expect((await load()).terms).toEqual(first.terms);
    // A changed list is another key.
    temp.write('names.txt', 'Osprey\n');
    expect((await load()).terms.map((t) => t.id)).toEqual(['names.txt:1']);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('never writes a list from the environment, and can be turned off', async ({ temp }) => {
    const env = { XDG_CACHE_HOME: temp.path('cache'), TIGHTLIP_TERMS: 'Mythos\n' };
    await loadTerms({ cwd: temp.dir, env, configTerms: [], termFiles: [] });
    expect(() => readdirSync(termCacheDir(env)!)).toThrow();
    temp.write('names.txt', 'Mythos\n');
    const off = { XDG_CACHE_HOME: temp.path('cache'), TIGHTLIP_CACHE: '0' };
    await loadTerms({ cwd: temp.dir, env: off, configTerms: [], termFiles: ['names.txt'] });
    expect(termCacheDir(off)).toBeUndefined();
    expect(() => readFileSync(temp.path('cache'))).toThrow();
  });
});
