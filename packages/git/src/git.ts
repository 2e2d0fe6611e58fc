import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { GitError, notARepository } from './errors.js';

/**
 * Options every command gets, whatever the user's git config says: plain paths (no
 * octal quoting of non-ASCII), no colour, `a/` `b/` prefixes, repository-relative paths,
 * blank context lines kept as " ", short submodule diffs, root commits shown as
 * additions, messages in UTF-8, no signature output in logs.
 */
const FIXED_CONFIG = [
  'core.quotePath=false',
  'color.ui=false',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'diff.suppressBlankEmpty=false',
  'diff.submodule=short',
  'log.showRoot=true',
  'log.showSignature=false',
  'i18n.logOutputEncoding=UTF-8',
];

const CONFIG_ARGS = FIXED_CONFIG.flatMap((entry) => ['-c', entry]);

export interface Git {
  /** Absolute path of the work tree's top level; of the git directory in a bare repository. */
  readonly root: string;
  /** A bare repository (a server's): no work tree, no index. */
  readonly bare: boolean;
  /** Absolute path of this work tree's git directory (a linked worktree's own), where MERGE_HEAD and the like live. */
  readonly gitDir: string;
  /** Runs git with `args` and returns stdout; a non-zero exit becomes a GitError. */
  raw(args: readonly string[]): Promise<string>;
  /**
   * Runs git with `args` and yields stdout as lines (split on `\n` only), an array of them
   * for each piece read, as git writes it: memory does not grow with the output, and a
   * long output costs no promise per line.
   */
  lineBatches(args: readonly string[]): AsyncGenerator<string[]>;
  /** Runs git with `args`, `input` on its stdin, and yields stdout as it comes, read as fast as it is consumed. */
  chunks(args: readonly string[], input: string): AsyncGenerator<Buffer>;
  /** Starts git with `args` (fixed config and environment included) for a caller that talks to it: see `createBatch`. */
  spawn(args: readonly string[]): ChildProcessWithoutNullStreams;
}

/** The git command `args` run: the first after any `-c <name>=<value>`. */
function commandOf(args: readonly string[]): string | undefined {
  let at = 0;
  while (args[at] === '-c') at += 2;
  return args[at];
}

function failed(args: readonly string[], detail: string, cause?: unknown): GitError {
  return new GitError(
    'GIT_FAILED',
    `git ${commandOf(args)} failed: ${detail.trim()}`,
    cause === undefined ? undefined : { cause },
  );
}

/** Where git runs and with which environment. */
interface Place {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function start(
  place: Place,
  args: readonly string[],
  stdin: 'ignore' | 'pipe',
): ChildProcessWithoutNullStreams {
  // With stdin ignored, `child.stdin` is null: only `spawn` callers (who write) get 'pipe'.
  return spawn('git', [...CONFIG_ARGS, ...args], {
    cwd: place.cwd,
    env: place.env,
    stdio: [stdin, 'pipe', 'pipe'],
    windowsHide: true,
  }) as ChildProcessWithoutNullStreams;
}

/** Runs git to completion: stdout, or a GitError with git's message. */
function run(place: Place, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = start(place, args, 'ignore');
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => out.push(data));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 64 * 1024) stderr += text;
    });
    child.on('error', (error) => reject(failed(args, error.message, error)));
    child.on('close', (status) => {
      if (status === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(failed(args, stderr || `exit status ${status}`));
    });
  });
}

/**
 * Runs git with `args` (and `input` on its stdin) and yields its stdout as it comes, read
 * only as fast as it is consumed; a non-zero exit becomes a GitError with git's message.
 */
async function* streamChunks(
  place: Place,
  args: readonly string[],
  input?: string,
): AsyncGenerator<Buffer> {
  const child = start(place, args, input === undefined ? 'ignore' : 'pipe');
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 64 * 1024) stderr += text;
  });
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (input !== undefined) {
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  }
  let done = false;
  try {
    yield* child.stdout as AsyncIterable<Buffer>;
    let status: number | null;
    try {
      status = await closed;
    } catch (error) {
      throw failed(args, (error as Error).message, error);
    }
    done = true;
    if (status !== 0) throw failed(args, stderr || `exit status ${status}`);
  } finally {
    if (!done) child.kill();
  }
}

async function* streamLines(place: Place, args: readonly string[]): AsyncGenerator<string[]> {
  // Each line decoded from git's bytes on its own: a line kept (an id, a path) holds its
  // own text, never a slice that keeps a whole chunk of output alive.
  let rest: Buffer[] = [];
  for await (const data of streamChunks(place, args)) {
    const lines: string[] = [];
    let from = 0;
    for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, from)) {
      if (rest.length > 0) {
        rest.push(data.subarray(from, end));
        lines.push(Buffer.concat(rest).toString('utf8'));
        rest = [];
      } else lines.push(data.toString('utf8', from, end));
      from = end + 1;
    }
    if (from < data.length) rest.push(data.subarray(from));
    if (lines.length > 0) yield lines;
  }
  if (rest.length > 0) yield [Buffer.concat(rest).toString('utf8')];
}

/**
 * Lines of a git process started now and read later: its first batch is asked for at once,
 * so git runs (and fills its pipe) while the caller loads. See `startLines`.
 */
export interface StartedLines {
  /** The batches of lines, the first included, once; what failed in git is thrown here. */
  batches(): AsyncGenerator<string[]>;
  /** Stops git if its output was not read to the end (read or not, call it when done). */
  close(): Promise<void>;
}

/** `batches` (a `lineBatches` stream) started now (see `StartedLines`); nothing is thrown here. */
export function startLines(batches: AsyncGenerator<string[]>): StartedLines {
  // The first step runs until git writes its first lines; a failure waits for the reader.
  const first = batches.next();
  first.catch(() => undefined);
  return {
    async *batches() {
      for (let batch = await first; batch.done !== true; batch = await batches.next())
        yield batch.value;
    },
    async close() {
      await first.catch(() => undefined);
      await batches.return(undefined);
    },
  };
}

export interface OpenOptions {
  /** Accept a bare repository (a server's, where pre-receive hooks run). */
  allowBare?: boolean;
  /** Environment of every git process; `process.env` by default. Hooks rely on what git sets (GIT_INDEX_FILE, quarantine). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The repository a git hook runs in, known without starting git: git runs a hook (as any
 * command it starts for a work tree) at the top of the work tree with GIT_PREFIX set.
 * With no GIT_DIR or GIT_WORK_TREE to say otherwise, and a `.git` directory there, that
 * is the repository. Anything else (a linked worktree, a submodule's `.git` file, a
 * relocated git directory) is asked of git.
 */
function hookRepository(
  cwd: string,
  env: NodeJS.ProcessEnv,
): { root: string; gitDir: string } | undefined {
  if (env.GIT_PREFIX === undefined || env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined)
    return undefined;
  if (!isAbsolute(cwd)) return undefined;
  const gitDir = join(cwd, '.git');
  return statSync(gitDir, { throwIfNoEntry: false })?.isDirectory()
    ? { root: cwd, gitDir }
    : undefined;
}

/** The git directory of the repository at `here` when it is a bare one; undefined when it is not. */
async function bareGitDir(here: Place): Promise<string | undefined> {
  const [isBare, gitDir] = (
    await run(here, ['rev-parse', '--is-bare-repository', '--absolute-git-dir'])
  ).split('\n');
  return isBare === 'true' && gitDir ? gitDir : undefined;
}

/**
 * Opens the repository containing `cwd`: its work tree, or with `allowBare` a bare
 * repository. Fails with NOT_A_GIT_REPOSITORY outside one.
 */
export async function openRepository(cwd: string, options: OpenOptions = {}): Promise<Git> {
  const env = options.env ?? process.env;
  const here: Place = { cwd, env };
  let root: string;
  let gitDir: string;
  let bare = false;
  const hook = hookRepository(cwd, env);
  // A server's hook (pre-receive) runs in its bare repository with GIT_DIR set: one git
  // process tells that it is one, and where (anything else goes the usual way).
  const server =
    hook === undefined && options.allowBare && env.GIT_DIR !== undefined
      ? await bareGitDir(here).catch(() => undefined)
      : undefined;
  if (hook !== undefined) ({ root, gitDir } = hook);
  else if (server !== undefined) {
    root = gitDir = server;
    bare = true;
  } else
    try {
      // One process for both answers: a hook pays for every git process it starts.
      [root = '', gitDir = ''] = (
        await run(here, ['rev-parse', '--show-toplevel', '--absolute-git-dir'])
      ).split('\n');
    } catch (error) {
      const message = (error as Error).message;
      const noWorkTree = /must be run in a work tree/i.test(message);
      const bareDir = noWorkTree && options.allowBare ? await bareGitDir(here) : undefined;
      if (bareDir !== undefined) {
        root = gitDir = bareDir;
        bare = true;
      } else if (noWorkTree || /not a git repository/i.test(message)) {
        throw notARepository(cwd);
      } else if (/ENOENT/.test(message)) {
        throw new GitError('GIT_UNAVAILABLE', `cannot run git: ${message}`, { cause: error });
      } else {
        throw error;
      }
    }
  if (root === '') throw notARepository(cwd);
  const place: Place = { cwd: root, env };
  // What is read to its end (a log, a diff, a stream of blobs) git writes in full buffers
  // (GIT_FLUSH=0), not once per commit: a push of 5,000 small commits is thousands of pipe
  // writes, wake-ups and reads fewer; eslint/eslint's history walk comes in ~5,600 pieces
  // instead of ~35,000. What talks to git a request at a time (`spawn`) keeps its flushes.
  const streamed: Place = { cwd: root, env: { ...env, GIT_FLUSH: '0' } };
  return {
    root,
    bare,
    gitDir,
    raw: (args) => run(place, args),
    lineBatches: (args) => streamLines(streamed, args),
    chunks: (args, input) => streamChunks(streamed, args, input),
    spawn: (args) => start(place, args, 'pipe'),
  };
}
