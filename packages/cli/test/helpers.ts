import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Ajv } from 'ajv';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { fakeGithubToken, type RunResult, type TempDir } from '@tightlip/fixtures';
import type { HookName } from '@tightlip/hooks';
import { installHooks } from '../src/actions/install.js';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';

/** The real bin script, as a user or a hook runs it (needs `tsc -b` first; npm test builds). */
export const BIN = fileURLToPath(new URL('../bin/tightlip.js', import.meta.url));

/** Runs `tightlip args…` in `dir` (or a directory below it) as a separate process: for end-to-end tests only. */
export function runTightlip(
  temp: TempDir,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): RunResult {
  return temp.run(process.execPath, [BIN, ...args], options);
}

/** An Io for in-process runs: what is written to stdout and stderr is kept as text. */
export interface TestIo extends Io {
  stdout: { write(text: string): boolean; isTTY?: boolean; text: string };
  stderr: { write(text: string): boolean; isTTY?: boolean; text: string };
}

/** An Io at `cwd` with `env` (nothing from `process.env`), capturing output; `stdin` as given. */
export function testIo(
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: { stdin?: string; now?: () => number } = {},
): TestIo {
  const capture = () => {
    const stream = {
      text: '',
      write(text: string) {
        stream.text += text;
        return true;
      },
    };
    return stream;
  };
  const io: TestIo = { cwd, env, stdout: capture(), stderr: capture() };
  if (options.stdin !== undefined) {
    const input = options.stdin;
    io.stdin = Readable.from([input]);
  }
  if (options.now) io.now = options.now;
  return io;
}

export interface MainOptions {
  /** Where to run, relative to the temp dir. */
  cwd?: string;
  /** Added to the temp dir's isolated environment. */
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  now?: () => number;
}

/**
 * Runs `tightlip args…` in process (`main`) in `temp`, as the bin would run it there:
 * exit code and output, the same shape as `runTightlip` but without starting Node.
 */
export async function runMain(
  temp: TempDir,
  args: readonly string[],
  options: MainOptions = {},
): Promise<RunResult> {
  const cwd = options.cwd ? temp.path(options.cwd) : temp.dir;
  const io = testIo(
    cwd,
    { ...temp.env, ...options.env },
    {
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
      ...(options.now ? { now: options.now } : {}),
    },
  );
  const status = await main(args, io);
  return { status, stdout: io.stdout.text, stderr: io.stderr.text };
}

/** stdout and stderr together: what a person sees. */
export function output(result: RunResult): string {
  return result.stdout + result.stderr;
}

/** Installs tightlip's hooks (the defaults when `hooks` is undefined) in process; they run the real bin. */
export async function install(repo: TempDir, hooks?: HookName[]): Promise<void> {
  await installHooks({ cwd: repo.dir, env: repo.env, ...(hooks ? { hooks } : {}) });
}

/** The codename the hook tests guard; matched as a whole word (`feature/mythos-launch`). */
export const CODENAME = 'Mythos';

/**
 * A config and term list inside the repository, kept out of every commit by
 * `.git/info/exclude`, so `git add -A` never stages them.
 */
export function guardCodename(repo: TempDir): void {
  repo.write('terms.txt', `${CODENAME}\n`);
  repo.write('tightlip.config.json', JSON.stringify({ terms: ['terms.txt'] }));
  repo.write('.git/info/exclude', 'terms.txt\ntightlip.config.json\n');
}

/** The codename list and config of a server: in the bare repository's directory, where its pre-receive hook finds them. */
export function guardRemoteCodename(remote: TempDir): void {
  remote.write('terms.txt', `${CODENAME}\n`);
  remote.write('tightlip.config.json', JSON.stringify({ terms: ['terms.txt'] }));
}

/** How many commits HEAD has (0 before the first). */
export function commitCount(repo: TempDir): number {
  const result = repo.run('git', ['rev-list', '--count', 'HEAD']);
  return result.status === 0 ? Number(result.stdout.trim()) : 0;
}

/** A line of code holding a fake GitHub token. */
export function leak(seed: number): string {
  return `const token = "${fakeGithubToken(seed)}";\n`;
}

const ZERO_ID = '0'.repeat(40);

/**
 * What a push of `updates` from `repo` to `remote` changes, as `[local, remote ref]`:
 * `local` is what git names the pushed ref in its pre-push input (a full ref name, or
 * the revision as typed, `HEAD^{/fix}`), or null to delete `remote ref`.
 */
export type RefSpec = readonly [local: string | null, remoteRef: string];

/** Each update with its local id (what is pushed) and remote id (what the remote has; zeros when it has nothing). */
function resolveUpdates(
  repo: TempDir,
  remote: TempDir,
  updates: readonly RefSpec[],
): { local: string | null; localId: string; ref: string; remoteId: string }[] {
  const pushed = updates.flatMap(([local]) => (local === null ? [] : [local]));
  const localIds =
    pushed.length > 0
      ? repo
          .git('rev-parse', ...pushed)
          .trim()
          .split('\n')
      : [];
  const remoteIds = new Map(
    remote
      .git('for-each-ref', '--format=%(refname) %(objectname)')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]),
  );
  return updates.map(([local, ref]) => ({
    local,
    localId: local === null ? ZERO_ID : localIds.shift()!,
    ref,
    remoteId: remoteIds.get(ref) ?? ZERO_ID,
  }));
}

/** The pre-push hook's input for `updates`: `<local ref> <local id> <remote ref> <remote id>` lines. */
export function prePushInput(repo: TempDir, remote: TempDir, updates: readonly RefSpec[]): string {
  return resolveUpdates(repo, remote, updates)
    .map(
      ({ local, localId, ref, remoteId }) =>
        `${local ?? '(delete)'} ${localId} ${ref} ${remoteId}\n`,
    )
    .join('');
}

/** Runs `tightlip pre-push origin <url>` in process in `repo` with `updates` on stdin, as the hook does. */
export function prePush(
  repo: TempDir,
  remote: TempDir,
  updates: readonly RefSpec[],
  options: { url?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return runMain(repo, ['pre-push', 'origin', options.url ?? remote.dir], {
    stdin: prePushInput(repo, remote, updates),
    ...(options.env ? { env: options.env } : {}),
  });
}

/**
 * Runs `tightlip pre-receive` in process in the bare `remote` as if `repo` pushed
 * `updates`: the remote can read every object of `repo` (an alternate object directory,
 * as git's quarantine gives the hook), and stdin has `<old id> <new id> <ref>` lines.
 */
export function preReceive(
  repo: TempDir,
  remote: TempDir,
  updates: readonly RefSpec[],
): Promise<RunResult> {
  remote.write('objects/info/alternates', `${repo.path('.git', 'objects')}\n`);
  const input = resolveUpdates(repo, remote, updates)
    .map(({ localId, ref, remoteId }) => `${remoteId} ${localId} ${ref}\n`)
    .join('');
  return runMain(remote, ['pre-receive'], { stdin: input });
}

/** GitLab's published secret-detection report schema (a copy: fixtures/gitlab/README.md). */
export const GITLAB_SCHEMA = JSON.parse(
  readFileSync(
    new URL('fixtures/gitlab/secret-detection-report-format.json', import.meta.url),
    'utf8',
  ),
) as { self: { version: string } };

/** Fails unless `text` is a report GitLab accepts: valid against its schema. */
export function validateGitlabReport(text: string): void {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(GITLAB_SCHEMA);
  validate(JSON.parse(text));
  expect(validate.errors ?? [], 'GitLab would refuse this report').toEqual([]);
}
