import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
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
   * Runs git with `args` and yields stdout line by line (split on `\n` only) as git writes
   * it, so memory does not grow with the output. simple-git buffers all output, even with
   * an output handler, hence a plain child process here, with the same fixed config.
   */
  lines(args: readonly string[]): AsyncGenerator<string>;
}

export function createSimpleGit(cwd: string): SimpleGit {
  return simpleGit({ baseDir: cwd, config: FIXED_CONFIG, trimmed: false });
}

function failed(args: readonly string[], detail: string, cause?: unknown): GitError {
  return new GitError('GIT_FAILED', `git ${args[0]} failed: ${detail.trim()}`, cause === undefined ? undefined : { cause });
}

async function* streamLines(cwd: string, args: readonly string[]): AsyncGenerator<string> {
  const child = spawn('git', [...FIXED_CONFIG.flatMap((entry) => ['-c', entry]), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 64 * 1024) stderr += text;
  });
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let done = false;
  try {
    child.stdout.setEncoding('utf8');
    let rest = '';
    for await (const text of child.stdout as AsyncIterable<string>) {
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield rest + text.slice(start, end);
        rest = '';
        start = end + 1;
      }
      rest += text.slice(start);
    }
    if (rest !== '') yield rest;
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

/**
 * Starts a long-lived git process that answers requests written to its stdin, one after
 * another (`cat-file --batch`, `check-attr --stdin`), at the repository's root. The caller
 * reads stdout; `onFailure` hears when the process cannot start, or ends while
 * `pending()` says answers are still awaited.
 */
export function spawnBatch(git: Git, args: readonly string[], onFailure: (error: GitError) => void, pending: () => boolean): ChildProcessWithoutNullStreams {
  const proc = spawn('git', [...args], { cwd: git.root, windowsHide: true });
  proc.on('error', (error) => onFailure(failed(args, error.message, error)));
  proc.on('close', (status) => {
    if (pending()) onFailure(failed(args, `exited early (status ${status})`));
  });
  proc.stdin.on('error', () => undefined);
  return proc;
}

/**
 * Opens the repository containing `cwd`: its work tree, or with `allowBare` a bare
 * repository (a server's, where pre-receive hooks run). Fails with NOT_A_GIT_REPOSITORY
 * outside one.
 */
export async function openRepository(cwd: string, options: { allowBare?: boolean } = {}): Promise<Git> {
  let git: SimpleGit;
  try {
    git = createSimpleGit(cwd);
  } catch (error) {
    throw new GitError('GIT_UNAVAILABLE', `cannot run git in ${cwd}: ${(error as Error).message}`, { cause: error });
  }
  let root: string;
  let gitDir: string;
  let bare = false;
  try {
    // One process for both answers: a hook pays for every git process it starts.
    [root = '', gitDir = ''] = (await git.raw(['rev-parse', '--show-toplevel', '--absolute-git-dir'])).split('\n');
  } catch (error) {
    const message = (error as Error).message;
    const noWorkTree = /must be run in a work tree/i.test(message);
    if (noWorkTree && options.allowBare && (await git.raw(['rev-parse', '--is-bare-repository'])).trim() === 'true') {
      root = gitDir = (await git.raw(['rev-parse', '--absolute-git-dir'])).trim();
      bare = true;
    } else if (noWorkTree || /not a git repository/i.test(message)) {
      throw notARepository(cwd);
    } else {
      throw failed(['rev-parse'], message, error);
    }
  }
  if (root === '') throw notARepository(cwd);
  const repo = createSimpleGit(root);
  return {
    root,
    bare,
    gitDir,
    async raw(args) {
      try {
        return await repo.raw([...args]);
      } catch (error) {
        throw failed(args, (error as Error).message, error);
      }
    },
    lines: (args) => streamLines(root, args),
  };
}
