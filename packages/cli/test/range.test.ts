import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { commitAll, guardCodename, hideSubmodule, stageSubmodule, utf16 } from './git-setup.js';
import { runTightlip } from './helpers.js';

// `tightlip diff` (CI ranges) and `tightlip history`, through the real bin.

let repo: TempDir;
afterEach(() => repo?.remove());

const leak = (seed: number) => `token = "${fakeGithubToken(seed)}"\n`;

function json(args: string[]): { status: number; findings: { path: string; line: number; commit?: string; ruleId: string }[]; stderr: string } {
  const result = runTightlip(repo, [...args, '--format', 'json']);
  return { status: result.status, stderr: result.stderr, findings: result.stdout ? JSON.parse(result.stdout).findings : [] };
}

/** main: old secret; topic (from main): clean commit, a secret added then removed, a codename message. */
function createHistory(): { base: string; added: string } {
  repo = createTempRepo();
  guardCodename(repo);
  repo.write('old.txt', leak(61));
  commitAll(repo, 'old secret on main');
  const base = repo.git('rev-parse', 'HEAD').trim();
  repo.git('checkout', '-q', '-b', 'topic');
  repo.write('a.txt', 'clean\n');
  commitAll(repo, 'clean');
  repo.write('b.txt', `x\n${leak(62)}`);
  commitAll(repo, 'add a secret');
  const added = repo.git('rev-parse', 'HEAD').trim();
  repo.git('rm', '-q', 'b.txt');
  repo.git('commit', '-qm', 'remove it again, for Mythos');
  return { base, added };
}

describe('tightlip diff', () => {
  it('scans each commit of <base>..<head>: a secret added then removed is found, history before the base is not', () => {
    const { base, added } = createHistory();
    const result = json(['diff', `${base}..topic`]);
    expect(result.status).toBe(1);
    const head = repo.git('rev-parse', 'topic').trim();
    expect(result.findings).toHaveLength(2);
    expect(result.findings.find((f) => f.ruleId === 'github-pat')).toMatchObject({ path: 'b.txt', line: 2, commit: added });
    expect(result.findings.find((f) => f.ruleId === 'term:terms.txt:1')).toMatchObject({ path: head, line: 1, commit: head });
  });

  it('takes --base <ref>: the commits on HEAD since its merge-base, also as SARIF', () => {
    createHistory();
    const result = json(['diff', '--base', 'main']);
    expect(result.status).toBe(1);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['github-pat', 'term:terms.txt:1'].sort());
    const sarif = runTightlip(repo, ['diff', '--base', 'main', '--format', 'sarif']);
    expect(JSON.parse(sarif.stdout).runs[0].results.length).toBe(2);
  });

  it('exits 0 on a clean range, and 2 with a clear message on an unknown revision or a bad request', () => {
    createHistory();
    expect(runTightlip(repo, ['diff', 'topic~3..topic~2']).status).toBe(0);
    const unknown = runTightlip(repo, ['diff', 'nope..HEAD']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown revision nope');
    expect(runTightlip(repo, ['diff']).status).toBe(2);
    expect(runTightlip(repo, ['diff', 'HEAD']).stderr).toContain('not a range');
  });
});

describe('tightlip history', () => {
  it('scans every commit of every ref, or only the given refs', () => {
    createHistory();
    repo.git('checkout', '-q', 'main');
    const all = json(['history']);
    expect(all.status).toBe(1);
    expect(all.findings.filter((f) => f.ruleId === 'github-pat').map((f) => f.path).sort()).toEqual(['b.txt', 'old.txt']);
    const mainOnly = json(['history', 'main']);
    expect(mainOnly.findings.map((f) => f.path)).toEqual(['old.txt']);
  });

  it('sees submodule paths that diff.ignoreSubmodules and .gitmodules hide, in history and in diff', () => {
    repo = createTempRepo();
    guardCodename(repo);
    hideSubmodule(repo, 'vendor/mythos-sdk');
    commitAll(repo, 'init');
    stageSubmodule(repo, 'vendor/mythos-sdk');
    repo.git('commit', '-q', '--allow-empty', '-m', 'add the sdk'); // git itself ignores the entry too
    const names = (result: ReturnType<typeof json>) => result.findings.map((f) => f.path);
    const history = json(['history']);
    expect(history.status, history.stderr).toBe(1);
    // Reports mask the codename in paths too.
    expect(names(history)).toContain('vendor/[terms.txt:1]-sdk');
    expect(names(json(['diff', 'HEAD~1..HEAD']))).toEqual(['vendor/[terms.txt:1]-sdk']);
  });

  it('scans UTF-16 files, in history and in diff', () => {
    repo = createTempRepo();
    repo.write('a.txt', 'clean\n');
    commitAll(repo, 'init');
    repo.write('u16.txt', utf16(`note\r\nk=${fakeGithubToken(63)}\r\n`, 'be'));
    commitAll(repo, 'utf-16');
    const head = repo.git('rev-parse', 'HEAD').trim();
    for (const args of [['history'], ['diff', 'HEAD~1..HEAD']]) {
      const result = json(args);
      expect(result.status, result.stderr).toBe(1);
      expect(result.findings).toMatchObject([{ path: 'u16.txt', line: 2, ruleId: 'github-pat', commit: head }]);
    }
  });

  it('scans an empty repository as clean', () => {
    repo = createTempRepo();
    expect(runTightlip(repo, ['history']).status).toBe(0);
  });
});
