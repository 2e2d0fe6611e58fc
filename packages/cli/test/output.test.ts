import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { runMain } from './helpers.js';

// Where the report goes and how it looks: colour flags and variables, the summary line on
// stderr when the report goes to a file. The test environment sets NO_COLOR=1 and no
// stream is a terminal.

const ANSI = '\u001b[';

describe('colour', () => {
  it('FORCE_COLOR colours the text report off a terminal, over NO_COLOR; --no-color wins over both', async ({
    temp,
  }) => {
    temp.write('a.ts', `const t = "${fakeGithubToken(91)}";\n`);
    const plain = await runMain(temp, ['scan', '.']);
    expect(plain.status).toBe(1);
    expect(plain.stdout).not.toContain(ANSI);

    const forced = await runMain(temp, ['scan', '.'], { env: { FORCE_COLOR: '1' } });
    expect(forced.status).toBe(1);
    expect(forced.stdout).toContain(ANSI);
    expect(
      (await runMain(temp, ['scan', '.'], { env: { FORCE_COLOR: '0' } })).stdout,
    ).not.toContain(ANSI);

    const off = await runMain(temp, ['scan', '.', '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(off.status, off.stderr).toBe(1);
    expect(off.stdout).not.toContain(ANSI);
    const on = await runMain(temp, ['scan', '.', '--color']);
    expect(on.stdout).toContain(ANSI);
  });
});

describe('--output', () => {
  it('writes the report to the file and one summary line to stderr, naming no secret', async ({
    temp,
  }) => {
    const token = fakeGithubToken(92);
    temp.write('a.ts', `const t = "${token}";\n`);
    temp.write('b.ts', 'const clean = 1;\n');
    const result = await runMain(temp, ['scan', '.', '--format', 'sarif', '-o', '../out/x.sarif']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'tightlip: 1 finding (1 high; 2 files scanned); report written to ../out/x.sarif\n',
    );
    expect(readFileSync(temp.path('..', 'out', 'x.sarif'), 'utf8')).toContain('github-pat');

    temp.write('a.ts', 'const t = process.env.T;\n');
    const clean = await runMain(temp, ['scan', '.', '-o', '../x.txt']);
    expect(clean.status).toBe(0);
    expect(clean.stderr).toBe(
      'tightlip: no secrets or embargoed terms found (2 files scanned); report written to ../x.txt\n',
    );
    expect((await runMain(temp, ['scan', '.', '-o', '../x.txt', '--quiet'])).stderr).toBe('');
  });
});
