import { existsSync, readFileSync, realpathSync, symlinkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { commitAll, install, output } from './git-setup.js';
import { BIN, runTightlip } from './helpers.js';

// The husky and lint-staged recipes of docs/hooks.md, with the real packages (the
// workspace's devDependencies, linked into the test repository: no network).

const WORKSPACE_MODULES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules');

let repo: TempDir;
afterEach(() => repo?.remove());

/** A project with husky, lint-staged and tightlip in node_modules, as `npm install` would leave it. */
function createProject(lintStaged?: Record<string, unknown>): TempDir {
  const project = createTempRepo();
  project.write('package.json', JSON.stringify({ name: 'app', private: true, type: 'module', scripts: { prepare: 'husky' }, ...(lintStaged ? { 'lint-staged': lintStaged } : {}) }));
  project.write('.gitignore', 'node_modules\n');
  mkdirSync(project.path('node_modules', '.bin'), { recursive: true });
  for (const name of ['husky', 'lint-staged']) symlinkSync(realpathSync(join(WORKSPACE_MODULES, name)), project.path('node_modules', name));
  symlinkSync('../husky/bin.js', project.path('node_modules', '.bin', 'husky'));
  symlinkSync('../lint-staged/bin/lint-staged.js', project.path('node_modules', '.bin', 'lint-staged'));
  symlinkSync(BIN, project.path('node_modules', '.bin', 'tightlip'));
  const husky = project.run('npx', ['--offline', '--no', 'husky'], { env: { npm_config_offline: 'true' } });
  expect(husky.status, output(husky)).toBe(0);
  expect(project.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
  return project;
}

/** lint-staged leaves this file behind when its task ran (inside .git, so never staged). */
const MARKER_TASK = 'node -e "require(\'fs\').appendFileSync(\'.git/lint-staged-ran\', \'x\')"';

describe('husky', () => {
  it('adds tightlip to husky\'s scripts next to lint-staged, blocks a leak, and removes only its own lines', () => {
    repo = createProject({ '*.ts': MARKER_TASK });
    repo.write('.husky/pre-commit', 'lint-staged\n');
    const installed = install(repo);
    expect(installed.stderr).toContain('added to the existing husky pre-commit script');
    expect(installed.stderr).toContain('installed husky pre-push script');
    expect(existsSync(repo.path('.husky', '_', 'pre-commit.pre-tightlip'))).toBe(false);
    const script = readFileSync(repo.path('.husky', 'pre-commit'), 'utf8');
    expect(script.startsWith('# >>> tightlip')).toBe(true);
    expect(script.endsWith('# <<< tightlip\nlint-staged\n')).toBe(true);
    expect(script).not.toContain(BIN);

    repo.write('src/leak.ts', `export const t = "${fakeGithubToken(51)}";\n`);
    const blocked = commitAll(repo, 'leak');
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('src/leak.ts');
    expect(output(blocked)).toContain('github-pat');

    repo.write('src/leak.ts', 'export const t = process.env.T;\n');
    const clean = commitAll(repo, 'clean');
    expect(clean.status, output(clean)).toBe(0);
    expect(existsSync(repo.path('.git', 'lint-staged-ran'))).toBe(true);

    expect(install(repo).stderr).toContain('updated husky pre-commit script');
    expect(readFileSync(repo.path('.husky', 'pre-commit'), 'utf8')).toBe(script);

    const removed = runTightlip(repo, ['uninstall']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(readFileSync(repo.path('.husky', 'pre-commit'), 'utf8')).toBe('lint-staged\n');
    expect(existsSync(repo.path('.husky', 'pre-push'))).toBe(false);
  });

  it("runs before the script's own commands, so an early exit cannot skip it; uninstall gives the script back byte for byte", () => {
    repo = createProject();
    repo.write('f.txt', '1\n2\n3\n');
    commitAll(repo, 'init');
    // The user's script ends early while merging, and has no final newline.
    const own = 'git rev-parse -q --verify MERGE_HEAD >/dev/null && exit 0\necho "own commands ran" >&2';
    repo.write('.husky/pre-commit', own);
    install(repo, ['--hook', 'pre-commit']);
    repo.git('checkout', '-q', '-b', 'topic');
    repo.write('f.txt', '1\ntopic\n3\n');
    expect(commitAll(repo, 'topic').status).toBe(0);
    repo.git('checkout', '-q', 'main');
    repo.write('f.txt', '1\nmain\n3\n');
    expect(commitAll(repo, 'main').status).toBe(0);
    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0);
    repo.write('f.txt', `1\nconst t = "${fakeGithubToken(56)}";\n3\n`);
    repo.git('add', 'f.txt');
    const blocked = repo.run('git', ['commit', '--no-edit']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('github-pat');
    expect(repo.run('git', ['rev-parse', '-q', '--verify', 'MERGE_HEAD']).status).toBe(0); // still merging: not committed

    const removed = runTightlip(repo, ['uninstall']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(readFileSync(repo.path('.husky', 'pre-commit'), 'utf8')).toBe(own);
  });

  it('blocks with a message when tightlip is missing from node_modules (fail closed)', () => {
    repo = createProject();
    install(repo, ['--hook', 'pre-commit']);
    repo.run('rm', ['node_modules/.bin/tightlip']);
    repo.write('a.txt', 'clean\n');
    repo.git('add', 'a.txt');
    // Not even on PATH (npm test puts the workspace's node_modules/.bin there).
    const PATH = (process.env.PATH ?? '').split(':').filter((dir) => !dir.includes('node_modules')).join(':');
    const result = repo.run('git', ['commit', '-m', 'x'], { env: { PATH } });
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('tightlip is not installed');
    expect(output(result)).toContain('--no-verify (CI scans anyway)');
  });

  it('runs the pre-push block first and gives the ref updates back to the rest of the script', () => {
    repo = createProject();
    const remote = createTempRepo('tightlip-remote-');
    try {
      remote.git('config', 'receive.denyCurrentBranch', 'ignore');
      repo.git('remote', 'add', 'origin', remote.dir);
      repo.write('.husky/pre-push', 'while read local sha ref rsha; do echo "script saw $ref" >&2; done\n');
      install(repo, ['--hook', 'pre-push']);
      repo.write('a.txt', 'clean\n');
      commitAll(repo, 'init');
      const pushed = repo.run('git', ['push', 'origin', 'main']);
      expect(pushed.status, output(pushed)).toBe(0);
      expect(pushed.stderr).toContain('script saw refs/heads/main');
      repo.write('b.ts', `x = "${fakeGithubToken(52)}"\n`);
      commitAll(repo, 'leak', ['--no-verify']);
      const blocked = repo.run('git', ['push', 'origin', 'main']);
      expect(blocked.status).not.toBe(0);
      expect(output(blocked)).toContain('b.ts');
    } finally {
      remote.remove();
    }
  });
});

describe('lint-staged', () => {
  it('runs `tightlip staged` once per commit from a function task (the recipe in docs/hooks.md)', () => {
    repo = createProject();
    repo.write('lint-staged.config.js', "export default { '*': () => 'tightlip staged' };\n");
    repo.write('.husky/pre-commit', 'lint-staged\n');
    repo.write('README.md', 'clean\n');
    const clean = commitAll(repo, 'init');
    expect(clean.status, output(clean)).toBe(0);
    repo.write('src/leak.ts', `export const t = "${fakeGithubToken(53)}";\n`);
    const blocked = commitAll(repo, 'leak');
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('github-pat');
    expect(output(blocked)).not.toContain(fakeGithubToken(53));
  });
});
