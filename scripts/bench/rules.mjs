// Adversarial inputs against every rule's pattern: prints the slowest rules. A pattern that
// backtracks super-linearly shows up here long before it hurts a user. Asserts nothing.
import { builtinRules } from '@tightlip/core';

const dashes = '-'.repeat(5);
const KB = 100 * 1024;
const fill = (/** @type {string} */ unit) => unit.repeat(Math.ceil(KB / unit.length)).slice(0, KB);
const inputs = {
  'spaces after a PEM header': `${dashes}BEGIN RSA PRIVATE KEY${dashes}${' '.repeat(KB)}`,
  'repeated PEM headers': fill(`${dashes}BEGIN PRIVATE KEY${dashes}aaaaaaaaaa`),
  'repeated PGP headers': fill(`${dashes}BEGIN PGP PRIVATE KEY BLOCK${dashes}\n`),
  'a PEM body without an end': `${dashes}BEGIN PRIVATE KEY${dashes}\n${'A'.repeat(KB)}`,
  'word characters': fill('a'),
  'key = value pairs': fill('api_key = aaaaaaaa '),
  'URL-ish': fill('https://user:'),
};

console.log('## rules — adversarial inputs of 100 KB, the slowest rules');
const times = [];
for (const rule of builtinRules) {
  for (const [name, text] of Object.entries(inputs)) {
    // Best of three: one run alone may hold a garbage collection or the pattern's compilation.
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      for (const pattern of rule.patterns) {
        pattern.lastIndex = 0;
        while (pattern.exec(text) !== null) {
          // drain every match
        }
      }
      best = Math.min(best, performance.now() - start);
    }
    times.push({ ms: best, rule: rule.id, input: name });
  }
}
times.sort((a, b) => b.ms - a.ms);
for (const { ms, rule, input } of times.slice(0, 5))
  console.log(`${ms.toFixed(1).padStart(7)} ms  ${rule}  (${input})`);
