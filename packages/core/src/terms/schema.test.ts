import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYS, ENTRY_KEYS, HASHED_KEYS, LIST_KEYS } from './parse-json-list.js';

// The JSON Schema (for editors and reviewers) and the parser (which validates by hand)
// must accept the same keys.
const schema = JSON.parse(
  readFileSync(new URL('../../../../docs/terms.schema.json', import.meta.url), 'utf8'),
);
const keys = (object: { properties: object }) => Object.keys(object.properties).sort();

describe('docs/terms.schema.json', () => {
  it('has the keys the parser accepts', () => {
    expect(keys(schema)).toEqual([...LIST_KEYS].sort());
    expect(keys(schema.properties.defaults)).toEqual([...DEFAULT_KEYS].sort());
    expect(keys(schema.properties.hashed)).toEqual([...HASHED_KEYS].sort());
    const entryKeys = new Set([
      ...keys(schema.$defs.plainEntry),
      ...keys(schema.$defs.hashedEntry),
    ]);
    expect([...entryKeys].sort()).toEqual([...ENTRY_KEYS].sort());
    expect(keys(schema.$defs.hashedEntry)).not.toContain('term');
    expect(keys(schema.$defs.hashedEntry)).not.toContain('substring');
    expect(keys(schema.$defs.plainEntry)).not.toContain('digests');
  });
});
