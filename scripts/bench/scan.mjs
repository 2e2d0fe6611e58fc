// Credential scanning: the engine in memory, and `tightlip scan <dir>` in a fresh process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtinRules, createEngine, createFake, withBase62Crc32 } from '@tightlip/core';
import { bestOf, makeCorpus, mb } from './lib/corpus.mjs';

const corpus = makeCorpus();
console.log(`## scan — corpus of ${corpus.files.length} files, ${mb(corpus.bytes).toFixed(1)} MB`);

const engine = createEngine();
// The catalog's cost: the same engine with only the 165 rules the catalog had when issue 15
// (catalog breadth) was filed, measured in turns with the full one.
const first = new Set(
  JSON.parse(readFileSync(new URL('./catalog-165.json', import.meta.url), 'utf8')),
);
const firstEngine = createEngine({ rules: builtinRules.filter((rule) => first.has(rule.id)) });
let findings = 0;
const scanAll = (/** @type {typeof engine} */ using) => () => {
  findings = 0;
  for (const file of corpus.files)
    findings += using.scan({ subject: 'content', path: file.path, text: file.text }).length;
};
let ms = Infinity;
let firstMs = Infinity;
for (let round = 0; round < 3; round++) {
  firstMs = Math.min(firstMs, bestOf(scanAll(firstEngine), 1));
  ms = Math.min(ms, bestOf(scanAll(engine), 1));
}
console.log(
  `engine, built-in rules (${builtinRules.length}), in memory: ${(mb(corpus.bytes) / (ms / 1000)).toFixed(1)} MB/s (${ms.toFixed(0)} ms, ${findings} findings); ` +
    `with the ${first.size} rules of issue 15's day: ${(mb(corpus.bytes) / (firstMs / 1000)).toFixed(1)} MB/s (the full catalog ${(firstMs / ms).toFixed(2)}× its throughput)`,
);

const dir = mkdtempSync(join(tmpdir(), 'tightlip-bench-'));
try {
  for (const file of corpus.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  const child = `
    const { scanPaths } = await import('@tightlip/cli');
    const start = performance.now();
    const { report } = await scanPaths({ paths: [process.argv[1]], io: { cwd: process.argv[1], env: process.env, stdout: process.stdout, stderr: process.stderr }, termFiles: [], reveal: false });
    console.log(JSON.stringify({ ms: performance.now() - start, files: report.stats.files, findings: report.findings.length, maxRssKb: process.resourceUsage().maxRSS }));
  `;
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', child, dir], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`scan failed: ${result.stderr}`);
    runs.push(JSON.parse(result.stdout));
  }
  const best = runs.sort((a, b) => a.ms - b.ms)[0];
  console.log(
    `tightlip scan <dir>, fresh process (best of 3): ${best.files} files in ${best.ms.toFixed(0)} ms, ` +
      `${(mb(corpus.bytes) / (best.ms / 1000)).toFixed(1)} MB/s, peak RSS ${(best.maxRssKb / 1024).toFixed(0)} MB, ${best.findings} findings`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// One minified line holding many secrets: every finding masks every other on its line.
{
  const fake = createFake(9);
  const tokens = Array.from({ length: 2000 }, () => withBase62Crc32('ghp_', fake.base62(30)));
  const text = `var a=[${tokens.map((token) => `"${token}"`).join(',')}];`;
  let count = 0;
  const ms = bestOf(() => {
    count = engine.scan({ subject: 'content', path: 'bundle.min.js', text }).length;
  }, 1);
  console.log(
    `one minified line of ${(text.length / 1024).toFixed(0)} KB with ${count} tokens: ${ms.toFixed(0)} ms`,
  );
}
