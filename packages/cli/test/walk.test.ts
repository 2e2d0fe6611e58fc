import { describe, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { output, runMain } from './helpers.js';

// What `tightlip scan` walks, against the hostile review (D2, D9, D10, D11, D17, D23, D27)
// and issue 10 §8: a tree is walked as git would list it, and nothing is skipped silently.

/** Whether `text` shows `secret`, whole or enough of it to use (all but its first 6 characters, or its last 12). */
function shows(text: string, secret: string): boolean {
  return text.includes(secret.slice(6)) || text.includes(secret.slice(-12));
}

describe('scan walks a tree as git lists it', () => {
  it('matches .gitignore case-sensitively on a case-sensitive file system (D9)', async ({
    repo,
  }) => {
    repo.write('.gitignore', '*.pem\n.env\n');
    repo.write('PROD.PEM', `t=${fakeGithubToken(90)}\n`);
    repo.write('.ENV', `t=${fakeGithubToken(91)}\n`);
    repo.git('add', '-A');
    expect(repo.git('diff', '--cached', '--name-only').split('\n')).toContain('PROD.PEM');
    const result = await runMain(repo, ['scan', '.', '--format', 'json']);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { path: string }[] }).findings;
    expect(findings.map((f) => f.path).sort()).toEqual(['.ENV', 'PROD.PEM']);
  });

  it('does not follow a symbolically linked .gitignore, as git does not (D10)', async ({
    repo,
    temp,
  }) => {
    temp.write('star', '*\n');
    symlinkSync(temp.path('star'), repo.path('.gitignore'));
    repo.write('creds.env', `t=${fakeGithubToken(92)}\n`);
    const result = await runMain(repo, ['scan', '.']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('creds.env');
  });

  it('does not hang on a FIFO named .gitignore, and reads no ignore rules from it (D11)', async ({
    temp,
  }) => {
    temp.write('sub/a.txt', `t=${fakeGithubToken(93)}\n`);
    execFileSync('mkfifo', [temp.path('sub', '.gitignore')]);
    const result = await runMain(temp, ['scan', '.']);
    expect(result.stdout).toContain('sub/a.txt');
    // The FIFO itself cannot be read: listed, and the scan is incomplete.
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('could not scan sub/.gitignore: unreadable');
  });

  it('checks the names of links, FIFOs and sockets, scans a link target as git stores it, and fails closed on special files (D17)', async ({
    temp,
  }) => {
    const [a, b, c] = [fakeGithubToken(94), fakeGithubToken(95), fakeGithubToken(96)];
    symlinkSync('/nonexistent', temp.path(`link-${a}`));
    execFileSync('mkfifo', [temp.path(`fifo-${b}`)]);
    symlinkSync(c, temp.path('target-is-token'));
    const result = await runMain(temp, ['scan', '.', '--format', 'json']);
    const report = JSON.parse(result.stdout) as {
      findings: { path: string; ruleId: string }[];
      skipped: { path: string; reason: string; detail: string }[];
    };
    expect(report.findings.map((f) => f.ruleId)).toEqual([
      'github-pat',
      'github-pat',
      'github-pat',
    ]);
    expect(report.findings.map((f) => f.path)).toContain('target-is-token');
    expect(report.skipped).toEqual([
      {
        path: expect.stringMatching(/^fifo-ghp_/),
        reason: 'unreadable',
        detail: 'not a regular file (FIFO)',
      },
    ]);
    expect(result.status).toBe(2);
    for (const token of [a, b, c]) expect(shows(output(result), token)).toBe(false);
  });

  it('reads files whose names are not UTF-8, reporting them escaped (D23)', async ({ temp }) => {
    const name = Buffer.concat([
      Buffer.from(temp.path('bad')),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('utf8.txt'),
    ]);
    writeFileSync(name, `t = "${fakeGithubToken(97)}"\n`);
    const result = await runMain(temp, ['scan', '.']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('bad\\xff\\xfeutf8.txt');
    expect(result.stdout).toContain('github-pat');
  });

  it('reports a path too long to open, masked, instead of crashing with it (D2)', async ({
    temp,
  }) => {
    const token = fakeGithubToken(99);
    // Longer than PATH_MAX (4096 bytes): listing the deepest directory fails with ENAMETOOLONG.
    mkdirSync(temp.path(token));
    execFileSync(process.execPath, [
      '-e',
      "process.chdir(process.argv[1]); for (let i = 0; i < 25; i++) { require('fs').mkdirSync('d'.repeat(200)); process.chdir('d'.repeat(200)); } require('fs').writeFileSync('x.txt', 'hi');",
      temp.path(token),
    ]);
    try {
      const result = await runMain(temp, ['scan', '.', '--verbose']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('ENAMETOOLONG');
      expect(result.stderr).not.toContain('internal error');
      expect(shows(output(result), token)).toBe(false);
      expect(output(result)).not.toContain(temp.dir);
    } finally {
      // Node's recursive removal cannot remove such a tree; rm can.
      execFileSync('rm', ['-rf', temp.path(token)]);
    }
  });
});

describe('paths named on the command line', () => {
  it('a symbolic link loop is called one, not "no such file" (D33)', async ({ temp }) => {
    symlinkSync(temp.path('b'), temp.path('a'));
    symlinkSync(temp.path('a'), temp.path('b'));
    const result = await runMain(temp, ['scan', 'a']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tightlip: a loop of symbolic links: a');
  });
});

describe('scan decodes as the git paths do', () => {
  it('finds an ASCII token behind a UTF-16 byte-order mark, and in UTF-32 (D22)', async ({
    temp,
  }) => {
    temp.write(
      'bom.env',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`\nt = "${fakeGithubToken(103)}"\n`)]),
    );
    const utf32 = Buffer.alloc(4 * 60);
    utf32.writeUInt32LE(0xfeff, 0);
    [...`t = "${fakeGithubToken(104)}"\n`].forEach((c, i) =>
      utf32.writeUInt32LE(c.codePointAt(0)!, 4 * (i + 1)),
    );
    temp.write('wide.txt', utf32.subarray(0, 4 * (1 + `t = "${fakeGithubToken(104)}"\n`.length)));
    const result = await runMain(temp, ['scan', '.', '--format', 'json']);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { path: string; line: number }[] })
      .findings;
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ['bom.env', 2],
      ['wide.txt', 1],
    ]);
  });
});

describe('scan of a target that .gitignore ignores (issue 10 §8)', () => {
  it('scans a named ignored directory, pruning inside it by its own .gitignore files', async ({
    repo,
  }) => {
    repo.write('.gitignore', 'dist/\n');
    repo.write('dist/bundle.js', `t="${fakeGithubToken(100)}"\n`);
    repo.write('dist/.gitignore', 'cache/\n');
    repo.write('dist/cache/x.js', `t="${fakeGithubToken(101)}"\n`);
    const whole = await runMain(repo, ['scan', '.']);
    expect(whole.status).toBe(0);
    const named = await runMain(repo, ['scan', 'dist', '--format', 'json']);
    expect(named.status).toBe(1);
    const paths = (JSON.parse(named.stdout) as { findings: { path: string }[] }).findings.map(
      (f) => f.path,
    );
    expect(paths).toEqual(['bundle.js']);
  });

  it('scans every file with --no-ignore', async ({ repo }) => {
    repo.write('.gitignore', '*.env\n');
    repo.write('a.env', `t=${fakeGithubToken(102)}\n`);
    expect((await runMain(repo, ['scan', '.'])).status).toBe(0);
    expect((await runMain(repo, ['scan', '.', '--no-ignore'])).status).toBe(1);
  });
});
