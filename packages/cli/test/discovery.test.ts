import { existsSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { createTempRepo, fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { output, runMain } from './helpers.js';

// Which config and baseline a run uses: those of the project scanned, found from the scan
// target upward (the repository's root for git commands), never those of the directory
// tightlip runs from; `--config` overrides.

/** A config that would hide every GitHub token: applied by mistake, it makes a leak pass. */
const LAX = JSON.stringify({ rules: { 'github-pat': 'off' } });

describe('config and baseline discovery', () => {
  it("scanning another project from here uses that project's config, not this one's, and writes its baseline there", async ({
    repo,
  }) => {
    repo.write('tightlip.config.json', LAX);
    const other = createTempRepo();
    try {
      other.write('src/a.ts', `const t = "${fakeGithubToken(94)}";\n`);
      const scanned = await runMain(repo, ['scan', other.dir]);
      expect(scanned.status, output(scanned)).toBe(1);
      expect(scanned.stdout).toContain('github-pat');
      // A file of that project, named alone, too.
      expect((await runMain(repo, ['scan', other.path('src', 'a.ts')])).status).toBe(1);

      const accepted = await runMain(repo, ['baseline', 'update', other.dir]);
      expect(accepted.status, output(accepted)).toBe(0);
      expect(existsSync(other.path('.tightlip-baseline.jsonl'))).toBe(true);
      expect(existsSync(repo.path('.tightlip-baseline.jsonl'))).toBe(false);
      expect((await runMain(repo, ['scan', other.dir])).status).toBe(0);
      // --config still applies the config named.
      other.write('src/b.ts', `const t = "${fakeGithubToken(95)}";\n`);
      expect(
        (await runMain(repo, ['scan', other.dir, '--config', 'tightlip.config.json'])).status,
      ).toBe(0);
    } finally {
      other.remove();
    }
  });

  it("git commands use the repository root's config wherever in it they run, as the hooks do", async ({
    repo,
  }) => {
    repo.commit('init', { 'README.md': 'hello\n' });
    repo.write('sub/tightlip.config.json', LAX);
    repo.write('.git/info/exclude', 'sub/tightlip.config.json\n');
    repo.write('sub/a.ts', `const t = "${fakeGithubToken(96)}";\n`);
    repo.git('add', 'sub/a.ts');
    const fromSub = await runMain(repo, ['staged'], { cwd: 'sub' });
    expect(fromSub.status, output(fromSub)).toBe(1);
    expect((await runMain(repo, ['staged'])).status).toBe(1);
  });
});
