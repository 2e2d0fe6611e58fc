import { execFileSync } from 'node:child_process';
import { describe, expect } from 'vitest';
import type { TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { loadConfig, readConfigFile, resolveRules } from './load.js';
import { validateConfig } from './validate.js';

const writeConfig = (temp: TempDir, content: unknown, file = 'tightlip.config.json') =>
  temp.write(file, typeof content === 'string' ? content : JSON.stringify(content));

describe('loadConfig: discovery', () => {
  it('finds the nearest config walking up from a nested directory, resolving paths against it', async ({
    temp,
  }) => {
    writeConfig(temp, {
      terms: ['lists/names.txt'],
      allow: { paths: ['fixtures/**'] },
      baseline: 'base.jsonl',
    });
    temp.write('a/b/c/file.txt', 'x');
    const config = await loadConfig({ searchFrom: [temp.path('a', 'b', 'c')], cwd: temp.dir });
    expect(config).toMatchObject({
      file: temp.path('tightlip.config.json'),
      dir: temp.dir,
      terms: [temp.path('lists', 'names.txt')],
      allowPaths: ['fixtures/**'],
      baseline: temp.path('base.jsonl'),
    });
  });

  it('searches the scan root first, then the current directory', async ({ temp }) => {
    writeConfig(temp, { failOn: 'high' }, 'cwd/tightlip.config.json');
    temp.write('elsewhere/x.txt', 'x');
    const config = await loadConfig({
      searchFrom: [temp.path('elsewhere'), temp.path('cwd')],
      cwd: temp.path('cwd'),
    });
    expect(config.failOn).toBe('high');
  });

  it('accepts .tightliprc.json and prefers the nearer file', async ({ temp }) => {
    writeConfig(temp, {});
    writeConfig(temp, { failOn: 'low' }, 'inner/.tightliprc.json');
    expect((await loadConfig({ searchFrom: [temp.path('inner')], cwd: temp.dir })).file).toBe(
      temp.path('inner', '.tightliprc.json'),
    );
  });

  it('returns the defaults when there is no config', async ({ temp }) => {
    const config = await loadConfig({ searchFrom: [temp.dir], cwd: temp.dir });
    expect(config).toEqual({
      dir: temp.dir,
      terms: [],
      allowPaths: [],
      allowValues: [],
      allowPatterns: [],
      stopwords: [],
      rules: {},
      customRules: [],
    });
  });

  it('errors on two config files in one directory', async ({ temp }) => {
    writeConfig(temp, {});
    writeConfig(temp, {}, '.tightliprc.json');
    await expect(loadConfig({ searchFrom: [temp.dir], cwd: temp.dir })).rejects.toThrow(/keep one/);
  });

  it('errors on a missing explicit --config', async ({ temp }) => {
    await expect(
      loadConfig({ explicit: 'nope.json', searchFrom: [temp.dir], cwd: temp.dir }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('nope.json: no such file'),
    });
  });
});

describe('validateConfig: every error names the file and the key path', () => {
  it.each([
    ['{', '', /not valid JSON/],
    ['[]', '(top level)', /must be a JSON object/],
    ['{"term": []}', 'term', /unknown key; expected one of \$schema, extends, rules/],
    [
      '{"allow": {"path": []}}',
      'allow.path',
      /unknown key; expected one of paths, values, patterns, stopwords/,
    ],
    ['{"terms": "a.txt"}', 'terms', /must be array/],
    ['{"terms": ["ok", 3]}', 'terms[1]', /must be string/],
    ['{"allow": {"paths": [""]}}', 'allow.paths[0]', /must not be empty/],
    ['{"allow": []}', 'allow', /must be object/],
    [
      '{"failOn": "severe"}',
      'failOn',
      /must be one of "info", "low", "medium", "high", "critical"/,
    ],
    ['{"rules": {"Github_PAT": "off"}}', 'rules.Github_PAT', /not a valid rule id/],
    ['{"rules": {"github-pat": "sometimes"}}', 'rules.github-pat', /wrong form/],
    ['{"rules": {"github-pat": {"enabled": "no"}}}', 'rules.github-pat', /wrong form/],
    [
      '{"customRules": [{"id": "x-y", "title": "X"}]}',
      'customRules[0]',
      /has the wrong form: A credential rule: an id and a title, and either `pattern` or `prefix` with `body`/,
    ],
    [
      '{"customRules": [{"id": "x-y", "title": "X", "pattern": "x", "keywords": ["ABC"]}]}',
      'customRules[0].keywords[0]',
      /must match pattern/,
    ],
    ['{"maxFileSize": 1.5}', 'maxFileSize', /must be integer/],
    ['{"inlineAllow": "yes"}', 'inlineAllow', /must be boolean/],
    ['{"$schema": 1}', '$schema', /must be string/],
    ['{"extends": 3}', 'extends', /wrong form/],
  ])('rejects %s at %s', async (text, keyPath, message) => {
    const error = await validateConfig('/repo/tightlip.config.json', text).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(message);
    expect(
      error?.message.startsWith(`/repo/tightlip.config.json${keyPath ? ` (${keyPath})` : ''}:`),
    ).toBe(true);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('accepts a full configuration', async () => {
    const raw = {
      $schema: './schema.json',
      extends: ['tightlip:recommended'],
      rules: {
        'github-pat': 'off',
        'aws-access-key-id': 'critical',
        'slack-bot-token': { enabled: true, severity: 'low' },
      },
      customRules: [
        {
          id: 'acme-key',
          title: 'ACME key',
          pattern: 'acme_[a-z0-9]{32}',
          keywords: ['acme_'],
          severity: 'medium',
          flags: 'i',
        },
      ],
      terms: ['names.txt'],
      allow: {
        paths: ['fixtures/**'],
        values: ['x'],
        patterns: ['^test_'],
        stopwords: ['example'],
      },
      baseline: '.tightlip-baseline.jsonl',
      failOn: 'medium',
      inlineAllow: false,
      maxFileSize: 1000,
    };
    await expect(validateConfig('/c.json', JSON.stringify(raw))).resolves.toEqual(raw);
  });
});

describe('readConfigFile: semantic errors', () => {
  it.for<[unknown, RegExp]>([
    [{ rules: { 'no-such-rule': 'off' } }, /\(rules\.no-such-rule\): no such rule/],
    [
      { customRules: [{ id: 'a-b', title: 'A', pattern: '(' }] },
      /\(customRules\[0\]\.pattern\): invalid regular expression/,
    ],
    [
      { customRules: [{ id: 'a-b', title: 'A', pattern: '(?<![a-z])key' }] },
      /\(customRules\[0\]\.pattern\): pattern refused, it must run in linear time: \(\?<!\[a-z\]\): lookaheads and lookbehinds/,
    ],
    [
      { allow: { patterns: ['(["\'])x\\1'] } },
      /\(allow\.patterns\[0\]\): pattern refused, it must run in linear time: \\1: backreferences/,
    ],
    [
      { customRules: [{ id: 'github-pat', title: 'A', pattern: 'x' }] },
      /\(customRules\[0\]\.id\): rule id "github-pat" is already taken/,
    ],
    [{ allow: { patterns: ['[z-a]'] } }, /\(allow\.patterns\[0\]\): invalid regular expression/],
    [{ extends: 'tightlip:nope' }, /\(extends\): unknown preset "tightlip:nope"/],
    [{ extends: './missing.json' }, /\(extends\): extends a missing file/],
    [{ extends: 'no-such-package-xyz' }, /\(extends\): cannot resolve "no-such-package-xyz"/],
  ])('rejects %j', async ([content, message], { temp }) => {
    const file = writeConfig(temp, content);
    await expect(readConfigFile(file)).rejects.toThrow(message);
  });

  it('rejects an extends cycle', async ({ temp }) => {
    writeConfig(temp, { extends: './b.json' }, 'a.json');
    writeConfig(temp, { extends: './a.json' }, 'b.json');
    await expect(readConfigFile(temp.path('a.json'))).rejects.toThrow(
      /extends itself through .*a\.json -> .*b\.json -> .*a\.json/,
    );
  });

  it('reports an error in an extended file against that file', async ({ temp }) => {
    writeConfig(temp, { extends: './shared/base.json' });
    writeConfig(temp, { allow: { path: [] } }, 'shared/base.json');
    await expect(readConfigFile(temp.path('tightlip.config.json'))).rejects.toThrow(
      `${temp.path('shared', 'base.json')} (allow.path)`,
    );
  });
});

describe('extends', () => {
  it('merges presets, files and packages in order: arrays add up, later settings win, paths stay relative to their file', async ({
    temp,
  }) => {
    writeConfig(
      temp,
      {
        terms: ['org-terms.txt'],
        allow: { paths: ['vendor/**'] },
        rules: { 'github-pat': 'low' },
        failOn: 'low',
      },
      'node_modules/@acme/tightlip-config/config.json',
    );
    temp.write(
      'node_modules/@acme/tightlip-config/package.json',
      JSON.stringify({ name: '@acme/tightlip-config', main: 'config.json' }),
    );
    writeConfig(
      temp,
      { allow: { stopwords: ['sample'] }, rules: { 'github-pat': { enabled: false } } },
      'shared/team.json',
    );
    const file = writeConfig(temp, {
      extends: ['tightlip:recommended', '@acme/tightlip-config', './shared/team.json'],
      allow: { paths: ['fixtures/**'] },
      failOn: 'high',
      terms: ['tightlip:markers'],
      extract: { maxDepth: 3 },
    });
    const config = await readConfigFile(file);
    expect(config.terms).toEqual([
      temp.path('node_modules', '@acme', 'tightlip-config', 'org-terms.txt'),
      'tightlip:markers',
    ]);
    expect(config.extract).toEqual({ maxDepth: 3 });
    expect(config.allowPaths).toEqual(['vendor/**', 'fixtures/**']);
    expect(config.stopwords).toEqual(['sample']);
    expect(config.rules['github-pat']).toEqual({ severity: 'low', enabled: false });
    expect(config.failOn).toBe('high');
  });
});

describe('resolveRules', () => {
  it('switches rules off, re-rates them, and adds custom rules', async ({ temp }) => {
    const file = writeConfig(temp, {
      rules: { 'github-pat': 'off', 'aws-access-key-id': 'critical' },
      customRules: [
        { id: 'acme-key', title: 'ACME key', pattern: 'acme_[a-z0-9]{8}', keywords: ['acme_'] },
      ],
    });
    const rules = resolveRules(await readConfigFile(file));
    const ids = rules.map((rule) => rule.id);
    expect(ids).not.toContain('github-pat');
    expect(ids).toContain('acme-key');
    expect(rules.find((rule) => rule.id === 'aws-access-key-id')?.severity).toBe('critical');
  });
});

describe('the precompiled schema validator', () => {
  it('is built, and agrees with the schema compiled at run time', async () => {
    const { compileConfigValidator, PRECOMPILED_VALIDATOR } = await import('./validate.js');
    const precompiled = (await import(PRECOMPILED_VALIDATOR.href)).validate;
    const runtime = await compileConfigValidator();
    const documents = [
      {},
      { terms: ['a'], allow: { paths: ['x/**'] } },
      { allow: { path: [] } },
      { rules: { 'github-pat': 'sometimes' } },
      { rules: { Bad_Id: 'off' } },
      { customRules: [{ id: 'a-b', title: 'A' }] },
      { failOn: 'dire' },
      { terms: [''] },
      { extends: ['tightlip:recommended', './x.json'], maxFileSize: 10 },
    ];
    for (const document of documents) {
      expect(precompiled(document), JSON.stringify(document)).toBe(runtime(document));
      expect(
        JSON.stringify(
          precompiled.errors?.map((e: { instancePath: string; keyword: string }) => [
            e.instancePath,
            e.keyword,
          ]),
        ),
      ).toBe(JSON.stringify(runtime.errors?.map((e) => [e.instancePath, e.keyword])));
    }
  });
});

describe('review fixes', () => {
  it('a severity switches a rule back on that an extended config turned off', async ({ temp }) => {
    writeConfig(temp, { rules: { 'github-pat': 'off', 'slack-bot-token': 'off' } }, 'base.json');
    const file = writeConfig(temp, {
      extends: './base.json',
      rules: { 'github-pat': 'critical', 'slack-bot-token': { severity: 'low' } },
    });
    const rules = resolveRules(await readConfigFile(file));
    expect(rules.find((rule) => rule.id === 'github-pat')?.severity).toBe('critical');
    expect(rules.find((rule) => rule.id === 'slack-bot-token')?.severity).toBe('low');
  });

  it('a file extended twice (listed twice, or a diamond) counts once', async ({ temp }) => {
    writeConfig(
      temp,
      {
        customRules: [
          { id: 'acme-key', title: 'ACME', pattern: 'acme_[a-z]{8}', keywords: ['acme_'] },
        ],
      },
      'cfg/c.json',
    );
    writeConfig(temp, { extends: './c.json' }, 'cfg/b.json');
    const file = writeConfig(temp, { extends: ['./cfg/c.json', './cfg/b.json', './cfg/c.json'] });
    expect((await readConfigFile(file)).customRules.map((rule) => rule.id)).toEqual(['acme-key']);
  });

  it('reads a config that starts with a byte-order mark', async ({ temp }) => {
    const file = writeConfig(temp, '\ufeff{"failOn": "high"}');
    expect((await readConfigFile(file)).failOn).toBe('high');
  });

  it('extends a package that hides its files behind an exports map', async ({ temp }) => {
    temp.write(
      'node_modules/acme-config/package.json',
      JSON.stringify({ name: 'acme-config', exports: { '.': './index.js' } }),
    );
    temp.write('node_modules/acme-config/index.js', 'export {};\n');
    writeConfig(temp, { failOn: 'critical' }, 'node_modules/acme-config/tightlip.config.json');
    const file = writeConfig(temp, { extends: 'acme-config' });
    expect((await readConfigFile(file)).failOn).toBe('critical');
  });

  it('rejects a custom rule that matches the empty string', async ({ temp }) => {
    const file = writeConfig(temp, { customRules: [{ id: 'a-b', title: 'A', pattern: 'x*' }] });
    await expect(readConfigFile(file)).rejects.toThrow(
      /\(customRules\[0\]\.pattern\): pattern matches the empty string/,
    );
  });

  it('says which forms a rule setting may take', async () => {
    await expect(validateConfig('/c.json', '{"rules": {"github-pat": "offf"}}')).rejects.toThrow(
      /"off", "on", a severity \(info, low, medium, high, critical\)/,
    );
  });
});

describe('the hostile review (config)', () => {
  it('refuses to extend a device or a FIFO instead of reading it forever (D27)', async ({
    temp,
  }) => {
    execFileSync('mkfifo', [temp.path('fifo.json')]);
    for (const target of ['/dev/zero', temp.path('fifo.json')]) {
      writeConfig(temp, { extends: target });
      await expect(readConfigFile(temp.path('tightlip.config.json'))).rejects.toThrow(
        'cannot read: not a regular file',
      );
    }
  });

  it('a file that is not JSON is named with the position of the error, never its content (D18)', async ({
    temp,
  }) => {
    temp.write('names.txt', 'Halcyon\n');
    const error = (await readConfigFile(temp.path('names.txt')).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('names.txt: not valid JSON');
    expect(error.message).not.toMatch(/halcyon/i);
    writeConfig(temp, '{ // comment\n "failOn": "high" }');
    const commented = (await readConfigFile(temp.path('tightlip.config.json')).catch(
      (e: unknown) => e,
    )) as Error;
    expect(commented.message).not.toContain('failOn');
  });
});
