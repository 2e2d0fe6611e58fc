// The floor of a blob-level history audit in Node, nothing of tightlip in it: the walk git
// gives (`git log --raw`, as `tightlip history` asks for it), then every blob of the history
// read from one `git cat-file --batch --buffer` into this process, and dropped. Whatever an
// audit does with what it reads comes on top.
//   node scripts/bench/blob-floor.mjs <file of blob ids, one per line>   (in the repository)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Reads `args`' output to its end; resolves with its length in bytes. */
async function drain(/** @type {string[]} */ args, input = '') {
  const git = spawn('git', args, { stdio: ['pipe', 'pipe', 'inherit'] });
  git.stdin.end(input);
  let bytes = 0;
  // 'data' events, no backpressure: the fastest way Node has to read a pipe (an async
  // iterator over the stream took ~10 % longer on eslint's blobs).
  git.stdout.on('data', (/** @type {Buffer} */ data) => (bytes += data.length));
  const status = await new Promise((resolve) => git.on('close', resolve));
  if (status !== 0) throw new Error(`git ${args[0]} failed: exit ${status}`);
  return bytes;
}

const walk = [
  '-c',
  'core.deltaBaseCacheLimit=16m',
  'log',
  '--date-order',
  '--reverse',
  '--raw',
  '--no-abbrev',
  '-c',
  '--no-renames',
  '--ignore-submodules=none',
  '--format=%x00%H %P%x00%aI%x00%an <%ae>%x00%B%x00',
  '--all',
  '--',
];
// Any failure exits with 2: the bench takes an exit of 1 for a run that found something.
try {
  const idsFile = process.argv[2];
  if (idsFile === undefined) throw new Error('usage: node blob-floor.mjs <file of blob ids>');
  await drain(walk);
  const ids = readFileSync(idsFile, 'utf8');
  await drain(['-c', 'core.deltaBaseCacheLimit=16m', 'cat-file', '--batch', '--buffer'], ids);
} catch (error) {
  console.error(`blob-floor: ${/** @type {Error} */ (error).message}`);
  process.exit(2);
}
