import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { leak, output, runMain, validateGitlabReport } from './helpers.js';

// `tightlip ci` in process: which commits it scans from what GitHub Actions and GitLab CI
// set (pull and merge requests, pushes, new branches, force pushes, first pushes), and
// what it writes (annotations, job summary, step outputs, extra reports). The Action's
// bundled entry runs as a process in packages/tightlip/test/ci.e2e.test.ts.

const ZERO = '0'.repeat(40);

/** The environment of a GitHub Actions job for `event` (written to a payload file). */
function github(repo: TempDir, name: string, event: object): NodeJS.ProcessEnv {
  repo.write('.git/ci/event.json', JSON.stringify(event));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: repo.path('.git', 'ci', 'event.json'),
    GITHUB_STEP_SUMMARY: repo.path('.git', 'ci', 'summary.md'),
    GITHUB_OUTPUT: repo.path('.git', 'ci', 'output'),
  };
}

/** A main branch already on origin (with an old leak, not this change's), and a feature branch adding one. */
function history(repo: TempDir, remote: TempDir): { main: string; feature: string } {
  repo.commit('init', { 'README.md': 'hello\n', 'old.ts': leak(60) });
  const main = repo.rev('HEAD');
  repo.git('push', '-q', 'origin', 'main');
  repo.git('fetch', '-q', 'origin');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('feature', { 'src/new.ts': leak(61) });
  expect(remote.rev('refs/heads/main')).toBe(main);
  return { main, feature: repo.rev('HEAD') };
}

describe('tightlip ci on GitHub Actions', () => {
  it("scans a pull request's commits: annotations, a masked job summary, step outputs and a SARIF file", async ({
    repo,
    remote,
  }) => {
    const { main, feature } = history(repo, remote);
    const env = github(repo, 'pull_request', {
      pull_request: { base: { sha: main }, head: { sha: feature } },
    });
    const result = await runMain(
      repo,
      ['ci', '--format', 'github', '--report', 'sarif=tightlip.sarif'],
      { env },
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`scanning the pull request's commits (${main}..${feature})`);
    expect(result.stdout).toMatch(/^::error file=src\/new\.ts,line=1,col=\d+,/m);
    expect(result.stdout).not.toContain('old.ts');
    expect(result.stderr).toContain('report written to tightlip.sarif');
    expect(readFileSync(repo.path('tightlip.sarif'), 'utf8')).toContain('"uri": "src/new.ts"');
    const summary = readFileSync(repo.path('.git', 'ci', 'summary.md'), 'utf8');
    expect(summary).toContain('### tightlip: 1 finding (1 high)');
    expect(summary).toContain(`| high | github-pat | src/new.ts:1 | ${feature.slice(0, 12)} |`);
    expect(output(result) + summary).not.toContain(fakeGithubToken(61));
    expect(readFileSync(repo.path('.git', 'ci', 'output'), 'utf8')).toBe(
      'findings=1\nsarif-file=tightlip.sarif\n',
    );
  });

  it('scans a push: the pushed range; a new branch (all-zero before) or a force push (before unknown) against the default branch', async ({
    repo,
    remote,
  }) => {
    const { main, feature } = history(repo, remote);
    const push = (before: string) =>
      github(repo, 'push', {
        before,
        after: feature,
        repository: { default_branch: 'main' },
      });
    const ranged = await runMain(repo, ['ci'], {
      env: { ...push(main), GITHUB_REF: 'refs/heads/feature' },
    });
    expect(ranged.status).toBe(1);
    expect(ranged.stderr).toContain(`scanning the pushed commits (${main}..${feature})`);
    for (const before of [ZERO, 'f'.repeat(40)]) {
      const fallback = await runMain(repo, ['ci'], {
        env: { ...push(before), GITHUB_REF: 'refs/heads/feature' },
      });
      expect(fallback.status, fallback.stderr).toBe(1);
      expect(fallback.stderr).toContain(
        `the commits not on origin/main (origin/main...${feature})`,
      );
      expect(fallback.stdout).toContain('src/new.ts');
      expect(fallback.stdout).not.toContain('old.ts');
    }
    // The first push of the default branch: everything it reaches.
    const first = await runMain(repo, ['ci'], {
      env: { ...push(ZERO), GITHUB_REF: 'refs/heads/main' },
    });
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('a new branch: every commit it reaches');
    expect(first.stdout).toContain('old.ts');
  });

  it('refuses other events and runs outside CI, saying what to use instead (exit 2)', async ({
    repo,
  }) => {
    repo.commit('init', { 'a.txt': 'a\n' });
    const scheduled = await runMain(repo, ['ci'], { env: github(repo, 'schedule', {}) });
    expect(scheduled.status).toBe(2);
    expect(scheduled.stderr).toContain('not schedule event; use tightlip diff or tightlip history');
    const local = await runMain(repo, ['ci']);
    expect(local.status).toBe(2);
    expect(local.stderr).toContain('tightlip ci runs in GitHub Actions or GitLab CI');
  });
});

describe('tightlip ci on GitLab CI', () => {
  it("scans a merge request's commits and writes GitLab's secret-detection report", async ({
    repo,
    remote,
  }) => {
    const { main, feature } = history(repo, remote);
    const result = await runMain(
      repo,
      ['ci', '--report', 'gitlab=gl-secret-detection-report.json'],
      {
        env: {
          GITLAB_CI: 'true',
          CI_MERGE_REQUEST_DIFF_BASE_SHA: main,
          CI_COMMIT_SHA: feature,
          CI_COMMIT_BRANCH: 'feature',
          CI_DEFAULT_BRANCH: 'main',
        },
      },
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain("scanning the merge request's commits");
    const report = readFileSync(repo.path('gl-secret-detection-report.json'), 'utf8');
    validateGitlabReport(report);
    expect(report).toContain('"file": "src/new.ts"');
    expect(report).not.toContain('old.ts');
  });

  it('scans a branch pipeline of a new branch against the default branch', async ({
    repo,
    remote,
  }) => {
    const { feature } = history(repo, remote);
    const result = await runMain(repo, ['ci'], {
      env: {
        GITLAB_CI: 'true',
        CI_COMMIT_BEFORE_SHA: ZERO,
        CI_COMMIT_SHA: feature,
        CI_COMMIT_BRANCH: 'feature',
        CI_DEFAULT_BRANCH: 'main',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('src/new.ts');
    expect(result.stdout).not.toContain('old.ts');
  });

  it('rejects a malformed --report', async ({ repo }) => {
    const result = await runMain(repo, ['ci', '--report', 'pdf=x'], { env: { GITLAB_CI: 'true' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--report takes <format>=<file>');
  });
});
