#!/usr/bin/env node
// Benchmarks: prints figures, asserts nothing. `npm run bench` builds first.
//
//   node scripts/bench.mjs [--mb 32] [--repos <bare repo,…>] [name…]
//
// Runs every scripts/bench/<name>.mjs (what they share, and the helpers they run, are in
// scripts/bench/lib/), each in its own process so one benchmark's heap does not weigh on
// the next; or only those named. corpus-repos needs --repos (or TIGHTLIP_BENCH_REPOS).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const args = process.argv.slice(2);
/** Options given to every benchmark, with their values. @type {string[]} */
const passThrough = [];
/** @type {string[]} */
const named = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--mb' || arg === '--repos') passThrough.push(arg, args[++i] ?? '');
  else named.push(arg);
}
const all = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.mjs'))
  .map((entry) => entry.name.slice(0, -4))
  .sort();
const chosen = named.length > 0 ? named : all;
console.log(
  `tightlip benchmarks — node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`,
);
let failed = false;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`no benchmark ${name}; have: ${all.join(', ')}`);
    failed = true;
    continue;
  }
  console.log('');
  const result = spawnSync(
    process.execPath,
    [join(dir, `${name}.mjs`), ...passThrough.map(String)],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
