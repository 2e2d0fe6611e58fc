#!/usr/bin/env node
// Makes a fresh clone usable with nothing but Node.js and npm: installs the workspace with
// the pnpm version pinned in package.json (fetched through npx, never through corepack,
// whose Node 20 build fails signature checks), then builds: the precompiled config
// validator, `tsc -b`, and the published package's bundle (scripts/build-package.mjs).
// Both steps are skipped when already up to date. All output goes to stderr, so that
// `npm run scan` keeps stdout for the report.
//
// Usage: node scripts/bootstrap.mjs [--no-build]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'node_modules', '.tightlip-install-stamp');

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
  process.exit(2);
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** What the installed tree depends on: the lockfile and every workspace manifest. */
function installInputsHash() {
  const hash = createHash('sha256');
  const files = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'fixtures/package.json'];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    files.push(`packages/${name}/package.json`);
  }
  for (const file of files) {
    const path = join(root, file);
    hash
      .update(file)
      .update('\0')
      .update(existsSync(path) ? readFileSync(path) : '')
      .update('\0');
  }
  return hash.digest('hex');
}

function install() {
  const wanted = installInputsHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return;

  const manager = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
  const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(manager ?? '');
  if (!match)
    return fail(`package.json "packageManager" must pin pnpm as pnpm@x.y.z, found ${manager}`);
  process.stderr.write(`bootstrap: installing with pnpm ${match[1]} (frozen lockfile)\n`);
  run('npx', [
    '--yes',
    `pnpm@${match[1]}`,
    'install',
    '--frozen-lockfile',
    '--config.confirmModulesPurge=false',
  ]);
  writeFileSync(stampFile, installInputsHash());
}

/**
 * `tsc -b` trusts each project's tsconfig.tsbuildinfo, which sits beside its tsconfig and
 * not in dist/: with dist/ deleted it would call the project up to date and build
 * nothing. Forget the build info of a project whose output is gone.
 */
function forgetMissingBuilds() {
  const projects = [
    ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name)),
    join(root, 'fixtures'),
  ];
  for (const project of projects) {
    if (!existsSync(join(project, 'dist')))
      rmSync(join(project, 'tsconfig.tsbuildinfo'), { force: true });
  }
}

function build() {
  run(process.execPath, [join(root, 'scripts', 'generate-config-validator.mjs')]);
  forgetMissingBuilds();
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
  run(process.execPath, [join(root, 'scripts', 'build-package.mjs')]);
}

install();
if (!process.argv.includes('--no-build')) build();
