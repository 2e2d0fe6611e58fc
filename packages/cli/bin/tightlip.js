#!/usr/bin/env node
// The `tightlip` bin: in the workspace (kept in git, so package managers can link it before
// the first build) and, copied by scripts/build-package.mjs, in the published package.
// Either way the code it runs is ../dist/bin.js. CommonJS (bin/package.json), so that
// --version is answered without starting the ES module loader.
//
// Anything unexpected, thrown while loading (a missing or truncated file) or later, exits
// with status 2 ("could not scan"), never Node's default 1, which hooks and CI read as
// "findings": a hook then blocks and says why. One line on stderr; the stack with --verbose.
//
// Installed hooks set TIGHTLIP_EXIT_BASE (see @tightlip/hooks) and pass only on the base
// plus tightlip's own code, so that an empty or truncated install, which exits 0, blocks.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const base = /^[0-9]{1,3}$/.test(process.env.TIGHTLIP_EXIT_BASE || '')
  ? Number(process.env.TIGHTLIP_EXIT_BASE)
  : 0;

function crash(error) {
  const message = String(error instanceof Error ? error.message : error).split('\n')[0];
  const hint = verbose ? '' : ' (run with --verbose for the stack)';
  process.stderr.write(`tightlip: internal error: ${message}${hint}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(base + 2);
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

if (args.length === 1 && args[0] === '--version') {
  // Answered before loading anything else: scripts and editors ask this often.
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  process.stdout.write(`${version}\n`);
  process.exitCode = base;
} else {
  // Node >= 22.1 keeps compiled code between runs (in the OS temp dir; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
  require('node:module').enableCompileCache?.();
  // Stack traces of the bundle point into the TypeScript sources through its source maps.
  if (verbose) process.setSourceMapsEnabled(true);
  const entry = join(__dirname, '..', 'dist', 'bin.js');
  if (existsSync(entry)) {
    import(pathToFileURL(entry).href).catch(crash);
  } else {
    process.stderr.write(
      'tightlip: this install has no build (dist/bin.js): reinstall tightlip, or run `npm run build` in a checkout of it.\n',
    );
    process.exitCode = base + 2;
  }
}
