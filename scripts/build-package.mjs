#!/usr/bin/env node
// Builds the published package `tightlip` (packages/tightlip/) from the workspace's sources:
// one self-contained bundle with no runtime dependency to resolve (yargs, ajv, picomatch and
// ignore are inside), its source maps, the JSON Schemas, the bin, the type declarations of the
// programmatic API, and the LICENSE. Run by scripts/bootstrap.mjs after `tsc -b`; the
// package's `prepack` adds `--declarations` (the type declarations take ~10 s, and only a
// published package needs them). Skipped when nothing it reads changed (`--force` rebuilds).
//
// esbuild bundles (ESM, code-split): the entry a hook loads (dist/bin.js) holds the command
// line only; everything a command needs comes as a chunk it imports when it runs, so a hook
// never parses the reporters, ajv or picomatch. dts-bundle-generator writes dist/index.d.ts,
// inlining the workspace packages' declarations.
//
// A second bundle, dist/snapshot.cjs, is what the hooks' startup snapshot is built from
// (packages/cli/src/actions/snapshot.ts): one CommonJS file holding everything a hook runs,
// since `node --build-snapshot` takes a single script that requires only Node's built-in
// modules. dist/snapshot-id names that bundle's build (a hash of it): the hooks use only
// a snapshot built from it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const target = join(root, 'packages', 'tightlip');
const stampFile = join(target, 'dist', '.build-stamp');

/** Every file whose change changes the package. */
function inputFiles() {
  /** @type {string[]} */
  const files = [
    fileURLToPath(import.meta.url),
    join(root, 'LICENSE'),
    join(root, 'pnpm-lock.yaml'),
    join(cli, 'bin', 'tightlip.js'),
    join(cli, 'bin', 'package.json'),
    join(cli, 'generated', 'config-validator.js'),
  ];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  for (const name of ['core', 'extract', 'git', 'hooks', 'cli'])
    walk(join(root, 'packages', name, 'src'));
  walk(join(cli, 'schema'));
  return files.sort();
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of inputFiles()) {
    hash.update(relative(root, file)).update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '').update('\0');
  }
  return hash.digest('hex');
}

/**
 * yargs renders the whole help text after every command starts (to have it at hand should
 * the command fail), measuring each cell with Unicode segmentation: ~10 ms of a hook's
 * start for a text nobody sees. tightlip never shows help on failure (its `fail` handler
 * throws), so the bundle leaves that cache empty. `--help` renders it as before.
 * @type {import('esbuild').Plugin}
 */
const noHelpCache = {
  name: 'yargs-no-help-cache',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]lib[\\/]usage\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const cached = 'cachedHelpMessage = this.help();';
      if (!text.includes(cached))
        throw new Error(`${args.path}: "${cached}" not found; check the yargs upgrade`);
      return { contents: text.replace(cached, 'cachedHelpMessage = undefined;'), loader: 'js' };
    });
  },
};

/**
 * The precompiled configuration validator, which the ES module bundle imports from
 * generated/ when first needed, bundled into the snapshot's script instead (a snapshot's
 * script cannot import files).
 * @type {import('esbuild').Plugin}
 */
const bundledValidator = {
  name: 'bundled-config-validator',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]config[\\/]validate\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const dynamic = 'import(PRECOMPILED_VALIDATOR.href)';
      if (!text.includes(dynamic))
        throw new Error(`${args.path}: "${dynamic}" not found; check how the validator is loaded`);
      return {
        contents: text.replace(dynamic, "import('../../generated/config-validator.js')"),
        loader: 'ts',
      };
    });
  },
};

/** PDF.js (~1.7 MB), an entry of its own in the ES module bundle, which the snapshot's script loads from there when a PDF is met. */
const PDFJS = {
  'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs',
  'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-worker',
};
const fromExtract = createRequire(join(root, 'packages', 'extract', 'package.json'));

/**
 * What the snapshot's script leaves out, required when a run needs it: PDF.js from the
 * ES module bundle beside it (Node ≥ 20.19 requires ES modules), and the command-line
 * parser and npm-packlist, which no hook command line uses.
 * @type {import('esbuild').Plugin}
 */
const snapshotExternals = {
  name: 'snapshot-externals',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^pdfjs-dist[\\/]/ }, (args) => {
      const name = PDFJS[/** @type {keyof typeof PDFJS} */ (args.path)];
      if (name === undefined) throw new Error(`${args.path}: not an entry of the package`);
      return { path: `./${name}.js`, external: true };
    });
    esbuild.onResolve({ filter: /^(yargs|npm-packlist|ajv)$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/**
 * The snapshot's script runs in a CommonJS wrapper whose `require` loads only Node's
 * built-in modules while the snapshot is built; at run time, what it requires beside
 * itself (PDF.js) is loaded by an ordinary `require`.
 */
const SNAPSHOT_BANNER = `'use strict';
var __tightlipUrl = require('node:url').pathToFileURL(__filename).href;
var __tightlipBuiltin = require;
require = (id) => id.startsWith('node:') ? __tightlipBuiltin(id) : __tightlipBuiltin('node:module').createRequire(__filename)(id);`;

/** dist/snapshot.cjs and dist/snapshot-id (see the top of this file). */
async function bundleSnapshot() {
  await build({
    entryPoints: [join(cli, 'src', 'snapshot.ts')],
    outfile: join(target, 'dist', 'snapshot.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    conditions: ['tightlip-source'],
    minify: true,
    // Dynamic imports of what it leaves out become `require` calls (see SNAPSHOT_BANNER).
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__tightlipUrl' },
    banner: { js: SNAPSHOT_BANNER },
    legalComments: 'none',
    plugins: [bundledValidator, snapshotExternals],
    logLevel: 'warning',
  });
  const id = createHash('sha256')
    .update(readFileSync(join(target, 'dist', 'snapshot.cjs')))
    .digest('hex')
    .slice(0, 16);
  writeFileSync(join(target, 'dist', 'snapshot-id'), `${id}\n`);
}

/** `--metafile <file>`: esbuild's account of what went into each output, to study the bundle. */
const metafileArg = process.argv.indexOf('--metafile');
const metafileOut = metafileArg === -1 ? undefined : process.argv[metafileArg + 1];

async function bundle() {
  const dist = join(target, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const { version } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  const cliVersion = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')).version;
  if (version !== cliVersion)
    throw new Error(`tightlip ${version} and @tightlip/cli ${cliVersion} must have one version`);
  const result = await build({
    metafile: metafileOut !== undefined,
    entryPoints: [
      { in: join(cli, 'src', 'bin.ts'), out: 'dist/bin' },
      { in: join(cli, 'src', 'index.ts'), out: 'dist/index' },
      { in: join(cli, 'src', 'github-action.ts'), out: 'dist/github-action' },
      // Scan worker threads, which the scan loop starts from beside its own chunk.
      { in: join(cli, 'src', 'scan', 'worker.ts'), out: 'dist/worker' },
      { in: join(cli, 'generated', 'config-validator.js'), out: 'generated/config-validator' },
      // Also what the snapshot's script requires (see snapshotExternals).
      ...Object.entries(PDFJS).map(([module, name]) => ({
        in: fromExtract.resolve(module),
        out: `dist/${name}`,
      })),
    ],
    outdir: target,
    chunkNames: 'dist/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Workspace packages from their TypeScript sources, as vitest reads them.
    conditions: ['tightlip-source'],
    minify: true,
    // No keepNames: it wraps every function made at run time in a call that names it (~10 %
    // of a pre-receive's CPU); error classes name themselves (`name`, tested).
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    // CommonJS dependencies (ajv, picomatch) require Node's built-in modules.
    banner: {
      js: "import { createRequire as __tightlipRequire } from 'node:module'; const require = __tightlipRequire(import.meta.url);",
    },
    plugins: [noHelpCache],
    logLevel: 'warning',
  });
  if (metafileOut !== undefined) writeFileSync(metafileOut, JSON.stringify(result.metafile));
  await bundleSnapshot();
  mkdirSync(join(target, 'bin'), { recursive: true });
  for (const file of ['tightlip.js', 'package.json'])
    copyFileSync(join(cli, 'bin', file), join(target, 'bin', file));
  rmSync(join(target, 'schema'), { recursive: true, force: true });
  cpSync(join(cli, 'schema'), join(target, 'schema'), { recursive: true });
  copyFileSync(join(root, 'LICENSE'), join(target, 'LICENSE'));
}

/** dist/index.d.ts: the declarations of the programmatic API, the workspace packages' inlined. */
function declarations() {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'dts-bundle-generator', 'dist', 'bin', 'dts-bundle-generator.js'),
      '--silent',
      '--no-banner',
      '--project',
      join(cli, 'tsconfig.json'),
      '--external-inlines',
      '@tightlip/core',
      '@tightlip/git',
      '@tightlip/hooks',
      '-o',
      join(target, 'dist', 'index.d.ts'),
      join(cli, 'src', 'index.ts'),
    ],
    { cwd: root, stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (result.status !== 0) throw new Error('dts-bundle-generator failed');
  // The API names Node.js types (NodeJS.ProcessEnv, streams).
  const file = join(target, 'dist', 'index.d.ts');
  writeFileSync(file, `/// <reference types="node" />\n${readFileSync(file, 'utf8')}`);
}

const withDeclarations = process.argv.includes('--declarations');
const wanted = inputsHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
const started = performance.now();
if (process.argv.includes('--force') || !built.startsWith(wanted)) {
  await bundle();
  writeFileSync(stampFile, wanted);
} else if (!withDeclarations || built.endsWith(' declarations')) {
  process.exit(0);
}
if (withDeclarations) {
  declarations();
  writeFileSync(stampFile, `${wanted} declarations`);
}
const size = readdirSync(join(target, 'dist'))
  .filter((file) => file.endsWith('.js'))
  .reduce((total, file) => total + statSync(join(target, 'dist', file)).size, 0);
process.stderr.write(
  `build-package: packages/tightlip built in ${((performance.now() - started) / 1000).toFixed(1)} s (${(size / 1024).toFixed(0)} KiB of JavaScript)\n`,
);
