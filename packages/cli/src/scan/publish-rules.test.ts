import { describe, expect, it } from 'vitest';
import { createEngine, createFake } from '@tightlip/core';
import { publishRules } from './publish-rules.js';

describe('publish rules', () => {
  const engine = createEngine({ rules: publishRules });
  const scan = (text: string) => engine.scan({ subject: 'content', path: 'x', text });

  it.each(publishRules.map((rule) => [rule.id, rule] as const))(
    '%s finds its samples and ignores the rest',
    (id, rule) => {
      const { match, ignore } = rule.samples(createFake(1));
      for (const text of match) expect(scan(text).map((f) => f.ruleId)).toEqual([id]);
      for (const text of ignore) expect(scan(text)).toEqual([]);
    },
  );
});
