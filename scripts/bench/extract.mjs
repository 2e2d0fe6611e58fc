// The extraction stage: what it costs on a tree of plain text files (the same scan with
// `"extract": false` is the floor; the budget is 10 %), and its throughput on a tree of
// documents and archives (docx, pptx, xlsx, odt, PDF, zip, tgz).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  docx,
  fakeGithubToken,
  odfText,
  odt,
  pdf,
  pptx,
  tarFiles,
  word,
  xlsx,
  zipFiles,
} from '@tightlip/fixtures';
import { makeCorpus, mb } from './lib/corpus.mjs';

/** `tightlip scan <dir>` in a fresh process with the config file `config`: its time, files, bytes and findings. */
function scanOnce(/** @type {string} */ dir, /** @type {string} */ config) {
  const child = `
    const { scanPaths } = await import('@tightlip/cli');
    const start = performance.now();
    const { report } = await scanPaths({ paths: [process.argv[1]], config: process.argv[2], io: { cwd: process.argv[1], env: process.env, stdout: process.stdout, stderr: process.stderr }, termFiles: [], reveal: false });
    console.log(JSON.stringify({ ms: performance.now() - start, files: report.stats.files, bytes: report.stats.bytes, findings: report.findings.length, skipped: report.skipped.length, maxRssKb: process.resourceUsage().maxRSS }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', child, dir, config], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scan failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Best of `rounds` runs of each config, alternated so that a busy moment weighs on both alike. */
function bestOfEach(/** @type {string} */ dir, /** @type {string[]} */ configs, rounds = 5) {
  const best = configs.map(() => /** @type {any} */ (undefined));
  for (let round = 0; round < rounds; round++) {
    configs.forEach((config, i) => {
      const run = scanOnce(dir, config);
      if (!best[i] || run.ms < best[i].ms) best[i] = run;
    });
  }
  return best;
}

const root = mkdtempSync(join(tmpdir(), 'tightlip-bench-extract-'));
try {
  const withExtraction = join(root, 'extract.json');
  const textOnly = join(root, 'text-only.json');
  writeFileSync(withExtraction, '{}\n');
  writeFileSync(textOnly, '{"extract": false}\n');

  const corpus = makeCorpus();
  const text = join(root, 'text');
  for (const file of corpus.files) {
    mkdirSync(dirname(join(text, file.path)), { recursive: true });
    writeFileSync(join(text, file.path), file.text);
  }
  console.log(
    `## extract — text tree of ${corpus.files.length} files, ${mb(corpus.bytes).toFixed(1)} MB`,
  );
  const [floor, extracted] = bestOfEach(text, [textOnly, withExtraction]);
  console.log(
    `text only ("extract": false): ${floor.ms.toFixed(0)} ms; with extraction: ${extracted.ms.toFixed(0)} ms ` +
      `(${(((extracted.ms - floor.ms) / floor.ms) * 100).toFixed(1)} % over the floor, budget 10 %; ` +
      `${floor.findings} and ${extracted.findings} findings)`,
  );

  // Documents and archives, each with a few paragraphs, cells or lines and now and then a token.
  const docs = join(root, 'docs');
  const paragraph = (/** @type {number} */ i) =>
    `Paragraph ${i} of the quarterly plan: budget, hiring, roadmap and risks.`;
  const count = 40;
  for (let i = 0; i < count; i++) {
    const secret = i % 10 === 0 ? ` ${fakeGithubToken(i + 1)}` : '';
    const lines = Array.from({ length: 60 }, (_, j) => paragraph(j));
    const files = {
      [`d${i}/plan.docx`]: zipFiles(
        docx({ body: lines.map((line) => word.p(word.r(line), word.r(secret))) }),
      ),
      [`d${i}/deck.pptx`]: zipFiles(
        pptx(lines.slice(0, 20).map((line) => ({ text: [line], notes: [line + secret] }))),
      ),
      [`d${i}/sheet.xlsx`]: zipFiles(
        xlsx([
          {
            name: 'S',
            cells: Object.fromEntries(
              lines
                .slice(0, 26)
                .map((line, j) => [`${String.fromCharCode(65 + j)}1`, line + secret]),
            ),
          },
        ]),
      ),
      [`d${i}/memo.odt`]: zipFiles(odt(lines.map((line) => odfText.p(line, secret)))),
      [`d${i}/brief.pdf`]: pdf(
        Array.from(
          { length: 4 },
          (_, page) => lines.slice(page * 15, page * 15 + 15).join('\n') + secret,
        ),
        { compress: true },
      ),
      [`d${i}/src.zip`]: zipFiles(
        Object.fromEntries(
          corpus.files.slice(i * 2, i * 2 + 2).map((file) => [file.path, file.text]),
        ),
      ),
      [`d${i}/logs.tgz`]: tarFiles({ 'app.log': lines.join('\n') + secret }, { gzip: true }),
    };
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(docs, path)), { recursive: true });
      writeFileSync(join(docs, path), bytes);
    }
  }
  let docBytes = 0;
  for (let i = 0; i < count; i++)
    for (const name of [
      'plan.docx',
      'deck.pptx',
      'sheet.xlsx',
      'memo.odt',
      'brief.pdf',
      'src.zip',
      'logs.tgz',
    ])
      docBytes += statSync(join(docs, `d${i}`, name)).size;
  const [documents] = bestOfEach(docs, [withExtraction], 3);
  console.log(
    `document tree: ${count * 7} files (docx, pptx, xlsx, odt, PDF, zip, tgz), ${mb(docBytes).toFixed(1)} MB on disk: ` +
      `${documents.ms.toFixed(0)} ms, ${((count * 7) / (documents.ms / 1000)).toFixed(0)} files/s, ` +
      `${(mb(docBytes) / (documents.ms / 1000)).toFixed(1)} MB/s (${documents.files} files and members scanned, ` +
      `${documents.findings} findings, ${documents.skipped} skipped), peak RSS ${(documents.maxRssKb / 1024).toFixed(0)} MB`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
