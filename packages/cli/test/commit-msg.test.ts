import { describe, expect } from 'vitest';
import { fakeGithubToken, type RunResult, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { guardCodename, output, runMain } from './helpers.js';

// What the commit-msg hook judges, in process. Git decides what the message file holds
// (comment lines, its editor template, the diff below the scissors line) from how it was
// asked to commit; so a real `git commit` writes it, a stand-in hook that only records its
// argument stops the commit there, and tightlip judges that file in process. That the
// installed hook blocks a real commit is in hooks.e2e.test.ts.

/** Runs `git args…` up to the commit-msg hook and returns the message file git gave it. */
function messageFileOf(repo: TempDir, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const hook = repo.write(
    '.git/hooks/commit-msg',
    '#!/bin/sh\nprintf %s "$1" > .git/commit-msg-arg\nexit 1\n',
  );
  repo.run('chmod', ['+x', hook]);
  const commit = repo.run('git', args, { env });
  expect(commit.status, 'the stand-in hook stops the commit').not.toBe(0);
  return repo.run('cat', ['.git/commit-msg-arg']).stdout;
}

/** `tightlip commit-msg <file>` in process, on the message file `git args…` writes. */
async function judge(
  repo: TempDir,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return runMain(repo, ['commit-msg', messageFileOf(repo, args, env)]);
}

/** An editor that puts `text` above git's template, as a person typing would. */
function editor(repo: TempDir, text: string): NodeJS.ProcessEnv {
  const script = repo.write(
    '.git/editor.sh',
    `#!/bin/sh\n{ printf '%s\\n' '${text}'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`,
  );
  repo.run('chmod', ['+x', script]);
  return { GIT_EDITOR: script };
}

describe('tightlip commit-msg', () => {
  it('gives advice that works for a message: an inline allow, not a baseline', async ({ repo }) => {
    const token = fakeGithubToken(93);
    const blocked = await judge(repo, ['commit', '--allow-empty', '-m', `Rotate ${token}`]);
    expect(blocked.status).toBe(1);
    expect(output(blocked)).toContain('tightlip:allow <rule or term id> -- reason');
    expect(output(blocked)).not.toContain('baseline update');
    const allowed = await judge(repo, [
      'commit',
      '--allow-empty',
      '-m',
      `Rotate ${token} tightlip:allow github-pat -- revoked, kept for the record`,
    ]);
    expect(allowed.status, output(allowed)).toBe(0);
  });

  it('blocks a codename in the commit message, saying how to reword it', async ({ repo }) => {
    guardCodename(repo);
    const result = await judge(repo, [
      'commit',
      '--allow-empty',
      '-m',
      'Prepare the Mythos launch',
    ]);
    expect(result.status).toBe(1);
    expect(output(result)).toContain('COMMIT_EDITMSG');
    expect(output(result)).toContain('git commit -e -F .git/COMMIT_EDITMSG');
    expect(output(result)).not.toMatch(/mythos/i);
    expect(
      await judge(repo, ['commit', '--allow-empty', '-m', 'Prepare the launch']),
    ).toMatchObject({ status: 0 });
  });

  // Git keeps comment lines unless it strips them (cleanup=strip, the default only when an
  // editor runs): `-m`, `-F`, verbatim and `core.commentChar auto` all keep a "#" line.
  it.for<[string, string[], string[]]>([
    ['-m', ['-m', 'ok\n#Mythos line'], []],
    ['-F', ['-F', '.git/message'], []],
    ['-F --cleanup=verbatim', ['--cleanup=verbatim', '-F', '.git/message'], []],
    ['-m with core.commentChar auto', ['-m', 'ok\n#Mythos line'], ['-c', 'core.commentChar=auto']],
  ])(
    'blocks a codename on a "#" line that git keeps: commit %s',
    async ([, args, config], { repo }) => {
      guardCodename(repo);
      repo.write('.git/message', 'ok\n# Mythos\n');
      const result = await judge(repo, [...config, 'commit', '--allow-empty', ...args]);
      expect(result.status).toBe(1);
      expect(output(result)).toContain('COMMIT_EDITMSG');
    },
  );

  it("ignores comment lines and the diff below the scissors when git's editor template says it drops them", async ({
    repo,
  }) => {
    guardCodename(repo);
    repo.commit('before tightlip', { 'plan.txt': 'Mythos ships in May\nkeep\n' });
    repo.write('plan.txt', 'keep\n');
    repo.git('add', 'plan.txt');
    // `-v`: the removed line is in the diff below the scissors line.
    const commented = await judge(
      repo,
      ['commit', '-v'],
      editor(repo, 'Drop the plan\n# reminder: not for Mythos'),
    );
    expect(commented.status, output(commented)).toBe(0);
    const semicolon = await judge(
      repo,
      ['-c', 'core.commentChar=;', 'commit', '--allow-empty'],
      editor(repo, 'Empty\n; not for Mythos'),
    );
    expect(semicolon.status, output(semicolon)).toBe(0);
  });

  it('blocks a codename on a comment line that the editor template says git keeps', async ({
    repo,
  }) => {
    guardCodename(repo);
    const whitespace = await judge(
      repo,
      ['commit', '--allow-empty', '--cleanup=whitespace'],
      editor(repo, 'Subject\n# Mythos notes'),
    );
    expect(whitespace.status).toBe(1);
    const semicolon = await judge(
      repo,
      ['-c', 'core.commentChar=;', 'commit', '--allow-empty'],
      editor(repo, 'Subject\n#Mythos notes'),
    );
    expect(semicolon.status).toBe(1);
    expect(output(semicolon)).toContain('COMMIT_EDITMSG');
  });
});
