#!/usr/bin/env node
// The real-code false-positive benchmark: scans the full history of popular public
// repositories (every blob reachable from a pinned commit, each once) with the built-in
// rules, and checks every finding against fixtures/corpus/real/expectations.json, where
// each one is classified by hand. A finding is one (path, rule, fingerprint): the same
// masked line in many versions of a file counts once, as a history audit reports it at the
// commit that introduced it. Prints findings per 100 MB of history and the count of
// unjustified ones (a finding nobody classified counts as unjustified).
//
//   node scripts/corpus-real.mjs [--verbose] [--only <owner/name>] [--write-unclassified]
//
// --write-unclassified writes the findings no expectation covers, in the expectations'
// shape (verdict "unjustified" until someone classifies them), to a file in the temp
// directory, for review.
//
// The repositories are not part of this repository: clone them (`git clone --mirror`) into
// $TIGHTLIP_REAL_CORPUS as <owner>+<name>/repo (or <owner>+<name>.git). Without them the
// script says so and exits 0, as in CI. docs/rules.md lists the repositories and commits.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, decodeText } from '@tightlip/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestFile = join(root, 'fixtures', 'corpus', 'real', 'repositories.json');
const expectationsFile = join(root, 'fixtures', 'corpus', 'real', 'expectations.json');
const corpusDir = process.env.TIGHTLIP_REAL_CORPUS ?? join(homedir(), '.cache', 'tightlip', 'real');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const writeUnclassified = args.includes('--write-unclassified');
const MAX_BLOB = 32 * 1024 * 1024;

/** @typedef {{ name: string, commit: string, language: string }} Repository */
/** @typedef {{ repository: string, commit: string, path: string, rule: string, fingerprint: string, verdict: 'justified' | 'unjustified', why: string }} Expectation */

/** @type {Repository[]} */
const repositories = JSON.parse(readFileSync(manifestFile, 'utf8'));
/** @type {Expectation[]} */
const expectations = existsSync(expectationsFile)
  ? JSON.parse(readFileSync(expectationsFile, 'utf8'))
  : [];

/** The git directory of `name` (owner/name) under the corpus directory, if present. */
function gitDirOf(/** @type {string} */ name) {
  const base = join(corpusDir, name.replace('/', '+'));
  for (const dir of [join(base, 'repo'), `${base}.git`, base])
    if (existsSync(join(dir, 'HEAD'))) return dir;
  return undefined;
}

/** Runs git in `dir`, resolving its stdout as a string. */
function git(/** @type {string} */ dir, /** @type {string[]} */ gitArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', dir, ...gitArgs], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    /** @type {Buffer[]} */
    const out = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`git ${gitArgs[0]} exited ${code}`)),
    );
  });
}

/**
 * Every blob reachable from `commit` with the first path it is seen at, read with one
 * `git cat-file --batch`. Blobs missing from a partial copy are skipped and counted.
 * @returns {AsyncGenerator<{ id: string, path: string, bytes: Buffer }>}
 */
async function* readBlobs(
  /** @type {string} */ dir,
  /** @type {string} */ commit,
  /** @type {{ missing: number }} */ stats,
) {
  const listing = await git(dir, ['rev-list', '--objects', '--missing=allow-any', commit]);
  /** @type {Map<string, string>} */
  const paths = new Map();
  for (const line of listing.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) paths.set(line.slice(0, space), line.slice(space + 1));
  }
  const child = spawn('git', ['--git-dir', dir, 'cat-file', '--batch'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ids = [...paths.keys()];
  child.stdin.on('error', () => {});
  child.stdin.end(`${ids.join('\n')}\n`);
  let buffer = Buffer.alloc(0);
  for await (const chunk of child.stdout) {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      const newline = buffer.indexOf(10);
      if (newline === -1) break;
      const header = buffer.subarray(0, newline).toString();
      const [id, type, sizeText] = header.split(' ');
      if (type === 'missing') {
        stats.missing++;
        buffer = buffer.subarray(newline + 1);
        continue;
      }
      const size = Number(sizeText);
      if (buffer.length < newline + 1 + size + 1) break;
      const bytes = buffer.subarray(newline + 1, newline + 1 + size);
      buffer = buffer.subarray(newline + 1 + size + 1);
      if (type === 'blob')
        yield {
          id: /** @type {string} */ (id),
          path: paths.get(/** @type {string} */ (id)) ?? '',
          bytes,
        };
    }
  }
}

/** For each blob of `wanted`, the oldest commit reachable from `commit` that added it. */
async function introducingCommits(
  /** @type {string} */ dir,
  /** @type {string} */ commit,
  /** @type {Set<string>} */ wanted,
) {
  /** @type {Map<string, string>} */
  const found = new Map();
  if (wanted.size === 0) return found;
  const log = await git(dir, [
    'log',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '-m',
    '--format=%x00%H',
    commit,
  ]);
  let current = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) current = line.slice(1);
    else if (line.startsWith(':')) {
      const blob = line.split(' ')[3];
      if (blob && wanted.has(blob)) found.set(blob, current); // newest first: the last one wins
    }
  }
  return found;
}

const engine = createEngine();
const known = new Map(
  expectations.map((e) => [`${e.repository}\0${e.path}\0${e.rule}\0${e.fingerprint}`, e]),
);
/** @type {Expectation[]} */
const unclassified = [];
let totalBytes = 0;
let totalFindings = 0;
let totalUnjustified = 0;
/** @type {string[][]} */
const rows = [];
let present = 0;
for (const repo of repositories) {
  if (only && repo.name !== only) continue;
  const dir = gitDirOf(repo.name);
  if (!dir) {
    console.log(`${repo.name}: not found under ${corpusDir}, skipped`);
    continue;
  }
  present++;
  const stats = { missing: 0, binary: 0, large: 0, blobs: 0, bytes: 0 };
  const started = performance.now();
  /** @type {{ blob: string, finding: import('@tightlip/core').Finding }[]} */
  const findings = [];
  for await (const { id, path, bytes } of readBlobs(dir, repo.commit, stats)) {
    if (bytes.length > MAX_BLOB) {
      stats.large++;
      continue;
    }
    const text = decodeText(bytes);
    if (text === undefined) {
      stats.binary++;
      continue;
    }
    stats.blobs++;
    stats.bytes += bytes.length;
    for (const finding of engine.scan({ subject: 'content', path, text }))
      findings.push({ blob: id, finding });
  }
  const commits = await introducingCommits(dir, repo.commit, new Set(findings.map((f) => f.blob)));
  // One finding per (path, rule, fingerprint), at the oldest commit that introduced it.
  /** @type {Map<string, { blob: string, finding: import('@tightlip/core').Finding, commit: string }>} */
  const distinct = new Map();
  for (const { blob, finding } of findings) {
    const key = `${repo.name}\0${finding.path}\0${finding.ruleId}\0${finding.fingerprint}`;
    const commit = commits.get(blob) ?? repo.commit;
    if (!distinct.has(key)) distinct.set(key, { blob, finding, commit });
  }
  let unjustified = 0;
  for (const [key, { finding, commit }] of distinct) {
    const expectation = known.get(key);
    if (!expectation || expectation.verdict === 'unjustified') unjustified++;
    if (!expectation)
      unclassified.push({
        repository: repo.name,
        commit,
        path: finding.path,
        rule: finding.ruleId,
        fingerprint: finding.fingerprint,
        verdict: 'unjustified',
        why: `UNCLASSIFIED line ${finding.line}: ${finding.excerpt}`,
      });
    if (verbose)
      console.log(
        `  ${expectation ? expectation.verdict : 'UNCLASSIFIED'} ${finding.ruleId} ${finding.path}:${finding.line} ${finding.excerpt}`,
      );
  }
  totalBytes += stats.bytes;
  totalFindings += distinct.size;
  totalUnjustified += unjustified;
  rows.push([
    repo.name,
    repo.language,
    (stats.bytes / 1e6).toFixed(1),
    String(stats.blobs),
    String(distinct.size),
    String(unjustified),
    ((performance.now() - started) / 1000).toFixed(1),
  ]);
}

if (present === 0) {
  console.log(
    `corpus:real skipped: none of the ${repositories.length} repositories is under ${corpusDir} (set TIGHTLIP_REAL_CORPUS; see docs/rules.md).`,
  );
  process.exit(0);
}
const header = ['repository', 'language', 'MB', 'blobs', 'findings', 'unjustified', 's'];
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]?.length ?? 0)));
for (const row of [header, ...rows])
  console.log(
    row
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  '),
  );
const per100 = (/** @type {number} */ n) => ((n * 100e6) / totalBytes).toFixed(2);
console.log(
  `\n${(totalBytes / 1e6).toFixed(1)} MB of history: ${totalFindings} findings (${per100(totalFindings)} per 100 MB), ${totalUnjustified} unjustified (${per100(totalUnjustified)} per 100 MB), ${unclassified.length} unclassified.`,
);
if (writeUnclassified && unclassified.length > 0) {
  const file = join(tmpdir(), 'tightlip-unclassified.json');
  writeFileSync(file, `${JSON.stringify(unclassified, null, 2)}\n`);
  console.log(`wrote ${unclassified.length} unclassified findings to ${file}`);
}
