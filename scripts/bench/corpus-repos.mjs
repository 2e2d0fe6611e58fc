// Real repositories, each figure next to its floor measured in the same run:
// - `tightlip history` against `git log -p --all` (what a git-log-based scanner reads), and
//   the floor of any blob-level audit in Node: the walk and every blob read, nothing scanned;
// - `tightlip scan` of a working tree against `rg -i -F -f <the rules' keywords>`;
// - peak RSS of each, and of a scan of a generated 1 GB tree;
// - a run with a million findings: it must finish or stop with exit 2 and a message;
// - pre-receive of a 5,000-commit push against the same push without the hook.
//
//   npm run bench -- corpus-repos --repos /path/a.git,/path/b.git
//   (or TIGHTLIP_BENCH_REPOS=…; skipped when neither is given)
//
// Each repository is cloned into a temporary directory first (`git clone --no-checkout`
// of a bare one, e.g. a mirror), so "all refs" means what a clone has: its branches, as
// remote-tracking refs, and tags; a mirror's pull-request refs are left out. The last
// repository is checked out, and its working tree is the one scanned. Nothing is kept.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '@tightlip/core';
import { HISTORY_WALK_ARGS } from '@tightlip/git';
import { isolatedGitEnv } from '@tightlip/fixtures';

const MEASURE = fileURLToPath(new URL('./lib/measure.mjs', import.meta.url));
const BLOB_FLOOR = fileURLToPath(new URL('./lib/blob-floor.mjs', import.meta.url));
const BIN = fileURLToPath(new URL('../../packages/cli/bin/tightlip.js', import.meta.url));
const flag = process.argv.indexOf('--repos');
const list = flag !== -1 ? process.argv[flag + 1] : process.env.TIGHTLIP_BENCH_REPOS;
console.log('## corpus-repos — real repositories, each against its floor in the same run');
if (!list) {
  console.log('skipped: give --repos <bare repo,…> or TIGHTLIP_BENCH_REPOS');
  process.exit(0);
}
const repos = list.split(',').filter(Boolean);
const base = mkdtempSync(join(tmpdir(), 'tightlip-bench-repos-'));
const env = isolatedGitEnv(join(base, 'home'));
mkdirSync(join(base, 'home'));

/**
 * Wall time of a command in ms, its output thrown away.
 * @param {string} command @param {string[]} args @param {string} cwd
 */
function time(command, args, cwd, input = '') {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    env,
    input,
    stdio: ['pipe', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return performance.now() - start;
}

/**
 * The real bin run in `cwd`: exit code, wall time, peak RSS, and its JSON report's findings.
 * @param {string[]} args @param {string} cwd
 */
function tightlip(args, cwd, input = '') {
  const resultFile = join(base, 'result.json');
  const report = join(base, 'report.json');
  const run = spawnSync(process.execPath, [MEASURE, ...args, '--format', 'json', '-o', report], {
    cwd,
    env: { ...env, TIGHTLIP_BENCH_RESULT: resultFile },
    input,
    encoding: 'utf8',
  });
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  let findings;
  try {
    findings = JSON.parse(readFileSync(report, 'utf8')).findings.length;
  } catch {
    findings = undefined;
  }
  rmSync(report, { force: true });
  return { ...result, findings, stderr: run.stderr.trim() };
}

/**
 * CPU time (user + system, ms) and minor page faults of the children this process has
 * waited for, where Linux's /proc tells them. Faults are counted because they weigh here:
 * ~20 µs each on this virtual machine, and a Node process that forks git takes thousands.
 */
function childrenUsage() {
  try {
    // After the command's name: the state (field 3) ... cminflt (field 11), cutime and
    // cstime (fields 16, 17), in ticks of 1/100 s.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { cpuMs: (Number(fields[13]) + Number(fields[14])) * 10, faults: Number(fields[8]) };
  } catch {
    return undefined;
  }
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
}

/**
 * Best (lowest time) of `rounds` runs of `fn`.
 * @template {{ ms: number }} T
 * @param {() => T} fn
 * @param {number} rounds
 */
function best(fn, rounds) {
  let kept;
  for (let i = 0; i < rounds; i++) {
    const result = fn();
    if (!kept || result.ms < kept.ms) kept = result;
  }
  return /** @type {T} */ (kept);
}

/** @type {{ work: string; ours: { ms: number; maxRssKb?: number }; floorName: string; floor: number; note: string }[]} */
const rows = [];
/** @param {string} work @param {{ms: number; maxRssKb?: number}} ours @param {string} floorName @param {number} floor @param {string} [note] */
function row(work, ours, floorName, floor, note = '') {
  rows.push({ work, ours, floorName, floor, note });
  console.log(
    `${work}: ${(ours.ms / 1000).toFixed(2)} s, peak RSS ${((ours.maxRssKb ?? 0) / 1024).toFixed(0)} MB; ${floorName} ${(floor / 1000).toFixed(2)} s; ratio ${(ours.ms / floor).toFixed(2)}×${note ? ` (${note})` : ''}`,
  );
}

try {
  const rounds = Number(process.env.TIGHTLIP_BENCH_ROUNDS ?? 1);
  let tree;
  for (const [i, repo] of repos.entries()) {
    const name = basename(repo.replace(/\/repo\/?$|\.git\/?$/, '')).replace(/^.*\+/, '');
    const dir = join(base, name);
    time('git', ['clone', '-q', '--no-checkout', repo, dir], base);
    const floor = best(() => ({ ms: time('git', ['log', '-p', '--all'], dir) }), rounds).ms;
    const ours = best(() => tightlip(['history'], dir), rounds);
    const commits = spawnSync('git', ['rev-list', '--all', '--count'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    }).stdout.trim();
    row(
      `history, ${name} (${commits} commits)`,
      ours,
      'git log -p --all',
      floor,
      `${ours.findings} findings, exit ${ours.status}`,
    );
    // What any blob-level audit in Node costs before it scans anything (blob-floor.mjs).
    const ids = join(base, 'blob-ids.txt');
    const git = (/** @type {string[]} */ args, input = '') => {
      const result = spawnSync('git', args, {
        cwd: dir,
        env,
        input,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      if (result.status !== 0) throw new Error(`git ${args[0]}: ${result.stderr}`);
      return result.stdout;
    };
    // rev-list lists the commits too, whatever the filter: cat-file tells the blobs.
    const reachable = git([
      'rev-list',
      '--objects',
      '--all',
      '--filter=object:type=blob',
      '--no-object-names',
    ]);
    writeFileSync(
      ids,
      git(['cat-file', '--batch-check=%(objecttype) %(objectname)'], reachable)
        .split('\n')
        .filter((entry) => entry.startsWith('blob '))
        .map((entry) => `${entry.slice(5)}\n`)
        .join(''),
    );
    // The walk of `tightlip history` with no options: every ref.
    const walkArgs = JSON.stringify([...HISTORY_WALK_ARGS, '--all', '--']);
    const blobFloor = best(
      () => ({ ms: time(process.execPath, [BLOB_FLOOR, ids, walkArgs], dir) }),
      Math.max(rounds, 2),
    ).ms;
    console.log(
      `  floor of a blob-level audit in Node (the walk, then every blob read and dropped): ${(blobFloor / 1000).toFixed(2)} s = ${(blobFloor / floor).toFixed(2)}× git log -p --all`,
    );
    if (i === repos.length - 1) {
      time('git', ['checkout', '-q'], dir);
      tree = { name, dir };
    }
  }

  const keywords = join(base, 'keywords.txt');
  writeFileSync(
    keywords,
    `${[...new Set(builtinRules.flatMap((rule) => rule.keywords))].join('\n')}\n`,
  );
  const rg = (/** @type {string} */ dir) =>
    best(() => ({ ms: time('rg', ['-i', '-F', '-c', '-f', keywords, '.'], dir) }), 3).ms;
  if (tree) {
    const ours = best(() => tightlip(['scan', '.'], tree.dir), 3);
    row(
      `scan, ${tree.name} working tree`,
      ours,
      'rg -i -F -f <keywords>',
      rg(tree.dir),
      `${ours.findings} findings`,
    );
  }

  // A generated tree of 1 GB: 1,024 files of 1 MB of code-like lines.
  const big = join(base, 'big');
  mkdirSync(big);
  const line = (/** @type {number} */ i) =>
    `export const value${i} = compute("item-${i}", ${i * 7}); // a comment\n`;
  const block = Array.from({ length: 16_000 }, (_, i) => line(i))
    .join('')
    .slice(0, 1 << 20);
  for (let f = 0; f < 1024; f++) {
    if (f % 32 === 0) mkdirSync(join(big, `dir${f / 32}`));
    writeFileSync(join(big, `dir${Math.floor(f / 32)}`, `file${f}.ts`), block);
  }
  const bigScan = tightlip(['scan', '.'], big);
  row(
    'scan, generated tree of 1 GB',
    bigScan,
    'rg -i -F -f <keywords>',
    rg(big),
    `exit ${bigScan.status}`,
  );
  rmSync(big, { recursive: true, force: true });

  // A million findings: one term on every line of a file of a million lines.
  const flood = join(base, 'flood');
  mkdirSync(flood);
  writeFileSync(join(flood, 'terms.txt'), 'Halcyon\n');
  writeFileSync(join(flood, 'tightlip.config.json'), JSON.stringify({ terms: ['terms.txt'] }));
  writeFileSync(join(flood, 'flood.txt'), 'Halcyon is here\n'.repeat(1_000_000));
  const flooded = tightlip(['scan', 'flood.txt'], flood);
  console.log(
    `scan with a million findings: exit ${flooded.status} in ${(flooded.ms / 1000).toFixed(2)} s, peak RSS ${(flooded.maxRssKb / 1024).toFixed(0)} MB: ${flooded.stderr.split('\n')[0] ?? ''}`,
  );

  // pre-receive: a push of 5,000 commits (2 files, 5 lines each) to a bare repository.
  const source = join(base, 'push-source');
  mkdirSync(source);
  time('git', ['init', '-q', '-b', 'main', '.'], source);
  let stream = '';
  for (let c = 0; c < 5000; c++) {
    stream += `commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${1700000000 + c} +0000\ndata <<EOM\nchange ${c}\nEOM\n`;
    for (let f = 0; f < 2; f++) {
      const text = Array.from({ length: 5 }, (_, i) => line(c * 10 + f * 5 + i)).join('');
      stream += `M 100644 inline src/dir${(c + f) % 20}/file${(c * 2 + f) % 200}.ts\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    }
  }
  time('git', ['fast-import', '--quiet'], source, stream);
  const push = (/** @type {boolean} */ hook, /** @type {number} */ round) => {
    const remote = join(base, `remote-${hook}-${round}`);
    mkdirSync(remote);
    time('git', ['init', '-q', '--bare', '-b', 'main', '.'], remote);
    if (hook) time(process.execPath, [BIN, 'install', '--hook', 'pre-receive'], remote);
    const before = childrenUsage();
    const ms = time('git', ['push', '-q', remote, 'main'], source);
    const after = childrenUsage();
    rmSync(remote, { recursive: true, force: true });
    return {
      ms,
      cpuMs: before && after ? after.cpuMs - before.cpuMs : NaN,
      faults: before && after ? after.faults - before.faults : NaN,
    };
  };
  // Interleaved, so that a change of the machine's load hits both alike.
  const pushes = [0, 1, 2].map((r) => ({ plain: push(false, r), hooked: push(true, r) }));
  const plain = Math.min(...pushes.map((p) => p.plain.ms));
  const hooked = Math.min(...pushes.map((p) => p.hooked.ms));
  // The hook's own CPU (user + system, git's processes it starts included) and page
  // faults: what a busy machine's wall time hides.
  const hookCpu = median(pushes.map((p) => p.hooked.cpuMs - p.plain.cpuMs));
  const hookFaults = median(pushes.map((p) => p.hooked.faults - p.plain.faults));
  row(
    'git push of 5,000 commits with the pre-receive hook',
    { ms: hooked },
    'the same push without it',
    plain,
    Number.isNaN(hookCpu)
      ? ''
      : `the hook's CPU ${(hookCpu / 1000).toFixed(2)} s, ${hookFaults} page faults`,
  );

  console.log('\n| work | tightlip | floor | ratio | peak RSS |\n|---|---|---|---|---|');
  for (const { work, ours, floorName, floor, note } of rows)
    console.log(
      `| ${work} | ${(ours.ms / 1000).toFixed(2)} s | ${floorName} ${(floor / 1000).toFixed(2)} s | ${(ours.ms / floor).toFixed(2)}× | ${ours.maxRssKb ? `${(ours.maxRssKb / 1024).toFixed(0)} MB` : '–'} |${note ? ` ${note}` : ''}`,
    );
} finally {
  rmSync(base, { recursive: true, force: true });
}
