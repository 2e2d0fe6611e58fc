import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { commitAll, createRepoWithRemote, guardCodename, guardRemoteCodename, hideSubmodule, install, output, stageSubmodule, utf16 } from './git-setup.js';
import { runTightlip } from './helpers.js';

// Real `git push` to a local bare remote, through the pre-push hook (client) and the
// pre-receive hook (server) installed by the real bin.

let setup: ReturnType<typeof createRepoWithRemote> | undefined;
afterEach(() => setup?.remove());

function start(): { repo: TempDir; remote: TempDir } {
  setup = createRepoWithRemote();
  return setup;
}

/** A repository whose clean first commit is on `origin`, with the pre-push hook installed. */
function startPushed(): { repo: TempDir; remote: TempDir } {
  const started = start();
  started.repo.write('a.txt', 'clean\n');
  commitAll(started.repo, 'init');
  started.repo.git('push', '-q', 'origin', 'main');
  install(started.repo, ['--hook', 'pre-push']);
  return started;
}

function remoteHas(remote: TempDir, ref: string): boolean {
  return remote.run('git', ['rev-parse', '--verify', '--quiet', ref]).status === 0;
}

const leak = (seed: number) => `const token = "${fakeGithubToken(seed)}";\n`;

describe('pre-push hook', () => {
  it('catches a commit made with --no-verify, and pushes once it is rewritten', () => {
    const { repo, remote } = startPushed();
    repo.write('leak.ts', leak(41));
    expect(commitAll(repo, 'sneaky', ['--no-verify']).status).toBe(0);
    const blocked = repo.run('git', ['push', 'origin', 'main']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('leak.ts');
    expect(output(blocked)).toContain('github-pat');
    expect(output(blocked)).toContain('git push --no-verify (CI scans anyway)');
    expect(output(blocked)).not.toContain(fakeGithubToken(41));
    expect(remote.git('rev-list', '--count', 'main').trim()).toBe('1');

    repo.git('rm', '-q', 'leak.ts');
    repo.git('commit', '-q', '--amend', '--allow-empty', '-m', 'no leak', '--no-verify');
    const pushed = repo.run('git', ['push', 'origin', 'main']);
    expect(pushed.status, output(pushed)).toBe(0);
  });

  it('scans only the new commits of a new branch: an old secret already on the remote does not block', () => {
    const { repo, remote } = start();
    repo.write('old.ts', leak(42));
    commitAll(repo, 'old secret, before tightlip');
    repo.git('push', '-q', 'origin', 'main');
    install(repo);
    repo.git('checkout', '-q', '-b', 'topic');
    repo.write('b.txt', 'clean\n');
    expect(commitAll(repo, 'clean work').status).toBe(0);
    const pushed = repo.run('git', ['push', 'origin', 'topic']);
    expect(pushed.status, output(pushed)).toBe(0);
    expect(remoteHas(remote, 'refs/heads/topic')).toBe(true);
  });

  it('blocks a codename in a pushed branch name, a tag name and a tag message, and lets deletions through', () => {
    const { repo, remote } = start();
    guardCodename(repo);
    repo.write('a.txt', 'clean\n');
    commitAll(repo, 'init');
    repo.git('push', '-q', 'origin', 'main', 'main:refs/heads/feature/mythos-old');
    install(repo);

    repo.git('branch', 'feature/mythos-launch');
    const branch = repo.run('git', ['push', 'origin', 'feature/mythos-launch']);
    expect(branch.status).not.toBe(0);
    expect(output(branch)).toContain('refs/heads/feature/[terms.txt:1]-launch');
    expect(remoteHas(remote, 'refs/heads/feature/mythos-launch')).toBe(false);

    repo.git('tag', 'mythos-v1');
    expect(repo.run('git', ['push', 'origin', 'mythos-v1']).status).not.toBe(0);
    repo.git('tag', '-a', 'v0', '-m', 'Release notes: Mythos ships');
    const annotated = repo.run('git', ['push', 'origin', 'v0']);
    expect(annotated.status).not.toBe(0);
    expect(output(annotated)).toContain('refs/tags/v0');
    repo.git('tag', '-a', 'v1', '-m', 'Release notes');
    expect(repo.run('git', ['push', 'origin', 'v1']).status).toBe(0);

    const deleted = repo.run('git', ['push', 'origin', '--delete', 'feature/mythos-old']);
    expect(deleted.status, output(deleted)).toBe(0);
    expect(remoteHas(remote, 'refs/heads/feature/mythos-old')).toBe(false);
  });

  it('distrusts remote-tracking refs when the push URL is not the fetch URL', () => {
    const { repo } = start();
    // Fetched from origin (a private upstream, say): a secret the public fork must not get.
    repo.write('a.txt', 'clean\n');
    commitAll(repo, 'init');
    repo.write('upstream.ts', leak(55));
    commitAll(repo, 'secret, only ever at the fetch URL');
    repo.git('push', '-q', 'origin', 'main');
    expect(repo.git('rev-parse', 'origin/main')).toBe(repo.git('rev-parse', 'main'));
    const fork = createTempDir('tightlip-fork-');
    try {
      fork.git('init', '-q', '--bare', '-b', 'main', '.');
      repo.git('remote', 'set-url', '--push', 'origin', fork.dir);
      install(repo, ['--hook', 'pre-push']);
      const blocked = repo.run('git', ['push', 'origin', 'main']);
      expect(blocked.status).not.toBe(0);
      expect(output(blocked)).toContain('upstream.ts');
      expect(remoteHas(fork, 'refs/heads/main')).toBe(false);

      // Pushing to the URL the tracking refs came from still trusts them.
      repo.git('remote', 'set-url', '--delete', '--push', 'origin', fork.dir);
      repo.write('b.txt', 'clean\n');
      commitAll(repo, 'clean');
      const pushed = repo.run('git', ['push', 'origin', 'main']);
      expect(pushed.status, output(pushed)).toBe(0);
    } finally {
      fork.remove();
    }
  });

  it('scans what a force push makes new, not what it replaces', () => {
    const { repo } = start();
    repo.write('a.txt', 'one\n');
    commitAll(repo, 'one');
    repo.write('old.ts', leak(43));
    commitAll(repo, 'old secret, before tightlip');
    repo.git('push', '-q', 'origin', 'main');
    install(repo);
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.write('b.ts', leak(44));
    commitAll(repo, 'new secret', ['--no-verify']);
    const blocked = repo.run('git', ['push', '--force', 'origin', 'main']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('b.ts');
    expect(output(blocked)).not.toContain('old.ts');
    repo.write('b.ts', 'clean\n');
    repo.git('commit', '-q', '--amend', '-am', 'clean', '--no-verify');
    const pushed = repo.run('git', ['push', '--force', 'origin', 'main']);
    expect(pushed.status, output(pushed)).toBe(0);
  });

  it('judges a merge on what it introduces: a secret in a conflict resolution blocks, merged history already on the remote does not', () => {
    const { repo } = start();
    repo.write('f.txt', '1\n2\n3\n');
    commitAll(repo, 'init');
    repo.write('old.ts', leak(45));
    commitAll(repo, 'old secret on main, before tightlip');
    repo.git('push', '-q', 'origin', 'main');
    install(repo);
    repo.git('checkout', '-q', '-b', 'topic', 'HEAD~1');
    repo.write('f.txt', '1\ntopic\n3\n');
    commitAll(repo, 'topic');
    // Merging main (with its old secret) into topic: the merge adds nothing new.
    const merged = repo.run('git', ['merge', '-q', '--no-edit', 'main']);
    expect(merged.status, output(merged)).toBe(0);
    const pushed = repo.run('git', ['push', 'origin', 'topic']);
    expect(pushed.status, output(pushed)).toBe(0);

    // An "evil" merge: the resolution itself adds a secret.
    repo.git('checkout', '-q', '-b', 'other', 'main');
    repo.write('f.txt', '1\nother\n3\n');
    commitAll(repo, 'other');
    expect(repo.run('git', ['merge', '-q', 'topic']).status).not.toBe(0); // conflict on line 2
    repo.write('f.txt', `1\n${leak(46)}3\n`);
    repo.git('add', 'f.txt');
    expect(repo.run('git', ['commit', '-q', '--no-edit', '--no-verify']).status).toBe(0);
    const blocked = repo.run('git', ['push', 'origin', 'other']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('f.txt');
    expect(output(blocked)).toContain('2:16');
  });

  it('reads a pushed source ref that holds spaces (HEAD^{/message}) and judges its commits', () => {
    const { repo, remote } = startPushed();
    repo.write('b.txt', 'clean\n');
    commitAll(repo, 'fix the bug');
    const clean = repo.run('git', ['push', 'origin', 'HEAD^{/fix the bug}:refs/heads/fixed']);
    expect(clean.status, output(clean)).toBe(0);
    expect(remoteHas(remote, 'refs/heads/fixed')).toBe(true);

    repo.write('leak.ts', leak(54));
    commitAll(repo, 'add the key', ['--no-verify']);
    const blocked = repo.run('git', ['push', 'origin', 'HEAD^{/add the key}:refs/heads/keyed']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('leak.ts');
    expect(output(blocked)).not.toContain('could not finish');
    expect(remoteHas(remote, 'refs/heads/keyed')).toBe(false);
  });

  it('sees a submodule path that diff.ignoreSubmodules and .gitmodules hide', () => {
    const { repo, remote } = start();
    guardCodename(repo);
    hideSubmodule(repo, 'vendor/mythos-sdk');
    commitAll(repo, 'init');
    repo.git('push', '-q', 'origin', 'main');
    install(repo, ['--hook', 'pre-push']);
    stageSubmodule(repo, 'vendor/mythos-sdk');
    repo.git('commit', '-q', '--allow-empty', '--no-verify', '-m', 'add the sdk'); // git itself ignores the entry too
    const blocked = repo.run('git', ['push', 'origin', 'main']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('vendor/[terms.txt:1]-sdk');
    expect(remote.git('rev-list', '--count', 'main').trim()).toBe('1');
  });

  it('scans a UTF-16 file in a pushed commit', () => {
    const { repo, remote } = startPushed();
    repo.write('u16.txt', utf16(`k=${fakeGithubToken(57)}\r\n`));
    commitAll(repo, 'utf-16', ['--no-verify']);
    const blocked = repo.run('git', ['push', 'origin', 'main']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('u16.txt');
    expect(output(blocked)).toContain('github-pat');
    expect(remote.git('rev-list', '--count', 'main').trim()).toBe('1');
  });

  it('scans several refs in one push', () => {
    const { repo, remote } = startPushed();
    repo.git('checkout', '-q', '-b', 'one');
    repo.write('one.txt', 'clean\n');
    commitAll(repo, 'one');
    repo.git('checkout', '-q', '-b', 'two', 'main');
    repo.write('two.ts', leak(47));
    commitAll(repo, 'two', ['--no-verify']);
    const blocked = repo.run('git', ['push', 'origin', 'one', 'two']);
    expect(blocked.status).not.toBe(0);
    expect(output(blocked)).toContain('two.ts');
    expect(remoteHas(remote, 'refs/heads/one')).toBe(false);
  });

  it('gives git\'s ref updates to a chained pre-push hook too, and restores it on uninstall', () => {
    const { repo } = start();
    const existing = '#!/bin/sh\nwhile read local sha remote rsha; do echo "existing pre-push saw $remote" >&2; done\n';
    repo.write('.git/hooks/pre-push', existing);
    repo.run('chmod', ['+x', '.git/hooks/pre-push']);
    install(repo, ['--hook', 'pre-push']);
    repo.write('a.txt', 'clean\n');
    commitAll(repo, 'init');
    const pushed = repo.run('git', ['push', 'origin', 'main']);
    expect(pushed.status, output(pushed)).toBe(0);
    expect(pushed.stderr).toContain('existing pre-push saw refs/heads/main');
    expect(runTightlip(repo, ['uninstall']).status).toBe(0);
    expect(readFileSync(repo.path('.git', 'hooks', 'pre-push'), 'utf8')).toBe(existing);
  });
});

describe('tightlip pre-push under the pre-commit framework', () => {
  it('reads PRE_COMMIT_* variables when git\'s input is not passed on', () => {
    const { repo } = start();
    repo.write('old.ts', leak(49));
    commitAll(repo, 'old secret, on the remote');
    repo.git('push', '-q', 'origin', 'main');
    repo.write('new.ts', leak(50));
    commitAll(repo, 'new secret');
    const env = { PRE_COMMIT_REMOTE_NAME: 'origin', PRE_COMMIT_TO_REF: 'HEAD', PRE_COMMIT_FROM_REF: 'origin/main', PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/main' };
    const result = runTightlip(repo, ['pre-push', '--format', 'json'], { env });
    expect(result.status, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['new.ts']);
    expect(runTightlip(repo, ['pre-push']).status).toBe(2);
  });
});

describe('pre-receive hook (server side)', () => {
  function guardRemote(remote: TempDir): void {
    guardRemoteCodename(remote);
    install(remote);
  }

  it('rejects a push adding a secret or a codename with a readable message, and accepts a clean one', () => {
    const { repo, remote } = start();
    guardRemote(remote);
    repo.write('a.txt', 'clean\n');
    commitAll(repo, 'init');
    const clean = repo.run('git', ['push', 'origin', 'main']);
    expect(clean.status, output(clean)).toBe(0);

    repo.write('src/leak.ts', leak(48));
    commitAll(repo, 'leak');
    const rejected = repo.run('git', ['push', 'origin', 'main']);
    expect(rejected.status).not.toBe(0);
    expect(rejected.stderr).toContain('remote: src/leak.ts');
    expect(rejected.stderr).toContain('github-pat');
    expect(rejected.stderr).toContain('Push rejected by tightlip on the server');
    expect(rejected.stderr).toContain('pre-receive hook declined');
    expect(rejected.stderr).not.toContain(fakeGithubToken(48));
    expect(remote.git('rev-list', '--count', 'main').trim()).toBe('1');

    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.git('checkout', '-q', '-b', 'feature/mythos-launch');
    const named = repo.run('git', ['push', 'origin', 'feature/mythos-launch']);
    expect(named.status).not.toBe(0);
    expect(named.stderr).toContain('refs/heads/feature/[terms.txt:1]-launch');
  });

  it('fails closed when the server config is broken', () => {
    const { repo, remote } = start();
    guardRemote(remote);
    remote.write('tightlip.config.json', '{ broken');
    repo.write('a.txt', 'clean\n');
    commitAll(repo, 'init');
    const result = repo.run('git', ['push', 'origin', 'main']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('not valid JSON');
    expect(result.stderr).toContain('it blocks whenever it cannot check');
  });
});
