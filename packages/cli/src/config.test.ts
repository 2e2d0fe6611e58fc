import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '@tightlip/fixtures';
import { loadConfig, parseConfig } from './config.js';

let temp: TempDir;
afterEach(() => temp?.remove());

describe('loadConfig', () => {
  it('finds the nearest config walking up from a nested directory, resolving paths against it', async () => {
    temp = createTempDir();
    temp.write('tightlip.config.json', JSON.stringify({ terms: ['lists/names.txt'], allow: { paths: ['fixtures/**'] } }));
    temp.write('a/b/c/file.txt', 'x');
    const config = await loadConfig({ searchFrom: [temp.path('a', 'b', 'c')], cwd: temp.dir });
    expect(config).toEqual({
      file: temp.path('tightlip.config.json'),
      dir: temp.dir,
      terms: [temp.path('lists', 'names.txt')],
      allowPaths: ['fixtures/**'],
    });
  });

  it('also accepts .tightliprc.json, and prefers the nearer file', async () => {
    temp = createTempDir();
    temp.write('tightlip.config.json', '{}');
    temp.write('inner/.tightliprc.json', '{"terms": ["x.txt"]}');
    expect((await loadConfig({ searchFrom: [temp.path('inner')], cwd: temp.dir })).file).toBe(temp.path('inner', '.tightliprc.json'));
  });

  it('returns the defaults when there is no config', async () => {
    temp = createTempDir();
    const config = await loadConfig({ searchFrom: [temp.dir], cwd: temp.dir });
    expect(config).toEqual({ dir: temp.dir, terms: [], allowPaths: [] });
  });

  it('errors on two config files in one directory', async () => {
    temp = createTempDir();
    temp.write('tightlip.config.json', '{}');
    temp.write('.tightliprc.json', '{}');
    await expect(loadConfig({ searchFrom: [temp.dir], cwd: temp.dir })).rejects.toThrow(/keep one/);
  });

  it('errors on a missing explicit --config', async () => {
    temp = createTempDir();
    await expect(loadConfig({ explicit: 'nope.json', searchFrom: [temp.dir], cwd: temp.dir })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('nope.json: no such file'),
    });
  });
});

describe('parseConfig', () => {
  it.each([
    ['{', /not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"term": []}', /\(term\): unknown key/],
    ['{"terms": "a.txt"}', /\(terms\): must be an array/],
    ['{"terms": ["ok", 3]}', /\(terms\[1\]\): must be a non-empty string/],
    ['{"allow": []}', /\(allow\): must be an object/],
    ['{"allow": {"path": []}}', /\(allow\.path\): unknown key/],
    ['{"allow": {"paths": [""]}}', /\(allow\.paths\[0\]\): must be a non-empty string/],
    ['{"$schema": 1}', /\(\$schema\): must be a string/],
  ])('rejects %s', (text, message) => {
    expect(() => parseConfig('/repo/tightlip.config.json', text)).toThrowError(message);
  });

  it('names the file in every error', () => {
    expect(() => parseConfig('/repo/tightlip.config.json', '{"x":1}')).toThrowError(/^\/repo\/tightlip\.config\.json \(x\)/);
  });
});
