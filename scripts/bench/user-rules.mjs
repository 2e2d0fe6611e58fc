// Custom rules from a configuration run on RE2 (LinearRegExp: linear in the text, whatever
// the pattern) instead of V8's backtracking RegExp. What that costs: the corpus scanned with
// the built-in rules alone (the floor), then with six typical custom rules each way.
import { builtinRules, createEngine, defineRule } from '@tightlip/core';
import { LinearRegExp } from '@tightlip/cli';
import { bestOf, makeCorpus, mb } from './lib/corpus.mjs';

const corpus = makeCorpus();
const bytes = corpus.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
const specs = [
  { id: 'acme-api-key', keywords: ['acme_'], pattern: 'acme_(?<secret>[a-z0-9]{32})\\b' },
  { id: 'acme-session', keywords: ['acmesess'], pattern: 'acmesess-[A-Za-z0-9]{20,64}' },
  {
    id: 'internal-host-token',
    keywords: ['token'],
    pattern: 'token[=:]\\s*["\']?(?<secret>[A-Za-z0-9_-]{24,})',
    flags: 'i',
  },
  { id: 'build-secret', keywords: ['build'], pattern: 'BUILD_SECRET\\s*=\\s*(?<secret>\\S{12,})' },
  { id: 'vault-path', keywords: ['vault'], pattern: 'vault:[a-z/]+#[a-z]+' },
  { id: 'no-keyword-hex', keywords: [], pattern: '\\b[0-9a-f]{64}\\b' },
];
const rules = (/** @type {(source: string, flags: string) => RegExp} */ make) =>
  specs.map((spec) =>
    defineRule({
      id: spec.id,
      title: spec.id,
      description: spec.id,
      remediation: 'rotate',
      severity: 'high',
      keywords: spec.keywords,
      pattern: make(spec.pattern, `gd${spec.flags ?? ''}`),
      samples: () => ({ match: [], ignore: [] }),
    }),
  );
const throughput = (/** @type {import('@tightlip/core').Rule[]} */ extra) => {
  const engine = createEngine({ rules: [...builtinRules, ...extra] });
  const ms = bestOf(() => {
    for (const file of corpus.files)
      engine.scan({ subject: 'content', path: file.path, text: file.text });
  });
  return mb(bytes) / (ms / 1000);
};
console.log(
  `## user rules — corpus of ${mb(bytes).toFixed(1)} MB, built-in rules plus six custom rules`,
);
const floor = throughput([]);
const v8 = throughput(rules((source, flags) => new RegExp(source, flags)));
const re2 = throughput(rules((source, flags) => new LinearRegExp(source, flags)));
console.log(`built-in rules only:           ${floor.toFixed(1)} MB/s`);
console.log(
  `+ custom rules on V8 RegExp:   ${v8.toFixed(1)} MB/s (${(floor / v8).toFixed(2)}× the floor's time; not linear)`,
);
console.log(
  `+ custom rules on LinearRegExp: ${re2.toFixed(1)} MB/s (${(floor / re2).toFixed(2)}× the floor's time)`,
);
