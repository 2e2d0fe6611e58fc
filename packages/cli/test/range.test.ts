import { describe, expect } from 'vitest';
import {
  createTempRepo,
  fakeGithubToken,
  hideSubmodule,
  stageSubmodule,
  type TempDir,
} from '@tightlip/fixtures';
import { test as base } from '@tightlip/fixtures/vitest';
import { guardCodename, runMain } from './helpers.js';

// `tightlip diff` (CI ranges) and `tightlip history`, in process. What the git sources
// read is tested in packages/git/test/{commits,range}.test.ts; here, the reports.

const leak = (seed: number) => `token = "${fakeGithubToken(seed)}"\n`;

interface Finding {
  path: string;
  line: number;
  commit?: string;
  ruleId: string;
}

async function json(
  repo: TempDir,
  args: string[],
): Promise<{ status: number; findings: Finding[]; stderr: string }> {
  const result = await runMain(repo, [...args, '--format', 'json']);
  return {
    status: result.status,
    stderr: result.stderr,
    findings: result.stdout ? JSON.parse(result.stdout).findings : [],
  };
}

/** main: old secret; topic (from main, checked out): clean commit, a secret added then removed, a codename message. */
function createHistory(repo: TempDir): { base: string; added: string; head: string } {
  guardCodename(repo);
  const base = repo.commit('old secret on main', { 'old.txt': leak(61) });
  repo.git('checkout', '-q', '-b', 'topic');
  repo.commit('clean', { 'a.txt': 'clean\n' });
  const added = repo.commit('add a secret', { 'b.txt': `x\n${leak(62)}` });
  repo.git('rm', '-q', 'b.txt');
  const head = repo.commit('remove it again, for Mythos');
  return { base, added, head };
}

interface History {
  repo: TempDir;
  base: string;
  added: string;
  head: string;
}

/** One history for the tests that only read it. */
const it = base.extend<{ history: History }>({
  history: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const repo = createTempRepo();
      try {
        await use({ repo, ...createHistory(repo) });
      } finally {
        repo.remove();
      }
    },
    { scope: 'file' },
  ],
});

describe('tightlip diff', () => {
  it('scans each commit of <base>..<head>: a secret added then removed is found, history before the base is not', async ({
    history,
  }) => {
    const { repo, base, added, head } = history;
    const result = await json(repo, ['diff', `${base}..topic`]);
    expect(result.status).toBe(1);
    expect(result.findings).toHaveLength(2);
    expect(result.findings.find((f) => f.ruleId === 'github-pat')).toMatchObject({
      path: 'b.txt',
      line: 2,
      commit: added,
    });
    expect(result.findings.find((f) => f.ruleId === 'term:terms.txt:1')).toMatchObject({
      path: head,
      line: 1,
      commit: head,
    });
  });

  it('takes --base <ref>: the commits on HEAD since its merge-base, also as SARIF', async ({
    history: { repo },
  }) => {
    const result = await json(repo, ['diff', '--base', 'main']);
    expect(result.status).toBe(1);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(
      ['github-pat', 'term:terms.txt:1'].sort(),
    );
    const sarif = await runMain(repo, ['diff', '--base', 'main', '--format', 'sarif']);
    expect(JSON.parse(sarif.stdout).runs[0].results.length).toBe(2);
  });

  it('exits 0 on a clean range, and 2 with a clear message on an unknown revision or a bad request', async ({
    history: { repo },
  }) => {
    expect((await runMain(repo, ['diff', 'topic~3..topic~2'])).status).toBe(0);
    const unknown = await runMain(repo, ['diff', 'nope..HEAD']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown revision nope');
    expect((await runMain(repo, ['diff'])).status).toBe(2);
    expect((await runMain(repo, ['diff', 'HEAD'])).stderr).toContain('not a range');
  });
});

describe('tightlip history', () => {
  it('scans every commit of every ref, or only the given refs', async ({ history: { repo } }) => {
    const all = await json(repo, ['history']);
    expect(all.status).toBe(1);
    expect(
      all.findings
        .filter((f) => f.ruleId === 'github-pat')
        .map((f) => f.path)
        .sort(),
    ).toEqual(['b.txt', 'old.txt']);
    const mainOnly = await json(repo, ['history', 'main']);
    expect(mainOnly.findings.map((f) => f.path)).toEqual(['old.txt']);
  });

  it('sees submodule paths that diff.ignoreSubmodules and .gitmodules hide, in history and in diff', async ({
    repo,
  }) => {
    guardCodename(repo);
    hideSubmodule(repo, 'vendor/mythos-sdk');
    repo.commit('init');
    stageSubmodule(repo, 'vendor/mythos-sdk');
    repo.git('commit', '-q', '--allow-empty', '-m', 'add the sdk'); // git itself ignores the entry too
    const names = (result: { findings: Finding[] }) => result.findings.map((f) => f.path);
    const history = await json(repo, ['history']);
    expect(history.status, history.stderr).toBe(1);
    // Reports mask the codename in paths too.
    expect(names(history)).toContain('vendor/[terms.txt:1]-sdk');
    expect(names(await json(repo, ['diff', 'HEAD~1..HEAD']))).toEqual(['vendor/[terms.txt:1]-sdk']);
  });

  it('scans an empty repository as clean', async ({ repo }) => {
    expect((await runMain(repo, ['history'])).status).toBe(0);
  });
});
