// Adversarial long lines (the hostile review's D15, D16): every path of a scan is linear,
// so a megabyte of any of these costs about what a megabyte of ordinary code costs. Prints
// the time per MB of each, and its ratio to ordinary text measured in the same run. The
// last three are read for the keys around a candidate (a YAML file, an INI file, JSON): a
// word and a line of spaces cost a second per 48 KB before the outline's patterns were
// bounded (found in lodash/lodash's history).
import { builtinRules, createEngine, createFake } from '@tightlip/core';
import { bestOf, makeCorpus, mb } from './lib/corpus.mjs';

const engine = createEngine();
const MB = 1024 * 1024;
const fill = (/** @type {string} */ unit, bytes = MB) =>
  unit.repeat(Math.ceil(bytes / unit.length));
const github = builtinRules.find((rule) => rule.id === 'github-pat');
const tokens = Array.from(
  { length: 22_000 },
  (_, i) => `a${i}="${github?.samples(createFake(i)).match[0]}",`,
).join('');

/** @type {Record<string, string>} */
const inputs = {
  'password = " repeated': fill('password = "'),
  'pass=abcdefgh repeated': fill('pass=abcdefgh '),
  '{"password":"…"} repeated (findings)': fill(`{"password":"${createFake(5).base62(8)}!"},`),
  'minified: 22k tokens on one line (findings)': tokens,
  'kind: Secret manifest, one document': `kind: Secret\ndata:\n${fill('  k: QUJDREVGR0hJSktMTU5PUA==\n')}`,
};
/** A candidate whose rule asks for the keys of the blocks around it (Slack's verification token, keyed by them). */
const token = `verification ${createFake(9).base62(24)}`;
/** Inputs read as another file than `x.js`, [text, path], each with that candidate. @type {Record<string, [string, string]>} */
const keyed = {
  'YAML: a word and a line of spaces': [`k${fill(' ')}\nslack:\n  note: ${token}\n`, 'x.yaml'],
  'INI: "[", a word and a line of spaces': [`[k${fill(' ')}\n[slack]\nnote = ${token}\n`, 'x.ini'],
  'JSON: a long line, then a run of braces': [
    `${fill('x', MB / 2)}\n${fill('{', MB / 2)}"note": "${token}"`,
    'x.json',
  ],
};

const ordinary = makeCorpus(MB, 7)
  .files.map((file) => file.text)
  .join('\n');
const perMb = (/** @type {string} */ text, path = 'x.js') =>
  bestOf(() => engine.scan({ subject: 'content', path, text })) / mb(Buffer.byteLength(text));
const floor = perMb(ordinary);
console.log(
  `## long lines — ms per MB, and the ratio to ordinary code (${floor.toFixed(0)} ms/MB)`,
);
for (const [name, [text, path]] of [
  ...Object.entries(inputs).map(([name, text]) => /** @type {const} */ ([name, [text, 'x.js']])),
  ...Object.entries(keyed),
]) {
  const ms = perMb(text, path);
  console.log(
    `${ms.toFixed(0).padStart(6)} ms/MB  ${(ms / floor).toFixed(1).padStart(5)}×  ${name} (${mb(Buffer.byteLength(text)).toFixed(1)} MB)`,
  );
}
