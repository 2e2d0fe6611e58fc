// Credential scanning: the engine in memory, and `tightlip scan <dir>` in a fresh process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngine, createFake, withBase62Crc32 } from '@tightlip/core';
import { bestOf, makeCorpus, mb } from './corpus.mjs';

const corpus = makeCorpus();
console.log(`## scan — corpus of ${corpus.files.length} files, ${mb(corpus.bytes).toFixed(1)} MB`);

const engine = createEngine();
let findings = 0;
const ms = bestOf(() => {
  findings = 0;
  for (const file of corpus.files)
    findings += engine.scan({ subject: 'content', path: file.path, text: file.text }).length;
});
console.log(
  `engine, built-in rules, in memory: ${(mb(corpus.bytes) / (ms / 1000)).toFixed(1)} MB/s (${ms.toFixed(0)} ms, ${findings} findings)`,
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
