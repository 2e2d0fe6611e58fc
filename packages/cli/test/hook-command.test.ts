import { describe, expect } from 'vitest';
import { it } from '@tightlip/fixtures/vitest';
import type { RunResult } from '@tightlip/fixtures';
import {
  CODENAME,
  guardCodename,
  guardRemoteCodename,
  leak,
  prePushInput,
  runMain,
} from './helpers.js';

// Installed hooks' command lines skip the command-line parser (runHookCommand); the same
// commands written another way (`--hook=pre-commit`, an explicit `--format text`) go through yargs.
// Both must behave exactly alike: same exit code, same report, same advice.

/** Output with durations blanked: two runs differ only in those. */
function same(result: RunResult): RunResult {
  const blank = (text: string) => text.replace(/\d+ ms/g, 'N ms');
  return { status: result.status, stdout: blank(result.stdout), stderr: blank(result.stderr) };
}

describe("the hooks' command lines", () => {
  it('staged --hook pre-commit: as through the parser', async ({ repo }) => {
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.write('src/leak.ts', leak(74));
    repo.git('add', '-A');
    const fast = await runMain(repo, ['staged', '--hook', 'pre-commit']);
    expect(fast.status).toBe(1);
    expect(fast.stdout).toContain('tightlip blocked this commit');
    expect(same(fast)).toEqual(same(await runMain(repo, ['staged', '--hook=pre-commit'])));
  });

  it('commit-msg <file>: as through the parser', async ({ repo }) => {
    guardCodename(repo);
    repo.write('.git/COMMIT_EDITMSG', `Prepare the ${CODENAME} launch\n`);
    const fast = await runMain(repo, ['commit-msg', '.git/COMMIT_EDITMSG']);
    expect(fast.status).toBe(1);
    expect(same(fast)).toEqual(
      same(await runMain(repo, ['commit-msg', '.git/COMMIT_EDITMSG', '--format', 'text'])),
    );
  });

  it('pre-push <remote> <url>: as through the parser', async ({ repo, remote }) => {
    repo.commit('leak', { 'b.ts': leak(75) });
    const stdin = prePushInput(repo, remote, [['refs/heads/main', 'refs/heads/main']]);
    const fast = await runMain(repo, ['pre-push', 'origin', remote.dir], { stdin });
    expect(fast.status).toBe(1);
    expect(same(fast)).toEqual(
      same(await runMain(repo, ['pre-push', 'origin', remote.dir, '--format', 'text'], { stdin })),
    );
  });

  it('pre-receive: as through the parser', async ({ repo, remote }) => {
    guardRemoteCodename(remote);
    repo.commit('leak', { 'c.ts': leak(76) });
    remote.write('objects/info/alternates', `${repo.path('.git', 'objects')}\n`);
    const stdin = `${'0'.repeat(40)} ${repo.rev('HEAD')} refs/heads/main\n`;
    const fast = await runMain(remote, ['pre-receive'], { stdin });
    expect(fast.status).toBe(1);
    expect(same(fast)).toEqual(
      same(await runMain(remote, ['pre-receive', '--format', 'text'], { stdin })),
    );
  });
});
