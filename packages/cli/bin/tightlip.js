#!/usr/bin/env node
// Launcher kept in git so package managers can link the bin before the first build.
//
// Anything unexpected, thrown while loading (a missing dependency) or later, exits with
// status 2 ("could not scan"), never Node's default 1, which hooks and CI read as
// "findings": a hook then blocks and says why. One line on stderr; the stack with --verbose.
import { existsSync } from 'node:fs';

const verbose = process.argv.includes('--verbose');

function crash(error) {
  const message = String(error instanceof Error ? error.message : error).split('\n')[0];
  const hint = verbose ? '' : ' (run with --verbose for the stack)';
  process.stderr.write(`tightlip: internal error: ${message}${hint}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const entry = new URL('../dist/bin.js', import.meta.url);
if (existsSync(entry)) {
  try {
    await import(entry.href);
  } catch (error) {
    crash(error);
  }
} else {
  process.stderr.write('tightlip: not built yet; run `npm run build` at the repository root.\n');
  process.exitCode = 2;
}
