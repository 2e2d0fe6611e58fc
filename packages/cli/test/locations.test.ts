import { describe, expect } from 'vitest';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { GITLAB_SCHEMA_VERSION } from '@tightlip/core';
import { GITLAB_SCHEMA, runMain, validateGitlabReport } from './helpers.js';

// The formats that point tools at files — SARIF (code scanning), GitHub annotations,
// GitLab's report — name real, repository-relative paths: masking applies to messages and
// excerpts, never by making a location unresolvable. GitLab's report validates against
// GitLab's published schema (a copy in fixtures/gitlab).

interface Sarif {
  runs: {
    results: {
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: object } }[];
    }[];
  }[];
}

interface Gitlab {
  vulnerabilities: {
    description: string;
    location: { file: string; start_line?: number; commit: { sha: string } };
  }[];
}

/** `scan args… --format <format>` in process; the report printed. */
async function report(temp: TempDir, format: string, args: string[]): Promise<string> {
  const result = await runMain(temp, ['scan', ...args, '--format', format]);
  expect(result.status, result.stderr).toBe(1);
  return result.stdout;
}

describe('locations in SARIF, annotations and GitLab', () => {
  it('are repository-relative when a subdirectory is scanned (text stays relative to what was scanned)', async ({
    repo,
  }) => {
    repo.write('src/config.py', `token = "${fakeGithubToken(97)}"\n`);
    const sarif = JSON.parse(await report(repo, 'sarif', ['src'])) as Sarif;
    const [result] = sarif.runs[0]!.results;
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('src/config.py');
    expect(result!.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 1 });
    expect(await report(repo, 'github', ['src'])).toContain('file=src/config.py,line=1,');
    const gitlab = await report(repo, 'gitlab', ['src']);
    validateGitlabReport(gitlab);
    expect((JSON.parse(gitlab) as Gitlab).vulnerabilities[0]!.location.file).toBe('src/config.py');
    // From inside the subdirectory, too.
    expect(await runMain(repo, ['scan', '.', '--format', 'github'], { cwd: 'src' })).toMatchObject({
      stdout: expect.stringContaining('file=src/config.py,') as unknown,
    });
    expect(await report(repo, 'text', ['src'])).toMatch(/^config\.py$/m);
  });

  it('name the real file for a term in its name, without a region, masking the name in the message', async ({
    repo,
  }) => {
    repo.write('terms.txt', 'Mythos\n');
    repo.write('tightlip.config.json', JSON.stringify({ terms: ['terms.txt'] }));
    repo.write('src/components/MythosBanner.tsx', 'export const banner = 1;\n');
    const path = 'src/components/MythosBanner.tsx';

    const sarif = JSON.parse(await report(repo, 'sarif', ['.'])) as Sarif;
    const [result] = sarif.runs[0]!.results;
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(path);
    expect(result!.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(result!.message.text).toContain('in the name src/components/[terms.txt:1]Banner.tsx');
    expect(result!.message.text).not.toContain('Mythos');

    const github = await report(repo, 'github', ['.']);
    expect(github).toContain(`file=${path},title=`);
    expect(github.split('::').at(-1)).not.toContain('Mythos');

    const gitlab = await report(repo, 'gitlab', ['.']);
    validateGitlabReport(gitlab);
    const [vulnerability] = (JSON.parse(gitlab) as Gitlab).vulnerabilities;
    expect(vulnerability!.location.file).toBe(path);
    expect(vulnerability!.location.start_line).toBeUndefined();
    expect(vulnerability!.description).not.toContain('Mythos');

    // Everywhere else the path stays masked.
    for (const format of ['text', 'json', 'junit'])
      expect(await report(repo, format, ['.'])).not.toContain('Mythos');
  });

  it("GitLab's report of a range names each finding's commit and validates against the schema", async ({
    repo,
  }) => {
    expect(GITLAB_SCHEMA.self.version).toBe(GITLAB_SCHEMA_VERSION);
    const base = repo.commit('init', { 'README.md': 'hello\n' });
    const head = repo.commit('leak', { 'app/a.ts': `const t = "${fakeGithubToken(98)}";\n` });
    const result = await runMain(repo, ['diff', `${base}..${head}`, '--format', 'gitlab']);
    expect(result.status, result.stderr).toBe(1);
    validateGitlabReport(result.stdout);
    const [vulnerability] = (JSON.parse(result.stdout) as Gitlab).vulnerabilities;
    expect(vulnerability!.location).toMatchObject({ file: 'app/a.ts', commit: { sha: head } });
  });
});
