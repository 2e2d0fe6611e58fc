import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { validateGitlabReport } from '../../cli/test/helpers.js';

// The CI integrations as users run them, with the bundled build: the GitHub Action's entry
// in a simulated Actions job (PR-like range, event payload, step summary), the GitLab
// template's script in a simulated branch pipeline, and the workflows of the docs checked
// against action.yml. (Which range `tightlip ci` picks for each event: cli/test/ci.test.ts.)

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ACTION_ENTRY = join(ROOT, 'packages', 'tightlip', 'dist', 'github-action.js');
const BIN = join(ROOT, 'packages', 'tightlip', 'bin', 'tightlip.js');

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;

/** main on origin; a branch adding a leak on top. */
function pullRequest(repo: TempDir): { base: string; head: string } {
  repo.commit('init', { 'README.md': 'hello\n', 'old.ts': `x = "${fakeGithubToken(70)}"\n` });
  const base = repo.rev('HEAD');
  repo.git('push', '-q', 'origin', 'main');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.commit('feature', { 'src/new.ts': `export const t = "${fakeGithubToken(71)}";\n` });
  return { base, head: repo.rev('HEAD') };
}

describe('the GitHub Action', () => {
  it('is a JavaScript action on node20 running the bundled build', () => {
    expect(ACTION.runs).toEqual({
      using: 'node20',
      main: 'packages/tightlip/dist/github-action.js',
    });
  });

  it('scans a pull request in a simulated job: annotations, a masked job summary, SARIF, outputs, a failed step', ({
    repo,
    remote,
  }) => {
    expect(remote.dir).toBeTruthy();
    const { base, head } = pullRequest(repo);
    repo.write(
      '.git/ci/event.json',
      JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: head } } }),
    );
    const env: NodeJS.ProcessEnv = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: repo.path('.git', 'ci', 'event.json'),
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_STEP_SUMMARY: repo.path('.git', 'ci', 'summary.md'),
      GITHUB_OUTPUT: repo.path('.git', 'ci', 'output'),
    };
    // What the runner passes: every input, with its default when the workflow gives none.
    for (const [name, { default: value }] of Object.entries(ACTION.inputs))
      env[`INPUT_${name.toUpperCase()}`] = value ?? '';
    const result = repo.run(process.execPath, [ACTION_ENTRY], { cwd: '/', env });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=src\/new\.ts,line=1,col=\d+,endLine=1,endColumn=\d+,title=tightlip github-pat::/m,
    );
    expect(result.stdout).not.toContain('old.ts');
    const summary = readFileSync(repo.path('.git', 'ci', 'summary.md'), 'utf8');
    expect(summary).toContain('| high | github-pat | src/new.ts:1 |');
    const sarif = JSON.parse(readFileSync(repo.path('tightlip.sarif'), 'utf8')) as {
      runs: {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'src/new.ts',
    );
    expect(readFileSync(repo.path('.git', 'ci', 'output'), 'utf8')).toBe(
      'findings=1\nsarif-file=tightlip.sarif\n',
    );
    for (const text of [result.stdout, result.stderr, summary, JSON.stringify(sarif)])
      expect(text).not.toContain(fakeGithubToken(71));
  });

  it('runs in the workflows of the docs as written: valid YAML, only inputs it has, the permission upload-sarif needs', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'hooks.md'), 'utf8');
    const workflows = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .filter((text) => /^jobs:/m.test(text));
    expect(workflows.length).toBeGreaterThan(0);
    for (const text of workflows) {
      const [document] = parseAllDocuments(text);
      expect(document!.errors).toEqual([]);
      const workflow = document!.toJS() as {
        permissions?: Record<string, string>;
        jobs: Record<
          string,
          { permissions?: Record<string, string>; steps: { uses?: string; with?: object }[] }
        >;
      };
      for (const job of Object.values(workflow.jobs)) {
        const permissions = { ...workflow.permissions, ...job.permissions };
        for (const step of job.steps) {
          if (step.uses?.startsWith('tightlip/tightlip@'))
            for (const input of Object.keys(step.with ?? {}))
              expect(Object.keys(ACTION.inputs)).toContain(input);
          if (step.uses?.startsWith('github/codeql-action/upload-sarif@'))
            expect(permissions['security-events']).toBe('write');
        }
      }
    }
  });
});

describe('the GitLab template', () => {
  it("runs its script in a simulated branch pipeline of a new branch: fetches the default branch, writes GitLab's report", ({
    repo,
    remote,
  }) => {
    expect(remote.dir).toBeTruthy();
    const { head } = pullRequest(repo);
    // A branch pipeline's clone may lack the default branch: the template fetches it.
    repo.git('update-ref', '-d', 'refs/remotes/origin/main');
    const template = parse(
      readFileSync(join(ROOT, 'ci', 'gitlab', 'tightlip.gitlab-ci.yml'), 'utf8'),
    ) as {
      tightlip: {
        script: string[];
        variables: Record<string, string>;
        artifacts: { reports: { secret_detection: string } };
        rules: { if: string; when?: string }[];
      };
    };
    const job = template.tightlip;
    expect(job.artifacts.reports.secret_detection).toBe('gl-secret-detection-report.json');
    expect(job.variables.GIT_DEPTH).toBe('0');
    expect(job.rules.map((rule) => rule.if)).toContain(
      '$CI_PIPELINE_SOURCE == "merge_request_event"',
    );
    // tightlip is on PATH (the built package), so the script installs nothing.
    const shims = repo.path('.git', 'shims');
    mkdirSync(shims);
    symlinkSync(BIN, join(shims, 'tightlip'));
    const script = job.script.join('\n');
    const result = repo.run('sh', ['-e', '-c', script], {
      env: {
        ...job.variables,
        PATH: `${shims}:${process.env.PATH ?? ''}`,
        GITLAB_CI: 'true',
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_BRANCH: 'feature',
        CI_DEFAULT_BRANCH: 'main',
        CI_COMMIT_BEFORE_SHA: '0'.repeat(40),
        CI_COMMIT_SHA: head,
      },
    });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('the commits not on origin/main');
    expect(result.stdout).toContain('src/new.ts');
    expect(result.stdout).not.toContain('old.ts');
    const report = readFileSync(repo.path('gl-secret-detection-report.json'), 'utf8');
    validateGitlabReport(report);
    expect(report).toContain(`"sha": "${head}"`);
  });
});
