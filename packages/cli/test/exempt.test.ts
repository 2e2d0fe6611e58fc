import { describe, expect } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { CODENAME, guardRemoteCodename, leak, output, preReceive, runMain } from './helpers.js';

// Nothing passes by its name (the hostile review's D1): the files at the path of a loaded
// term list or of the baseline are scanned like any other.

describe('files at the path of a term list or the baseline', () => {
  it('a pushed file at the server term list path is judged like any other (pre-receive)', async ({
    repo,
    remote,
  }) => {
    guardRemoteCodename(remote);
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('leak', { 'terms.txt': `${leak(120)}${CODENAME} launch\n` });
    const result = await preReceive(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    expect(result.status).toBe(1);
    expect(output(result)).toContain('github-pat');
    expect(output(result)).toContain('term:terms.txt:1');
  });

  it('a pushed file at the server baseline path is judged like any other (pre-receive)', async ({
    repo,
    remote,
  }) => {
    remote.write('.tightlip-baseline.jsonl', '{"tightlip-baseline":1,"salt":"00"}\n');
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('leak', { '.tightlip-baseline.jsonl': `API_TOKEN=${fakeGithubToken(121)}\n` });
    const result = await preReceive(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    expect(result.status).toBe(1);
    expect(output(result)).toContain('.tightlip-baseline.jsonl');
  });

  it('scan reads the baseline file, and a term list on disk without its own terms', async ({
    temp,
  }) => {
    temp.write('tightlip.config.json', JSON.stringify({ terms: ['names.txt'] }));
    temp.write('names.txt', `${CODENAME}\n# ${fakeGithubToken(122)} Osprey\n`);
    temp.write('other.txt', `Osprey\n# see ${CODENAME}\n`);
    // A baseline as older versions wrote it, with a token in a path in clear.
    temp.write(
      '.tightlip-baseline.jsonl',
      `{"tightlip-baseline":1,"salt":"00"}\n{"rule":"x","path":"notes-${fakeGithubToken(123)}.txt","hash":"00"}\n`,
    );
    const result = await runMain(temp, ['scan', '.', '--terms', 'other.txt', '--format', 'json']);
    const findings = (
      JSON.parse(result.stdout) as { findings: { path: string; ruleId: string; line: number }[] }
    ).findings.map((f) => [f.path, f.line, f.ruleId]);
    expect(findings).toEqual([
      ['.tightlip-baseline.jsonl', 2, 'github-pat'],
      ['names.txt', 2, 'github-pat'],
      ['names.txt', 2, 'term:other.txt:1'],
      ['other.txt', 2, 'term:names.txt:1'],
    ]);
    expect(output(result)).not.toMatch(/mythos/i);
  });
});

describe('what the pushed content cannot decide on a server', () => {
  it('ignores inline tightlip:allow in the push unless the server config opts in (D21)', async ({
    repo,
    remote,
  }) => {
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.git('push', '-q', 'origin', 'main');
    repo.commit('leak', { 'x.ts': `x = "${fakeGithubToken(124)}"; // tightlip:allow\n` });
    const update = [['refs/heads/main', 'refs/heads/main']] as const;
    const rejected = await preReceive(repo, remote, update);
    expect(rejected.status).toBe(1);
    remote.write('tightlip.config.json', JSON.stringify({ inlineAllow: true }));
    expect((await preReceive(repo, remote, update)).status).toBe(0);
    // A client's hooks keep honouring them by default.
    expect((await runMain(repo, ['scan', 'x.ts'])).status).toBe(0);
  });
});

describe('error messages mask what they quote', () => {
  it('masks a ref or range given to diff (D7)', async ({ repo }) => {
    repo.commit('init', { 'a.txt': 'clean\n' });
    const token = fakeGithubToken(125);
    const base = await runMain(repo, ['diff', '--base', `origin/feature/${token}`]);
    expect(base.status).toBe(2);
    expect(base.stderr).toContain('unknown revision origin/feature/ghp_');
    const range = await runMain(repo, ['diff', token]);
    expect(range.status).toBe(2);
    expect(range.stderr).toContain('not a range');
    for (const result of [base, range]) expect(output(result)).not.toContain(token.slice(6));
  });
});

describe('errors raised before a scan starts', () => {
  it('mask credentials they quote (D2, D27)', async ({ temp }) => {
    const token = fakeGithubToken(126);
    const result = await runMain(temp, ['scan', `missing-${token}.txt`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no such file or directory: missing-ghp_');
    expect(result.stderr).not.toContain(token.slice(6));
  });
});
