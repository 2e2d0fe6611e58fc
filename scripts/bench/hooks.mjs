// Hooks: a typical pre-commit (10 files, 500 changed lines) and `tightlip --version`, each
// as a ratio to a bare `node -e 0` measured in the same run (targets: 1.3× and 1.15×),
// pre-receive of a 500-commit push, and `tightlip history` memory at two history sizes.
// Runs the published package's bundle (packages/tightlip, built by bootstrap), as users
// install it. Prints figures, asserts nothing. Repositories are generated with git
// fast-import.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedGitEnv } from '@tightlip/fixtures';
import { bestOf } from './lib/corpus.mjs';

const BIN = fileURLToPath(new URL('../../packages/tightlip/bin/tightlip.js', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'tightlip-bench-hooks-'));
const env = isolatedGitEnv(join(base, 'home'));
mkdirSync(join(base, 'home'));

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @param {string} [input]
 * @param {NodeJS.ProcessEnv} [environment]
 */
function run(command, args, cwd, input, environment = env) {
  const result = spawnSync(command, args, {
    cwd,
    env: environment,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const line = (
  /** @type {number | string} */ commit,
  /** @type {number} */ file,
  /** @type {number} */ i,
) => `export const value${commit}_${file}_${i} = compute("${commit}-${file}-${i}", ${i * 7});`;

/**
 * A repository of `commits` commits, each adding `linesPer` lines to each of `filesPer`
 * files (appending, or replacing the file's lines when `append` is false).
 * @param {string} dir
 * @param {number} commits
 */
function createRepo(dir, commits, filesPer = 1, linesPer = 5, append = true) {
  mkdirSync(dir, { recursive: true });
  run('git', ['init', '-q', '-b', 'main', '.'], dir);
  const contents = new Map();
  let stream = '';
  for (let c = 0; c < commits; c++) {
    stream += `commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${1700000000 + c} +0000\ndata <<EOM\nchange ${c}\nEOM\n`;
    for (let f = 0; f < filesPer; f++) {
      const path = `src/dir${(c + f) % 20}/file${(c * filesPer + f) % 200}.ts`;
      const added = Array.from({ length: linesPer }, (_, i) => line(c, f, i)).join('\n');
      const text = `${append ? (contents.get(path) ?? '') : ''}${added}\n`;
      contents.set(path, text);
      stream += `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    }
  }
  run('git', ['fast-import', '--quiet'], dir, stream);
  run('git', ['checkout', '-q', '-f', 'main'], dir);
}

console.log('## hooks');
try {
  // Interleaved, best of many: on a busy machine the floor and the measure see the same load.
  const floor = () => run(process.execPath, ['-e', '0'], base);
  const version = () => run(process.execPath, [BIN, '--version'], base);
  let nodeMs = bestOf(floor, 10);
  const versionMs = bestOf(version, 10);
  nodeMs = Math.min(nodeMs, bestOf(floor, 10));

  // A typical pre-commit: 10 modified files, 50 new lines each, in a repository with history.
  const work = join(base, 'work');
  createRepo(work, 200, 1, 5);
  for (let f = 0; f < 10; f++) {
    const path = join(work, 'src', `dir${f}`, `file${f}.ts`);
    const added = Array.from({ length: 50 }, (_, i) => line('staged', f, i)).join('\n');
    writeFileSync(path, `${added}\n`, { flag: 'a' });
  }
  run('git', ['add', '-A'], work);
  // What the installed pre-commit hook runs, in the environment git gives a hook.
  const hookEnv = { ...env, GIT_PREFIX: '', GIT_INDEX_FILE: '.git/index' };
  // The floor of any Node hook that asks git for the staged changes, with nothing of
  // tightlip in it: Node starts, runs git's diff of the index and reads it. Measured before
  // and after the hook, as the floor is: a burst of load then spoils neither.
  const diffOnly = () =>
    run(
      process.execPath,
      [
        '-e',
        "require('node:child_process').execFileSync('git', ['diff', '--cached', '-p', '--unified=1'])",
      ],
      work,
      undefined,
      hookEnv,
    );
  let diffOnlyMs = bestOf(diffOnly, 10);
  const stagedMs = bestOf(
    () => run(process.execPath, [BIN, 'staged', '--hook', 'pre-commit'], work, undefined, hookEnv),
    10,
  );
  diffOnlyMs = Math.min(diffOnlyMs, bestOf(diffOnly, 10));
  nodeMs = Math.min(nodeMs, bestOf(floor, 10));
  // Printed once measured in full: every ratio uses the floor printed.
  console.log(`node -e 0: ${nodeMs.toFixed(0)} ms`);
  console.log(
    `node running git diff --cached, nothing else: ${diffOnlyMs.toFixed(0)} ms = ${(diffOnlyMs / nodeMs).toFixed(2)}× node -e 0 (what any hook in Node that asks git for the staged changes costs)`,
  );
  console.log(
    `tightlip --version: ${versionMs.toFixed(0)} ms = ${(versionMs / nodeMs).toFixed(2)}× node -e 0 (target ≤ 1.15×)`,
  );
  console.log(
    `tightlip staged (pre-commit), 10 files / 500 added lines: ${stagedMs.toFixed(0)} ms = ${(stagedMs / nodeMs).toFixed(2)}× node -e 0 (target ≤ 1.3×)`,
  );
  run(process.execPath, [BIN, 'install', '--hook', 'pre-commit'], work);
  const commit = (/** @type {string[]} */ extra) => () => {
    run('git', ['commit', '-q', '-m', 'bench', ...extra], work);
    run('git', ['reset', '-q', '--soft', 'HEAD~1'], work);
  };
  const withHook = bestOf(commit([]), 5);
  const without = bestOf(commit(['--no-verify']), 5);
  console.log(
    `git commit with the pre-commit hook: ${withHook.toFixed(0)} ms (without: ${without.toFixed(0)} ms)`,
  );

  // pre-receive: a push of 500 new commits (2 files, 5 lines each) to a bare repository.
  const source = join(base, 'source');
  createRepo(source, 500, 2, 5);
  const pushTo = (/** @type {string} */ name, /** @type {boolean} */ hook) => {
    const remote = join(base, name);
    rmSync(remote, { recursive: true, force: true });
    mkdirSync(remote);
    run('git', ['init', '-q', '--bare', '-b', 'main', '.'], remote);
    if (hook) run(process.execPath, [BIN, 'install', '--hook', 'pre-receive'], remote);
    const start = performance.now();
    run('git', ['push', '-q', remote, 'main'], source);
    return performance.now() - start;
  };
  const pushes = (/** @type {boolean} */ hook) =>
    Math.min(...[0, 1, 2].map((i) => pushTo(`remote-${hook}-${i}`, hook)));
  const plain = pushes(false);
  const guarded = pushes(true);
  console.log(
    `git push of 500 commits to a bare repository with the pre-receive hook: ${guarded.toFixed(0)} ms (without: ${plain.toFixed(0)} ms; hook ~${(guarded - plain).toFixed(0)} ms)`,
  );

  // history memory: `tightlip history` keeps what it knows of each blob and commit (a few
  // hundred bytes each), never their content; peak RSS at two sizes, heap capped at 128 MB.
  const child = `
    const { scanHistory } = await import('@tightlip/cli');
    const start = performance.now();
    const { report } = await scanHistory({ io: { cwd: process.argv[1], env: process.env, stdout: process.stdout, stderr: process.stderr }, revisions: [], termFiles: [], reveal: false });
    console.log(JSON.stringify({ ms: performance.now() - start, bytes: report.stats.bytes, maxRssKb: process.resourceUsage().maxRSS }));
  `;
  for (const commits of [2000, 20000]) {
    const dir = join(base, `history-${commits}`);
    createRepo(dir, commits, 2, 5, false);
    const out = JSON.parse(
      run(
        process.execPath,
        ['--max-old-space-size=128', '--input-type=module', '-e', child, dir],
        process.cwd(),
      ),
    );
    console.log(
      `tightlip history, ${commits} commits (${(out.bytes / 1024 / 1024).toFixed(1)} MB of text), heap capped at 128 MB: ${out.ms.toFixed(0)} ms, peak RSS ${(out.maxRssKb / 1024).toFixed(0)} MB`,
    );
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}
