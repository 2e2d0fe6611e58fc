import { describe, expect, it } from 'vitest';
import { fileTypeOf } from './file-type.js';
import { createTextModel } from './text-model.js';

describe('fileTypeOf', () => {
  it.each([
    ['src/app.ts', 'code', 'typescript', true],
    ['lib/models/user.rb', 'code', 'ruby', true],
    ['src/cluster.c', 'code', 'c', true],
    ['scripts/deploy.sh', 'code', 'shell', false],
    ['Dockerfile', 'code', 'dockerfile', false],
    ['config/settings.yml', 'config', 'yaml', false],
    ['.env', 'config', 'env', false],
    ['.env.production', 'config', 'env', false],
    ['config.yml.example', 'config', 'yaml', false],
    ['infra/main.tf', 'config', 'hcl', false],
    ['setup.cfg', 'config', 'ini', false],
    ['views/login.ejs', 'markup', 'ejs', false],
    ['docs/config.rst', 'prose', 'rst', false],
    ['README', 'prose', 'markdown', false],
    ['test/rails_app/log/test.log', 'data', 'log', false],
    ['bin/tool', 'other', 'unknown', false],
  ] as const)('%s is %s (%s)', (path, kind, language, quotes) => {
    expect(fileTypeOf(path)).toMatchObject({ kind, language, quotesLiterals: quotes });
  });

  it('knows minified and generated files by name', () => {
    expect(fileTypeOf('vendor/jquery.min.js').generated).toBe(true);
    expect(fileTypeOf('dist/app.bundle.js').generated).toBe(true);
    expect(fileTypeOf('src/app.js').generated).toBe(false);
  });
});

/** The model of `text` at `path`, and the offset of the first `marker` in it. */
function at(path: string, text: string, marker: string) {
  const model = createTextModel(text, path);
  const offset = text.indexOf(marker);
  if (offset === -1) throw new Error(`no ${marker}`);
  return { model, offset };
}

describe('commentary', () => {
  it.each([
    ['a.py', 'def f():\n    """Example:\n    oauth_token="VALUE"\n    """\n    return 1\n', true],
    ['a.py', 'x = 1  # token = VALUE\n', true],
    ['a.py', 'token = "VALUE"  # not a comment before\n', false],
    ['a.js', '/**\n * @example apiKey: "VALUE"\n */\nconst a = 1;\n', true],
    ['a.js', 'const glob = "src/**/*.js"; const key = "VALUE";\n', false],
    ['a.js', 'const url = "http://x"; // key = VALUE\n', true],
    ['a.rb', '=begin\nsecret = VALUE\n=end\n', true],
    ['a.yml', 'key: VALUE # comment\n', false],
    ['a.yml', '# key: VALUE\n', true],
    ['a.html', '<!-- password: VALUE -->\n<p>x</p>\n', true],
    ['a.ini', '; password = VALUE\n', true],
  ])('%s: %j', (path, text, commentary) => {
    const { model, offset } = at(path, text, 'VALUE');
    expect(model.isCommentary(offset)).toBe(commentary);
  });
});

describe('parent keys', () => {
  /** The keys of the blocks around `VALUE` in `text`, read as the file `path`. */
  const keysAround = (text: string, path: string) =>
    createTextModel(text, path).parentKeys(text.indexOf('VALUE'));

  it('follows YAML indentation, list items and documents', () => {
    const text =
      'storage:\n  azure:\n    key: VALUE\n  other: 1\nlist:\n  - name: x\n    token: TOKEN\n---\nroot: ROOT\n';
    expect(at('a.yml', text, 'VALUE').model.parentKeys(text.indexOf('VALUE'))).toEqual([
      'azure',
      'storage',
    ]);
    expect(at('a.yml', text, 'TOKEN').model.parentKeys(text.indexOf('TOKEN'))).toEqual(['list']);
    expect(at('a.yml', text, 'ROOT').model.parentKeys(text.indexOf('ROOT'))).toEqual([]);
  });

  it('follows JSON and HCL braces, on one line or several', () => {
    const json = '{"slack": {"app": {"verification_token": "VALUE"}}, "x": "OUT"}';
    const model = createTextModel(json, 'config.json');
    expect(model.parentKeys(json.indexOf('VALUE'))).toEqual(['app', 'slack']);
    expect(model.parentKeys(json.indexOf('OUT'))).toEqual([]);
    const hcl = 'provider "aws" {\n  region = "x"\n  assume_role {\n    key = "VALUE"\n  }\n}\n';
    expect(keysAround(hcl, 'main.tf')).toEqual(['assume_role', 'provider aws']);
    const pretty = '{\n  "storage":\n  {\n    "key": "VALUE"\n  }\n}\n';
    expect(keysAround(pretty, 'a.json')).toEqual(['storage']);
  });

  it('follows TOML and INI sections', () => {
    const toml = '[database.primary]\npassword = "VALUE"\n';
    expect(keysAround(toml, 'a.toml')).toEqual(['primary', 'database']);
    const ini = '[slack]\nverification_token = VALUE\n';
    expect(keysAround(ini, 'app.ini')).toEqual(['slack']);
  });

  it('takes no key that ends past 256 characters into its line', () => {
    // The patterns are not run past that bound: a word and 50,000 spaces cost them a second.
    const at256 = `${'k'.repeat(250)}${' '.repeat(5)}:\n  key: VALUE\n`;
    expect(keysAround(at256, 'a.yml')).toEqual(['k'.repeat(250)]);
    const past = `k${' '.repeat(300)}:\n  key: VALUE\n`;
    expect(keysAround(past, 'a.yml')).toEqual([]);
    const section = `[${'s'.repeat(300)}]\nkey = VALUE\n`;
    expect(keysAround(section, 'a.ini')).toEqual([]);
    const short = `[${'s'.repeat(200)}]\nkey = VALUE\n`;
    expect(keysAround(short, 'a.ini')).toEqual(['s'.repeat(200)]);
  });

  it('names each brace of a run after the line before, and a brace on a later line after its own line before', () => {
    const text = '"outer"\n{{"key": "VALUE"}}';
    expect(keysAround(text, 'a.json')).toEqual(['outer', 'outer']);
    const lines = '"first"\n{\n"second"\n{"key": "VALUE"}';
    expect(keysAround(lines, 'a.json')).toEqual(['second', 'first']);
  });

  it('ignores braces inside strings', () => {
    const text = '{"a": "{not a block", "b": {"key": "VALUE"}}';
    expect(keysAround(text, 'a.json')).toEqual(['b']);
  });
});

describe('lines', () => {
  it('tells the key a line leaves open for the next', () => {
    const model = createTextModel(
      'api_key:\n  VALUE\nTOKEN=\\\nx: 1\n"secret": \nnote: |\nplain text\n',
      'a',
    );
    expect([0, 2, 3, 4, 5, 6].map((i) => model.openKey(i))).toEqual([
      'api_key',
      'TOKEN',
      undefined,
      'secret',
      'note',
      undefined,
    ]);
  });

  it('tells minified code lines from long configuration lines', () => {
    const minified = `a=function(T){return"password"==T.type},${'b=c(d);'.repeat(100)}\n`;
    expect(createTextModel(minified, 'vendor/lib.js').isMinified(0)).toBe(true);
    expect(createTextModel(minified, 'config.json').isMinified(0)).toBe(false);
    expect(createTextModel('const a = 1;\n', 'lib.js').isMinified(0)).toBe(false);
    expect(createTextModel('x\n', 'jquery.min.js').isMinified(0)).toBe(true);
    // One long value and a short key is an assignment, not minified code.
    const token = `${'Ab3dE'.repeat(100)}.${'Xy9Qz'.repeat(100)}`;
    expect(createTextModel(`api_token = ${token}\n`, 'deploy').isMinified(0)).toBe(false);
    expect(createTextModel(`${minified.trimEnd()}${token}\n`, 'lib.js').isMinified(0)).toBe(true);
  });
});
