import { rmSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { runMain } from './helpers.js';

// `tightlip history`: each secret once per path, at the commit that introduced it.

interface Finding {
  ruleId: string;
  path: string;
  line: number;
  commit?: string;
  author?: string;
  date?: string;
  laterCommits?: number;
  origin?: string;
}

async function audit(repo: TempDir, args: string[] = []) {
  const result = await runMain(repo, ['history', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
  return { status: result.status, findings };
}

/** A file of `count` ordinary lines, with `extra` lines put in at line `at`. */
const code = (count: number, at = 0, ...extra: string[]) => {
  const lines = Array.from({ length: count }, (_, i) => `export const value${i} = ${i * 7};`);
  lines.splice(at, 0, ...extra);
  return `${lines.join('\n')}\n`;
};

const secret = (seed: number) => `const token = "${fakeGithubToken(seed)}";`;

describe('tightlip history attribution', () => {
  it('reports a secret at the commit that introduced it, with its author, date and real line', async ({
    repo,
  }) => {
    repo.commit('clean start', { 'big.ts': code(3000) });
    const leak = repo.commit('add a setting', { 'big.ts': code(3000, 2500, secret(1)) });
    repo.commit('unrelated', { 'other.ts': 'export {};\n' });
    const { status, findings } = await audit(repo);
    expect(status).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'github-pat',
        path: 'big.ts',
        line: 2501,
        commit: leak,
        author: 'Test Author <author@example.invalid>',
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        laterCommits: 0,
        origin: 'commit',
      }),
    ]);
  });

  it('reports a secret that survives many edits once, with how many later commits still carry it', async ({
    repo,
  }) => {
    const leak = repo.commit('config', { 'config.ts': code(50, 10, secret(2)) });
    for (let i = 0; i < 6; i++)
      repo.commit(`edit ${i}`, { 'config.ts': code(50 + i + 1, 10, secret(2)) });
    repo.commit('remove it', { 'config.ts': code(60) });
    const { findings } = await audit(repo);
    expect(findings).toEqual([
      expect.objectContaining({ path: 'config.ts', line: 11, commit: leak, laterCommits: 6 }),
    ]);
  });

  it('reports a secret moved or copied to another file there too, at the commit that put it there', async ({
    repo,
  }) => {
    const first = repo.commit('add', { 'a.ts': code(20, 5, secret(3)) });
    repo.git('mv', 'a.ts', 'moved.ts');
    const moved = repo.commit('move');
    const copied = repo.commit('copy with changes', {
      'lib/copy.ts': code(30, 1, secret(3)),
      'moved.ts': code(21, 5, secret(3)),
    });
    const { findings } = await audit(repo);
    expect(
      findings.map(({ path, line, commit, laterCommits }) => ({
        path,
        line,
        commit,
        laterCommits,
      })),
    ).toEqual(
      expect.arrayContaining([
        { path: 'a.ts', line: 6, commit: first, laterCommits: 0 },
        { path: 'moved.ts', line: 6, commit: moved, laterCommits: 1 },
        { path: 'lib/copy.ts', line: 2, commit: copied, laterCommits: 0 },
      ]),
    );
    expect(findings).toHaveLength(3);
  });

  it('finds a secret that only a side branch has, unless the audit is of another branch', async ({
    repo,
  }) => {
    repo.commit('main', { 'main.ts': code(5) });
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.commit('side work', { 'side.ts': code(5, 2, secret(4)) });
    repo.git('checkout', '-q', 'main');
    repo.commit('more main', { 'main.ts': code(6) });
    expect((await audit(repo)).findings).toEqual([
      expect.objectContaining({ path: 'side.ts', line: 3, commit: side }),
    ]);
    expect((await audit(repo, ['--branches'])).findings).toHaveLength(1);
    expect(await audit(repo, ['main'])).toEqual({ status: 0, findings: [] });
  });

  it('finds a secret only in a tag message, and one in a branch name', async ({ repo }) => {
    repo.commit('clean', { 'a.ts': code(3) });
    repo.git('tag', '-a', 'v1', '-m', `release\n\nkey ${fakeGithubToken(5)}`);
    repo.git('branch', `leak-${fakeGithubToken(6)}`);
    const { status, findings } = await audit(repo);
    expect(status).toBe(1);
    expect(findings.map(({ path, origin }) => ({ path, origin }))).toEqual(
      expect.arrayContaining([
        { path: 'refs/tags/v1', origin: 'message' },
        { path: expect.stringMatching(/^refs\/heads\/leak-ghp_/), origin: 'name' },
      ]),
    );
    // Only the tags: the branch name is not judged.
    expect((await audit(repo, ['--tags'])).findings.map((f) => f.origin)).toEqual(['message']);
  });

  it('reports a blob the repository lacks and fails (exit 2), keeping every other finding', async ({
    repo,
  }) => {
    repo.commit('lost later', { 'lost.ts': code(3) });
    const leak = repo.commit('leak', { 'a.ts': code(5, 2, secret(7)) });
    // A partial or damaged clone: the blob's object is gone.
    const lost = repo.rev('HEAD~1:lost.ts');
    rmSync(repo.path('.git', 'objects', lost.slice(0, 2), lost.slice(2)));
    const result = await runMain(repo, ['history', '--format', 'json']);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as { findings: Finding[]; skipped: unknown[] };
    expect(report.findings).toEqual([expect.objectContaining({ path: 'a.ts', commit: leak })]);
    expect(report.skipped).toEqual([
      expect.objectContaining({
        path: 'lost.ts',
        reason: 'unreadable',
        detail: expect.stringContaining('missing from the repository') as unknown,
      }),
    ]);
  });

  it('refuses refs together with --all, --branches or --tags, and a bad --max-count', async ({
    repo,
  }) => {
    repo.commit('one', { 'a.ts': code(1) });
    expect((await runMain(repo, ['history', 'main', '--branches'])).status).toBe(2);
    expect((await runMain(repo, ['history', '--max-count', '0'])).status).toBe(2);
    expect(
      (await runMain(repo, ['history', '--max-count', '1', '--since', '2000-01-01'])).status,
    ).toBe(0);
  });
});
