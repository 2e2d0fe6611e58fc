import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { main } from '../src/main.js';
import { runMain, testIo } from './helpers.js';

// The command line, in process: `main(argv, io)` as the bin runs it, with a captured Io.

describe('tightlip', () => {
  it('exits 0 and says so on a clean tree', async ({ temp }) => {
    temp.write('a.txt', 'hello\n');
    const result = await runMain(temp, ['scan', '.']);
    expect(result).toMatchObject({ status: 0 });
    expect(result.stdout).toMatch(/No secrets or embargoed terms found \(1 file scanned/);
  });

  it('exits 1 on findings, masked in text, JSON and SARIF', async ({ temp }) => {
    const token = fakeGithubToken(4);
    temp.write('dir with space/a.ts', `const t = "${token}";\n`);
    const text = await runMain(temp, ['scan']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('dir with space/a.ts');
    expect(text.stdout).toContain('1:12  high  github-pat');
    expect(text.stdout).toContain(`"${token.slice(0, 6)}…"`);

    const json = await runMain(temp, ['scan', '--format', 'json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      version: 1,
      findings: [{ ruleId: 'github-pat', path: 'dir with space/a.ts', line: 1 }],
    });

    const sarif = await runMain(temp, ['scan', '.', '--format', 'sarif']);
    expect(sarif.status).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    const [result] = log.runs[0].results;
    expect(result.ruleId).toBe('github-pat');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'dir%20with%20space/a.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 12, endLine: 1, endColumn: 12 + token.length },
    });
    expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('github-pat');

    for (const output of [text.stdout, json.stdout, sarif.stdout, text.stderr])
      expect(output).not.toContain(token);
  });

  it('prints the secret only with --no-mask', async ({ temp }) => {
    const token = fakeGithubToken(6);
    temp.write('a.txt', token);
    expect((await runMain(temp, ['scan', '--no-mask', '--format', 'json'])).stdout).toContain(
      token,
    );
  });

  it('writes the report to --output and keeps stdout empty', async ({ temp }) => {
    temp.write('a.txt', fakeGithubToken(1));
    const result = await runMain(temp, ['scan', '--format', 'sarif', '--output', 'out.sarif']);
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(readFileSync(temp.path('out.sarif'), 'utf8')).toContain('"github-pat"');
  });

  it.for<[string[], RegExp]>([
    [['scan', 'missing-dir'], /no such file or directory: missing-dir/],
    [['scan', '--format', 'xml'], /Invalid values/],
    [['frobnicate'], /Unknown argument/],
    [[], /Give a command/],
    [['scan', '--terms', 'absent.txt'], /cannot read term list/],
  ])('exits 2 with a message on stderr for %j', async ([args, message], { temp }) => {
    temp.write('a.txt', 'x');
    const result = await runMain(temp, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a malformed config, naming file and key', async ({ temp }) => {
    temp.write('tightlip.config.json', '{"allow": {"paths": [1]}}');
    const result = await runMain(temp, ['scan']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tightlip.config.json (allow.paths[0]): must be string');
  });

  it('exits 2 when staged runs outside a git repository', async ({ temp }) => {
    const result = await runMain(temp, ['staged']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not inside a git work tree/);
  });

  it('reads nothing from process.env: only the environment in its Io', async ({ temp }) => {
    temp.write('names.txt', 'Halcyon\n');
    temp.write('post.md', 'Halcyon ships\n');
    const saved = process.env.TIGHTLIP_TERMS_FILE;
    process.env.TIGHTLIP_TERMS_FILE = temp.path('names.txt');
    try {
      expect(await runMain(temp, ['scan'])).toMatchObject({
        status: 0,
        stdout: expect.stringContaining('No secrets'),
      });
      // The same variable in the Io's environment is honoured: the test can fail.
      expect(
        await runMain(temp, ['scan'], { env: { TIGHTLIP_TERMS_FILE: temp.path('names.txt') } }),
      ).toMatchObject({ status: 1, stdout: expect.stringContaining('term:names.txt:1') });
    } finally {
      if (saved === undefined) delete process.env.TIGHTLIP_TERMS_FILE;
      else process.env.TIGHTLIP_TERMS_FILE = saved;
    }
  });
});

describe('tightlip options', () => {
  it('--fail-on sets which severities fail; the config can set it too', async ({ temp }) => {
    temp.write('a.txt', fakeGithubToken(12));
    const lenient = await runMain(temp, ['scan', '--fail-on', 'critical']);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('github-pat');
    expect((await runMain(temp, ['scan', '--fail-on', 'high'])).status).toBe(1);
    temp.write('tightlip.config.json', '{"failOn": "critical"}');
    expect((await runMain(temp, ['scan'])).status).toBe(0);
    expect((await runMain(temp, ['scan', '--fail-on', 'low'])).status).toBe(1);
    expect((await runMain(temp, ['scan', '--fail-on', 'dire'])).status).toBe(2);
  });

  it('init writes a starter config that validates, and refuses to overwrite it', async ({
    temp,
  }) => {
    const first = await runMain(temp, ['init']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(temp.path('tightlip.config.json'), 'utf8'))).toMatchObject({
      extends: 'tightlip:recommended',
    });
    expect((await runMain(temp, ['scan'])).status).toBe(0);
    expect(await runMain(temp, ['init'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('already exists'),
    });
  });

  it('prints a shell completion script', async ({ temp }) => {
    const result = await runMain(temp, ['completion']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('tightlip');
    expect(result.stdout).toMatch(/complete|compdef/);
  });

  it('documents exit codes and every global option in --help, and prints its version', async ({
    temp,
  }) => {
    const help = (await runMain(temp, ['--help'])).stdout;
    for (const option of [
      '--config',
      '--format',
      '--output',
      '--fail-on',
      '--mask',
      '--quiet',
      '--verbose',
      '--baseline',
    ])
      expect(help).toContain(option);
    expect(help).toContain('Exit codes:');
    expect(help).toContain('junit');
    for (const command of ['scan', 'staged', 'install', 'uninstall', 'baseline', 'init']) {
      expect(await runMain(temp, [command, '--help'])).toMatchObject({
        status: 0,
        stdout: expect.stringContaining(`tightlip ${command}`),
      });
    }
    expect((await runMain(temp, ['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('takes its clock from the Io', async ({ temp }) => {
    temp.write(
      'codenames.json',
      JSON.stringify({ version: 1, terms: [{ id: 'CN-9', term: 'Halcyon', lifts: '2027-07-01' }] }),
    );
    temp.write('post.md', 'Halcyon is out\n');
    const at = (iso: string) =>
      main(
        ['scan', '--terms', 'codenames.json'],
        testIo(temp.dir, temp.env, { now: () => Date.parse(iso) }),
      );
    expect(await at('2027-06-30T00:00:00Z')).toBe(1);
    expect(await at('2027-08-01T00:00:00Z')).toBe(0);
  });
});

describe('an incomplete scan fails closed', () => {
  it('exits 2 when a file is too large to scan, naming it, and 0 once it is allowed', async ({
    temp,
  }) => {
    temp.write('tightlip.config.json', '{"maxFileSize": 1000}');
    temp.write('big.log', `${'x'.repeat(2000)}\n${fakeGithubToken(51)}\n`);
    const result = await runMain(temp, ['scan']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('could not scan big.log: too-large');
    temp.write('tightlip.config.json', '{"maxFileSize": 1000, "allow": {"paths": ["*.log"]}}');
    expect((await runMain(temp, ['scan'])).status).toBe(0);
  });

  it('does not hang on a FIFO named on the command line', async ({ temp }) => {
    expect(temp.run('mkfifo', ['pipe']).status).toBe(0);
    const result = await runMain(temp, ['scan', 'pipe']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('could not scan pipe: unreadable (not a regular file)');
  });
});

describe('--output', () => {
  it('is honoured by every command that prints, creating the directory', async ({ temp }) => {
    const read = (file: string) => readFileSync(temp.path(file), 'utf8');
    temp.write('a.txt', fakeGithubToken(70));
    temp.write('names.txt', 'Mythos\n');
    expect(
      await runMain(temp, ['scan', '--format', 'json', '-o', 'out/deep/report.json']),
    ).toMatchObject({ status: 1, stdout: '' });
    expect(JSON.parse(read('out/deep/report.json')).findings).toHaveLength(1);
    expect(await runMain(temp, ['rules', 'list', '-o', 'out/rules.txt'])).toMatchObject({
      status: 0,
      stdout: '',
    });
    expect(read('out/rules.txt')).toContain('github-pat');
    expect(
      (
        await runMain(temp, [
          'terms',
          'lint',
          'names.txt',
          '--format',
          'json',
          '-o',
          'out/lint.json',
        ])
      ).stdout,
    ).toBe('');
    expect(JSON.parse(read('out/lint.json'))).toMatchObject({ terms: 1 });
    expect((await runMain(temp, ['rules', 'list', '--format', 'junit'])).status).toBe(2);
  });
});
