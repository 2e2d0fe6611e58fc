import { mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { parse } from 'yaml';
import { createTempRepo, fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';

// `.pre-commit-hooks.yaml` under a pre-commit framework runner: prek (pre-commit-compatible,
// from npm; a devDependency of the workspace) installs the three hooks from a repository
// holding the file, in a project that has tightlip (the built package) in node_modules, and
// real commits go through them. No network: the hook repository is local.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PREK = realpathSync(join(ROOT, 'node_modules', '.bin', 'prek'));
const PACKAGE = join(ROOT, 'packages', 'tightlip');

interface Hook {
  id: string;
  entry: string;
  language: string;
  stages: string[];
}

describe('the pre-commit framework hooks', () => {
  it('declare three system hooks that run the project tightlip through npx --no, in current stage names', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    expect(hooks.map((hook) => [hook.id, hook.stages])).toEqual([
      ['tightlip', ['pre-commit']],
      ['tightlip-commit-msg', ['commit-msg']],
      ['tightlip-pre-push', ['pre-push']],
    ]);
    for (const hook of hooks) {
      expect(hook.language).toBe('system');
      expect(hook.entry).toMatch(/^npx --no -- tightlip /);
    }
  });

  it('block a leak in a commit and in a message through prek, and let a clean commit through', ({
    repo,
  }) => {
    const hooks = createTempRepo('tightlip-hook-repo-');
    try {
      hooks.write('.pre-commit-hooks.yaml', readFileSync(join(ROOT, '.pre-commit-hooks.yaml')));
      const rev = hooks.commit('hooks');
      repo.write(
        '.pre-commit-config.yaml',
        `repos:\n  - repo: ${hooks.dir}\n    rev: ${rev}\n    hooks:\n      - id: tightlip\n      - id: tightlip-commit-msg\n      - id: tightlip-pre-push\n`,
      );
      repo.write('package.json', JSON.stringify({ name: 'app', private: true }));
      repo.write('.gitignore', 'node_modules\n');
      // As `npm install --save-dev tightlip` leaves it.
      mkdirSync(repo.path('node_modules', '.bin'), { recursive: true });
      symlinkSync(PACKAGE, repo.path('node_modules', 'tightlip'));
      symlinkSync('../tightlip/bin/tightlip.js', repo.path('node_modules', '.bin', 'tightlip'));
      const env = { PREK_HOME: repo.path('..', 'prek-home'), PREK_NO_PROGRESS: '1' };
      const installed = repo.run(
        PREK,
        ['install', '-t', 'pre-commit', '-t', 'commit-msg', '-t', 'pre-push'],
        { env },
      );
      expect(installed.status, installed.stdout + installed.stderr).toBe(0);

      repo.write('src/config.js', `export const token = "${fakeGithubToken(72)}";\n`);
      repo.git('add', '-A');
      const blocked = repo.run('git', ['commit', '-m', 'add config'], { env });
      expect(blocked.status).not.toBe(0);
      expect(blocked.stdout + blocked.stderr).toContain('github-pat');
      expect(blocked.stdout + blocked.stderr).not.toContain(fakeGithubToken(72));

      repo.write('src/config.js', 'export const token = process.env.TOKEN;\n');
      repo.git('add', '-A');
      const clean = repo.run('git', ['commit', '-m', 'config from the environment'], { env });
      expect(clean.status, clean.stdout + clean.stderr).toBe(0);

      const message = repo.run(
        'git',
        ['commit', '--allow-empty', '-m', `rotate ${fakeGithubToken(73)}`],
        { env },
      );
      expect(message.status).not.toBe(0);
      expect(message.stdout + message.stderr).toContain('github-pat');
    } finally {
      hooks.remove();
    }
  });
});
