// The floor of a blob-level history audit in Node, nothing of tightlip in it: the walk git
// gives (`git log --raw`, with the arguments `tightlip history` gives it: HISTORY_WALK_ARGS
// of @tightlip/git and the revisions, passed as JSON by the bench, which imports them), then
// every blob of the history read from one `git cat-file --batch --buffer` into this process,
// and dropped. Whatever an audit does with what it reads comes on top.
//   node scripts/bench/lib/blob-floor.mjs <file of blob ids, one per line> <walk arguments as JSON>
//   (in the repository)
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

// Any failure exits with 2: the bench takes an exit of 1 for a run that found something.
try {
  const [idsFile, walk] = process.argv.slice(2);
  if (idsFile === undefined || walk === undefined)
    throw new Error('usage: node blob-floor.mjs <file of blob ids> <walk arguments as JSON>');
  await drain(JSON.parse(walk));
  const ids = readFileSync(idsFile, 'utf8');
  await drain(['-c', 'core.deltaBaseCacheLimit=16m', 'cat-file', '--batch', '--buffer'], ids);
} catch (error) {
  console.error(`blob-floor: ${/** @type {Error} */ (error).message}`);
  process.exit(2);
}
