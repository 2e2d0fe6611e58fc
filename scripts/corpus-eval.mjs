#!/usr/bin/env node
// Measures the credential catalog on the corpus (fixtures/src/corpus): recall on generated
// positives and false positives on the hard negatives, per rule family. `npm run corpus`
// builds first. Prints figures; `--verbose` lists every miss and false positive (masked).
//
//   node scripts/corpus-eval.mjs [--verbose] [--markdown]
import { createEngine } from '@tightlip/core';
import {
  createIndependentPositives,
  evaluateCorpus,
  evaluateIndependent,
  FORMATS,
} from '@tightlip/fixtures';

const verbose = process.argv.includes('--verbose');
const markdown = process.argv.includes('--markdown');
const started = performance.now();
const engine = createEngine();
const result = evaluateCorpus(engine);
const independent = evaluateIndependent(engine, createIndependentPositives());
const ms = performance.now() - started;

const pct = (/** @type {number} */ found, /** @type {number} */ total) =>
  total === 0 ? '-' : `${((100 * found) / total).toFixed(1)} %`;
const rows = result.families.map((f) => [
  f.family,
  String(f.rules),
  String(f.positives),
  pct(f.found, f.positives),
  String(f.falsePositives),
]);
const rules = result.families.reduce((sum, f) => sum + f.rules, 0);
const total = [
  'total',
  String(rules),
  String(result.positives),
  pct(result.found, result.positives),
  String(result.falsePositives.length),
];
const header = ['family', 'rules', 'positives', 'recall', 'false positives'];

if (markdown) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const row of [...rows, total.map((cell) => `**${cell}**`)])
    console.log(`| ${row.join(' | ')} |`);
} else {
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows, total].map((row) => row[i]?.length ?? 0)),
  );
  const line = (/** @type {string[]} */ row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(line(total));
}
console.log(
  `\n${result.positives} positives, ${result.negativeFiles} hard-negative files (${(result.negativeBytes / 1024).toFixed(0)} KiB), evaluated in ${ms.toFixed(0)} ms.`,
);
const kindCount = new Set(FORMATS.map((f) => `${f.provider} ${f.kind}`)).size;
console.log(
  `Independent set (${kindCount} kinds from providers' format descriptions, ${independent.positives} positives): recall ${pct(independent.found, independent.positives)}.`,
);
if (verbose) {
  for (const miss of independent.misses)
    console.log(
      `independent miss: ${miss.provider} ${miss.kind} in ${miss.context} (${miss.path})`,
    );
  for (const { positive, reported } of result.misses) {
    console.log(
      `miss ${positive.ruleId} in ${positive.path}:${positive.lines[0]} (reported: ${reported.join(', ') || 'nothing'})`,
    );
  }
  for (const { negative, finding } of result.falsePositives) {
    console.log(
      `false positive ${finding.ruleId} in ${negative.path}:${finding.line}: ${finding.excerpt}`,
    );
  }
}
