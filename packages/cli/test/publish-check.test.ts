import { describe, expect } from 'vitest';
import { fakeGithubToken, sourceMap, tarFiles } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { runMain } from './helpers.js';

const map = sourceMap({
  '../src/index.ts': '// Project Halcyon, do not ship\nexport const x = 1;\n',
});

describe('publish-check', () => {
  it("fails on a source map in the package's tarball whose embedded source holds a codename, and passes once the map is excluded", async ({
    temp,
  }) => {
    temp.write('codenames.txt', 'Halcyon\n');
    temp.write(
      'pkg/package.json',
      JSON.stringify({ name: 'demo', version: '1.0.0', files: ['dist'] }),
    );
    temp.write('pkg/dist/index.js', 'export const x = 1;\n//# sourceMappingURL=index.js.map\n');
    temp.write('pkg/dist/index.js.map', map);
    // Not in the tarball ("files"), so not checked: npm's own file list decides.
    temp.write('pkg/src/index.ts', '// Project Halcyon, do not ship\n');
    temp.write('pkg/notes/plan.md', `token ${fakeGithubToken(3)}\n`);

    const failing = await runMain(temp, [
      'publish-check',
      'pkg',
      '--terms',
      'codenames.txt',
      '--format',
      'json',
    ]);
    expect(failing.status).toBe(1);
    const report = JSON.parse(failing.stdout);
    expect(
      report.findings.map((f: { path: string; ruleId: string }) => [f.path, f.ruleId]),
    ).toEqual([
      ['dist/index.js.map', 'publish-source-map-sources'],
      ['dist/index.js.map!/src/index.ts', 'term:codenames.txt:1'],
    ]);
    expect(report.stats.files).toBe(4);

    temp.write(
      'pkg/package.json',
      JSON.stringify({ name: 'demo', version: '1.0.0', files: ['dist', '!dist/*.map'] }),
    );
    const passing = await runMain(temp, ['publish-check', 'pkg', '--terms', 'codenames.txt']);
    expect(passing.stderr).toBe('');
    expect(passing.status).toBe(0);
  });

  it('warns (info) about a source map that embeds clean sources; --fail-on info blocks it', async ({
    temp,
  }) => {
    temp.write('package.json', JSON.stringify({ name: 'demo', version: '1.0.0' }));
    temp.write('index.js.map', sourceMap({ 'a.ts': 'export {};\n' }));
    expect((await runMain(temp, ['publish-check'])).status).toBe(0);
    expect((await runMain(temp, ['publish-check', '--fail-on', 'info'])).status).toBe(1);
  });

  it('checks every file of a site directory, gitignored or not, for drafts and markers', async ({
    temp,
  }) => {
    temp.write('public/.gitignore', '*\n');
    temp.write('public/index.html', '<p>Welcome</p>\n');
    temp.write('public/posts/launch.md', '---\ntitle: Launch\ndraft: true\n---\nComing soon.\n');
    temp.write(
      'public/posts/done.md',
      '---\ntitle: Done\n---\ndraft: true is how you hide a post.\n',
    );
    temp.write('public/memo.txt', 'INTERNAL ONLY\n');
    const result = await runMain(temp, [
      'publish-check',
      'public',
      '--terms',
      'tightlip:markers',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(1);
    expect(
      JSON.parse(result.stdout).findings.map(
        (f: { path: string; ruleId: string; line: number }) => [f.path, f.line, f.ruleId],
      ),
    ).toEqual([
      ['memo.txt', 1, 'term:marker-in-house'],
      ['posts/launch.md', 3, 'publish-draft'],
    ]);
  });

  it('checks a release archive as it is, and refuses a path that does not exist', async ({
    temp,
  }) => {
    temp.write(
      'app-1.0.0.tgz',
      tarFiles({ 'package/.env': `TOKEN=${fakeGithubToken(4)}\n` }, { gzip: true }),
    );
    const result = await runMain(temp, ['publish-check', 'app-1.0.0.tgz']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('app-1.0.0.tgz!/package/.env');
    const missing = await runMain(temp, ['publish-check', 'nope']);
    expect([missing.status, missing.stderr]).toEqual([
      2,
      expect.stringContaining('no such file or directory: nope'),
    ]);
  });
});
