import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { builtinRules } from './index.js';
import { findSuperLinearConstruct } from './linear-pattern.js';

// One table-driven test runs every rule's own samples, each under several seeds.
const SEEDS = [1, 2, 3, 42, 2026];

describe('built-in rules', () => {
  it('have unique kebab-case ids and a title, description and remediation', () => {
    const ids = builtinRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of builtinRules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.remediation.length).toBeGreaterThan(10);
    }
  });

  it('never match the empty string (defineRule leaves this to this test: a check at every start compiles every pattern)', () => {
    for (const rule of builtinRules)
      for (const pattern of rule.patterns)
        expect(
          new RegExp(pattern.source, pattern.flags.replace('g', '')).test(''),
          `${rule.id}: ${pattern.source}`,
        ).toBe(false);
  });

  it('are all linear-time patterns', () => {
    for (const rule of builtinRules)
      for (const pattern of rule.patterns)
        expect(findSuperLinearConstruct(pattern), `${rule.id}: ${pattern.source}`).toBeUndefined();
  });

  describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    // A rule alone, with the rules it pairs with (`near`); in a file of no telling type.
    const rules = [rule, ...builtinRules.filter((r) => rule.near.some((n) => n.rule === r.id))];
    const engine = createEngine({ rules });
    const findingsOf = (text: string) =>
      engine.scan({ subject: 'content', path: 'sample', text }).filter((f) => f.ruleId === id);

    it.each(SEEDS)('finds every match sample (seed %i)', (seed) => {
      const { match } = rule.samples(createFake(seed));
      expect(match.length).toBeGreaterThan(0);
      for (const sample of match) expect(findingsOf(sample), sample).not.toHaveLength(0);
    });

    it.each(SEEDS)('finds nothing in the ignore samples (seed %i)', (seed) => {
      const { ignore } = rule.samples(createFake(seed));
      expect(ignore.length).toBeGreaterThan(0);
      for (const sample of ignore) expect(findingsOf(sample), sample).toHaveLength(0);
    });

    it('is found inside surrounding text, masked', () => {
      const sample = rule.samples(createFake(7)).match[0]!;
      const text = `first line\nconst value = ${sample} // trailing\n`;
      const [finding] = findingsOf(text);
      // The finding starts on the sample's line, or later within a multi-line sample.
      expect(finding?.line).toBeGreaterThanOrEqual(2);
      expect(finding?.line).toBeLessThanOrEqual(2 + sample.split('\n').length - 1);
      // Nothing of the secret beyond its short visible prefix is in the masked finding.
      const secret = createEngine({ rules, reveal: true })
        .scan({ subject: 'content', path: 'sample', text })
        .find((f) => f.ruleId === id)!.secret!;
      const hidden = secret
        .slice(6)
        .split('\n')
        .filter((part) => part.length >= 8);
      for (const part of hidden) expect(JSON.stringify(finding)).not.toContain(part.slice(0, 16));
    });
  });
});
