import { describe, expect } from 'vitest';
import type { TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { createEngine, hashTermList, keyIdOf, parseTermList, termKeyBytes } from '@tightlip/core';
import { loadTerms, userTermsDir } from './term-sources.js';

const KEY = 'a1'.repeat(20);
const hashed = (json: unknown, key = KEY) =>
  hashTermList(parseTermList(JSON.stringify(json), { source: 'l.json' }), termKeyBytes(key, 'k'));
const load = (temp: TempDir, extra: Partial<Parameters<typeof loadTerms>[0]> = {}) =>
  loadTerms({
    cwd: temp.dir,
    env: { HOME: temp.path('home') },
    configTerms: [],
    termFiles: [],
    ...extra,
  });
const ids = async (temp: TempDir, extra: Partial<Parameters<typeof loadTerms>[0]> = {}) =>
  (await load(temp, extra)).terms.map((t) => t.id);

describe('loadTerms', () => {
  it('reads lists from the config and --terms, relative to the current directory', async ({
    temp,
  }) => {
    temp.write('sec/a.txt', 'Mythos\n');
    temp.write('b.txt', '# x\nHalcyon\n');
    expect(
      await ids(temp, { configTerms: [temp.path('sec/a.txt')], termFiles: ['b.txt'] }),
    ).toEqual(['a.txt:1', 'b.txt:2']);
  });

  it('loads the built-in tightlip:markers list by name, from the config or --terms; an unknown name is an error', async ({
    temp,
  }) => {
    const loaded = await load(temp, {
      configTerms: ['tightlip:markers'],
      termFiles: ['tightlip:markers'],
    });
    expect(loaded.files).toEqual([]);
    expect(loaded.sources).toEqual([{ kind: 'config', name: 'tightlip:markers', terms: 7 }]);
    const engine = createEngine({ terms: loaded.terms });
    const text =
      'CONFIDENTIAL\nDo-Not-Distribute\nEmbargoed until 2027-01-01\nFOR_INTERNAL_USE_ONLY\nInternalOnly\nconfidentiality\n';
    expect(
      engine.scan({ subject: 'content', path: 'a.md', text }).map((f) => [f.line, f.ruleId]),
    ).toEqual([
      [1, 'term:marker-classified'],
      [2, 'term:marker-handling-restriction'],
      [3, 'term:marker-release-hold'],
      [4, 'term:marker-in-house'],
      [5, 'term:marker-in-house'],
    ]);
    await expect(load(temp, { termFiles: ['tightlip:secrets'] })).rejects.toThrow(
      'no built-in term list tightlip:secrets; built-in lists: tightlip:markers',
    );
  });

  it('reads every list and key in the per-user directory', async ({ temp }) => {
    const env = { XDG_CONFIG_HOME: temp.path('cfg') };
    expect(userTermsDir(env)).toBe(temp.path('cfg', 'tightlip', 'terms'));
    temp.write(
      'cfg/tightlip/terms/org.json',
      hashed({ version: 1, terms: [{ id: 'ORG-1', term: 'Mythos' }] }),
    );
    temp.write('cfg/tightlip/terms/org.key', `${KEY}\n`);
    temp.write('cfg/tightlip/terms/extra.txt', 'Halcyon\n');
    temp.write('cfg/tightlip/terms/README.md', 'not a list');
    const loaded = await load(temp, { env });
    expect(loaded.terms.map((t) => t.id)).toEqual(['extra.txt:1', 'ORG-1']);
    expect([...loaded.keys.keys()]).toEqual([keyIdOf(termKeyBytes(KEY, 'k'))]);
    expect(loaded.sources.map((s) => s.kind)).toEqual(['user', 'user']);
  });

  it('falls back to ~/.config and %APPDATA% for the per-user directory', () => {
    expect(userTermsDir({ HOME: '/h' }, 'linux')).toBe('/h/.config/tightlip/terms');
    expect(userTermsDir({ APPDATA: 'C:/Users/x/AppData/Roaming', HOME: '/h' }, 'win32')).toMatch(
      /AppData.Roaming.tightlip.terms$/,
    );
    expect(userTermsDir({})).toBeUndefined();
  });

  it('reads lists from TIGHTLIP_TERMS_FILE paths and inline from TIGHTLIP_TERMS, keys from the environment', async ({
    temp,
  }) => {
    temp.write('ci/one.txt', 'Mythos\n');
    temp.write('ci/two.txt', 'Osprey\n');
    temp.write('ci.key', KEY);
    const env = {
      TIGHTLIP_TERMS_FILE: ['ci/one.txt', 'ci/two.txt'].join(
        process.platform === 'win32' ? ';' : ':',
      ),
      TIGHTLIP_TERMS: hashed({ version: 1, terms: [{ id: 'CI-1', term: 'Halcyon' }] }),
      TIGHTLIP_TERMS_KEY_FILE: 'ci.key',
    };
    const loaded = await load(temp, { env });
    expect(loaded.terms.map((t) => t.id)).toEqual(['one.txt:1', 'two.txt:1', 'CI-1']);
    expect(loaded.sources.map((s) => [s.kind, s.terms])).toEqual([
      ['env', 1],
      ['env', 1],
      ['env', 1],
    ]);
    expect(loaded.files).toEqual([temp.path('ci/one.txt'), temp.path('ci/two.txt')]);
    expect(
      (
        await load(temp, {
          env: { ...env, TIGHTLIP_TERMS_KEY_FILE: undefined, TIGHTLIP_TERMS_KEY: KEY },
        })
      ).terms,
    ).toHaveLength(3);
  });

  it('only loads the given lists when asked, still finding keys everywhere', async ({ temp }) => {
    temp.write('a.json', hashed({ version: 1, terms: [{ id: 'A', term: 'Mythos' }] }));
    temp.write('home/.config/tightlip/terms/user.txt', 'Halcyon\n');
    temp.write('home/.config/tightlip/terms/k.key', KEY);
    expect(await ids(temp, { termFiles: ['a.json'], onlyGiven: true })).toEqual(['A']);
    expect(await ids(temp, { termFiles: ['a.json'] })).toEqual(['A', 'user.txt:1']);
  });

  it('merges the same term from two lists, and refuses one id defined differently', async ({
    temp,
  }) => {
    temp.write('a.json', JSON.stringify({ version: 1, terms: [{ id: 'CN-1', term: 'Mythos' }] }));
    temp.write('b.json', JSON.stringify({ version: 1, terms: [{ id: 'CN-1', term: 'Mythos' }] }));
    temp.write('c.json', JSON.stringify({ version: 1, terms: [{ id: 'CN-1', term: 'Halcyon' }] }));
    expect(await ids(temp, { termFiles: ['a.json', 'b.json'] })).toEqual(['CN-1']);
    await expect(load(temp, { termFiles: ['a.json', 'c.json'] })).rejects.toThrow(
      /c\.json: term id CN-1 is also defined, differently, by a\.json#CN-1/,
    );
  });

  it('fails closed: an unreadable list, a hashed list without its key, a short key', async ({
    temp,
  }) => {
    await expect(load(temp, { termFiles: ['missing.txt'] })).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
    });
    temp.write('h.json', hashed({ version: 1, terms: [{ id: 'A', term: 'Mythos' }] }));
    await expect(load(temp, { termFiles: ['h.json'] })).rejects.toThrow(
      /h\.json: is hashed with key [0-9a-f]{16}, which was not found: set TIGHTLIP_TERMS_KEY/,
    );
    await expect(
      load(temp, { termFiles: ['h.json'], env: { TIGHTLIP_TERMS_KEY: 'b2'.repeat(20) } }),
    ).rejects.toThrow(/which was not found/);
    await expect(load(temp, { env: { TIGHTLIP_TERMS_KEY: 'short' } })).rejects.toThrow(
      /TIGHTLIP_TERMS_KEY: key is shorter than 32 characters/,
    );
  });
});
