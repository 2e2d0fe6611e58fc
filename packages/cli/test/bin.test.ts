import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { runTightlip } from './helpers.js';

let temp: TempDir;
afterEach(() => temp?.remove());

describe('tightlip bin', () => {
  it('exits 0 and says so on a clean tree', () => {
    temp = createTempDir();
    temp.write('a.txt', 'hello\n');
    const result = runTightlip(temp, ['scan', '.']);
    expect(result).toMatchObject({ status: 0 });
    expect(result.stdout).toMatch(/No secrets or embargoed terms found \(1 file scanned/);
  });

  it('exits 1 on findings, masked in text, JSON and SARIF', () => {
    temp = createTempDir();
    const token = fakeGithubToken(4);
    temp.write('dir with space/a.ts', `const t = "${token}";\n`);
    const text = runTightlip(temp, ['scan']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('dir with space/a.ts');
    expect(text.stdout).toContain('1:12  high  github-pat');
    expect(text.stdout).toContain(`"${token.slice(0, 6)}…"`);

    const json = runTightlip(temp, ['scan', '--format', 'json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, findings: [{ ruleId: 'github-pat', path: 'dir with space/a.ts', line: 1 }] });

    const sarif = runTightlip(temp, ['scan', '.', '--format', 'sarif']);
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

    for (const output of [text.stdout, json.stdout, sarif.stdout, text.stderr]) expect(output).not.toContain(token);
  });

  it('prints the secret only with --no-mask', () => {
    temp = createTempDir();
    const token = fakeGithubToken(6);
    temp.write('a.txt', token);
    expect(runTightlip(temp, ['scan', '--no-mask', '--format', 'json']).stdout).toContain(token);
  });

  it('writes the report to --output and keeps stdout empty', () => {
    temp = createTempDir();
    temp.write('a.txt', fakeGithubToken(1));
    const result = runTightlip(temp, ['scan', '--format', 'sarif', '--output', 'out.sarif']);
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(temp.run('cat', ['out.sarif']).stdout).toContain('"github-pat"');
  });

  it.each([
    [['scan', 'missing-dir'], /no such file or directory: missing-dir/],
    [['scan', '--format', 'xml'], /Invalid values/],
    [['frobnicate'], /Unknown argument/],
    [[], /Give a command/],
    [['scan', '--terms', 'absent.txt'], /cannot read term list/],
  ])('exits 2 with a message on stderr for %j', (args, message) => {
    temp = createTempDir();
    temp.write('a.txt', 'x');
    const result = runTightlip(temp, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a malformed config, naming file and key', () => {
    temp = createTempDir();
    temp.write('tightlip.config.json', '{"allow": {"paths": [1]}}');
    const result = runTightlip(temp, ['scan']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tightlip.config.json (allow.paths[0]): must be string');
  });

  it('exits 2 when staged runs outside a git repository', () => {
    temp = createTempDir();
    const result = runTightlip(temp, ['staged']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not inside a git work tree/);
  });
});

describe('tightlip bin options', () => {
  it('--fail-on sets which severities fail; the config can set it too', () => {
    temp = createTempDir();
    temp.write('a.txt', fakeGithubToken(12));
    const lenient = runTightlip(temp, ['scan', '--fail-on', 'critical']);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('github-pat');
    expect(runTightlip(temp, ['scan', '--fail-on', 'high']).status).toBe(1);
    temp.write('tightlip.config.json', '{"failOn": "critical"}');
    expect(runTightlip(temp, ['scan']).status).toBe(0);
    expect(runTightlip(temp, ['scan', '--fail-on', 'low']).status).toBe(1);
    expect(runTightlip(temp, ['scan', '--fail-on', 'dire']).status).toBe(2);
  });

  it('init writes a starter config that validates, and refuses to overwrite it', () => {
    temp = createTempDir();
    const first = runTightlip(temp, ['init']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(temp.run('cat', ['tightlip.config.json']).stdout)).toMatchObject({ extends: 'tightlip:recommended' });
    expect(runTightlip(temp, ['scan']).status).toBe(0);
    expect(runTightlip(temp, ['init'])).toMatchObject({ status: 2, stderr: expect.stringContaining('already exists') });
  });

  it('prints a shell completion script', () => {
    temp = createTempDir();
    const result = runTightlip(temp, ['completion']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('tightlip');
    expect(result.stdout).toMatch(/complete|compdef/);
  });

  it('documents exit codes and every global option in --help', () => {
    temp = createTempDir();
    const help = runTightlip(temp, ['--help']).stdout;
    for (const option of ['--config', '--format', '--output', '--fail-on', '--no-mask', '--mask', '--quiet', '--verbose', '--baseline']) {
      if (option !== '--no-mask') expect(help).toContain(option);
    }
    expect(help).toContain('Exit codes:');
    expect(help).toContain('junit');
    for (const command of ['scan', 'staged', 'install', 'uninstall', 'baseline', 'init']) {
      expect(runTightlip(temp, [command, '--help']).status).toBe(0);
    }
  });
});

describe('a reader that stops early', () => {
  it('does not crash tightlip (EPIPE is not an error)', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./helpers.js');
    temp = createTempDir();
    // A report far larger than a pipe's buffer, so writes go on after the reader left.
    temp.write('many.txt', Array.from({ length: 3000 }, (_, i) => fakeGithubToken(i)).join('\n'));
    const child = spawn(process.execPath, [BIN, 'scan', '--format', 'json'], { cwd: temp.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

describe('an incomplete scan fails closed', () => {
  it('exits 2 when a file is too large to scan, naming it, and 0 once it is allowed', () => {
    temp = createTempDir();
    temp.write('tightlip.config.json', '{"maxFileSize": 1000}');
    temp.write('big.log', `${'x'.repeat(2000)}\n${fakeGithubToken(51)}\n`);
    const result = runTightlip(temp, ['scan']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('could not scan big.log: too-large');
    temp.write('tightlip.config.json', '{"maxFileSize": 1000, "allow": {"paths": ["*.log"]}}');
    expect(runTightlip(temp, ['scan']).status).toBe(0);
  });

  it('does not hang on a FIFO named on the command line', () => {
    temp = createTempDir();
    expect(temp.run('mkfifo', ['pipe']).status).toBe(0);
    const result = runTightlip(temp, ['scan', 'pipe']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('could not scan pipe: unreadable (not a regular file)');
  });
});

describe('--output', () => {
  it('is honoured by every command that prints, creating the directory', () => {
    temp = createTempDir();
    temp.write('a.txt', fakeGithubToken(70));
    temp.write('names.txt', 'Mythos\n');
    expect(runTightlip(temp, ['scan', '--format', 'json', '-o', 'out/deep/report.json'])).toMatchObject({ status: 1, stdout: '' });
    expect(JSON.parse(temp.run('cat', ['out/deep/report.json']).stdout).findings).toHaveLength(1);
    expect(runTightlip(temp, ['rules', 'list', '-o', 'out/rules.txt'])).toMatchObject({ status: 0, stdout: '' });
    expect(temp.run('cat', ['out/rules.txt']).stdout).toContain('github-pat');
    expect(runTightlip(temp, ['terms', 'lint', 'names.txt', '--format', 'json', '-o', 'out/lint.json']).stdout).toBe('');
    expect(JSON.parse(temp.run('cat', ['out/lint.json']).stdout)).toMatchObject({ terms: 1 });
    expect(runTightlip(temp, ['rules', 'list', '--format', 'junit']).status).toBe(2);
  });
});
