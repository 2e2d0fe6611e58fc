import { builtinRules, createEngine } from '@tightlip/core';
import { describe, expect } from 'vitest';
import { it } from '@tightlip/fixtures/vitest';
import { exampleShape, explainRule, formatRuleList } from '../src/actions/rules.js';
import { runMain } from './helpers.js';

describe('rules', () => {
  it('lists every rule with its severity and title', () => {
    const text = formatRuleList('text');
    for (const rule of builtinRules)
      expect(text).toMatch(
        new RegExp(`^${rule.id} +${rule.severity} .* ${rule.title.replace(/[()/]/g, '.')}$`, 'm'),
      );
    const json = JSON.parse(formatRuleList('json')) as {
      id: string;
      remediation: string;
      family: string;
    }[];
    expect(json.map((rule) => rule.id)).toEqual(builtinRules.map((rule) => rule.id));
    expect(json.every((rule) => rule.remediation.length > 10 && rule.family.length > 0)).toBe(true);
  });

  it('explains a rule with description, remediation and a masked example', () => {
    const text = explainRule('aws-access-key-id', 'text');
    expect(text).toContain('AWS access key id');
    expect(text).toContain('What to do: Deactivate and delete the access key');
    expect(text).toMatch(/Example \(masked\):\n {2}AKIA\*{16}/);
  });

  it('gives every rule an example that is masked enough to scan clean', () => {
    const engine = createEngine();
    for (const rule of builtinRules) {
      const example = exampleShape(rule);
      expect(example, rule.id).toContain('*');
      expect(engine.scan({ subject: 'content', path: 'example', text: example! }), rule.id).toEqual(
        [],
      );
    }
  });

  it('fails with a usage error for an unknown rule', () => {
    expect(() => explainRule('github', 'text')).toThrow(/no rule github; did you mean github-pat/);
  });

  it('runs from the command line, and refuses sarif', async ({ temp }) => {
    const list = await runMain(temp, ['rules', 'list', '--format', 'json']);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(builtinRules.length);
    const explain = await runMain(temp, ['rules', 'explain', 'github-pat']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('ghp_************************************');
    const sarif = await runMain(temp, ['rules', 'list', '--format', 'sarif']);
    expect(sarif.status).toBe(2);
    expect(sarif.stderr).toContain('rules list prints text or json');
  });
});
