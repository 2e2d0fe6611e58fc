import { createHmac } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken, fakeToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { runBaseline } from '../src/actions/baseline.js';
import { scanPaths } from '../src/actions/scan.js';
import { runMain, testIo } from './helpers.js';

const options = (temp: TempDir) => ({
  paths: [] as string[],
  io: testIo(temp.dir, temp.env),
  termFiles: [] as string[],
  reveal: false,
});
const scan = async (temp: TempDir) =>
  (await scanPaths(options(temp))).report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`);

describe('baseline', () => {
  it('accepts current findings by content: no secrets and no line numbers in the file', async ({
    temp,
  }) => {
    const token = fakeGithubToken(1);
    temp.write('src/a.ts', `const t = "${token}";\n`);
    const result = await runBaseline({ ...options(temp), action: 'create' });
    expect(result).toMatchObject({
      file: temp.path('.tightlip-baseline.jsonl'),
      entries: 1,
      added: 1,
      removed: 0,
    });
    const text = readFileSync(result.file, 'utf8');
    expect(text).not.toContain(token.slice(4));
    expect(text).not.toMatch(/"line"/);
    const [header, entry] = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(header).toEqual({
      'tightlip-baseline': 2,
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(entry).toEqual({
      rule: 'github-pat',
      path: 'src/a.ts',
      hash: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(readFileSync(temp.path('.gitattributes'), 'utf8')).toBe(
      '.tightlip-baseline.jsonl merge=union\n',
    );
    expect(await scan(temp)).toEqual([]);
  });

  it('keeps a finding baselined when lines move, but reports a different secret on the same line', async ({
    temp,
  }) => {
    const token = fakeGithubToken(2);
    temp.write('src/a.ts', `const t = "${token}";\n`);
    await runBaseline({ ...options(temp), action: 'create' });
    temp.write('src/a.ts', `// a comment\n\n\nexport const t = "${token}"; // moved\n`);
    expect(await scan(temp)).toEqual([]);
    temp.write('src/a.ts', `const t = "${fakeGithubToken(3)}";\n`);
    expect(await scan(temp)).toEqual(['src/a.ts:1 github-pat']);
  });

  it('uses paths relative to the baseline, whatever directory is scanned', async ({ temp }) => {
    temp.write('tightlip.config.json', '{}');
    temp.write('pkg/src/a.ts', fakeGithubToken(4));
    await runBaseline({ ...options(temp), action: 'create' });
    expect((await scanPaths({ ...options(temp), paths: ['pkg'] })).report.findings).toEqual([]);
    expect(
      (await scanPaths({ ...options(temp), paths: ['pkg/src/a.ts'] })).report.findings,
    ).toEqual([]);
  });

  it('update adds new findings and keeps old entries; prune drops entries that match nothing', async ({
    temp,
  }) => {
    temp.write('a.txt', fakeGithubToken(5));
    await runBaseline({ ...options(temp), action: 'create' });
    temp.write('b.txt', fakeGithubToken(6));
    expect(await scan(temp)).toEqual(['b.txt:1 github-pat']);
    expect(await runBaseline({ ...options(temp), action: 'update' })).toMatchObject({
      entries: 2,
      added: 1,
      removed: 0,
    });
    expect(await scan(temp)).toEqual([]);
    temp.write('a.txt', 'rotated and removed\n');
    const result = await scanPaths(options(temp));
    expect(result.unusedBaselineEntries().map((entry) => entry.path)).toEqual(['a.txt']);
    expect(await runBaseline({ ...options(temp), action: 'prune' })).toMatchObject({
      entries: 1,
      added: 0,
      removed: 1,
    });
  });

  it('create refuses to replace a baseline without --force; update creates one when there is none; prune needs one', async ({
    temp,
  }) => {
    temp.write('a.txt', fakeGithubToken(14));
    await expect(runBaseline({ ...options(temp), action: 'prune' })).rejects.toMatchObject({
      code: 'USAGE',
    });
    await expect(runBaseline({ ...options(temp), action: 'update' })).resolves.toMatchObject({
      entries: 1,
      added: 1,
      gitattributes: temp.path('.gitattributes'),
    });
    expect(await scan(temp)).toEqual([]);
    await expect(runBaseline({ ...options(temp), action: 'create' })).rejects.toMatchObject({
      code: 'USAGE',
    });
    await expect(
      runBaseline({ ...options(temp), action: 'create', force: true }),
    ).resolves.toMatchObject({ entries: 1 });
  });

  it('a configured baseline that does not exist yet accepts nothing; a broken one is an error (exit 2)', async ({
    temp,
  }) => {
    temp.write('tightlip.config.json', '{"baseline": "accepted.jsonl"}');
    temp.write('a.txt', fakeGithubToken(15));
    expect(await runMain(temp, ['scan'])).toMatchObject({
      status: 1,
      stdout: expect.stringContaining('github-pat'),
    });
    temp.write('accepted.jsonl', '<<<<<<< HEAD\n');
    expect(await runMain(temp, ['scan'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('accepted.jsonl:1: not a JSON line'),
    });
  });

  it('prune of a subdirectory keeps the entries of paths it did not scan', async ({ temp }) => {
    temp.write('tightlip.config.json', '{}');
    temp.write('src/a.ts', fakeGithubToken(16));
    temp.write('lib/c.ts', fakeGithubToken(17));
    await runBaseline({ ...options(temp), action: 'create' });
    temp.write('src/a.ts', 'rotated\n');
    expect(await runBaseline({ ...options(temp), action: 'prune', paths: ['src'] })).toMatchObject({
      entries: 1,
      removed: 1,
    });
    expect(await scan(temp)).toEqual([]);
  });

  it('without a config, the baseline is anchored at the top of the work tree, whatever directory is scanned', async ({
    repo: temp,
  }) => {
    temp.write('src/leak.ts', fakeGithubToken(18));
    expect((await runMain(temp, ['baseline', 'create'])).status).toBe(0);
    expect((await runMain(temp, ['scan', 'src'])).status).toBe(0);
    expect((await runMain(temp, ['scan', '.'], { cwd: 'src' })).status).toBe(0);
    expect((await runMain(temp, ['scan', 'leak.ts'], { cwd: 'src' })).status).toBe(0);
  });

  it('creates the directory of a new baseline, and quotes an odd name in .gitattributes', async ({
    repo: temp,
  }) => {
    temp.write('a.txt', fakeGithubToken(19));
    const created = await runMain(temp, [
      'baseline',
      'create',
      '--baseline',
      'security/my baseline.jsonl',
    ]);
    expect(created.status, created.stderr).toBe(0);
    expect(temp.git('check-attr', 'merge', '--', 'security/my baseline.jsonl').trim()).toBe(
      'security/my baseline.jsonl: merge: union',
    );
    expect((await runMain(temp, ['scan', '--baseline', 'security/my baseline.jsonl'])).status).toBe(
      0,
    );
  });

  it('two branches that each extend the baseline merge without conflicts', async ({
    repo: temp,
  }) => {
    temp.write('base.txt', 'nothing yet\n');
    expect((await runMain(temp, ['baseline', 'create'])).status).toBe(0);
    temp.git('add', '.');
    temp.git('commit', '-qm', 'baseline');
    for (const [branch, file, seed] of [
      ['one', 'one.txt', 7],
      ['two', 'two.txt', 8],
    ] as const) {
      temp.git('checkout', '-qb', branch, 'main');
      temp.write(file, `${fakeGithubToken(seed)}\n`);
      const update = await runMain(temp, ['baseline', 'update']);
      expect(update.status, update.stderr).toBe(0);
      temp.git('add', '.');
      temp.git('commit', '-qm', `accept ${file}`);
    }
    temp.git('checkout', '-q', 'one');
    const merge = temp.run('git', ['merge', '--no-edit', 'two']);
    expect(merge.status, merge.stdout + merge.stderr).toBe(0);
    expect(
      readFileSync(temp.path('.tightlip-baseline.jsonl'), 'utf8').trimEnd().split('\n'),
    ).toHaveLength(3);
    expect(await runMain(temp, ['scan'])).toMatchObject({ status: 0 });
    temp.write('three.txt', fakeGithubToken(9));
    expect((await runMain(temp, ['scan'])).status).toBe(1);
  });
});

describe('baseline, against the hostile review', () => {
  it('keys entries by the masked path: no token or term of a path in the file (D5)', async ({
    temp,
  }) => {
    const token = fakeGithubToken(130);
    temp.write(`notes-${token}.txt`, 'hi\n');
    temp.write('halcyon-docs/c.env', `${fakeToken('generic-password', 7)}\n`);
    temp.write('cn.txt', 'Halcyon\n');
    temp.write('tightlip.config.json', JSON.stringify({ allow: { paths: ['cn.txt'] } }));
    const result = await runBaseline({ ...options(temp), termFiles: ['cn.txt'], action: 'create' });
    expect(result.entries).toBeGreaterThanOrEqual(2);
    const text = readFileSync(result.file, 'utf8');
    expect(text).not.toContain(token.slice(6));
    expect(text).not.toMatch(/halcyon/i);
    // The masked entries still accept their findings.
    const rescan = await scanPaths({ ...options(temp), termFiles: ['cn.txt'] });
    expect(rescan.report.findings).toEqual([]);
  });

  it('replaces a symbolic link at the baseline path instead of writing through it (D24)', async ({
    temp,
    repo,
  }) => {
    temp.write('victim', 'IMPORTANT USER DATA\n');
    symlinkSync(temp.path('victim'), repo.path('.tightlip-baseline.jsonl'));
    repo.write('c.env', `${fakeToken('generic-password', 7)}\n`);
    const result = await runMain(repo, ['baseline', 'create', '--force']);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(temp.path('victim'), 'utf8')).toBe('IMPORTANT USER DATA\n');
    expect(lstatSync(repo.path('.tightlip-baseline.jsonl')).isSymbolicLink()).toBe(false);
    // A dangling link creates nothing outside the repository either.
    repo.write('x', '');
    symlinkSync(temp.path('new-outside'), repo.path('dangling'));
    expect(
      (await runMain(repo, ['baseline', 'create', '--force', '--baseline', 'dangling'])).status,
    ).toBe(0);
    expect(existsSync(temp.path('new-outside'))).toBe(false);
  });

  it('refuses to append to a .gitattributes that is a symbolic link (D24)', async ({
    temp,
    repo,
  }) => {
    temp.write('attrs', '* text\n');
    symlinkSync(temp.path('attrs'), repo.path('.gitattributes'));
    repo.write('c.env', `${fakeToken('generic-password', 7)}\n`);
    const result = await runMain(repo, ['baseline', 'create']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.gitattributes is a symbolic link');
    expect(readFileSync(temp.path('attrs'), 'utf8')).toBe('* text\n');
  });
});

describe('baseline hashes of guessable secrets (D28)', () => {
  it('stretches the hash of a password with scrypt, and still reads a version 1 baseline', async ({
    temp,
  }) => {
    const line = fakeToken('generic-password', 8);
    temp.write('c.env', `${line}\n`);
    const revealed = await runMain(temp, ['scan', '.', '--no-mask', '--format', 'json']);
    const { secret, ruleId } = (
      JSON.parse(revealed.stdout) as { findings: { secret: string; ruleId: string }[] }
    ).findings[0]!;
    const result = await runBaseline({ ...options(temp), action: 'create' });
    const [header, entry] = readFileSync(result.file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as { salt: string; hash: string });
    // Not the HMAC a dictionary can be run against at full speed.
    const hmac = createHmac('sha256', header!.salt).update(`${ruleId}\0${secret}`).digest('hex');
    expect(entry!.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(entry!.hash).not.toBe(hmac.slice(0, 32));
    expect(await scan(temp)).toEqual([]);
    // A version 1 file keeps its HMAC entries, and they still accept their findings.
    temp.write(
      '.tightlip-baseline.jsonl',
      `{"tightlip-baseline":1,"salt":"${header!.salt}"}\n${JSON.stringify({ rule: ruleId, path: 'c.env', hash: hmac.slice(0, 32) })}\n`,
    );
    expect(await scan(temp)).toEqual([]);
    await runBaseline({ ...options(temp), action: 'update' });
    expect(readFileSync(result.file, 'utf8')).toContain('"tightlip-baseline":1');
  });
});
