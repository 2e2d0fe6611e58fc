import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTempDir, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';

// The user's path, end to end: `npm pack` of the published package (its `prepack` builds
// it), installed offline into a fresh project by npm and by pnpm with empty caches — so no
// dependency can be fetched — then `npx --no tightlip scan .`, `tightlip install` and a real
// blocked `git commit` there.

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@10.34.9';

/** PATH without any node_modules/.bin (npm test puts the workspace's there): only the project's tightlip can run. */
const PATH = (process.env.PATH ?? '')
  .split(':')
  .filter((dir) => !dir.includes('node_modules'))
  .join(':');

/** npm's own cache, where bootstrap's `npx pnpm@…` already is: pnpm itself starts offline from there. */
const NPM_CACHE = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();

let packed: TempDir;
let tarball: string;

beforeAll(() => {
  packed = createTempDir('tightlip-pack-');
  const result = packed.run('npm', ['pack', '--pack-destination', packed.dir], {
    cwd: PACKAGE,
    env: { HOME: process.env.HOME, npm_config_cache: NPM_CACHE },
  });
  expect(result.status, result.stderr).toBe(0);
  const [name] = readdirSync(packed.dir).filter((file) => file.endsWith('.tgz'));
  expect(name).toBeDefined();
  tarball = packed.path(name!);
}, 600_000);

afterAll(() => packed?.remove());

/** A fresh project: package.json, node_modules ignored, one commit. */
function createProject(repo: TempDir): void {
  repo.write('package.json', JSON.stringify({ name: 'app', private: true, type: 'module' }));
  repo.write('.gitignore', 'node_modules\n');
  repo.commit('init');
}

/** What a user does after installing: scan, init, install the hooks, commit a leak and a clean change. */
function useIt(repo: TempDir, env: NodeJS.ProcessEnv): void {
  const token = fakeGithubToken(81);
  repo.write('src/config.js', `export const token = "${token}";\n`);
  const scanned = repo.run('npx', ['--no', 'tightlip', 'scan', '.'], { env });
  expect(scanned.status, scanned.stderr).toBe(1);
  expect(scanned.stdout).toContain('src/config.js');
  expect(scanned.stdout).toContain('github-pat');
  expect(scanned.stdout + scanned.stderr).not.toContain(token);

  const init = repo.run('npx', ['--no', 'tightlip', 'init'], { env });
  expect(init.status, init.stderr).toBe(0);
  const { $schema } = JSON.parse(readFileSync(repo.path('tightlip.config.json'), 'utf8')) as {
    $schema: string;
  };
  expect($schema).toBe('./node_modules/tightlip/schema/tightlip.config.schema.json');
  expect(existsSync(repo.path($schema))).toBe(true);

  const installed = repo.run('npx', ['--no', 'tightlip', 'install'], { env });
  expect(installed.status, installed.stderr).toBe(0);
  // The hook names no path into the package: it finds the project's own tightlip.
  expect(readFileSync(repo.path('.git', 'hooks', 'pre-commit'), 'utf8')).toContain(
    "tightlip_bin=''",
  );
  repo.git('add', '-A');
  const blocked = repo.run('git', ['commit', '-m', 'add config'], { env });
  expect(blocked.status).not.toBe(0);
  expect(blocked.stdout + blocked.stderr).toContain('github-pat');
  expect(blocked.stdout + blocked.stderr).toContain('tightlip blocked this commit');
  expect(blocked.stdout + blocked.stderr).not.toContain(token);
  expect(repo.git('rev-list', '--count', 'HEAD').trim()).toBe('1');

  repo.write('src/config.js', 'export const token = process.env.TOKEN;\n');
  repo.git('add', '-A');
  const clean = repo.run('git', ['commit', '-m', 'read the token from the environment'], { env });
  expect(clean.status, clean.stdout + clean.stderr).toBe(0);
}

describe('the tightlip package', () => {
  it('is one self-contained package: no dependencies, a licence, a README, types and schemas', ({
    temp,
  }) => {
    temp.git('init', '-q');
    expect(temp.run('tar', ['-xzf', tarball, '-C', temp.dir]).status).toBe(0);
    const manifest = JSON.parse(readFileSync(temp.path('package', 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: object;
      devDependencies?: object;
      license: string;
      engines: { node: string };
    };
    expect(manifest.name).toBe('tightlip');
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines.node).toBe('>=20.19');
    for (const file of [
      'LICENSE',
      'README.md',
      'bin/tightlip.js',
      'dist/bin.js',
      'dist/bin.js.map',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/github-action.js',
      'schema/tightlip.config.schema.json',
      'schema/tightlip.report.schema.json',
    ])
      expect(existsSync(temp.path('package', file)), file).toBe(true);
  });

  it('installs offline with npm (nothing to fetch), then scans, installs hooks and blocks a commit', ({
    repo,
  }) => {
    createProject(repo);
    const env = { PATH, npm_config_cache: repo.path('.git', 'empty-npm-cache') };
    const added = repo.run(
      'npm',
      ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball],
      { env },
    );
    expect(added.status, added.stderr).toBe(0);
    expect(readdirSync(repo.path('node_modules')).filter((name) => !name.startsWith('.'))).toEqual([
      'tightlip',
    ]);
    useIt(repo, env);
  }, 300_000);

  it(`installs offline with ${PNPM} (an empty store), then scans, installs hooks and blocks a commit`, ({
    repo,
  }) => {
    createProject(repo);
    const env = { PATH, npm_config_cache: NPM_CACHE, npm_config_prefer_offline: 'true' };
    const added = repo.run(
      'npx',
      [
        '--yes',
        PNPM,
        'add',
        '--save-dev',
        '--offline',
        '--store-dir',
        repo.path('.git', 'empty-pnpm-store'),
        tarball,
      ],
      { env },
    );
    expect(added.status, added.stdout + added.stderr).toBe(0);
    useIt(repo, env);
  }, 300_000);
});
