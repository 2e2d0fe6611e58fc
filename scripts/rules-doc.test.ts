import { readFileSync } from 'node:fs';
import { builtinRules, familyOf } from '@tightlip/core';
import { describe, expect, it } from 'vitest';
import { END, RULES_DOC, START, renderCatalog, withCatalog } from './rules-doc.mjs';

describe('the catalog of docs/rules.md', () => {
  it('is the one the built-in rules generate (after adding a rule: npm run docs:rules)', () => {
    const document = readFileSync(RULES_DOC, 'utf8');
    expect(withCatalog(document, renderCatalog(builtinRules, familyOf))).toBe(document);
  });

  it('lists every rule once, under its family, with its provider and a link to its source', () => {
    const section = renderCatalog(builtinRules, familyOf);
    for (const rule of builtinRules) {
      const rows = section.split('\n').filter((line) => line.includes(`| \`${rule.id}\` |`));
      expect(rows, rule.id).toHaveLength(1);
      expect(rows[0]).toContain(`| ${rule.spec.provider} |`);
      expect(rows[0]).toContain(`](${rule.spec.source})`);
    }
    expect(section).toContain(`${builtinRules.length} rules in`);
  });

  it('replaces only what lies between its markers', () => {
    const document = `# Title\n\nbefore\n${START}\nold\n${END}\nafter\n`;
    expect(withCatalog(document, `${START}\nnew\n${END}`)).toBe(
      `# Title\n\nbefore\n${START}\nnew\n${END}\nafter\n`,
    );
    expect(() => withCatalog('# no markers', 'x')).toThrow(/markers/);
  });
});
