import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';

// Every command example of README.md and docs/*.md runs as written: each shell block, line
// by line in one fresh project with tightlip installed (the built package), through `sh`;
// each example of the README's command table on its own. A command may find something
// (exit 1), never fail to run (exit 2). Commands that need what a test cannot do here
// (the npm registry, husky's own init, this repository's scripts) are listed in COVERED
// with the test that runs them; a new example that is neither fails this test.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PACKAGE = join(ROOT, 'packages', 'tightlip');

/** Commands run elsewhere, and where. */
const COVERED: Record<string, string> = {
  'npm run scan -- <path>': '.ci/run (npm run --silent scan -- .)',
  'npm test': '.ci/run',
  'npm install --save-dev tightlip': 'install.e2e.test.ts (the packed package, offline)',
  'npm install --global tightlip': 'install.e2e.test.ts (the same tarball, npm)',
  'npm install --save-dev husky tightlip': 'cli/test/husky.e2e.test.ts',
  'npx husky init': 'cli/test/husky.e2e.test.ts (husky run in a scratch repository)',
  'git add .husky && git commit -m "Guard commits with tightlip"': 'cli/test/husky.e2e.test.ts',
  'npx lint-staged': 'cli/test/husky.e2e.test.ts (lint-staged in .husky/pre-commit)',
  'pre-commit install --hook-type pre-commit --hook-type commit-msg --hook-type pre-push':
    'pre-commit.e2e.test.ts (prek install)',
  'tightlip ci --report gitlab=gl-secret-detection-report.json':
    'cli/test/ci.test.ts and ci.e2e.test.ts (in simulated GitLab pipelines; outside CI it exits 2)',
  '#!/bin/sh': 'cli/test/push.e2e.test.ts and pre-receive.test.ts (the GHES hook script)',
  'tightlip publish-check packages/app':
    'cli/test/publish-check.test.ts (a package directory, as npm pack would pack it)',
  'tightlip publish-check public': 'cli/test/publish-check.test.ts (a site directory)',
  'tightlip publish-check dist --all': 'cli/test/publish-check.test.ts (a site directory)',
  'tightlip publish-check app-1.2.0.tgz': 'cli/test/publish-check.test.ts (a release archive)',
};

interface Example {
  source: string;
  lines: string[];
}

/** The shell blocks of a Markdown file, comment lines and trailing comments removed. */
function shellBlocks(source: string, text: string): Example[] {
  return [...text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((match) => ({
    source,
    lines: match[1]!
      .split('\n')
      .filter((line) => line.trim() !== '' && !(line.startsWith('#') && line !== '#!/bin/sh'))
      .map((line) => line.replace(/\s+#\s.*$/, '').trim()),
  }));
}

/** The examples of the README's command table (its last column). */
function tableExamples(text: string): Example[] {
  return (
    text
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      // The last cell; `\|` is a pipe inside a cell.
      .map((line) =>
        line
          .split(/(?<!\\)\|/)
          .at(-2)!
          .replace(/\\\|/g, '|'),
      )
      .flatMap((cell) => [...cell.matchAll(/`([^`]*tightlip [^`]*)`/g)])
      .map((match) => ({ source: 'README.md table', lines: [match[1]!] }))
  );
}

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)];
const EXAMPLES = DOCS.filter((file) => file.endsWith('.md')).flatMap((file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...shellBlocks(file, text), ...(file === 'README.md' ? tableExamples(text) : [])];
});

/** docs/terms.md's JSON list: the list the docs hash. */
const TERMS_LIST = /```json\n(\{\n\s+"\$schema"[\s\S]*?"terms": \[[\s\S]*?)```/.exec(
  readFileSync(join(ROOT, 'docs', 'terms.md'), 'utf8'),
)![1]!;

/** A project as the examples assume one: tightlip installed, history on origin/main, term lists, a leak. */
function project(repo: TempDir, remote: TempDir): NodeJS.ProcessEnv {
  repo.write('package.json', JSON.stringify({ name: 'app', private: true }));
  repo.write('.gitignore', 'node_modules\n*.key\n');
  repo.write('codenames.txt', 'Mythos\n');
  repo.write('codenames.json', TERMS_LIST);
  repo.write('src/app.ts', 'export const app = 1;\n');
  repo.commit('init');
  repo.git('push', '-q', 'origin', 'main');
  repo.git('fetch', '-q', 'origin');
  repo.commit('leak', { 'src/config.ts': `export const t = "${fakeGithubToken(77)}";\n` });
  repo.write('.git/COMMIT_EDITMSG', 'Add the config\n');
  // The key the README makes, as it says to make it.
  expect(repo.run('sh', ['-c', 'openssl rand -hex 32 > team.key']).status).toBe(0);
  mkdirSync(repo.path('node_modules', '.bin'), { recursive: true });
  symlinkSync(PACKAGE, repo.path('node_modules', 'tightlip'));
  symlinkSync('../tightlip/bin/tightlip.js', repo.path('node_modules', '.bin', 'tightlip'));
  expect(remote.dir).toBeTruthy();
  // `tightlip` on PATH, as a global install puts it.
  return { PATH: `${repo.path('node_modules', '.bin')}:${process.env.PATH ?? ''}` };
}

describe('the command examples of the README and docs', () => {
  it('are all found, and each is run here or covered by a named test', () => {
    expect(EXAMPLES.length).toBeGreaterThan(10);
    const lines = EXAMPLES.flatMap((example) => example.lines);
    for (const covered of Object.keys(COVERED)) expect(lines).toContain(covered);
  });

  it.for(
    EXAMPLES.map(
      (example, i) => [`${example.source} #${i}: ${example.lines[0]}`, example] as const,
    ),
  )('%s', ([, example], { repo, remote }) => {
    const env = project(repo, remote);
    if (example.lines[0] === '#!/bin/sh') return;
    for (const line of example.lines) {
      if (COVERED[line] !== undefined) continue;
      expect(line, `${example.source}: an example neither run nor covered`).toMatch(
        /^(tightlip |npx --no (-- )?tightlip |echo .*\| tightlip |openssl )/,
      );
      const result = repo.run('sh', ['-c', line], { env });
      expect(result.status, `${line}\n${result.stdout}${result.stderr}`).toBeGreaterThanOrEqual(0);
      expect(result.status, `${line}\n${result.stdout}${result.stderr}`).toBeLessThanOrEqual(1);
      expect(result.stderr).not.toContain('internal error');
    }
  });
});
