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
// never parses the reporters, ajv or picomatch. Neither it nor the git sources' chunk imports
// the engine (the git sources import @tightlip/core's `errors`, `text` and `types` only): a
// hook starts git before the rule catalog compiles (test: packages/tightlip/test/
// hook-load.e2e.test.ts). dts-bundle-generator writes dist/index.d.ts, inlining the
// workspace packages' declarations.
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
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

const rulesDir = join(root, 'packages', 'core', 'src', 'rules');

/**
 * The built-in catalog as data (see packages/core/src/rules/lazy-catalog.ts): its sources
 * bundled apart and run here, the text `catalogText` writes of their rules.
 */
async function catalogData() {
  const out = join(tmpdir(), `tightlip-catalog-${process.pid}.mjs`);
  await build({
    stdin: {
      contents:
        "export { builtinRules, familyOf } from './index.ts'; export { catalogText, keywordsOf } from './lazy-catalog.ts'; export { storedAhoCorasick } from '../codec/aho-corasick.ts';",
      resolveDir: rulesDir,
      loader: 'ts',
    },
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    conditions: ['tightlip-source'],
    logLevel: 'warning',
  });
  try {
    const catalog = await import(pathToFileURL(out).href);
    const automaton = catalog.storedAhoCorasick(catalog.keywordsOf(catalog.builtinRules), {
      foldCase: true,
    });
    return {
      text: catalog.catalogText(catalog.builtinRules, catalog.familyOf),
      automaton: Buffer.from(automaton.buffer),
    };
  } finally {
    rmSync(out, { force: true });
  }
}

/** The files beside the bundle's chunks that hold the catalog as data, and its keyword automaton. */
const CATALOG_FILE = 'catalog.jsonl';
const AUTOMATON_FILE = 'keywords.bin';

/**
 * Core's rules/builtin.ts, which the engine takes its default rules from, reads the catalog
 * as data (dist/catalog.jsonl) in the bundle: a hook reads one file instead of compiling
 * the rules' definitions (~45 ms less), and defines only the rules its text needs. The
 * definitions stay in the bundle for what needs their generated samples (`rules explain`,
 * through `@tightlip/core/catalog`). Read synchronously, as the module loads (a chunk's
 * URL is in dist/, as is the file): the engine is made synchronously. The keyword
 * automaton of the catalog's rules (dist/keywords.bin, 1.3 MB, 88 KB compressed) is read
 * when a scan first needs it (past 256 KB of text), instead of being built (~50 ms of CPU
 * in every process and worker that scans that much).
 * @type {import('esbuild').Plugin}
 */
const catalogAsData = {
  name: 'catalog-as-data',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]core[\\/]src[\\/]rules[\\/]builtin\.ts$/ }, () => ({
      contents: [
        "import { readFileSync } from 'node:fs';",
        "import { lazyCatalog } from './lazy-catalog.js';",
        'const read = (name, encoding) => {',
        '  try {',
        '    return readFileSync(new URL(`./${name}`, import.meta.url), encoding);',
        '  } catch (error) {',
        '    throw new Error(`this install of tightlip is incomplete (dist/${name}: ${error.code ?? error.message}): reinstall it`);',
        '  }',
        '};',
        `const text = read('${CATALOG_FILE}', 'utf8');`,
        `const bytes = () => read('${AUTOMATON_FILE}');`,
        // A file this large has a buffer of its own; copied should its offset not suit Int32Array.
        'const automaton = (b = bytes()) => b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2) : new Int32Array(new Uint8Array(b).buffer);',
        'export const { builtinRules, familyOf, keywordAutomaton } = lazyCatalog(text, automaton);',
      ].join('\n'),
      loader: 'ts',
      resolveDir: rulesDir,
    }));
  },
};

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
    plugins: [noHelpCache, catalogAsData],
    logLevel: 'warning',
  });
  if (metafileOut !== undefined) writeFileSync(metafileOut, JSON.stringify(result.metafile));
  const catalog = await catalogData();
  writeFileSync(join(dist, CATALOG_FILE), catalog.text);
  writeFileSync(join(dist, AUTOMATON_FILE), catalog.automaton);
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
