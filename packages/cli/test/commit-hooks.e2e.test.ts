import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { existsSync, readFileSync } from 'node:fs';
import { runTightlip } from './helpers.js';
import { commitAll, guardCodename, install, output, utf16 } from './git-setup.js';

// Real `git commit` against the pre-commit and commit-msg hooks installed by the real bin.

let repo: TempDir;
afterEach(() => repo?.remove());

function commitCount(): number {
  const result = repo.run('git', ['rev-list', '--count', 'HEAD']);
  return result.status === 0 ? Number(result.stdout.trim()) : 0;
}

describe('pre-commit and commit-msg hooks', () => {
  it('blocks a leaked token in the first commit of a repository, and lets a clean first commit through', () => {
    repo = createTempRepo();
    install(repo);
    repo.write('config.ts', `export const key = "${fakeGithubToken(31)}";\n`);
    const blocked = commitAll(repo, 'first');
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('config.ts');
    expect(output(blocked)).toContain('github-pat');
    expect(commitCount()).toBe(0);
    repo.write('config.ts', 'export const key = process.env.KEY;\n');
    const clean = commitAll(repo, 'first');
    expect(clean.status, output(clean)).toBe(0);
    expect(commitCount()).toBe(1);
  });

  it('blocks a codename in content, naming the term id but never the term, with advice to fix or allow', () => {
    repo = createTempRepo();
    guardCodename(repo);
    install(repo);
    repo.write('README.md', 'The launch of Mythos is in May.\n');
    const result = commitAll(repo, 'docs');
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('README.md');
    expect(output(result)).toContain('1:15');
    expect(output(result)).toContain('terms.txt:1');
    expect(output(result)).not.toMatch(/mythos/i);
    expect(output(result)).toContain('tightlip:allow');
    expect(output(result)).toContain('tightlip baseline');
    expect(output(result)).toContain('git commit --no-verify (CI scans anyway)');
    expect(commitCount()).toBe(0);
  });

  it("blocks a codename in a new file's path, even when the content is clean", () => {
    repo = createTempRepo();
    guardCodename(repo);
    install(repo);
    repo.write('docs/mythos-plan.md', 'nothing to see\n');
    const result = commitAll(repo, 'plan');
    expect(result.status).not.toBe(0);
    // The report names the path with the codename masked, as every report does.
    expect(output(result)).toContain('docs/[terms.txt:1]-plan.md');
    expect(output(result)).not.toContain('mythos-plan');
    expect(commitCount()).toBe(0);
  });

  it('blocks a codename in the commit message', () => {
    repo = createTempRepo();
    guardCodename(repo);
    install(repo);
    repo.write('b.txt', 'clean\n');
    repo.git('add', 'b.txt');
    const result = repo.run('git', ['commit', '-m', 'Prepare the Mythos launch']);
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('COMMIT_EDITMSG');
    expect(output(result)).toContain('git commit -e -F .git/COMMIT_EDITMSG');
    expect(commitCount()).toBe(0);
  });

  // Git keeps comment lines unless it strips them (cleanup=strip, the default only when an
  // editor runs): `-m`, `-F`, verbatim and `core.commentChar auto` all keep a "#" line.
  it.each([
    ['-m', ['-m', 'ok\n#Mythos line']],
    ['-F', ['-F', '.git/message']],
    ['-F --cleanup=verbatim', ['--cleanup=verbatim', '-F', '.git/message']],
    ['-m with core.commentChar auto', ['-m', 'ok\n#Mythos line'], ['-c', 'core.commentChar=auto']],
  ])('blocks a codename on a "#" line that git keeps: commit %s', (_, args, config = []) => {
    repo = createTempRepo();
    guardCodename(repo);
    install(repo, ['--hook', 'commit-msg']);
    repo.write('.git/message', 'ok\n# Mythos\n');
    const result = repo.run('git', [...config, 'commit', '--allow-empty', ...args]);
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('COMMIT_EDITMSG');
    expect(commitCount()).toBe(0);
  });

  /** An editor that puts `text` above git's template, as a person typing would. */
  function editor(text: string): NodeJS.ProcessEnv {
    const script = repo.write('.git/editor.sh', `#!/bin/sh\n{ printf '%s\\n' '${text}'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`);
    repo.run('chmod', ['+x', script]);
    return { GIT_EDITOR: script };
  }

  it("ignores comment lines and the diff below the scissors when git's editor template says it drops them", () => {
    repo = createTempRepo();
    guardCodename(repo);
    repo.write('plan.txt', 'Mythos ships in May\nkeep\n');
    commitAll(repo, 'before tightlip');
    install(repo);
    repo.write('plan.txt', 'keep\n');
    repo.git('add', 'plan.txt');
    // `-v`: the removed line is in the diff below the scissors line.
    const commented = repo.run('git', ['commit', '-v'], { env: editor('Drop the plan\n# reminder: not for Mythos') });
    expect(commented.status, output(commented)).toBe(0);
    expect(repo.git('log', '-1', '--format=%B').trim()).toBe('Drop the plan');
    const semicolon = repo.run('git', ['-c', 'core.commentChar=;', 'commit', '--allow-empty'], { env: editor('Empty\n; not for Mythos') });
    expect(semicolon.status, output(semicolon)).toBe(0);
  });

  it('blocks a codename on a comment line that the editor template says git keeps', () => {
    repo = createTempRepo();
    guardCodename(repo);
    install(repo, ['--hook', 'commit-msg']);
    const whitespace = repo.run('git', ['commit', '--allow-empty', '--cleanup=whitespace'], { env: editor('Subject\n# Mythos notes') });
    expect(whitespace.status).not.toBe(0);
    const semicolon = repo.run('git', ['-c', 'core.commentChar=;', 'commit', '--allow-empty'], { env: editor('Subject\n#Mythos notes') });
    expect(semicolon.status).not.toBe(0);
    expect(output(semicolon)).toContain('COMMIT_EDITMSG');
    expect(commitCount()).toBe(0);
  });

  it('judges the index, not the working tree: partial staging both ways', () => {
    repo = createTempRepo();
    repo.write('app.ts', 'const a = 1;\n');
    commitAll(repo, 'init');
    install(repo);
    const token = fakeGithubToken(32);
    // A secret only in the working tree does not block the staged, clean part.
    repo.write('app.ts', 'const a = 1;\nconst b = 2;\n');
    repo.git('add', 'app.ts');
    repo.write('app.ts', `const a = 1;\nconst b = 2;\nconst t = "${token}";\n`);
    const clean = repo.run('git', ['commit', '-m', 'b']);
    expect(clean.status, output(clean)).toBe(0);
    // A staged secret blocks even when the working tree no longer has it.
    repo.git('add', 'app.ts');
    repo.write('app.ts', 'const a = 1;\nconst b = 2;\n');
    const blocked = repo.run('git', ['commit', '-m', 't']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('app.ts');
    expect(output(blocked)).toContain('3:12');
    expect(commitCount()).toBe(2);
  });

  it('judges a conflicted merge on what is new to both parents: the other side passes, the resolution is judged', () => {
    repo = createTempRepo();
    repo.write('f.txt', '1\n2\n3\n');
    commitAll(repo, 'init');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.write('f.txt', '1\ntopic\n3\n');
    repo.write('old.ts', `t = "${fakeGithubToken(35)}"\n`);
    commitAll(repo, 'topic, with a secret from before tightlip (already on the remote, say)');
    repo.git('checkout', '-q', 'main');
    repo.write('f.txt', '1\nmain\n3\n');
    commitAll(repo, 'main');
    install(repo);

    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0); // conflict on line 2
    repo.write('f.txt', '1\nmain and topic\n3\n');
    repo.git('add', 'f.txt');
    const merged = repo.run('git', ['commit', '--no-edit']);
    expect(merged.status, output(merged)).toBe(0);
    expect(repo.git('rev-list', '--count', '--merges', 'HEAD').trim()).toBe('1');

    // The same merge, resolved with a new secret: blocked, and only that is reported.
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0);
    repo.write('f.txt', `1\nt = "${fakeGithubToken(36)}"\n3\n`);
    repo.git('add', 'f.txt');
    const blocked = repo.run('git', ['commit', '--no-edit']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('f.txt');
    expect(output(blocked)).not.toContain('old.ts');
    expect(repo.git('rev-list', '--count', '--merges', 'HEAD').trim()).toBe('0');
  });

  it('scans UTF-16 files, which git calls binary: new lines count, lines already there do not', () => {
    repo = createTempRepo();
    const old = fakeGithubToken(37);
    repo.write('legacy.reg', utf16(`[keys]\r\nold="${old}"\r\n`));
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    commitAll(repo, 'before tightlip');
    install(repo);
    // Little- and big-endian, CRLF: blocked on the line of the new token.
    for (const order of ['le', 'be'] as const) {
      repo.write(`u16-${order}.txt`, utf16(`first\r\nk=${fakeGithubToken(38)}\r\n`, order));
      repo.git('add', `u16-${order}.txt`);
      const blocked = repo.run('git', ['commit', '-m', order]);
      expect(blocked.status, order).not.toBe(0);
      expect(output(blocked)).toContain(`u16-${order}.txt`);
      expect(output(blocked)).toContain('2:3  high  github-pat');
      repo.git('rm', '-q', '--cached', `u16-${order}.txt`);
    }
    // A clean line added to a UTF-16 file that already held a token; a real binary is still skipped.
    repo.write('legacy.reg', utf16(`[keys]\r\nold="${old}"\r\nname=demo\r\n`));
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0e]));
    repo.git('add', 'legacy.reg', 'logo.png');
    const clean = repo.run('git', ['commit', '-m', 'edit']);
    expect(clean.status, output(clean)).toBe(0);
  });

  it('reports file names with spaces and non-ASCII characters as they are', () => {
    repo = createTempRepo();
    install(repo);
    repo.write('dir with space/naïve ☃.ts', `x = "${fakeGithubToken(33)}"\n`);
    const result = commitAll(repo, 'odd names');
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('dir with space/naïve ☃.ts');
  });

  it('installs from a linked worktree into the hooks every worktree runs', () => {
    repo = createTempRepo();
    repo.write('a.txt', 'clean\n');
    commitAll(repo, 'init');
    repo.git('worktree', 'add', '-q', '-b', 'side', repo.path('..', 'linked'));
    const installed = runTightlip(repo, ['install'], { cwd: '../linked' });
    expect(installed.status, installed.stderr).toBe(0);
    expect(existsSync(repo.path('.git', 'hooks', 'pre-commit'))).toBe(true);
    repo.write('../linked/leak.ts', `t = "${fakeGithubToken(34)}"\n`);
    repo.run('git', ['add', 'leak.ts'], { cwd: '../linked' });
    const blocked = repo.run('git', ['commit', '-m', 'leak'], { cwd: '../linked' });
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('leak.ts');
  });

  it('keeps an existing commit-msg hook running, and restores it on uninstall', () => {
    repo = createTempRepo();
    const existing = '#!/bin/sh\necho "existing commit-msg saw $(head -1 "$1")" >&2\n';
    repo.write('.git/hooks/commit-msg', existing);
    repo.run('chmod', ['+x', '.git/hooks/commit-msg']);
    install(repo, ['--hook', 'commit-msg']);
    repo.write('a.txt', 'clean\n');
    const result = commitAll(repo, 'hello there');
    expect(result.status, output(result)).toBe(0);
    expect(result.stderr).toContain('existing commit-msg saw hello there');
    const removed = runTightlip(repo, ['uninstall']);
    expect(removed.stderr).toContain('restored the previous hook');
    expect(readFileSync(repo.path('.git', 'hooks', 'commit-msg'), 'utf8')).toBe(existing);
  });
});
