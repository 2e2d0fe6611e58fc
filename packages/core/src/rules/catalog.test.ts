// What every built-in rule owes its readers, whoever adds it: who issues the credential,
// where its format is written down, samples in more than one realistic place, and a file
// that the catalog registers (so the linear-time proof and the sample tests of
// rules.test.ts, which walk the catalog, reach it).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import type { Rule } from '../types.js';
import { builtinRules, ruleFamilies } from './index.js';

const rulesDir = fileURLToPath(new URL('.', import.meta.url));

/** Whether `value` is a rule as `defineRule` returns it. */
function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && 'spec' in value && 'patterns' in value;
}

describe('the built-in catalog', () => {
  it('registers every rule that a rule file defines (a new family file goes in rules/index.ts)', async () => {
    const registered = new Set(builtinRules);
    const files = readdirSync(rulesDir).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts',
    );
    const unregistered: string[] = [];
    for (const file of files) {
      const module = (await import(`./${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
      for (const value of Object.values(module))
        for (const rule of Array.isArray(value) ? value : [value])
          if (isRule(rule) && !registered.has(rule)) unregistered.push(`${file}: ${rule.id}`);
    }
    expect(unregistered).toEqual([]);
    expect(Object.values(ruleFamilies).flat()).toEqual(builtinRules);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))(
    '%s names its provider and an https source',
    (_id, rule) => {
      expect(rule.spec.provider?.trim() ?? '').not.toBe('');
      const source = new URL(rule.spec.source ?? 'missing:');
      expect(source.protocol).toBe('https:');
      expect(source.hostname).toContain('.');
    },
  );

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))(
    '%s has match samples in at least two different contexts',
    (id, rule) => {
      const rules = [rule, ...builtinRules.filter((r) => rule.near.some((n) => n.rule === r.id))];
      const engine = createEngine({ rules, reveal: true });
      // A context is a sample with the secret it holds taken out: the same line around
      // two fresh tokens is one context.
      const contexts = new Set(
        rule.samples(createFake(11)).match.map((sample) => {
          const found = engine
            .scan({ subject: 'content', path: 'sample', text: sample })
            .find((finding) => finding.ruleId === id);
          return found?.secret === undefined ? sample : sample.split(found.secret).join('\u0000');
        }),
      );
      expect(contexts.size).toBeGreaterThanOrEqual(2);
    },
  );
});
