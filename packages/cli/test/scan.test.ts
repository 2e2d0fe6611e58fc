import { describe, expect } from 'vitest';
import { fakeGithubToken, fakeToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { formatJson, formatSarif, formatText } from '@tightlip/core';
import { scanPaths } from '../src/actions/scan.js';
import { testIo } from './helpers.js';

const scan = (
  temp: TempDir,
  paths: string[] = [],
  extra: { termFiles?: string[]; config?: string; cwd?: string; maxFileSize?: number } = {},
) =>
  scanPaths({
    paths,
    io: testIo(extra.cwd ?? temp.dir, temp.env),
    termFiles: extra.termFiles ?? [],
    reveal: false,
    ...(extra.config ? { config: extra.config } : {}),
    ...(extra.maxFileSize ? { maxFileSize: extra.maxFileSize } : {}),
  });

describe('scanPaths', () => {
  it('finds credentials in a tree with paths relative to the scanned root', async ({ temp }) => {
    const token = fakeGithubToken(5);
    temp.write('src/config.ts', `export const token = '${token}';\n`);
    temp.write('README.md', 'nothing here\n');
    const { root, report } = await scan(temp, ['.']);
    expect(root).toBe(temp.dir);
    expect(report.findings.map((f) => [f.path, f.line, f.column, f.ruleId])).toEqual([
      ['src/config.ts', 1, 23, 'github-pat'],
    ]);
    expect(report.stats.files).toBe(2);
  });

  it('skips gitignored files; scans the printable text of a binary file, and with "extract": false skips it as binary', async ({
    temp,
  }) => {
    temp.write('.gitignore', 'ignored/\n');
    temp.write('ignored/leak.txt', fakeGithubToken(1));
    temp.write(
      'image.png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0, 0]), Buffer.from(fakeGithubToken(2))]),
    );
    const { report } = await scan(temp);
    expect(report.findings.map((f) => [f.path, f.ruleId, f.where])).toEqual([
      ['image.png', 'github-pat', 'printable text'],
    ]);
    expect(report.skipped).toEqual([]);
    temp.write('tightlip.config.json', '{"extract": false}\n');
    const textOnly = await scan(temp);
    expect(textOnly.report.findings).toEqual([]);
    expect(textOnly.report.skipped).toEqual([{ path: 'image.png', reason: 'binary' }]);
  });

  it('reads UTF-16 files with a byte-order mark as text', async ({ temp }) => {
    temp.write(
      'utf16.txt',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`key=${fakeGithubToken(3)}\n`, 'utf16le'),
      ]),
    );
    const { report } = await scan(temp);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['github-pat']);
  });

  it('reports files over the size limit as skipped, never silently', async ({ temp }) => {
    temp.write('big.txt', 'x'.repeat(2000));
    const { report } = await scan(temp, [], { maxFileSize: 1000 });
    expect(report.skipped).toEqual([
      { path: 'big.txt', reason: 'too-large', detail: '2000 bytes, limit 1000' },
    ]);
  });

  it('scans explicit files and several paths relative to the current directory', async ({
    temp,
  }) => {
    temp.write('a/one.env', `SLACK=${fakeToken('slack-bot-token')}\n`);
    temp.write('b/two.txt', `${fakeToken('aws-access-key-id')}\n`);
    const { root, report } = await scan(temp, ['a/one.env', 'b']);
    expect(root).toBe(temp.dir);
    expect(report.findings.map((f) => [f.path, f.ruleId])).toEqual([
      ['a/one.env', 'slack-bot-token'],
      ['b/two.txt', 'aws-access-key-id'],
    ]);
  });

  it('fails with a usage error for a missing path', async ({ temp }) => {
    await expect(scan(temp, ['missing'])).rejects.toMatchObject({
      code: 'USAGE',
      message: 'no such file or directory: missing',
    });
  });

  it('finds terms from --terms lists and from the config, but not in the lists themselves', async ({
    temp,
  }) => {
    temp.write('security/codenames.txt', '# internal\nMythos\n');
    temp.write('extra.txt', 'Project Halcyon\n');
    temp.write('tightlip.config.json', JSON.stringify({ terms: ['security/codenames.txt'] }));
    temp.write('docs/launch.md', 'Mythos ships with project-halcyon.\n');
    const { report } = await scan(temp, [], { termFiles: ['extra.txt'] });
    expect(report.findings.map((f) => [f.path, f.ruleId, f.column])).toEqual([
      ['docs/launch.md', 'term:codenames.txt:2', 1],
      ['docs/launch.md', 'term:extra.txt:1', 19],
    ]);
  });

  it('fails when a term list cannot be read', async ({ temp }) => {
    await expect(scan(temp, [], { termFiles: ['nope.txt'] })).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
    });
  });

  it('honours allow.paths from the config found above a nested scan root', async ({ temp }) => {
    temp.write('tightlip.config.json', JSON.stringify({ allow: { paths: ['pkg/fixtures/**'] } }));
    temp.write('pkg/fixtures/sample.txt', fakeGithubToken(1));
    temp.write('pkg/src/real.txt', fakeGithubToken(2));
    const { report } = await scan(temp, ['pkg']);
    expect(report.findings.map((f) => f.path)).toEqual(['src/real.txt']);
  });

  it('rejects a malformed config with its path and key', async ({ temp }) => {
    temp.write('tightlip.config.json', '{"allow": {"paths": "x"}}');
    await expect(scan(temp)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('(allow.paths)'),
    });
  });

  it('never puts a generated secret into any report format', async ({ temp }) => {
    const secrets = [
      fakeGithubToken(9),
      fakeToken('slack-bot-token', 9),
      fakeToken('aws-access-key-id', 9),
      fakeToken('private-key', 9),
    ];
    temp.write('leaks.txt', secrets.join('\n'));
    const { report } = await scan(temp);
    expect(report.findings).toHaveLength(secrets.length);
    for (const output of [formatText(report), formatJson(report), formatSarif(report)]) {
      for (const secret of secrets) {
        const middle = Math.floor(secret.length / 2);
        expect(output).not.toContain(secret.slice(middle, middle + 12));
      }
    }
  });
});

describe('paths in reports', () => {
  it('mask a term in a path, in every finding, unless revealing', async ({ temp }) => {
    temp.write('names.txt', 'Mythos\n');
    temp.write('docs/mythos-launch/plan.md', `token: ${fakeGithubToken(40)}\n`);
    const masked = await scan(temp, [], { termFiles: ['names.txt'] });
    expect(masked.report.findings.map((f) => [f.path, f.ruleId])).toEqual([
      ['docs/[names.txt:1]-launch/plan.md', 'term:names.txt:1'],
      ['docs/[names.txt:1]-launch/plan.md', 'github-pat'],
    ]);
    const revealed = await scanPaths({
      paths: [],
      io: testIo(temp.dir, temp.env),
      termFiles: ['names.txt'],
      reveal: true,
    });
    expect(revealed.report.findings.map((f) => f.path)).toEqual([
      'docs/mythos-launch/plan.md',
      'docs/mythos-launch/plan.md',
    ]);
  });
});

describe('secrets and terms in names', () => {
  it('a credential in a file name is masked in the reported path of every finding and format', async ({
    temp,
  }) => {
    const token = fakeGithubToken(60);
    temp.write(`keys/token-${token}.txt`, 'hello\n');
    temp.write('ok.txt', `x = ${fakeGithubToken(61)}\n`);
    const { report } = await scan(temp);
    expect(report.findings.map((f) => [f.path, f.origin])).toEqual([
      [`keys/token-${token.slice(0, 6)}….txt`, 'name'],
      ['ok.txt', 'file'],
    ]);
    for (const output of [formatText(report), formatJson(report), formatSarif(report)])
      expect(output).not.toContain(token.slice(6));
  });

  it('refuses a term list whose ids give a term away, without printing it', async ({ temp }) => {
    temp.write(
      'codenames.json',
      JSON.stringify({ version: 1, terms: [{ id: 'mythos-1', term: 'Mythos' }] }),
    );
    await expect(scan(temp, [], { termFiles: ['codenames.json'] })).rejects.toThrow(
      /contains a listed term/,
    );
    temp.write('mythos.txt', 'Mythos\n');
    const error = await scan(temp, [], { termFiles: ['mythos.txt'] }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toContain('******.txt:1: a term');
    expect(error).not.toMatch(/mythos/i);
  });
});
