import { afterEach, describe, expect, vi } from 'vitest';
import {
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  createFake,
  createTermMatcher,
  hashTermList,
  loadTermSet,
  parseTermList,
  TERM_SET_FORMAT,
  termKeyBytes,
} from '@tightlip/core';
import type { TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { createHash } from 'node:crypto';
import { cacheKey, SETTLED_MS, termCacheDir } from './term-cache.js';
import { VERSION } from './version.js';
import { loadTerms } from './term-sources.js';

const TEXT = 'the mythos of Project-Halcyon, projecthalcyons and Osprey';
const LIST = 'Mythos\nProject Halcyon\n';

const setup = (temp: TempDir, extra: Record<string, string> = {}) => {
  const env = { XDG_CACHE_HOME: temp.path('cache'), HOME: temp.path('home'), ...extra };
  const load = () => loadTerms({ cwd: temp.dir, env, configTerms: [], termFiles: ['names.txt'] });
  const dir = termCacheDir(env)!;
  const setFiles = () => readdirSync(dir).filter((name) => name.endsWith('.set'));
  return { env, load, dir, setFiles };
};

/** `[id, start, end]` of each match of `TEXT`. */
const matches = async (loaded: Promise<Awaited<ReturnType<typeof loadTerms>>>) =>
  (await loaded).matcher.match(TEXT).map((m) => [m.term.id, m.start, m.end]);

describe('the term list cache (D26)', () => {
  it('keys small inputs (core SHA-256) as large ones (node:crypto): SHA-256 of format, version and parts', () => {
    const expected = (...parts: (string | Uint8Array)[]) => {
      const hash = createHash('sha256').update(`tightlip-term-cache\0${1}\0${VERSION}`);
      for (const part of parts) hash.update('\0').update(part);
      return hash.digest('hex');
    };
    const key = Uint8Array.from([0, 1, 255, 128]);
    const small = ['stamp', 'naïve-names.txt', key] as const;
    const large = ['names.txt', 'Ünicode term\n'.repeat(10_000), key] as const;
    expect(cacheKey(...small)).toBe(expected(...small));
    expect(cacheKey(...large)).toBe(expected(...large));
  });

  it('keeps the lists compiled once, private to the user, and loads the compiled set', async ({
    temp,
  }) => {
    temp.write('names.txt', LIST);
    const { load, dir, setFiles } = setup(temp);
    const first = await load();
    const expected = createTermMatcher(first.terms)
      .match(TEXT)
      .map((m) => [m.term.id, m.start, m.end]);
    expect(expected).toHaveLength(3);
    const files = readdirSync(dir);
    expect(files.map((name) => name.replace(/^[0-9a-f]{64}/, 'KEY')).sort()).toEqual([
      'KEY.json',
      'KEY.set',
    ]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of files) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    // The second run loads the set: the parsed list is not even read again.
    for (const file of files.filter((name) => name.endsWith('.json'))) rmSync(join(dir, file));
    const second = await load();
    expect(readdirSync(dir)).toEqual(setFiles());
    expect(await matches(Promise.resolve(second))).toEqual(expected);
    expect(second.terms).toEqual(first.terms);
    expect(second.sources).toEqual(first.sources);
    expect(second.listTerms.get(temp.path('names.txt'))?.has('term:names.txt:2')).toBe(true);
    expect(second.listTerms.get(temp.path('names.txt'))?.has('term:names.txt:3')).toBe(false);
    // Its checksums, by node:zlib's CRC-32, are core's own: the set loads without the CLI.
    const file = readFileSync(join(dir, setFiles()[0]!));
    const set = loadTermSet(new Uint8Array(file.subarray(12 + ((file.readUInt32LE(8) + 3) & ~3))));
    expect(set.match(TEXT).map((m) => [m.term.id, m.start, m.end])).toEqual(expected);
  });

  it('rebuilds a damaged, truncated or foreign set, never trusting it', async ({ temp }) => {
    temp.write('names.txt', LIST);
    const { load, dir, setFiles } = setup(temp);
    const expected = await matches(load());
    const file = join(dir, setFiles()[0]!);
    const good = readFileSync(file);
    const damages = [
      good.subarray(0, good.length >> 1),
      good.subarray(0, 5),
      Buffer.from('not a set'),
      Buffer.alloc(good.length),
      // A set of the previous format under this key: refused, not read.
      (() => {
        const old = Buffer.from(good);
        const setStart = 12 + ((old.readUInt32LE(8) + 3) & ~3);
        old.writeInt32LE(TERM_SET_FORMAT - 1, setStart + 4);
        return old;
      })(),
      // One byte changed, anywhere: the checksum no longer holds.
      ...[9, 40, good.length >> 1, good.length - 1].map((at) => {
        const bad = Buffer.from(good);
        bad[at] = bad[at]! ^ 0x55;
        return bad;
      }),
    ];
    for (const damaged of damages) {
      writeFileSync(file, damaged);
      expect(await matches(load())).toEqual(expected);
      expect(readFileSync(file).equals(good)).toBe(true);
    }
  });

  it('reads a large set block by block, and repairs a block found damaged later', async ({
    temp,
  }) => {
    const fake = createFake(11);
    const many = Array.from({ length: 3000 }, (_, i) => `${fake.upper(6)} ${i}`).join('\n');
    temp.write('names.txt', `${LIST}${many}\n`);
    const { load, dir, setFiles } = setup(temp);
    const first = await load();
    const expected = await matches(Promise.resolve(first));
    const file = join(dir, setFiles()[0]!);
    const good = readFileSync(file);
    expect(good.length).toBeGreaterThan(4 * 16 * 1024);
    const damaged = Buffer.from(good);
    damaged[good.length >> 2] = damaged[good.length >> 2]! ^ 0x55;
    writeFileSync(file, damaged);
    const second = await load();
    expect(await matches(Promise.resolve(second))).toEqual(expected);
    // Making every term reads every block of terms: the damaged one is compiled again.
    expect(second.terms).toEqual(first.terms);
    expect(readFileSync(file).equals(good)).toBe(true);
  });

  it('is keyed by the content of the lists and by the keys', async ({ temp }) => {
    temp.write('names.txt', LIST);
    const { load, setFiles, env } = setup(temp);
    await load();
    temp.write('names.txt', 'Osprey\n');
    expect(await matches(load())).toEqual([['names.txt:1', 51, 57]]);
    expect(setFiles()).toHaveLength(2);
    // A list of the same content under another name is another set (ids follow the name).
    temp.write('other.txt', 'Osprey\n');
    const other = await loadTerms({
      cwd: temp.dir,
      env,
      configTerms: [],
      termFiles: ['other.txt'],
    });
    expect(other.matcher.match(TEXT).map((m) => m.term.id)).toEqual(['other.txt:1']);
    expect(setFiles()).toHaveLength(3);
    // Another key (used by no list) is still another set.
    await loadTerms({
      cwd: temp.dir,
      env: { ...env, TIGHTLIP_TERMS_KEY: createFake(3).hex(64) },
      configTerms: [],
      termFiles: ['other.txt'],
    });
    expect(setFiles()).toHaveLength(4);
  });

  it('holds no term of a hashed list in clear', async ({ temp }) => {
    const key = createFake(31).hex(64);
    temp.write(
      'names.txt',
      hashTermList(parseTermList(LIST, { source: 'names.txt' }), termKeyBytes(key, 'k')),
    );
    const { load, dir, setFiles } = setup(temp, { TIGHTLIP_TERMS_KEY: key });
    const expected = await matches(load());
    expect(expected.map(([id]) => id)).toEqual(['names.txt:1', 'names.txt:2', 'names.txt:2']);
    expect(setFiles()).toHaveLength(1);
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, name));
      for (const word of ['mythos', 'halcyon'])
        for (const encoding of ['utf8', 'utf16le'] as const)
          expect(bytes.includes(Buffer.from(word, encoding))).toBe(false);
    }
    expect(await matches(load())).toEqual(expected);
    // Without its key, a cached set is no way around the error.
    const { load: keyless } = setup(temp);
    await expect(keyless()).rejects.toThrow(/hashed with key/);
  });

  it('keeps refusing an empty list once its set is cached', async ({ temp }) => {
    temp.write('names.txt', '# nothing yet\n');
    const allowed = setup(temp, { TIGHTLIP_TERMS_ALLOW_EMPTY: '1' });
    expect((await allowed.load()).matcher.size).toBe(0);
    expect(allowed.setFiles()).toHaveLength(1);
    await expect(setup(temp).load()).rejects.toThrow(/holds no terms/);
  });

  it('keeps nothing for a scan without lists', async ({ temp }) => {
    const env = { XDG_CACHE_HOME: temp.path('cache') };
    const loaded = await loadTerms({ cwd: temp.dir, env, configTerms: [], termFiles: [] });
    expect(loaded.matcher.size).toBe(0);
    expect(() => readdirSync(termCacheDir(env)!)).toThrow();
  });

  it('never writes a list from the environment, and can be turned off', async ({ temp }) => {
    const env = { XDG_CACHE_HOME: temp.path('cache'), TIGHTLIP_TERMS: 'Mythos\n' };
    temp.write('names.txt', LIST);
    const loaded = await loadTerms({ cwd: temp.dir, env, configTerms: [], termFiles: [] });
    expect(loaded.matcher.match(TEXT).map((m) => m.term.id)).toEqual(['TIGHTLIP_TERMS:1']);
    expect(() => readdirSync(termCacheDir(env)!)).toThrow();
    // With a file list beside it, only the file's parsed list is kept: no set holds both.
    await loadTerms({ cwd: temp.dir, env, configTerms: [], termFiles: ['names.txt'] });
    expect(readdirSync(termCacheDir(env)!).every((name) => name.endsWith('.json'))).toBe(true);
    const off = { XDG_CACHE_HOME: temp.path('cache2'), TIGHTLIP_CACHE: '0' };
    await loadTerms({ cwd: temp.dir, env: off, configTerms: [], termFiles: ['names.txt'] });
    expect(termCacheDir(off)).toBeUndefined();
    expect(() => readFileSync(temp.path('cache2'))).toThrow();
  });

  describe('stamps: a warm run reads no list', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    /** Moves the clock past the time after which a list's stat may stand for its content. */
    const later = () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 2 * SETTLED_MS);
    };
    /** The stamps in the cache: the JSON files that record stats. */
    const stamps = (dir: string) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }))
        .filter(({ text }) => text.includes('"stats"'));

    it("takes the lists' digest from the stamp of settled lists, without reading them", async ({
      temp,
    }) => {
      temp.write('names.txt', 'Osprey\n');
      const { load, dir } = setup(temp);
      const osprey = await load();
      // Just written: its stat may not stand for its content yet.
      expect(stamps(dir)).toEqual([]);
      temp.write('names.txt', LIST);
      later();
      const expected = await matches(load());
      const [stamp] = stamps(dir);
      expect(stamp!.text).not.toMatch(/mythos|halcyon/i);
      expect(await matches(load())).toEqual(expected);
      // It is what a warm run goes by: pointed at the set of the list's earlier content, it
      // loads that set (the list itself is not read).
      const recorded = JSON.parse(stamp!.text) as { identity: string };
      writeFileSync(stamp!.file, JSON.stringify({ ...recorded, identity: osprey.identity }));
      expect(await matches(load())).toEqual([['names.txt:1', 51, 57]]);
      // A damaged stamp, or one whose set is gone, is no stamp: the lists are read again.
      for (const damaged of ['not json', '{"stats":"x","identity":1}']) {
        writeFileSync(stamp!.file, damaged);
        expect(await matches(load())).toEqual(expected);
        expect(readFileSync(stamp!.file, 'utf8')).toBe(stamp!.text);
      }
      writeFileSync(stamp!.file, JSON.stringify({ ...recorded, identity: 'f'.repeat(64) }));
      expect(await matches(load())).toEqual(expected);
    });

    it('sees any change of a list, whatever its size and modification time', async ({ temp }) => {
      temp.write('names.txt', LIST);
      const { load, dir } = setup(temp);
      const uncached = () => matches(setup(temp, { TIGHTLIP_CACHE: '0' }).load());
      later();
      const before = await matches(load());
      expect(stamps(dir)).toHaveLength(1);
      const file = temp.path('names.txt');
      const { atime, mtime, size } = statSync(file);
      // Same size, written in place, its modification time put back.
      writeFileSync(file, 'Osprey\nProject Halcyon\n');
      utimesSync(file, atime, mtime);
      expect(statSync(file).size).toBe(size);
      const osprey = await uncached();
      expect(osprey).not.toEqual(before);
      expect(await matches(load())).toEqual(osprey);
      // Back again, same size and time, by a rename over it.
      writeFileSync(`${file}.new`, LIST);
      utimesSync(`${file}.new`, atime, mtime);
      renameSync(`${file}.new`, file);
      expect(await matches(load())).toEqual(before);
    });
  });
});
