#!/usr/bin/env node
// Benchmarks: prints figures, asserts nothing. Run with `npm run bench` (builds first).
//
//   node scripts/bench.mjs [--mb 32]
//
// - engine: the core over an in-memory corpus of code-like files (MB/s, findings)
// - scan:   `tightlip scan` of the same corpus written to a temp directory, in a fresh
//           process (wall time, MB/s, peak RSS)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, createFake } from '@tightlip/core';
import { fakeToken } from '@tightlip/fixtures';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '32' } } });
const targetBytes = Number(values.mb) * 1024 * 1024;
const fake = createFake(2026);

const WORDS = 'the a user config value request response build deploy token cache index model service plan release'.split(' ');
const TOKEN_RULES = ['github-pat', 'aws-access-key-id', 'slack-bot-token', 'slack-webhook-url', 'private-key'];

/** One line of plausible source: code, prose, data, or (rarely) a fake credential. */
function line(i) {
  const kind = i % 23;
  if (kind === 0) return `  const id = "${fake.hex(40)}"; // commit`;
  if (kind === 1) return `  "integrity": "sha512-${fake.base64(86)}==",`;
  if (kind === 2) return `  uuid: '${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}',`;
  if (kind === 3) return `// ${Array.from({ length: 12 }, () => fake.pick(WORDS)).join(' ')}.`;
  if (i % 997 === 0) return `  secret: "${fakeToken(fake.pick(TOKEN_RULES), i)}",`.replace(/\n/g, '\\n');
  const name = `${fake.pick(WORDS)}${fake.pick(WORDS)[0].toUpperCase()}${fake.pick(WORDS).slice(1)}`;
  return `  export function ${name}(${fake.pick(WORDS)}: string): number { return ${fake.digits(4)} + ${fake.pick(WORDS)}.length; }`;
}

function makeCorpus() {
  const files = [];
  let bytes = 0;
  let n = 0;
  while (bytes < targetBytes) {
    const lines = [];
    for (let i = 0; i < 400; i++) lines.push(line(n * 400 + i));
    const text = `${lines.join('\n')}\n`;
    files.push({ path: `src/dir${n % 50}/file${n}.ts`, text });
    bytes += Buffer.byteLength(text);
    n++;
  }
  return { files, bytes };
}

function mb(bytes) {
  return bytes / 1024 / 1024;
}

function benchEngine(corpus, label, engine) {
  // One warm-up pass, then the best of three.
  let best = Infinity;
  let findings = 0;
  for (let round = 0; round < 4; round++) {
    const start = performance.now();
    findings = 0;
    for (const file of corpus.files) findings += engine.scan({ path: file.path, text: file.text }).length;
    const ms = performance.now() - start;
    if (round > 0) best = Math.min(best, ms);
  }
  return { label, ms: best, mbps: mb(corpus.bytes) / (best / 1000), findings };
}

function benchCli(corpus) {
  const dir = mkdtempSync(join(tmpdir(), 'tightlip-bench-'));
  try {
    for (const file of corpus.files) {
      mkdirSync(join(dir, file.path, '..'), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
    }
    const child = `
      const { scanPaths } = await import('@tightlip/cli');
      const start = performance.now();
      const { report } = await scanPaths({ paths: [process.argv[1]], cwd: process.argv[1], termFiles: [], reveal: false });
      const ms = performance.now() - start;
      console.log(JSON.stringify({ ms, findings: report.findings.length, files: report.stats.files, maxRssKb: process.resourceUsage().maxRSS }));
    `;
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', child, dir], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`scan failed: ${result.stderr}`);
      runs.push(JSON.parse(result.stdout));
    }
    return runs.sort((a, b) => a.ms - b.ms)[0];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const corpus = makeCorpus();
console.log(`corpus: ${corpus.files.length} files, ${mb(corpus.bytes).toFixed(1)} MB (node ${process.version}, ${process.platform}/${process.arch})`);
console.log('');
console.log('engine (in memory, best of 3)         MB/s    ms      findings');
const results = [benchEngine(corpus, 'built-in rules', createEngine())];
for (const r of results) {
  console.log(`  ${r.label.padEnd(35)} ${r.mbps.toFixed(1).padStart(6)}  ${r.ms.toFixed(0).padStart(6)}  ${String(r.findings).padStart(8)}`);
}
const cli = benchCli(corpus);
console.log('');
console.log('tightlip scan <dir> (fresh process, best of 3)');
console.log(
  `  ${cli.files} files  ${cli.ms.toFixed(0)} ms  ${(mb(corpus.bytes) / (cli.ms / 1000)).toFixed(1)} MB/s  ` +
    `peak RSS ${(cli.maxRssKb / 1024).toFixed(0)} MB  findings ${cli.findings}`,
);
